"""The language layer: every message in every language, with the same placeholders; the
language chosen as the README says."""

from __future__ import annotations

import ast
import io
import re
import string
import tokenize

import pytest

from planaudit.lang import Language, Message, catalog, from_environment, text
from tests.conftest import ROOT


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_message_is_in_every_language():
    ids = {lang: set(catalog(lang)) for lang in Language}
    assert ids[Language.ZH] == ids[Language.EN]


@pytest.mark.parametrize("lang", [lang for lang in Language if lang is not Language.EN])
def test_every_message_has_the_placeholders_of_english(lang):
    english = catalog(Language.EN)
    differ = {
        key: (_placeholders(english[key]), _placeholders(said))
        for key, said in catalog(lang).items()
        if _placeholders(said) != _placeholders(english[key])
    }
    assert differ == {}


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, Language.EN),
        ({"LANG": "zh_CN.UTF-8"}, Language.ZH),
        ({"LANG": "en_US.UTF-8"}, Language.EN),
        ({"LANG": "C.UTF-8", "LC_MESSAGES": "zh_TW.UTF-8"}, Language.ZH),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, Language.EN),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": ""}, Language.ZH),
        ({"LANG": "zh_CN.UTF-8", "PLANAUDIT_LANG": "en"}, Language.EN),
        ({"LANG": "C", "PLANAUDIT_LANG": "ZH"}, Language.ZH),
        ({"LANG": "zh_CN.UTF-8", "PLANAUDIT_LANG": "fr"}, Language.ZH),
    ],
)
def test_the_language_comes_from_planaudit_lang_then_the_locale(environ, expected):
    assert from_environment(environ) is expected


def test_a_message_is_rendered_where_it_is_printed_in_either_language():
    said = Message.of("cli.not_a_date", text="'x'")
    assert said.render(Language.EN) == "'x' is not a date such as 2018-06-30"
    assert said.render(Language.ZH) == "'x' 不是 2018-06-30 这样的日期"
    assert text("cli.files_valid.one", Language.EN, count=1) == "1 plan file valid"


# --- No language choice outside the language layer -------------------------------------------

PACKAGE = ROOT / "planaudit"
LAYER = PACKAGE / "lang"
CODE = {
    ".".join(path.relative_to(ROOT).with_suffix("").parts): path
    for path in sorted(PACKAGE.rglob("*.py"))
    if LAYER not in path.parents
}
CHOICE = re.compile(
    r"""\bif\s+(?:not\s+)?(?:[\w.]+\.)?zh\b"""  # if zh, if words.zh
    r"""|\.zh\b"""  # a flag of the language
    r"""|[=!]=\s*["']zh["']|["']zh["']\s*[=!]="""  # == "zh"
    r"""|\bis\s+(?:not\s+)?(?:Lang|Language)\.ZH\b"""  # is Lang.ZH, is Language.ZH
    r"""|\b(?:Lang|Language)\.ZH\s+if\b"""  # Language.ZH if chinese else …
    r"""|["'](?i:zh-cn)["']""",  # a language tag: the catalog's label.document_lang
)
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
"""Chinese characters and the punctuation of CJK text, as written in the source (an escape such
as "\\u4e00" is a range's bound, not Chinese)."""

CHINESE_ALLOWED = {
    # Text that is Chinese because what it reads is: grammar and phrasings of plans and reports,
    # never words said to a user.
    "planaudit.draft": "draft reads Chinese reports: its patterns are the phrases it matches",
    "planaudit.core.phrasings": "the report phrasings draft and verify share",
    "planaudit.core.numbers": "the number grammar of plans: 万/亿, 不低于…以上, 左右",
    "planaudit.core.running_text": "the number grammar of a report's sentences (万/亿, 持平)",
    "planaudit.core.verify": "the words before a figure in a report (同比增长…, 年度目标…)",
    "planaudit.core.consistency": "a figure's magnitude (万/亿) beside its unit",
    "planaudit.core.forecast": "units counted one by one (个, 户, 套…): projected in whole items",
    "planaudit.render.words.figures": "a plan target's wording after its figure (以上, 左右…)",
    "planaudit.io.loader": "a key typed with a full-width colon (name：), the typo it points at",
    # Typesetting, the same whatever the language: CJK punctuation no line may start or end on.
    "planaudit.render.line_break": "CJK punctuation that may not start or end a line",
    "planaudit.cli.help_text": "CJK punctuation that may not start or end a line of help",
    # The JSON Schema an editor shows beside plan keys: English, with each key's glossary term.
    "planaudit.core.model": "each plan key's glossary term in the schema's description",
    "planaudit.core.schema": "the schema's title with its glossary term",
}


def language_choices(source: str) -> list[str]:
    """The lines of `source` that choose a language."""
    return [line.strip() for line in source.splitlines() if CHOICE.search(line)]


def chinese_literals(source: str) -> list[str]:
    """The string literals of `source` (f-strings too; docstrings left out) written with Chinese
    characters."""
    docstrings = {
        (node.lineno, node.col_offset)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }
    return [
        f"{token.start[0]}: {token.string}"
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.STRING
        and token.start not in docstrings
        and CJK.search(token.string)
    ]


def _allowed(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in CHINESE_ALLOWED)


@pytest.mark.parametrize("module", sorted(CODE))
def test_no_language_is_chosen_outside_the_language_layer(module):
    assert language_choices(CODE[module].read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("module", sorted(name for name in CODE if not _allowed(name)))
def test_no_chinese_is_written_outside_the_language_layer(module):
    assert chinese_literals(CODE[module].read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("allowed", sorted(CHINESE_ALLOWED))
def test_every_module_allowed_chinese_still_needs_it(allowed):
    """An entry of the allow-list that nothing needs any more goes."""
    modules = [name for name in CODE if name == allowed or name.startswith(allowed + ".")]
    assert any(chinese_literals(CODE[name].read_text(encoding="utf-8")) for name in modules)


@pytest.mark.parametrize(
    "planted",
    [
        "if words.zh:\n    pass\n",
        "if zh:\n    pass\n",
        "chinese = lang == 'zh'\n",
        "if lang is Lang.ZH:\n    pass\n",
        "if lang is not Language.ZH:\n    pass\n",
        "lang = Language.ZH if chinese else Language.EN\n",
        "tag = 'zh-CN'\n",
        'flag = {"zh": words.zh}\n',
    ],
)
def test_a_planted_language_choice_is_found(planted):
    assert language_choices(planted) == [planted.splitlines()[0].strip()]


def test_planted_chinese_is_found_and_a_docstring_or_an_escape_is_not():
    source = '"""计划。"""\nSTART = "\\u4e00"\ndef f():\n    """说明。"""\n    return "滞后"\n'
    assert chinese_literals(source) == ['5: "滞后"']
    assert chinese_literals('x = f"{n}项"\n') == ['1: f"{n}项"']

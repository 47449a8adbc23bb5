"""Issue 13's "Done when": a Chinese user (LANG=zh_CN.UTF-8) meets no English in help, usage
errors, diagnostics or any command's output; an English user meets no Chinese outside plan text.

Every command runs (its output, its --help, a usage error of it), and every file of
tests/cases/invalid/ and tests/cases/hostile/ is validated, under both locales, in processes of
their own (the language of help is read at start-up); the script of each line is checked."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml

from planaudit.cli.app import app
from planaudit.core.model import Indicator, PeriodSpan, Plan
from planaudit.core.terms import Direction, FailOn, Kind
from planaudit.io.source import Encoding
from tests.conftest import ROOT, usage_line_apart

CASES = ROOT / "tests" / "cases"
PLAN = "plans/chaoyang-2018.yaml"
COMMANDS: list[tuple[str, ...]] = [
    (),
    ("--version",),
    ("check", PLAN, "--as-of", "2018-06-30"),
    ("check", PLAN, "--forecast", "--fail-on", "never"),
    ("check", PLAN, "-f", "markdown"),
    ("check", PLAN, "-f", "junit"),
    ("check", PLAN, "-f", "github"),
    ("check", "plans/", "--lang", "zh"),
    ("check", "plans/", "--lang", "en"),
    ("check", PLAN, "--lang", "en", "--forecast"),
    ("check", PLAN, "--lang", "en", "-f", "github"),
    ("history", "tests/cases/history/quarterly.yaml", "--lang", "en"),
    ("diff", "tests/cases/diff/old.yaml", "tests/cases/diff/new.yaml", "--lang", "en"),
    ("validate", "plans/"),
    ("validate", "nosuchfile.yaml"),
    ("verify", PLAN, "-r", "reports/chaoyang-2018-h1.txt"),
    ("history", "tests/cases/history/quarterly.yaml"),
    ("diff", "tests/cases/diff/old.yaml", "tests/cases/diff/new.yaml"),
    ("diff", "--since", "no-such-revision", "plans/"),
    ("draft", "reports/chaoyang-2018-h1.txt"),
    ("draft", "README.md", "--max-size", "0.001"),
    ("config",),
    ("config", "check", "--fail-on", "watch"),
    ("check", PLAN, "--quiet"),
    ("check", PLAN, "--no-color", "--lang", "en"),
    ("validate", "plans/", "-q"),
    ("diff", "tests/cases/diff/old.yaml", "tests/cases/diff/new.yaml", "--encoding", "utf-8"),
]
USAGE_ERRORS: list[tuple[str, ...]] = [
    ("chek",),
    ("--bogus",),
    ("check", "--format", "foo"),
    ("check", "--as-of"),
    ("check", "--as-of", "2018-13-01"),
    ("check", "--tolerance", "abc"),
    ("check", "--jobs", "-1"),
    ("check", "--forecast=3"),
    ("check", "-f", "xlsx"),
    ("validate", "--max-size", "0"),
    ("verify",),
    ("verify", PLAN),
    ("history", "--lang", "fr"),
    ("diff", "one.yaml"),
    ("draft",),
    ("schema", "extra"),
    ("config", "--config", "a.toml", "--no-config"),
    ("config", "nosuchcommand"),
    ("check", "-", "-"),
    ("diff", "--since", "HEAD", "-"),
    ("check", PLAN, "-o", "report.json", "-f", "markdown"),
    ("history", "tests/cases/history/quarterly.yaml", "-o", "history.sarif"),
]
REPORTS = {("check",), ("history",), ("diff",)}
"""The commands whose report speaks the plan's language under --lang auto."""
COMMAND_NAMES = ["check", "validate", "verify", "history", "diff", "draft", "schema", "config"]
DIAGNOSED = sorted((CASES / "invalid").glob("*.yaml")) + sorted((CASES / "hostile").glob("*.yaml"))

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_'-]*[A-Za-z0-9]")


@cache
def plan_words() -> frozenset[str]:
    """The keys of a plan file and of a configuration file (the long option names) and the
    values their enums take: names, not English prose."""
    keys = set(Plan.model_fields) | set(Indicator.model_fields) | set(PeriodSpan.model_fields)
    values = {v.value for enum in (Kind, Direction, FailOn, Encoding) for v in enum}
    group: Any = typer.main.get_command(app)
    options = {
        name.lstrip("-")
        for command in group.commands.values()
        for param in command.params
        for name in param.opts
        if name.startswith("--")
    }
    literals = {"annual"}  # mean: annual
    return frozenset(keys | values | options | literals | {"same_as", "ID", "null"})


ALLOWED = {
    # names of programs, formats, encodings and standards
    "planaudit", "git", "YAML", "JSON", "Schema", "Markdown", "HTML", "CSV", "JUnit", "SARIF",
    "GitLab", "GitHub", "UTF", "GBK", "GB", "BOM", "NUL", "NaN", "MB", "iconv", "pre-commit",
    "draft", "txt", "yaml", "yml", "xlsx", "csv", "html", "json", "markdown", "junit", "github",
    "sarif", "gitlab", "table", "auto", "zh", "en", "flagged", "origin", "main", "plans",
    "reports", "chaoyang", "old", "new", "PLANAUDIT", "DEBUG", "LANG", "id", "figure", "figures",
    "check", "validate", "verify", "history", "diff", "schema", "config", "true", "false", "utf-8",
    "gb18030", "pyproject", "toml", "paths",
    "UTF-16",
}  # fmt: skip
"""Words a Chinese line may hold: names of tools, formats and encodings, values of options."""

STRIP = [
    re.compile(r"“[^”]*”|'[^']*'|\"[^\"]*\"|`[^`]*`"),  # quoted text: plan text, keys
    re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*"),  # option names
    re.compile(r"[\w.~-]*/[\w./*~-]*|[\w*.-]*\.(?:yaml|yml|txt|json|md|xml|sarif|toml)\b"),  # paths
    re.compile(r"\{[^}]*\}|<[^>]*>|\[[^\]]*\]"),  # {date: figure}, <table|json>, [选项]
    re.compile(r"U\+[0-9A-F]{4}|0x[0-9A-F]{2}|\b[A-Z_]+=1\b"),  # code points, bytes, VAR=1
    re.compile(r"!![\w/:.]+"),  # YAML tags
    re.compile(r"^::\w+|\b(?:file|line|col|endLine|endColumn|title)=|::"),  # GitHub commands
]


def _without_allowed(line: str, plan_text: frozenset[str]) -> str:
    for text in sorted(plan_text, key=len, reverse=True):
        if len(text) < 2 or text not in line:
            continue
        if text.isascii():  # whole words only: a plan's `plan:` is not the plan of planaudit
            line = re.sub(rf"(?<![A-Za-z-]){re.escape(text)}(?![A-Za-z-])", " ", line)
        else:
            line = line.replace(text, " ")
    for pattern in STRIP:
        line = pattern.sub(" ", line)
    return line


def english_words(line: str, plan_text: frozenset[str] = frozenset()) -> list[str]:
    """The English words of a line meant to be Chinese, beyond names and plan text (a table
    wraps plan text anywhere, so a piece of a word of it is plan text too)."""
    rest = _without_allowed(line, plan_text)
    return [
        word
        for word in WORD.findall(rest)
        if word.lower() not in ALLOWED
        and word not in ALLOWED
        and word not in plan_words()
        and not word.isupper()
        and not any(word in text for text in plan_text if text.isascii())
    ]


PLAN_GRAMMAR = re.compile(
    r"万亿|万|亿|个百分点|百分点|以上|不低于|不少于|以内|控制在…以内|控制在|左右|力争|确保|低于|高于|超|"
    r"落后序时进度|塌目标|比序时进度快|持平"
)
"""What a plan file itself may be written with: English messages name it (write 1.7万)."""


HAN_RUN = re.compile(f"{HAN.pattern}+")


def chinese_outside_plan_text(line: str, plan_text: frozenset[str]) -> list[str]:
    """Chinese that is not plan text: a table wraps a long name over lines, so a run of Chinese
    characters found inside any text of the plan is plan text."""
    rest = PLAN_GRAMMAR.sub(" ", _without_allowed(line, plan_text))
    return [run for run in HAN_RUN.findall(rest) if not any(run in text for text in plan_text)]


def _run(args: tuple[str, ...], language: str) -> tuple[str, str, int]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PLANAUDIT_"))}
    env.update(LANG=language, COLUMNS="100")
    env.pop("GITHUB_STEP_SUMMARY", None)
    done = subprocess.run(
        [str(Path(sys.executable).parent / "planaudit"), *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,  # `-` reads standard input: never the terminal's
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )
    return done.stdout, done.stderr, done.returncode


def _every_run() -> list[tuple[str, ...]]:
    runs = list(COMMANDS) + list(USAGE_ERRORS)
    runs += [(name, "--help") for name in COMMAND_NAMES] + [("--help",)]
    runs += [("validate", str(path.relative_to(ROOT))) for path in DIAGNOSED]
    return runs


@cache
def outputs(language: str) -> dict[tuple[str, ...], tuple[str, str, int]]:
    runs = _every_run()
    with ThreadPoolExecutor(max_workers=4) as pool:
        done = list(pool.map(lambda args: _run(args, language), runs))
    return dict(zip(runs, done, strict=True))


def _strings(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(_strings(k) | _strings(v) for k, v in value.items()), set())
    if isinstance(value, list):
        return set().union(*(_strings(item) for item in value), set())
    return set()


@cache
def plan_text_of(args: tuple[str, ...]) -> frozenset[str]:
    """Every string of the plan files and reports a run reads: shown as data, in any language."""
    found: set[str] = set()
    for arg in args:
        path = ROOT / arg
        files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
        for file in files:
            if not file.is_file():
                continue
            text = file.read_bytes().decode("utf-8", "replace")
            with contextlib.suppress(yaml.YAMLError, ValueError, RecursionError):  # invalid cases
                found |= _strings(yaml.safe_load(text))
            if file.suffix == ".txt" or args[0] == "draft":
                found |= {part for part in re.split(r"[\s，。；：、（）()]+", text) if part}
            found |= {line.strip() for line in text.splitlines() if line.strip()}
    found |= set(args)  # what the user typed is shown back as typed
    # a table wraps a long name over lines: each word of plan text is plan text
    found |= {word for text in found for word in text.split() if len(word) > 1}
    return frozenset(found)


def _lines(args: tuple[str, ...], language: str) -> list[str]:
    stdout, stderr, _ = outputs(language)[args]
    if args[:1] == ("check",) and "junit" in args:  # XML: the words are in its attributes
        said = re.findall(r"<(?:testsuite|testcase|failure|error|skipped) [^>]*>", stdout)
        stdout = "\n".join(re.findall(r"(?:name|message)=\"([^\"]*)\"", "\n".join(said)))
    return [line for line in (stdout + "\n" + stderr).splitlines() if line.strip()]


def _asks(args: tuple[str, ...], language: str) -> bool:
    return any(a == "--lang" and b == language for a, b in pairwise(args))


CHINESE_RUNS = [args for args in _every_run() if not _asks(args, "en")]
ENGLISH_RUNS = [
    args
    for args in _every_run()
    if not _asks(args, "zh") and (args[:1] not in REPORTS or _asks(args, "en"))
]
"""An English user's runs: a report of a Chinese plan speaks Chinese unless --lang en."""


def _ids(runs: list[tuple[str, ...]]) -> list[str]:
    return [" ".join(args) or "(no arguments)" for args in runs]


@pytest.mark.parametrize("args", CHINESE_RUNS, ids=_ids(CHINESE_RUNS))
def test_a_chinese_user_meets_no_english(args):
    plan_text = plan_text_of(args)
    english = {}
    for line in _lines(args, "zh_CN.UTF-8"):
        words = english_words(line, plan_text)
        if words:
            english[line] = words
    assert english == {}


@pytest.mark.parametrize("args", CHINESE_RUNS, ids=_ids(CHINESE_RUNS))
def test_every_chinese_line_is_chinese(args):
    """A line with words of its own (not only plan text, paths, keys and figures) holds Han
    characters."""
    plan_text = plan_text_of(args)
    latin_only = [
        line
        for line in _lines(args, "zh_CN.UTF-8")
        if not HAN.search(line) and english_words(line, plan_text)
    ]
    assert latin_only == []


@pytest.mark.parametrize("args", ENGLISH_RUNS, ids=_ids(ENGLISH_RUNS))
def test_an_english_user_meets_no_chinese_outside_plan_text(args):
    plan_text = plan_text_of(args)
    chinese = {}
    for line in _lines(args, "C.UTF-8"):
        found = chinese_outside_plan_text(line, plan_text)
        if found:
            chinese[line] = "".join(found)
    assert chinese == {}


def test_check_quiet_speaks_chinese():
    """The verdict line of the failing plan, nothing else, in the words of a Chinese report."""
    assert outputs("zh_CN.UTF-8")[("check", PLAN, "--quiet")] == (
        "plans/chaoyang-2018.yaml: 时间过半、任务过半：未实现（累计指标12项中10项）；"
        "增速等指标1项中1项达到目标；节点任务2项未到期。标记2项。\n",
        "",
        1,
    )


def test_a_stdin_usage_error_speaks_chinese():
    stdout, stderr, code = outputs("zh_CN.UTF-8")[("check", "-", "-")]
    assert usage_line_apart((code, stdout, stderr)) == (
        2,
        "",
        "用法：…\n"
        "运行“planaudit check -h”查看帮助。\n\n"
        "错误：“路径” 的取值无效：-（标准输入）只能代表一个文件\n",
    )


@pytest.mark.parametrize(
    ("language", "command", "line"),
    [
        ("zh_CN.UTF-8", "check", "  路径…  计划文件，或在其中查找 *.yaml/*.yml 的目录；- 表示读取标准输入。默"),  # noqa: E501
        ("en_US.UTF-8", "check", "  PATH…  Plan files, or directories searched for *.yaml/*.yml; - reads"),  # noqa: E501
        ("zh_CN.UTF-8", "verify", "  计划文件  计划文件。 [必填]"),
        ("en_US.UTF-8", "verify", "  PLAN  The plan file.  [required]"),
        ("zh_CN.UTF-8", "diff", "  旧 新 | 路径…  两个计划文件（旧、新）；使用 --since 时为计划文件或目录（默认"),  # noqa: E501
        ("en_US.UTF-8", "diff", "  OLD NEW | PATH…  Two plan files (old, new); with --since, plan files or"),  # noqa: E501
    ],
)  # fmt: skip
def test_an_argument_is_named_by_the_catalog_never_by_its_python_type(language, command, line):
    stdout, stderr, code = _run((command, "--help"), language)
    lines = stdout.splitlines()
    heading = lines.index("参数：" if language.startswith("zh") else "Arguments:")
    assert (lines[heading + 1], stderr, code) == (line, "", 0)
    assert "<list[" not in stdout and "<path>" not in stdout


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("zh_CN.UTF-8", "                                  [必填]"),
        ("en_US.UTF-8", "  -r, --report REPORT.txt         The report the plan quotes; - reads standard"),  # noqa: E501
    ],
)  # fmt: skip
def test_a_bracket_never_starts_a_line_of_help(language, line):
    assert line in _run(("verify", "--help"), language)[0].splitlines()


def test_config_aligns_its_comments_by_display_width():
    stdout, stderr, code = _run(("config", "check", "--no-config"), "zh_CN.UTF-8")
    assert (stderr, code) == ("", 0)
    assert "# tolerance 未设置   # 默认值" in stdout.splitlines()
    assert 'paths = ["plans"]    # 默认值' in stdout.splitlines()


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("zh_CN.UTF-8", "核对引文 22 条：不一致 0 处；报告中未引用的进度数字 12 个。"),
        ("en_US.UTF-8", "22 quotes checked: 0 mismatches; 12 progress figures in the report not cited."),  # noqa: E501
    ],
)  # fmt: skip
def test_verify_counts_in_each_language(language, line):
    args = ("verify", PLAN, "-r", "reports/chaoyang-2018-h1.txt")
    stdout, stderr, code = _run(args, language)
    assert (stdout.splitlines()[-1], stderr, code) == (line, "", 0)


def test_verify_counts_one_of_each_in_the_singular():
    from planaudit.lang import Language, choose
    from planaudit.render.words import verify_counts

    choose(Language.EN)
    assert verify_counts(1, 1, 1) == (
        "1 quote checked: 1 mismatch; 1 progress figure in the report not cited."
    )
    choose(Language.ZH)
    assert verify_counts(1, 1, 1) == "核对引文 1 条：不一致 1 处；报告中未引用的进度数字 1 个。"


@pytest.mark.parametrize("language", ["zh_CN.UTF-8", "en_US.UTF-8"])
def test_every_help_fits_an_80_column_terminal(language):
    """No line of any --help wider than 80 columns (a closing mark takes the character it closes
    down with it rather than run past the edge: check --help's --jobs line was 81)."""
    from rich.cells import cell_len

    for args in [(name, "--help") for name in COMMAND_NAMES] + [("--help",)]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PLANAUDIT_"))}
        env.update(LANG=language, COLUMNS="80")
        done = subprocess.run(
            [str(Path(sys.executable).parent / "planaudit"), *args],
            capture_output=True, text=True, cwd=ROOT, env=env, check=False,
        )  # fmt: skip
        assert done.returncode == 0, args
        wide = [line for line in done.stdout.splitlines() if cell_len(line) > 80]
        assert wide == [], args

"""The language layer: every message in every language, with the same placeholders; the
language chosen as the README says."""

from __future__ import annotations

import string

import pytest

from planaudit.lang import Language, Message, catalog, from_environment, text


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

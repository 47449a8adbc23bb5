"""Every label, status and sentence of the human formats, in Chinese and English: one module per
thing spoken about (labels, figures, verdict, findings, forecast, changes), the labels of each
language in its own module. `Words` speaks one language; `words_for` picks it.

Figures are shown as written in the plan (`1.7万`, `6.5%左右`); computed percentages with two
decimals; text from plan files made inert by `literal` before any format escapes it further.
"""

from __future__ import annotations

from planaudit.core.results.plans import PlanReport, Rollup
from planaudit.render.registry import Lang
from planaudit.render.words.changes import ChangeWords, nothing_changed
from planaudit.render.words.chinese import ChineseLabels
from planaudit.render.words.english import EnglishLabels
from planaudit.render.words.figures import (
    SEPARATOR,
    bar,
    literal,
    number,
    percent,
    points,
    sparkline,
)
from planaudit.render.words.findings import FindingWords, uncited_figure, verify_counts
from planaudit.render.words.forecast import ForecastWords
from planaudit.render.words.labels import Alert, Labels
from planaudit.render.words.verdict import VerdictWords, alarming

__all__ = [
    "CHINESE",
    "ENGLISH",
    "SEPARATOR",
    "Alert",
    "Words",
    "alarming",
    "bar",
    "literal",
    "nothing_changed",
    "number",
    "percent",
    "points",
    "sparkline",
    "uncited_figure",
    "verify_counts",
    "words_for",
    "words_for_rollup",
    "words_in",
]


class Words(VerdictWords, FindingWords, ForecastWords, ChangeWords, Labels):
    """The words of one language: its labels, and every sentence said with them."""


class _Chinese(ChineseLabels, Words):
    pass


class _English(EnglishLabels, Words):
    pass


CHINESE: Words = _Chinese()
ENGLISH: Words = _English()


def words_in(chinese: bool, lang: Lang) -> Words:
    """The words of `lang`; under `auto`, Chinese for a Chinese plan (`chinese`)."""
    return CHINESE if lang is Lang.ZH or (lang is Lang.AUTO and chinese) else ENGLISH


def words_for(plan: PlanReport, lang: Lang) -> Words:
    """The plan's language under `auto`: Chinese when its own text is Chinese."""
    return words_in(plan.chinese, lang)


def words_for_rollup(rollup: Rollup, lang: Lang) -> Words:
    """A roll-up speaks Chinese under `auto` when any of its plans does."""
    return words_in(any(line.chinese for line in rollup.plans), lang)

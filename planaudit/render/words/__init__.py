"""Every label, status and sentence of the human formats: one module per thing spoken about
(labels, figures, verdict, findings, forecast, changes), every word of them read from the catalog
of one language (planaudit.lang). `Words` speaks one language; `words_for` picks it, as the
language layer chooses a report's language (`for_plan`).

Figures are shown as written in the plan (`1.7万`, `6.5%左右`); computed percentages with two
decimals; text from plan files made inert by `literal` before any format escapes it further.
"""

from __future__ import annotations

from planaudit.core.results.plans import PlanReport, Rollup
from planaudit.lang import Language, for_plan
from planaudit.render.registry import Lang
from planaudit.render.words.changes import ChangeWords, nothing_changed
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
    "words_of",
]


class Words(VerdictWords, FindingWords, ForecastWords, ChangeWords, Labels):
    """The words of one language: its labels, and every sentence said with them."""


_WORDS = {lang: Words(lang) for lang in Language}
CHINESE = _WORDS[Language.ZH]
ENGLISH = _WORDS[Language.EN]


def words_of(lang: Language) -> Words:
    """The words of `lang`."""
    return _WORDS[lang]


def words_in(chinese: bool, lang: Lang) -> Words:
    """The words of `lang`; under `auto`, the plan's language (`chinese`: its text is Chinese)."""
    return _WORDS[for_plan(chinese, lang.language)]


def words_for(plan: PlanReport, lang: Lang) -> Words:
    """The plan's language under `auto`: Chinese when its own text is Chinese."""
    return words_in(plan.chinese, lang)


def words_for_rollup(rollup: Rollup, lang: Lang) -> Words:
    """A roll-up speaks Chinese under `auto` when any of its plans does."""
    return words_in(any(line.chinese for line in rollup.plans), lang)

"""The bundled plans: valid, audited, and quoting their report word for word."""

from __future__ import annotations

import re

import pytest

from planaudit.loader import load
from tests.conftest import ROOT

PLANS = sorted((ROOT / "plans").glob("*.yaml"))
CHAOYANG_REPORT = (ROOT / "reports" / "chaoyang-2018-h1.txt").read_text(encoding="utf-8")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_bundled_plans_load(path):
    assert load(path).plan.indicators


def test_every_chaoyang_source_is_quoted_verbatim():
    plan = load(ROOT / "plans" / "chaoyang-2018.yaml").plan
    report = squeeze(CHAOYANG_REPORT)
    assert len(plan.indicators) >= 15
    for indicator in plan.indicators:
        assert indicator.source, indicator.name
        for piece in indicator.source.split("…"):
            assert squeeze(piece) in report, (indicator.name, piece)


def test_chaoyang_figures_appear_in_their_quotes():
    plan = load(ROOT / "plans" / "chaoyang-2018.yaml").plan
    for indicator in plan.indicators:
        figures = [indicator.target.figure] if indicator.target else []
        for reported in (indicator.actual, indicator.stated):
            assert not isinstance(reported, dict), "the Chaoyang report has one date"
            figures += [reported] if reported else []
        for figure in figures:
            text = figure.text.lstrip("-")
            assert text.rstrip("%") in (indicator.source or ""), (indicator.name, text)

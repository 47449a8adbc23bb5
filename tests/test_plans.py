"""The bundled plans: valid, and quoting their report word for word with their own figures."""

from __future__ import annotations

import pytest

from planaudit.core.verify import mismatches
from planaudit.io.loader import load
from tests.conftest import ROOT

PLANS = sorted((ROOT / "plans").glob("*.yaml"))
CHAOYANG_REPORT = (ROOT / "reports" / "chaoyang-2018-h1.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_bundled_plans_load(path):
    assert load(path).plan.indicators


def test_every_chaoyang_indicator_quotes_its_report():
    plan = load(ROOT / "plans" / "chaoyang-2018.yaml").plan
    assert len(plan.indicators) >= 15
    assert all(indicator.source for indicator in plan.indicators)
    assert mismatches(plan, CHAOYANG_REPORT) == []

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner, Result

from planaudit.cli.app import app
from planaudit.core.audit import audit_plan
from planaudit.core.model import Plan
from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.results.plans import PlanReport
from planaudit.lang import choose

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line as tests run it: from the repository root, 120 columns, outside CI."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "120")
    for name in ("GITHUB_STEP_SUMMARY", "PLANAUDIT_DEBUG", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _language_of_the_environment() -> Iterator[None]:
    """A test that ran a command with --lang zh leaves no language behind for the next."""
    yield
    choose(None)


def run(*args: str) -> Result:
    """`planaudit ARGS…`, with stdout and stderr apart."""
    return CliRunner().invoke(app, list(args))


def plan_of(*indicators: dict[str, Any], **keys: Any) -> Plan:
    """A valid plan around the given indicators; a 2018 calendar year unless told otherwise."""
    data: dict[str, Any] = {"plan": "测试计划", "indicators": list(indicators)}
    if "period" not in keys:
        data["year"] = 2018
    data.update(keys)
    return Plan.model_validate(data)


def audit(plan: Plan, as_of: date, tolerance: Decimal | None = None) -> PlanReport:
    lines = list(range(1, len(plan.indicators) + 1))
    return audit_plan(plan, "test.yaml", lines, as_of, tolerance)


def judge(
    as_of: date = date(2018, 6, 30), tolerance: str | None = None, **indicator: Any
) -> IndicatorResult:
    indicator.setdefault("name", "指标")
    points = None if tolerance is None else Decimal(tolerance)
    return audit(plan_of(indicator), as_of, points).indicators[0]


# Hypothesis: a quick run in `make test`; `make fuzz` sets PLANAUDIT_FUZZ=1 for the long one.
settings.register_profile("quick", max_examples=40, deadline=None)
settings.register_profile(
    "fuzz",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("fuzz" if os.environ.get("PLANAUDIT_FUZZ") else "quick")


def usage_line_apart(result: tuple[int, str, str]) -> tuple[int, str, str]:
    """A usage error's exit code, stdout and stderr, with typer's usage line set apart: it shows
    arguments differently across the typer versions allowed (0.26: `[PATH]`, later
    `[PATH]...`). The rest is compared exactly."""
    code, out, err = result
    return code, out, re.sub(r"\A(Usage: |用法：)[^\n]*\n", r"\1…\n", err)

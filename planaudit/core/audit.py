"""The rules of CONTRACT §2: a plan and a date → a PlanReport. Pure: no I/O, no clock.

Each indicator is judged by `judge` (the rule of its kind in `rules`), its parts added up here,
its earlier reports walked along by `timeline`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace as _replace
from datetime import date
from decimal import Decimal

from planaudit.core import forecast as forecasts
from planaudit.core.judge import judge
from planaudit.core.model import Indicator, Plan
from planaudit.core.numbers import Figure
from planaudit.core.pace import elapsed
from planaudit.core.results.indicators import IndicatorResult, round2
from planaudit.core.results.plans import PlanReport, Summary
from planaudit.core.rules import Moment
from planaudit.core.timeline import with_history

_CJK = re.compile(r"[\u3400-\u9fff]")


def is_chinese(text: str) -> bool:
    """Text with Chinese characters: a plan titled so is reported in Chinese under --lang auto."""
    return _CJK.search(text) is not None


def audit_plan(
    plan: Plan,
    path: str,
    lines: Sequence[int],
    as_of: date,
    tolerance: Decimal | None = None,
    recovery_factor: Decimal = forecasts.RECOVERY_FACTOR,
) -> PlanReport:
    """Judge every indicator at `as_of`; `lines` holds each indicator's line in its file.

    Raises ValueError when `as_of` is before the plan period.
    """
    period = plan.span
    moment = Moment(
        period,
        as_of,
        elapsed(period, as_of),
        plan.tolerance if tolerance is None else tolerance,
        recovery_factor,
    )
    by_id = {indicator.id: indicator for indicator in plan.indicators if indicator.id}
    results = tuple(
        with_history(
            _with_parts(
                judge(indicator, index, lines[index], moment, by_id), indicator, by_id, as_of
            ),
            indicator,
            moment,
            by_id,
        )
        for index, indicator in enumerate(plan.indicators)
    )
    return PlanReport(
        path=path,
        plan=plan.plan,
        as_of=as_of,
        period=period,
        elapsed=round2(moment.elapsed),
        tolerance=moment.tolerance,
        chinese=is_chinese(plan.plan),
        indicators=results,
        summary=Summary.of(results),
    )


def _with_parts(
    result: IndicatorResult, indicator: Indicator, by_id: dict[str, Indicator], as_of: date
) -> IndicatorResult:
    """A total and its parts: targets and actuals must add up within the rounding of the
    printed figures (half a unit in the last digit of each)."""
    if not indicator.parts:
        return result
    parts = [by_id[part] for part in indicator.parts]
    total_target = indicator.fixed_target.figure if indicator.fixed_target else None
    part_targets = [part.fixed_target.figure for part in parts if part.fixed_target]
    total_actual = indicator.latest_actual(as_of)
    part_actuals = [figure for part in parts if (figure := part.latest_actual(as_of))]
    target_sum, target_agrees = _add_up(total_target, part_targets, len(parts))
    actual_sum, actual_agrees = _add_up(total_actual, part_actuals, len(parts))
    checked = [agrees for agrees in (target_agrees, actual_agrees) if agrees is not None]
    return _replace(
        result,
        parts_target=target_sum,
        parts_actual=actual_sum,
        parts_consistent=all(checked) if checked else None,
    )


def _add_up(
    total: Figure | None, figures: list[Figure], parts: int
) -> tuple[Decimal | None, bool | None]:
    """The parts' sum, and whether it is the total within half a unit of every last digit."""
    if total is None or len(figures) != parts:
        return None, None
    added = sum((figure.value for figure in figures), Decimal(0))
    slack = (total.step + sum((figure.step for figure in figures), Decimal(0))) / 2
    return added, abs(added - total.value) <= slack

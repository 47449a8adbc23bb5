"""The rules of CONTRACT §2: a plan and a date → a PlanReport. Pure: no I/O, no clock."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import replace as _replace
from datetime import date
from decimal import Decimal

from planaudit.numbers import Figure
from planaudit.pace import Period, elapsed, scheduled
from planaudit.plan import Direction, Indicator, Kind, Plan
from planaudit.report import IndicatorResult, PlanReport, Status, Summary, round2

_CJK = re.compile(r"[\u3400-\u9fff]")
DEFAULT_BAND_SHARE = Decimal("0.1")
"""A 左右 level target without a `band` is approximate within 10 % of its value."""


@dataclass(frozen=True)
class _Moment:
    period: Period
    as_of: date
    elapsed: Decimal
    tolerance: Decimal

    @property
    def ended(self) -> bool:
        return self.as_of >= self.period.end


def audit_plan(
    plan: Plan,
    path: str,
    lines: Sequence[int],
    as_of: date,
    tolerance: Decimal | None = None,
) -> PlanReport:
    """Judge every indicator at `as_of`; `lines` holds each indicator's line in its file.

    Raises ValueError when `as_of` is before the plan period.
    """
    period = plan.span
    moment = _Moment(
        period,
        as_of,
        elapsed(period, as_of),
        plan.tolerance if tolerance is None else tolerance,
    )
    results = tuple(
        _judge(indicator, index, lines[index], moment)
        for index, indicator in enumerate(plan.indicators)
    )
    return PlanReport(
        path=path,
        plan=plan.plan,
        as_of=as_of,
        period=period,
        elapsed=round2(moment.elapsed),
        tolerance=moment.tolerance,
        chinese=bool(_CJK.search(plan.plan)),
        indicators=results,
        summary=Summary.of(results),
    )


def _judge(indicator: Indicator, index: int, line: int, moment: _Moment) -> IndicatorResult:
    actual = indicator.latest_actual(moment.as_of)
    stated = indicator.latest_stated(moment.as_of)
    target = indicator.target
    common = IndicatorResult(
        id=indicator.id or f"indicator-{index + 1}",
        name=indicator.name,
        section=indicator.section,
        owner=indicator.owner,
        unit=indicator.unit or _percent_unit(target.figure if target else None, actual),
        kind=indicator.kind.value,
        direction=indicator.good_direction.value,
        binding=indicator.binding,
        line=line,
        status=Status.NO_TARGET,
        target=target.figure.value if target else None,
        target_text=target.text if target else None,
        actual=actual.value if actual else None,
        actual_text=actual.text if actual else None,
        actual_date=_report_date(indicator.actual, actual),
        stated=round2(stated.value) if stated else None,
        stated_text=stated.text if stated else None,
        source=indicator.source,
    )
    if indicator.kind is Kind.MILESTONE:
        return _milestone(indicator, common, moment)
    if indicator.kind is Kind.LEVEL:
        result = _level(indicator, common, moment)
    else:
        result = _cumulative(indicator, common, moment, stated)
    if indicator.annual_only and not moment.ended:
        return _replace(result, status=Status.ANNUAL_ONLY, expected=None, gap=None, margin=None)
    return result


def _percent_unit(*figures: Figure | None) -> str | None:
    """Figures written with % need no `unit`: it is %."""
    return "%" if any(figure and figure.percent for figure in figures) else None


def _report_date(reported: object, figure: Figure | None) -> date | None:
    if isinstance(reported, dict) and figure is not None:
        day: date = next(day for day, value in reported.items() if value is figure)
        return day
    return None


def _milestone(indicator: Indicator, result: IndicatorResult, moment: _Moment) -> IndicatorResult:
    due = indicator.due or moment.period.end
    done = indicator.done
    is_done = done is True or (isinstance(done, date) and done <= moment.as_of)
    if is_done:
        status = Status.MET
    elif moment.as_of <= due:
        status = Status.PENDING
    else:
        status = Status.MISSED
    return _replace(result, status=status, due=due, done=done if done is not None else False)


def _cumulative(
    indicator: Indicator, result: IndicatorResult, moment: _Moment, stated: Figure | None
) -> IndicatorResult:
    computed = None
    if result.target is not None and result.actual is not None:
        computed = round2(result.actual / result.target * 100)
    consistent = None
    if computed is not None and stated is not None:
        allowed = Decimal(5) / Decimal(10) ** (stated.decimals + 1) + Decimal("0.05")
        consistent = abs(stated.value - computed) <= allowed
    completion = computed if computed is not None else result.stated
    result = _replace(result, completion=completion, stated_consistent=consistent)
    if result.target is None and result.stated is None:
        return result
    if completion is None:
        return _replace(result, status=Status.NO_DATA)
    pace = moment.elapsed
    if indicator.schedule is not None:
        pace = scheduled(indicator.schedule, pace)
    expected = round2(pace)
    tolerance = moment.tolerance
    if indicator.good_direction is Direction.HIGHER:
        gap = completion - expected
        if completion >= 100:
            status = Status.MET
        elif moment.ended:
            status = Status.MISSED
        elif gap >= 0:
            status = Status.ON_TRACK
        elif gap >= -tolerance:
            status = Status.WATCH
        else:
            status = Status.BEHIND
    else:
        gap = expected - completion
        if completion > 100:
            status = Status.MISSED
        elif gap >= 0:
            status = Status.MET if moment.ended else Status.ON_TRACK
        elif gap >= -tolerance:
            status = Status.WATCH
        else:
            status = Status.BEHIND
    return _replace(result, status=status, expected=expected, gap=gap)


def _level(indicator: Indicator, result: IndicatorResult, moment: _Moment) -> IndicatorResult:
    target = indicator.target
    if target is None:
        return result
    if result.actual is None:
        return _replace(result, status=Status.NO_DATA)
    difference = result.actual - target.figure.value
    margin = difference if indicator.good_direction is Direction.HIGHER else -difference
    band = indicator.band
    if band is None and target.approximate:
        band = abs(target.figure.value) * DEFAULT_BAND_SHARE
    if margin >= 0:
        status = Status.MET if moment.ended else Status.ON_TRACK
    elif band is not None and -margin <= band:
        status = Status.WATCH
    else:
        status = Status.MISSED if moment.ended else Status.BEHIND
    return _replace(result, status=status, margin=margin)

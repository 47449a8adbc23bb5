"""The rules of CONTRACT §2: a plan and a date → a PlanReport. Pure: no I/O, no clock."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from dataclasses import replace as _replace
from datetime import date
from decimal import Decimal
from typing import Any

from planaudit.core import forecast as forecasts
from planaudit.core.model import Indicator, Plan
from planaudit.core.numbers import Figure, Gap, Target
from planaudit.core.pace import Period, elapsed, scheduled
from planaudit.core.results.indicators import (
    Forecast,
    IndicatorResult,
    Previous,
    Restatement,
    round2,
)
from planaudit.core.results.plans import PlanReport, Summary
from planaudit.core.terms import Dated, Direction, Kind, Status
from planaudit.core.values import SameAs

_CJK = re.compile(r"[\u3400-\u9fff]")


def is_chinese(text: str) -> bool:
    """Text with Chinese characters: a plan titled so is reported in Chinese under --lang auto."""
    return _CJK.search(text) is not None


DEFAULT_BAND_SHARE = Decimal("0.1")
"""A 左右 level target without a `band` is approximate within 10 % of its value."""


@dataclass(frozen=True)
class _Moment:
    period: Period
    """The plan's period, or an indicator's own."""
    as_of: date
    elapsed: Decimal
    """The pace at as_of; 0 before the period begins, when nothing is judged."""
    tolerance: Decimal
    recovery_factor: Decimal

    def at(self, period: Period, as_of: date) -> _Moment:
        """The same moment for another period or date."""
        pace = elapsed(period, as_of) if as_of >= period.start else Decimal(0)
        return _replace(self, period=period, as_of=as_of, elapsed=pace)

    @property
    def ended(self) -> bool:
        return self.as_of >= self.period.end

    @property
    def begun(self) -> bool:
        return self.as_of >= self.period.start


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
    moment = _Moment(
        period,
        as_of,
        elapsed(period, as_of),
        plan.tolerance if tolerance is None else tolerance,
        recovery_factor,
    )
    by_id = {indicator.id: indicator for indicator in plan.indicators if indicator.id}
    results = tuple(
        _with_history(
            _with_parts(
                _judge(indicator, index, lines[index], moment, by_id), indicator, by_id, as_of
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


Reports = tuple[Figure | None, Figure | None, Gap | None, date | None]
"""An indicator's actual, stated rate and stated gap at a date, and the date of the actual."""


@dataclass(frozen=True)
class Judgement:
    """The fields of an IndicatorResult that the rules decide; None where a rule does not
    apply."""

    status: Status
    completion: Decimal | None = None
    stated_consistent: bool | None = None
    expected: Decimal | None = None
    gap: Decimal | None = None
    margin: Decimal | None = None
    forecast: Forecast | None = None
    due: date | None = None
    done: bool | date | None = None


def _judge(
    indicator: Indicator,
    index: int,
    line: int,
    plan_moment: _Moment,
    by_id: dict[str, Indicator],
    figures: Reports | None = None,
) -> IndicatorResult:
    """The indicator at `plan_moment`; `figures` are its reports then, where the caller knows
    them (a walk along the dates)."""
    moment = plan_moment
    if indicator.period is not None:
        moment = plan_moment.at(indicator.own_period(plan_moment.period), plan_moment.as_of)
    if figures is None:
        actual = indicator.latest_actual(moment.as_of)
        stated = indicator.latest_stated(moment.as_of)
        gap = indicator.latest_gap(moment.as_of) if indicator.stated_gap is not None else None
        actual_date = _report_date(indicator.actual, actual)
    else:
        actual, stated, gap, actual_date = figures
    written = indicator.target
    same_as = other = None
    if isinstance(written, SameAs):
        same_as = written.id
        other = by_id.get(same_as)
        target = _in_step(other, moment.as_of)
    else:
        target = written
    if moment is not plan_moment and not moment.begun:  # its own period starts later
        judgement = Judgement(Status.NO_DATA)
    elif indicator.kind is Kind.MILESTONE:
        judgement = _milestone(indicator, moment)
    elif indicator.kind is Kind.LEVEL:
        judgement = _level(indicator, target, actual, moment, gap)
    else:
        judgement = _cumulative(indicator, actual, stated, moment, gap)
    if indicator.annual_only and not moment.ended:
        judgement = _replace(
            judgement,
            status=Status.ANNUAL_ONLY,
            expected=None,
            gap=None,
            margin=None,
            forecast=None,
        )
    result = IndicatorResult(
        id=indicator.id or f"indicator-{index + 1}",
        name=indicator.name,
        section=indicator.section,
        owner=indicator.owner,
        unit=indicator.unit
        or indicator.effective_unit
        or _percent_unit(target.figure if target else None, actual),
        kind=indicator.kind,
        direction=indicator.good_direction,
        binding=indicator.binding,
        line=line,
        target=target.figure.value if target else None,
        target_text=target.text if target else None,
        actual=actual.value if actual else None,
        actual_text=actual.text if actual else None,
        actual_date=actual_date,
        stated=round2(stated.value) if stated else None,
        stated_text=stated.text if stated else None,
        source=indicator.source,
        period=None
        if moment is plan_moment or moment.period == plan_moment.period
        else moment.period,
        target_same_as=same_as,
        target_same_as_name=other.name if other is not None else None,
        stated_gap=gap.figure.value if gap and gap.figure else None,
        stated_gap_text=gap.text if gap else None,
        status=judgement.status,
        completion=judgement.completion,
        stated_consistent=judgement.stated_consistent,
        expected=judgement.expected,
        gap=judgement.gap,
        margin=judgement.margin,
        forecast=judgement.forecast,
        due=judgement.due,
        done=judgement.done,
    )
    if gap is None:
        return result
    return _replace(result, stated_gap_consistent=gap_consistent(gap, result.distance))


def _in_step(other: Indicator | None, as_of: date) -> Target | None:
    """The target of {same_as: ID}: that indicator's figure at as_of, an approximate target
    (基本同步 ≈ 左右)."""
    figure = other.latest_actual(as_of) if other is not None else None
    if figure is None:
        return None
    return Target(figure, figure.text, None, approximate=True, stretch=False, must=False)


def gap_consistent(gap: Gap, computed: Decimal | None) -> bool | None:
    """A stated gap against the one the figures give: within half a unit in its last digit plus
    0.05 (CONTRACT §2.4's rule for stated rates); a side alone (低于, 持平) by its sign."""
    if computed is None:
        return None
    if gap.figure is None:
        return (computed > 0) - (computed < 0) == gap.side
    allowed = gap.figure.step / 2 + Decimal("0.05")
    return abs(gap.figure.value - computed) <= allowed


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


def report_dates(indicator: Indicator, as_of: date) -> list[date]:
    """The dates of the indicator's dated figures (actual, stated or stated_gap) up to `as_of`,
    in order."""
    days: set[date] = set()
    for reported in (indicator.actual, indicator.stated, indicator.stated_gap):
        if isinstance(reported, dict):
            days.update(day for day in reported if day <= as_of)
    return sorted(days)


def _with_history(
    result: IndicatorResult, indicator: Indicator, moment: _Moment, by_id: dict[str, Indicator]
) -> IndicatorResult:
    """The indicator at its earlier report dates, and the latest fall of a cumulative figure:
    one walk along its dated figures (a judgement per date made afresh would cost the square
    of their number)."""
    if not any(isinstance(getattr(indicator, key), dict) for key in Dated):
        return result
    points = list(_walk(indicator, 0, result.line, moment, by_id, moment.as_of))
    if len(points) < 2:
        return result
    earlier = tuple(_previous(day, judged) for day, judged, _ in points[:-1])
    restatement = points[-1][2] if indicator.kind is Kind.CUMULATIVE else None
    return _replace(result, previous=earlier[-1], restatement=restatement, earlier=earlier)


def _previous(day: date, judged: IndicatorResult) -> Previous:
    """The indicator as audited at an earlier report date, at that date's pace."""
    return Previous(
        date=day,
        status=judged.status,
        actual=judged.actual,
        actual_text=judged.actual_text,
        completion=judged.completion,
        gap=judged.gap,
    )


def _walk(
    indicator: Indicator,
    index: int,
    line: int,
    moment: _Moment,
    by_id: dict[str, Indicator],
    until: date,
) -> Iterator[tuple[date, IndicatorResult, Restatement | None]]:
    """The indicator judged at each of its report dates up to `until`, oldest first, each at
    that date's pace (of its own period, where it has one: the date may precede the plan's),
    with the latest fall of a figure up to that date."""
    actual, stated, gap = (_Walk(key, getattr(indicator, key), until) for key in Dated)
    found: Restatement | None = None
    for day in report_dates(indicator, until):
        for walk in (actual, stated):
            fall = walk.advance(day)
            if fall is not None and (found is None or fall.after > found.after):
                found = fall
        gap.advance(day)
        then = moment.at(moment.period, day)
        reports: Reports = (actual.figure, stated.figure, gap.figure, actual.day)
        yield day, _judge(indicator, index, line, then, by_id, reports), found


def timelines(
    plan: Plan,
    lines: Sequence[int],
    until: date,
    tolerance: Decimal | None = None,
    recovery_factor: Decimal = forecasts.RECOVERY_FACTOR,
) -> list[list[tuple[date, IndicatorResult]]]:
    """Each indicator judged at each of its own report dates up to `until`, oldest first, with
    the change since its previous report and the latest restatement, as `audit_plan` would
    judge it on that date — but for the sum of parts and the list of all earlier reports, which
    history does not show and which would make it cost the square of the dates. One walk along
    each indicator's dated figures."""
    period = plan.span
    moment = _Moment(
        period,
        until,
        elapsed(period, until) if until >= period.start else Decimal(0),
        plan.tolerance if tolerance is None else tolerance,
        recovery_factor,
    )
    by_id = {indicator.id: indicator for indicator in plan.indicators if indicator.id}
    traced = []
    for index, indicator in enumerate(plan.indicators):
        points: list[tuple[date, IndicatorResult]] = []
        for day, result, found in _walk(indicator, index, lines[index], moment, by_id, until):
            if points:
                previous = _previous(*points[-1])
                restated = found if indicator.kind is Kind.CUMULATIVE else None
                result = _replace(result, previous=previous, restatement=restated)
            points.append((day, result))
        traced.append(points)
    return traced


class _Walk:
    """An indicator's dated reports of one key (actual, stated, stated_gap), walked forward in
    time: the report that counts at each date, and the falls of a figure on the way."""

    def __init__(self, key: Dated, reported: Any, until: date) -> None:
        self.key = key
        self.figure: Any = None if isinstance(reported, dict) else reported
        self._series: list[tuple[date, Any]] = []
        if isinstance(reported, dict):
            self._series = sorted(
                ((day, figure) for day, figure in reported.items() if day <= until),
                key=lambda item: item[0],
            )
        self._next = 0
        self.day: date | None = None
        """The date of `figure`, when it is dated."""

    def advance(self, day: date) -> Restatement | None:
        """Move to `day`; the restatement (a fall from the figure before) met on the way."""
        fall = None
        while self._next < len(self._series) and self._series[self._next][0] <= day:
            when, figure = self._series[self._next]
            before = self.figure
            if (
                isinstance(before, Figure)
                and isinstance(figure, Figure)
                and self.day is not None
                and figure.value < before.value
            ):
                fall = Restatement(self.key, self.day, before.text, when, figure.text)
            self.figure, self.day = figure, when
            self._next += 1
        return fall


def _add_up(
    total: Figure | None, figures: list[Figure], parts: int
) -> tuple[Decimal | None, bool | None]:
    """The parts' sum, and whether it is the total within half a unit of every last digit."""
    if total is None or len(figures) != parts:
        return None, None
    added = sum((figure.value for figure in figures), Decimal(0))
    slack = (total.step + sum((figure.step for figure in figures), Decimal(0))) / 2
    return added, abs(added - total.value) <= slack


def _percent_unit(*figures: Figure | None) -> str | None:
    """Figures written with % need no `unit`: it is %."""
    return "%" if any(figure and figure.percent for figure in figures) else None


def _report_date(reported: object, figure: Figure | None) -> date | None:
    if isinstance(reported, dict) and figure is not None:
        day: date = next(day for day, value in reported.items() if value is figure)
        return day
    return None


def _milestone(indicator: Indicator, moment: _Moment) -> Judgement:
    due = indicator.due or moment.period.end
    done = indicator.done
    if done is True or (isinstance(done, date) and done <= moment.as_of):
        status = Status.MET
    elif moment.as_of <= due:
        status = Status.PENDING
    else:
        status = Status.MISSED
    return Judgement(status, due=due, done=done if done is not None else False)


def _by_stated_gap(indicator: Indicator, gap: Gap, moment: _Moment) -> Judgement:
    """An indicator the report judges itself, with no target or rate to judge it by: a
    growth "塌目标1.8个百分点" or "低于计划增速", a total "超时序进度3.3个百分点". Its side of
    the target (or the pace) is the report's; the distance, where printed, is the margin or
    the gap. The report's own words are all there is, so they cannot be cross-checked."""
    higher = indicator.good_direction is Direction.HIGHER
    good = gap.side >= 0 if higher else gap.side <= 0
    if good:
        status = Status.MET if moment.ended else Status.ON_TRACK
    else:
        status = Status.MISSED if moment.ended else Status.BEHIND
    distance = gap.figure.value if gap.figure is not None else Decimal(0) if gap.side == 0 else None
    signed = None if distance is None else distance if higher else -distance
    if indicator.kind is Kind.LEVEL:
        return Judgement(status, margin=signed)
    pace = moment.elapsed
    if indicator.schedule is not None:
        pace = scheduled(indicator.schedule, pace)
    return Judgement(status, expected=round2(pace), gap=signed)


def _cumulative(
    indicator: Indicator,
    actual: Figure | None,
    stated: Figure | None,
    moment: _Moment,
    stated_gap: Gap | None = None,
) -> Judgement:
    fixed = indicator.fixed_target
    target = fixed.figure.value if fixed is not None else None
    computed = None
    if target is not None and actual is not None:
        computed = round2(actual.value / target * 100)
    consistent = None
    if computed is not None and stated is not None:
        allowed = Decimal(5) / Decimal(10) ** (stated.decimals + 1) + Decimal("0.05")
        consistent = abs(stated.value - computed) <= allowed
    completion = computed if computed is not None else round2(stated.value) if stated else None
    if target is None and stated is None:
        if stated_gap is not None:
            judged = _by_stated_gap(indicator, stated_gap, moment)
            return _replace(judged, completion=completion, stated_consistent=consistent)
        return Judgement(Status.NO_TARGET, completion, consistent)
    if completion is None:
        return Judgement(Status.NO_DATA, completion, consistent)
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
    forecast = None
    if not moment.ended:
        figures = (target, actual.value) if target is not None and actual is not None else None
        forecast = forecasts.cumulative(
            moment.period,
            moment.as_of,
            completion,
            indicator.schedule,
            figures,
            cap=indicator.good_direction is Direction.LOWER,
            factor=moment.recovery_factor,
            unit=indicator.unit or indicator.effective_unit,
        )
    return Judgement(status, completion, consistent, expected, gap, forecast=forecast)


def _level(
    indicator: Indicator,
    target: Target | None,
    actual: Figure | None,
    moment: _Moment,
    stated_gap: Gap | None = None,
) -> Judgement:
    if target is None:
        if indicator.target is None and stated_gap is not None:
            return _by_stated_gap(indicator, stated_gap, moment)
        return Judgement(Status.NO_TARGET if indicator.target is None else Status.NO_DATA)
    if actual is None:
        return Judgement(Status.NO_DATA)
    difference = actual.value - target.figure.value
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
    forecast = None
    if indicator.mean == "annual" and not moment.ended:
        forecast = forecasts.annual_mean(
            moment.period, moment.as_of, target.figure.value, actual.value
        )
        lower = indicator.good_direction is Direction.LOWER
        if lower and forecast.allowed_mean is not None and forecast.allowed_mean < 0:
            status = Status.MISSED  # no average for the days left can bring the mean under
    return Judgement(status, margin=margin, forecast=forecast)

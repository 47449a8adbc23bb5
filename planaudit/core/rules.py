"""The rules of CONTRACT §2.3 for one indicator at one moment, kind by kind: a cumulative
indicator against the pace (or its schedule), a level against its target, a milestone against its
date, and an indicator its report judges by a stated gap alone. Pure: no I/O, no clock."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace as _replace
from datetime import date
from decimal import Decimal

from planaudit.core import forecast as forecasts
from planaudit.core.model import Indicator
from planaudit.core.numbers import Figure, Gap, Target
from planaudit.core.pace import Period, elapsed, scheduled
from planaudit.core.results.indicators import Forecast, round2
from planaudit.core.terms import Direction, Kind, Status

DEFAULT_BAND_SHARE = Decimal("0.1")
"""A 左右 level target without a `band` is approximate within 10 % of its value."""


@dataclass(frozen=True)
class Moment:
    period: Period
    """The plan's period, or an indicator's own."""
    as_of: date
    elapsed: Decimal
    """The pace at as_of; 0 before the period begins, when nothing is judged."""
    tolerance: Decimal
    recovery_factor: Decimal

    def at(self, period: Period, as_of: date) -> Moment:
        """The same moment for another period or date."""
        pace = elapsed(period, as_of) if as_of >= period.start else Decimal(0)
        return _replace(self, period=period, as_of=as_of, elapsed=pace)

    @property
    def ended(self) -> bool:
        return self.as_of >= self.period.end

    @property
    def begun(self) -> bool:
        return self.as_of >= self.period.start


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


def expected_at(indicator: Indicator, moment: Moment) -> Decimal:
    """The indicator's expected % at the moment: the pace, or its schedule at that pace, rounded
    as it is compared (CONTRACT §2.2)."""
    pace = moment.elapsed
    if indicator.schedule is not None:
        pace = scheduled(indicator.schedule, pace)
    return round2(pace)


def milestone(indicator: Indicator, moment: Moment) -> Judgement:
    due = indicator.due or moment.period.end
    done = indicator.done
    if done is True or (isinstance(done, date) and done <= moment.as_of):
        status = Status.MET
    elif moment.as_of <= due:
        status = Status.PENDING
    else:
        status = Status.MISSED
    return Judgement(status, due=due, done=done if done is not None else False)


def by_stated_gap(indicator: Indicator, gap: Gap, moment: Moment) -> Judgement:
    """An indicator the report judges itself, with no target or rate to judge it by, or a
    target and no figure done: a growth "塌目标1.8个百分点" or "低于计划增速", a total
    "超时序进度3.3个百分点", a task "未达到序时进度" beside its target. Its side of
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
    return Judgement(status, expected=expected_at(indicator, moment), gap=signed)


def cumulative(
    indicator: Indicator,
    actual: Figure | None,
    stated: Figure | None,
    moment: Moment,
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
            judged = by_stated_gap(indicator, stated_gap, moment)
            return _replace(judged, completion=completion, stated_consistent=consistent)
        return Judgement(Status.NO_TARGET, completion, consistent)
    if completion is None:
        if stated_gap is not None:  # a target, no figure done: the report's own side of it
            return by_stated_gap(indicator, stated_gap, moment)
        return Judgement(Status.NO_DATA, completion, consistent)
    expected = expected_at(indicator, moment)
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


def level(
    indicator: Indicator,
    target: Target | None,
    actual: Figure | None,
    moment: Moment,
    stated_gap: Gap | None = None,
) -> Judgement:
    if stated_gap is not None and (target is None or actual is None):
        return by_stated_gap(indicator, stated_gap, moment)
    if target is None:
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

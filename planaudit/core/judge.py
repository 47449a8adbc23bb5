"""One indicator judged at one moment: its figures at that date, its target (another
indicator's figure, for 同步), the rule of its kind, and the cross-check of a stated gap. Pure."""

from __future__ import annotations

from dataclasses import replace as _replace
from datetime import date
from decimal import Decimal

from planaudit.core.model import Indicator
from planaudit.core.numbers import Figure, Gap, Target
from planaudit.core.results.indicators import IndicatorResult, round2
from planaudit.core.rules import (
    Judgement,
    Moment,
    cumulative,
    expected_at,
    level,
    milestone,
)
from planaudit.core.terms import Kind, Status
from planaudit.core.values import SameAs

Reports = tuple[Figure | None, Figure | None, Gap | None, date | None, date | None]
"""An indicator's actual, stated rate and stated gap at a date, and the dates of the actual and
of the stated gap."""


def judge(
    indicator: Indicator,
    index: int,
    line: int,
    plan_moment: Moment,
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
        gap_date = _report_date(indicator.stated_gap, gap)
    else:
        actual, stated, gap, actual_date, gap_date = figures
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
        judgement = milestone(indicator, moment)
    elif indicator.kind is Kind.LEVEL:
        judgement = level(indicator, target, actual, moment, gap)
    else:
        judgement = cumulative(indicator, actual, stated, moment, gap)
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
        actual_earlier=actual is not None
        and actual_date is not None
        and actual_date < moment.as_of,
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
    figures_date = gap_date or actual_date
    if result.expected is not None and figures_date is not None and figures_date < moment.as_of:
        then = expected_at(indicator, moment.at(moment.period, figures_date))
        result = _replace(result, stated_gap_pace=then)
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


def _percent_unit(*figures: Figure | None) -> str | None:
    """Figures written with % need no `unit`: it is %."""
    return "%" if any(figure and figure.percent for figure in figures) else None


def _report_date(reported: object, figure: object) -> date | None:
    """The date of `figure` among dated reports; None for a figure not dated."""
    if isinstance(reported, dict) and figure is not None:
        day: date = next(day for day, value in reported.items() if value is figure)
        return day
    return None

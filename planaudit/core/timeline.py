"""An indicator along its dated reports: judged at each report date at that date's pace, the
change since its previous report, and the latest fall of a cumulative figure (a restatement).
One walk along the dates, so that many reports cost no more than their number. Pure."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace as _replace
from datetime import date
from decimal import Decimal
from typing import Any

from planaudit.core import forecast as forecasts
from planaudit.core.judge import Reports, judge
from planaudit.core.model import Indicator, Plan
from planaudit.core.numbers import Figure
from planaudit.core.pace import elapsed
from planaudit.core.results.indicators import IndicatorResult, Previous, Restatement
from planaudit.core.rules import Moment
from planaudit.core.terms import Dated, Kind


def report_dates(indicator: Indicator, as_of: date) -> list[date]:
    """The dates of the indicator's dated figures (actual, stated or stated_gap) up to `as_of`,
    in order."""
    days: set[date] = set()
    for reported in (indicator.actual, indicator.stated, indicator.stated_gap):
        if isinstance(reported, dict):
            days.update(day for day in reported if day <= as_of)
    return sorted(days)


def with_history(
    result: IndicatorResult, indicator: Indicator, moment: Moment, by_id: dict[str, Indicator]
) -> IndicatorResult:
    """The indicator at its earlier report dates, and the latest fall of a cumulative figure:
    one walk along its dated figures (a judgement per date made afresh would cost the square
    of their number)."""
    if not any(isinstance(getattr(indicator, key), dict) for key in Dated):
        return result
    points = list(walk(indicator, 0, result.line, moment, by_id, moment.as_of))
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


def walk(
    indicator: Indicator,
    index: int,
    line: int,
    moment: Moment,
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
        reports: Reports = (actual.figure, stated.figure, gap.figure, actual.day, gap.day)
        yield day, judge(indicator, index, line, then, by_id, reports), found


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
    moment = Moment(
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
        for day, result, found in walk(indicator, index, lines[index], moment, by_id, until):
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

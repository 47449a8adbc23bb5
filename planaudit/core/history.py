"""A plan's history: each indicator audited at each of its report dates (`actual` or `stated`
given as {date: figure}), for `planaudit history`. Pure: a plan in, timelines out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from planaudit.core import timeline
from planaudit.core.audit import is_chinese
from planaudit.core.model import Plan
from planaudit.core.results.history import History, Timeline
from planaudit.io.loader import LoadedPlan


def history(
    plan: Plan, path: str, lines: Sequence[int], until: date, tolerance: Decimal | None = None
) -> History:
    """Each indicator with dated figures, audited at each of its report dates up to `until`
    within the plan period (an indicator's own period may start before the plan's)."""
    start = plan.span.start
    traced = [
        [(day, result) for day, result in points if day >= start]
        for points in timeline.timelines(plan, lines, until, tolerance)
    ]
    dates = sorted({day for points in traced for day, _ in points})
    timelines = [Timeline(tuple(points), points[-1][1].restatement) for points in traced if points]
    return History(
        path=path,
        plan=plan.plan,
        chinese=is_chinese(plan.plan),
        dates=tuple(dates),
        timelines=tuple(timelines),
        undated=len(plan.indicators) - len(timelines),
    )


def traced(loaded: LoadedPlan, as_of: date | None) -> History:
    """A loaded plan's history up to `as_of`, else the plan's own as_of, else its period's end."""
    plan = loaded.plan
    until = as_of or plan.as_of or plan.span.end
    return history(plan, loaded.path, loaded.lines(), until)

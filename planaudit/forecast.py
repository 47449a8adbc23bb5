"""What the rest of the period must deliver: the amount left, the monthly pace it needs against
the pace so far, the year-end projection, how many days ahead of or behind the pace an indicator
stands, and for annual means the average the remaining days may still have (年剩余日控制值).

Pure: the audit passes in the figures and the moment; nothing here reads a clock.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from functools import lru_cache

from planaudit.pace import Period, elapsed, months_gone, scheduled
from planaudit.report import Forecast, round2

RECOVERY_FACTOR = Decimal(2)
"""A pace needed more than this many times the pace so far is a `recovery` case."""


def cumulative(
    period: Period,
    as_of: date,
    completion: Decimal,
    schedule: Sequence[Decimal] | None,
    figures: tuple[Decimal, Decimal] | None,
    cap: bool = False,
    factor: Decimal = RECOVERY_FACTOR,
) -> Forecast:
    """The rest of the period for a cumulative indicator at `completion` % (usage, for a cap);
    `figures` are its target and actual where both are known. A target met owes nothing and is
    projected no further. Figures in whole numbers (18 villages) are projected in whole numbers,
    no more precise than they are: down to what is done, up to what is used of a cap."""
    total = months_gone(period.start, period.end)
    gone = min(months_gone(period.start, as_of), total)
    left = total - gone
    met = not cap and completion >= 100
    owed_pct = 100 - completion if cap else max(100 - completion, Decimal(0))
    needed_pct = owed_pct / left if left else None
    so_far_pct = completion / gone if gone else None
    recovery = None
    if not cap and needed_pct is not None and so_far_pct is not None:
        recovery = needed_pct > 0 and needed_pct > factor * so_far_pct
    amounts: dict[str, Decimal | None] = {}
    if figures is not None:
        target, actual = figures
        owed = target - actual if cap else max(target - actual, Decimal(0))
        projection = actual / gone * total if gone and not met else None
        if projection is not None and _whole(target) and _whole(actual):
            projection = projection.to_integral_value(ROUND_CEILING if cap else ROUND_FLOOR)
        amounts = {
            "remaining": owed,
            "monthly_needed": _rounded(owed / left if left else None),
            "monthly_so_far": _rounded(actual / gone if gone else None),
            "projection": _rounded(projection),
            "projection_completion": _rounded(
                projection / target * 100 if projection is not None else None
            ),
        }
    return Forecast(
        months_left=round2(left),
        monthly_needed_pct=_rounded(needed_pct),
        monthly_so_far_pct=_rounded(so_far_pct),
        days_ahead=None if cap else _days_ahead(period, as_of, completion, schedule),
        recovery=recovery,
        **amounts,
    )


def _whole(value: Decimal) -> bool:
    return value == value.to_integral_value()


def annual_mean(period: Period, as_of: date, target: Decimal, mean_so_far: Decimal) -> Forecast:
    """The average the rest of the period may still have for its mean to meet `target`:
    (target × days in the period − mean so far × days gone) / days left (年剩余日控制值)."""
    days = (period.end - period.start).days + 1
    gone = min((as_of - period.start).days + 1, days)
    left = days - gone
    total = months_gone(period.start, period.end)
    months_left = total - min(months_gone(period.start, as_of), total)
    allowed = (target * days - mean_so_far * gone) / left if left else None
    return Forecast(months_left=round2(months_left), allowed_mean=_rounded(allowed))


def _rounded(value: Decimal | None) -> Decimal | None:
    return None if value is None else round2(value)


def _days_ahead(
    period: Period, as_of: date, completion: Decimal, schedule: Sequence[Decimal] | None
) -> int:
    """Days between as_of and the date on which the expected path reaches `completion`:
    positive when the indicator is ahead of the pace."""
    if completion <= 0:
        reached = period.start - timedelta(days=1)
    elif completion >= 100:
        reached = period.end
    else:
        path = expected_path(period, tuple(schedule) if schedule is not None else None)
        reached = period.start + timedelta(days=bisect_left(path, completion))
    return (reached - as_of).days


@lru_cache(maxsize=256)  # a few periods and schedules serve every indicator of a run
def expected_path(period: Period, schedule: tuple[Decimal, ...] | None) -> tuple[Decimal, ...]:
    """The expected completion on each day of the period (0: its first), rounded as it is
    compared: never decreasing, 100 on its last day."""
    path = []
    for offset in range((period.end - period.start).days + 1):
        pace = elapsed(period, period.start + timedelta(days=offset))
        path.append(round2(scheduled(schedule, pace) if schedule is not None else pace))
    return tuple(path)

"""What the rest of the period must deliver: the amount left, the monthly pace it needs against
the pace so far, the year-end projection, how many days ahead of or behind the pace an indicator
stands, and for annual means the average the remaining days may still have (年剩余日控制值).

Pure: the audit passes in the figures and the moment; nothing here reads a clock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from planaudit.core.pace import Period, day_reaching, elapsed, months_gone, scheduled, unscheduled
from planaudit.core.results.indicators import CENT, Forecast, round2

HALF_CENT = CENT / 2

RECOVERY_FACTOR = Decimal(2)
"""A pace needed more than this many times the pace so far is a `recovery` case."""

COUNTABLE = frozenset("个户套项人所座家辆处名件条块片例次张间台只头")
"""Units of things counted one by one (18个村, 5所学校): a projection of them is a whole number.
Any other unit (亿元, 公里, 万人) is projected to two decimals."""


def cumulative(
    period: Period,
    as_of: date,
    completion: Decimal,
    schedule: Sequence[Decimal] | None,
    figures: tuple[Decimal, Decimal] | None,
    cap: bool = False,
    factor: Decimal = RECOVERY_FACTOR,
    unit: str | None = None,
) -> Forecast:
    """The rest of the period for a cumulative indicator at `completion` % (usage, for a cap);
    `figures` are its target and actual where both are known. A target met owes nothing and is
    projected no further. The projection follows the schedule where there is one (what is done
    over the share expected by now), else the pace; its share of the target is the unrounded
    projection's. Things counted one by one (`COUNTABLE`) are projected in whole numbers, no
    more precise than they are: down to what is done, up to what is used of a cap."""
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
        share = scheduled(schedule, elapsed(period, as_of)) if schedule else gone / total * 100
        projection = actual * 100 / share if share and not met else None
        shown = projection
        if shown is not None and unit in COUNTABLE:
            shown = shown.to_integral_value(ROUND_CEILING if cap else ROUND_FLOOR)
        amounts = {
            "remaining": owed,
            "monthly_needed": _rounded(owed / left if left else None),
            "monthly_so_far": _rounded(actual / gone if gone else None),
            "projection": _rounded(shown),
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
    """Days between as_of and the first day on which the expected path (the pace, or the
    schedule, rounded as it is compared) reaches `completion`: positive when the indicator is
    ahead of the pace. Found by arithmetic: the pace that expects `completion`, the months that
    pace stands for, the day those months have gone; then the day checked, and its neighbours,
    against the rounded path itself, so that the answer is the first day the path reaches."""
    first, last = period.start.toordinal(), period.end.toordinal()
    if completion <= 0:
        return first - 1 - as_of.toordinal()
    if completion >= 100:
        return last - as_of.toordinal()

    def reaches(day: int) -> bool:
        pace = elapsed(period, date.fromordinal(day))
        return round2(scheduled(schedule, pace) if schedule is not None else pace) >= completion

    lowest = completion - HALF_CENT  # the least value that rounds to `completion`
    pace = unscheduled(schedule, max(lowest, CENT)) if schedule is not None else lowest
    months = max(pace, Decimal(0)) / 100 * months_gone(period.start, period.end)
    day = min(max(day_reaching(period.start, months), first), last)
    steps = 0
    while day > first and reaches(day - 1) and steps < 4:
        day, steps = day - 1, steps + 1
    while not reaches(day) and steps < 4:
        day, steps = day + 1, steps + 1
    if steps == 4 or (day > first and reaches(day - 1)):  # not where arithmetic said: search
        day = _first_reaching(first, last, reaches)
    return day - as_of.toordinal()


def _first_reaching(first: int, last: int, reaches: Callable[[int], bool]) -> int:
    """The first day in [first, last] that `reaches`, by bisection (the path never falls)."""
    low, high = first, last
    while low < high:
        middle = (low + high) // 2
        if reaches(middle):
            high = middle
        else:
            low = middle + 1
    return low

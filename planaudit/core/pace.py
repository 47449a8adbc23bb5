"""序时进度: how much of a plan period has gone by, counted in months (CONTRACT §2.1).

No clock here: every date is passed in.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal
from functools import lru_cache

from planaudit.lang import Said


@dataclass(frozen=True)
class Period:
    """The span a plan covers, both ends included."""

    start: date
    end: date

    @classmethod
    def calendar_year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def __str__(self) -> str:
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_BEFORE = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)

Day = tuple[int, int, int]
"""A calendar day as (year, month, day): unlike `date`, it can stand one past 9999-12-31, where
the months of a period ending that day are counted to."""


def _month_days(year: int, month: int) -> int:
    return 29 if month == 2 and calendar.isleap(year) else _DAYS[month]


def ordinal(day: Day) -> int:
    """`date(*day).toordinal()`, also for 10000-01-01."""
    year, month, dom = day
    before = year - 1
    leap = month > 2 and calendar.isleap(year)
    return before * 365 + before // 4 - before // 100 + before // 400 + _BEFORE[month] + leap + dom


def _shifted(day: date, months: int) -> Day:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return year, month, min(day.day, _month_days(year, month))


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's last day (Jan 31 + 1 → Feb 28)."""
    return date(*_shifted(day, months))


def _next_day(day: date) -> Day:
    if day == date.max:
        return 10000, 1, 1
    following = date.fromordinal(day.toordinal() + 1)
    return following.year, following.month, following.day


@lru_cache(maxsize=8192)
def months_gone(start: date, as_of: date) -> Decimal:
    """Months from `start` to the end of `as_of`: whole months from their last day, plus the
    days gone of the month under way as a fraction of its days. Plain arithmetic on days and
    months, so it costs the same for any span, and counts to the end of 9999-12-31."""
    year, month, _ = boundary = _next_day(as_of)
    end = ordinal(boundary)
    whole = (year - start.year) * 12 + month - start.month
    while whole > 0 and ordinal(_shifted(start, whole)) > end:
        whole -= 1
    month_start = ordinal(_shifted(start, whole))
    month_days = ordinal(_shifted(start, whole + 1)) - month_start
    return whole + Decimal(end - month_start) / month_days


def day_reaching(start: date, months: Decimal) -> int:
    """The ordinal of the first day at whose end `months` (≥ 0) months from `start` have gone:
    the inverse of `months_gone`, in the same arithmetic."""
    whole = int(months)
    month_start = ordinal(_shifted(start, whole))
    month_days = ordinal(_shifted(start, whole + 1)) - month_start
    days = ((months - whole) * month_days).to_integral_value(rounding=ROUND_CEILING)
    return month_start + int(days) - 1


@lru_cache(maxsize=8192)  # bounded: a run asks for a few periods at a few dates
def elapsed(period: Period, as_of: date) -> Decimal:
    """The pace in % (unrounded): 50 on June 30 of a calendar year, 100 from the period's end.

    Raises ValueError before the period's start, where no pace exists.
    """
    if as_of < period.start:
        raise Said("rule.as_of_before_plan", as_of=as_of.isoformat(), period=period)
    if as_of >= period.end:
        return Decimal(100)
    return months_gone(period.start, as_of) / months_gone(period.start, period.end) * 100


def unscheduled(schedule: Sequence[Decimal], expected_pct: Decimal) -> Decimal:
    """The pace (elapsed %) at which a `schedule` first expects `expected_pct`: the inverse of
    `scheduled` (0 < expected_pct ≤ 100)."""
    parts = len(schedule)
    index = next(i for i, share in enumerate(schedule) if share >= expected_pct)
    before = schedule[index - 1] if index > 0 else Decimal(0)
    rise = schedule[index] - before
    position = index + ((expected_pct - before) / rise if rise else Decimal(0))
    return position * 100 / parts


def scheduled(schedule: Sequence[Decimal], elapsed_pct: Decimal) -> Decimal:
    """The expected cumulative % where a `schedule` gives it at the end of each of its equal
    parts (quarters or months), interpolated linearly from 0 at the period's start."""
    parts = len(schedule)
    position = elapsed_pct * parts / 100
    index = min(int(position), parts - 1)
    before = schedule[index - 1] if index > 0 else Decimal(0)
    return before + (schedule[index] - before) * (position - index)

"""序时进度: how much of a plan period has gone by, counted in months (CONTRACT §2.1).

No clock here: every date is passed in.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache


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


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's last day (Jan 31 + 1 → Feb 28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@lru_cache(maxsize=8192)
def months_gone(start: date, as_of: date) -> Decimal:
    """Months from `start` to the end of `as_of`: whole months from their last day, plus the
    days gone of the month under way as a fraction of its days."""
    boundary = as_of + timedelta(days=1)
    whole = (boundary.year - start.year) * 12 + boundary.month - start.month
    while whole > 0 and add_months(start, whole) > boundary:
        whole -= 1
    month_start = add_months(start, whole)
    month_days = (add_months(start, whole + 1) - month_start).days
    return whole + Decimal((boundary - month_start).days) / month_days


@lru_cache(maxsize=8192)  # a period has a few hundred days; the forecast asks for them often
def elapsed(period: Period, as_of: date) -> Decimal:
    """The pace in % (unrounded): 50 on June 30 of a calendar year, 100 from the period's end.

    Raises ValueError before the period's start, where no pace exists.
    """
    if as_of < period.start:
        raise ValueError(f"as_of {as_of.isoformat()} is before the plan period ({period})")
    if as_of >= period.end:
        return Decimal(100)
    return months_gone(period.start, as_of) / months_gone(period.start, period.end) * 100


def scheduled(schedule: Sequence[Decimal], elapsed_pct: Decimal) -> Decimal:
    """The expected cumulative % where a `schedule` gives it at the end of each of its equal
    parts (quarters or months), interpolated linearly from 0 at the period's start."""
    parts = len(schedule)
    position = elapsed_pct * parts / 100
    index = min(int(position), parts - 1)
    before = schedule[index - 1] if index > 0 else Decimal(0)
    return before + (schedule[index] - before) * (position - index)

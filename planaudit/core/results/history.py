"""What `history` produces: each indicator of a plan at each of its report dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planaudit.core.results.indicators import IndicatorResult, Restatement


@dataclass(frozen=True)
class Timeline:
    """One indicator at each date it was reported."""

    points: tuple[tuple[date, IndicatorResult], ...]
    """(report date, the indicator as audited on it), oldest first."""
    restatement: Restatement | None

    @property
    def latest(self) -> IndicatorResult:
        return self.points[-1][1]


@dataclass(frozen=True)
class History:
    path: str
    plan: str
    chinese: bool
    dates: tuple[date, ...]
    """Every report date of the plan, oldest first."""
    timelines: tuple[Timeline, ...]
    """The indicators with dated figures, in file order."""
    undated: int
    """Indicators with one undated figure or none: nothing to trace."""

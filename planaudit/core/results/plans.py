"""What an audit of a plan adds up to: its summary, the stage of its period, the plan's report,
and the roll-up of several plans."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from planaudit.core.errors import Problem
from planaudit.core.pace import Period, months_gone
from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.terms import ASSESSED, JUDGED, ON_PACE, FailOn, Kind, Status


@dataclass(frozen=True)
class Summary:
    indicators: int
    assessed: int
    """Cumulative indicators judged against the pace (met, on_track, watch, behind)."""
    on_pace: int
    flagged: int
    stated_mismatches: int
    serious: int
    parts_mismatches: int
    restatements: int
    by_status: dict[Status, int]
    cumulative_missed: int = 0
    """Cumulative indicators missed: over a cap, or short of the target at the period's end."""
    levels_judged: int = 0
    """Level indicators judged against their target (any status but not judged)."""
    levels_met: int = 0
    """Level indicators on the good side of their target (on_track or met)."""
    milestones_due: int = 0
    """Milestones whose date has come, or done already (met or missed)."""
    milestones_done: int = 0
    milestones_pending: int = 0
    """Milestones not done and not yet due."""
    stated_gap_mismatches: int = 0
    """Stated gaps (stated_gap) that the figures do not give."""

    @classmethod
    def of(cls, results: tuple[IndicatorResult, ...]) -> Summary:
        kinds: dict[Kind, Counter[Status]] = {}
        for r in results:
            kinds.setdefault(r.kind, Counter())[r.status] += 1
        cumulative = kinds.get(Kind.CUMULATIVE, Counter())
        levels = kinds.get(Kind.LEVEL, Counter())
        milestones = kinds.get(Kind.MILESTONE, Counter())
        return cls(
            indicators=len(results),
            assessed=sum(cumulative[status] for status in ASSESSED),
            on_pace=sum(cumulative[status] for status in ON_PACE),
            flagged=sum(r.flagged for r in results),
            stated_mismatches=sum(r.stated_consistent is False for r in results),
            serious=sum(r.serious for r in results),
            parts_mismatches=sum(r.parts_consistent is False for r in results),
            restatements=sum(r.restatement is not None for r in results),
            by_status=dict(Counter(r.status for r in results)),
            cumulative_missed=cumulative[Status.MISSED],
            levels_judged=sum(levels[status] for status in JUDGED),
            levels_met=sum(levels[status] for status in ON_PACE),
            milestones_due=milestones[Status.MET] + milestones[Status.MISSED],
            milestones_done=milestones[Status.MET],
            milestones_pending=milestones[Status.PENDING],
            stated_gap_mismatches=sum(r.stated_gap_consistent is False for r in results),
        )

    @property
    def judged(self) -> int:
        """Indicators judged in their own terms: cumulative against the pace, levels against
        their target, milestones against their date."""
        return self.assessed + self.cumulative_missed + self.levels_judged + self.milestones_due

    @property
    def pace_verdict(self) -> bool | None:
        """时间过半、任务过半 for the cumulative indicators: each assessed one met or on track;
        None when none is assessed."""
        return None if self.assessed == 0 else self.on_pace == self.assessed

    @property
    def verdict(self) -> bool | None:
        """The plan's verdict (CONTRACT §2.5): every judged indicator where it should be — no
        cumulative one off the pace or missed, no level off its target, no milestone missed;
        None when nothing can be judged yet."""
        if self.judged == 0:
            return None
        return (
            self.on_pace == self.assessed
            and self.cumulative_missed == 0
            and self.levels_met == self.levels_judged
            and self.milestones_done == self.milestones_due
        )


class Phase(StrEnum):
    """Where a plan period stands, in the terms reviewers use for it."""

    HALF_WAY = "half_way"
    """A plan of a year or less, strictly within a month of its midpoint (not at the month's
    ends on either side): 时间过半、任务过半."""
    SO_FAR = "so_far"
    """Any other date in the period: 一季度, 1-5月, 前三季度 (规划实施进度 for several years)."""
    ENDED = "ended"


@dataclass(frozen=True)
class Stage:
    """The period at as_of: which words the verdict speaks in."""

    phase: Phase
    months: Decimal
    """Months of the period gone by (whole months and the fraction of the one under way)."""
    total: Decimal
    """Months in the period."""
    calendar: bool
    """The period starts on January 1, so its months are named by the calendar (1-5月)."""

    @classmethod
    def of(cls, period: Period, as_of: date) -> Stage:
        total = months_gone(period.start, period.end)
        gone = min(months_gone(period.start, as_of), total)
        if as_of >= period.end:
            phase = Phase.ENDED
        elif total <= 12 and abs(gone - total / 2) < 1:
            phase = Phase.HALF_WAY
        else:
            phase = Phase.SO_FAR
        calendar = (period.start.month, period.start.day) == (1, 1)
        return cls(phase, gone, total, calendar)

    @property
    def multi_year(self) -> bool:
        """A plan over more than a year (a five-year plan): 规划实施进度, not the year's pace."""
        return self.total > 12

    @property
    def past_half(self) -> bool:
        return self.months * 2 >= self.total

    @property
    def whole_months(self) -> int | None:
        """The months gone when as_of is a month's end (the usual report date), else None."""
        return int(self.months) if self.months == self.months.to_integral_value() else None


@dataclass(frozen=True)
class PlanReport:
    path: str
    plan: str
    as_of: date
    period: Period
    elapsed: Decimal
    tolerance: Decimal
    chinese: bool
    """Labels in Chinese: the plan's title is Chinese."""
    indicators: tuple[IndicatorResult, ...]
    summary: Summary

    def fails(self, level: FailOn) -> bool:
        return any(r.fails(level) for r in self.indicators)

    @property
    def stage(self) -> Stage:
        return Stage.of(self.period, self.as_of)

    def only_flagged(self) -> PlanReport:
        """The same plan showing only flagged indicators; its summary still counts them all."""
        return replace(self, indicators=tuple(r for r in self.indicators if r.flagged))


@dataclass(frozen=True)
class Report:
    """Everything one run produced: the plans audited and the files that could not be."""

    plans: tuple[PlanReport, ...]
    errors: tuple[Problem, ...]


@dataclass(frozen=True)
class PlanLine:
    """What a roll-up keeps of one plan file: its counts and the indicators it has behind."""

    path: str
    """The plan's file: what tells two plans apart."""
    plan: str
    """The plan's title: what a reader calls it."""
    assessed: int
    on_pace: int
    flagged: int
    behind: tuple[str, ...]
    """Names of its indicators that are behind or missed."""
    chinese: bool
    verdict: bool | None = None
    """The plan's verdict (Summary.verdict)."""
    shared_title: bool = False
    """Another plan of the roll-up has the same title: show the path beside it."""

    @classmethod
    def of(cls, plan: PlanReport) -> PlanLine:
        behind = tuple(
            r.name for r in plan.indicators if r.status in (Status.BEHIND, Status.MISSED)
        )
        s = plan.summary
        return cls(
            plan.path, plan.plan, s.assessed, s.on_pace, s.flagged, behind, plan.chinese, s.verdict
        )


@dataclass(frozen=True)
class Rollup:
    """Many plan files at once (a city's districts): plans by flagged count, and the indicators
    most often behind across them. Each file is its own line, whatever its title."""

    plans: tuple[PlanLine, ...]
    """Most flagged first; ties in file order."""
    most_behind: tuple[tuple[str, int], ...]
    """(indicator name, number of plan files it is behind in), most often first, at most ten."""

    @classmethod
    def of(cls, lines: list[PlanLine]) -> Rollup:
        titles = Counter(line.plan for line in lines)
        marked = [replace(line, shared_title=titles[line.plan] > 1) for line in lines]
        ordered = sorted(marked, key=lambda line: -line.flagged)
        counts = Counter(name for line in lines for name in set(line.behind))
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:10]
        return cls(tuple(ordered), tuple(ranked))

"""What an audit produces: frozen results that every renderer reads (never the plan model)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal

from planaudit.core.pace import Period
from planaudit.core.terms import (
    JUDGED,
    Dated,
    Direction,
    FailOn,
    FindingKind,
    Kind,
    Status,
)

CENT = Decimal("0.01")


_WIDE = Context(prec=60)
"""Room for any ratio of plan figures (below 10^15, at most 10 decimals) to two decimals."""


def round2(value: Decimal) -> Decimal:
    """Rounded as reports print percentages: two decimals, halves up (16.675 → 16.68)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP, context=_WIDE)


@dataclass(frozen=True)
class Forecast:
    """The rest of the period, for one indicator. Amounts are in the indicator's unit; None where
    the figures do not say (a stated rate alone has no amounts)."""

    months_left: Decimal
    monthly_needed_pct: Decimal | None = None
    """Points of the target a month needed for the months left (usage allowed, for a cap)."""
    monthly_so_far_pct: Decimal | None = None
    """Points of the target a month so far."""
    remaining: Decimal | None = None
    """Amount still to deliver (cap: still allowed; negative once over)."""
    monthly_needed: Decimal | None = None
    monthly_so_far: Decimal | None = None
    projection: Decimal | None = None
    """The period-end figure at the pace so far."""
    projection_completion: Decimal | None = None
    days_ahead: int | None = None
    """Days the indicator stands ahead (+) of the pace or behind (−) it."""
    recovery: bool | None = None
    """The pace needed is more than the recovery factor times the pace so far."""
    allowed_mean: Decimal | None = None
    """Annual mean: the average the rest of the period may still have."""


@dataclass(frozen=True)
class Previous:
    """The indicator as audited at its previous report date, for the change since then."""

    date: date
    status: Status
    actual: Decimal | None
    actual_text: str | None
    completion: Decimal | None
    gap: Decimal | None


@dataclass(frozen=True)
class Restatement:
    """A cumulative figure lower than at an earlier report date: the earlier one was restated
    (or one of them is a typing slip)."""

    key: Dated
    """ACTUAL or STATED."""
    before: date
    before_text: str
    after: date
    after_text: str


@dataclass(frozen=True)
class IndicatorResult:
    """One indicator as audited: percentages rounded to 2 decimals, None where not applicable."""

    id: str
    name: str
    section: str | None
    owner: str | None
    unit: str | None
    kind: Kind
    direction: Direction
    binding: bool
    line: int
    """1-based line of the indicator in its plan file."""
    status: Status
    target: Decimal | None = None
    target_text: str | None = None
    """The target as written, with its wording: "不低于1.7万", "6.5%左右"."""
    actual: Decimal | None = None
    actual_text: str | None = None
    actual_date: date | None = None
    """The report date of the figure that counted, where actual has several."""
    actual_earlier: bool = False
    """The figure that counted is of a date before as_of (the 1-5月 figure in a report at June
    30): shown with its date, 数据截至5月底."""
    completion: Decimal | None = None
    """Cumulative: actual / target in % (usage of a cap), or the stated rate."""
    expected: Decimal | None = None
    """序时进度 or the schedule's value, in %."""
    gap: Decimal | None = None
    """Points ahead (+) or behind (−) the pace; positive is good for caps too."""
    margin: Decimal | None = None
    """Level: distance from target in the indicator's unit; positive is the good side."""
    stated: Decimal | None = None
    stated_text: str | None = None
    stated_consistent: bool | None = None
    due: date | None = None
    done: bool | date | None = None
    source: str | None = None
    forecast: Forecast | None = None
    """What the rest of the period must deliver; None where it cannot be said."""
    parts_target: Decimal | None = None
    """The sum of the parts' targets, where this indicator lists `parts`."""
    parts_actual: Decimal | None = None
    parts_consistent: bool | None = None
    """The parts add up to this total within the rounding of the printed figures."""
    previous: Previous | None = None
    """The indicator at its previous report date, where `actual` or `stated` has several."""
    restatement: Restatement | None = None
    """The latest fall of a cumulative figure between two report dates."""
    earlier: tuple[Previous, ...] = ()
    """The indicator at each earlier report date, oldest first (`previous` is the last): the
    points of a trend line."""
    period: Period | None = None
    """The indicator's own period, where it is not the plan's (a 2013—2017 total): `expected`,
    the forecast and "the period has ended" are of this period."""
    target_same_as: str | None = None
    """For `target: {same_as: ID}`: the id whose figure at as_of is the target (`target`,
    `target_text`), or None."""
    target_same_as_name: str | None = None
    """The name of that indicator, shown as 与…同步."""
    stated_gap: Decimal | None = None
    """The distance the report states, signed (报告所列差距); None for a side alone (低于)."""
    stated_gap_text: str | None = None
    """The stated gap as written: "低于1.8个百分点", "低于"."""
    stated_gap_consistent: bool | None = None
    """The stated gap agrees with `distance` (CONTRACT §2.4's rule; a side alone: its sign)."""
    stated_gap_pace: Decimal | None = None
    """The pace (expected %) at the date of the figures a stated gap speaks of, where that date
    is earlier than as_of (1-5月 figures in a report at June 30): the gap is measured from it."""

    @property
    def judged_by_stated_gap(self) -> bool:
        """Judged only by the distance its report states: no figures to measure one by (no
        target, or no figure done)."""
        return self.stated_gap_text is not None and self.distance is None and self.status in JUDGED

    @property
    def distance(self) -> Decimal | None:
        """The signed distance a report states: actual − target for a level indicator (in its
        unit), completion − expected for a cumulative one (usage − pace for a cap), in points."""
        if self.kind is Kind.LEVEL and self.actual is not None and self.target is not None:
            return self.actual - self.target
        expected = self.expected if self.stated_gap_pace is None else self.stated_gap_pace
        if self.kind is Kind.CUMULATIVE and self.completion is not None and expected is not None:
            return self.completion - expected
        return None

    @property
    def mismatched(self) -> bool:
        """Figures that do not agree with each other: a stated rate or gap, parts and their
        total, or a cumulative figure that went down between two reports."""
        return (
            self.stated_consistent is False
            or self.stated_gap_consistent is False
            or self.parts_consistent is False
            or self.restatement is not None
        )

    @property
    def flagged(self) -> bool:
        return self.status.flagged or self.mismatched

    @property
    def disputed(self) -> bool:
        """Flagged only for figures that disagree, its status good: its mark is not ✓."""
        return self.flagged and not self.status.flagged

    @property
    def is_cap(self) -> bool:
        """A cumulative indicator with a ceiling (direction lower): 年度控制量, usage of it."""
        return self.kind is Kind.CUMULATIVE and self.direction is Direction.LOWER

    @property
    def findings(self) -> tuple[FindingKind, ...]:
        """What is found on the indicator, in the order reports list it: its flagged status
        (watch, behind, missed), then figures that disagree (a stated rate, a stated gap, the
        parts, a restatement)."""
        found = [FindingKind(self.status.value)] if self.status.flagged else []
        if self.stated_consistent is False:
            found.append(FindingKind.STATED_MISMATCH)
        if self.stated_gap_consistent is False:
            found.append(FindingKind.STATED_GAP_MISMATCH)
        if self.parts_consistent is False:
            found.append(FindingKind.PARTS_MISMATCH)
        if self.restatement is not None:
            found.append(FindingKind.RESTATEMENT)
        return tuple(found)

    @property
    def serious(self) -> bool:
        """A flagged binding (约束性) indicator: the most serious finding of a review."""
        return self.binding and self.flagged

    @property
    def worsened(self) -> bool:
        """Into a flagged status since the previous report, from one that was not, or from
        watch."""
        then = self.previous
        if then is None or not self.status.flagged:
            return False
        return not then.status.flagged or (
            then.status is Status.WATCH and self.status is not then.status
        )

    def fails(self, level: FailOn) -> bool:
        if level is FailOn.NEVER:
            return False
        if self.mismatched or self.status in (Status.BEHIND, Status.MISSED):
            return True
        return level is FailOn.WATCH and self.status is Status.WATCH

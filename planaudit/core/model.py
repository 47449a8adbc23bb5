"""What a plan file may contain (CONTRACT §1): the validated model, also the JSON Schema's source.

Shape and types are pydantic's job, each value read by its type in `values`; the rules that tie
several keys together are `consistency`'s: an indicator's in its model's `after` validator, the
file's in `consistency_problems`, each naming the key it is about.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    model_validator,
)
from pydantic_core import PydanticCustomError

from planaudit.core.consistency import indicator_problems
from planaudit.core.numbers import (
    Bound,
    Figure,
    Gap,
    Target,
)
from planaudit.core.pace import Period
from planaudit.core.terms import Dated, Direction, Kind
from planaudit.core.values import (
    Done,
    PlanDate,
    Points,
    Reported,
    ReportedGap,
    ReportedRate,
    SameAs,
    TargetValue,
)
from planaudit.lang import Message, say

MAX_NAME = 500
"""Characters in a name, title, section, owner or unit: more is a pasted paragraph, not a name."""
MAX_TEXT = 20_000
"""Characters in a source quote or note."""


class RuleError(PydanticCustomError):
    """A rule broken between keys, reported at `key`."""

    def __new__(cls, key: str, message: Message) -> RuleError:
        # The message travels in the context: the loader renders it in the run's language.
        return super().__new__(cls, "plan_rule", str(message), {"key": key, "said": message})


class PeriodSpan(BaseModel):
    """Any period, both ends included (a fiscal year, a five-year span…): a plan's, or an
    indicator's own."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    start: PlanDate = Field(description="First day of the period (起始日期).")
    end: PlanDate = Field(description="Last day of the period (截止日期), included.")

    @model_validator(mode="after")
    def _ends_after_start(self) -> PeriodSpan:
        if self.end <= self.start:
            raise RuleError("end", say("rule.period_ends_first", end=self.end, start=self.start))
        return self


class Indicator(BaseModel):
    """One indicator (指标) of a plan."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: StrictStr = Field(
        min_length=1, max_length=MAX_NAME, description="The indicator's name (指标名称)."
    )
    id: StrictStr | None = Field(
        None,
        min_length=1,
        description="Identifier (标识), unique in the file; default made from the position.",
    )
    section: StrictStr | None = Field(
        None, max_length=MAX_NAME, description="Heading it is grouped under (板块)."
    )
    owner: StrictStr | None = Field(
        None, max_length=MAX_NAME, description="Responsible unit (牵头单位)."
    )
    unit: StrictStr | None = Field(
        None, max_length=MAX_NAME, description="Unit shown beside figures (单位)."
    )
    kind: Kind = Field(
        Kind.CUMULATIVE,
        description="Kind (指标类型): cumulative (累计) | level (水平) | milestone (节点任务).",
    )
    direction: Direction | None = Field(
        None, description="Which way is good: higher (default) | lower (越低越好)."
    )
    period: PeriodSpan | None = Field(
        None,
        description="The indicator's own period (指标期), e.g. a 2013—2017 total beside annual "
        "targets: it is paced on it. Default: the plan's.",
    )
    target: TargetValue | None = Field(
        None,
        description="The target (目标), as printed (不低于1.7万个), or {same_as: ID}: another "
        "indicator's figure at as_of (与经济增长同步).",
    )
    actual: Reported | None = Field(
        None, description="The figure at as_of, or a mapping of report dates to figures (完成数)."
    )
    stated: ReportedRate | None = Field(
        None, description="Completion rate the report itself states, in % (报告所列完成率)."
    )
    stated_gap: ReportedGap | None = Field(
        None,
        description="The distance the report itself states, signed (报告所列差距): actual − "
        "target for a level indicator, completion − pace in points for a cumulative one: "
        "-1.8, 低于1.8个百分点, or the side alone (低于, 高于, 持平).",
    )
    parts: list[StrictStr] | None = Field(
        None,
        description="Ids of the indicators this one is the total of (分项); their targets and "
        "actuals must add up to its own within the rounding of the printed figures.",
    )
    binding: StrictBool = Field(False, description="A binding indicator (约束性指标).")
    annual_only: StrictBool = Field(
        False, description="Only assessed at the period's end (年度考核)."
    )
    band: Points | None = Field(None, description="Level only: width of the 左右 zone (浮动区间).")
    mean: Literal["annual"] | None = Field(
        None,
        description="Level only: the figure is a mean over the period so far, such as PM2.5 "
        "(年均值); the rest of the period's allowed average is forecast (年剩余日控制值).",
    )
    schedule: list[Points] | None = Field(
        None,
        description="Expected cumulative % at the end of each quarter (4) or month (12) "
        "(进度计划).",
    )
    due: PlanDate | None = Field(None, description="Milestone only: the date it is due (时限).")
    done: Done | None = Field(
        None, description="Milestone only: true/false, or the date done (完成情况)."
    )
    source: StrictStr | None = Field(
        None, max_length=MAX_TEXT, description="Verbatim quote from the report (原文)."
    )
    target_source: StrictStr | None = Field(
        None,
        max_length=MAX_TEXT,
        description="Verbatim quote of where the target comes from (目标出处), e.g. the annual "
        "plan or the report's measures part; it holds the target's figure.",
    )
    note: StrictStr | None = Field(None, max_length=MAX_TEXT, description="Any remark (备注).")

    @property
    def good_direction(self) -> Direction:
        """`direction` as written, else as the target's wording says, else higher."""
        if self.direction is not None:
            return self.direction
        target = self.target
        if isinstance(target, Target) and target.bound is Bound.CEILING:
            return Direction.LOWER
        return Direction.HIGHER

    @property
    def fixed_target(self) -> Target | None:
        """The target as a figure of its own; None for none, or for {same_as: ID}."""
        return self.target if isinstance(self.target, Target) else None

    @property
    def same_as(self) -> str | None:
        """The id whose figure is the target, for `target: {same_as: ID}`."""
        return self.target.id if isinstance(self.target, SameAs) else None

    @cached_property  # it looks at every dated figure; an audit asks at each report date
    def effective_unit(self) -> str | None:
        """`unit`, else the unit a figure was printed with (`target: 不低于1.7万个` → 个)."""
        if self.unit is not None:
            return self.unit
        for _, figure in self.figures():
            if figure.unit is not None:
                return figure.unit
        return next(
            (gap.figure.unit for gap in self.gaps() if gap.figure and gap.figure.unit), None
        )

    def figures(self) -> list[tuple[str, Figure]]:
        """(key, figure) of the target and every actual, dated ones included."""
        target, reported = self.target, self.actual
        found = [("target", target.figure)] if isinstance(target, Target) else []
        if isinstance(reported, dict):
            found += [("actual", figure) for figure in reported.values()]
        elif reported is not None:
            found.append(("actual", reported))
        return found

    def printed_units(self) -> Iterator[tuple[str, Figure, str]]:
        """(key, figure, unit) of each figure printed with a unit, or with % (a stated gap's %
        is points, not a unit)."""
        for key, figure in self.figures():
            unit = figure.unit or ("%" if figure.percent else None)
            if unit is not None:
                yield key, figure, unit
        for gap in self.gaps():
            if gap.figure is not None and gap.figure.unit is not None:
                yield "stated_gap", gap.figure, gap.figure.unit

    def gaps(self) -> list[Gap]:
        """Every stated_gap, dated ones included."""
        reported = self.stated_gap
        if reported is None:
            return []
        return list(reported.values()) if isinstance(reported, dict) else [reported]

    @model_validator(mode="after")
    def _keys_agree(self) -> Indicator:
        for key, message in indicator_problems(self):
            raise RuleError(key, message)
        return self

    @cached_property
    def report_days(self) -> dict[Dated, list[date]]:
        """The dates of each dated key (actual, stated, stated_gap), sorted once: the figure at
        a date is then found by bisection, however many dates an audit asks about."""
        return {
            key: sorted(reported)
            for key in Dated
            if isinstance(reported := getattr(self, key), dict)
        }

    def _latest(self, key: Dated, as_of: date) -> Any:
        reported = getattr(self, key)
        if not isinstance(reported, dict):
            return reported
        days = self.report_days[key]
        before = bisect_right(days, as_of)
        return reported[days[before - 1]] if before else None

    def latest_actual(self, as_of: date) -> Figure | None:
        found: Figure | None = self._latest(Dated.ACTUAL, as_of)
        return found

    def latest_stated(self, as_of: date) -> Figure | None:
        found: Figure | None = self._latest(Dated.STATED, as_of)
        return found

    def latest_gap(self, as_of: date) -> Gap | None:
        found: Gap | None = self._latest(Dated.STATED_GAP, as_of)
        return found

    def own_period(self, plan: Period) -> Period:
        """The period the indicator is paced on: its own `period`, else the plan's."""
        if self.period is None:
            return plan
        return Period(self.period.start, self.period.end)


class Plan(BaseModel):
    """A plan file: one plan (计划) and its indicators."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    plan: StrictStr = Field(
        min_length=1, max_length=MAX_NAME, description="The plan's title (计划名称)."
    )
    year: StrictInt | None = Field(
        None, ge=1900, le=2200, description="A calendar-year plan (计划年度)."
    )
    period: PeriodSpan | None = Field(
        None, description="Any other period (计划期), e.g. a fiscal year; not with year."
    )
    as_of: PlanDate | None = Field(None, description="The date the figures stand at (截至日期).")
    tolerance: Points = Field(
        Decimal(0), description="Points under the pace still counted as watch (容差)."
    )
    source: StrictStr | None = Field(
        None, description="The document the figures come from (资料来源)."
    )
    indicators: list[Indicator] = Field(min_length=1, description="The indicators (指标).")

    @property
    def span(self) -> Period:
        if self.period is not None:
            return Period(self.period.start, self.period.end)
        assert self.year is not None, "checked by consistency_problems"
        return Period.calendar_year(self.year)

"""What a plan file may contain (CONTRACT §1): the validated model, also the JSON Schema's source.

Shape and types are pydantic's job; the rules that tie several keys together are checked in
each model's `after` validator and in `consistency_problems`, each naming the key it is about.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    StrictBool,
    StrictInt,
    StrictStr,
    Tag,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from planaudit.numbers import Bound, Figure, Target, parse_figure, parse_rate, parse_target
from planaudit.pace import Period

_NUMBER_SCHEMA: dict[str, Any] = {"type": ["number", "string"]}


def _to_date(raw: object) -> date:
    if isinstance(raw, datetime):
        raise ValueError(f"expected a date such as 2018-06-30, not a date and time ({raw})")
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        try:
            return date.fromisoformat(raw.strip())
        except ValueError:
            pass
    raise ValueError(f"expected a date such as 2018-06-30, got {raw!r}")


def _positive(raw: object) -> Decimal:
    value = parse_figure(raw).value
    if value < 0:
        raise ValueError(f"expected zero or more, got {value}")
    return value


PlanDate = Annotated[
    date, PlainValidator(_to_date), WithJsonSchema({"type": "string", "format": "date"})
]
FigureValue = Annotated[Figure, PlainValidator(parse_figure), WithJsonSchema(_NUMBER_SCHEMA)]
RateValue = Annotated[Figure, PlainValidator(parse_rate), WithJsonSchema(_NUMBER_SCHEMA)]
TargetValue = Annotated[Target, PlainValidator(parse_target), WithJsonSchema(_NUMBER_SCHEMA)]
Points = Annotated[Decimal, PlainValidator(_positive), WithJsonSchema({"type": "number"})]


def _one_or_dated(raw: object) -> str:
    return "dated" if isinstance(raw, dict) else "one"


Reported = Annotated[
    Annotated[FigureValue, Tag("one")] | Annotated[dict[PlanDate, FigureValue], Tag("dated")],
    Discriminator(_one_or_dated),
]
ReportedRate = Annotated[
    Annotated[RateValue, Tag("one")] | Annotated[dict[PlanDate, RateValue], Tag("dated")],
    Discriminator(_one_or_dated),
]


def _to_done(raw: object) -> bool | date:
    if isinstance(raw, bool):
        return raw
    try:
        return _to_date(raw)
    except ValueError:
        raise ValueError(f"expected true, false or the date it was done, got {raw!r}") from None


Done = Annotated[
    bool | date,
    PlainValidator(_to_done),
    WithJsonSchema({"oneOf": [{"type": "boolean"}, {"type": "string", "format": "date"}]}),
]
MAX_NAME = 500
"""Characters in a name, title, section, owner or unit: more is a pasted paragraph, not a name."""
MAX_TEXT = 20_000
"""Characters in a source quote or note."""
UNION_TAGS = frozenset({"one", "dated"})
"""Names pydantic puts into an error's location for the unions above; not keys of the file."""


class Kind(StrEnum):
    CUMULATIVE = "cumulative"
    LEVEL = "level"
    MILESTONE = "milestone"


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


class RuleError(PydanticCustomError):
    """A rule broken between keys, reported at `key`."""

    def __new__(cls, key: str, message: str) -> RuleError:
        return super().__new__(cls, "plan_rule", message, {"key": key})


class Indicator(BaseModel):
    """One indicator (指标) of a plan."""

    model_config = ConfigDict(extra="forbid", frozen=True)

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
    target: TargetValue | None = Field(None, description="The annual target (年度目标).")
    actual: Reported | None = Field(
        None, description="The figure at as_of, or a mapping of report dates to figures (完成数)."
    )
    stated: ReportedRate | None = Field(
        None, description="Completion rate the report itself states, in % (报告所列完成率)."
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
    note: StrictStr | None = Field(None, max_length=MAX_TEXT, description="Any remark (备注).")

    @property
    def good_direction(self) -> Direction:
        """`direction` as written, else as the target's wording says, else higher."""
        if self.direction is not None:
            return self.direction
        if self.target is not None and self.target.bound is Bound.CEILING:
            return Direction.LOWER
        return Direction.HIGHER

    @model_validator(mode="after")
    def _keys_agree(self) -> Indicator:
        for key, message in self._disagreements():
            raise RuleError(key, message)
        return self

    def _disagreements(self) -> Iterator[tuple[str, str]]:
        target, kind = self.target, self.kind
        if target is not None and target.bound is not None and self.direction is not None:
            wants = Direction.HIGHER if target.bound is Bound.FLOOR else Direction.LOWER
            if wants is not self.direction:
                yield (
                    "target",
                    (
                        f"the wording of {target.text!r} means direction {wants}, "
                        f"but direction is {self.direction}"
                    ),
                )
        if kind is Kind.MILESTONE:
            for key in ("target", "actual", "stated", "band", "schedule"):
                if getattr(self, key) is not None:
                    yield key, f"a milestone has no {key}: give due and done"
        else:
            for key in ("due", "done"):
                if getattr(self, key) is not None:
                    yield key, f"{key} is for milestones only (kind: milestone)"
        if kind is Kind.CUMULATIVE and target is not None and target.figure.value <= 0:
            yield "target", f"a cumulative target must be more than 0, got {target.figure.text}"
        if self.band is not None and kind is not Kind.LEVEL:
            yield "band", "band is for level indicators only (kind: level)"
        if self.band is not None and self.band == 0:
            yield "band", "band must be more than 0"
        if self.mean is not None and kind is not Kind.LEVEL:
            yield "mean", "mean is for level indicators only (kind: level)"
        if self.parts is not None and kind is Kind.MILESTONE:
            yield "parts", "a milestone has no parts to add up"
        if self.stated is not None and kind is Kind.LEVEL:
            yield "stated", "stated is a completion rate: level indicators have none"
        if self.schedule is not None:
            yield from _schedule_problems(self.schedule, kind)

    def latest_actual(self, as_of: date) -> Figure | None:
        return latest(self.actual, as_of)

    def latest_stated(self, as_of: date) -> Figure | None:
        return latest(self.stated, as_of)


def _schedule_problems(schedule: list[Decimal], kind: Kind) -> Iterator[tuple[str, str]]:
    if kind is not Kind.CUMULATIVE:
        yield "schedule", "schedule is for cumulative indicators only"
    elif len(schedule) not in (4, 12):
        yield "schedule", f"schedule needs 4 (quarters) or 12 (months) values, got {len(schedule)}"
    elif any(b < a for a, b in pairwise(schedule)):
        yield "schedule", "schedule must not decrease: it is cumulative"
    elif schedule[-1] != 100:
        yield "schedule", f"schedule must end at 100 (the whole target), got {schedule[-1]}"


def latest(reported: Figure | dict[date, Figure] | None, as_of: date) -> Figure | None:
    """The figure that counts at `as_of`: the latest report dated on or before it."""
    if reported is None or isinstance(reported, Figure):
        return reported
    dates = [day for day in reported if day <= as_of]
    return reported[max(dates)] if dates else None


class PeriodSpan(BaseModel):
    """Any plan period, both ends included (a fiscal year, a five-year span…)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: PlanDate = Field(description="First day of the period (起始日期).")
    end: PlanDate = Field(description="Last day of the period (截止日期), included.")

    @model_validator(mode="after")
    def _ends_after_start(self) -> PeriodSpan:
        if self.end <= self.start:
            raise RuleError("end", f"the period ends ({self.end}) before it starts ({self.start})")
        return self


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


Location = tuple[str | int, ...]


def consistency_problems(plan: Plan) -> Iterator[tuple[Location, str]]:
    """Rules across the whole file, each with the location of the key it is about."""
    if (plan.year is None) == (plan.period is None):
        if plan.year is not None:
            yield ("period",), "give the plan period as exactly one of year or period, not both"
        else:
            yield (), "the plan period is missing: give year (e.g. year: 2018) or period"
        return
    period = plan.span
    if plan.as_of is not None and plan.as_of < period.start:
        yield ("as_of",), f"as_of {plan.as_of} is before the plan period ({period})"
    first_use: dict[str, int] = {}
    ids = {indicator.id for indicator in plan.indicators if indicator.id is not None}
    for index, indicator in enumerate(plan.indicators):
        where: Location = ("indicators", index)
        if indicator.id is not None:
            if indicator.id in first_use:
                yield (
                    (*where, "id"),
                    (
                        f"duplicate id {indicator.id!r}: indicator {first_use[indicator.id] + 1} "
                        "has it too"
                    ),
                )
            first_use.setdefault(indicator.id, index)
        for key in ("actual", "stated"):
            reported = getattr(indicator, key)
            if isinstance(reported, dict):
                for day in reported:
                    if day not in period:
                        yield (
                            (*where, key, str(day)),
                            f"{day} is outside the plan period ({period})",
                        )
        for position, part in enumerate(indicator.parts or []):
            if part == indicator.id:
                yield (
                    (*where, "parts", position),
                    f"an indicator cannot be a part of itself ({part!r})",
                )
            elif part not in ids:
                yield (*where, "parts", position), f"no indicator here has the id {part!r}"
        if indicator.due is not None and indicator.due not in period:
            yield (*where, "due"), f"due {indicator.due} is outside the plan period ({period})"

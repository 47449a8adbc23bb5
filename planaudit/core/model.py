"""What a plan file may contain (CONTRACT §1): the validated model, also the JSON Schema's source.

Shape and types are pydantic's job; the rules that tie several keys together are checked in
each model's `after` validator and in `consistency_problems`, each naming the key it is about.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from itertools import pairwise
from typing import Annotated, Any, Literal, TypeVar

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
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from planaudit.core.errors import excerpt
from planaudit.core.numbers import (
    Bound,
    Figure,
    Gap,
    Target,
    parse_figure,
    parse_gap,
    parse_quantity,
    parse_rate,
    parse_target,
    type_name,
)
from planaudit.core.pace import Period
from planaudit.core.terms import Dated, Direction, Kind

_NUMBER_SCHEMA: dict[str, Any] = {"type": ["number", "string"]}


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def iso_date(text: str) -> date:
    """A date written YYYY-MM-DD, and only so: Python's fromisoformat also takes 20180630 and
    2018-W26-6, which no plan means as a date."""
    text = text.strip()
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(f"{text!r} is not written YYYY-MM-DD")
    return date.fromisoformat(text)


def _to_date(raw: object) -> date:
    if isinstance(raw, datetime):
        raise ValueError(f"expected a date such as 2018-06-30, not a date and time ({raw})")
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        try:
            return iso_date(raw)
        except ValueError:
            pass
    raise ValueError(f"expected a date such as 2018-06-30, got {excerpt(raw)}")


def _positive(raw: object) -> Decimal:
    value = parse_figure(raw).value
    if value < 0:
        raise ValueError(f"expected zero or more, got {value}")
    return value


@dataclass(frozen=True)
class SameAs:
    """A target that is another indicator's figure at as_of: `target: {same_as: gdp-growth}`
    for 与经济增长同步 (in step with economic growth)."""

    id: str


def _unit(info: ValidationInfo) -> str | None:
    """The indicator's `unit`, validated before its figures (the model's fields are in order)."""
    unit = info.data.get("unit")
    return unit if isinstance(unit, str) else None


def _to_quantity(raw: object, info: ValidationInfo) -> Figure:
    return parse_quantity(raw, _unit(info))


def _to_gap(raw: object, info: ValidationInfo) -> Gap:
    return parse_gap(raw, _unit(info))


def _to_target(raw: object, info: ValidationInfo) -> Target | SameAs:
    if not isinstance(raw, dict):
        return parse_target(raw, _unit(info))
    other = [str(key) for key in raw if key != "same_as"]
    if "same_as" not in raw:
        close = difflib.get_close_matches(other[0], ["same_as"], n=1) if other else []
        hint = "; did you mean 'same_as'?" if close else ""
        raise ValueError(
            f"expected a number, or {{same_as: ID}} for another indicator's figure, "
            f"got a mapping{hint}"
        )
    if other:
        raise ValueError(f"{{same_as: ID}} takes no other key, got {other[0]!r}")
    ident = raw["same_as"]
    if not isinstance(ident, str) or not ident.strip():
        raise ValueError(f"same_as names another indicator by its id, got {type_name(ident)}")
    return SameAs(ident.strip())


PlanDate = Annotated[
    date, PlainValidator(_to_date), WithJsonSchema({"type": "string", "format": "date"})
]
FigureValue = Annotated[Figure, PlainValidator(_to_quantity), WithJsonSchema(_NUMBER_SCHEMA)]
RateValue = Annotated[Figure, PlainValidator(parse_rate), WithJsonSchema(_NUMBER_SCHEMA)]
GapValue = Annotated[Gap, PlainValidator(_to_gap), WithJsonSchema(_NUMBER_SCHEMA)]
TargetValue = Annotated[
    Target | SameAs,
    PlainValidator(_to_target),
    WithJsonSchema(
        {
            "anyOf": [
                _NUMBER_SCHEMA,
                {
                    "type": "object",
                    "properties": {"same_as": {"type": "string", "minLength": 1}},
                    "required": ["same_as"],
                    "additionalProperties": False,
                },
            ]
        }
    ),
]
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
ReportedGap = Annotated[
    Annotated[GapValue, Tag("one")] | Annotated[dict[PlanDate, GapValue], Tag("dated")],
    Discriminator(_one_or_dated),
]


def _to_done(raw: object) -> bool | date:
    if isinstance(raw, bool):
        return raw
    try:
        return _to_date(raw)
    except ValueError:
        raise ValueError(
            f"expected true, false or the date it was done, got {excerpt(raw)}"
        ) from None


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


class RuleError(PydanticCustomError):
    """A rule broken between keys, reported at `key`."""

    def __new__(cls, key: str, message: str) -> RuleError:
        return super().__new__(cls, "plan_rule", message, {"key": key})


class PeriodSpan(BaseModel):
    """Any period, both ends included (a fiscal year, a five-year span…): a plan's, or an
    indicator's own."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: PlanDate = Field(description="First day of the period (起始日期).")
    end: PlanDate = Field(description="Last day of the period (截止日期), included.")

    @model_validator(mode="after")
    def _ends_after_start(self) -> PeriodSpan:
        if self.end <= self.start:
            raise RuleError("end", f"the period ends ({self.end}) before it starts ({self.start})")
        return self


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

    def _printed_units(self) -> Iterator[tuple[str, Figure, str]]:
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
        for key, message in self._disagreements():
            raise RuleError(key, message)
        return self

    def _disagreements(self) -> Iterator[tuple[str, str]]:
        target, kind = self.fixed_target, self.kind
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
            for key in ("target", "actual", "stated", "stated_gap", "target_source", "band",
                        "schedule"):  # fmt: skip
                if getattr(self, key) is not None:
                    yield key, f"a milestone has no {key}: give due and done"
        else:
            for key in ("due", "done"):
                if getattr(self, key) is not None:
                    yield key, f"{key} is for milestones only (kind: milestone)"
            yield from self._unit_problems()
            if self.target_source is not None and self.target is None:
                yield "target_source", "target_source says where the target comes from: give target"
            if kind is not Kind.LEVEL and isinstance(self.target, SameAs):
                yield (
                    "target",
                    f"a target {{same_as: {self.same_as}}} is for level indicators (kind: level): "
                    "it is judged against that indicator's figure",
                )
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

    def _unit_problems(self) -> Iterator[tuple[str, str]]:
        """Figures printed with units that disagree (without `unit`), and stated gaps in points
        where the distance is in the unit, or in a unit where it is in points."""
        if self.unit is None and (self.target is not None or self.actual is not None):
            first: tuple[str, Figure, str] | None = None
            for key, figure, unit in self._printed_units():
                if first is None:
                    first = (key, figure, unit)
                elif unit != first[2]:
                    yield (
                        key,
                        f"{key}: {_printed(figure)} is in {unit}, but {first[0]} "
                        f"{_printed(first[1])} is in {first[2]}",
                    )
                    break
        if self.stated_gap is None:
            return
        shown_unit = self.effective_unit
        for gap in self.gaps():
            printed = gap.figure.unit if gap.figure is not None else None
            if self.kind is Kind.CUMULATIVE and printed is not None:
                yield (
                    "stated_gap",
                    f"stated_gap: {gap.text} is in {printed}, but a cumulative indicator's gap is "
                    "in points (个百分点): completion − pace",
                )
            elif self.kind is Kind.LEVEL and gap.points and shown_unit not in (None, "%"):
                yield "stated_gap", f"stated_gap: {gap.text} is in points, but unit is {shown_unit}"

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


def _printed(figure: Figure) -> str:
    return figure.text if figure.unit is None else figure.text + figure.unit


def _schedule_problems(schedule: list[Decimal], kind: Kind) -> Iterator[tuple[str, str]]:
    if kind is not Kind.CUMULATIVE:
        yield "schedule", "schedule is for cumulative indicators only"
    elif len(schedule) not in (4, 12):
        yield "schedule", f"schedule needs 4 (quarters) or 12 (months) values, got {len(schedule)}"
    elif any(b < a for a, b in pairwise(schedule)):
        yield "schedule", "schedule must not decrease: it is cumulative"
    elif schedule[-1] != 100:
        yield "schedule", f"schedule must end at 100 (the whole target), got {schedule[-1]}"


_Reported = TypeVar("_Reported", Figure, Gap)


def latest(reported: _Reported | dict[date, _Reported] | None, as_of: date) -> _Reported | None:
    """The figure that counts at `as_of`: the latest report dated on or before it."""
    if reported is None or not isinstance(reported, dict):
        return reported
    dates = [day for day in reported if day <= as_of]
    return reported[max(dates)] if dates else None


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
    by_id: dict[str, Indicator] = {}
    for indicator in plan.indicators:
        if indicator.id is not None:
            by_id.setdefault(indicator.id, indicator)
    for index, indicator in enumerate(plan.indicators):
        where: Location = ("indicators", index)
        own, whose = period, "the plan period"
        if indicator.period is not None:
            own, whose = indicator.own_period(period), "the indicator's period"
            if plan.as_of is not None and plan.as_of < own.start:
                yield (
                    (*where, "period"),
                    f"as_of {plan.as_of} is before the indicator's period ({own})",
                )
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
        for key in Dated:
            reported = getattr(indicator, key)
            if isinstance(reported, dict):
                for day in reported:
                    if day not in own:
                        yield (*where, key, str(day)), f"{day} is outside {whose} ({own})"
        for position, part in enumerate(indicator.parts or []):
            if part == indicator.id:
                yield (
                    (*where, "parts", position),
                    f"an indicator cannot be a part of itself ({part!r})",
                )
            elif part not in by_id:
                yield (*where, "parts", position), f"no indicator here has the id {part!r}"
        if indicator.due is not None and indicator.due not in own:
            yield (*where, "due"), f"due {indicator.due} is outside {whose} ({own})"
        if isinstance(indicator.target, SameAs):
            problem = _same_as_problem(indicator, by_id)
            if problem is not None:
                yield (*where, "target", "same_as"), problem


def _same_as_problem(indicator: Indicator, by_id: dict[str, Indicator]) -> str | None:
    """What is wrong with `target: {same_as: ID}`: an id that is not here, the indicator itself,
    a milestone, a figure in another unit, or targets that refer to each other in a circle."""
    ident = indicator.same_as
    assert ident is not None
    if ident == indicator.id:
        return f"an indicator's target cannot be its own figure (same_as {ident!r})"
    other = by_id.get(ident)
    if other is None:
        close = difflib.get_close_matches(ident, list(by_id), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"no indicator here has the id {ident!r}{hint}"
    if other.kind is Kind.MILESTONE:
        return f"{ident!r} is a milestone: it has no figure to be in step with"
    mine, theirs = _unit_or_percent(indicator), _unit_or_percent(other)
    if mine is not None and theirs is not None and mine != theirs:
        return f"{ident!r} is in {theirs}, but unit is {mine}"
    chain = [indicator.id or "", ident]
    while other is not None and other.same_as is not None and other.same_as not in chain:
        chain.append(other.same_as)
        other = by_id.get(other.same_as)
    if other is not None and other.same_as is not None and other.same_as == indicator.id:
        circle = " → ".join([*chain, other.same_as])
        return f"targets that are each other's figures go round in a circle: {circle}"
    return None


def _unit_or_percent(indicator: Indicator) -> str | None:
    unit = indicator.effective_unit
    if unit is None and any(figure.percent for _, figure in indicator.figures()):
        return "%"
    return unit

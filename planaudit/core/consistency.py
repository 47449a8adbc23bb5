"""The rules that tie several keys of a plan file together (CONTRACT §1), each problem with the
key it is about: within one indicator (checked as the model validates it) and across the file
(checked once it is valid)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING

from planaudit.core.numbers import Bound, Figure
from planaudit.core.terms import Dated, Direction, Kind
from planaudit.core.values import SameAs
from planaudit.lang import Message, quote, say

if TYPE_CHECKING:
    from planaudit.core.model import Indicator, Plan

Location = tuple[str | int, ...]


def indicator_problems(indicator: Indicator) -> Iterator[tuple[str, Message]]:
    """What is wrong between the keys of one indicator: (the key it is about, the message)."""
    target, kind = indicator.fixed_target, indicator.kind
    if target is not None and target.bound is not None and indicator.direction is not None:
        wants = Direction.HIGHER if target.bound is Bound.FLOOR else Direction.LOWER
        if wants is not indicator.direction:
            yield (
                "target",
                say(
                    "rule.wording_direction",
                    target=quote(target.text),
                    wants=wants.value,
                    direction=str(indicator.direction),
                ),
            )
    if kind is Kind.MILESTONE:
        for key in ("target", "actual", "stated", "stated_gap", "target_source", "band",
                    "schedule"):  # fmt: skip
            if getattr(indicator, key) is not None:
                yield key, say("rule.milestone_has_no", key=key)
    else:
        for key in ("due", "done"):
            if getattr(indicator, key) is not None:
                yield key, say("rule.for_milestones_only", key=key)
        yield from _unit_problems(indicator)
        if indicator.target_source is not None and indicator.target is None:
            yield "target_source", say("rule.target_source_without_target")
        if kind is not Kind.LEVEL and isinstance(indicator.target, SameAs):
            yield (
                "target",
                say("rule.same_as_for_levels", id=indicator.same_as),
            )
    if kind is Kind.CUMULATIVE and target is not None and target.figure.value <= 0:
        yield "target", say("rule.cumulative_target_positive", got=target.figure.text)
    if indicator.band is not None and kind is not Kind.LEVEL:
        yield "band", say("rule.for_levels_only", key="band")
    if indicator.band is not None and indicator.band == 0:
        yield "band", say("rule.band_positive")
    if indicator.mean is not None and kind is not Kind.LEVEL:
        yield "mean", say("rule.for_levels_only", key="mean")
    if indicator.parts is not None and kind is Kind.MILESTONE:
        yield "parts", say("rule.milestone_parts")
    if indicator.stated is not None and kind is Kind.LEVEL:
        yield "stated", say("rule.level_stated")
    if indicator.schedule is not None:
        yield from _schedule_problems(indicator.schedule, kind)


def _unit_problems(indicator: Indicator) -> Iterator[tuple[str, Message]]:
    """Figures printed with units that disagree (without `unit`), and stated gaps in points
    where the distance is in the unit, or in a unit where it is in points."""
    if indicator.unit is None and (indicator.target is not None or indicator.actual is not None):
        first: tuple[str, Figure, str] | None = None
        for key, figure, unit in indicator.printed_units():
            if first is None:
                first = (key, figure, unit)
            elif unit != first[2]:
                yield (
                    key,
                    say(
                        "rule.units_differ",
                        key=key,
                        figure=_printed(figure),
                        unit=unit,
                        other=first[0],
                        other_figure=_printed(first[1]),
                        other_unit=first[2],
                    ),
                )
                break
    if indicator.unit is None:
        yield from _magnitude_problems(indicator)
    if indicator.stated_gap is None:
        return
    shown_unit = indicator.effective_unit
    for gap in indicator.gaps():
        printed = gap.figure.unit if gap.figure is not None else None
        if indicator.kind is Kind.CUMULATIVE and printed is not None:
            yield (
                "stated_gap",
                say("rule.cumulative_gap_in_points", gap=gap.text, unit=printed),
            )
        elif indicator.kind is Kind.LEVEL and gap.points and shown_unit not in (None, "%"):
            yield "stated_gap", say("rule.gap_in_points", gap=gap.text, unit=shown_unit)


def _magnitude_problems(indicator: Indicator) -> Iterator[tuple[str, Message]]:
    """A figure printed with a magnitude and a unit (200万元) beside a bare one (150), with no
    `unit` to say which: 150元 or 150万元? A guess could be ten thousand times wrong."""
    figures = indicator.figures()
    for scaled_key, scaled in figures:
        magnitude = _MAGNITUDE.search(scaled.text)
        if scaled.unit is None or magnitude is None:
            continue
        unit, scale = scaled.unit, magnitude.group()
        for key, figure in figures:
            if figure.unit is None and not figure.percent and not _MAGNITUDE.search(figure.text):
                yield (
                    key,
                    say(
                        "rule.magnitude",
                        key=key,
                        figure=figure.text,
                        other=scaled_key,
                        other_figure=_printed(scaled),
                        scaled=f"{scale}{unit}",
                        unit=unit,
                    ),
                )
                return
        return


_MAGNITUDE = re.compile(r"[万亿]+")


def _printed(figure: Figure) -> str:
    return figure.text if figure.unit is None else figure.text + figure.unit


def _schedule_problems(schedule: list[Decimal], kind: Kind) -> Iterator[tuple[str, Message]]:
    if kind is not Kind.CUMULATIVE:
        yield "schedule", say("rule.schedule_cumulative")
    elif len(schedule) not in (4, 12):
        yield "schedule", say("rule.schedule_length", count=len(schedule))
    elif any(b < a for a, b in pairwise(schedule)):
        yield "schedule", say("rule.schedule_decreases")
    elif schedule[-1] != 100:
        yield "schedule", say("rule.schedule_end", got=schedule[-1])


def consistency_problems(plan: Plan) -> Iterator[tuple[Location, Message]]:
    """Rules across the whole file, each with the location of the key it is about."""
    if (plan.year is None) == (plan.period is None):
        if plan.year is not None:
            yield ("period",), say("rule.year_and_period")
        else:
            yield (), say("rule.no_period")
        return
    period = plan.span
    if plan.as_of is not None and plan.as_of < period.start:
        yield ("as_of",), say("rule.as_of_before_plan", as_of=plan.as_of, period=period)
    first_use: dict[str, int] = {}
    by_id: dict[str, Indicator] = {}
    for indicator in plan.indicators:
        if indicator.id is not None:
            by_id.setdefault(indicator.id, indicator)
    for index, indicator in enumerate(plan.indicators):
        where: Location = ("indicators", index)
        own, whose = period, say("rule.whose.plan")
        if indicator.period is not None:
            own, whose = indicator.own_period(period), say("rule.whose.indicator")
            if plan.as_of is not None and plan.as_of < own.start:
                yield (
                    (*where, "period"),
                    say("rule.as_of_before_indicator", as_of=plan.as_of, period=own),
                )
        if indicator.id is not None:
            if indicator.id in first_use:
                yield (
                    (*where, "id"),
                    say(
                        "rule.duplicate_id",
                        id=quote(indicator.id),
                        first=first_use[indicator.id] + 1,
                    ),
                )
            first_use.setdefault(indicator.id, index)
        for key in Dated:
            reported = getattr(indicator, key)
            if isinstance(reported, dict):
                for day in reported:
                    if day not in own:
                        yield (
                            (*where, key, str(day)),
                            say("rule.outside", day=day, whose=whose, period=own),
                        )
        for position, part in enumerate(indicator.parts or []):
            if part == indicator.id:
                yield (
                    (*where, "parts", position),
                    say("rule.part_of_itself", id=quote(part)),
                )
            elif part not in by_id:
                yield (*where, "parts", position), say("rule.no_such_id", id=quote(part))
        if indicator.due is not None and indicator.due not in own:
            yield (
                (*where, "due"),
                say("rule.due_outside", due=indicator.due, whose=whose, period=own),
            )
        if isinstance(indicator.target, SameAs):
            problem = _same_as_problem(indicator, by_id)
            if problem is not None:
                yield (*where, "target", "same_as"), problem


def _same_as_problem(indicator: Indicator, by_id: dict[str, Indicator]) -> Message | None:
    """What is wrong with `target: {same_as: ID}`: an id that is not here, the indicator itself,
    a milestone, a figure in another unit, or targets that refer to each other in a circle."""
    ident = indicator.same_as
    assert ident is not None
    if ident == indicator.id:
        return say("rule.same_as_itself", id=quote(ident))
    other = by_id.get(ident)
    if other is None:
        close = difflib.get_close_matches(ident, list(by_id), n=1)
        if close:
            return say("rule.no_such_id_did_you_mean", id=quote(ident), close=quote(close[0]))
        return say("rule.no_such_id", id=quote(ident))
    if other.kind is Kind.MILESTONE:
        return say("rule.same_as_milestone", id=quote(ident))
    mine, theirs = _unit_or_percent(indicator), _unit_or_percent(other)
    if mine is not None and theirs is not None and mine != theirs:
        return say("rule.same_as_unit", id=quote(ident), theirs=theirs, mine=mine)
    chain = [indicator.id or "", ident]
    while other is not None and other.same_as is not None and other.same_as not in chain:
        chain.append(other.same_as)
        other = by_id.get(other.same_as)
    if other is not None and other.same_as is not None and other.same_as == indicator.id:
        circle = " → ".join([*chain, other.same_as])
        return say("rule.same_as_circle", circle=circle)
    return None


def _unit_or_percent(indicator: Indicator) -> str | None:
    unit = indicator.effective_unit
    if unit is None and any(figure.percent for _, figure in indicator.figures()):
        return "%"
    return unit


def plan_hints(plan: Plan) -> Iterator[tuple[Location, Message]]:
    """What is valid but most likely not meant, each with its key, for a note beside the
    report (never an error: the contract allows it).

    - A target printed as a percentage other than 100% on an indicator whose kind was left out:
      it is paced as cumulative (the default), so a growth rate of 4% against 8%左右 reads as
      half done, on pace; growth rates and ratios are levels.
    - Two indicators of one section with the same name: a report's reader cannot tell them apart.
    """
    named: dict[tuple[str | None, str], int] = {}
    for index, indicator in enumerate(plan.indicators):
        where: Location = ("indicators", index)
        target = indicator.fixed_target
        if (
            "kind" not in indicator.model_fields_set
            and target is not None
            and (target.figure.percent or indicator.unit == "%")
            and target.figure.value != 100
        ):
            yield (*where, "target"), say("hint.percent_target_paced", target=quote(target.text))
        first = named.setdefault((indicator.section, indicator.name.strip()), index)
        if first != index:
            yield (*where, "name"), say("hint.same_name", item=first + 1)

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

if TYPE_CHECKING:
    from planaudit.core.model import Indicator, Plan

Location = tuple[str | int, ...]


def indicator_problems(indicator: Indicator) -> Iterator[tuple[str, str]]:
    """What is wrong between the keys of one indicator: (the key it is about, the message)."""
    target, kind = indicator.fixed_target, indicator.kind
    if target is not None and target.bound is not None and indicator.direction is not None:
        wants = Direction.HIGHER if target.bound is Bound.FLOOR else Direction.LOWER
        if wants is not indicator.direction:
            yield (
                "target",
                (
                    f"the wording of {target.text!r} means direction {wants}, "
                    f"but direction is {indicator.direction}"
                ),
            )
    if kind is Kind.MILESTONE:
        for key in ("target", "actual", "stated", "stated_gap", "target_source", "band",
                    "schedule"):  # fmt: skip
            if getattr(indicator, key) is not None:
                yield key, f"a milestone has no {key}: give due and done"
    else:
        for key in ("due", "done"):
            if getattr(indicator, key) is not None:
                yield key, f"{key} is for milestones only (kind: milestone)"
        yield from _unit_problems(indicator)
        if indicator.target_source is not None and indicator.target is None:
            yield "target_source", "target_source says where the target comes from: give target"
        if kind is not Kind.LEVEL and isinstance(indicator.target, SameAs):
            yield (
                "target",
                f"a target {{same_as: {indicator.same_as}}} is for level indicators (kind: level): "
                "it is judged against that indicator's figure",
            )
    if kind is Kind.CUMULATIVE and target is not None and target.figure.value <= 0:
        yield "target", f"a cumulative target must be more than 0, got {target.figure.text}"
    if indicator.band is not None and kind is not Kind.LEVEL:
        yield "band", "band is for level indicators only (kind: level)"
    if indicator.band is not None and indicator.band == 0:
        yield "band", "band must be more than 0"
    if indicator.mean is not None and kind is not Kind.LEVEL:
        yield "mean", "mean is for level indicators only (kind: level)"
    if indicator.parts is not None and kind is Kind.MILESTONE:
        yield "parts", "a milestone has no parts to add up"
    if indicator.stated is not None and kind is Kind.LEVEL:
        yield "stated", "stated is a completion rate: level indicators have none"
    if indicator.schedule is not None:
        yield from _schedule_problems(indicator.schedule, kind)


def _unit_problems(indicator: Indicator) -> Iterator[tuple[str, str]]:
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
                    f"{key}: {_printed(figure)} is in {unit}, but {first[0]} "
                    f"{_printed(first[1])} is in {first[2]}",
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
                f"stated_gap: {gap.text} is in {printed}, but a cumulative indicator's gap is "
                "in points (个百分点): completion − pace",
            )
        elif indicator.kind is Kind.LEVEL and gap.points and shown_unit not in (None, "%"):
            yield "stated_gap", f"stated_gap: {gap.text} is in points, but unit is {shown_unit}"


def _magnitude_problems(indicator: Indicator) -> Iterator[tuple[str, str]]:
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
                    f"{key}: {figure.text} has no unit, but {scaled_key} {_printed(scaled)} is "
                    f"in {scale}{unit}: is it {figure.text}{unit} or {figure.text}{scale}{unit}? "
                    f"Write the unit with the figure, or give unit",
                )
                return
        return


_MAGNITUDE = re.compile(r"[万亿]+")


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

"""The model's validation errors → located problems, said in the catalogs' words: which key,
what it must be, and the key it was probably meant to be."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from planaudit.core.consistency import Location
from planaudit.core.errors import PER_KIND, Problem, type_name
from planaudit.core.model import Indicator, PeriodSpan, Plan
from planaudit.core.values import UNION_TAGS
from planaudit.io.yaml_nodes import Mark, nearest
from planaudit.lang import Message, Said, quote, say

MAX_DETAILS = 1000
"""Validation errors read in full; past this many, only the first ones are (see _first_errors)."""


def first_errors(error: ValidationError, data: dict[str, Any]) -> tuple[list[ErrorDetails], bool]:
    """The validation errors to list, and whether they are all of them. Reading a million
    errors costs gigabytes, so past MAX_DETAILS the plan is validated again with its lists and
    mappings cut to their first items (64, 256, … until that finds enough): the errors found
    there are the first of the file."""
    if error.error_count() <= MAX_DETAILS:
        return error.errors(include_url=False), True
    items, longest = 64, _longest(data)
    while True:
        try:
            Plan.model_validate(_cut(data, items))
        except ValidationError as found:
            if found.error_count() >= PER_KIND * 4 or items >= longest:
                return found.errors(include_url=False)[:MAX_DETAILS], False
        items *= 4


def _longest(value: Any) -> int:
    """The number of entries of the longest list or mapping in `value`."""
    if isinstance(value, list | dict):
        inner = value if isinstance(value, list) else value.values()
        return max([len(value), *(_longest(item) for item in inner)])
    return 0


def _cut(value: Any, items: int) -> Any:
    """`value` with every list and mapping in it cut to its first `items` entries."""
    if isinstance(value, list):
        return [_cut(item, items) for item in value[:items]]
    if isinstance(value, dict):
        return {key: _cut(item, items) for key, item in list(value.items())[:items]}
    return value


@dataclass(frozen=True)
class ModelProblem:
    loc: Location
    located: Problem


def model_problem(path: str, positions: dict[Location, Mark], detail: ErrorDetails) -> ModelProblem:
    loc: Location = tuple(
        part if isinstance(part, int) else str(part)
        for part in detail["loc"]
        if part not in UNION_TAGS
    )
    kind = detail["type"]
    if kind == "plan_rule":
        loc = (*loc, str((detail.get("ctx") or {})["key"]))
    elif kind == "extra_forbidden" or loc[-1:] == ("[key]",):
        loc = (*loc[:-1], loc[-1], "[key]") if loc[-1:] != ("[key]",) else loc
    line, column = nearest(positions, loc)
    return ModelProblem(loc, Problem(path, line, column, _message(kind, loc, detail)))


def _key_name(loc: Location) -> str | Message:
    names = [part for part in loc if part != "[key]"]
    if not names:
        return say("key.the_plan")
    last = names[-1]
    if isinstance(last, int):
        parent = names[-2] if len(names) > 1 else say("key.list")
        return say("key.item", number=last + 1, parent=parent)
    return str(last)


def _owner_fields(loc: Location) -> Iterable[str]:
    """The keys allowed beside the key at `loc`, for a "did you mean"."""
    inside = [part for part in loc[:-2] if part != "[key]"]
    model: type[BaseModel] = Plan
    if inside[-1:] == ["period"]:  # the plan's period, or an indicator's own
        model = PeriodSpan
    elif inside[:1] == ["indicators"]:
        model = Indicator
    return model.model_fields


_EXPECTED = {
    "string_type": "expected.text",
    "bool_type": "expected.boolean",
    "int_type": "expected.whole_number",
    "int_from_float": "expected.whole_number",
    "model_type": "expected.mapping",
    "model_attributes_type": "expected.mapping",
    "dict_type": "expected.mapping",
    "list_type": "expected.list",
}
"""What a key of each type must be, by the id of its words."""


def _message(kind: str, loc: Location, detail: ErrorDetails) -> Message | str:
    key = _key_name(loc)
    raw = detail.get("input")
    context = detail.get("ctx") or {}
    if kind == "plan_rule":
        said: Message = context["said"]
        return said
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(str(key), list(_owner_fields(loc)), n=1)
        if close:
            return say("plan.unknown_key_did_you_mean", key=quote(str(key)), close=quote(close[0]))
        return say("plan.unknown_key", key=quote(str(key)))
    if kind == "missing":
        return say("plan.missing_key", key=quote(str(key)))
    if kind == "value_error":
        error = context.get("error")
        if isinstance(error, Said):
            return say("plan.key_said", key=key, said=error.said)
        return say("plan.key_said", key=key, said=detail["msg"].removeprefix("Value error, "))
    got = type_name(raw)
    if kind in ("enum", "literal_error"):
        expected = context.get("expected", "")
        choices = [c.strip(" '") for c in str(expected).replace(" or ", ",").split(",")]
        close = difflib.get_close_matches(str(raw), choices, n=1)
        listed = tuple(choices)
        if len(choices) == 1:  # a literal: the one value it may have
            if close:
                return say(
                    "plan.must_be_value_did_you_mean",
                    key=key,
                    value=choices[0],
                    got=got,
                    close=quote(close[0]),
                )
            return say("plan.must_be_value", key=key, value=choices[0], got=got)
        if close:
            return say(
                "plan.not_one_of_did_you_mean",
                key=key,
                choices=listed,
                got=got,
                close=quote(close[0]),
            )
        return say("plan.not_one_of", key=key, choices=listed, got=got)
    if kind in _EXPECTED:
        return say("plan.must_be", key=key, expected=say(_EXPECTED[kind]), got=got)
    if kind == "string_too_long":
        limit = context.get("max_length")
        return say("plan.too_long", key=key, length=f"{len(str(raw)):,}", limit=f"{limit:,}")
    if kind in ("too_short", "string_too_short"):
        return say("plan.no_indicators" if key == "indicators" else "plan.empty", key=key)
    message = detail["msg"]
    return say("plan.key_said", key=key, said=f"{message[:1].lower()}{message[1:]}")

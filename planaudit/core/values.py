"""How the values of a plan file are read and checked, one type each for the model: dates written
YYYY-MM-DD, figures, stated rates and gaps (in the indicator's unit), targets with their wording
or {same_as: ID}, report dates mapped to figures, and done."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import Discriminator, PlainValidator, Tag, ValidationInfo, WithJsonSchema

from planaudit.core.errors import shown, type_name
from planaudit.core.numbers import (
    Figure,
    Gap,
    Target,
    parse_figure,
    parse_gap,
    parse_quantity,
    parse_rate,
    parse_target,
)
from planaudit.lang import Said, quote

_NUMBER_SCHEMA: dict[str, Any] = {"type": ["number", "string"]}

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def iso_date(text: str) -> date:
    """A date written YYYY-MM-DD, and only so: Python's fromisoformat also takes 20180630 and
    2018-W26-6, which no plan means as a date."""
    text = text.strip()
    if not _ISO_DATE.fullmatch(text):
        raise Said("value.not_yyyy_mm_dd", text=quote(text))
    return date.fromisoformat(text)


def _to_date(raw: object) -> date:
    if isinstance(raw, datetime):
        raise Said("value.date_and_time", value=raw)
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        try:
            return iso_date(raw)
        except ValueError:
            pass
    raise Said("value.not_a_date", got=shown(raw))


def _positive(raw: object) -> Decimal:
    value = parse_figure(raw).value
    if value < 0:
        raise Said("value.negative", got=value)
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
        raise Said("value.same_as_expected_did_you_mean" if close else "value.same_as_expected")
    if other:
        raise Said("value.same_as_other_key", key=quote(other[0]))
    ident = raw["same_as"]
    if not isinstance(ident, str) or not ident.strip():
        raise Said("value.same_as_id", got=type_name(ident))
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
        raise Said("value.done", got=shown(raw)) from None


Done = Annotated[
    bool | date,
    PlainValidator(_to_done),
    WithJsonSchema({"oneOf": [{"type": "boolean"}, {"type": "string", "format": "date"}]}),
]

UNION_TAGS = frozenset({"one", "dated"})
"""Names pydantic puts into an error's location for the unions above; not keys of the file."""

"""Figures as planners write them: "1.7万", "2,000", "6.5%左右", "不低于1.7万", "1.4万余"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

_MAGNITUDES = {"": Decimal(1), "万": Decimal(10**4), "亿": Decimal(10**8), "万亿": Decimal(10**12)}
_NUMBER = (
    r"(?P<num>(?P<sign>[-+−])?"
    r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
    r"(?P<mag>万亿|万|亿)?(?P<pct>[%％])?)"
)
_FIGURE = re.compile(rf"^{_NUMBER}(?P<more>余|多)?$")
_FLOOR_WORDS = ("不低于", "不少于", "高于", "以上")
_CEILING_WORDS = ("控制在", "不超过", "不高于", "低于", "以内", "以下")
_TARGET = re.compile(
    r"^(?P<lead>(?:力争|确保)*)"
    r"(?P<pre>不低于|不少于|不超过|不高于|控制在|低于|高于)?"
    rf"{_NUMBER}"
    r"(?P<post>以上|以内|以下|左右)?$"
)
MAX_MAGNITUDE = Decimal(10) ** 15
"""Larger figures are typing slips: no plan counts beyond 千万亿."""

_ONE = Decimal(1)
_MAX_INT = int(MAX_MAGNITUDE)
NUMBER_HINT = 'write digits, optionally with 万/亿/% or thousands commas (1.7万, 6.5%, "2,000")'


class Bound(StrEnum):
    """Which side of the target is good, as the target's wording says."""

    FLOOR = "floor"
    CEILING = "ceiling"


@dataclass(frozen=True)
class Figure:
    """A number as written in a plan: its exact value and the text it was written as."""

    value: Decimal
    text: str
    """The figure as written, shown in reports: "1.7万", "521.25"."""
    percent: bool
    """Written with %."""
    decimals: int
    """Digits after the decimal point as written; the precision a stated rate was printed with."""
    step: Decimal
    """The value of one unit in the last digit written: 0.01 for 521.25, 1000 for 1.7万."""


@dataclass(frozen=True)
class Target:
    """An annual target with its planning wording (以上, 以内, 左右, 力争, 确保…)."""

    figure: Figure
    text: str
    """The whole target as written: "不低于1.7万", "6.5%左右"."""
    bound: Bound | None
    approximate: bool
    """左右: a level indicator gets a watch zone of width `band`."""
    stretch: bool
    """力争."""
    must: bool
    """确保."""


class NumberError(ValueError):
    """Text that is not a number a plan can hold."""


def _finite(value: Decimal, text: str) -> Decimal:
    if not value.is_finite():
        raise NumberError(f"{text!r} is not a number: NaN and infinities are not allowed")
    if abs(value) >= MAX_MAGNITUDE:
        raise NumberError(f"{text} is too large to be a plan figure (limit 10^15)")
    return value


def _from_match(match: re.Match[str], text: str) -> Figure:
    sign = -1 if match["sign"] in ("-", "−") else 1
    digits = match["int"].replace(",", "")
    frac = match["frac"] or ""
    number = Decimal(f"{digits}.{frac}" if frac else digits)
    value = _finite(sign * number * _MAGNITUDES[match["mag"] or ""], text)
    step = Decimal(1).scaleb(-len(frac)) * _MAGNITUDES[match["mag"] or ""]
    return Figure(value=value, text=text, percent=bool(match["pct"]), decimals=len(frac), step=step)


def _plain(raw: object) -> Figure | None:
    """A figure from a YAML number, or None when `raw` is text to be parsed."""
    if isinstance(raw, bool):
        raise NumberError(f"expected a number, got the boolean {str(raw).lower()}")
    if isinstance(raw, int):
        if -_MAX_INT < raw < _MAX_INT:  # the common case, made quickly
            return Figure(Decimal(raw), str(raw), percent=False, decimals=0, step=_ONE)
        raw = Decimal(raw)
    elif isinstance(raw, float):
        raw = (
            Decimal(repr(raw)) if raw == raw and raw not in (float("inf"), -float("inf")) else None
        )
        if raw is None:
            raise NumberError("NaN and infinities are not numbers")
    if isinstance(raw, Decimal):
        text = str(raw)
        exponent = raw.as_tuple().exponent
        decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        value = _finite(raw, text)
        return Figure(
            value, text, percent=False, decimals=decimals, step=Decimal(1).scaleb(-decimals)
        )
    if isinstance(raw, str):
        return None
    raise NumberError(f"expected a number, got {type_name(raw)}")


def parse_figure(raw: object) -> Figure:
    """A figure: 521.25, "2,000", "1.7万", "6.5%", "-10.9%", "1.4万余"."""
    plain = _plain(raw)
    if plain is not None:
        return plain
    text = str(raw).strip()
    match = _FIGURE.match(text.replace(" ", ""))
    if match is None:
        raise NumberError(f"cannot read {text!r} as a number: {NUMBER_HINT}")
    return _from_match(match, text)


def parse_rate(raw: object) -> Figure:
    """A completion rate in %: 91.77, "91.77%" both mean 91.77 %."""
    figure = parse_figure(raw)
    if figure.text.endswith(("余", "多")):
        raise NumberError(f"a stated rate is an exact percentage, not {figure.text!r}")
    return figure


def parse_target(raw: object) -> Target:
    """A target with its wording: 568, "1.7万", "不低于1.7万", "6.5%左右", "控制在1.5%以内"."""
    plain = _plain(raw)
    if plain is not None:
        return Target(plain, plain.text, None, approximate=False, stretch=False, must=False)
    text = str(raw).strip()
    match = _TARGET.match(text.replace(" ", ""))
    if match is None:
        raise NumberError(
            f"cannot read {text!r}: {NUMBER_HINT}, with wording such as "
            "以上, 不低于, 以内, 控制在…以内, 左右, 力争, 确保"
        )
    words = [w for w in (match["pre"], match["post"]) if w]
    floors = [w for w in words if w in _FLOOR_WORDS]
    ceilings = [w for w in words if w in _CEILING_WORDS]
    if floors and ceilings:
        raise NumberError(
            f"the target {text!r} says both a floor ({floors[0]}) and a ceiling ({ceilings[0]})"
        )
    bound = Bound.FLOOR if floors else Bound.CEILING if ceilings else None
    return Target(
        figure=_from_match(match, match["num"]),
        text=text,
        bound=bound,
        approximate=match["post"] == "左右",
        stretch="力争" in match["lead"],
        must="确保" in match["lead"],
    )


def type_name(raw: object) -> str:
    """How a YAML value's type is named in messages."""
    if raw is None:
        return "nothing (null)"
    if isinstance(raw, bool):
        return f"the boolean {str(raw).lower()}"
    if isinstance(raw, dict):
        return "a mapping"
    if isinstance(raw, list):
        return "a list"
    if isinstance(raw, (int, float, Decimal)):
        return f"the number {raw}"
    if isinstance(raw, str):
        return f"the text {raw!r}"
    return f"a {type(raw).__name__}"


TEXT_NUMBER = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
"""A number as it stands in a report's running text or table cells: digits with thousands
commas and decimals (`139,615`, `521.25`). No sign (the "-" of `1-6月` is a range; a table cell's
sign is read with the cell) and no magnitude (万 and 亿 belong to the number or to the unit, as
the sentence decides). ASCII digits only: `\\d` would take any script's digits."""
MAGNITUDE = r"万亿|万|亿"
"""The Chinese magnitudes a figure may carry (1.7万, 3.2亿)."""

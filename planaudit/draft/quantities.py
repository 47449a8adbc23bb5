"""Figures with their unit as a sentence prints them (11.3亿元, 1.4万余个), and how a draft writes
them: 万 and 亿 stay with a measured unit (11.3 in 亿元) and with the number of a counted one
(1.4万余, in 个)."""

from __future__ import annotations

import re

from planaudit.core import phrasings as say
from planaudit.draft.model import Drafted
from planaudit.lang import Message

_COUNTED = re.compile(f"(?:{say.COUNT_UNITS})")
_NUMBER = re.compile(rf"^-?{say.N}")


def unit(quantity: re.Match[str]) -> str:
    return quantity["unit"].replace("每", "/")


def value(quantity: re.Match[str]) -> float:
    scale = {"万": 1e4, "亿": 1e8, "万亿": 1e12}.get(quantity["mag"] or "", 1.0)
    return float(quantity["num"].replace(",", "")) * scale


def counted(name: str) -> bool:
    """A unit of things counted (个, 项, 户), not of things measured (亿元, 公里)."""
    return _COUNTED.fullmatch(name) is not None


def written_unit(quantity: re.Match[str]) -> str:
    """The unit an amount is drafted in: 万 and 亿 stay with a measured unit (亿元, 万人)."""
    plain = unit(quantity)
    if counted(plain) or quantity["more"]:
        return plain
    return (quantity["mag"] or "") + plain


def cumulative(name: str, quantity: re.Match[str], line: int, section: str | None) -> Drafted:
    """A cumulative indicator of an amount, in the unit as printed."""
    drafted_unit = written_unit(quantity)
    number = quantity["num"].replace(",", "")
    if drafted_unit == unit(quantity):
        actual = number + (quantity["mag"] or "") + (quantity["more"] or "")
    else:
        actual = number
    item = Drafted(name, line, "", section, unit=drafted_unit, actual=actual)
    if len(name) <= 4:
        item.guesses.append(Message.of("guess.clause_words"))
    return item


def same_unit(quantity: re.Match[str] | None, drafted_unit: str | None) -> bool:
    if quantity is None or drafted_unit is None:
        return False
    return drafted_unit in (unit(quantity), (quantity["mag"] or "") + unit(quantity))


def in_unit(quantity: re.Match[str], drafted_unit: str | None) -> str:
    """A quantity written in `drafted_unit`: 134万平方米 is 134 in 万平方米 and 134万 in 平方米."""
    magnitude = quantity["mag"] or ""
    number = quantity["num"].replace(",", "")
    if magnitude and drafted_unit == magnitude + unit(quantity):
        return number
    return number + magnitude


def number(text: str) -> str:
    """A drafted figure (1.4万, 52.3%) as a number Python reads (1.4e4, 52.3)."""
    scale = {"万": "e4", "亿": "e8"}
    match = _NUMBER.match(text.replace(",", ""))
    if match is None:
        raise ValueError(text)
    rest = text[match.end() :]
    return match.group() + (scale.get(rest[:1], "") if rest else "")


def agrees(item: Drafted, target: re.Match[str]) -> bool:
    """The item's stated rate is its actual over `target`, rounded or cut as reports print it
    (129 of 270 is 47.78 %, printed 47%)."""
    if item.stated is None or item.actual is None:
        return False
    try:
        done = float(number(item.actual))
        stated = float(item.stated.rstrip("%"))
        wanted = float(number(in_unit(target, item.unit)))
    except ValueError:
        return False
    if wanted <= 0:
        return False
    computed = done / wanted * 100
    places = len(item.stated.rstrip("%").partition(".")[2])
    return abs(computed - stated) <= 0.6 or 0 <= computed - stated < 10**-places

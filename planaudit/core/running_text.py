"""Figures in a report's running text: what the numbers of a quoted sentence may stand for
(`verify` compares them with a plan's figures; `draft` and the phrasings find them)."""

from __future__ import annotations

import re
from decimal import Decimal

from planaudit.core.numbers import MAGNITUDES, SIMPLIFIED, bare_unit

TEXT_NUMBER = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
"""A number as it stands in a report's running text or table cells: digits with thousands
commas and decimals (`139,615`, `521.25`). No sign (the "-" of `1-6月` is a range; a table cell's
sign is read with the cell) and no magnitude (万 and 亿 belong to the number or to the unit, as
the sentence decides). ASCII digits only: `\\d` would take any script's digits."""
MAGNITUDE = r"万亿|万|亿"
"""The Chinese magnitudes a figure may carry (1.7万, 3.2亿)."""


_RUNNING = re.compile(
    rf"(?<![0-9.])(?P<num>{TEXT_NUMBER})(?![0-9]|\.[0-9])(?P<mag>{MAGNITUDE})?(?:余|多)?"
)


def figures_in(text: str, unit: str | None = None) -> set[Decimal]:
    """Every value a number in running `text` may stand for in `unit`. A number followed by the
    unit (or its base, without 万/亿) stands for its value in that unit alone: with unit 个,
    `1.7万个` is 17000; with 万平方米, `521.25万平方米` is 521.25 and `134平方米` is 0.0134.
    Any other number may be read with or without its magnitude (`521.25万` → 521.25, 5212500),
    and a number with thousands commas also as its comma-separated parts (a list `100,200`).
    持平 (level with, unchanged) stands for 0: a growth of 0 %, a change of 0 points."""
    text = text.translate(SIMPLIFIED)  # 億, 萬, 個百分點 read as 亿, 万, 个百分点
    base = bare_unit(unit)
    scale = Decimal(1)
    for word in ("万亿", "万", "亿"):
        if base.startswith(word) and len(base) > len(word):
            base, scale = base[len(word) :], MAGNITUDES[word]
            break
    values: set[Decimal] = {Decimal(0)} if "持平" in text else set()
    for match in _RUNNING.finditer(text):
        number = Decimal(match["num"].replace(",", ""))
        magnitude = MAGNITUDES[match["mag"] or ""]
        if base and text.startswith(base, match.end()):
            values.add(number * magnitude / scale)
            continue
        values.update((number, number * magnitude))
        if "," in match["num"]:  # or a list that lost its spaces: 100,200
            values.update(Decimal(part) for part in match["num"].split(".")[0].split(","))
    return values

"""What a plan file says of an indicator beyond its figures, guessed from its name and the
clauses it quotes, each marked a guess: a level that should fall (安全事故, 死亡人数, 发生率,
PM2.5浓度, 能耗, 失业率: `direction: lower`), one assessed only at the year's end (能耗,
单位GDP能耗: `annual_only`), and one the text calls binding (约束性: `binding`). A cumulative
amount keeps the direction its target's wording gives (a cap: 控制在…以内)."""

from __future__ import annotations

import re

from planaudit.draft.model import Drafted
from planaudit.lang import Message

_LOWER = re.compile(
    r"事故|死亡|伤亡|发生率|发案|失业|能耗|排放|浓度|PM2\.?5|PM10|可吸入颗粒物|赤字|负债率|债务率"
    r"|万元GDP|单位GDP|单位生产总值|单位地区生产总值|居民消费价格|CPI|劣V类|劣五类"
)
"""What a reviewer wants lower: accidents and deaths, rates of incidence, pollution, energy per
unit of output, prices."""
_RISES = re.compile(r"下降|降低|减少|削减|减排")
"""…下降 names a fall: its figure is how much lower, and more is better."""
_GOOD_RATE = re.compile(r"(?<!发生|死亡|失业|负债|债务|发案)率$")
"""A rate of something done (事故隐患整改率): more is better, whatever it is about."""
_ANNUAL = re.compile(r"能耗|能源消耗|单位GDP|单位生产总值|单位地区生产总值|万元GDP")
"""Assessed at the year's end only: energy per unit of output."""
_BINDING = re.compile(r"约束性")
_UPWARD_WORDING = re.compile(r"不低于|不少于|以上|高于|超过")
"""A target's wording that means the figure should rise: no lower direction beside it."""


def mark(items: list[Drafted]) -> None:
    """Set the guesses of each indicator of the draft, from its name and its quote."""
    for item in items:
        if item.kind == "milestone":
            continue
        name = item.name
        lower = _LOWER.search(name) and not _RISES.search(name) and not _GOOD_RATE.search(name)
        upward = item.target is not None and _UPWARD_WORDING.search(item.target)
        if item.direction is None and lower and item.kind == "level" and not upward:
            item.direction = "lower"
            item.guesses.append(Message.of("guess.lower_like"))
        if _ANNUAL.search(name):
            item.annual_only = True
            item.guesses.append(Message.of("guess.energy_intensity"))
        if _BINDING.search(item.source):
            item.binding = True
            item.guesses.append(Message.of("guess.binding", word="约束性"))

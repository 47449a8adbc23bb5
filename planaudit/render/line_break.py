"""Lines of Chinese text broken the way Chinese is set (避头尾, kinsoku): no line opens on a
closing mark (，。；：、）」…) and none ends on an opening one (（「…), figures and Latin words
stay whole, and a figure stays with the measure word after it (1项, 5个). Rich breaks only at
spaces and folds anything longer cell by cell, so a sentence without spaces — the verdict —
would open a line on any character; it is broken here, at its source, and handed to rich as
lines that already fit."""

from __future__ import annotations

import re

from rich.cells import cell_len

CLOSING = frozenset("，。；：、！？）」』】》〉”’％%…—·,.;:!?)]}")
"""Marks that never open a line: they stay with what they close."""
OPENING = frozenset("（「『【《〈“‘([{")
"""Marks that never end a line: they go down with what they open."""
UNIT = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,+\-−%]*\s*|\s+|.", re.S)
"""What a line is made of: a Latin word or figure (with the space after it) kept whole, a run
of spaces, or a single character."""
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
_FIGURE = re.compile(r"[0-9][0-9.,+\-−%]*")
"""A figure written right against what follows it (no space): 标记1|项 never breaks there."""


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def break_lines(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells (a unit wider than that alone on its line),
    broken only where Chinese typesetting allows."""
    units = UNIT.findall(text)
    lines: list[list[str]] = [[]]
    used = 0
    for unit in units:
        size = cell_len(unit.rstrip())
        line = lines[-1]
        if used + size <= width or not line:
            line.append(unit)
            used += cell_len(unit)
            continue
        if unit.isspace():
            continue  # a break here: the space goes with it
        carried = [unit]
        _trim(line)
        if unit[0] in CLOSING:  # take the character it closes down with it
            while len(line) > 1 and (line[-1][0] in CLOSING or line[-1].isspace()):
                carried.insert(0, line.pop())
            if len(line) > 1:
                carried.insert(0, line.pop())
                _trim(line)
        if _CJK.fullmatch(carried[0]) and len(line) > 1 and _FIGURE.fullmatch(line[-1]):
            carried.insert(0, line.pop())  # a figure goes down with its measure word: 1项, 5个
            _trim(line)
        while len(line) > 1 and line[-1][-1] in OPENING:  # an opening mark goes down too
            carried.insert(0, line.pop())
            _trim(line)
        lines[-1] = line
        lines.append([])
        used = 0
        for piece in carried:
            lines[-1].append(piece)
            used += cell_len(piece)
    return ["".join(line).rstrip() for line in lines if line]


def _trim(line: list[str]) -> None:
    """Spaces at the end of a line are dropped at its break (its first unit stays)."""
    while len(line) > 1 and line[-1].isspace():
        line.pop()

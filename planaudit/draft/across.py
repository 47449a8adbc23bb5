"""Tables of places across, flattened into a paragraph with single spaces: the places first,
then each row's label and one figure per place —

    鄞州 海曙、江东、江北 镇海 北仑 合计 新辟线路年度目标 2 5 1 2 10 实际完成 1 2 0 3 6

A row labelled with a target (年度目标, 计划, 任务) and the row after it labelled with what was done
(实际完成, 完成, 进度) give one indicator per place: 新辟线路（鄞州）, target 2, actual 1."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from planaudit.draft.model import Drafted
from planaudit.lang import Message
from planaudit.lang import quote as quoted

_NUMBER = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$")
_LABEL = re.compile(r"^[^\s0-9]{2,20}$")
_TARGET_ROW = re.compile(r"(?:年度)?(?:目标|计划|任务)(?:数)?$")
_DONE_ROW = re.compile(r"完成|实际|进度")
MAX_PLACES = 20


@dataclass
class _Row:
    label: str
    figures: list[str]
    start: int
    end: int


def read(lines: list[str], taken: set[int]) -> tuple[list[Drafted], set[int]]:
    """The indicators of the tables across among `lines` (those not `taken`). Their lines are
    left to the sentence reader too: such a table stands inside a paragraph."""
    found: list[Drafted] = []
    for index, line in enumerate(lines):
        if index + 1 not in taken and re.search(r"[0-9] [0-9]", line):
            found += _read_line(line, index + 1)
    return found, set()


def _read_line(line: str, number: int) -> list[Drafted]:
    words = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", line)]
    found: list[Drafted] = []
    at = 0
    while at < len(words):
        rows, end = _rows(words, at)
        count = len(rows[0].figures) if rows else 0
        places = words[at - count : at] if count and at >= count else []
        if len(rows) < 2:
            at += 1  # at most two rows' words looked at: linear in the line
            continue
        if not places or not all(_LABEL.match(w) for w, _, _ in places):
            at = end
            continue
        head = line[places[0][1] : places[-1][2]]
        for target, done in pairwise(rows):
            if _TARGET_ROW.search(target.label) and _DONE_ROW.search(done.label):
                quote = f"{head}…{line[target.start : done.end]}"
                if target.start == places[-1][2] + 1:
                    quote = line[places[0][1] : done.end]
                found += _indicators(target, done, [w for w, _, _ in places], quote, number)
        at = end
    return found


def _rows(words: list[tuple[str, int, int]], at: int) -> tuple[list[_Row], int]:
    """The rows from `at` on: a label, then as many figures as the first row has."""
    rows: list[_Row] = []
    while at < len(words) and _LABEL.match(words[at][0]):
        figures: list[str] = []
        end = at + 1
        while end < len(words) and _NUMBER.match(words[end][0]) and len(figures) < MAX_PLACES:
            figures.append(words[end][0])
            end += 1
        if len(figures) < 2 or (rows and len(figures) != len(rows[0].figures)):
            break
        rows.append(_Row(words[at][0], figures, words[at][1], words[end - 1][2]))
        at = end
    return rows, at


def _indicators(
    target: _Row, done: _Row, places: list[str], quote: str, line: int
) -> list[Drafted]:
    name = _TARGET_ROW.sub("", target.label) or target.label
    found = []
    for place, goal, actual in zip(places, target.figures, done.figures, strict=True):
        if float(goal) <= 0:
            continue  # no target for this place
        item = Drafted(f"{name}（{place}）", line, quote)
        item.from_table = True
        item.target, item.actual = goal, actual
        item.guesses.append(
            Message.of("guess.row_and_place", row=quoted(target.label), place=quoted(place))
        )
        found.append(item)
    return found

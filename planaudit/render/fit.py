"""Column widths for a terminal table of a given width.

rich shares out a width that is too small by squeezing columns, down to nothing (`┃┃┃`); a table
here is laid out instead: every column gets at least its minimum — a figure its whole width, a
name enough to read it wrapped — or the caller takes another layout.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.cells import cell_len

NAME_FLOOR = 16
"""A name column narrower than this (8 Chinese characters) wraps into a column of fragments."""
NAME_EASE = 30
"""A name column this wide (15 Chinese characters) holds most names on one line; beyond it,
the other columns grow first."""
TEXT_FLOOR = 10
"""The least a column of short text (a target with its wording and unit) is given."""


@dataclass(frozen=True)
class Spec:
    """What a column needs: its natural width (no wrapping), the least it can take, when it
    gets spare room (lower first), whether part of what it lacks is of use to it (text that
    wraps anywhere: yes; words that wrap at spaces: only the whole of it), and a comfortable
    width it gets before the later columns grow (a name: enough for most names)."""

    natural: int
    minimum: int
    grow: int = 0
    partial: bool = False
    ease: int | None = None


def longest(texts: Iterable[str]) -> int:
    """The width of the widest line, in terminal cells (a Chinese character counts 2)."""
    return max((cell_len(line) for text in texts for line in text.split("\n")), default=0)


def longest_word(texts: Iterable[str]) -> int:
    """The width of the widest word: where text can wrap at spaces and no further."""
    return longest(word for text in texts for word in text.split())


def figures(header: str, cells: Iterable[str], grow: int = 9) -> Spec:
    """A column that never wraps: numbers, percentages, the bar."""
    width = longest([header, *cells])
    return Spec(width, width, grow)


def words(header: str, cells: Iterable[str], grow: int = 9) -> Spec:
    """A column that wraps at spaces only (`25.70% ≠ 报告21.85%`, `✗ 滞后 约束性指标`)."""
    cells = list(cells)
    return Spec(longest([header, *cells]), max(cell_len(header), longest_word(cells)), grow)


def text(header: str, cells: Iterable[str], floor: int = TEXT_FLOOR, grow: int = 0,
         ease: int | None = None) -> Spec:  # fmt: skip
    """A column that wraps anywhere (a name, a target): it takes as little as `floor`."""
    natural = longest([header, *cells])
    return Spec(natural, max(cell_len(header), min(natural, floor)), grow, True, ease)


def overhead(columns: int) -> int:
    """The cells a rich table with edges and `pad_edge=False` spends beside its columns: a rule
    between columns and at each edge, one space of padding on each inner side."""
    return 3 * columns - 1


def widths(specs: list[Spec], width: int) -> list[int] | None:
    """Each column's width in a table `width` cells wide, or None when even the minimums do not
    fit. Spare room goes first to every column up to its comfortable width, then up to its
    natural width, each time in the order of `grow`; within one order, a column is given the
    whole of what it lacks where that is possible (least lacking first), and what is left is
    shared among the columns that can use part of it."""
    given = [spec.minimum for spec in specs]
    spare = width - overhead(len(specs)) - sum(given)
    if spare < 0:
        return None
    for comfortable in (True, False):
        for order in sorted({spec.grow for spec in specs}):
            group = [i for i, spec in enumerate(specs) if spec.grow == order]
            wanted = {i: _wanted(specs[i], comfortable) for i in group}
            for i in sorted(group, key=lambda i: wanted[i] - given[i]):
                lack = wanted[i] - given[i]
                if 0 < lack <= spare:
                    given[i] += lack
                    spare -= lack
            while spare > 0:
                short = [i for i in group if specs[i].partial and given[i] < wanted[i]]
                if not short:
                    break
                for i in short[:spare]:
                    given[i] += 1
                spare -= min(spare, len(short))
    return given


def _wanted(spec: Spec, comfortable: bool) -> int:
    if comfortable and spec.ease is not None:
        return min(spec.natural, max(spec.ease, spec.minimum))
    return spec.natural

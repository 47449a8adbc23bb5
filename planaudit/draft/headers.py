"""A header row whose cells a page broke over two lines each (年度 / 目标, 1-6月 / 完成, 完成年度 /
目标%, 同比 / 增长%), read one cell a line: the lines are joined in pairs into as many columns as
the rows below have cells, so that every column is named and the columns name as many different
things (target, progress, rate, growth…) as they can — 年度 | 目标 | 1-6月 | 完成 read as two
columns gives a target and a progress, not a progress twice."""

from __future__ import annotations

from collections.abc import Iterator

from planaudit.draft.columns import Cell, Row, role

MAX_JOINS = 8
"""Cells broken in two in one header: more is not a header a page broke."""


def rejoined(raw: Row) -> Iterator[Row]:
    """The header `raw` joined into fewer columns, widest first: for each width, the joining
    whose columns are all named and name the most different things (none if no joining names
    them all, or two name them equally well)."""
    for width in range(len(raw) - 1, max(len(raw) // 2, len(raw) - MAX_JOINS) - 1, -1):
        best: list[Row] = []
        best_score = -1
        for joined in _joinings(raw, width):
            kinds = [role(cell.text) for cell in joined]
            score = len(set(kinds))
            if score > best_score:
                best, best_score = [joined], score
            elif score == best_score:
                best.append(joined)
        if len(best) == 1:
            yield best[0]


def _joinings(raw: Row, width: int) -> Iterator[Row]:
    """Every way to cut `raw` into `width` columns of one cell or two, each naming a column."""
    if width == 0:
        if not raw:
            yield []
        return
    if len(raw) < width or len(raw) > 2 * width:
        return
    for size in (1, 2):
        if len(raw) < size:
            continue
        cell = Cell("".join(c.text for c in raw[:size]), raw[0].line, raw[0].raw)
        if role(cell.text) == "unknown":
            continue
        for rest in _joinings(raw[size:], width - 1):
            yield [cell, *rest]

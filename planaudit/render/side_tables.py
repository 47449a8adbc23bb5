"""The terminal's side tables — what the rest of the period must deliver, the change since the
previous report, and any table of a name and cells (the roll-up, diff) — laid out for the width,
or one block per row where their columns do not fit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from rich.cells import cell_len
from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.terms import Status
from planaudit.render import fit
from planaudit.render.words import SEPARATOR, Words, literal

_SET_IN = 2


def set_in(text: Text, width: int) -> Padding:
    """A line under a name, set in so that it never reads as a name of its own, and broken
    between its `label value` pieces where it is wider than `width` (the pieces stay whole
    unless one alone is wider)."""
    room = max(width - _SET_IN, 1)
    lines: list[str] = []
    for piece in text.plain.split(SEPARATOR):
        joined = f"{lines[-1]}{SEPARATOR}{piece}" if lines else piece
        if lines and cell_len(joined) <= room:
            lines[-1] = joined
        else:
            lines.append(piece)
    return Padding(Text("\n".join(lines), style=text.style), (0, 0, 0, _SET_IN))


def forecast_table(results: list[IndicatorResult], words: Words, width: int) -> Table:
    def outlook(result: IndicatorResult) -> str:
        return "bold red" if result.forecast and result.forecast.recovery else ""

    rows = [_named(result, words.forecast_cells(result), outlook(result)) for result in results]
    return fitted_table(words.forecast_title, words.forecast_columns, range(1, 6), rows, width,
                        words)  # fmt: skip


def change_table(results: list[IndicatorResult], words: Words, width: int) -> Table:
    def worse(result: IndicatorResult) -> str:
        then = result.previous
        return "bold red" if then is not None and _worse(then.status, result.status) else ""

    rows = [_named(result, words.change_cells(result), worse(result)) for result in results]
    return fitted_table(words.change_title, words.change_columns, range(2, 5), rows, width,
                        words)  # fmt: skip


def _named(
    result: IndicatorResult, cells: tuple[str, ...], last_style: str
) -> tuple[list[Text], str]:
    """A side table's row: the indicator's name, its cells, the last one in `last_style`."""
    row = [Text(literal(result.name)), *(Text(cell) for cell in cells)]
    row[-1].stylize(last_style)
    return row, ""


def fitted_table(title: str | None, columns: Sequence[str], right: Sequence[int],
                 rows: list[tuple[list[Text], str]], width: int,
                 words: Words) -> Table:  # fmt: skip
    """A table of a name and cells (those in `right` aligned right), each row in its style,
    laid out for `width`. Where its columns do not fit, one block per row: the name, then the
    other cells with their headers."""
    texts = [[cell.plain for cell in row] for row, _ in rows]
    specs = [fit.text(columns[0], [row[0] for row in texts], floor=fit.NAME_FLOOR)]
    specs += [fit.words(header, [row[i] for row in texts], grow=1)
              for i, header in enumerate(columns) if i]  # fmt: skip
    fitted = fit.widths(specs, width)
    if fitted is None:
        grid = Table.grid(padding=(0, 1))
        grid.title, grid.title_justify = title, "left"
        grid.add_column(width=max(width, 1), overflow="fold")
        for row, style in rows:
            pairs = [(header, cell.plain) for header, cell in zip(columns[1:], row[1:],
                                                                  strict=True)]  # fmt: skip
            details = set_in(Text(words.labelled(pairs)), width)
            name = Text.assemble(row[0], style="bold")
            grid.add_row(Group(name, details) if name.plain else details, style=style or None)
        return grid
    table = Table(title=title, title_justify="left", header_style="bold", pad_edge=False)
    for column, (header, given) in enumerate(zip(columns, fitted, strict=True)):
        justify: Literal["left", "right"] = "right" if column in right else "left"
        table.add_column(header, justify=justify, width=given, overflow="fold")
    for row, style in rows:
        table.add_row(*row, style=style or None)
    return table


def _worse(then: Status, now: Status) -> bool:
    """A status transition into a flagged status from one that was not, or from watch."""
    return now.flagged and (not then.flagged or (then is Status.WATCH and now is not then))

"""Indicator tables, however a web page flattened them: one row a line with cells between `|`,
tabs or runs of spaces, or one cell a line.

The header row tells the columns apart by their words (`columns`), and the rows below it become
indicators (`rows`); wide tables of places across indicators, one cell a line, are read by
`matrix`."""

from __future__ import annotations

import re

from planaudit import phrasings as say
from planaudit.draft import matrix
from planaudit.draft.columns import Cell, Row, empty, figure, headerish, role, subheader
from planaudit.draft.model import Drafted
from planaudit.draft.rows import UNCHANGED, UNIT_CELL, Table

_UNIT_LINE = re.compile(
    rf"单位[:：]\s*(?P<unit>(?:{say.UNIT}|[%％])(?:[、，,/](?:{say.UNIT}|[%％]))*)"
)
"""单位：万元, or a list for the columns (单位：个、亿元: the count of projects, the investment)."""
LEAD_LINES = 3
"""Lines above a table where its title and unit line stand."""
_DELIMITERS = (
    ("|", re.compile(r"\|")),
    ("\t", re.compile(r"\t")),
    ("  ", re.compile(r"(?: {2,}|\u3000+)")),
)
MAX_CELL = 80
"""Characters in a cell: more is a paragraph, not a table."""
MAX_COLUMNS = 40
"""Cells in a header row: a longer run of header words is not a table's header."""
MAX_TEXT_CELL = 400
"""Characters in a cell of a table one cell a line: a task's progress may be a paragraph."""


def _split(line: str) -> list[str] | None:
    """The cells of a line of a table flattened one row a line."""
    stripped = line.strip()
    if not stripped:
        return None
    for kind, delimiter in _DELIMITERS:
        if kind == "|" and stripped.count("|") < 2:
            continue
        if kind == "\t" and "\t" not in stripped:
            continue
        if kind == "  " and ("。" in stripped or not delimiter.search(stripped)):
            continue
        cells = [cell.strip() for cell in delimiter.split(stripped)]
        while cells and not cells[-1]:
            cells.pop()
        while cells and not cells[0]:
            cells.pop(0)
        if kind == "|":
            cells = [c for i, c in enumerate(cells) if c or 0 < i < len(cells) - 1]
        if len(cells) >= (3 if kind == "  " else 1) and all(len(c) <= MAX_CELL for c in cells):
            return cells
    return None


def read(account: str) -> tuple[list[Drafted], set[int]]:
    """The indicators of the account's tables, and the (1-based) numbers of the lines they
    stand on, which the sentence reader leaves alone."""
    lines = account.split("\n")
    found: list[Drafted] = []
    taken: set[int] = set()
    block: list[Row] = []
    blank = 0
    lead: list[str] = []
    for index, text in enumerate([*lines, ""]):
        cells = _split(text) if index < len(lines) else None
        if cells is not None:
            block.append([Cell(c, index, text) for c in cells])
            blank = 0
            continue
        blank += not text.strip()
        if block and (text.strip() or blank > 2 or index == len(lines)):
            if any(len(row) >= 2 for row in block):
                taken |= {c.line + 1 for row in block for c in row}
                found += _read_block(block, lead)
            block = []
        if text.strip() and not block:
            lead = [*lead[-LEAD_LINES + 1 :], text.strip()]
    single = [
        matrix.Cell(text.strip(), i)
        for i, text in enumerate(lines)
        if text.strip() and i + 1 not in taken and len(text.strip()) <= MAX_CELL
    ]
    wide, wide_lines = matrix.read(single)
    taken |= {i + 1 for i in wide_lines}
    from_cells, cell_lines = _cells_a_line(lines, taken)
    return found + wide + from_cells, taken | cell_lines


def _read_block(rows: list[Row], lead: list[str]) -> list[Drafted]:
    """A block of rows: cut at its header rows into tables, each read on its own; `lead` holds
    the lines above it, where the first table's title and unit may stand."""
    found: list[Drafted] = []
    units = [found_unit for line in lead if (found_unit := _table_unit(line))]
    titles = [line for line in lead if not _UNIT_LINE.search(line) and len(line) <= MAX_CELL]
    title = titles[-1] if titles else ""
    unit: str | None = units[-1] if units else None
    at = 0
    while at < len(rows):
        row = rows[at]
        if len(row) == 1 and figure(row[0].text) is None and not subheader(row):
            title = row[0].text
            unit = _table_unit(title) or unit
            at += 1
            continue
        if any(_UNIT_LINE.search(c.text) for c in row) and not headerish(row):
            unit = _table_unit(" ".join(c.text for c in row))
            at += 1
            continue
        if not headerish(row):
            at += 1
            continue
        header = [row]
        at += 1
        while at < len(rows) and subheader(rows[at]) and len(header) < 3:
            header.append(rows[at])
            at += 1
        body: list[Row] = []
        while at < len(rows) and not headerish(rows[at]):
            if len(rows[at]) == 1 and figure(rows[at][0].text) is None:
                break
            body.append(rows[at])
            at += 1
        found += Table(header, body, title, unit).indicators()
        title, unit = "", None
    return found


def _table_unit(text: str) -> str | None:
    match = _UNIT_LINE.search(text)
    return match["unit"] if match else None


def _cells_a_line(lines: list[str], taken: set[int]) -> tuple[list[Drafted], set[int]]:
    """Tables flattened one cell a line: a run of three or more header cells, each on its own
    line (blank lines between them aside), then rows of as many cells."""
    cells = [
        Cell(text.strip(), i)
        for i, text in enumerate(lines)
        if text.strip() and i + 1 not in taken and len(text.strip()) <= MAX_TEXT_CELL
    ]
    found: list[Drafted] = []
    used: set[int] = set()
    kinds = [role(c.text) for c in cells]
    heads = [k != "unknown" and figure(c.text) is None for k, c in zip(kinds, cells, strict=True)]
    at = 0
    while at < len(cells):
        end = at
        while (
            end < len(cells)
            and end - at < MAX_COLUMNS
            and heads[end]
            and (end == at or cells[end].line - cells[end - 1].line <= 3)
        ):
            end += 1
        header = cells[at:end]
        if len(header) < 3 or len(set(kinds[at:end]) - {"note", "ignore"}) < 3:
            at = max(end, at + 1) if end - at < 3 else at + 1
            continue
        rows = _regroup(kinds[at:end], cells, end)
        if not rows:
            at += 1
            continue
        found += Table([header], rows, "", None).indicators()
        used |= {c.line + 1 for c in header} | {c.line + 1 for row in rows for c in row}
        at = end + len(rows) * len(header)
    return found, used


def _fits(column: str, text: str) -> bool:
    if column in ("target", "actual", "rate", "growth", "points"):
        return (
            figure(text) is not None
            or empty(text)
            or text == UNCHANGED
            or say.QUANTITY.search(text) is not None
            or (column in ("actual", "target") and len(text) >= 2)
        )
    if column == "unit":
        return UNIT_CELL.match(text) is not None or empty(text)
    if column == "index":
        return re.fullmatch(r"[0-9]{1,3}[、.．]?", text) is not None
    if column == "name":
        return figure(text) is None and not empty(text)
    return True


def _regroup(roles: list[str], cells: Row, at: int) -> list[Row]:
    """The cells from `at` on cut into rows of the header's width, each row checked cell by
    cell against its column; reading stops at the first row that does not fit."""
    width = len(roles)
    rows: list[Row] = []
    while at + width <= len(cells):
        row = cells[at : at + width]
        if not all(_fits(r, c.text) for r, c in zip(roles, row, strict=True)):
            break
        rows.append(row)
        at += width
    return rows

"""Indicator tables, however a web page flattened them: one row a line with cells between `|`,
tabs or runs of spaces, or one cell a line.

The header row tells the columns apart by their words (`columns`), and the rows below it become
indicators (`rows`); wide tables of places across indicators, one cell a line, are read by
`matrix`."""

from __future__ import annotations

import re

from planaudit.core import phrasings as say
from planaudit.draft import across, headers, matrix, spaced
from planaudit.draft.columns import (
    MAX_HEADER_CELL,
    Cell,
    Row,
    change,
    empty,
    figure,
    headerish,
    role,
    subheader,
)
from planaudit.draft.model import Drafted
from planaudit.draft.rows import UNCHANGED, UNIT_CELL, Table

_UNIT_LINE = re.compile(
    rf"单位[:：]\s*(?P<unit>(?:{say.UNIT}|[%％])(?:[、，,/](?:{say.UNIT}|[%％]))*)"
)
"""单位：万元, or a list for the columns (单位：个、亿元: the count of projects, the investment)."""
_LONE_PIPE = re.compile(r"^\|\s*(?=[^|]*$)|(?<=[^|])\s*\|$|^\|$")
"""A cell a line ending in a lone `|` (4448189 |), a line of `|` alone: the cell is the rest."""
LEAD_LINES = 3
"""Lines above a table where its title and unit line stand."""
_DELIMITERS = (
    ("|", re.compile(r"\|")),
    ("\t", re.compile(r"\t")),
    ("  ", re.compile(r"(?: {2,}|\u3000+)")),
)
_BRACKETED_UNIT = re.compile(rf"[（(]\s*(?:{say.UNIT}|[%％]|人次)\s*[)）]")
"""（亿元）, （%）: the rest of the header cell above it, broken over two lines."""
MAX_CELL = 80
"""Characters in a cell: more is a paragraph, not a table."""
MAX_COLUMNS = 40
"""Cells in a header row: a longer run of header words is not a table's header."""
_DONE_WORD = re.compile(r"已?(?:全部|提前)?(?:完成|达标|达到|实现)[。.]?")
"""已完成 in a rate column, one cell a line: the row's rate said in words."""
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
        if kind == "  " and any(_figure_word(c) for c in cells):
            return None  # 1360 1361.92: cells a single space apart (`spaced`)
        if kind == "  " and all(len(c) == 1 for c in cells):
            return None  # 市    县, 洋  浦: one cell padded with spaces
        if kind == "  " and len(cells) == 2 and not subheader([Cell(c, 0) for c in cells]):
            continue  # two words a few spaces apart: a table's row only as a header's second
        if len(cells) >= 2 - (kind != "  ") and all(len(c) <= MAX_CELL for c in cells):
            return cells
    return None


def _figure_word(cell: str) -> bool:
    """A cell of several words, one of them a figure: the line's cells are a space apart."""
    words = cell.split()
    return len(words) > 1 and any(figure(word) is not None for word in words)


def read(account: str, year: int | None = None) -> tuple[list[Drafted], set[int]]:
    """The indicators of the account's tables, and the (1-based) numbers of the lines they
    stand on, which the sentence reader leaves alone; `year` dates a month's step (4月：…)."""
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
                found += _read_block(block, lead, year)
            block = []
        if text.strip() and not block:
            lead = [*lead[-LEAD_LINES + 1 :], text.strip()]
    for reader in (spaced.read, across.read):
        more, more_lines = reader(lines, taken)
        found += more
        taken |= more_lines
    single = [
        matrix.Cell(text.strip(), i)
        for i, text in enumerate(lines)
        if text.strip() and i + 1 not in taken and len(text.strip()) <= MAX_CELL
    ]
    wide, wide_lines = matrix.read(single)
    taken |= {i + 1 for i in wide_lines}
    from_cells, cell_lines = _cells_a_line(lines, taken, year)
    return found + wide + from_cells, taken | cell_lines


def _read_block(rows: list[Row], lead: list[str], year: int | None) -> list[Drafted]:
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
        found += Table(header, body, title, unit, year=year).indicators()
        title, unit = "", None
    return found


def _table_unit(text: str) -> str | None:
    match = _UNIT_LINE.search(text)
    return match["unit"] if match else None


def _cells_a_line(
    lines: list[str], taken: set[int], year: int | None
) -> tuple[list[Drafted], set[int]]:
    """Tables flattened one cell a line: a run of three or more header cells, each on its own
    line (blank lines between them aside), then rows of as many cells."""
    cells = [
        Cell(text, i, line.strip())
        for i, line in enumerate(lines)
        if (text := _LONE_PIPE.sub("", line.strip()))
        and i + 1 not in taken
        and len(text) <= MAX_TEXT_CELL
    ]
    found: list[Drafted] = []
    used: set[int] = set()
    kinds = [role(c.text) for c in cells]
    heads = [k != "unknown" and figure(c.text) is None for k, c in zip(kinds, cells, strict=True)]
    at = 0
    while at < len(cells):
        header, end = _header(cells, kinds, heads, at)
        header_kinds = [role(c.text) for c in header]
        if len(header) < 3 or len(set(header_kinds) - {"note", "ignore", "unknown"}) < 3:
            at = max(end, at + 1) if end - at < 3 else at + 1
            continue
        rows, stop = _regroup(header_kinds, cells, end)
        for joined in headers.rejoined(cells[at:end]) if not rows else ():
            rows, stop = _regroup([role(c.text) for c in joined], cells, end)
            if rows:
                header = joined
                break
        if not rows:
            at += 1
            continue
        above = cells[at - 1] if at and cells[at].line - cells[at - 1].line <= LEAD_LINES else None
        title = above.text if above and len(above.text) <= MAX_CELL and not heads[at - 1] else ""
        lead = lines[max(0, cells[at].line - LEAD_LINES) : cells[at].line]
        units = [unit for line in lead if (unit := _table_unit(line))]  # 单位：万元 above it
        if title and _UNIT_LINE.search(title) and at >= 2:
            title = cells[at - 2].text if len(cells[at - 2].text) <= MAX_CELL else ""
        found += Table([header], rows, title, units[-1] if units else None, year=year).indicators()
        used |= {c.line + 1 for c in cells[at:stop]}
        at = stop
    return found, used


def _header(cells: Row, kinds: list[str], heads: list[bool], at: int) -> tuple[Row, int]:
    """The header cells from `at` on, one cell a line, and where they end: cells naming a column
    (blank lines aside); a short cell that names none, between two that do, is the rest of the
    one before it (牵头 / 市领导: one cell broken over two lines); a first such cell is the corner
    over the names (现价工业产值 over 本月 | 增长% | 累计 | 累计增长)."""
    header: Row = []
    end = at
    while end < len(cells) and len(header) < MAX_COLUMNS:
        if end > at and cells[end].line - cells[end - 1].line > 3:
            break
        cell = cells[end]
        if header and heads[end - 1] and _BRACKETED_UNIT.fullmatch(cell.text):
            header[-1] = Cell(header[-1].text + cell.text, header[-1].line)  # 绝对数 / （亿元）
        elif heads[end]:
            header.append(cell)
        elif _corner_or_rest(cells, heads, end, at):
            if end == at:
                header.append(Cell(cell.text, cell.line))
            else:
                header[-1] = Cell(header[-1].text + cell.text, header[-1].line)
        else:
            break
        end += 1
    if header and not heads[at] and role(header[0].text) == "unknown":
        header[0] = Cell("名称", header[0].line)  # the corner stands over the names
    return header, end


def _corner_or_rest(cells: Row, heads: list[bool], index: int, at: int) -> bool:
    """A short cell naming no column, followed by a header cell (for the corner: by three)."""
    text = cells[index].text
    if len(text) > MAX_HEADER_CELL or figure(text) is not None or index + 1 >= len(cells):
        return False
    following = heads[index + 1 : index + (4 if index == at else 2)]
    return len(following) >= 1 and all(following) and (index == at or heads[index - 1])


def _fits(column: str, text: str) -> bool:
    if column in ("target", "actual", "rate", "growth", "points", "gap", "growth target"):
        return (
            figure(text) is not None
            or (column == "growth" and change(text) is not None)
            or empty(text)
            or text == UNCHANGED
            or say.QUANTITY.search(text) is not None
            or (column in ("actual", "target") and len(text) >= 2)
            or (column == "rate" and _DONE_WORD.fullmatch(text) is not None)
        )
    if column == "unit":
        return UNIT_CELL.match(text) is not None or empty(text)
    if column == "index":
        return re.fullmatch(r"[0-9]{1,3}[、.．]?", text) is not None
    if column == "name":
        return figure(text) is None and not empty(text)
    return True


def _regroup(roles: list[str], cells: Row, at: int) -> tuple[list[Row], int]:
    """The cells from `at` on cut into rows of the header's width, each row checked cell by
    cell against its column — a row without its number (全省 | 1500 | …) takes an empty one;
    reading stops at the first row that does not fit. Returns the rows and where they end."""
    width = len(roles)
    rows: list[Row] = []
    while at + width - 1 <= len(cells):
        row = cells[at : at + width]
        step = width
        if len(row) < width or not all(_fits(r, c.text) for r, c in zip(roles, row, strict=True)):
            row = [Cell("", cells[at].line), *cells[at : at + width - 1]]
            step = width - 1
            if roles[0] != "index" or not all(
                _fits(r, c.text) for r, c in zip(roles[1:], row[1:], strict=True)
            ):
                row = _short(roles, cells, at)
                if not row:
                    break
        rows.append(row)
        at += step
    return rows, at


_OPTIONAL = frozenset(
    {"rate", "growth", "points", "gap", "note", "unknown", "ignore", "growth target"}
)


def _short(roles: list[str], cells: Row, at: int) -> Row:
    """A row whose last cell the page left out (产业园道路 / 8000 / 2100, then the next row's
    name): its last column one a row may leave empty, the next cell the start of a row."""
    width = len(roles)
    row = cells[at : at + width - 1]
    following = cells[at + width - 1] if at + width - 1 < len(cells) else None
    if len(row) < width - 1 or roles[-1] not in _OPTIONAL or figure(row[-1].text) is None:
        return []
    if not all(_fits(r, c.text) for r, c in zip(roles, row, strict=False)):
        return []
    if following is not None and (figure(following.text) is not None or empty(following.text)):
        return []
    return [*row, Cell("", row[-1].line)]

"""Tables flattened one row a line with single spaces between the cells, where a cell may hold a
space too (单 位, 备  注) and an empty cell leaves no mark:

    序号 考核指标 单 位 工作目标 已完成数 占年任务之比 备  注
    1 城镇新增就业 万人 5.2 7.23  139.1% 人力资源社会保障局
    提质改造农村公路 公里  168 171.70  102.2%

The header's words are split on spaces and its runs of single characters joined (单 位 → 单位);
a header a page broke over several lines (a cell's own line break printed as a blank line and an
indent: `1-7月固投` / `` / `  增速情况`) is read as one, its merged cell over the columns after it
(`1-7月完成情况` over `年度计划 | 1-7月完成 | 占比`) left out. A row is read by what its words are
rather than where they stand: its number, its name (the words before the first figure), its unit,
then one figure (or dash) for each column of figures — a growth or rate column whose figure is
missing (`市本级   209.8 144.8 112.9 78.0%`) left empty — and what is left for the columns after
them. The rows are then read as any table's (`rows`), titled by the line above the header."""

from __future__ import annotations

import re

from planaudit.draft.columns import NUMBER_CELL, Cell, Row, role
from planaudit.draft.model import Drafted
from planaudit.draft.rows import UNIT_CELL, Table

_FIGURES = ("target", "actual", "rate", "growth", "points", "gap", "growth target")
_DASH = re.compile(r"^(?:[-—–─/／\\*＊…]+|无)$")
_ORGANISATION = re.compile(
    r"(?:局|委|办|院|中心|公司|队|会|部|所|站|厅|处|室|政府|街道|镇|乡|团|联|署|行|社|指挥部)$"
)
"""The words of an owner's cell (人社局, 区公安分局, 残联)."""
_INDEX = re.compile(r"^[0-9]{1,3}[、.．]?$")
MAX_COLUMNS = 20
MAX_LINE = 300
"""Characters in a line of such a table: more is prose."""
MAX_HEADER_LINES = 12
"""Lines a header broken over several lines may take, blank ones included."""
MAX_HEADER_PIECE = 40
"""Characters in a line of such a header."""
_UNIT_LINE = re.compile(r"^单位[:：]")


def read(lines: list[str], taken: set[int]) -> tuple[list[Drafted], set[int]]:
    """The indicators of the tables among `lines` (those not `taken`), and the (1-based)
    numbers of the lines they stand on."""
    found: list[Drafted] = []
    used: set[int] = set()
    at = 0
    while at < len(lines):
        header, end = (None, at + 1) if at + 1 in taken else _broken(lines, at, taken)
        if header is None:
            at += 1
            continue
        rows: list[Row] = []
        while end < len(lines) and end + 1 not in taken:
            if not lines[end].strip():
                end += 1
                continue
            row = _row(lines[end], end, [role(c.text) for c in header])
            if row is None:
                break
            rows.append(row)
            end += 1
        if rows:
            title, unit = _lead(lines, at)
            found += Table([header], rows, title, unit).indicators()
            used |= set(range(at + 1, rows[0][0].line + 1)) | {row[0].line + 1 for row in rows}
        at = max(end, at + 1)
    return found, used


def _broken(lines: list[str], at: int, taken: set[int]) -> tuple[Row | None, int]:
    """The header starting at line `at` and the line after it: one line, or lines of header
    words up to the first row (a cell's rest on an indented line after a blank one), opening on
    the names' column."""
    header = _header(lines[at], at)
    if header is not None:
        return header, at + 1
    first = lines[at].split()
    if not first or role(first[0]) not in ("name", "index"):
        return None, at + 1
    words: list[str] = []
    end, blank = at, False
    while end < len(lines) and end - at < MAX_HEADER_LINES and end + 1 not in taken:
        text = lines[end]
        pieces = text.split()
        if not pieces:
            blank, end = True, end + 1
            continue
        if len(text.strip()) > MAX_HEADER_PIECE or any(_figure_like(w) for w in pieces):
            break
        if blank and words and text[:1].isspace():
            words[-1] += pieces.pop(0)  # 1-7月固投 / (blank) / 增速情况: one cell
        words += pieces
        blank, end = False, end + 1
    if end == at + 1 or end >= len(lines):
        return None, at + 1
    header = _header(" ".join(words), at)
    if header is None:
        return None, at + 1
    return _unmerged(header, lines[end]), end


def _unmerged(header: Row, row: str) -> Row:
    """The header without the merged cell a page printed among the cells it stands over
    (1-7月完成情况 before 年度计划 | 1-7月完成 | 占比): where the header names one column of
    figures more than the first row prints, a column of progress right before a target's."""
    roles = [role(c.text) for c in header]
    printed = sum(_figure_like(w) for w in row.split())
    if len(_columns(roles)) != printed + 1:
        return header
    for i in range(len(roles) - 1):
        if roles[i] == "actual" and roles[i + 1] == "target":
            return header[:i] + header[i + 1 :]
    return header


def _lead(lines: list[str], at: int) -> tuple[str, str | None]:
    """The title and unit (单位：亿元) on the lines right above a table's header."""
    above = [line.strip() for line in lines[max(0, at - 4) : at] if line.strip()]
    units = [line for line in above if _UNIT_LINE.match(line)]
    titles = [line for line in above if not _UNIT_LINE.match(line) and len(line) <= 80]
    unit = re.sub(r"^单位[:：]\s*", "", units[-1]) if units else None
    return (titles[-1] if titles else ""), unit or None


def _header(line: str, index: int) -> Row | None:
    """A header of single-space cells: three or more name a column, among them a name and a
    figure column, and no word is a figure."""
    words = line.split()
    if len(words) < 3 or len(line) > MAX_LINE or len(words) > 2 * MAX_COLUMNS:
        return None
    cells: list[str] = []
    for word in words:
        if len(word) == 1 and cells and len(cells[-1]) == 1 and role(cells[-1]) == "unknown":
            cells[-1] += word  # 单 位 → 单位
        elif cells and cells[-1][-1] in "-—–~～至":
            cells[-1] += word  # 1- 8月实际完成情况
        else:
            cells.append(word)
    roles = [role(cell) for cell in cells]
    if sum(r != "unknown" for r in roles) < 3 or "name" not in roles:
        return None
    if not set(_FIGURES) & set(roles) or any(NUMBER_CELL.match(c) for c in cells):
        return None
    return [Cell(cell, index, line.strip()) for cell in cells]


def _row(line: str, index: int, roles: list[str]) -> Row | None:
    """The line's words put in the header's columns, or None for a line that is not a row."""
    words = line.split()
    if not words or len(line) > MAX_LINE:
        return None
    texts = dict.fromkeys(range(len(roles)), "")
    at = 0
    if "index" in roles and _INDEX.match(words[0]):
        texts[roles.index("index")] = words[0]
        at = 1
    name: list[str] = []
    while at < len(words) and not _figure_like(words[at]) and not UNIT_CELL.match(words[at]):
        name.append(words[at])
        at += 1
    if not name or "name" not in roles:
        return None
    named = roles.index("name")
    owner = roles.index("owner") if "owner" in roles else -1
    if len(name) > 1 and named < owner < min(_columns(roles)) and _ORGANISATION.search(name[-1]):
        texts[owner] = name.pop()  # 新增城镇就业 人社局 8950…: the owner's column comes first
    texts[named] = " ".join(name)
    if at < len(words) and "unit" in roles and UNIT_CELL.match(words[at]):
        texts[roles.index("unit")] = words[at]
        at += 1
    figures = _columns(roles)
    if at >= len(words) or not _figure_like(words[at]):
        return None
    given = [w for w in words[at : at + len(figures)] if _figure_like(w)]
    rates = [i for i in figures if roles[i] in ("rate", "growth", "points", "gap")]
    percents = sum(w.endswith(("%", "％")) for w in given) <= len(rates)
    short = len(given) < len(figures)
    for column in figures:
        if at >= len(words):
            break
        ahead = [i for i in rates if i > column]
        if percents and words[at].endswith(("%", "％")) and column not in rates and ahead:
            continue  # 2所 70%: a rate in the rate column, the progress cell empty
        later = words[at + 1 : at + len(figures)]
        if short and column in rates and not _percent(words[at]) and any(map(_percent, later)):
            short = False
            continue  # 市本级   209.8 …78.0%: the growth cell empty, 209.8 is the plan's
        texts[column] = words[at]
        at += 1
    rest = [i for i in range(len(roles)) if i > max(figures) and not texts[i]]
    for column, word in zip(rest, words[at:], strict=False):
        texts[column] = word
    return [Cell(texts[i], index, line.strip()) for i in range(len(roles))]


def _columns(roles: list[str]) -> list[int]:
    """The columns of figures."""
    return [i for i, r in enumerate(roles) if r in _FIGURES] or [len(roles)]


def _percent(word: str) -> bool:
    return word.endswith(("%", "％"))


def _figure_like(word: str) -> bool:
    return bool(NUMBER_CELL.match(word) or _DASH.match(word))

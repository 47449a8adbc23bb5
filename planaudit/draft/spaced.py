"""Tables flattened one row a line with single spaces between the cells, where a cell may hold a
space too (单 位, 备  注) and an empty cell leaves no mark:

    序号 考核指标 单 位 工作目标 已完成数 占年任务之比 备  注
    1 城镇新增就业 万人 5.2 7.23  139.1% 人力资源社会保障局
    提质改造农村公路 公里  168 171.70  102.2%

The header's words are split on spaces and its runs of single characters joined (单 位 → 单位);
a row is read by what its words are rather than where they stand: its number, its name (the
words before the first figure), its unit, then one figure (or dash) for each column of figures,
and what is left for the columns after them. The rows are then read as any table's (`rows`)."""

from __future__ import annotations

import re

from planaudit.draft.columns import NUMBER_CELL, Cell, Row, role
from planaudit.draft.model import Drafted
from planaudit.draft.rows import UNIT_CELL, Table

_FIGURES = ("target", "actual", "rate", "growth", "points")
_DASH = re.compile(r"^(?:[-—–─/／\\*＊…]+|无)$")
_ORGANISATION = re.compile(
    r"(?:局|委|办|院|中心|公司|队|会|部|所|站|厅|处|室|政府|街道|镇|乡|团|联|署|行|社|指挥部)$"
)
"""The words of an owner's cell (人社局, 区公安分局, 残联)."""
_INDEX = re.compile(r"^[0-9]{1,3}[、.．]?$")
MAX_COLUMNS = 20
MAX_LINE = 300
"""Characters in a line of such a table: more is prose."""


def read(lines: list[str], taken: set[int]) -> tuple[list[Drafted], set[int]]:
    """The indicators of the tables among `lines` (those not `taken`), and the (1-based)
    numbers of the lines they stand on."""
    found: list[Drafted] = []
    used: set[int] = set()
    at = 0
    while at < len(lines):
        header = None if at + 1 in taken else _header(lines[at], at)
        if header is None:
            at += 1
            continue
        rows: list[Row] = []
        end = at + 1
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
            found += Table([header], rows, "", None).indicators()
            used |= {at + 1} | {row[0].line + 1 for row in rows}
        at = max(end, at + 1)
    return found, used


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
    rates = [i for i in figures if roles[i] in ("rate", "growth", "points")]
    percents = sum(w.endswith(("%", "％")) for w in given) <= len(rates)
    for column in figures:
        if at >= len(words):
            break
        ahead = [i for i in rates if i > column]
        if percents and words[at].endswith(("%", "％")) and column not in rates and ahead:
            continue  # 2所 70%: a rate in the rate column, the progress cell empty
        texts[column] = words[at]
        at += 1
    rest = [i for i in range(len(roles)) if i > max(figures) and not texts[i]]
    for column, word in zip(rest, words[at:], strict=False):
        texts[column] = word
    return [Cell(texts[i], index, line.strip()) for i in range(len(roles))]


def _columns(roles: list[str]) -> list[int]:
    """The columns of figures."""
    return [i for i, r in enumerate(roles) if r in _FIGURES] or [len(roles)]


def _figure_like(word: str) -> bool:
    return bool(NUMBER_CELL.match(word) or _DASH.match(word))

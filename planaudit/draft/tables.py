"""Indicator tables, however a web page flattened them: one row a line with cells between `|`,
tabs or runs of spaces, or one cell a line.

The header row tells the columns apart by their words (`role`): the target (年度目标, 年计划,
预算), the progress (1-6月, 完成, 累计, 本期), the stated rate (完成年计划%, 完成率,
占年计划%), the growth (同比增长, 增速, 增减率%), the unit (单位), the owner (牵头单位,
责任单位); a second header row under merged cells (累计 | 当月 over 本期 | 同期 | 增减额 |
增减率%) is read into the columns it spans,
and a row that lost its merged first cell (一级指标) takes the one above. A row's unit is its unit
cell, the unit in its name (本地生产总值（亿元）), the column's or the table's (单位：万元), or its
total's (the row named like the table); a table of shares (…构成) is in %.

Each row gives a cumulative indicator (target, actual, stated rate) or a level (a row in %),
and a level indicator of its growth (or of its change in points). A row of a task table
(民生实事) takes its target from the task's single count (新建幼儿园10所) and its actual and rate
from the progress (已建成6所，完成率60%; a bare 80% is the share done), or is a milestone done
(已完成)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from planaudit import phrasings as say
from planaudit.draft import matrix
from planaudit.draft.model import Drafted
from planaudit.draft.names import row_name, substantive

_NUMBER_CELL = re.compile(
    rf"^(?P<pre>不低于|不少于|不超过|不高于|控制在|低于|高于|力争|确保)?(?P<sign>[-+−])?"
    rf"(?P<num>{say.N})(?P<mag>{say.MAGNITUDE})?(?P<pct>[%％])?(?P<post>以上|以内|以下|左右)?"
    r"(?P<points>个百分点)?$"
)
_EMPTY_CELL = re.compile(r"^(?:[-—–─/／\\*＊…]+|无)?$")
_UNCHANGED = "持平"
_UNIT_CELL = re.compile(rf"^(?:{say.UNIT}|[%％]|元/[^\s]{{1,4}}|个百分点)$")
_UNIT_LINE = re.compile(rf"单位[:：]\s*(?P<unit>(?:{say.UNIT})|[%％])")
_UNIT_IN_NAME = re.compile(rf"[（(](?P<unit>(?:{say.UNIT})|[%％])[)）]\s*$")
_DONE = re.compile(
    r"已(?:全部|全面|提前|基本)?(?:完成|建成|竣工|投用|投入使用|办结|实现)|全面完成|提前完成|已完工"
)
_LEAD_PERCENT = re.compile(rf"(?:^|\s)(?P<rate>{say.N})[%％]")
_LEVEL_NAME = re.compile(r"率|比重|浓度|指数|增长|增速|涨幅|占比|比例|天数")
_YEAR = re.compile(r"20[0-9]{2}年")
"""A year in a cell: a title, not a column's label."""
_SINGLE_MONTH = re.compile(r"^(?:1[0-2]|[1-9])月份?$|当月|本月|单月")
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
MAX_HEADER_CELL = 24
"""Characters in a header cell."""


@dataclass
class _Cell:
    text: str
    line: int
    """0-based index of the line it stands on."""
    raw: str = ""
    """The whole line, for a row's quote."""


Row = list[_Cell]


@lru_cache(maxsize=4096)
def role(label: str) -> str:
    """What a column holds, from its header's words."""
    label = re.sub(r"\s+", "", label).replace("％", "%")
    if not label or len(label) > MAX_HEADER_CELL or _YEAR.search(label):
        return "unknown"
    if re.search(r"序号|编号", label):
        return "index"
    if re.search(
        r"牵头|责任单位|责任部门|主办|承办|负责单位|实施单位|责任主体|责任人|配合单位", label
    ):
        return "owner"
    if re.fullmatch(r"(?:计量)?单位(?:[:：].*)?", label):
        return "unit"
    if re.search(r"名称|科目|指标$|^项目$|^事项$|内容$|^类别$|^实事|^地区$|^区域$|^任务$", label):
        return "name"
    if re.search(r"备注|说明|存在问题|原因|类型$", label):
        return "note"
    if re.search(r"增减额|增加额|增量|差额|绝对额", label):
        return "ignore"
    if _SINGLE_MONTH.search(label) and "累计" not in label:
        return "ignore"
    if re.search(r"同期|上年|去年", label) and not re.search(r"增|±|比|降", label):
        return "ignore"
    if re.search(r"百分点", label):
        return "points"
    if re.search(r"增长|增速|增幅|增减|±|同比|比上年|涨幅", label):
        return "growth"
    if re.search(
        r"完成率|完成比例|执行率|%|比例|占.{0,6}(?:计划|目标|预算|任务)|为.{0,6}预算", label
    ):
        return "rate"
    if re.search(r"目标|计划|预算|任务", label) and not re.search(
        r"完成|累计|实际|进度|进展", label
    ):
        return "target"
    if re.search(
        r"完成|累计|实际|本期|[0-9一二三四五六七八九十]+月|上半年|季度|进度|进展|截至|执行|现状",
        label,
    ):
        return "actual"
    return "unknown"


def _figure(text: str) -> re.Match[str] | None:
    return _NUMBER_CELL.match(re.sub(r"[\s,]", "", text))


def _empty(text: str) -> bool:
    return _EMPTY_CELL.match(text.strip()) is not None


def _known(cells: Row) -> int:
    return sum(role(c.text) != "unknown" for c in cells)


def _headerish(cells: Row) -> bool:
    """A header row: two or more cells that name a column, and no figure."""
    return _known(cells) >= 2 and not any(_figure(c.text) for c in cells)


def _subheader(cells: Row) -> bool:
    """A second header row: every cell names a column, none is a figure."""
    return bool(cells) and _known(cells) == len(cells) and not any(_figure(c.text) for c in cells)


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
    for index, text in enumerate([*lines, ""]):
        cells = _split(text) if index < len(lines) else None
        if cells is not None:
            block.append([_Cell(c, index, text) for c in cells])
            blank = 0
            continue
        blank += not text.strip()
        if block and (text.strip() or blank > 2 or index == len(lines)):
            if any(len(row) >= 2 for row in block):
                taken |= {c.line + 1 for row in block for c in row}
                found += _read_block(block)
            block = []
    single = [
        matrix.Cell(text.strip(), i)
        for i, text in enumerate(lines)
        if text.strip() and i + 1 not in taken and len(text.strip()) <= MAX_CELL
    ]
    wide, wide_lines = matrix.read(single)
    taken |= {i + 1 for i in wide_lines}
    from_cells, cell_lines = _cells_a_line(lines, taken)
    return found + wide + from_cells, taken | cell_lines


def _read_block(rows: list[Row]) -> list[Drafted]:
    """A block of rows: cut at its header rows into tables, each read on its own."""
    found: list[Drafted] = []
    title = ""
    unit: str | None = None
    at = 0
    while at < len(rows):
        row = rows[at]
        if len(row) == 1 and _figure(row[0].text) is None and not _subheader(row):
            title = row[0].text
            unit = _table_unit(title) or unit
            at += 1
            continue
        if any(_UNIT_LINE.search(c.text) for c in row) and not _headerish(row):
            unit = _table_unit(" ".join(c.text for c in row))
            at += 1
            continue
        if not _headerish(row):
            at += 1
            continue
        header = [row]
        at += 1
        while at < len(rows) and _subheader(rows[at]) and len(header) < 3:
            header.append(rows[at])
            at += 1
        body: list[Row] = []
        while at < len(rows) and not _headerish(rows[at]):
            if len(rows[at]) == 1 and _figure(rows[at][0].text) is None:
                break
            body.append(rows[at])
            at += 1
        found += _Table(header, body, title, unit).indicators()
        title, unit = "", None
    return found


def _table_unit(text: str) -> str | None:
    match = _UNIT_LINE.search(text)
    return match["unit"] if match else None


def _cells_a_line(lines: list[str], taken: set[int]) -> tuple[list[Drafted], set[int]]:
    """Tables flattened one cell a line: a run of three or more header cells, each on its own
    line (blank lines between them aside), then rows of as many cells."""
    cells = [
        _Cell(text.strip(), i)
        for i, text in enumerate(lines)
        if text.strip() and i + 1 not in taken and len(text.strip()) <= MAX_TEXT_CELL
    ]
    found: list[Drafted] = []
    used: set[int] = set()
    kinds = [role(c.text) for c in cells]
    heads = [k != "unknown" and _figure(c.text) is None for k, c in zip(kinds, cells, strict=True)]
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
        found += _Table([header], rows, "", None).indicators()
        used |= {c.line + 1 for c in header} | {c.line + 1 for row in rows for c in row}
        at = end + len(rows) * len(header)
    return found, used


def _fits(column: str, text: str) -> bool:
    if column in ("target", "actual", "rate", "growth", "points"):
        return (
            _figure(text) is not None
            or _empty(text)
            or text == _UNCHANGED
            or say.QUANTITY.search(text) is not None
            or (column in ("actual", "target") and len(text) >= 2)
        )
    if column == "unit":
        return _UNIT_CELL.match(text) is not None or _empty(text)
    if column == "index":
        return re.fullmatch(r"[0-9]{1,3}[、.．]?", text) is not None
    if column == "name":
        return _figure(text) is None and not _empty(text)
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


@dataclass
class _Table:
    header: list[Row]
    body: list[Row]
    title: str
    unit: str | None
    labels: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    def indicators(self) -> list[Drafted]:
        rows = [row for row in self.body if len(row) >= 2]
        if not rows:
            return []
        width = Counter(len(row) for row in rows).most_common(1)[0][0]
        labels = _labels(self.header, width, [r for r in rows if len(r) == width])
        if labels is None:
            return []
        roles = [role(label) for label in labels]
        names = [i for i, r in enumerate(roles) if r == "name"]
        for i in names[:-1]:
            roles[i] = "group"  # 一级指标 | 二级指标: the first is merged over rows
        if not names:
            first = next((i for i, r in enumerate(roles) if r in ("unknown", "note")), None)
            if first is None or first > 1:
                return []
            roles[first] = "name"
        if not {"actual", "rate", "growth", "points"} & set(roles):
            return []
        self.labels, self.roles = labels, roles
        section = (row_name(self.title) or None) if not _YEAR.search(self.title) else None
        found: list[Drafted] = []
        group = ""
        total_unit: str | None = None
        for number, row in enumerate(rows):
            if len(row) == width - 1 and roles[0] == "group" and group:
                row = [_Cell(group, row[0].line), *row]
            if len(row) != width:
                continue
            if roles[0] == "group":
                group = row[0].text
            items, unit = self._row(row, total_unit, section or group or None)
            if number == 0 and unit and self.title and items and _names_table(items[0], self.title):
                total_unit = unit
            found += items
        return found

    def _row(
        self, row: Row, total_unit: str | None, section: str | None
    ) -> tuple[list[Drafted], str | None]:
        cells: dict[str, str] = {}
        for kind, cell in zip(self.roles, row, strict=True):
            if kind not in cells and not _empty(cell.text):
                cells[kind] = cell.text
        name = row_name(cells.get("name", ""))
        if not substantive(name) or _figure(name) is not None:
            return [], None
        in_name = _UNIT_IN_NAME.search(name)
        if in_name:
            name = name[: in_name.start()].strip()
        unit = cells.get("unit") or (in_name["unit"] if in_name else None)
        for kind, label in zip(self.roles, self.labels, strict=True):
            if (
                unit is None
                and kind in ("actual", "target")
                and (at := _UNIT_IN_NAME.search(label))
            ):
                unit = at["unit"]
        unit = unit or self.unit or total_unit
        if unit is None and say.SHARE.search(self.title):
            unit = "%"
        percent = unit in ("%", "％")
        line = row[0].line + 1
        used = [c for c, r in zip(row, self.roles, strict=True) if r not in ("index",)]
        if len({c.line for c in row}) > 1:
            quote = " ".join(c.text for c in used if c.text)
        else:
            quote = _row_quote(row)
        owner = cells.get("owner")
        item = Drafted(name, line, quote, section, unit=None if percent else unit, owner=owner)
        item.from_table = True
        progress, task = cells.get("actual", ""), cells.get("target", "")
        actual, target = _figure(progress), _figure(task)
        if actual is not None and actual["pct"] and not percent and "rate" not in cells:
            cells["rate"], progress, actual = progress, "", None  # 95%: the share done
        if (actual is None and progress and progress != _UNCHANGED) or say.QUANTITY.search(name):
            _task(item, name, task, progress + " " + cells.get("rate", ""))
        else:
            level = percent or (unit is None and _LEVEL_NAME.search(name) is not None)
            if actual is not None:
                item.actual = _written(actual, percent)
            if target is not None:
                item.target = _written(target, percent)
            rate = _figure(cells.get("rate", ""))
            if rate is not None and not level:
                item.stated = _written(rate, True)
            if level and item.actual is not None:
                item.kind = "level"
                item.guesses.append("kind: level (a rate or a level, judged against its target)")
                if percent and item.actual in ("100%", "100.0%") and say.SHARE.search(self.title):
                    item.actual = None  # the base of the shares
        found: list[Drafted] = []
        if item.kind == "milestone" or item.actual is not None or item.stated is not None:
            found.append(item)
        found += self._changes(cells, name, line, quote, section, owner)
        return found, unit

    def _changes(
        self,
        cells: dict[str, str],
        name: str,
        line: int,
        quote: str,
        section: str | None,
        owner: str | None,
    ) -> list[Drafted]:
        """The row's growth (…增长, in %) and its change in points (…增减, 个百分点)."""
        found = []
        for kind in ("growth", "points"):
            text = cells.get(kind, "")
            figure = _figure(text)
            if figure is None:
                continue  # 持平 (no change) is not a figure a quote can be checked against
            points = kind == "points" or figure["points"] is not None
            value = _written(figure, False)
            item = Drafted(f"{name}{'增减' if points else '增长'}", line, quote, section)
            item.kind, item.owner, item.from_table = "level", owner, True
            item.actual, item.unit = (value, "个百分点") if points else (value + "%", None)
            item.guesses.append("kind: level, a growth rate; give its target if the plan has one")
            found.append(item)
        return found


def _names_table(item: Drafted, title: str) -> bool:
    """The table's first row is its total: the row named as the table is (本地生产总值)."""
    title = row_name(title)
    return bool(title) and (item.name in title or title in item.name)


def _labels(header: list[Row], width: int, data: list[Row]) -> list[str] | None:
    """The label of each of `width` columns, from one header row or two."""
    top = [c.text for c in header[0]]
    text_first = bool(data) and all(_figure(r[0].text) is None for r in data)
    options = [top, ["名称", *top]] if text_first else [top]
    if len(header) >= 2:
        sub = [c.text for c in header[-1]]
        for upper in options:
            if len(upper) == width and len(sub) == width:
                return [a + b for a, b in zip(upper, sub, strict=True)]
            spread = _spread(upper, sub, width)
            if spread is not None:
                return spread
    for upper in options:
        if len(upper) == width:
            return upper
    if len(top) == width - 1 and data and all(re.fullmatch(r"[0-9]{1,3}", r[0].text) for r in data):
        return ["序号", *top]
    return None


def _spread(top: list[str], sub: list[str], width: int) -> list[str] | None:
    """累计 | 当月 over 本期 | 同期 | 增减额 | 增减率% | 本期 | …: the merged cells of the first
    row (short, naming no target, rate, unit or owner) take the second row's cells in turn."""
    parents = len(top) + len(sub) - width
    if parents < 1 or len(sub) % parents:
        return None
    candidates = [
        i
        for i, label in enumerate(top)
        if role(label) not in ("name", "target", "rate", "unit", "owner", "index")
        and len(re.sub(r"\s", "", label)) <= 6
    ]
    if len(candidates) < parents:
        return None
    chosen = candidates[-parents:]
    span = len(sub) // parents
    children = iter(sub)
    labels: list[str] = []
    for i, label in enumerate(top):
        labels += [label + next(children) for _ in range(span)] if i in chosen else [label]
    return labels


def _row_quote(row: Row) -> str:
    """A delimited row's text as it stands, from its first cell to its last non-empty one."""
    raw = next((c.raw for c in reversed(row) if c.raw), "")
    last = next((c.text for c in reversed(row) if c.text), "")
    end = raw.rfind(last) + len(last) if last and last in raw else len(raw)
    return raw[:end].strip(" |\t")


def _written(figure: re.Match[str], percent: bool) -> str:
    sign = "-" if figure["sign"] in ("-", "−") else ""
    number = sign + figure["num"].replace(",", "") + (figure["mag"] or "")
    if percent or figure["pct"]:
        number += "%"
    return (figure["pre"] or "") + number + (figure["post"] or "")


def _task(item: Drafted, name: str, task: str, progress: str) -> None:
    """A row of a task table: the task's single count is the target, the progress's count of
    the same unit the actual, its rate (or a bare percentage) the stated rate."""
    counts = list(say.QUANTITY.finditer(task or name))
    done = _DONE.search(progress)
    rate = (
        say.RATE_WORD.search(progress)
        or say.RATE.search(progress)
        or say.PAREN_RATE.search(progress)
        or _LEAD_PERCENT.search(progress.strip())
    )
    actual = next(iter(say.QUANTITY.finditer(progress)), None)
    if len(counts) == 1:
        target = counts[0]
        item.unit = target["unit"]
        item.target = target["num"].replace(",", "") + (target["mag"] or "")
        if actual is not None and actual["unit"] == target["unit"]:
            item.actual = actual["num"].replace(",", "") + (actual["mag"] or "")
    item.name = name.rstrip("。；; ")
    if rate is not None:
        item.stated = rate["rate"] + "%"
    if item.actual is None and rate is None and done is not None:
        item.kind, item.done, item.unit, item.target = "milestone", True, None, None
        item.guesses.append("done: the progress column says it is done")
    elif item.target is not None and item.stated is None and item.actual is None:
        item.target = None

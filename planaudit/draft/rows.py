"""One table's rows as indicators. A row's unit is its unit cell, the unit in its name
(本地生产总值（亿元）), the column's or the table's (单位：万元), or its total's (the row named like
the table); a table of shares (…构成) is in %. Each row gives a cumulative indicator (target,
actual, stated rate) or a level (a row in %), and a level indicator of its growth (or of its change
in points). A row of a task table (民生实事) takes its target from the task's single count
(新建幼儿园10所) and its actual and rate from the progress (已建成6所，完成率60%; a bare 80% is the
share done), or is a milestone done (已完成); a row that lost its merged first cell (一级指标) takes
the one above."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from planaudit.core import phrasings as say
from planaudit.draft import quantities as q
from planaudit.draft import tasks
from planaudit.draft.columns import (
    PLACES,
    YEAR,
    Cell,
    Row,
    empty,
    figure,
    groups,
    labels,
    one_month_growths,
    role,
)
from planaudit.draft.columns import change as cell_change
from planaudit.draft.model import Drafted
from planaudit.draft.names import measured, row_name, substantive
from planaudit.draft.placing import placed, trailing
from planaudit.lang import Message

UNCHANGED = "持平"
UNIT_CELL = re.compile(rf"^(?:{say.UNIT}|[%％]|元/[^\s]{{1,4}}|个百分点)$")
_UNIT_LINE = re.compile(rf"单位[:：]\s*(?P<unit>(?:{say.UNIT})|[%％])")
_UNIT_IN_NAME = re.compile(rf"[（(](?P<unit>(?:{say.UNIT})|[%％])[)）]\s*$")
_LEAD_PERCENT = re.compile(rf"(?:^|\s)(?P<rate>{say.N})[%％]")
_OWNER = re.compile(r"[\u4e00-\u9fff、，,（）()\s]{2,20}")
"""An owner's cell (县卫生健康局, 市住建局、市财政局), not a progress cell (已完成。…) that
stands in its column where the owner's cell is merged over the rows below it and the page left
it out."""
_TOTAL = re.compile(r"合\s*计|总\s*计")
"""A table's total row: named by what the table measures (重点项目投资合计)."""
_CATEGORY = re.compile(r"[一二三四五六七八九十]+[、.．]?|[（(][一二三四五六七八九十]+[)）]")
"""A category row's number (一 | 经济发展)."""
_GROWTH_WORD = re.compile(r"^(?:同比)?(?:增长|增)(?=[0-9０-９])")
"""增长8%: a target cell stating the planned growth."""
_LEVEL_NAME = re.compile(r"率|比重|浓度|指数|增长|增速|涨幅|占比|比例|天数")


@dataclass
class Table:
    header: list[Row]
    body: list[Row]
    title: str
    unit: str | None
    labels: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    task_named: bool = False
    """The rows are named by their task (the target column's words)."""
    suffix: str = ""
    """What one group of columns counts, where a row gives several (开工 | 投资)."""
    year: int | None = None
    """The report's year, which dates a month's step (4月：…)."""
    measured: str = ""
    """What a table of places measures (地区生产总值), from its title: each row's name is its place
    and this."""

    def indicators(self) -> list[Drafted]:
        rows = [row for row in self.body if len(row) >= 2]
        if not rows:
            return []
        figured = [row for row in rows if any(figure(c.text) is not None for c in row)]
        lengths = Counter(len(row) for row in figured or rows)
        width = lengths.most_common(1)[0][0]
        full = len(self.header[0]) if len(self.header) == 1 else 0
        aside = full and role(self.header[0][-1].text) == "note"  # 备注, empty in every row
        if max(lengths) == full or (aside and max(lengths) == full - 1):
            width = full  # the header's, where rows short of it left empty cells unmarked
        found_labels = labels(self.header, width, [r for r in rows if len(r) == width])
        if found_labels is None:
            return []
        roles = one_month_growths(found_labels, [role(label) for label in found_labels])
        names = [i for i, r in enumerate(roles) if r == "name"]
        for i in names[:-1]:
            roles[i] = "group"  # 一级指标 | 二级指标: the first is merged over rows
        if not names and self._tasks_named(roles, rows):
            self.task_named = True
        elif not names:
            first = next((i for i, r in enumerate(roles) if r in ("unknown", "note")), None)
            if first is None or first > 1:
                return []
            roles[first] = "name"
        if not {"actual", "rate", "growth", "points"} & set(roles):
            return []
        self.labels, self.roles = found_labels, roles
        name_label = re.sub(r"\s", "", found_labels[roles.index("name")]) if "name" in roles else ""
        places = PLACES.fullmatch(name_label) and len(groups(found_labels, roles)) == 1
        self.measured = measured(self.title) if places else ""
        section = (row_name(self.title) or None) if not YEAR.search(self.title) else None
        found: list[Drafted] = []
        group = owner = ""
        total_unit: str | None = None
        kinds = groups(found_labels, roles)
        for number, row in enumerate(rows):
            if len(row) == width - 1 and roles[0] == "group" and group:
                row = [Cell(group, row[0].line), *row]
            if len(row) == width - 1 and roles[0] == "index" and figure(row[0].text) is None:
                row = [Cell("", row[0].line, row[0].raw), *row]  # 全省 | 1500 |…: no number
            at = roles.index("owner") if "owner" in roles else width
            if len(row) == width - 1 and at < width - 1 and not _OWNER.fullmatch(row[at].text):
                row = [*row[:at], Cell(owner, row[0].line, row[0].raw), *row[at:]]  # merged
            widened, several = placed(roles, row) if len(row) < width else (None, False)
            if widened is not None and not _CATEGORY.fullmatch(row[0].text):
                row = widened  # | 2家 | 100% |: an empty cell left no mark
            elif width - 2 <= len(row) < width and trailing(roles[len(row) :], row) and not several:
                row = [*row, *(Cell("", row[0].line, row[0].raw) for _ in roles[len(row) :])]
            if len(row) == width and at < width:
                owner = row[at].text
            if len(row) < width and _CATEGORY.fullmatch(row[0].text) and len(row) == 2:
                group = row[1].text  # 一 | 经济发展: the rows below are of that kind
                continue
            if len(row) != width:
                continue
            if roles[0] == "group":
                group = row[0].text
            for self.roles, self.suffix in kinds:
                items, unit = self._row(row, total_unit, section or group or None)
                named = items and _names_table(items[0], self.title)
                if number == 0 and unit and self.title and named:
                    total_unit = unit
                found += items
        return found

    def _row(
        self, row: Row, total_unit: str | None, section: str | None
    ) -> tuple[list[Drafted], str | None]:
        cells: dict[str, str] = {}
        for kind, cell in zip(self.roles, row, strict=True):
            shape = figure(cell.text) if kind == "actual" and kind in cells else None
            if shape is not None and shape["pct"] and "rate" not in cells:
                kind = "rate"  # 已完成62公里 | 62%: a second column of progress, in %, is the rate
            if kind not in cells and not empty(cell.text):
                cells[kind] = cell.text
        name = row_name(cells.get("name") or (cells.get("target", "") if self.task_named else ""))
        if _TOTAL.fullmatch(name) and not self.measured:
            name = measured(self.title) + name  # 合计: the table's total of what it measures
        if figure(name) is not None or not substantive(name + self.measured):
            return [], None
        name += self.measured + self.suffix
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
        unit = unit or self._column_unit() or total_unit
        if unit is None and say.SHARE.search(self.title):
            unit = "%"
        percent = unit in ("%", "％")
        line = row[0].line + 1
        used = [c for c, r in zip(row, self.roles, strict=True) if r not in ("index",)]
        if len({c.line for c in row}) > 1:
            quote = " ".join(c.raw or c.text for c in used if c.text)
        else:
            quote = _row_quote(row)
        owner = cells.get("owner")
        item = Drafted(name, line, quote, section, unit=None if percent else unit, owner=owner)
        item.from_table = True
        progress, task = cells.get("actual", ""), cells.get("target", "")
        actual, target = figure(progress), figure(_GROWTH_WORD.sub("", task))
        if target is not None and _growth_target(target, actual, task, percent):
            cells["growth target"], target = task, None  # 增长8%左右 beside 1180亿元: the growth's
        printed, bare = _printed_unit(target, actual, name)
        if printed is not None and not cells.get("unit"):
            item.unit = printed  # 1300人, 7699套; 10000万 beside a bare 7965: both in 万元
        if actual is not None and target is not None and actual["pct"] and target["pct"]:
            percent, item.unit = True, None  # 100% of 100%: a level in %
        if actual is not None and actual["pct"] and not percent and "rate" not in cells:
            cells["rate"], progress, actual = progress, "", None  # 95%: the share done
        extras: list[Drafted] = []
        counted = say.QUANTITY.search(name) is not None and target is None  # 新建幼儿园10所
        if (actual is None and progress and progress != UNCHANGED) or counted:
            if target is not None and not target["pct"]:
                item.target = _written(target, False, bare)  # 2 | 申报…: the task's own figure
            extras = tasks.read(item, name, task, progress + " " + cells.get("rate", ""))
            if item.kind == "milestone" and "step" in cells:
                found_step = tasks.step(item, cells["step"], self.year)
                return ([found_step] if found_step else []), unit
        else:
            level = (
                percent
                or (unit is None and _LEVEL_NAME.search(name) is not None)
                or "/" in (unit or "")  # 元/月/人: a standard per head, not an amount
                or re.search(r"(?:标准|水平)$", name) is not None
            )
            if actual is not None:
                item.actual = _written(actual, percent, bare)
            if target is not None:
                item.target = _written(target, percent, bare)
            rate = figure(cells.get("rate", ""))
            if rate is not None and not level:
                item.stated = _written(rate, True)
            gap = figure(cells.get("gap", ""))
            if gap is not None and not level:  # 超（欠）序时进度: the distance to the pace
                item.gap = _written(gap, False).rstrip("%")
            if level and item.actual is not None:
                item.kind = "level"
                item.guesses.append(Message.of("guess.level"))
                if percent and item.actual in ("100%", "100.0%") and say.SHARE.search(self.title):
                    item.actual = None  # the base of the shares
        found: list[Drafted] = []
        if item.target is not None or item.stated is not None or _stands(item):
            found.append(item)  # a plain amount (neither target nor rate) is not audited
        changed = name.removesuffix(self.suffix) if self.suffix.startswith("（") else name
        found += extras + self._changes(cells, changed, line, quote, section, owner)
        return found, unit

    @staticmethod
    def _tasks_named(roles: list[str], rows: list[Row]) -> bool:
        """No name column, and the target column holds the tasks in words (目标任务: 新建…350个):
        the task names the row."""
        if "target" not in roles:
            return False
        column = roles.index("target")
        texts = [row[column].text for row in rows if column < len(row)]
        return bool(texts) and all(figure(t) is None and len(t) > 4 for t in texts)

    def _column_unit(self) -> str | None:
        """The table's unit (单位：万元); from a list (单位：个、亿元), the counted unit for a
        column of counts (项目个数) and the other for the rest."""
        units = re.split(r"[、，,/]", self.unit or "")
        if len(units) < 2:
            return self.unit
        progress = next(
            (lb for r, lb in zip(self.roles, self.labels, strict=True) if r == "actual"), ""
        )
        counts = [u for u in units if q.counted(u)]
        others = [u for u in units if not q.counted(u)]
        if re.search(r"个数|数量|项目数|户数|人数|件数", progress) and counts:
            return counts[0]
        return others[0] if others else units[0]

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
            change = cell_change("0" if text == UNCHANGED else text)  # 持平: 0 (verify too)
            if change is None:
                continue
            points = kind == "points" or change["points"] is not None
            value = _written(change, False).rstrip("%")
            item = Drafted(f"{name}{'增减' if points else '增长'}", line, quote, section)
            item.kind, item.owner, item.from_table = "level", owner, True
            item.actual, item.unit = (value, "个百分点") if points else (value + "%", None)
            planned = figure(_GROWTH_WORD.sub("", cells.get("growth target", "")))
            if planned is not None and not points:
                item.target = _written(planned, True)
            item.guesses.append(Message.of("guess.growth"))
            found.append(item)
        return found


def _growth_target(
    target: re.Match[str], actual: re.Match[str] | None, task: str, percent: bool
) -> bool:
    """A target cell in % (8%左右, 不低于7.5%, 增长8%) on a row of an amount (亿元, 元): the
    planned growth of the amount, not its target."""
    if percent or not target["pct"]:
        return False
    return (actual is not None and not actual["pct"]) or _GROWTH_WORD.match(task) is not None


def _stands(item: Drafted) -> bool:
    """A milestone, or a level with its figure."""
    return item.kind == "milestone" or (item.kind == "level" and item.actual is not None)


def _names_table(item: Drafted, title: str) -> bool:
    """The table's first row is its total: the row named as the table is (本地生产总值)."""
    title = row_name(title)
    return bool(title) and (item.name in title or title in item.name)


def _row_quote(row: Row) -> str:
    """A delimited row's text as it stands, from its first cell to its last non-empty one."""
    raw = next((c.raw for c in reversed(row) if c.raw), "")
    last = next((c.text for c in reversed(row) if c.text), "")
    end = raw.rfind(last) + len(last) if last and last in raw else len(raw)
    return raw[:end].strip(" |\t")


def _printed_unit(
    target: re.Match[str] | None, actual: re.Match[str] | None, name: str
) -> tuple[str | None, bool]:
    """The unit a row's figure cells print (1300人; 10000万 beside a bare 7965, with the name's
    10000万元: 万元), and whether their magnitude (万) went into it."""
    cell = target if target is not None and (target["unit"] or target["mag"]) else actual
    if cell is None or cell["pct"] or not (cell["unit"] or cell["mag"]):
        return None, False
    magnitude = cell["mag"] or ""
    unit = cell["unit"] or next(
        (found["unit"] for found in say.QUANTITY.finditer(name) if found["num"] == cell["num"]), ""
    )
    other = actual if cell is target else target
    if magnitude and (not unit or not q.counted(unit)) and (other is None or not other["mag"]):
        return magnitude + unit, True
    return unit or None, False


def _written(cell: re.Match[str], percent: bool, bare: bool = False) -> str:
    sign = "-" if cell["sign"] in ("-", "−") else ""
    number = sign + cell["num"].replace(",", "") + ("" if bare else cell["mag"] or "")
    if percent or cell["pct"]:
        number += "%"
    return (cell["pre"] or "") + number + (cell["post"] or "")

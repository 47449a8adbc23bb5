"""Wide tables flattened one cell a line: rows of places (全市, 东坡区…) across several indicators,
each indicator a group of columns under its name (城镇新增就业（人） over 目标任务 | 进度 |
完成比例（%））. The flattening drops empty cells, so a row's figures are cut into groups by what
they say: a target, an actual and a rate that agree (27800, 52242, 187.9: 52242 / 27800 = 187.9 %),
or a target and an actual for an indicator in % (4.3, 3.57). A row that cannot be cut so, to the
last figure, is left out rather than guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from planaudit.core import phrasings as say
from planaudit.draft.model import Drafted
from planaudit.lang import Message
from planaudit.lang import quote as quoted

_SLOT = re.compile(
    r"^(?:目标|任务|目标任务|计划|进度|完成|完成数|完成比例[（(]%[)）]|完成率|完成比例)$"
)
_NAMED = re.compile(rf"^(?P<name>.+?)(?P<unit>[（(](?:{say.UNIT}|%|人次)[)）])$")
_ALONE_UNIT = re.compile(rf"^[（(](?:{say.UNIT}|%|人次)[)）]$")
_FIGURE = re.compile(rf"^-?{say.N}$")
_ROW_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,10}$")
MAX_GROUPS = 20


@dataclass
class Cell:
    text: str
    line: int


def _slot(label: str) -> str | None:
    if not _SLOT.match(label):
        return None
    if "比例" in label or "率" in label:
        return "rate"
    if label in ("进度", "完成", "完成数"):
        return "actual"
    return "target"


def read(cells: list[Cell]) -> tuple[list[Drafted], set[int]]:
    """The indicators of the wide tables among `cells`, and the (0-based) lines they took."""
    found: list[Drafted] = []
    used: set[int] = set()
    at = 0
    while at < len(cells):
        groups = _groups(cells, at)
        if groups is None:
            at += 1
            continue
        width, count = groups
        names = _names(cells[max(0, at - 6 * count) : at], count)
        end = at + width * count
        if names is None:
            at = end
            continue
        slots = [s for s in (_slot(c.text) for c in cells[at : at + width]) if s]
        shape = [s for i, s in enumerate(slots) if i == 0 or s != slots[i - 1]]
        items, stop = _rows(cells, end, names, shape)
        found += items
        used |= {c.line for c in cells[at:stop]}
        at = max(stop, end)
    return found, used


def _groups(cells: list[Cell], at: int) -> tuple[int, int] | None:
    """Column labels repeated group after group from `at` (目标 任务 进度 完成比例（%） × 5):
    the width of a group and how many there are."""
    for width in range(2, 6):
        labels = [c.text for c in cells[at : at + width]]
        if len(labels) < width or not all(_slot(label) for label in labels):
            continue
        count = 1
        while (
            count < MAX_GROUPS
            and [c.text for c in cells[at + width * count : at + width * (count + 1)]] == labels
        ):
            count += 1
        if count >= 2:
            return width, count
    return None


def _names(before: list[Cell], count: int) -> list[tuple[str, str]] | None:
    """The `count` indicator names above the groups, each with the unit in its brackets."""
    texts: list[str] = []
    for cell in before:
        if _ALONE_UNIT.match(cell.text) and texts:
            texts[-1] += cell.text  # 开展现代农业科技培训 / （人次）: one cell broken in two
        else:
            texts.append(cell.text)
    named = [m for m in (_NAMED.match(t) for t in texts[-3 * count :]) if m]
    if len(named) < count:
        return None
    return [(m["name"], m["unit"].strip("（()）")) for m in named[-count:]]


def _rows(
    cells: list[Cell], at: int, names: list[tuple[str, str]], shape: list[str]
) -> tuple[list[Drafted], int]:
    found: list[Drafted] = []
    while at < len(cells):
        label = cells[at]
        if not _ROW_LABEL.match(label.text) or _slot(label.text):
            break
        figures = []
        at += 1
        while at < len(cells) and _FIGURE.match(cells[at].text.replace(",", "")):
            figures.append(cells[at])
            at += 1
        if not figures:
            if at < len(cells) and not _ROW_LABEL.match(cells[at].text):
                break
            continue
        cut = _cut([c.text.replace(",", "") for c in figures], names, shape)
        if cut is None:
            continue
        quote = " ".join([label.text, *(c.text for c in figures)])
        for (name, unit), parts in zip(names, cut, strict=True):
            found.append(_indicator(label, name, unit, parts, quote))
    return found, at


def _cut(
    figures: list[str], names: list[tuple[str, str]], shape: list[str]
) -> list[list[str]] | None:
    """The figures cut into one group per name: a full group whose rate agrees with its target
    and actual, or, for a name in %, a target and an actual; None unless all fit."""
    groups: list[list[str]] = []
    at = 0
    for _, unit in names:
        full = figures[at : at + len(shape)]
        if len(full) == len(shape) and _agrees(full, shape):
            groups.append(full)
            at += len(shape)
        elif unit == "%" and len(figures) - at >= 2:
            groups.append(figures[at : at + 2])
            at += 2
        else:
            return None
    return groups if at == len(figures) else None


def _agrees(group: list[str], shape: list[str]) -> bool:
    values = dict(zip(shape, group, strict=True))
    if set(values) != {"target", "actual", "rate"}:
        return len(values) == len(group)
    try:
        target, actual, rate = (Decimal(values[k]) for k in ("target", "actual", "rate"))
    except InvalidOperation:
        return False
    if target <= 0:
        return False
    exponent = rate.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    slack = Decimal(5).scaleb(-decimals - 1) + Decimal("0.05")
    return abs(actual / target * 100 - rate) <= slack


def _indicator(label: Cell, name: str, unit: str, parts: list[str], quote: str) -> Drafted:
    wording = re.search(r"低于|不超过|以内|高于|不低于|以上", name)
    name = re.sub(r"低于|不超过|以内|高于|不低于|以上", "", name)
    item = Drafted(f"{label.text}{name}", label.line + 1, quote)
    item.from_table = True
    if unit == "%":
        item.kind = "level"
        pre = wording.group() if wording else ""
        item.target, item.actual = f"{pre}{parts[0]}%", f"{parts[1]}%"
        item.guesses.append(Message.of("guess.level"))
    else:
        item.unit = unit
        item.target, item.actual = parts[0], parts[1]
        if len(parts) > 2:
            item.stated = parts[2] + "%"
    item.guesses.append(
        Message.of("guess.row_and_column", row=quoted(label.text), column=quoted(name))
    )
    return item

"""What a table's columns hold, from the words of its header (`role`): the name
(指标名称, 项目名称), the target (年度目标, 年计划, 预算), the progress (1-6月, 完成, 累计, 本期),
the stated rate (完成年计划%, 完成率, 占年计划%), the growth (同比增长, 增速, 增减率%), the unit
(单位), the owner (牵头单位, 责任单位); one month's columns (当月, 9月), the same period last year
and differences in amounts are left out. A second header row under merged cells (累计 | 当月 over
本期 | 同期 | 增减额 | 增减率%) is read into the columns it spans. Where the target, progress and
rate repeat, or one progress stands against several targets, a row gives an indicator for each
group of columns (`groups`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from planaudit.core import phrasings as say

NUMBER_CELL = re.compile(
    rf"^(?P<pre>不低于|不少于|不超过|不高于|控制在|低于|高于|力争|确保)?(?P<sign>[-+−])?"
    rf"(?P<num>{say.N})(?P<mag>{say.MAGNITUDE})?(?P<pct>[%％])?(?P<unit>{say.UNIT})?"
    r"(?P<post>以上|以内|以下|左右)?(?P<points>个百分点)?$"
)
"""A figure's cell: 1300, 1300人, 10000万, 不低于60元, 19天以内, 54%, -0.5个百分点."""
_BOUND = re.compile(r"^[≥＞>⩾≤＜<⩽]")
"""A bound printed as a sign (≥300, ＜4.5)."""
EMPTY_CELL = re.compile(r"^(?:[-—–─/／\\*＊…]+|无)?$")
YEAR = re.compile(r"20[0-9]{2}年")
"""A year in a cell: a title, not a column's label."""
SINGLE_MONTH = re.compile(r"^(?:1[0-2]|[1-9])月份?$|当月|本月|单月")
_OTHER_RATE = re.compile(r"[\u4e00-\u9fff]率")
PLACES = re.compile(r"[省市县区州盟旗乡镇街道地域（）()、]{2,10}")
"""A header over places (市县, 县（市、区）, 地区, 乡镇): the rows name places, and what is measured
is the table's title's (各市县地区生产总值及增速)."""
_RATE_OF = (
    r"(?:完成|执行|开工|开复工|复工|动工|竣工|完工|建成|投产|到位|办结|兑现|签约|拨付|支付)率"
)
_COMPLETION = re.compile(rf"{_RATE_OF}|占|为.{{0,6}}预算")
_COMPLETION_RATE = re.compile(
    rf"{_RATE_OF}|完成比例|%|比例|占.{{0,6}}(?:计划|目标|预算|任务)|为.{{0,6}}预算"
)
"""A rate column: 完成率, 开工率, 到位率, 完成比例, 完成年计划%, 占年计划%, 本期累计为预算%."""
_UNIT_AFTER = rf"(?:[（(](?:{say.UNIT}|[%％])[)）])?"
_YEAR_TARGET = re.compile(
    rf"20[0-9]{{2}}年度?(?:全年)?(?:目标|计划|任务|预算)(?:投资|资金|数|值|任务|额){{0,2}}{_UNIT_AFTER}"
)
_YEAR_PROGRESS = re.compile(
    rf"20[0-9]{{2}}年(?:1[-—–~～至](?:1[0-2]|[1-9])月份?|上半年|前三季度|一季度)(?:完成|累计|实际)?"
    rf"(?:完成)?(?:数|值|额)?{_UNIT_AFTER}"
)
"""2023年目标 | 2023年1-9月完成: a target and a progress column named with their year."""
MAX_HEADER_CELL = 24
"""Characters in a header cell."""


@dataclass
class Cell:
    text: str
    line: int
    """0-based index of the line it stands on."""
    raw: str = ""
    """The whole line, for a row's quote."""


Row = list[Cell]


@lru_cache(maxsize=4096)
def role(label: str) -> str:
    """What a column holds, from its header's words."""
    label = re.sub(r"\s+", "", label).replace("％", "%")
    if _YEAR_TARGET.fullmatch(label):
        return "target"  # 2023年目标, 2023年度计划（万元）
    if _YEAR_PROGRESS.fullmatch(label):
        return "actual"  # 2023年1-9月完成
    if not label or len(label) > MAX_HEADER_CELL or YEAR.search(label):
        return "unknown"
    if re.search(r"序时进度|时序进度|时间进度", label):
        return "gap" if re.search(r"超|欠|差|快|慢|[±+-]|比", label) else "ignore"
    if re.search(r"序号|编号", label):
        return "index"
    if re.search(
        r"牵头|责任单位|责任部门|主办|承办|负责单位|实施单位|责任主体|责任人|配合单位", label
    ):
        return "owner"
    if re.fullmatch(r"(?:计量)?单位(?:[:：].*)?", label):
        return "unit"
    if re.match(r"建设(?:规模|内容)|主要(?:建设)?内容", label):
        return "note"  # 项目名称 | 建设内容 |…: what is built, not the row's name
    if PLACES.fullmatch(label) or re.search(
        r"名称|科目|指标$|^项目$|^事项$|内容$|类别$|^实事|^任务$", label
    ):
        return "name"
    if re.search(r"备注|说明|存在问题|原因|类型$", label):
        return "note"
    if re.search(r"增减额|增加额|增量|差额|绝对额", label):
        return "ignore"
    if re.match(r"(?:绝对数|绝对值|总量|数值)(?:[（(][^）)]*[)）])?$", label):
        return "actual"  # 绝对数（亿元）: the amount, beside its growth
    if re.match(r"(?:月度|本月|当月)(?:工作)?(?:计划|任务|目标)", label):
        return "step"  # 月度工作计划: the month's step toward the task, not the year's target
    if SINGLE_MONTH.search(label) and "累计" not in label:
        return "ignore"
    if re.search(r"同期|上年|去年", label) and not re.search(r"增|±|比|降", label):
        return "ignore"
    if re.search(r"百分点", label):
        return "points"
    if re.search(r"(?:目标|预期|计划)(?:增速|增长|增幅)|(?:增速|增长|增幅)(?:目标|预期)", label):
        return "growth target"  # 全年目标增速（%）: the planned growth, the growth column's target
    if re.search(r"增长|增速|增幅|增减|±|同比|比上年|涨幅", label):
        return "growth"
    if _OTHER_RATE.search(label) and not _COMPLETION.search(label):
        return "ignore"  # 产销率（%）: a ratio of its own, not a completion against a plan
    if _COMPLETION_RATE.search(label):
        return "rate"
    planned = re.match(r"(?:年度|全年|年|本年)?(?:计划|目标|任务)", label)  # 计划完成数
    if (planned or re.search(r"目标|计划|预算|任务", label)) and not re.search(
        r"累计|实际|进度|进展" if planned else r"完成|累计|实际|进度|进展", label
    ):
        return "target"
    if re.search(
        r"完成|累计|实际|本期|[0-9一二三四五六七八九十]+月|上半年|季度|进度|进展|截至|执行|现状"
        r"|落实|推进",
        label,
    ):
        return "actual"
    return "unknown"


def one_month_growths(labels: list[str], roles: list[str]) -> list[str]:
    """本月 | 增长% | 累计 | 累计增长: a growth column of no period of its own, right after one
    month's column, is that month's growth and is left out too."""
    paired = list(roles)
    for i in range(1, len(labels)):
        own_period = re.search(
            r"累计|[0-9一二三四五六七八九十]+\s*[-—–~～至到]|季度|上半年|以来", labels[i]
        )
        if roles[i] == "growth" and SINGLE_MONTH.search(labels[i - 1]) and not own_period:
            paired[i] = "ignore"
    return paired


def figure(text: str) -> re.Match[str] | None:
    text = re.sub(r"[\s,]", "", text)
    bound = _BOUND.match(text)
    if bound is not None:  # ≥300 is 300以上, ＜4.5 is 4.5以内
        text = text[bound.end() :] + ("以上" if bound.group() in "≥＞>⩾" else "以内")
    return NUMBER_CELL.match(text)


def change(text: str) -> re.Match[str] | None:
    """A growth cell: 5.1, -3.5, 增长5.1%, 下降1.2 (−1.2)."""
    text = re.sub(r"^同比", "", text.strip())
    if re.match(r"^(?:下降|降低|减少|回落)(?=[0-9])", text):
        text = "-" + re.sub(r"^(?:下降|降低|减少|回落)", "", text)
    return figure(re.sub(r"^(?:增长|增加|提高|增)(?=[0-9])", "", text))


def empty(text: str) -> bool:
    return EMPTY_CELL.match(text.strip()) is not None


def known(cells: Row) -> int:
    return sum(role(c.text) != "unknown" for c in cells)


def headerish(cells: Row) -> bool:
    """A header row: two or more cells that name a column, and no figure."""
    return known(cells) >= 2 and not any(figure(c.text) for c in cells)


def subheader(cells: Row) -> bool:
    """A second header row: every cell names a column, none is a figure."""
    return bool(cells) and known(cells) == len(cells) and not any(figure(c.text) for c in cells)


def _aside(label: str) -> bool:
    """A column the rows may leave out at their end (备注)."""
    return role(label) in ("note", "ignore")


def labels(header: list[Row], width: int, data: list[Row]) -> list[str] | None:
    """The label of each of `width` columns, from one header row or two."""
    top = [c.text for c in header[0]]
    text_first = bool(data) and all(figure(r[0].text) is None for r in data)
    options = [top, ["名称", *top]] if text_first else [top]
    if len(header) >= 2:
        sub = [c.text for c in header[-1]]
        cut = [*top, *sub]  # 序号 | 项目名称 | … | 实际完成情况 | / 任务完成率 | 备注: one row cut
        named_top = any(role(label) == "name" for label in top)
        cut_off = all(_aside(label) for label in cut[width:])
        if len(header) == 2 and named_top and len(top) < width <= len(cut) and cut_off:
            return cut[:width]
        named = [i for i, label in enumerate(top) if role(label) == "name"]
        if len(named) == 1 and len(sub) >= 2 and all(role(label) == "name" for label in sub):
            at = named[0]  # 指标名称 over 一级指标 | 二级指标
            spread_names = [*top[:at], *sub, *top[at + 1 :]]
            if len(spread_names) == width:
                return spread_names
        for upper in options:
            if len(upper) == width and len(sub) == width:
                return [a + b for a, b in zip(upper, sub, strict=True)]
            spread_out = spread(upper, sub, width)
            if spread_out is not None:
                return spread_out
    for upper in options:
        if len(upper) == width:
            return upper
    if len(top) == width - 1 and data and all(re.fullmatch(r"[0-9]{1,3}", r[0].text) for r in data):
        return ["序号", *top]
    return None


def spread(top: list[str], sub: list[str], width: int) -> list[str] | None:
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


_FIGURES = ("target", "actual", "rate")
_NOT_WHAT = re.compile(
    r"累计|实际|完成|本期|计划|年度|全年|目标|任务|[数额率]|[（(][^）)]*[)）]|%|％"
)


def groups(labels: list[str], roles: list[str]) -> list[tuple[list[str], str]]:
    """The roles of each group of columns a row gives an indicator for — one, or several where
    the target, progress and rate repeat (计划完成数 | 累计开工数 | 开工率 | 计划投资额 |
    累计完成投资额 | 计划投资完成率), each named by what its columns count (开工, 投资)."""
    groups: list[list[int]] = [[]]
    for i, kind in enumerate(roles):
        if kind in _FIGURES and any(roles[j] == kind for j in groups[-1]):
            groups.append([])
        if kind in _FIGURES:
            groups[-1].append(i)
    targets = [i for i, kind in enumerate(roles) if kind == "target"]
    if len(targets) >= 2 and roles.count("actual") == 1:
        return _targets(labels, roles, targets)
    if len(groups) < 2 or any(len(group) < 2 for group in groups):
        return [(roles, "")]  # 完成情况 | 完成进度: a second column of one figure, not a group
    kinds = []
    for group in groups:
        own = [r if r not in _FIGURES or i in group else "ignore" for i, r in enumerate(roles)]
        words = [_NOT_WHAT.sub("", labels[i]) for i in group if roles[i] != "target"]
        kinds.append((own, next((w for w in words if len(w) >= 2), "")))
    return kinds


def _targets(
    labels: list[str], roles: list[str], targets: list[int]
) -> list[tuple[list[str], str]]:
    """年度投资计划 | 前三季度投资计划 | 1-7月完成投资 | 完成前三季度目标任务占比: one progress
    against several targets gives an indicator for each, named by its target's label; the rate
    goes with the target its label names (前三季度), else with the last."""
    rates = [i for i, kind in enumerate(roles) if kind == "rate"]
    plain = [re.sub(r"\s|计划|目标|任务|完成", "", label) for label in labels]
    owner = {
        rate: max(reversed(targets), key=lambda i: len(_pairs(plain[i]) & _pairs(plain[rate])))
        for rate in rates
    }
    kinds = []
    for target in targets:
        own = [
            "ignore"
            if (r == "target" and i != target)
            or (r == "rate" and owner[i] != target)
            or (r in ("growth", "points") and target != targets[0])
            else r
            for i, r in enumerate(roles)
        ]
        kinds.append((own, "（" + re.sub(r"\s", "", labels[target]) + "）"))
    return kinds


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}

"""Distances a sentence states to the pace, the planned growth or a target (低于目标1.8个百分点,
超时序进度3.5个百分点, 欠区级奋斗目标任务（24.93亿元）11.2个百分点), given to the level or the
amount before them, and sides without a figure (…增速均高于计划, 好于年初预期,
与序时进度存在差距)."""

from __future__ import annotations

import re
from dataclasses import replace

from planaudit.core import phrasings as say
from planaudit.draft import quantities as q
from planaudit.draft.model import Drafted
from planaudit.draft.names import clean, shared_noun, substantive
from planaudit.draft.state import Sentence
from planaudit.lang import Message


def gap(s: Sentence, found: re.Match[str], end: int) -> None:
    """低于目标1.8个百分点: the distance of the level or the amount before it."""
    ref = found["ref"] or found["ref2"] or ""
    side = found["side"] or found["side2"] or ""
    of_level = re.search(r"目标|增速|增幅|增长|速度", ref) is not None
    item = s.level if of_level and s.level is not None else s.cumulative
    against = say.QUANTITY.search(found["against"] or "")
    amount = s.cumulative
    if against is not None and amount is not None and q.same_unit(against, amount.unit):
        item = amount  # a distance to a target of the amount's unit is the amount's
    elif against is not None:
        against = None
    if item is None:
        return
    if item.gap is not None and against is not None and item.target is not None:
        start = s.spans[id(item)][0]
        item = s.add(replace(item, guesses=list(item.guesses)), start, end)  # a second target
        item.name = item.name.rsplit("（", 1)[0]
    elif item.gap is not None:
        return
    if against is not None:  # 欠…目标任务（23.9亿元）8.9个百分点: the target it is against
        item.target = q.in_unit(against, item.unit)
        item.name = f"{item.name}（{clean(found['ref'])}）"
    sign = say.gap_sign(side)
    if found["minus"]:  # 高于时序进度(91.7%)-0.5个百分点: above by −0.5 is behind
        sign = "" if sign else "-"
    item.gap = sign + (found["num"] or found["num2"])
    item.plain = False
    s.extend(item, end)


MAX_LIST = 200
"""Characters of a list of names before 增速均高于计划 looked at."""
_NOT_NAMED = re.compile(r"指标|部分|各项|多数|其他|其余")
"""部分指标增速低于年初预期: no indicator of its own."""
_NOT_A_NAME = re.compile(
    r"(?<![A-Za-z0-9.])[0-9]|平稳|稳定|较快|加快|持续|增长|下降|完成|实现|达到|保持|良好|回升|回落"
    r"|放缓|态势|运行|其中|今年|上半年|以来"
)
"""A clause that says how things went, not what: the list of names before 增速 ends there."""
_LEADING = re.compile(r"^(?:此外|另外|同时|其中|但|而|从指标看|分项看)[，,：:]?")


_SIDE_OF_LEVEL = re.compile(
    r"(?:^|(?<=[，,、]))(?P<side>高于|好于|快于|超过|超出|低于|慢于|落后于)(?:年初)?(?:预期|计划)"
    r"(?:目标|增速)?(?=$|[，,。；;、])"
)
"""…分别增长9.3%、9.2%，高于全国平均水平、好于年初预期: the side of the growth before it."""
_BEHIND_PACE = re.compile(
    r"(?P<name>[^，,。；;：:]{2,30}?)(?:完成情况)?与(?:年度|全年)?(?:计划)?(?:目标)?(?:序时|时序|时间)进度"
    r"(?:存在|有)(?:一定|较大|明显)?差距"
)
"""固定资产投资完成情况与计划目标序时进度存在一定差距: behind the pace, no figure."""


def _plain_sides(s: Sentence, stop: int) -> None:
    """A side without a figure: of the sentence's last growth (好于年初预期), or of an amount
    behind the pace (…与计划目标序时进度存在一定差距)."""
    if "于" in s.text and s.level is not None and s.level.gap is None:
        side = _SIDE_OF_LEVEL.search(s.text, 0, stop)
        if side is not None and s.spans.get(id(s.level), (len(s.text), 0))[0] < side.start():
            ahead = side["side"] in ("高于", "好于", "快于", "超过", "超出")
            s.level.gap = "高于" if ahead else "低于"
            s.extend(s.level, side.end())
    behind = _BEHIND_PACE.search(s.text, 0, stop) if "差距" in s.text else None
    if behind is not None and substantive(name := clean(behind["name"])):
        item = Drafted(name, s.line, "", s.section)
        item.gap = "低于"
        item.guesses.append(Message.of("guess.behind_no_figure"))
        s.add(item, behind.start("name"), behind.end())


_LIST_SIDE = re.compile(
    r"(?P<names>[^，,。；;：:（(]{2,200}?)等(?:[0-9]+|[一二三四五六七八九十]+)项[^，,。；;：:]{0,8}?指标[，,]?"
    r"(?:除(?P<other>[^，,。；;]{2,30}?)外[，,]?)?(?:均|都|全部)?"
    r"(?P<side>高于|低于|超过|好于|快于|慢于|未达到)(?:(?:规划|计划|年初|年度|预期)?目标|(?:规划|计划|年初|年度)预期)"
    r"(?!进度)"
)
"""财政总收入、固定资产投资、社会消费品零售总额等3项主要经济指标，除财政总收入外，均高于规划目标:
the side each named indicator stands on against its target (the one excepted on the other) — not a
verdict on the pace (…等14项指标超过进度要求), which says nothing of the target, nor a review's
verdict against what was expected by now (…等5项指标快于预期: `paces`)."""


def _listed_sides(s: Sentence, stop: int) -> None:
    """A list of indicators that share a side against their targets, one level indicator each."""
    found = _LIST_SIDE.search(s.text, 0, stop) if "项" in s.text and "指标" in s.text else None
    if found is None:
        return
    names = [clean(name) for name in found["names"].split("、")]
    if not all(substantive(n) and not _NOT_NAMED.search(n) for n in names):
        return
    ahead = found["side"] in ("高于", "超过", "好于", "快于")
    other = clean(found["other"] or "")
    for name in names:
        item = Drafted(name, s.line, "", s.growth_section, kind="level")
        item.gap = "高于" if ahead != (name == other) else "低于"
        item.guesses.append(Message.of("guess.side_of_list"))
        s.add(item, found.start("names"), found.end())


def sides(s: Sentence, stop: int) -> None:
    """一般公共财政预算收入、进出口总值…增速均高于计划: a level indicator per named growth (…增长,
    or …下降 for 降幅), its stated distance the side alone."""
    _plain_sides(s, stop)
    _listed_sides(s, stop)
    if "幅" not in s.text and "增速" not in s.text:
        return
    since = 0
    for found in say.SIDES.finditer(s.text, 0, stop):
        head_start = max(since, found.start() - MAX_LIST)
        head, since = s.text[head_start : found.start()], found.end()
        groups: list[str] = []
        for group in reversed(re.split(r"[，,]", _LEADING.sub("", head.strip()))):
            if _NOT_A_NAME.search(group):
                break
            groups.insert(0, group)
        names = [clean(name) for group in groups for name in shared_noun(group.split("、"))]
        if not names or not all(substantive(n) and not _NOT_NAMED.search(n) for n in names):
            continue
        suffix = "下降" if found["what"] == "降幅" else "增长"
        side = "高于" if say.gap_sign(found["side"]) == "" else "低于"
        for name in names:
            item = Drafted(f"{name}{suffix}", s.line, "", s.growth_section, kind="level")
            item.gap = side
            item.guesses.append(Message.of("guess.side_alone"))
            s.add(item, head_start + len(head) - len(head.lstrip()), found.end())

"""What a bulletin says of the pace (序时进度) without a figure of progress: the indicators it
names as behind (固定资产投资、财政收入、规上工业增加值3项指标未达到序时进度), the tasks it lists as
behind with their targets (未达到序时进度11项…，为…完成投资80亿元、普惠性幼儿园覆盖率达80%、新建
安置区5个), and how many of the plan's items are done or on pace (达到序时进度44项、占比80.0%) out
of a total stated before (量化指标任务共55项) — the share agreeing with the two counts."""

from __future__ import annotations

import re

from planaudit.core import phrasings as say
from planaudit.draft import quantities as q
from planaudit.draft.model import Drafted
from planaudit.draft.names import clean, substantive
from planaudit.draft.state import Sentence
from planaudit.lang import Message

_PACE = r"(?:序时|时序|时间)进度"
_BEHIND = rf"(?:未达到|未达|没有达到|低于|滞后于|落后于|慢于){_PACE}"
_NAMED_BEHIND = re.compile(
    rf"(?P<names>[^，,。；;：:（(]{{2,200}}?)等?(?:[0-9]+|[一二三四五六七八九十]+)项"
    rf"(?:[^，,。；;：:]{{0,8}}?指标)?(?:均|都|全部)?{_BEHIND}"
)
"""固定资产投资、财政收入、规上工业增加值3项指标未达到序时进度: each named one behind."""
_LISTED_BEHIND = re.compile(
    rf"{_BEHIND}(?:的)?(?:有)?(?:[0-9]+|[一二三四五六七八九十]+)(?:项|个|件)[^，,。；;：:]{{0,12}}"
    r"[，,：:]\s*(?:分别)?(?:为|是|包括|有)[：:]?(?P<list>[^。；;]+)"
)
"""未达到序时进度11项、占比20.0%，为A80亿元、B达80%、…: the tasks behind, each with its target."""
_TASK = re.compile(
    rf"^(?P<name>[^0-9]{{2,40}}?)(?:达到|达|为|提高到|提升至)?(?P<target>(?P<num>{say.N})"
    rf"(?:(?P<pct>[%％])|(?:{say.MAGNITUDE})?(?:{say.UNIT})))(?:以上)?$"
)
_EXPECTED = (
    r"(?:快于|好于|超出|超过|基本符合|符合|滞后于|慢于|落后于|低于)(?:预期|进度预期|规划预期)"
    r"|提前实现"
)
_COUNTED_NAMES = re.compile(
    rf"(?P<names>[^，,。；;：:]{{2,300}}?)等?(?:[0-9]+|[一二三四五六七八九十]+)项"
    rf"(?:[^，,。；;：:]{{0,8}}?指标)?(?:均|都|全部)?(?P<side>{_EXPECTED})"
    rf"|(?:[0-9]+|[一二三四五六七八九十]+)项(?:[^，,。；;：:]{{0,8}}?指标)?(?:均|都|全部)?"
    rf"(?P<side2>{_EXPECTED})[，,：:]\s*(?:分别)?(?:是|为|包括|有)[：:]?(?P<names2>[^。；;]+)"
)
"""A review's lists of indicators by how they stand against the plan's expectation (…森林覆盖率等5项
指标快于预期; 7项指标基本符合预期，分别是GDP增长、…; …等4项指标提前实现): each named one ahead
(高于), on pace (持平), behind (低于), or done."""
_SIDE_OF = {"快于": "高于", "好于": "高于", "超出": "高于", "超过": "高于", "基本符合": "持平"}
_SIDE_OF |= {"符合": "持平", "滞后于": "低于", "慢于": "低于", "落后于": "低于", "低于": "低于"}
_SHARE = re.compile(
    rf"(?P<what>[^，,。；;：:]{{2,40}}?)(?P<count>{say.N}(?:项|个|件))[、，,]?\s*占比(?:达到?|为)?"
    rf"(?P<rate>{say.N})[%％]"
)
"""已完成或达到时序进度（91.67%）以上的项目25个，占比达62.5%: how many of the plan's items."""
_DONE_OR_ON_PACE = re.compile(rf"完成|(?:达到|超过|快于){_PACE}")
_NEGATED = re.compile(r"未|没有|尚未|不")
_OPENING = re.compile(r"^(?:[一二三四五六七八九十]+是|截至目前|目前|现)[，,：:]?")
TOTAL = re.compile(
    rf"共(?:有|计|办理|实施|安排|确定|列入)?(?P<what>[^，,。；;0-9]{{0,8}}?)"
    rf"(?:{say.N}(?:件|大类|类|批))?(?P<count>{say.N}(?:项|个|件))"
)
"""量化指标任务共55项, 共办理30件40个重点民生实事项目: a total the plan's items are counted of."""


def read(s: Sentence, stop: int) -> int:
    """The sentence's indicators said behind the pace, and its counts of items on pace; returns
    where the clauses it has read begin (`stop` if none), which the clause reader leaves."""
    if "共" in s.text:
        for total in TOTAL.finditer(s.text, 0, stop):
            counted = say.QUANTITY.search(total["count"])
            if counted is not None:
                s.group.totals.append((counted, total.group(), total["what"] or ""))
    if (
        "进度" not in s.text
        and "占比" not in s.text
        and "预期" not in s.text
        and "实现" not in s.text
    ):
        return stop
    _named(s, stop)
    _expected(s, stop)
    _shares(s, stop)
    listed = _LISTED_BEHIND.search(s.text, 0, stop)
    if listed is None:
        return stop
    for name, target, start, end in _tasks(listed["list"], listed.start("list")):
        percent = target.endswith(("%", "％"))
        item = Drafted(name, s.line, "", s.section, kind="level" if percent else "cumulative")
        item.target, item.gap = target, "低于"
        item.guesses.append(Message.of("guess.behind_no_figure"))
        s.add(item, listed.start(), listed.end("list"))
        s.spans[id(item)] = (start, end)
    return listed.start()


def _tasks(text: str, offset: int) -> list[tuple[str, str, int, int]]:
    """A list's tasks, each (name, target, start, end) — none unless every one reads as a task."""
    found = []
    at = 0
    for part in text.split("、"):
        task = _TASK.match(part.strip())
        if task is None or not substantive(name := task["name"].strip()):
            return []
        number = task["num"] + ("%" if task["pct"] else "")
        target = number if task["pct"] else task["target"]
        found.append((name, target, offset + at, offset + at + len(part)))
        at += len(part) + 1
    return found if len(found) >= 2 else []


def _named(s: Sentence, stop: int) -> None:
    found = _NAMED_BEHIND.search(s.text, 0, stop)
    if found is None:
        return
    names = [clean(name) for name in re.split(r"[、和及]", found["names"])]
    if not all(substantive(name) and "指标" not in name for name in names):
        return
    for name in names:
        item = Drafted(name, s.line, "", s.section)
        item.gap = "低于"
        item.guesses.append(Message.of("guess.behind_no_figure"))
        s.add(item, found.start("names"), found.end())


def _expected(s: Sentence, stop: int) -> None:
    for found in _COUNTED_NAMES.finditer(s.text, 0, stop):
        listing, side = found["names"] or found["names2"], found["side"] or found["side2"]
        head = (
            re.split(r"[，,。；;：:]", listing.split("其中")[-1])[-1] if found["names"] else listing
        )
        names = [clean(name) for name in re.split(r"、", head)]
        if len(names) < 2 or not all(substantive(n) and len(n) <= 30 for n in names):
            continue
        start = found.start() + found.group().index(head)
        for name in names:
            if side == "提前实现":
                item = Drafted(name, s.line, "", s.section, kind="milestone", done=True)
                item.guesses.append(Message.of("guess.done"))
            else:
                item = Drafted(name, s.line, "", s.section)
                item.gap = _SIDE_OF[re.sub(r"预期|进度预期|规划预期", "", side)]
                item.guesses.append(Message.of("guess.side_of_list"))
            s.add(item, min(start, found.start()), found.end())


def _shares(s: Sentence, stop: int) -> None:
    for found in _SHARE.finditer(s.text, 0, stop):
        what = found["what"]
        if not _DONE_OR_ON_PACE.search(what) or _NEGATED.search(what):
            continue
        count = say.QUANTITY.search(found["count"])
        stated_total = next(
            (t for t in reversed(s.group.totals) if count and q.same_unit(t[0], q.unit(count))),
            None,
        )
        if count is None or stated_total is None:
            continue
        total, total_quote, _ = stated_total
        name = _OPENING.sub("", re.sub(r"[（(][^）)]*[）)]", "", what)).strip()
        item = Drafted(name, s.line, "", s.section)
        item.unit, item.actual, item.stated = q.unit(count), count["num"], found["rate"] + "%"
        if not q.agrees(item, total):
            continue
        item.target = total["num"]
        item.guesses.append(Message.of("guess.target_from_line", line=s.line, quote=total_quote))
        s.add(item, found.start("what"), found.end())

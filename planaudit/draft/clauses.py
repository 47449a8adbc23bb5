"""One sentence of the account of progress read clause by clause:

- an amount of progress (完成投资90.5亿元) is the actual of the stated rate (占年计划的41.8%) or
  of the distance (超时序进度3.5个百分点) that follows it in the same sentence (`rates`);
- a target beside it in the same clause (126条…已完成120条) is its target; one stated in a clause
  of its own (年度投资计划647.4亿元) is kept for the item (`groups`);
- an amount with neither a rate nor a target is kept aside for a target of the measures part,
  and left out if none comes;
- growth rates and levels are read by `levels`, what is done without a figure by `done`, and the
  periods a sentence speaks of beside the report's (1-7月，…; （1-7月份，…）; 全年确保…) by
  `periods`.

Each indicator quotes the clauses it comes from, verbatim.
"""

from __future__ import annotations

import re
from itertools import pairwise

from planaudit.core import phrasings as say
from planaudit.draft import counts, distances, done, levels, paces, periods, rates
from planaudit.draft import quantities as q
from planaudit.draft.groups import ITEM_MARK, Target
from planaudit.draft.names import DOING, FIRST_FIGURE, clean, substantive
from planaudit.draft.state import Sentence
from planaudit.lang import Message, quote

_ITEM_BREAK = re.compile(
    rf"(?<=[）)])(?=[^、，,。；;）)]*?{say.N})|、(?=[^、，,。；;]*?{say.N}[^、，,。；;]*$)"
)
"""Where one clause holds several items (2个…已完成1个（50%）、15个…已完成8个（53%）): after a
bracketed rate, or at a 、 followed by a figure."""
_STRONG_VERB = re.compile(
    "完成|新增|新开工|开工|竣工|建成|拆除|腾退|拆迁|建设|改造|新建|筹集|治理|整治|安置|实施|发放|培训|救助"
)
"""Verbs of an amount worth keeping for a target of the measures part (not 达到, 服务…)."""
_RATE_LEAD = re.compile(r"(?:完成|为|占|超|达到|按)$")
"""完成计划…, 占计划…: the plan word of a rate, not of a target."""
_NOT_PLANNED = re.compile(r"完成|实现|达到|达|收入|支出|总值|增加值|累计|已")
_ONLY_VERB = re.compile(rf"(?:{say.PROGRESS_VERB.pattern})了?")
"""A clause that opens with its verb alone (累计解决了2585个撤并村通公路): its object follows."""
_DIGIT = re.compile(r"[0-9]")
_ENDS_ON_FIGURE = re.compile(
    rf"(?:{say.N}(?:{say.MAGNITUDE})?(?:余|多)?(?:{say.UNIT}|[%％])?|[）)])\s*$"
)
"""An item of a list ends on its figure (关闭煤矿42个、…) or its bracketed rate."""
_NOT_WORDS = re.compile(rf"{say.N}(?:{say.MAGNITUDE})?(?:{say.UNIT}|[%％])?|[^\u4e00-\u9fff]")
_PERIOD_LIST = re.compile(
    r"20[0-9]{2}年[^，,。；;0-9]{0,6}(?:[、和及与]20[0-9]{2}年[^，,。；;0-9、]{0,6})+"
)
"""2016年、2017年、2018年上半年: the years a list of figures that follows stands at."""
_OWNER = re.compile(
    r"(?:责任单位|牵头单位|责任部门|牵头部门)[：:]\s*(?P<owner>[^\s，,。；;：:]{2,30})"
)
_ASIDE = re.compile(r"[（(][^（()）]*[)）]")
_DONE_SHARE = re.compile(rf"\s*(?:已|共)?完成了?(?P<rate>{say.N})[%％](?P<more>)\s*[。；;]?\s*")
"""已筛查1.8万人，完成60%: a clause of the share done alone is the amount's rate."""
_SUBSET = re.compile(r"^\s*其中[^，,。；;0-9]{0,20}(?:项目|工程|事项|实事|企业)$")
"""其中亿元以上项目46个: how many of the items counted before are of a kind — a part of that
total, never the progress toward it."""
_PLANNED_WORK = re.compile(r"^(?:计划|年度|今年|全年)*(?:实施|安排|建设|推进)?")
"""计划实施千万元以上重点建设项目: what is planned, its plan words aside."""
_NAMES_OF_COUNT = re.compile(r"^\s*(?:分别是|分别为|分别有|包括|即)[：:]?")
"""分别是：A、B…: the items a count before names — the count is the indicator, each name no
milestone of its own."""
MAX_SUBJECT = 20
"""Characters in a subject named before a colon: more is a sentence's opening, not a name."""
MAX_CLAUSE = 300
"""Characters in a clause worth reading: a longer run without a comma is not a sentence of a
report, and the patterns would cost its length squared."""


def read(s: Sentence) -> None:
    """The sentence's indicators, into its group."""
    periods.opening(s)
    outlook = periods.outlook_start(s)
    stop = len(s.text) if outlook is None else outlook
    stop = paces.read(s, stop)
    later = periods.later_brackets(s) if "（" in s.text or "(" in s.text else []
    for clause in say.CLAUSE.finditer(s.text, 0, stop):
        text = clause.group()
        if not text.strip() or len(text) > MAX_CLAUSE:
            continue
        inside = next(((b, d) for b, d in later if b.start() <= clause.start() < b.end()), None)
        if inside is not None:
            periods.later(s, text, inside)
            continue
        cut = next((b.start() for b, _ in later if clause.start() < b.start() < clause.end()), None)
        if cut is not None:
            text = text[: cut - clause.start()]
        if "、" in text and rates.named_rates(s, text, clause.start()):
            continue  # 长治124.9%、忻州86.3%: one rate per name
        for start, end in _items(text):
            _clause(s, text[start:end], clause.start() + start, clause.start() + end)
    distances.sides(s, stop)
    if outlook is not None:
        periods.outlook(s, outlook)
    owner = _OWNER.search(s.text) if "单位" in s.text or "部门" in s.text else None
    if owner is not None and s.group.owner is None:
        s.group.owner = owner["owner"]
    done.sentence(s, stop)
    for item in s.found:
        item.at = item.at or s.group.at
        start, end = s.spans[id(item)]
        item.source = s.text[start:end].strip().rstrip("。；;！？!?、")
        item.context = s.text[clause_before(s.text, start) : end]
    s.group.items += s.found
    s.group.touched = True


def _clause(s: Sentence, text: str, start: int, end: int) -> None:
    if start and periods.within(s, text):
        return
    if start < s.counted_to:
        return  # the aside and the count done of a total read whole
    if counts.COUNTED_UNIT.search(text) and (counted := counts.counted_items(s, start)) is not None:
        s.counted_to = counted
        return
    if s.naming or (_NAMES_OF_COUNT.match(text) and counts.ends_on_count(s.previous)):
        s.naming = True  # 已完成子项目7个，分别是A已竣工，B已完成…: the count's items, not each
        return
    if s.text[end : end + 1] in ("：", ":") and _heads(s, text, start):
        return
    planned = "目标" in text or "任务" in text  # the cheap tests first: most clauses have none
    goal = levels.GOAL.match(text.strip()) if planned else None
    if goal is not None and levels.goal(s, goal, end):
        return
    if planned and levels.PLAN_OPENS.search(text):
        s.planning = True
    elif levels.PROGRESS_OPENS.match(text):
        s.planning = False
    if s.planning and levels.planned(s, text, start):
        return
    if done.clause(s, text, start, end) or done.ended(s, text, start, end):
        return
    if not _DIGIT.search(text):  # no figure: only the words a later clause may be named after
        s.total = None
        s.previous, s.previous_at = text, start
        return
    if say.SCHEDULE_POINT.search(text):
        return  # …累计完成总工程量30%的节点目标: a point of the schedule, not progress
    if "年、" in text and _PERIOD_LIST.fullmatch(text.strip()):
        s.group.periods = text
    percent = "%" in text or "％" in text
    listed = percent and ("分别" in text or "均" in text)
    if listed and rates.rate_list(s, text, start, end):
        s.previous, s.previous_at = text, start
        return
    rate = (
        (say.RATE.search(text) or say.RATE_WORD.search(text) or _DONE_SHARE.fullmatch(text))
        if percent
        else None
    )
    gap = say.GAP.search(text) if "百分点" in text else None
    growths = say.growths(text) if percent else []
    level = None if rate else say.LEVEL.search(text)
    if level is None and rate is None and s.planned and not s.planning:
        level = levels.PERCENT.search(text.strip())
    busy = [m.span() for m in (rate, gap, level, *growths) if m is not None]
    quantity = counts.actual(text, busy)
    if counts.of_a_kind(s, text, quantity, rate):
        s.previous, s.previous_at = text, start
        return
    if quantity is not None:
        _amount(s, text, start, end, quantity)
    elif rate is None and (paren := say.PAREN_RATE.search(text)) and not _inside(paren, gap):
        rates.paren(s, text, start, end, paren)
    if rate is not None:
        rates.rate(s, text, start, end, rate)
    if gap is not None:
        distances.gap(s, gap, end)
    for growth in growths:
        levels.growth(s, text, start, end, growth, quantity)
    if level is not None and not growths:
        levels.level(s, level, start, end, text)
    elif s.level is not None and (target := levels.TARGET.search(text)):
        levels.level_target(s, target, end)
    first = FIRST_FIGURE.search(text)
    stated = [m.span() for m in (rate, gap) if m is not None]
    if first is None and quantity is not None:
        first = quantity  # 完成GDP4408.1亿元: a figure after letters
    if first is not None and not any(a <= first.start() < b for a, b in stated):
        name = clean(text[: first.start()])  # not the words of a rate (为计划的52.5%)
        if substantive(name) and not name.startswith(("比", "较", "同比")):
            s.subject, s.subject_at = name, start
            s.topic = s.topic or _PLANNED_WORK.sub("", name)
            periods.inline(s, text[: first.start()])
            s.single = levels.SINGLE_PERIOD.search(text[: first.start()]) is not None
    total = counts.TOTAL.search(text.strip()) or counts.listed_total(text, s.text, end)
    s.total = say.QUANTITY.search(total["quantity"]) if total else None
    s.previous, s.previous_at = text, start


def _amount(s: Sentence, text: str, start: int, end: int, quantity: re.Match[str]) -> None:
    before = text[: quantity.start()]
    if _SUBSET.match(before) and not say.PROGRESS_VERB.search(before):
        return  # 重点建设项目71个…其中亿元以上项目46个: a part of the total, not its progress
    first = counts.target_first(text, quantity)
    target = say.TARGET.search(before + quantity.group()) if first is None else None
    done_first = target is not None and counts.DONE_FIRST.search(before, 0, target.start())
    if target is not None and _at_start(before, target) and not done_first:
        opens = not clean(before[: target.start()]) or "年" in target["word"]
        if opens or not _rate_next(s.text, end):
            s.group.targets.append(Target(quantity, text.strip(), s.line, subject=s.topic))
            return
    name = clean(before)
    borrowed = False
    if not substantive(name) or _ONLY_VERB.fullmatch(name):
        after = re.split(r"[（(，,]", text[quantity.end() :], maxsplit=1)[0]
        verb = say.PROGRESS_VERB.search(before)
        own = clean((verb.group() if verb else "") + after) if after.strip() else ""
        borrowed = not (substantive(own) and len(own) > 2)
        name = own if not borrowed else name or s.subject
    item = q.cumulative(name, quantity, s.line, s.section)
    item.borrowed = borrowed
    earlier = [
        other
        for other in say.QUANTITY.finditer(text, 0, quantity.start())
        if q.unit(other) == q.unit(quantity)
    ]
    if first is None and earlier:
        s.group.targets.append(Target(earlier[0], text.strip(), s.line, weak=True))
    paren = say.PAREN_RATE.search(text, quantity.end())
    strong = _STRONG_VERB.search(before) and not text[quantity.end() :].strip(" 余多左右以上。")
    total = s.total if q.same_unit(s.total, item.unit) and counts.done_in(text, quantity) else None
    if first is None and paren is None and total is None and not strong:
        s.amount = (quantity, item.name, start, end)
        item.source = text.strip()
        item.context = s.text[clause_before(s.text, start) : end]  # for a listed task's words
        s.pending = item
        s.group.pending.append(item)
        s.spans[id(item)] = (start, end)
        s.amounts.append(item)
        return
    last = s.cumulative
    if paren is not None and not clean(before) and not say.PROGRESS_VERB.search(before):
        item.target, item.actual = q.in_unit(quantity, item.unit), None  # 6个…施工中（90%）
        after = re.split(r"正在|已|目前|进度|（|\(", text[quantity.end() :], maxsplit=1)[0]
        item.name = clean(after) or item.name
    elif first is not None:
        between = clean(counts.PART_OF.sub("", text[first.end() : quantity.start()]))
        after = counts.DONE_AFTER.match(text, quantity.end())
        if after is not None and counts.PART_OF.search(text, 0, quantity.start()):
            between += re.sub(r"^(?:已经|均已|已)", "", after.group())  # …已有17所开工建设
        lead = text[: first.start()]
        if len(between) <= 3 or lead.rstrip().endswith("的"):  # 计划上半年建成的6个项目已完工4个
            between = clean(lead + between)
        item.name = between or item.name
        item.target = q.in_unit(first, item.unit)
    elif total is not None:
        item.target = q.in_unit(total, item.unit)
        start = s.previous_at
        whole = clean(say.QUANTITY.sub("", s.previous).strip().removesuffix("中"))
        verb = counts.DONE_VERB.search(text, quantity.end())
        if not clean(before) and verb is not None and substantive(whole):
            item.name = whole + counts.done_word(text, verb)  # 20件…中，4件已完成…
        elif len(item.name) <= 4 and substantive(whole) and whole not in item.name:
            item.name = whole + item.name
    elif len(item.name) <= 2 and not FIRST_FIGURE.search(s.previous) and s.previous:
        owner = clean(DOING.split(s.previous, maxsplit=1)[0])  # 现代产业项目加快建设，完成投资
        if substantive(owner):
            item.name, start = owner + item.name, s.previous_at
    elif len(item.name) <= 2 and last is not None and last.unit == item.unit:
        item.name = say.PROGRESS_VERB.sub("", last.name, count=1) + item.name
        item.guesses[:] = [Message.of("guess.object_before", name=quote(item.name))]
    item.plain = item.target is None
    if paren is not None:
        item.stated, item.plain = paren["rate"] + "%", False
    s.cumulative = s.add(item, start, end)
    s.amounts.append(item)


def _heads(s: Sentence, text: str, start: int) -> bool:
    """A clause before a colon that names what the clauses after it measure, its numbering and
    bracketed asides aside (1.地区生产总值（第1项）：增长6.1%，…): their subject."""
    name = clean(_ASIDE.sub("", ITEM_MARK.sub("", text)))
    if _DIGIT.search(name) or not substantive(name) or len(name) > MAX_SUBJECT:
        return False
    s.subject, s.subject_at, s.single = name, start, False
    s.previous, s.previous_at = text, start
    if not start or ITEM_MARK.match(text):
        s.group.subject = name  # the item's: 1.县医院新院区建设项目：…
    return True


def _inside(found: re.Match[str], gap: re.Match[str] | None) -> bool:
    """低于时序进度（16.67%）3.82个百分点: the pace in brackets is the distance's, no rate."""
    return gap is not None and gap.start() <= found.start() < gap.end()


def _rate_next(sentence: str, end: int) -> bool:
    """The next clause is the amount's stated rate (招募西部计划志愿者3153人，占目标任务的210.2%):
    the amount is progress, whatever plan word its name holds (not where the clause opens on its
    plan word: 年度投资计划2306.8亿元，占…的35.8%)."""
    after = say.CLAUSE.search(sentence, end + 1)
    return after is not None and say.RATE.match(after.group().strip()) is not None


def _items(clause: str) -> list[tuple[int, int]]:
    """The spans of the items of a clause: several only where each part has words and a figure
    of its own (关闭煤矿42个、退出产能347万吨), never the figures of one list (增长7.8%、9.2%)."""
    if "、" not in clause and "）" not in clause and ")" not in clause:
        return [(0, len(clause))]
    cuts = [0]
    gaps = [m.span() for m in say.GAP.finditer(clause)] if "百分点" in clause else []
    for cut in _ITEM_BREAK.finditer(clause):
        before = clause[: cut.start()]
        if before.count("（") + before.count("(") > before.count("）") + before.count(")"):
            continue  # inside brackets: （泰安下降6.9%、淄博下降11.2%） is one aside
        if any(a < cut.start() < b for a, b in gaps):
            continue  # 欠…目标任务（23.9亿元）8.9个百分点: one distance
        piece = clause[cuts[-1] : cut.start()]
        rest = clause[cut.end() :].lstrip("、")
        ends = _ENDS_ON_FIGURE.search(piece) is not None  # 33所新建、改扩建…: one item's words
        if ends and _worded(piece) and _worded(rest.split("、")[0]):
            cuts.append(cut.end())
    cuts.append(len(clause))
    return [(a, b) for a, b in pairwise(cuts) if a < b]


def _worded(piece: str) -> bool:
    """A piece with a figure (not a name's, PM2.5) and words of its own."""
    words = _NOT_WORDS.sub("", piece)
    return FIRST_FIGURE.search(piece) is not None and len(words) >= 2


def clause_before(sentence: str, start: int) -> int:
    """Where the clause before the one at `start` begins (looking back at most a clause's
    length, so that a sentence of many clauses costs its length, not its length squared)."""
    before = max(0, start - 1)
    window = max(0, before - MAX_CLAUSE)
    found = max(sentence.rfind(",", window, before), sentence.rfind("，", window, before))
    return found + 1 if found >= 0 else window


def _at_start(before: str, target: re.Match[str]) -> bool:
    """A target statement: its plan word opens the clause (年度投资计划647.4亿元) or names its
    year (项目年度计划投资130亿元), or nothing done stands between it and its figure
    (重点民生实事计划总投资277亿元); 公共财政预算收入完成1.5亿元 is not one."""
    if not clean(before[: target.start()]) or "年" in target["word"]:
        return True
    if target["word"] == "计划" and not _RATE_LEAD.search(before, 0, target.start()):
        return True  # …项目计划累计完成铸铁管网改造7公里，实际完成22.12公里
    return _NOT_PLANNED.search(target["verb"]) is None and "预算" not in target["word"]

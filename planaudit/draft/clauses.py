"""One sentence of the account of progress read clause by clause:

- an amount of progress (完成投资90.5亿元) is the actual of the stated rate (占年计划的41.8%) or
  of the distance (超时序进度3.5个百分点) that follows it in the same sentence (`rates`);
- a target beside it in the same clause (126条…已完成120条) is its target; one stated in a clause
  of its own (年度投资计划647.4亿元) is kept for the item (`groups`);
- an amount with neither a rate nor a target is kept aside for a target of the measures part,
  and left out if none comes;
- growth rates and levels are read by `levels`;
- a sentence reporting the year's task done (…，超额完成年度目标任务) is a milestone done.

Each indicator quotes the clauses it comes from, verbatim.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from planaudit import phrasings as say
from planaudit.draft import levels, rates
from planaudit.draft import quantities as q
from planaudit.draft.dates import part_end
from planaudit.draft.groups import Target
from planaudit.draft.model import Drafted
from planaudit.draft.names import DOING, FIRST_FIGURE, clean, substantive
from planaudit.draft.state import Sentence

_ITEM_BREAK = re.compile(
    rf"(?<=[）)])(?=[^、，,。；;）)]*?{say.N})|、(?=[^、，,。；;]*?{say.N}[^、，,。；;]*$)"
)
"""Where one clause holds several items (2个…已完成1个（50%）、15个…已完成8个（53%）): after a
bracketed rate, or at a 、 followed by a figure."""
ITEM_DONE = re.compile(
    r"已(?:全部|全面|提前|基本|如期)?(?:完成|完工|建成|竣工|投用|投入使用|办结|开通|通车)"
    r"|(?:提前|超额|全面)完成(?:了)?(?:全年|年度|总)?(?:目标)?任务"
    r"|已于(?P<year>20[0-9]{2})年(?P<month>1[0-2]|[1-9])月(?P<day>[1-3]?[0-9])日"
    r"[^，,。；;]{0,12}?(?:完成|建成|竣工|投用|开通|通车|运营|启用|开工)"
    r"|已(?:全面)?实现[^，,。；;]{0,30}?的?(?:年度|全年)目标"
)
"""An item reported done: 已全部完工, 已提前完成总目标任务, 已于2014年5月30日通车试运营."""
_ALL_DONE = re.compile(
    rf"^\s*(?P<count>{say.N}(?:{say.MAGNITUDE})?(?:{say.COUNT_UNITS}))(?P<what>[^，,。；;0-9]{{2,30}}?)"
    r"(?:已经?|均已|已经全部)(?:全部|全面|如期|提前|按期)(?P<verb>完成|完工|建成|竣工|复工|开工|投用|投产|"
    r"交付|到位|办结|通车|开通)\s*$"
)
"""146个续建项目已全面复工: every one of a count done, a milestone."""
_TASK_DONE = re.compile(
    r"(?:超额|提前|全面|已经?)完成(?:了)?(?:全年|年度|今年)(?:目标)?任务"
    r"|完成(?:了)?(?:国家|省|市|州|县|区|自治区|上级|兵团)下达(?:的)?(?:年度|全年)?(?:目标)?任务"
)
"""A sentence that reports its task done: …，超额完成年度目标任务; 主要污染物减排指标完成自治区下达
任务."""
_HELD = re.compile(
    rf"(?P<name>[^，,。；;：:0-9]{{2,30}}?)(?:稳定在|保持在|控制在|维持在)(?P<num>{say.N})"
    rf"(?:[%％]|{say.UNIT})?(?P<bound>以上|以内|以下)"
)
"""森林覆盖率稳定在33%以上: a level said to hold within its bound, a milestone done — unless the
sentence states it as a target (全年目标是新农合参合率稳定在95%以上)."""
_LATER = re.compile(r"[（(](?P<period>[^（()），,]{2,12})[，,](?P<body>[^（()）]{1,200})[）)]")
"""（1-7月份，限额以上固定资产投资完成11.9亿元，同比增长75.2%）: the same figures a month later."""
_STRONG_VERB = re.compile(
    "完成|新增|新开工|开工|竣工|建成|拆除|腾退|拆迁|建设|改造|新建|筹集|治理|整治|安置|实施|发放|培训|救助"
)
"""Verbs of an amount worth keeping for a target of the measures part (not 达到, 服务…)."""
_DONE_FIRST = re.compile(
    r"(?:已|累计|共)(?:完成|建成|开复工|复工|开工|竣工|实施|改造|发放|送|办结|投用|安装|新建|新增|解决"
    r"|帮扶|救助)"
)
_DONE_AFTER = re.compile(rf"[^，,。；;0-9]{{0,12}}?(?:已|均已|已经)(?:{say.PROGRESS_VERB.pattern})")
"""…中23个项目已开工建设: the count before it is done."""
_DONE_JUST_BEFORE = re.compile(r"(?:完成|建成|开工|竣工|投产|解决|安置|改造|新建|办结)了?$")
"""104个项目完成85个: the count done follows its verb directly."""
_TOTAL = re.compile(rf"(?P<quantity>{say.N}(?:{say.MAGNITUDE})?(?:{say.UNIT}))中$")
"""其余27项中: the total a count that follows is a part of."""
_NOT_PLANNED = re.compile(r"完成|实现|达到|达|收入|支出|总值|增加值|累计|已")
_ONLY_VERB = re.compile(rf"(?:{say.PROGRESS_VERB.pattern})了?")
"""A clause that opens with its verb alone (累计解决了2585个撤并村通公路): its object follows."""
_SINGLE_OPEN = re.compile(r"^\s*(?:(?:1[0-2]|[1-9])月份?(?:当月|单月)?|当月|本月|单月)[，,]")
"""A sentence about one month (10月份，…当月完成12.73亿元，增长3.8%，其中…增长7.8%)."""
_NOT_A_SUBJECT = re.compile(rf"{say.N}|项目$|工程$|任务$|^(?:其中|目前|全部|均|都|上半年)")
"""What a sentence reported done names when it is not the item itself (上半年已全部完工,
全市7.4万口山坪塘整治工作已提前完成…): the item's title names it."""
_DIGIT = re.compile(r"[0-9]")
_ALL_OF_THEM = re.compile(
    r"^\s*(?:已经?|均已)(?:全部|全面)(?:完成|建成|开工|竣工|投产|复工|完工|实现)\s*$"
)
"""…项目12个，已全部开工: every one of the count before done."""
_YEAR_WORDS = re.compile(r"(?:本|今)?年度?|全年|计划|目标|任务")
_NOT_WORDS = re.compile(rf"{say.N}(?:{say.MAGNITUDE})?(?:{say.UNIT}|[%％])?|[^\u4e00-\u9fff]")
_PLAN_WORDS = re.compile(r"目标|任务|计划")
_COUNT_OF_TASKS = re.compile(
    rf"{say.N}(?:个|项|件)(?:事项|项目|实事|任务|指标)?(?:已|均已|已经)?[^0-9]{{0,4}}$"
)
"""其中24个事项已…: how many tasks are done, not one."""
_PERIOD_LIST = re.compile(
    r"20[0-9]{2}年[^，,。；;0-9]{0,6}(?:[、和及与]20[0-9]{2}年[^，,。；;0-9、]{0,6})+"
)
"""2016年、2017年、2018年上半年: the years a list of figures that follows stands at."""
_OPENING_PERIOD = re.compile(
    r"^\s*(?:今年|本年)?(?P<period>(?:1|一)\s*[-—–~～至到]\s*(?:1[0-2]|[1-9])\s*月份?|前三季度|上半年"
    r"|(?:第)?一季度|截至(?:20[0-9]{2}年)?(?:1[0-2]|[1-9])月(?:[1-3]?[0-9]日|底|末)?)[，,]"
)
"""1-7月，… / 截至11月20日，…: the period the paragraph's figures stand at from here on."""
_FORECAST = re.compile(
    r"(?:^|(?<=[，,；;]))[ \t\u3000]*(?:全年|年底前?|年末|到年底|今年)?"
    r"(?:预计全年|确保|力争|争取|有望)"
)
"""Where a sentence turns to the year's outlook (全年确保实现生产总值176亿元，增长9.3%): its
figures are forecasts, not progress."""
_OUTLOOK_WORDS = re.compile(
    r"全年|年底前?|年末|到年底|今年|预计|确保|力争|争取|有望|实现|完成|达到"
)
_OWNER = re.compile(
    r"(?:责任单位|牵头单位|责任部门|牵头部门)[：:]\s*(?P<owner>[^\s，,。；;：:]{2,30})"
)
MAX_CLAUSE = 300
"""Characters in a clause worth reading: a longer run without a comma is not a sentence of a
report, and the patterns would cost its length squared."""


def read(s: Sentence) -> None:
    """The sentence's indicators, into its group."""
    s.one_month = _SINGLE_OPEN.match(s.text) is not None
    opening = _OPENING_PERIOD.match(s.text)
    if opening is not None:
        s.group.at = part_end(opening["period"].removesuffix("份"), s.group.year)
    outlook = _FORECAST.search(s.text)
    stop = outlook.start() if outlook else len(s.text)
    later = _later_brackets(s) if "（" in s.text or "(" in s.text else []
    for clause in say.CLAUSE.finditer(s.text, 0, stop):
        text = clause.group()
        if not text.strip() or len(text) > MAX_CLAUSE:
            continue
        inside = next(((b, d) for b, d in later if b.start() <= clause.start() < b.end()), None)
        if inside is not None:
            _later(s, text, inside)
            continue
        cut = next((b.start() for b, _ in later if clause.start() < b.start() < clause.end()), None)
        if cut is not None:
            text = text[: cut - clause.start()]
        for start, end in _items(text):
            _clause(s, text[start:end], clause.start() + start, clause.start() + end)
    rates.sides(s, stop)
    if outlook is not None:
        _outlook(s, outlook.start())
    owner = _OWNER.search(s.text) if "单位" in s.text or "部门" in s.text else None
    if owner is not None and s.group.owner is None:
        s.group.owner = owner["owner"]
    done = ITEM_DONE.search(s.text, 0, stop) if "已" in s.text or "完成" in s.text else None
    if done is not None and not any(i.judged for i in s.found):
        subject = clean(s.text[: done.start()])
        if substantive(subject) and not _NOT_A_SUBJECT.search(subject):
            item = Drafted(subject, s.line, "", s.section, kind="milestone", done=True)
            item.guesses.append("done: the report says it is done")
            s.add(item, len(s.text) - len(s.text.lstrip()), done.end())
        elif s.group.done is None:
            s.group.done, s.group.done_quote = done, s.text.strip().rstrip("。；;")
    task_done = _TASK_DONE.search(s.text, 0, stop) if "任务" in s.text else None
    if task_done and not s.group.title and not any(i.judged for i in s.found):
        _task_done(s, task_done)
    for item in s.found:
        item.at = s.group.at
        start, end = s.spans[id(item)]
        item.source = s.text[start:end].strip().rstrip("。；;！？!?、")
        item.context = s.text[clause_before(s.text, start) : end]
    s.group.items += s.found
    s.group.touched = True


def _later_brackets(s: Sentence) -> list[tuple[re.Match[str], date]]:
    """The brackets of the sentence that give its figures at a later date (（1-7月份，…）)."""
    found = []
    for bracket in _LATER.finditer(s.text):
        when = part_end(bracket["period"].removesuffix("份"), s.group.year)
        if when is not None:
            found.append((bracket, when))
    return found


def _later(s: Sentence, text: str, bracket: tuple[re.Match[str], date]) -> None:
    """A growth inside a later bracket is the figure, at that date, of the growth before it."""
    growths = say.growths(text)
    item = s.level
    if len(growths) != 1 or item is None or item.actual is None or growths[0]["more"]:
        return
    growth = growths[0]
    sign = say.growth_sign(growth["way"] or growth["word"] or "")
    figure = levels.signed(sign, growth["num"] or growth["num2"])
    item.updates = {**(item.updates or {}), bracket[1]: figure}
    s.extend(item, bracket[0].end())


def _outlook(s: Sentence, start: int) -> None:
    """全年确保实现生产总值176亿元，增长9.3%，完成全年目标任务的100%: a forecast that is 100 % of
    the year's target states the target of the amount of that name."""
    text = s.text[start:]
    rate = say.RATE.search(text)
    if rate is None or float(rate["rate"]) != 100 or rate["more"]:
        return
    quantity = say.QUANTITY.search(text, 0, rate.start())
    if quantity is None:
        return
    name = clean(_OUTLOOK_WORDS.sub("", text[: quantity.start()]))
    if substantive(name):
        quote = text[: rate.end()].strip("，,；; ")
        s.group.targets.append(Target(quantity, quote, s.line, name=name))


def _task_done(s: Sentence, done: re.Match[str]) -> None:
    """关闭煤矿42个、退出产能347万吨，超额完成年度目标任务: a task reported done — not a count of
    tasks done (其中24个事项已提前完成全年任务)."""
    before = s.text[: done.start()]
    own = re.split(r"[，,；;]", before)[-1]
    if _COUNT_OF_TASKS.search(own):
        return
    figures = rf"{say.N}(?:{say.MAGNITUDE})?(?:余|多)?(?:{say.UNIT}|[%％])?"
    clauses = [c for c in re.split(r"[，,]", before) if c.strip()]
    counted = clauses[-1:] if clauses and re.search(figures, clauses[-1]) else clauses
    pieces = (clean(re.sub(figures, "", clean(p))) for c in counted for p in c.split("、"))
    what = [piece for piece in pieces if substantive(piece)]
    if not what:
        return
    item = Drafted("、".join(what), s.line, "", s.section, kind="milestone")
    item.done = True
    item.guesses.append("done: the report says the year's task is done")
    item.guesses.append("name: made from what the sentence reports; give the task's name")
    s.add(item, 0, done.end())
    s.found = [i for i in s.found if not i.plain]


def _clause(s: Sentence, text: str, start: int, end: int) -> None:
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
    all_of = _ALL_OF_THEM.match(text) if "全" in text else None
    if all_of is not None and (task := say.TARGET.search(s.previous)):
        name = clean(_YEAR_WORDS.sub("", s.previous[: task.start("quantity")]))
        if substantive(name):  # 本年度计划新开工项目12个，已全部开工
            item = Drafted(name, s.line, "", s.section, kind="milestone", done=True)
            item.guesses.append(f"done: all {task['quantity']} are said to be done")
            s.add(item, s.previous_at, end)
            return
    if not _DIGIT.search(text):  # no figure: only the words a later clause may be named after
        s.total = None
        s.previous, s.previous_at = text, start
        return
    if "年、" in text and _PERIOD_LIST.fullmatch(text.strip()):
        s.group.periods = text
    percent = "%" in text or "％" in text
    listed = percent and ("分别" in text or "均" in text)
    if listed and rates.rate_list(s, text, start, end):
        s.previous, s.previous_at = text, start
        return
    rate = (say.RATE.search(text) or say.RATE_WORD.search(text)) if percent else None
    gap = say.GAP.search(text) if "百分点" in text else None
    growths = say.growths(text) if percent else []
    level = None if rate else say.LEVEL.search(text)
    if level is None and rate is None and s.planned and not s.planning:
        level = levels.PERCENT.search(text.strip())
    busy = [m.span() for m in (rate, gap, level, *growths) if m is not None]
    quantity = _actual(text, busy)
    all_done = _ALL_DONE.match(text) if "已" in text else None
    held = _HELD.fullmatch(text.strip()) if "在" in text else None
    if held is not None and not _PLAN_WORDS.search(s.text, 0, start + held.start("num")):
        item = Drafted(text.strip(), s.line, "", s.section, kind="milestone", done=True)
        item.guesses.append("done: the report says the level holds within its bound")
        s.add(item, start, end)
        return
    if all_done is not None:
        item = Drafted(clean(all_done["what"]) + all_done["verb"], s.line, "", s.section)
        item.kind, item.done = "milestone", True
        item.guesses.append(f"done: all {all_done['count']} are said to be done")
        s.add(item, start, end)
    elif quantity is not None:
        _amount(s, text, start, end, quantity)
    elif rate is None and (paren := say.PAREN_RATE.search(text)):
        rates.paren(s, text, start, end, paren)
    if rate is not None:
        rates.rate(s, text, start, end, rate)
    if gap is not None:
        rates.gap(s, gap, end)
    for growth in growths:
        levels.growth(s, text, start, end, growth, quantity)
    if level is not None and not growths:
        levels.level(s, level, start, end, text)
    elif s.level is not None and (target := levels.TARGET.search(text)):
        levels.level_target(s, target, end)
    first = FIRST_FIGURE.search(text)
    if first is not None:
        name = clean(text[: first.start()])
        if substantive(name) and not name.startswith(("比", "较", "同比")):
            s.subject, s.subject_at = name, start
            s.single = levels.SINGLE_PERIOD.search(text[: first.start()]) is not None
    total = _TOTAL.search(text.strip())
    s.total = say.QUANTITY.search(total["quantity"]) if total else None
    s.previous, s.previous_at = text, start


def _amount(s: Sentence, text: str, start: int, end: int, quantity: re.Match[str]) -> None:
    before = text[: quantity.start()]
    target = say.TARGET.search(before + quantity.group())
    if target is not None and _at_start(before, target) and not _DONE_FIRST.search(before):
        s.group.targets.append(Target(quantity, text.strip(), s.line))
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
    first = _target_first(text, quantity)
    earlier = [
        other
        for other in say.QUANTITY.finditer(text, 0, quantity.start())
        if q.unit(other) == q.unit(quantity)
    ]
    if first is None and earlier:
        s.group.targets.append(Target(earlier[0], text.strip(), s.line, weak=True))
    paren = say.PAREN_RATE.search(text, quantity.end())
    strong = _STRONG_VERB.search(before) and not text[quantity.end() :].strip(" 余多左右以上。")
    total = s.total if q.same_unit(s.total, item.unit) else None
    if first is None and paren is None and total is None and not strong:
        s.amount = (quantity, item.name, start, end)
        item.source = text.strip()
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
        between = clean(text[first.end() : quantity.start()].removesuffix("中"))
        if len(between) <= 3:  # 四批中央新增投资104个项目完成85个
            between = clean(text[: first.start()] + between)
        item.name = between or item.name
        item.target = q.in_unit(first, item.unit)
    elif total is not None:
        item.target = q.in_unit(total, item.unit)
        start = s.previous_at
    elif len(item.name) <= 2 and not FIRST_FIGURE.search(s.previous) and s.previous:
        owner = clean(DOING.split(s.previous, maxsplit=1)[0])  # 现代产业项目加快建设，完成投资
        if substantive(owner):
            item.name, start = owner + item.name, s.previous_at
    elif len(item.name) <= 2 and last is not None and last.unit == item.unit:
        item.name = say.PROGRESS_VERB.sub("", last.name, count=1) + item.name
        item.guesses[:] = [f"name: {item.name!r} takes its object from the clause before"]
    item.plain = item.target is None
    if paren is not None:
        item.stated, item.plain = paren["rate"] + "%", False
    s.cumulative = s.add(item, start, end)
    s.amounts.append(item)


def _items(clause: str) -> list[tuple[int, int]]:
    """The spans of the items of a clause: several only where each part has words and a figure
    of its own (关闭煤矿42个、退出产能347万吨), never the figures of one list (增长7.8%、9.2%)."""
    if "、" not in clause and "）" not in clause and ")" not in clause:
        return [(0, len(clause))]
    cuts = [0]
    for cut in _ITEM_BREAK.finditer(clause):
        before = clause[: cut.start()]
        if before.count("（") + before.count("(") > before.count("）") + before.count(")"):
            continue  # inside brackets: （泰安下降6.9%、淄博下降11.2%） is one aside
        piece = clause[cuts[-1] : cut.start()]
        rest = clause[cut.end() :].lstrip("、")
        if _worded(piece) and _worded(rest.split("、")[0]):
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
    return _NOT_PLANNED.search(target["verb"]) is None and "预算" not in target["word"]


def _actual(text: str, busy: list[tuple[int, int]]) -> re.Match[str] | None:
    """The clause's amount of progress: the first quantity a progress verb leads to (120条 in
    126条…已完成120条), else its first quantity; none inside a rate, growth or level."""
    free = [
        found
        for found in say.QUANTITY.finditer(text)
        if not any(a <= found.start() < b for a, b in busy)
    ]
    for first, second in pairwise(free):
        between = text[first.end() : second.start()]
        if q.unit(first) == q.unit(second) and _DONE_JUST_BEFORE.search(between):
            return second  # 104个项目完成85个: the count after the verb is the one done
    since = 0
    for quantity in free:
        if say.PROGRESS_VERB.search(text, since, quantity.start()):
            return quantity
        if (
            since
            and text[: quantity.start()].endswith("中")
            and _DONE_AFTER.match(text, quantity.end())
        ):
            return quantity  # 32个…实事项目中23个项目已开工建设
        since = quantity.end()
    if not free:
        return None
    first = free[0]
    opens = not clean(text[: first.start()])
    if opens and say.PROGRESS_VERB.search(text, first.end()) and not say.PAREN_RATE.search(text):
        return None  # 4个省级重点项目完成投资…: the count of what the clause is about
    return first


def _target_first(text: str, actual: re.Match[str]) -> re.Match[str] | None:
    """126条农村黑臭水体治理已完成120条: a count of the same unit before the actual, joined to it
    by 已完成 (or 已建成, 已开工…), is the target."""
    for first in say.QUANTITY.finditer(text, 0, actual.start()):
        between = text[first.end() : actual.start()]
        joined = (
            _DONE_FIRST.search(between)
            or _DONE_JUST_BEFORE.search(between)
            or (between.endswith("中") and _DONE_AFTER.match(text, actual.end()))
        )
        if q.unit(first) == q.unit(actual) and joined and q.value(first) >= q.value(actual):
            return first
    return None

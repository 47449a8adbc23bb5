"""The account of progress read sentence by sentence, clause by clause, with the phrasings of
`planaudit.phrasings`:

- an amount of progress (完成投资90.5亿元) is the actual of the stated rate (占年计划的41.8%) or
  of the distance (超时序进度3.5个百分点) that follows it in the same sentence;
- a target beside it — in the same clause (126条…已完成120条), stated in its item's title
  (2606个撤并村通公路（2013—2017年）。…累计解决了2585个…) or in a sentence of its own (年度投资计划
  647.4亿元) — goes to the amount of the same unit whose stated rate it agrees with, else to
  the only amount of that unit;
- an amount with neither a rate nor a target is kept aside for a target of the measures part,
  and left out if none comes;
- a stated rate with no amount before it is an indicator of its own, named after its clause;
- a growth rate is a level indicator named after what it measures (地区生产总值增长), never a
  bare 增长; a list (分别增长34%和10.5%) gives one per figure, a list of periods (一季度和上半年分别
  增长9.3%、9.2%) one indicator with dated figures;
- a level (城镇登记失业率为0.84%) is a level indicator, its target where the sentence states one;
- an item (a numbered task, 民生实事) reported done (已全部完工, 已提前完成) is a milestone done.

Each indicator quotes the clauses it comes from, verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from planaudit import phrasings as say
from planaudit.draft.dates import part_end
from planaudit.draft.model import Drafted
from planaudit.draft.names import clean, substantive

_HEADING = re.compile(
    r"^[ \t\u3000]*(?P<mark>[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．])"
    r"[ \t\u3000]*(?P<title>[^。；;！？\n]{1,40}?)[ \t\u3000]*(?:[。；;！？]|$)"
)
_WHOLE_ACCOUNT = re.compile(r"执行情况|完成情况|进展情况|运行情况|基本情况|总体情况|实施情况")
_SENTENCE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
_ITEM_BREAK = re.compile(
    rf"(?<=[）)])(?=[^、，,。；;）)]*?{say.N})|、(?=[^、，,。；;]*?{say.N}[^、，,。；;]*$)"
)
"""Where one clause holds several items (2个…已完成1个（50%）、15个…已完成8个（53%）): after a
bracketed rate, or at a 、 followed by a figure."""
_LIST = re.compile(r"、|以及|及|和|与")
_ITEM_MARK = re.compile(r"^[ \t\u3000]*(?:[0-9]{1,3}[.．、](?![0-9])|[（(][0-9]{1,3}[)）])")
_PERIOD = re.compile(r"[（(](?P<start>20[0-9]{2})\s*[-—–~～至到]\s*(?P<end>20[0-9]{2})年[)）]")
_NOT_TITLE = re.compile(r"已|累计|上半年|以来|截至|同比|增长|下降|完成了|实现了|占|[0-9]月")
_ITEM_DONE = re.compile(
    r"已(?:全部|全面|提前|基本|如期)?(?:完成|完工|建成|竣工|投用|投入使用|办结|开通|通车)"
    r"|(?:提前|超额|全面)完成(?:了)?(?:全年|年度|总)?(?:目标)?任务"
    r"|已于(?P<year>20[0-9]{2})年(?P<month>1[0-2]|[1-9])月(?P<day>[1-3]?[0-9])日"
    r"[^，,。；;]{0,12}?(?:完成|建成|竣工|投用|开通|通车|运营|启用|开工)"
)
_PERIOD_WORD = r"(?:第)?一季度|上半年|前三季度|1\s*[-—–~～至到]\s*(?:1[0-2]|[2-9])\s*月份?"
_PERIODS = re.compile(
    rf"^(?P<periods>(?:{_PERIOD_WORD})(?:[和、及与](?:{_PERIOD_WORD}))+)(?P<rest>.*)$"
)
"""一季度和上半年全省地区生产总值: the periods of a list of figures, before what they measure."""
_TASK_DONE = re.compile(r"(?:超额|提前|全面|已经?)完成(?:了)?(?:全年|年度|今年)(?:目标)?任务")
"""A sentence that reports its task done: …，超额完成年度目标任务."""
_LEVEL_TARGET = re.compile(
    rf"(?P<pre>低于|高于|控制在|不超过|不高于|好于|优于)(?P<num>{say.N}[%％]?)"
    r"(?P<post>左右|以内|以下|以上)?"
    r"的?(?:年度|全年|年初|预期|调控|计划)?(?:预期)?目标"
)
"""A level's target in the sentence: 低于5.5%左右的预期目标."""
_FIRST_FIGURE = re.compile(rf"(?<![A-Za-z0-9.\-—–~～]){say.N}(?![0-9]*\s*[-—–~～至到月年日季号])")
"""The first figure of a clause, not a date (1-6月, 2018年) nor a part of a name (PM2.5)."""
_STRONG_VERB = re.compile(
    "完成|新增|新开工|开工|竣工|建成|拆除|腾退|拆迁|建设|改造|新建|筹集|治理|整治|安置|实施|发放|培训|救助"
)
"""Verbs of an amount worth keeping for a target of the measures part (not 达到, 服务…)."""
_DONE_FIRST = re.compile(
    r"(?:已|累计|共)(?:完成|建成|开工|竣工|实施|改造|发放|送|办结|投用|安装|新建|新增|解决|帮扶|救助)"
)
_TOTAL = re.compile(rf"(?P<quantity>{say.N}(?:{say.MAGNITUDE})?(?:{say.UNIT}))中$")
"""其余27项中: the total a count that follows is a part of."""
_SINGLE_PERIOD = re.compile(
    r"当月|单月|(?<![-—–~～至到0-9])(?:1[0-2]|[2-9])月份?(?!底|末|份?累计)|(?<!前)第?[二三四]季度(?!末)"
)
_NOT_PLANNED = re.compile(r"完成|实现|达到|达|收入|支出|总值|增加值|累计|已")
_ONLY_VERB = re.compile(rf"(?:{say.PROGRESS_VERB.pattern})了?")
"""A clause that opens with its verb alone (累计解决了2585个撤并村通公路): its object follows."""
_SINGLE_OPEN = re.compile(r"^\s*(?:(?:1[0-2]|[1-9])月份?|当月|本月|单月)[，,]")
"""A sentence about one month (10月份，…当月完成12.73亿元，增长3.8%，其中…增长7.8%)."""
_DOING = re.compile(r"加快|加速|有序|稳步|顺利|扎实|全面|持续|积极|进展|推进|建设|实施|开展")
"""How a clause says a thing is going (现代产业项目加快建设): what comes before is its name."""
_OWNER = re.compile(
    r"(?:责任单位|牵头单位|责任部门|牵头部门)[：:]\s*(?P<owner>[^\s，,。；;：:]{2,30})"
)
_SPLIT_WORDS = re.compile(r"[0-9一二三四五六七八九十]+(?:个|项|类)(?:行业|产业|指标|项目|门类)?.*$")
MAX_GROUP = 40
"""Sentences of one item at most: a longer paragraph is read 40 sentences at a time, so that
matching its targets to its amounts costs its length, not its length squared."""
MAX_CLAUSE = 300
"""Characters in a clause worth reading: a longer run without a comma is not a sentence of a
report, and the patterns would cost its length squared."""

Lines = Callable[[int], int]


def read(account: str, line: Lines, skip: set[int], year: int) -> list[Drafted]:
    """The indicators of the account's sentences; `skip` holds the lines read as tables."""
    found: list[Drafted] = []
    section: str | None = None
    headed = False  # a section heading seen: growth rates before it are the main indicators
    offset = 0
    for number, raw_line in enumerate(account.splitlines(keepends=True), start=1):
        start = 0
        if number not in skip:
            heading = _HEADING.match(raw_line)
            if heading:
                title = heading["title"].replace("“", "").replace("”", "")
                if not _WHOLE_ACCOUNT.search(title):
                    section, headed = title, True
                start = heading.end()
            where = section
            growth_section = section or (None if headed else "主要经济指标")
            group = _Group(year)
            first = True
            for sentence in _SENTENCE.finditer(raw_line, start):
                text = sentence.group()
                numbered = _ITEM_MARK.match(text) is not None
                if (numbered and group.touched) or group.sentences >= MAX_GROUP:
                    found += group.close()
                    group = _Group(year)
                group.sentences += 1
                at = line(offset + sentence.start())
                if (numbered or first) and group.title_of(text, at):
                    first = False
                    continue
                first = False
                _Sentence(text, at, where, group, growth_section).read()
            found += group.close()
        offset += len(raw_line)
    return found


@dataclass
class _Target:
    """A target stated apart from its amount: in an item's title, a sentence of its own or a
    total (其余27项中)."""

    quantity: re.Match[str]
    quote: str
    line: int
    weak: bool = False
    """A count before the amount with nothing saying it is the target (63个新开工重点项目共有47个
    项目实现开工): taken only where the stated rate agrees with it."""


@dataclass
class _Group:
    """The sentences of one item (a numbered task, or a paragraph): the targets they state and
    the indicators they give, matched when the item ends."""

    year: int
    targets: list[_Target] = field(default_factory=list)
    items: list[Drafted] = field(default_factory=list)
    title: str = ""
    title_line: int = 0
    period: tuple[date, date] | None = None
    done: re.Match[str] | None = None
    done_quote: str = ""
    touched: bool = False
    owner: str | None = None
    """责任单位：市公安局 — the unit an item names as responsible."""
    sentences: int = 0

    def title_of(self, sentence: str, line: int) -> bool:
        """Whether `sentence` is the item's title — a task (2606个撤并村通公路（2013—2017年）,
        2.新增安装300套路口交通信息视频采集设备) rather than progress — keeping its target."""
        text = sentence.strip().rstrip("。；;")
        body = _ITEM_MARK.sub("", text)
        if not body or len(body) > 80 or _NOT_TITLE.search(_PERIOD.sub("", body)):
            return False
        numbered = body != text
        period = _PERIOD.search(body)
        quantities = list(say.QUANTITY.finditer(body))
        starts_with_count = bool(quantities) and quantities[0].start() == 0
        if not (numbered or period or starts_with_count):
            return False
        self.touched = True
        self.title, self.title_line = text, line
        if period:
            start, end = int(period["start"]), int(period["end"])
            if start < end <= start + 10:
                self.period = (date(start, 1, 1), date(end, 12, 31))
        if len(quantities) == 1:
            self.targets.append(_Target(quantities[0], text, line))
        return True

    def close(self) -> list[Drafted]:
        """The item's indicators, its targets given to the amounts they belong to."""
        for target in self.targets:
            item = _owner_of(target, self.items)
            if item is None:
                continue
            item.target = _in_unit(target.quantity, item.unit)
            item.unit = item.unit or _written_unit(target.quantity)
            if item.borrowed or not item.name or item.actual is None:
                item.name = _task_name(target.quote) or item.name
                item.guesses[:] = [f"name: {item.name!r} from the task it counts toward"]
            item.plain = False
            if target.quote not in item.source:
                item.source = f"{target.quote}…{item.source}"
            if target.line != item.line:
                item.guesses.append(f"target: from line {target.line}: {target.quote}")
        judged = [item for item in self.items if item.judged or item.plain]
        if self.title and self.done and not any(i.judged for i in self.items):
            judged = [i for i in judged if not i.plain] + [self._milestone()]
        for item in judged:
            item.period = item.period or self.period
            item.owner = item.owner or self.owner
        return judged

    def _milestone(self) -> Drafted:
        assert self.done is not None
        name = _PERIOD.sub("", _ITEM_MARK.sub("", self.title)).strip()
        quote = self.title if self.done_quote == self.title else f"{self.title}…{self.done_quote}"
        item = Drafted(name, self.title_line, quote, kind="milestone")
        item.done = True
        if self.done["year"]:
            try:
                item.done_on = date(
                    int(self.done["year"]), int(self.done["month"]), int(self.done["day"])
                )
            except ValueError:
                item.done_on = None
        item.guesses.append("done: the report says it is done")
        return item


def _owner_of(target: _Target, items: list[Drafted]) -> Drafted | None:
    """The amount a target belongs to: of its unit, without a target; first the one whose
    stated rate the target agrees with, else the only one."""
    same = [
        item
        for item in items
        if item.kind == "cumulative"
        and item.target is None
        and (_same_unit(target.quantity, item.unit) or (item.unit is None and item.actual is None))
    ]
    agreeing = [item for item in same if _agrees(item, target.quantity)]
    if agreeing or target.weak:
        return agreeing[0] if agreeing else None
    if len(same) == 1 and (same[0].stated is None or same[0].actual is None):
        only = same[0]
        if only.borrowed or only.actual is None or _shared(target.quote, only.name) >= 2:
            return only
    return None


def _task_name(task: str) -> str:
    """What a task delivers, its count and period taken out: 3000公里农村公路危险路段安装安全
    保障设施（2015—2017年） → 农村公路危险路段安装安全保障设施."""
    text = _PERIOD.sub("", _ITEM_MARK.sub("", task))
    text = re.sub(rf"{say.N}(?:{say.MAGNITUDE})?(?:余|多)?(?:{say.UNIT})", "", text)
    return clean(text)


def _shared(one: str, other: str) -> int:
    """Pairs of neighbouring characters two texts share."""
    pairs = {one[i : i + 2] for i in range(len(one) - 1)}
    return len(pairs & {other[i : i + 2] for i in range(len(other) - 1)})


def _agrees(item: Drafted, target: re.Match[str]) -> bool:
    if item.stated is None or item.actual is None:
        return False
    try:
        done = float(_number(item.actual))
        stated = float(item.stated.rstrip("%"))
        wanted = float(_number(_in_unit(target, item.unit)))
    except ValueError:
        return False
    return wanted > 0 and abs(done / wanted * 100 - stated) <= 0.6


def _number(text: str) -> str:
    scale = {"万": "e4", "亿": "e8"}
    match = re.match(rf"^-?{say.N}", text.replace(",", ""))
    if match is None:
        raise ValueError(text)
    rest = text[match.end() :]
    return match.group() + (scale.get(rest[:1], "") if rest else "")


@dataclass
class _Sentence:
    text: str
    line: int
    section: str | None
    group: _Group
    growth_section: str | None = None
    """Growth rates before the first heading are the main economic indicators (主要经济指标)."""
    found: list[Drafted] = field(default_factory=list)
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    subject: str = ""
    subject_at: int = 0
    """Where the clause that named the subject begins: a growth named after it quotes from there."""
    single: bool = False
    """The subject's clause speaks of a single month or quarter (第二季度完成投资116.32亿元)."""
    one_month: bool = False
    """The sentence opens on one month (10月份，…): its growth rates are that month's."""
    previous: str = ""
    previous_at: int = 0
    cumulative: Drafted | None = None
    level: Drafted | None = None
    amount: tuple[re.Match[str], str, int, int] | None = None
    """A verbless amount (进出口总额4784.5亿元) a stated rate may still take as its actual."""
    total: re.Match[str] | None = None
    listed: list[str] = field(default_factory=list)
    """The names of the last list of rates, for a list that follows without names."""

    def read(self) -> None:
        self.one_month = _SINGLE_OPEN.match(self.text) is not None
        for clause in say.CLAUSE.finditer(self.text):
            text = clause.group()
            if not text.strip() or len(text) > MAX_CLAUSE:
                continue
            for start, end in _items(text):
                self._clause(text[start:end], clause.start() + start, clause.start() + end)
        owner = _OWNER.search(self.text)
        if owner is not None and self.group.owner is None:
            self.group.owner = owner["owner"]
        done = _ITEM_DONE.search(self.text)
        if done is not None and self.group.done is None:
            self.group.done, self.group.done_quote = done, self.text.strip().rstrip("。；;")
        task_done = _TASK_DONE.search(self.text)
        if task_done and not self.group.title and not any(i.judged for i in self.found):
            self._task_done(task_done)
        for item in self.found:
            start, end = self.spans[id(item)]
            item.source = self.text[start:end].strip().rstrip("。；;！？!?、")
            item.context = self.text[_clause_before(self.text, start) : end]
        self.group.items += self.found
        self.group.touched = True

    def _task_done(self, done: re.Match[str]) -> None:
        """关闭煤矿42个、退出产能347万吨，超额完成年度目标任务: a task reported done."""
        before = self.text[: done.start()]
        figures = rf"{say.N}(?:{say.MAGNITUDE})?(?:余|多)?(?:{say.UNIT}|[%％])?"
        what = [clean(re.sub(figures, "", piece)) for piece in re.split(r"[，,、]", before)]
        what = [piece for piece in what if substantive(piece)]
        if not what:
            return
        item = Drafted("、".join(what), self.line, "", self.section, kind="milestone")
        item.done = True
        item.guesses.append("done: the report says the year's task is done")
        item.guesses.append("name: made from what the sentence reports; give the task's name")
        self._add(item, 0, done.end())
        self.found = [i for i in self.found if not i.plain]

    def _add(self, item: Drafted, start: int, end: int) -> Drafted:
        self.found.append(item)
        self.spans[id(item)] = (start, end)
        return item

    def _extend(self, item: Drafted, end: int) -> None:
        if id(item) in self.spans:
            self.spans[id(item)] = (self.spans[id(item)][0], max(end, self.spans[id(item)][1]))

    def _clause(self, text: str, start: int, end: int) -> None:
        rate = say.RATE.search(text) or say.RATE_WORD.search(text)
        gap = say.GAP.search(text)
        growths = say.growths(text)
        level = None if rate else say.LEVEL.search(text)
        busy = [m.span() for m in (rate, gap, level, *growths) if m is not None]
        quantity = _actual(text, busy)
        if quantity is not None:
            self._amount(text, start, end, quantity)
        elif rate is None and (paren := say.PAREN_RATE.search(text)):
            self._paren(text, start, end, paren)
        if rate is not None:
            self._rate(text, start, end, rate)
        if gap is not None:
            self._gap(gap, end)
        for growth in growths:
            self._growth(text, start, end, growth, quantity)
        if level is not None and not growths:
            self._level(text, level, start, end)
        elif self.level is not None and (target := _LEVEL_TARGET.search(text)):
            self._level_target(target, end)
        first = _FIRST_FIGURE.search(text)
        if first is not None:
            name = clean(text[: first.start()])
            if substantive(name) and not name.startswith(("比", "较", "同比")):
                self.subject, self.subject_at = name, start
                self.single = _SINGLE_PERIOD.search(text[: first.start()]) is not None
        total = _TOTAL.search(text.strip())
        self.total = say.QUANTITY.search(total["quantity"]) if total else None
        self.previous, self.previous_at = text, start

    def _amount(self, text: str, start: int, end: int, quantity: re.Match[str]) -> None:
        before = text[: quantity.start()]
        target = say.TARGET.search(before + quantity.group())
        if target is not None and _at_start(before, target) and not _DONE_FIRST.search(before):
            self.group.targets.append(_Target(quantity, text.strip(), self.line))
            return
        name = clean(before)
        borrowed = False
        if not substantive(name) or _ONLY_VERB.fullmatch(name):
            after = re.split(r"[（(，,]", text[quantity.end() :], maxsplit=1)[0]
            verb = say.PROGRESS_VERB.search(before)
            own = clean((verb.group() if verb else "") + after) if after.strip() else ""
            borrowed = not (substantive(own) and len(own) > 2)
            name = own if not borrowed else name or self.subject
        item = _cumulative(name, quantity, self.line, self.section)
        item.borrowed = borrowed
        first = _target_first(text, quantity)
        earlier = [
            q
            for q in say.QUANTITY.finditer(text, 0, quantity.start())
            if _unit(q) == _unit(quantity)
        ]
        if first is None and earlier:
            self.group.targets.append(_Target(earlier[0], text.strip(), self.line, weak=True))
        paren = say.PAREN_RATE.search(text, quantity.end())
        strong = _STRONG_VERB.search(before) and not text[quantity.end() :].strip(" 余多左右以上。")
        total = self.total if _same_unit(self.total, item.unit) else None
        if first is None and paren is None and total is None and not strong:
            self.amount = (quantity, item.name, start, end)
            return
        last = self.cumulative
        if paren is not None and not clean(before) and not say.PROGRESS_VERB.search(before):
            item.target, item.actual = _in_unit(quantity, item.unit), None  # 6个…施工中（90%）
            after = re.split(r"正在|已|目前|进度|（|\(", text[quantity.end() :], maxsplit=1)[0]
            item.name = clean(after) or item.name
        elif first is not None:
            item.name = clean(text[first.end() : quantity.start()]) or item.name
            item.target = _in_unit(first, item.unit)
        elif total is not None:
            item.target = _in_unit(total, item.unit)
            start = self.previous_at
        elif len(item.name) <= 2 and not _FIRST_FIGURE.search(self.previous) and self.previous:
            owner = clean(
                _DOING.split(self.previous, maxsplit=1)[0]
            )  # 现代产业项目加快建设，完成投资
            if substantive(owner):
                item.name, start = owner + item.name, self.previous_at
        elif len(item.name) <= 2 and last is not None and last.unit == item.unit:
            item.name = say.PROGRESS_VERB.sub("", last.name, count=1) + item.name
            item.guesses[:] = [f"name: {item.name!r} takes its object from the clause before"]
        item.plain = item.target is None
        if paren is not None:
            item.stated, item.plain = paren["rate"] + "%", False
        self.cumulative = self._add(item, start, end)

    def _paren(self, text: str, start: int, end: int, paren: re.Match[str]) -> None:
        """皖北地区群众喝上引调水工程正在施工中（93%）: the share of the works done."""
        head = re.split(r"正在|已|目前|进度|完成", text[: paren.start()], maxsplit=1)[0]
        name = clean(head)
        if not substantive(name):
            return
        quantity = next(iter(say.QUANTITY.finditer(head)), None)
        item = Drafted(name, self.line, "", self.section, stated=paren["rate"] + "%")
        if quantity is not None and quantity.start() == len(head) - len(head.lstrip()):
            item.name = clean(head[quantity.end() :]) or name
            item.target = _in_unit(quantity, _written_unit(quantity))
            item.unit = _written_unit(quantity)
        item.guesses.append("stated: the share of the work done, as the report prints it")
        self.cumulative = self._add(item, start, end)

    def _rate(self, text: str, start: int, end: int, rate: re.Match[str]) -> None:
        rates = [rate["rate"], *re.findall(rf"{say.N}(?=[%％])", rate["more"] or "")]
        if len(rates) > 1:
            self._rates(text, start, end, rate, rates)
            return
        printed = rate.groupdict().get("target")
        last = self.cumulative
        if last is not None and last.stated is None:
            last.stated, last.plain = rates[0] + "%", False
            self._extend(last, end)
            self._printed_target(last, printed)
            return
        if self.amount is not None:
            quantity, name, amount_start, _ = self.amount
            if len(name) <= 2 and self.previous and not _FIRST_FIGURE.search(self.previous):
                owner = clean(_DOING.split(self.previous, maxsplit=1)[0])
                if substantive(owner):
                    name = owner + name
            item = _cumulative(name, quantity, self.line, self.section)
            item.stated = rates[0] + "%"
            self.cumulative = self._add(item, amount_start, end)
            self.amount = None
            self._printed_target(item, printed)
            return
        name = clean(text[: rate.start()])
        if not substantive(name) and self.subject:
            name, start = self.subject, min(start, self.subject_at)
        if not substantive(name) and self.previous:
            words = say.QUANTITY.sub("", self.previous)
            name = clean(re.split(rf"已|{say.N}|{say.PROGRESS_VERB.pattern}", words, maxsplit=1)[0])
            start = self.previous_at
        if not substantive(name):
            return
        item = Drafted(f"{name}完成率", self.line, "", self.section, stated=rates[0] + "%")
        item.guesses.append("name: only the clause's own words; give a fuller name")
        self.cumulative = self._add(item, start, end)

    def _printed_target(self, item: Drafted, printed: str | None) -> None:
        """完成年度目标1.2万人的66.7%: the target printed inside the rate."""
        if printed and item.target is None:
            quantity = say.QUANTITY.search(printed)
            if quantity is not None and _same_unit(quantity, item.unit):
                item.target = _in_unit(quantity, item.unit)

    def _rates(
        self, text: str, start: int, end: int, rate: re.Match[str], rates: list[str]
    ) -> None:
        """分别完成总任务量的97%、100%和83%: one indicator per name listed before 分别 (or in
        the list before: 分别完成全年预期目标的80.4%和114.5%，分别完成市下达计划的62.9%、85.9%)."""
        head = text[: rate.start()].split("分别")[0]
        names = _names(head, len(rates))
        if names is None and not clean(head) and len(self.listed) == len(rates):
            names = [f"{name}（{clean(rate['of'])}）" for name in self.listed]
        if names is None:
            names = _names(self.previous, len(rates)) if self.previous else None
        if names is None:
            return
        self.listed = names
        tasks = "任务" if clean(head).endswith("任务") else ""
        prefix = clean(self.previous.split("任务")[0]) if tasks and "任务" in self.previous else ""
        if prefix:
            start = self.previous_at
        for name, figure in zip(names, rates, strict=True):
            name = name.removesuffix("任务")
            item = Drafted(
                f"{prefix}{name}{tasks}", self.line, "", self.section, stated=figure + "%"
            )
            item.guesses.append(f"name: made from {prefix or '…'} and {name!r} of a list")
            self._add(item, start, end)

    def _gap(self, gap: re.Match[str], end: int) -> None:
        ref = gap["ref"] or gap["ref2"] or ""
        side = gap["side"] or gap["side2"] or ""
        item = self.level if "目标" in ref and self.level is not None else self.cumulative
        if item is None or item.gap is not None:
            return
        item.gap = say.gap_sign(side) + (gap["num"] or gap["num2"])
        item.plain = False
        self._extend(item, end)

    def _growth(
        self,
        text: str,
        start: int,
        end: int,
        growth: re.Match[str],
        quantity: re.Match[str] | None,
    ) -> None:
        if self.one_month:
            return
        way = growth["way"] or growth["word"] or ""
        figures = [growth["num"] or growth["num2"]]
        figures += re.findall(rf"-?{say.N}(?=[%％])", growth["more"] or growth["more2"] or "")
        head = text[: quantity.start() if quantity else growth.start()]
        own = clean(head.split("分别")[0])
        if substantive(own):
            self.single = _SINGLE_PERIOD.search(head) is not None
        elif self.single:
            return  # 第二季度完成增加值99.5亿元，增长6.1%: one quarter's growth
        if len(figures) > 1:
            names = _names(head.split("分别")[0], len(figures))
            if names is None and not substantive(own):
                names = _names(self.previous, len(figures))
                start = min(start, self.previous_at)
        else:
            names = [own] if substantive(own) else None
        if names is None:
            base = own if substantive(own) else self.subject
            if not substantive(base):
                return
            if not substantive(own):
                start = min(start, self.subject_at)
            names = (
                [base]
                if len(figures) == 1
                else [f"{base}（{i}）" for i in range(1, len(figures) + 1)]
            )
        sign = say.growth_sign(way)
        periods = _PERIODS.match(re.sub(r"^(?:今年|本年)", "", head.strip()))
        if periods and len(figures) > 1:
            parts = [p for p in re.split(r"[和、及与]", periods["periods"]) if p]
            rest = clean(periods["rest"].split("分别")[0])
            if len(parts) == len(figures) and substantive(rest):
                names = [*parts[:-1], parts[-1]]
                own = rest
        dates = [part_end(name, self.group.year) for name in names]
        if len(names) > 1 and all(dates):
            base = own if substantive(own) else self.subject
            item = Drafted(f"{_period_free(base)}增长", self.line, "", self.growth_section)
            item.kind = "level"
            item.dated = {d: _signed(sign, f) for d, f in zip(dates, figures, strict=True) if d}
            item.guesses.append("kind: level, a growth rate; give its target if the plan has one")
            self.level = self._add(item, start, end)
            return
        for name, figure in zip(names, figures, strict=True):
            item = Drafted(f"{name}增长", self.line, "", self.growth_section, kind="level")
            item.actual = _signed(sign, figure)
            item.guesses.append("kind: level, a growth rate; give its target if the plan has one")
            if "（" in name and name.endswith("）"):
                item.guesses.append("name: one name for several figures of a list; name each")
            self.level = self._add(item, start, end)

    def _level(self, text: str, level: re.Match[str], start: int, end: int) -> None:
        unit = level["unit"].replace("每", "/")
        percent = unit in ("%", "％")
        head = level["name"]
        names = (_names(head, 2) if level["both"] else None) or [clean(head)]
        for name in names:
            name = name.replace("累计", "")
            if not substantive(name) or say.SHARE.search(name):
                continue
            item = Drafted(name, self.line, "", self.section, kind="level")
            item.actual = level["num"] + ("%" if percent else "")
            item.unit = None if percent else unit
            if "失业" in name:
                item.direction = "lower"
                item.guesses.append("direction: lower, as for an unemployment rate")
            item.guesses.append("kind: level (a rate or a level, judged against its target)")
            self.level = self._add(item, start, end)

    def _level_target(self, target: re.Match[str], end: int) -> None:
        level = self.level
        assert level is not None
        actual = level.actual or ""
        if level.target is not None or actual.endswith("%") != target["num"].endswith(("%", "％")):
            return
        number = target["num"].rstrip("%％") + ("%" if actual.endswith("%") else "")
        post = target["post"] or ""
        if target["pre"] in ("低于", "控制在", "不超过", "不高于") and not post:
            level.target = f"控制在{number}以内"
        else:
            level.target = number + post
        self._extend(level, end)


def _items(clause: str) -> list[tuple[int, int]]:
    """The spans of the items of a clause: several only where each part has words and a figure
    of its own (关闭煤矿42个、退出产能347万吨), never the figures of one list (增长7.8%、9.2%)."""
    cuts = [0]
    for cut in _ITEM_BREAK.finditer(clause):
        piece = clause[cuts[-1] : cut.start()]
        rest = clause[cut.end() :].lstrip("、")
        if _worded(piece) and _worded(rest.split("、")[0]):
            cuts.append(cut.end())
    cuts.append(len(clause))
    return [(a, b) for a, b in pairwise(cuts) if a < b]


def _worded(piece: str) -> bool:
    """A piece with a figure and words of its own."""
    words = re.sub(rf"{say.N}(?:{say.MAGNITUDE})?(?:{say.UNIT}|[%％])?|[^\u4e00-\u9fff]", "", piece)
    return re.search(say.N, piece) is not None and len(words) >= 2


def _signed(sign: str, figure: str) -> str:
    if figure.startswith("-"):
        return figure + "%" if not sign else figure[1:] + "%"
    return f"{sign}{figure}%"


def _period_free(name: str) -> str:
    return clean(
        re.sub(r"(?:今年)?(?:(?:第)?一季度|上半年|前三季度|1-[0-9]+月)(?:和|、)?", "", name)
    )


def _names(head: str, count: int) -> list[str] | None:
    """The names of a list (汽车制造业、食品制造业、燃气生产和供应业三个行业增加值): split on 、
    first, on 和/及 too when that gives `count` names; None unless exactly `count`."""
    text = _SPLIT_WORDS.sub("", clean(head, limit=None))
    for pattern in ("、", _LIST.pattern):
        names = [clean(n) for n in re.split(pattern, text) if n.strip()]
        if len(names) == count and all(n and not _FIRST_FIGURE.fullmatch(n) for n in names):
            return names
    return None


def _clause_before(sentence: str, start: int) -> int:
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
    free = [q for q in say.QUANTITY.finditer(text) if not any(a <= q.start() < b for a, b in busy)]
    since = 0
    for quantity in free:
        if say.PROGRESS_VERB.search(text, since, quantity.start()):
            return quantity
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
        if (
            _unit(first) == _unit(actual)
            and _DONE_FIRST.search(between)
            and _value(first) >= _value(actual)
        ):
            return first
    return None


def _unit(quantity: re.Match[str]) -> str:
    return quantity["unit"].replace("每", "/")


def _value(quantity: re.Match[str]) -> float:
    scale = {"万": 1e4, "亿": 1e8, "万亿": 1e12}.get(quantity["mag"] or "", 1.0)
    return float(quantity["num"].replace(",", "")) * scale


def _counted(unit: str) -> bool:
    return re.fullmatch(f"(?:{say.COUNT_UNITS})", unit) is not None


def _written_unit(quantity: re.Match[str]) -> str:
    """The unit an amount is drafted in: 万 and 亿 stay with a measured unit (亿元, 万人)."""
    unit = _unit(quantity)
    if _counted(unit) or quantity["more"]:
        return unit
    return (quantity["mag"] or "") + unit


def _cumulative(name: str, quantity: re.Match[str], line: int, section: str | None) -> Drafted:
    """A cumulative indicator of an amount, in the unit as printed: 万 and 亿 stay with a
    measured unit (11.3亿元 → 11.3, 亿元) and with the number of a counted one (1.4万余个)."""
    unit = _written_unit(quantity)
    number = quantity["num"].replace(",", "")
    if unit == _unit(quantity):
        actual = number + (quantity["mag"] or "") + (quantity["more"] or "")
    else:
        actual = number
    item = Drafted(name, line, "", section, unit=unit, actual=actual)
    if len(name) <= 4:
        item.guesses.append("name: only the clause's own words; give a fuller name")
    return item


def _same_unit(quantity: re.Match[str] | None, unit: str | None) -> bool:
    if quantity is None or unit is None:
        return False
    return unit in (_unit(quantity), (quantity["mag"] or "") + _unit(quantity))


def _in_unit(quantity: re.Match[str], unit: str | None) -> str:
    """A quantity written in `unit`: 134万平方米 is 134 in 万平方米 and 134万 in 平方米."""
    magnitude = quantity["mag"] or ""
    number = quantity["num"].replace(",", "")
    if magnitude and unit == magnitude + _unit(quantity):
        return number
    return number + magnitude

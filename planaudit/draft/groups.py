"""The sentences of one item — a numbered task, a 民生实事, a paragraph — read together: the
targets they state apart from their amounts (in the item's title, in a sentence of their own, as a
total) are given to the amounts they belong to when the item ends, and an item reported done with
no figure becomes a milestone."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from planaudit.core import phrasings as say
from planaudit.draft import quantities as q
from planaudit.draft.model import Drafted
from planaudit.draft.names import clean
from planaudit.lang import Message, quote

_STARTED = re.compile(
    r"(?:已|累计|共)?(?:开工|开复工|复工|动工|建成|完工|竣工|投产|投用|完成|办结|启动)(?:建设)?"
)
"""A count's name that is only what was done to the plan's items (开工建设): it names no object."""
ITEM_MARK = re.compile(r"^[ \t\u3000]*(?:[0-9]{1,3}[.．、](?![0-9])|[（(][0-9]{1,3}[)）])")
"""A numbered item: 1. 2、 (3)."""
PERIOD = re.compile(r"[（(](?P<start>20[0-9]{2})\s*[-—–~～至到]\s*(?P<end>20[0-9]{2})年[)）]")
"""An item's own period: （2013—2017年）."""
_YEAR_TASK = re.compile(r"(?:年度|全年|今年)(?:目标)?(?:任务|计划|目标)")
_NOT_TITLE = re.compile(r"已|累计|上半年|以来|截至|同比|增长|下降|完成了|实现了|占|[0-9]月")


@dataclass
class Target:
    """A target stated apart from its amount: in an item's title, a sentence of its own or a
    total (其余27项中)."""

    quantity: re.Match[str]
    quote: str
    line: int
    weak: bool = False
    """A count before the amount with nothing saying it is the target (63个新开工重点项目共有47个
    项目实现开工): taken only where the stated rate agrees with it."""
    name: str = ""
    """What the target is of, where the report names it (全年确保实现生产总值176亿元，完成全年目标
    任务的100%): it goes to the amount of that name."""
    subject: str = ""
    """What the sentence stating the target is about (千万元以上重点建设项目71个，…，
    年度计划完成投资56.21亿元): the amount's name where the task names only the plan."""


@dataclass
class Group:
    """The sentences of one item: the targets they state and the indicators they give, matched
    when the item ends."""

    year: int
    targets: list[Target] = field(default_factory=list)
    items: list[Drafted] = field(default_factory=list)
    title: str = ""
    title_line: int = 0
    period: tuple[date, date] | None = None
    done: re.Match[str] | None = None
    done_quote: str = ""
    touched: bool = False
    owner: str | None = None
    """责任单位：市公安局 — the unit an item names as responsible."""
    subject: str = ""
    """What the item names before a colon (1.县医院新院区建设项目：…): its amounts' names open on
    it."""
    sentences: int = 0
    at: date | None = None
    """The date the figures stand at, where a sentence of the paragraph opened on it (1-7月，…)."""
    month_runs: bool = False
    """The last sentence spoke of one month (11月份，…) and ended on ；: the next part of it
    does too."""
    periods: str = ""
    """The last list of periods (2016年、2017年、2018年上半年) the item's figures may follow."""
    totals: list[tuple[re.Match[str], str, str]] = field(default_factory=list)
    """Totals of the plan's items its paragraph stated so far (量化指标任务共55项): what a count of
    items on pace is of."""
    labelled: bool = False
    """The item states its task under a label (目标任务：…): an amount toward it is named by the
    task, the item's title naming its other amounts."""
    levels: list[tuple[str, str, str]] = field(default_factory=list)
    """Levels' targets an item states under a label (目标任务：参保率稳定在95%以上): name, target,
    quote."""
    pending: list[Drafted] = field(default_factory=list)
    """Amounts with neither a rate nor a target (全师实现生产总值97.4亿元): kept only if a named
    target comes for them."""

    def title_of(self, sentence: str, line: int, numbered: bool = False) -> bool:
        """Whether `sentence` is the item's title — a task (2606个撤并村通公路（2013—2017年）,
        2.新增安装300套路口交通信息视频采集设备) rather than progress — keeping its target."""
        text = sentence.strip().rstrip("。；;")
        body = ITEM_MARK.sub("", text)
        if not body or len(body) > 80 or _NOT_TITLE.search(PERIOD.sub("", body)):
            return False
        if say.RATE.search(body) or say.RATE_WORD.search(body) or say.GAP.search(body):
            return False  # 完成年度目标的53.3%, 完成率41.7%, 低于目标21.7个百分点: progress
        numbered = numbered or body != text  # 2.…, or a heading's title
        period = PERIOD.search(body)
        found = list(say.QUANTITY.finditer(body))
        starts_with_count = bool(found) and found[0].start() == 0
        if not (numbered or period or starts_with_count):
            return False
        self.touched = True
        self.title, self.title_line = text, line
        if period:
            start, end = int(period["start"]), int(period["end"])
            if start < end <= start + 10:
                self.period = (date(start, 1, 1), date(end, 12, 31))
        if len(found) == 1:
            self.targets.append(Target(found[0], text, line))
        return True

    def level_target(self, sentence: str, found: re.Match[str]) -> None:
        """A level's target the item states (参保率稳定在95%以上), for the level it reports."""
        target = found["num"] + "%" + (found["post"] or "")
        self.levels.append((clean(found["name"]), target, sentence.strip().rstrip("。；;")))

    def close(self) -> list[Drafted]:
        """The item's indicators, its targets given to the amounts they belong to."""
        self._level_targets()
        self._counts_of_totals()
        for target in self.targets:
            item = _named(target, self.items + self.pending) if target.name else None
            if item in self.pending:
                self.items.append(item)
            if item is None and not target.name:
                item = _owner_of(target, self.items, self.pending)
                if item in self.pending:
                    self.items.append(item)
            if item is None:
                continue
            item.unit = item.unit or q.written_unit(target.quantity)
            item.target = q.in_unit(target.quantity, item.unit)
            plan_only = _plan_only(target, item)
            if plan_only:
                item.name = plan_only  # 省重点项目2个，…年度计划完成投资9亿元，…累计完成投资7.9亿元
            elif self.subject and (item.borrowed or len(item.name) <= 2) and not self.labelled:
                item.name = self.subject + item.name  # 县医院新院区建设项目：…完成投资
            elif item.borrowed or len(item.name) <= 2 or item.actual is None:
                item.name = _task_name(target.quote) or item.name
                item.guesses[:] = [Message.of("guess.from_task", name=quote(item.name))]
            item.plain = False
            if target.quote not in item.source and target.name:  # stated after the amount
                item.source = f"{item.source}…{target.quote}"
            elif target.quote not in item.source:
                item.source = f"{target.quote}…{item.source}"
            if target.line != item.line:
                item.guesses.append(
                    Message.of("guess.target_from_line", line=target.line, quote=target.quote)
                )
        for item in self.pending:
            if item not in self.items and item.target is None:
                item.plain = item.weak = True
                self.items.append(item)
        judged = [item for item in self.items if item.judged or item.plain]
        if self.title and self.done and not any(i.judged for i in self.items):
            judged = [i for i in judged if not i.plain] + [self._milestone()]
        for item in judged:
            item.period = item.period or self.period
            item.owner = item.owner or self.owner
            if self.subject and len(item.name) <= 2 and item.kind == "cumulative":
                item.name = self.subject + item.name
        return judged

    def _counts_of_totals(self) -> None:
        """全县共确定县级重点项目51个。…目前已开工建设43个: a count started or done that names
        nothing but its verb is a count of the total stated before it."""
        for item in [*self.items, *self.pending]:
            if item.target is not None or item.actual is None or not _STARTED.fullmatch(item.name):
                continue
            total = next(
                (
                    (t, quote, what)
                    for t, quote, what in reversed(self.totals)
                    if q.same_unit(t, item.unit)
                ),
                None,
            )
            if total is None or total[1] in item.source:
                continue  # 已竣工项目共50个: its own figure, not a total before it
            if q.value(total[0]) < float(q.number(item.actual)):
                continue
            item.target = q.in_unit(total[0], item.unit)
            item.source = f"{total[1]}…{item.source}"
            what = clean(total[2])
            item.name = what + item.name if what and what not in item.name else item.name
            item.guesses.append(  # the totals kept are of the item's own paragraph line
                Message.of("guess.target_from_line", line=item.line, quote=total[1])
            )
            item.plain = False
            if item not in self.items:
                self.items.append(item)

    def _level_targets(self) -> None:
        for name, planned, task in self.levels:
            level = next(
                (
                    item
                    for item in self.items
                    if item.kind == "level"
                    and item.target is None
                    and _shared(name, item.name) >= 2
                ),
                None,
            )
            if level is not None:
                level.target = planned
                level.source = f"{task}…{level.source}"

    def _milestone(self) -> Drafted:
        assert self.done is not None
        name = _task_name(self.title) or PERIOD.sub("", ITEM_MARK.sub("", self.title)).strip()
        quote = self.title if self.done_quote == self.title else f"{self.title}…{self.done_quote}"
        item = Drafted(name, self.title_line, quote, kind="milestone")
        item.done = True
        if self.done["month"]:
            try:
                year = int(self.done["year"] or self.year)  # 已于5月20日建成: the report's year
                item.done_on = date(year, int(self.done["month"]), int(self.done["day"]))
            except ValueError:
                item.done_on = None
        item.guesses.append(Message.of("guess.done"))
        return item


def _owner_of(target: Target, items: list[Drafted], pending: list[Drafted]) -> Drafted | None:
    """The amount a target belongs to: of its unit, without a target; first the one whose
    stated rate the target agrees with, else the only one — the only one a verb of progress
    leads to, where another is a bare amount (总投资326.37亿元 beside 累计完成投资32.43亿元)."""
    same = [
        item
        for item in items + pending
        if item.kind == "cumulative"
        and item.target is None
        and (q.same_unit(target.quantity, item.unit) or (item.unit is None and item.actual is None))
    ]
    agreeing = [item for item in same if q.agrees(item, target.quantity)]
    if agreeing or target.weak:
        return agreeing[0] if agreeing else None
    done = [item for item in same if item not in pending]
    exact = [item for item in same if q.same_unit(target.quantity, item.unit)]
    if len(same) > 1 and len(done) == 1:
        same = done
    elif len(same) > 1 and len(exact) == 1:
        same = exact  # 7公里 goes to 22.12公里, not to a rate of its own beside it
    if len(same) == 1 and (same[0].stated is None or same[0].actual is None):
        only = same[0]
        bare = len(only.name) <= 2  # 目前发卡37.9万张: the verb alone names it
        if only.borrowed or bare or only.actual is None or _shared(target.quote, only.name) >= 2:
            return only
    return None


def _named(target: Target, items: list[Drafted]) -> Drafted | None:
    """The amount of the target's unit and name (生产总值, 全师生产总值), the last before it."""
    for item in reversed(items):
        if (
            item.kind == "cumulative"
            and item.target is None
            and q.same_unit(target.quantity, item.unit)
            and (target.name in item.name or item.name in target.name)
        ):
            return item
    return None


_PLAN_WORDS = re.compile(r"年度|全年|今年|计划|目标|任务|完成|实现")


def _plan_only(target: Target, item: Drafted) -> str:
    """The name of an amount whose task names only the plan (年度计划完成投资): what the
    target's sentence is about, with what the task delivers (千万元以上重点建设项目投资); "" where
    the task names an object of its own or the sentence names nothing."""
    what = _PLAN_WORDS.sub("", _task_name(target.quote))
    if len(what) > 2 or not target.subject or not (item.borrowed or len(item.name) <= 2):
        return ""
    return target.subject + (what or item.name)


def _task_name(task: str) -> str:
    """What a task delivers, its count and period taken out: 3000公里农村公路危险路段安装安全
    保障设施（2015—2017年） → 农村公路危险路段安装安全保障设施."""
    text = PERIOD.sub("", ITEM_MARK.sub("", task))
    text = re.sub(rf"{say.N}(?:{say.MAGNITUDE})?(?:余|多)?(?:{say.UNIT})", "", text)
    named = clean(_YEAR_TASK.split(text, maxsplit=1)[0])  # 村邮站建设年度计划建设800个
    return named if len(named) >= 2 else clean(text)


def _shared(one: str, other: str) -> int:
    """Pairs of neighbouring characters two texts share."""
    pairs = {one[i : i + 2] for i in range(len(one) - 1)}
    return len(pairs & {other[i : i + 2] for i in range(len(other) - 1)})

"""What a clause counts: the amount of progress among its quantities, and the count done of a
count — 126条…已完成120条, 113个项目开工建设103个, 32个…中23个项目已开工建设, 33所…已有17所开工建设,
or a count after a total in the clause before (20所…幼儿园中，已有8所投入使用) — never a count of
indicators ranked or not done (有11项指标增速位居全省前7位, 有6项没有完成)."""

from __future__ import annotations

import re
from itertools import pairwise

from planaudit.core import phrasings as say
from planaudit.draft import quantities as q
from planaudit.draft.names import clean, substantive
from planaudit.draft.state import Sentence

DONE_FIRST = re.compile(
    r"(?:已|累计|共)(?:完成|建成|开复工|复工|开工|竣工|实施|改造|发放|送|办结|投用|安装|新建|新增|解决"
    r"|帮扶|救助)"
)
_DONE_VERB = (
    r"(?:开工建设|开复工|开工|复工|动工|完工|竣工|建成|完成|投产|投用|投入使用|交付使用|交付|开通|通车|办结"
    r"|解决|安置|改造|新建|到位|签约|落地)"
)
DONE_VERB = re.compile(_DONE_VERB)
_ON_PACE_AFTER = re.compile(r"(?:序时|时序|节点)进度|进度要求")


def done_word(text: str, verb: re.Match[str]) -> str:
    """What a count of items did: its verb (已完成, 已开工…), or 达到序时进度 where the verb is
    followed by the pace (16项已完成序时进度: on pace, never done)."""
    if _ON_PACE_AFTER.match(text, verb.end()):
        return "达到序时进度"
    return verb.group()


_DONE_JUST_BEFORE = re.compile(rf"{_DONE_VERB}(?:建设|使用)?了?$")
"""104个项目完成85个, 113个项目开工建设103个, 6个项目已提前完工4个: the count done follows its
verb directly."""
_DIGIT = re.compile(r"[0-9]")
_REST = re.compile(r"(?:^|[，,])\s*(?:其余|剩余|剩下|另有|尚有|还有)(?:的)?$")
"""其余4所主体完工: the rest of the task, not an amount done toward it."""
_IN_A_NAME = re.compile(r"(?:及|或)?(?:以上|以下)(?:的)?(?=[\u4e00-\u9fff])(?!的?[，,。；;])")
"""10亿元以上项目8个: a figure of a name's (the kind of project counted), not an amount."""
PART_OF = re.compile(r"(?:中|已有|有|共有)$")
_NEGATED = re.compile(r"没有|未|尚未")
DONE_AFTER = re.compile(
    rf"[^，,。；;0-9]{{0,12}}?(?:已|均已|已经)(?:{say.PROGRESS_VERB.pattern})"
    rf"|(?:已|均已|已经)?(?:全部|基本|顺利|提前)?{_DONE_VERB}"
)
"""…中23个项目已开工建设, 33所…已有17所开工建设: the count before it is done."""
TOTAL = re.compile(
    rf"(?P<quantity>{say.N}(?:{say.MAGNITUDE})?(?:{say.UNIT}))[^，,。；;0-9]{{0,30}}?中$"
)
"""其余27项中, 20所新建、续建公办幼儿园中: the total a count that follows is a part of."""


_ENDS_ON_COUNT = re.compile(
    rf"^[^0-9，,。；;]{{0,16}}(?:项目|工程|事项|实事)(?P<quantity>{say.N}(?:个|项|件))\s*$"
)
"""续建项目53个: a count of the plan's items (not 建成保障房1200套, a figure of progress)."""
_STARTED = re.compile(
    rf"\s*(?:已|已经)?(?:开工建设|开复工|开工|复工|动工|竣工|完工|建成|投产|投用|投入使用|开通|通车"
    rf"|签约|落地|到位)了?(?P<num>{say.N})(?:{say.UNIT})\s*(?=$|[，,。；;])"
)
"""复工50个: a count that started (or was finished), alone in its clause."""


_TASK_COUNT = re.compile(
    rf"^[^0-9，,。；;]{{2,20}}?(?P<quantity>{say.N}(?:{say.MAGNITUDE})?(?:{say.UNIT}))\s*$"
)
"""新增公共停车泊位2000个: a task's count, alone at its clause's end."""
_DONE_NEXT = re.compile(
    rf"\s*(?:目前|现在?|截至目前)?(?:已经?|均已)(?:全部|基本)?(?:完成|开工建设|开工|开复工|复工|动工"
    rf"|竣工|完工|建成|投产|投用|投入使用|开通|通车|改造|新建|新增|安装|发放|培训)了?"
    rf"(?P<num>{say.N})(?:{say.MAGNITUDE})?(?:{say.UNIT})\s*(?=$|[，,。；;])"
)
"""已建成1350个: a count done, alone in its clause, said done (已)."""
_REPORTED = re.compile(r"已|累计|完成|共计|实现|计划|任务|目标")
"""A clause that reports progress itself, or states its target in words (年度计划建设600个: read
as a target statement)."""


def listed_total(text: str, sentence: str, end: int) -> re.Match[str] | None:
    """续建项目53个，复工50个 (a count of items, then how many started), 新增公共停车泊位2000个，
    已建成1350个 (a task's count, then how many are done): a clause that ends on its count is the
    total of the next clause's count, of the same unit and no more than it."""
    found = _ENDS_ON_COUNT.match(text.strip())
    after = _STARTED.match(sentence, end + 1) if found else None
    if found is None or after is None:
        found = _TASK_COUNT.match(text.strip())
        reported = found is not None and _REPORTED.search(text) is not None
        after = _DONE_NEXT.match(sentence, end + 1) if found and not reported else None
    if found is None or after is None:
        return None
    total = say.QUANTITY.search(found["quantity"])
    part = say.QUANTITY.search(sentence, after.start("num"))
    if total is None or part is None or q.unit(total) != q.unit(part):
        return None
    return found if q.value(part) <= q.value(total) else None


_OF_A_KIND = re.compile(
    rf"(?:的|中|其中)有{say.N}(?:项|件|个)(?:事项|项目|实事|指标|任务)?(?:[（(][^）)]*[）)])?\s*$"
)
"""正常推进的有4项（…）: how many of the plan's items are of a kind, not progress."""


def of_a_kind(
    s: Sentence, text: str, quantity: re.Match[str] | None, rate: re.Match[str] | None
) -> bool:
    """A count of the plan's items of a kind (已提前完成…任务的有3项, 推进缓慢的有3项), and the
    share of them that follows (，占目标任务的30%): not indicators."""
    if quantity is not None and "有" in text and _OF_A_KIND.search(text):
        s.of_a_kind = True
        return True
    if s.of_a_kind and quantity is None and rate is not None:
        s.of_a_kind = False
        return True
    s.of_a_kind = False
    return False


def actual(text: str, busy: list[tuple[int, int]]) -> re.Match[str] | None:
    """The clause's amount of progress: the count done of a count before it (120条 in
    126条…已完成120条), else the first quantity a progress verb leads to, else its first
    quantity; none inside a rate, growth or level."""
    free = [
        found
        for found in say.QUANTITY.finditer(text)
        if not any(a <= found.start() < b for a, b in busy)
        and not _IN_A_NAME.match(text, found.end())
        and not _REST.search(text, 0, found.start())
    ]
    for first, second in pairwise(free):
        if _done_of(text, first, second):
            return second  # 104个项目完成85个: the count after the verb is the one done
    since = 0
    for quantity in free:
        if say.PROGRESS_VERB.search(text, since, quantity.start()):
            return quantity
        since = quantity.end()
    if not free:
        return None
    first = free[0]
    opens = not clean(text[: first.start()])
    done = DONE_AFTER.match(text, first.end()) is not None and not _DIGIT.search(text, first.end())
    if opens and say.PROGRESS_VERB.search(text, first.end()) and not say.PAREN_RATE.search(text):
        return first if done else None  # 4个省级重点项目完成投资…: what the clause is about
    return first


def _done_of(text: str, total: re.Match[str], count: re.Match[str]) -> bool:
    """`count` is how many of `total` were done: of its unit and no more, joined to it by a
    verb of what was done (113个项目开工建设103个, 126条…已完成120条), or standing in it with that
    verb after it (32个…中23个项目已开工建设, 33所…已有17所开工建设)."""
    if q.unit(total) != q.unit(count) or q.value(total) < q.value(count):
        return False
    between = text[total.end() : count.start()]
    if DONE_FIRST.search(between) or _DONE_JUST_BEFORE.search(between):
        return True
    return PART_OF.search(between) is not None and DONE_AFTER.match(text, count.end()) is not None


def done_in(text: str, count: re.Match[str]) -> bool:
    """The clause says the count was done (已有8所投入使用, 已完成19项), not how many of a total
    stand somewhere (有11项指标增速位居全省前7位, 有6项没有完成…)."""
    before = text[: count.start()]
    return DONE_AFTER.match(text, count.end()) is not None or (
        say.PROGRESS_VERB.search(before) is not None and not _NEGATED.search(before)
    )


def target_first(text: str, actual: re.Match[str]) -> re.Match[str] | None:
    """126条农村黑臭水体治理已完成120条: a count of which the actual is the part done."""
    for first in say.QUANTITY.finditer(text, 0, actual.start()):
        if _done_of(text, first, actual):
            return first
    return None


_ITEM = r"项|件|个"
_COUNTED_HEAD = re.compile(
    rf"(?P<whole>[^，,。；;：:（()）0-9]{{0,30}}?)(?P<total>{say.N}(?:{_ITEM}))"
    rf"(?P<kind>[^，,。；;：:（()）0-9]{{0,12}})\s*(?P<aside>[（(][^（()）]{{0,120}}[)）])?\s*中?\s*"
    rf"[，,]\s*(?P<part>其中\s*[，,：:]?)?\s*"
)
"""涉及我区共38项（其中省级29项，…）， 兴办12件惠民实事项目（含19个子项目），其中，: a total of the
plan's items, an aside, and the clause that says how many of them are done."""
_NOT_DONE = r"(?![^，,。；;]{0,10}(?:序时|时序|进度|节点|推进))"
"""已完成序时进度, 已完成…推进: on pace, never done."""
_DONE_COUNT = re.compile(
    rf"(?P<num>{say.N})(?P<unit>{_ITEM})(?P<kind>子项目|项目|事项|实事)?(?:已经?|均已)"
    rf"(?:提前|全部|基本)?(?P<verb>完成|完工|竣工|办结){_NOT_DONE}"
)
"""其中5项已完成, 其中3件已提前完成: the count first, then its verb."""
_COUNT_DONE = re.compile(
    rf"(?:已经?|均已)(?:提前|全部|基本)?(?P<verb>完成|完工|竣工|办结)了?"
    rf"(?P<kind>[^，,。；;0-9]{{0,8}}?)(?P<num>{say.N})(?P<unit>{_ITEM})\s*(?=$|[，,。；;])"
)
"""已完成子项目7个, 已完成6件: the verb first, then the count."""
_INCLUDES = re.compile(rf"含(?P<quantity>{say.N}(?P<unit>{_ITEM}))(?P<kind>[^，,（()）0-9]{{0,8}})")
"""（含19个子项目）: the parts of the items counted, a total of their own."""
_HEAD_VERBS = re.compile(
    r"(?:涉及|包括|确定|安排|兴办|实施|共有|共计|共|计|有|我[区县市镇]|全[区县市])+$"
)


def counted_items(s: Sentence, start: int) -> int | None:
    """A count done of the plan's items whose total stands before it with words between —
    省、市两级为民办实事项目涉及我区共38项（其中省级29项，…），其中5项已完成; 兴办12件惠民实事项目
    （含19个子项目），其中，已完成子项目7个; 共10件民生实事，已完成6件 — drafted as one cumulative
    indicator (target the total, actual the count done), of the same unit (项, 件, 个) or not at
    all; a count on pace or slow (按序时推进, 推进缓慢) is none. Where the sentence reads so from
    `start`, the end of the clause it ends in, so that the clauses it spans are read no more."""
    head = _COUNTED_HEAD.match(s.text, start)
    if head is None:
        return None
    kind = head["kind"].strip()
    if kind.endswith("中") and not head["aside"] and not head["part"]:
        return None  # 20项民生实事中，16项已完成: a total in its own clause, read as `TOTAL`
    done = _DONE_COUNT.match(s.text, head.end()) or _COUNT_DONE.match(s.text, head.end())
    if done is None:
        return None
    part = say.QUANTITY.match(s.text, done.start("num"))
    total = say.QUANTITY.match(s.text, head.start("total"))
    base = clean(kind.removesuffix("中")) if substantive(clean(kind.removesuffix("中"))) else ""
    base = base or clean(_HEAD_VERBS.sub("", head["whole"].strip()))
    included = _INCLUDES.search(head["aside"] or "")
    if part is not None and included is not None and included["unit"] == part["unit"]:
        total = say.QUANTITY.match(included["quantity"])  # 12件…项目（含19个子项目）…子项目7个
        base = base.removesuffix("项目") + clean(included["kind"])
    if total is None or part is None or q.unit(total) != q.unit(part):
        return None
    if q.value(part) > q.value(total) or not substantive(base):
        return None
    item = q.cumulative(base + "已" + done["verb"], part, s.line, s.section)
    item.target = q.in_unit(total, item.unit)
    item.plain = False
    ends = [i for i in (s.text.find(c, done.end()) for c in "，,。；;") if i >= 0]
    end = min(ends, default=len(s.text))
    s.add(item, start, done.end())
    s.total = None
    s.previous, s.previous_at = s.text[head.end() : done.end()], head.end()
    return end


_ITEMS_COUNTED = re.compile(
    rf"{say.N}(?:项|个|件)(?:项目|事项|实事|子项目)?(?:已|均已)?(?:完成|竣工|完工|建成|办结)?\s*$"
)
COUNTED_UNIT = re.compile(r"[0-9](?:项|件|个)")
"""A clause that may hold a total of the plan's items (共38项, 12件…): the cheap test first."""


def ends_on_count(clause: str) -> bool:
    """A clause that ends on a count of the plan's items (其中5项已完成, 已完成子项目7个)."""
    return _ITEMS_COUNTED.search(clause) is not None

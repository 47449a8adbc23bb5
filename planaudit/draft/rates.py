"""Stated rates in a sentence: 占年度投资计划的69% joins the amount before it (or is an indicator
of its own, named after its clause); a list (分别完成总任务量的97%、100%和83%) gives one per name;
已完成120条（95%） is a bulletin's bracket. Distances and sides are `distances`'."""

from __future__ import annotations

import re

from planaudit.core import phrasings as say
from planaudit.draft import quantities as q
from planaudit.draft.model import Drafted
from planaudit.draft.names import (
    DOING,
    FIRST_FIGURE,
    clean,
    listed,
    opening_title,
    shared_noun,
    substantive,
)
from planaudit.draft.state import Sentence
from planaudit.lang import Message, quote


def paren(s: Sentence, text: str, start: int, end: int, found: re.Match[str]) -> None:
    """皖北地区群众喝上引调水工程正在施工中（93%）: the share of the works done."""
    head = re.split(r"正在|已|目前|进度|完成", text[: found.start()], maxsplit=1)[0]
    name = clean(head)
    if not substantive(name):
        return
    quantity = next(iter(say.QUANTITY.finditer(head)), None)
    item = Drafted(name, s.line, "", s.section, stated=found["rate"] + "%")
    if quantity is not None and quantity.start() == len(head) - len(head.lstrip()):
        item.name = clean(head[quantity.end() :]) or name
        item.target = q.in_unit(quantity, q.written_unit(quantity))
        item.unit = q.written_unit(quantity)
    item.guesses.append(Message.of("guess.share_of_work"))
    s.cumulative = s.add(item, start, end)


def rate(s: Sentence, text: str, start: int, end: int, found: re.Match[str]) -> None:
    """A stated rate: the amount's before it in the sentence, else an indicator of its own."""
    rates = [found["rate"], *re.findall(rf"{say.N}(?=[%％])", found["more"] or "")]
    if text[: found.start()].endswith("计划") and "率" not in found.group():
        return  # 计划完成工程量5%: the plan's share, not the share done (年度计划完成率60% is)
    if len(rates) > 1:
        _rates(s, text, start, end, found, rates)
        return
    groups = found.groupdict()
    printed = groups.get("target") or groups.get("before") or groups.get("inside")
    last = _of_its_verb(s, found) or s.cumulative
    if last is not None and s.amount is not None and _reached(s, last):
        last.actual = q.in_unit(s.amount[0], last.unit)  # 新增85466人，达565965人，为…的X%
        s.amount = None
        if s.pending in s.group.pending:
            s.group.pending.remove(s.pending)
    if last is not None and last.stated is None:
        last.stated, last.plain = rates[0] + "%", False
        s.extend(last, end)
        _printed_target(last, printed)
        return
    if s.amount is not None:
        quantity, name, amount_start, _ = s.amount
        if len(name) <= 2 and s.previous and not FIRST_FIGURE.search(s.previous):
            owner = clean(DOING.split(s.previous, maxsplit=1)[0])
            if substantive(owner):
                name = owner + name
        item = q.cumulative(name, quantity, s.line, s.section)
        item.stated = rates[0] + "%"
        s.cumulative = s.add(item, amount_start, end)
        s.amount = None
        if s.pending in s.group.pending:
            s.group.pending.remove(s.pending)
        _printed_target(item, printed)
        return
    head = text[: found.start()]
    shared = _names_sharing(head)
    if shared:  # 示范区、梁园区和睢县的年度开工率已达到100%: one per name
        what = clean(re.split(r"的", head)[-1]) if "的" in head else ""
        for each in shared:
            item = Drafted(
                f"{each}{what}{_rate_name(found)}", s.line, "", s.section, stated=rates[0] + "%"
            )
            item.guesses.append(Message.of("guess.list_sharing_rate", each=quote(each)))
            s.add(item, start, end)
        return
    name = clean(head)
    if not substantive(name) and s.subject:
        name, start = s.subject, min(start, s.subject_at)
    if not substantive(name) and s.previous:
        words = say.QUANTITY.sub("", s.previous)
        name = clean(re.split(rf"已|{say.N}|{say.PROGRESS_VERB.pattern}", words, maxsplit=1)[0])
        start = s.previous_at
    if not substantive(name) and (title := opening_title(s.text)):
        name, start = title, 0  # “老旧小区改造”项目，截至9月底，累计完成总工程量70.8%
    borrowed = not substantive(name) and bool(s.group.targets)
    if not substantive(name) and not borrowed:
        return
    item = Drafted(f"{name}完成率", s.line, "", s.section, stated=rates[0] + "%")
    item.borrowed = borrowed  # 目标任务：…20条。完成情况：完成45%: the task names it
    item.guesses.append(Message.of("guess.clause_words"))
    s.cumulative = s.add(item, start, end)


def _of_its_verb(s: Sentence, found: re.Match[str]) -> Drafted | None:
    """已开工项目33个，未开工项目17个，开工率为66%: a rate of a verb is the amount's of that verb,
    where the last amount is its negation."""
    verb = _RATE_OF.match(found.group())
    last = s.cumulative
    if verb is None or last is None or not re.search(r"未|没有|尚未", last.name):
        return None
    action = verb.group().removesuffix("率").removesuffix("比例")
    for item in reversed(s.amounts):
        if action in item.name and not re.search(r"未|没有", item.name) and item.stated is None:
            return item
    return None


_RATE_NAME = "完成率"


def _rate_name(found: re.Match[str]) -> str:
    """What a rate is named: its own word (开工率, 竣工率), else 完成率."""
    own = _RATE_OF.match(found.group())
    return own.group() if own else _RATE_NAME


_LIST_SPLIT = re.compile(r"、|和|及|与")
_RATE_OF = re.compile(
    r"(?:完成|执行|开工|开复工|复工|动工|竣工|完工|(?:基本)?建成|投产|到位|办结|签约)(?:率|比例)"
)
_PERCENT_LIST = re.compile(
    rf"^\s*(?:均|分别)(?:已)?(?:达到|达|为|是)(?P<first>{say.N})[%％](?P<more>(?:[、和及与]{say.N}[%％])+)\s*$"
)
"""…投资完成率比率较高，分别达到79.5%、79.2%、79%: the rates of the names before."""


def _names_sharing(head: str) -> list[str]:
    """示范区、梁园区、虞城县、柘城县和睢县的年度: the names of a list that one figure is of
    (short names, two or more)."""
    listing = head.split("的")[0] if "的" in head else head
    names = [clean(name) for name in _LIST_SPLIT.split(listing)]
    if len(names) < 2 or not all(substantive(n) and len(n) <= 10 for n in names):
        return []
    return names


def rate_list(s: Sentence, text: str, start: int, end: int) -> bool:
    """分别达到79.5%、79.2%、79% after a clause naming a list and a rate (夏邑县、睢阳区、民权县投资
    完成率比率较高): one stated rate per name."""
    found = _PERCENT_LIST.match(text)
    rate_of = _RATE_OF.search(s.previous) if found else None
    if found is None or rate_of is None:
        return False
    figures = [found["first"], *re.findall(rf"{say.N}(?=[%％])", found["more"])]
    head = s.previous[: rate_of.start()]
    names = listed(head.split("的")[0], len(figures))
    if names is None:
        return False
    names = shared_noun(names)
    what = clean(head.split("的")[-1]) if "的" in head else ""
    for name, figure in zip(names, figures, strict=True):
        item = Drafted(f"{name}{what}{rate_of.group()}", s.line, "", s.section)
        item.stated = figure + "%"
        item.guesses.append(
            Message.of("guess.list_and_rate", name=quote(name), rate=quote(rate_of.group()))
        )
        s.add(item, s.previous_at, end)
    return True


_NAMED_RATE = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,10}})\s*(?P<rate>{say.N})[%％]")
_NAMED_RATES = re.compile(
    rf"[\u4e00-\u9fff]{{2,10}}\s*{say.N}[%％](?:[、，,]\s*[\u4e00-\u9fff]{{2,10}}\s*{say.N}[%％])+"
)
"""长治124.9%、忻州86.3%、晋城82.1%: names each with its rate."""


def named_rates(s: Sentence, text: str, start: int) -> bool:
    """A list of names each with its rate, after a clause that names the rate and opens the list
    (11个市完成率由高到低分别为：长治124.9%、忻州86.3%…): one stated rate per name."""
    found = _NAMED_RATES.fullmatch(text.strip())
    opener = s.text[: max(0, start - 1)].rstrip()
    rate_of = _RATE_OF.search(s.previous) if found and opener.endswith(("为", "是")) else None
    if found is None or rate_of is None or s.text[start - 1 : start] not in ("：", ":"):
        return False
    for each in _NAMED_RATE.finditer(text):
        item = Drafted(f"{each['name']}{rate_of.group()}", s.line, "", s.section)
        item.stated = each["rate"] + "%"
        item.guesses.append(
            Message.of("guess.list_and_rate", name=quote(each["name"]), rate=quote(rate_of.group()))
        )
        s.add(item, start + each.start(), start + each.end())
    return True


def _printed_target(item: Drafted, printed: str | None) -> None:
    """完成年度目标1.2万人的66.7%: the target printed inside the rate."""
    if printed and item.target is None:
        quantity = say.QUANTITY.search(printed)
        if quantity is not None and q.same_unit(quantity, item.unit):
            item.target = q.in_unit(quantity, item.unit)


def _rates(
    s: Sentence, text: str, start: int, end: int, found: re.Match[str], rates: list[str]
) -> None:
    """分别完成总任务量的97%、100%和83%: one indicator per name listed before 分别 (or in the
    list before: 分别完成全年预期目标的80.4%和114.5%，分别完成市下达计划的62.9%、85.9%)."""
    head = text[: found.start()].split("分别")[0]
    amounts = [item for item in s.amounts if item.stated is None]
    if _bracketed(s, end, found, rates, amounts):
        return
    if not clean(head) and len(amounts) >= len(rates):  # 54个…268.1亿元，…，分别占计划的…
        for item, figure in zip(amounts[-len(rates) :], rates, strict=True):
            item.stated, item.plain = figure + "%", False
            if item in s.group.pending:
                s.group.pending.remove(item)
                s.found.append(item)
            s.extend(item, end)
        return
    counted = list(say.QUANTITY.finditer(s.previous)) if not clean(head) else []
    if len(counted) == len(rates) > len(amounts):  # 已完成对2735家加油站、26408把加油枪的…
        owners = listed(s.previous.split("分别")[0], len(rates)) if "分别" in s.previous else None
        for index, (quantity, figure) in enumerate(zip(counted, rates, strict=True)):
            after = re.split(r"[、，,的和及与]", s.previous[quantity.end() :], maxsplit=1)[0]
            name = owners[index] if owners else clean(after) or clean(s.previous)  # 甲和乙分别…
            item = q.cumulative(name, quantity, s.line, s.section)
            item.stated = figure + "%"
            s.add(item, s.previous_at, end)
        return
    names = listed(head, len(rates))
    if names is None and not clean(head) and len(s.listed) == len(rates):
        names = [f"{name}（{clean(found['of'])}）" for name in s.listed]
    if names is None:
        names = listed(s.previous, len(rates)) if s.previous else None
    if names is None:
        return
    s.listed = names
    tasks = "任务" if clean(head).endswith("任务") else ""
    prefix = clean(s.previous.split("任务")[0]) if tasks and "任务" in s.previous else ""
    if prefix:
        start = s.previous_at
    for name, figure in zip(names, rates, strict=True):
        name = name.removesuffix("任务")
        rate_word = _RATE_OF.match(found.group())
        what = f"{prefix}{name}{tasks}{rate_word.group() if rate_word else ''}"
        item = Drafted(what, s.line, "", s.section, stated=figure + "%")
        item.guesses.append(
            Message.of("guess.prefix_and_list", prefix=prefix or "…", name=quote(name))
        )
        s.add(item, start, end)


def _bracketed(
    s: Sentence, end: int, found: re.Match[str], rates: list[str], amounts: list[Drafted]
) -> bool:
    """分别完成年度目标（维修改造锅炉146台、供热管网改造40公里）的80.8%、58.5%: each rate with the
    target in brackets at its place, each target with the sentence's amount of its unit (of
    锅炉118台 and 管网23.4公里) — none unless every one pairs."""
    targets = list(say.QUANTITY.finditer(found.groupdict().get("inside") or ""))
    if len(targets) != len(rates):
        return False
    pairs = []
    for target in targets:
        item = next((a for a in amounts if q.same_unit(target, a.unit) and a not in pairs), None)
        if item is None:
            return False
        pairs.append(item)
    for item, target, figure in zip(pairs, targets, rates, strict=True):
        item.stated, item.plain = figure + "%", False
        item.target = q.in_unit(target, item.unit)
        if item in s.group.pending:
            s.group.pending.remove(item)
            s.found.append(item)
        s.extend(item, end)
    return True


_REACHED = re.compile(rf"\s*(?:累计|总计|合计|共|总数)?达到?{say.N}")


def _reached(s: Sentence, last: Drafted) -> bool:
    """The clause after the amount says the total it brings things to (新增85466人，达565965人):
    that total, of the amount's unit, is what the rate that follows is of."""
    quantity, _, at, _ = s.amount or (None, "", 0, 0)
    return (
        quantity is not None
        and q.same_unit(quantity, last.unit)
        and at >= s.spans.get(id(last), (0, at + 1))[1]
        and _REACHED.match(s.text, at) is not None
    )

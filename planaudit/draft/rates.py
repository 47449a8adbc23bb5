"""Stated rates and distances in a sentence: 占年度投资计划的69% joins the amount before it (or is
an indicator of its own, named after its clause); a list (分别完成总任务量的97%、100%和83%) gives
one per name; 已完成120条（95%） is a bulletin's bracket; 超时序进度3.5个百分点 is the distance
the report states."""

from __future__ import annotations

import re
from dataclasses import replace

from planaudit.core import phrasings as say
from planaudit.draft import quantities as q
from planaudit.draft.model import Drafted
from planaudit.draft.names import DOING, FIRST_FIGURE, clean, listed, substantive
from planaudit.draft.state import Sentence


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
    item.guesses.append("stated: the share of the work done, as the report prints it")
    s.cumulative = s.add(item, start, end)


def rate(s: Sentence, text: str, start: int, end: int, found: re.Match[str]) -> None:
    """A stated rate: the amount's before it in the sentence, else an indicator of its own."""
    rates = [found["rate"], *re.findall(rf"{say.N}(?=[%％])", found["more"] or "")]
    if text[: found.start()].endswith("计划"):
        return  # 计划完成工程量5%: the plan's share, not the share done
    if len(rates) > 1:
        _rates(s, text, start, end, found, rates)
        return
    printed = found.groupdict().get("target") or found.groupdict().get("before")
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
            item.guesses.append(f"name: made from {each!r} of a list sharing one rate")
            s.add(item, start, end)
        return
    name = clean(head)
    if not substantive(name) and s.subject:
        name, start = s.subject, min(start, s.subject_at)
    if not substantive(name) and s.previous:
        words = say.QUANTITY.sub("", s.previous)
        name = clean(re.split(rf"已|{say.N}|{say.PROGRESS_VERB.pattern}", words, maxsplit=1)[0])
        start = s.previous_at
    if not substantive(name):
        return
    item = Drafted(f"{name}完成率", s.line, "", s.section, stated=rates[0] + "%")
    item.guesses.append("name: only the clause's own words; give a fuller name")
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
_RATE_OF = re.compile(r"(?:完成|执行|开工|开复工|复工|竣工|完工|投产|到位|办结|签约)(?:率|比例)")
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
    names = _shared_noun(names)
    what = clean(head.split("的")[-1]) if "的" in head else ""
    for name, figure in zip(names, figures, strict=True):
        item = Drafted(f"{name}{what}{rate_of.group()}", s.line, "", s.section)
        item.stated = figure + "%"
        item.guesses.append(f"name: made from {name!r} of a list and {rate_of.group()!r}")
        s.add(item, s.previous_at, end)
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
        for quantity, figure in zip(counted, rates, strict=True):
            after = re.split(r"[、，,的和及与]", s.previous[quantity.end() :], maxsplit=1)[0]
            item = q.cumulative(clean(after) or clean(s.previous), quantity, s.line, s.section)
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
        item.guesses.append(f"name: made from {prefix or '…'} and {name!r} of a list")
        s.add(item, start, end)


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
    item.gap = say.gap_sign(side) + (found["num"] or found["num2"])
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


_NOUN = re.compile(r"(?:排放量|总量|增加值|收入|产量|总额|总值|投资|浓度|指数|价格)$")
"""What the last name of a list may carry for all of them (化学需氧量、二氧化硫排放量)."""


def _shared_noun(names: list[str]) -> list[str]:
    """化学需氧量、氨氮、氮氧化物排放量 → each …排放量: the noun the last name ends with, for the
    names before it that have none."""
    noun = _NOUN.search(names[-1])
    if noun is None or len(names) < 2:
        return names
    return [n if _NOUN.search(n) else n.strip() + noun.group() for n in names[:-1]] + names[-1:]


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
        item.guesses.append("stated_gap: behind the pace, the report prints no figure")
        s.add(item, behind.start("name"), behind.end())


_LIST_SIDE = re.compile(
    r"(?P<names>[^，,。；;：:（(]{2,200}?)等(?:[0-9]+|[一二三四五六七八九十]+)项[^，,。；;：:]{0,8}?指标[，,]?"
    r"(?:除(?P<other>[^，,。；;]{2,30}?)外[，,]?)?(?:均|都|全部)?"
    r"(?P<side>高于|低于|超过|好于|快于|慢于|未达到)(?:规划|计划|年初|年度|预期)?(?:目标|预期)(?!进度)"
)
"""财政总收入、固定资产投资、社会消费品零售总额等3项主要经济指标，除财政总收入外，均高于规划目标:
the side each named indicator stands on against its target (the one excepted on the other) — not a
verdict on the pace (…等14项指标超过进度要求), which says nothing of the target."""


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
        item.guesses.append("stated_gap: the side alone, as the report says it of a list")
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
        names = [clean(name) for group in groups for name in _shared_noun(group.split("、"))]
        if not names or not all(substantive(n) and not _NOT_NAMED.search(n) for n in names):
            continue
        suffix = "下降" if found["what"] == "降幅" else "增长"
        side = "高于" if say.gap_sign(found["side"]) == "" else "低于"
        for name in names:
            item = Drafted(f"{name}{suffix}", s.line, "", s.growth_section, kind="level")
            item.gap = side
            item.guesses.append("stated_gap: the side alone, as the report says it")
            s.add(item, head_start + len(head) - len(head.lstrip()), found.end())

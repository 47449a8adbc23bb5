"""Stated rates and distances in a sentence: 占年度投资计划的69% joins the amount before it (or is
an indicator of its own, named after its clause); a list (分别完成总任务量的97%、100%和83%) gives
one per name; 已完成120条（95%） is a bulletin's bracket; 超时序进度3.5个百分点 is the distance
the report states."""

from __future__ import annotations

import re

from planaudit import phrasings as say
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
    if len(rates) > 1:
        _rates(s, text, start, end, found, rates)
        return
    printed = found.groupdict().get("target")
    last = s.cumulative
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
    name = clean(text[: found.start()])
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
        item = Drafted(f"{prefix}{name}{tasks}", s.line, "", s.section, stated=figure + "%")
        item.guesses.append(f"name: made from {prefix or '…'} and {name!r} of a list")
        s.add(item, start, end)


def gap(s: Sentence, found: re.Match[str], end: int) -> None:
    """低于目标1.8个百分点: the distance of the level or the amount before it."""
    ref = found["ref"] or found["ref2"] or ""
    side = found["side"] or found["side2"] or ""
    item = s.level if "目标" in ref and s.level is not None else s.cumulative
    if item is None or item.gap is not None:
        return
    item.gap = say.gap_sign(side) + (found["num"] or found["num2"])
    item.plain = False
    s.extend(item, end)

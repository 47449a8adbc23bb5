"""The periods a sentence speaks of, beside the report's: a paragraph that opens on one (1-7月，…)
dates its figures; a sentence about one month (10月份，…) has that month's growths; a bracket of a
later period (（1-7月份，…同比增长75.2%）) gives the growth before it a month later; and the turn to
the year's outlook (全年确保实现…) ends what is progress — a forecast at 100 % of the year's target
states that target."""

from __future__ import annotations

import re
from datetime import date

from planaudit.core import phrasings as say
from planaudit.draft import levels
from planaudit.draft.dates import part_end
from planaudit.draft.groups import Target
from planaudit.draft.names import clean, substantive
from planaudit.draft.state import Sentence

_LATER = re.compile(r"[（(](?P<period>[^（()），,]{2,12})[，,](?P<body>[^（()）]{1,200})[）)]")
"""（1-7月份，限额以上固定资产投资完成11.9亿元，同比增长75.2%）: the same figures a month later."""
_SINGLE_OPEN = re.compile(
    r"^\s*(?:[^，,。；;0-9]{0,12}(?:消息|讯)[\s：:]*)?"
    r"(?:(?:1[0-2]|[1-9])月份?(?:当月|单月)?|当月|本月|单月)[，,]"
)
"""A sentence about one month (10月份，…当月完成12.73亿元，增长3.8%，其中…增长7.8%), after a
news line's dateline (枞阳在线消息 11月份，…)."""
_OPENING_PERIOD = re.compile(
    r"^\s*(?:今年|本年)?(?P<period>(?:1|一)\s*[-—–~～至到]\s*(?:1[0-2]|[1-9])\s*月份?|前三季度|上半年"
    r"|(?:第)?一季度|截至(?:20[0-9]{2}年)?(?:1[0-2]|[1-9])月(?:[1-3]?[0-9]日|底|末)?)[，,]"
)
"""1-7月，… / 截至11月20日，…: the period the paragraph's figures stand at from here on."""
_PERIOD_CLAUSE = re.compile(
    r"(?:今年|本年)?(?:20[0-9]{2}年度?)?(?:(?:1|一)\s*[-—–~～至到]\s*(?:1[0-2]|[1-9])\s*月份?|前三季度"
    r"|上半年|(?:第)?一季度)?"
)
_INLINE_PERIOD = re.compile(
    r"^\s*(?P<period>(?:1|一)\s*[-—–~～至到]\s*(?:1[0-2]|[1-9])\s*月份?|前三季度|上半年"
    r"|(?:第)?一季度)(?![末底])"
)
"""一季度全县生产总值完成59.6亿元 in a report of 上半年: a clause opening on an earlier period (not
计划上半年开工的113个项目, a name's words, nor 较一季度回落, a comparison)."""
MAX_PERIOD = 16
_FORECAST = re.compile(
    r"(?:^|(?<=[，,；;]))[ \t\u3000]*(?:全年|年底前?|年末|到年底|今年)?"
    r"(?:预计全年|确保|力争|争取|有望)"
)
"""Where a sentence turns to the year's outlook (全年确保实现生产总值176亿元，增长9.3%): its
figures are forecasts, not progress."""
_OUTLOOK_WORDS = re.compile(
    r"全年|年底前?|年末|到年底|今年|预计|确保|力争|争取|有望|实现|完成|达到"
)


def opening(s: Sentence) -> None:
    """The sentence's one month, and the period its paragraph stands at from here on."""
    found = _OPENING_PERIOD.match(s.text)
    s.one_month = _SINGLE_OPEN.match(s.text) is not None or (s.group.month_runs and not found)
    s.group.month_runs = s.one_month and s.text.rstrip().endswith(("；", ";"))
    if found is not None:
        s.group.at = part_end(found["period"].removesuffix("份"), s.group.year)


def within(s: Sentence, clause: str) -> bool:
    """A clause that is only a period (…加快推进，2017年，常住人口城镇化率54.6%): the figures of the
    paragraph from here on stand at its end; those before it at the date they stood at."""
    found = _PERIOD_CLAUSE.fullmatch(clause.strip()) if len(clause) <= MAX_PERIOD else None
    when = part_end(found.group(), s.group.year) if found else None
    if when is None:
        return False
    for item in s.found:
        item.at = item.at or s.group.at
    s.group.at = when
    return True


def inline(s: Sentence, head: str) -> None:
    """A period named before a clause's figure (初步核算，一季度全县生产总值完成59.6亿元) dates the
    paragraph's figures from here on at its end: a figure of 一季度 in a report of 上半年 is
    written dated, never as the half-year's."""
    found = _INLINE_PERIOD.match(head) if "月" in head or "季" in head or "半" in head else None
    when = part_end(found["period"].removesuffix("份"), s.group.year) if found else None
    if when is not None:
        s.group.at = when


def outlook_start(s: Sentence) -> int | None:
    """Where the sentence turns to the year's outlook, if it does."""
    found = _FORECAST.search(s.text)
    return found.start() if found else None


def later_brackets(s: Sentence) -> list[tuple[re.Match[str], date]]:
    """The brackets of the sentence that give its figures at a later date (（1-7月份，…）)."""
    found = []
    for bracket in _LATER.finditer(s.text):
        when = part_end(bracket["period"].removesuffix("份"), s.group.year)
        if when is not None:
            found.append((bracket, when))
    return found


def later(s: Sentence, text: str, bracket: tuple[re.Match[str], date]) -> None:
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


def outlook(s: Sentence, start: int) -> None:
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

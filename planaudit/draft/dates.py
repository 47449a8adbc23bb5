"""The plan a report speaks of, its period, and the date its figures stand at, from the report's
title and text: 上半年, 1—6月, 1-7月份, 一季度, 前三季度, 截至6月20日, 9月份 (a monthly bulletin's
running total), 2013—2017年 and 十三五 (a multi-year plan)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from planaudit.lang import Message

_DASH = r"\s*[-—–~～至到]\s*"
_PART = re.compile(
    rf"(?P<half>上半年|前两季度|二季度末)"
    rf"|(?P<q3>前三季度|三季度末)"
    rf"|(?P<q1>(?:第)?一季度)"
    rf"|(?:1|一){_DASH}(?P<months>1[0-2]|[2-9])\s*月"
    rf"|(?:前|头)(?P<first>1[01]|[2-9]|十一|十|[二三四五六七八九])个?月"
    rf"|(?:截至|截止到?|(?<![0-9一起])至)(?:(?P<until_year>20[0-9]{{2}})年)?(?P<until>1[0-2]|[1-9])月"
    rf"(?:(?P<until_day>[1-3]?[0-9])日|(?P<end>底|末|份))?"
)
"""The part of the plan period a report's figures stand at (not 即日起至11月15日: a span ahead)."""
_MONTH_OF_BULLETIN = re.compile(r"20[0-9]{2}年(?:度)?(?P<month>1[0-2]|[1-9])月份?(?![0-9])")
_YEAR = re.compile(r"(?P<year>20[0-9]{2})年")
_NEXT_YEAR_WORK = re.compile(r"谋划|储备|梳排|筹备|前期工作|明年|下一年|下年度")
"""Work on another year's plan (启动了2018年区重点项目梳排): its year is not the report's."""
_CLAUSE = re.compile(r"[^，,。；;：:\n]{1,200}")
_YEARS = re.compile(rf"(?P<start>20[0-9]{{2}})(?:年)?{_DASH}(?P<end>20[0-9]{{2}})年")
_NTH_FIVE = re.compile(r"第(?P<nth>十[一二三四五])个五年(?=规划|计划)")
_FIVE_YEAR = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}
_CHINESE_MONTHS = {"二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_CHINESE_MONTHS["十一"] = 11
_TITLE = re.compile(
    r"^[ \t\u3000]*(?!20[0-9]{2}年(?:1[0-2]|[1-9])月[1-3]?[0-9]日在)"
    r"(?P<title>[^\n]{0,20}?(?:关于|20[0-9]{2}年|十[一二三四五]五)[^\n]{2,80}?"
    r"(?:报告|意见|情况|通报|公示|公报|表|简报|进展|评估))[^\n]{0,30}$",
    re.MULTILINE,
)
_PLAN = re.compile(r"关于(?P<plan>.+?(?:计划|规划|预算|纲要|实事|项目|工程))")
_FULL_YEAR = re.compile(r"执行情况与20[0-9]{2}年|年度?(?:计划|预算)执行情况的?(?:报告|审查)")
_STATUS = re.compile(r"完成情况|执行情况|进展情况|实施情况")
"""A title on a year's status with no part of the year named: the year as a whole."""
_REVIEW = re.compile(
    r"(?P<five>十[一二三四五]五)[”\"」』]?(?:规划|規劃)[^。\n]{0,30}?(?:中期评估|中期評估|实施情况|實施情況)"
)
"""A five-year plan's review named in the text rather than the title."""
_PAGE_DATE = re.compile(
    r"(?<![0-9])(?P<year>20[0-9]{2})(?:-|/|年|\.)(?P<month>1[0-2]|0?[1-9])(?:-|/|月|\.)"
    r"(?P<day>3[01]|[12][0-9]|0?[1-9])(?![0-9])"
)
"""A page's date line near its top (发布日期：2024-11-06, 转自：… 2024-11-06 18:18:24)."""
TITLE_LINES = 12
"""Lines at the top of a page where its title stands (after the site's navigation)."""


@dataclass
class When:
    """What the report's title and text say of the plan and its dates."""

    plan: str
    start: date
    end: date
    as_of: date
    guesses: list[Message] = field(default_factory=list)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _part(match: re.Match[str], year: int) -> date | None:
    """The date a period word stands for, in `year`."""
    if match["half"]:
        return date(year, 6, 30)
    if match["q3"]:
        return date(year, 9, 30)
    if match["q1"]:
        return date(year, 3, 31)
    if match["months"]:
        return _month_end(year, int(match["months"]))
    if match["first"]:
        first = match["first"]
        return _month_end(year, int(first) if first.isascii() else _CHINESE_MONTHS[first])
    month = int(match["until"])
    until_year = int(match["until_year"]) if match["until_year"] else year
    day = match["until_day"]
    if day:
        try:
            return date(until_year, month, int(day))
        except ValueError:
            return None
    return _month_end(until_year, month)


def part_end(text: str, year: int) -> date | None:
    """The date a period word standing alone means (一季度 → March 31, 1-7月 → July 31, 2016年 →
    2016-12-31, 2018年上半年 → 2018-06-30), else None: the names of a list that are periods
    (一季度和上半年分别增长…) date its figures."""
    text = text.strip()
    named = _YEAR.match(text)
    if named is not None:
        year = int(named["year"])
        if not text[named.end() :].strip("度 "):
            return date(year, 12, 31)
    match = _PART.fullmatch(re.sub(r"^(?:今年|本年|20[0-9]{2}年)", "", text))
    return _part(match, year) if match else None


def period_list(text: str, year: int, count: int) -> list[date] | None:
    """The dates of a list of `count` periods (2016年、2017年、2018年上半年), else None."""
    parts = [part for part in re.split(r"[、和及与，,]", text.strip()) if part.strip()]
    if len(parts) != count or count > 12:
        return None
    dates = [part_end(part, year) for part in parts]
    return [d for d in dates if d is not None] if all(dates) else None


def title_of(report: str) -> re.Match[str] | None:
    """The report's own title: the first line near the top that reads like one."""
    head = "\n".join(report.split("\n", TITLE_LINES)[:TITLE_LINES])
    return _TITLE.search(head)


def when(report: str, account: str, default_year: int) -> When:
    """The plan's title, period and as_of; what is assumed is said in `guesses`."""
    guesses: list[Message] = []
    title_match = title_of(report)
    title = title_match["title"] if title_match else ""
    plan_match = _PLAN.search(title)
    plan = _PART.sub("", plan_match["plan"]).strip("《》") if plan_match else ""
    years = _YEARS.search(title)
    five = next((k for k in _FIVE_YEAR if k in _five_years(title)), None)
    review = _REVIEW.search(_five_years(account[:1000]))
    if five is None and not plan and review is not None:
        five = review["five"]
    year_match = _YEAR.search(title) or _report_year(account)
    if years and int(years["start"]) < int(years["end"]) <= int(years["start"]) + 10:
        start, end = date(int(years["start"]), 1, 1), date(int(years["end"]), 12, 31)
    elif five:
        start = date(_FIVE_YEAR[five], 1, 1)
        end = date(_FIVE_YEAR[five] + 4, 12, 31)
    else:
        year_match = year_match or _PAGE_DATE.search(_head(account))  # 2024-11-06 at the top
        year = int(year_match["year"]) if year_match else default_year
        if not year_match:
            guesses.append(Message.of("guess.no_year", year=default_year))
        start, end = date(year, 1, 1), date(year, 12, 31)
    if not plan:
        plan = _plan_from(title) if title else "（计划名称）"
        guesses.append(Message.of("guess.title" if title else "guess.no_title"))
    as_of = _as_of(title, account, start, end, guesses)
    return When(plan, start, end, as_of, guesses)


def _five_years(text: str) -> str:
    """第十三个五年规划 written as 十三五, as reports also write it."""
    return _NTH_FIVE.sub(lambda m: m["nth"] + "五", text)


def _report_year(account: str) -> re.Match[str] | None:
    """The first year the account names, but for one named only in work on another year's plan
    (上月已启动了2018年区重点项目梳排: the report is of 2017)."""
    for found in _YEAR.finditer(account):
        clause = _CLAUSE.match(account, _clause_start(account, found.start()))
        if clause is None or not _NEXT_YEAR_WORK.search(clause.group()):
            return found
    return None


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding `at` begins (looking back a clause's length at most)."""
    window = max(0, at - 200)
    return 1 + max(text.rfind(mark, window, at) for mark in "，,。；;：:\n")


def _plan_from(title: str) -> str:
    """A plan's name from a bulletin's title (东港市2017年9月份财政收入完成情况表 →
    东港市2017年财政收入)."""
    name = _PART.sub("", title)
    name = re.sub(r"(?<=年)(?:度)?(?:1[0-2]|[1-9])月份?", "", name)
    name = re.sub(
        r"(?:的)?(?:完成|执行|进展|实施|推进)?情况.*$|(?:的)?(?:通报|公示|报告|简报).*$", "", name
    )
    return name.strip(" 　") or title


_MIDTERM = re.compile(r"中期评估|中期检查|中期总结|时间过半")
"""A review at the plan's middle: where it names no year of the plan, its figures stand at the end
of the last full year before the middle (a 2021—2025 plan's review: 2022), as reviews report."""
_MONTH_RUNNING = re.compile(
    r"(?m)^[ \t\u3000]*(?P<month>1[0-2]|[1-9])月份?[，,][^。；;\n]{0,40}?(?:累计|共计|总计)"
)
"""A monthly bulletin's paragraph opening on its month and a running total (4月，一般公共预算收入
累计完成24627万元): the figures stand at that month's end."""


def _as_of(title: str, account: str, start: date, end: date, guesses: list[Message]) -> date:
    """The date the figures stand at: the title's period word, a 截至 date in the text that
    falls in its last month, the text's first period word, or the year's middle (assumed)."""
    multi_year = end.year > start.year
    year = end.year
    if multi_year:
        stated = [int(y) for y in _YEAR.findall(account) if start.year <= int(y) <= end.year]
        year = max(stated) if stated else start.year
        if not stated and _MIDTERM.search(title + account[:3000]):
            year = max(start.year, (start + (end - start) / 2).year - 1)  # 2022 of 2021—2025
    in_title = [_part(m, year) for m in _PART.finditer(title)]
    in_text = [(m, _part(m, year)) for m in _PART.finditer(account[:3000])]
    until = [d for m, d in in_text if m["until"] and d is not None]
    titled = next((d for d in in_title if d is not None), None)
    if titled is None and not multi_year:
        bulletin = _MONTH_OF_BULLETIN.search(title)
        if bulletin:
            titled = _month_end(year, int(bulletin["month"]))
    if titled is None and _FULL_YEAR.search(title) and not multi_year:
        titled = end
    if titled is not None:
        same_month = [d for d in until if (d.year, d.month) == (titled.year, titled.month)]
        found = min(same_month) if same_month else titled
    elif until:
        found = until[0]
    elif in_text and in_text[0][1] is not None:
        found = in_text[0][1]
    elif running := _MONTH_RUNNING.search(account[:3000]):
        found = _month_end(year, int(running["month"]))
    elif (published := _published(account, year)) is not None:
        found = published
        guesses.append(Message.of("guess.page_date"))
    elif _STATUS.search(title) and not multi_year:
        found = end
        guesses.append(Message.of("guess.as_of_year_end"))
    elif multi_year:
        found = date(year, 12, 31)
        guesses.append(Message.of("guess.as_of_end_of", year=year))
    else:
        found = date(end.year, 6, 30)
        guesses.append(Message.of("guess.as_of_june"))
    return min(max(found, start), end)


def _published(account: str, year: int) -> date | None:
    """The date a page prints near its top, in the plan's year: where the text names no period,
    its figures stand at the day it was published (目前所有项目均已…)."""
    found = _PAGE_DATE.search(_head(account))
    if found is None or int(found["year"]) != year:
        return None
    try:
        return date(year, int(found["month"]), int(found["day"]))
    except ValueError:
        return None


def _head(text: str) -> str:
    """The lines at the top of a page, where its title and date stand."""
    return "\n".join(text.split("\n", TITLE_LINES)[:TITLE_LINES])

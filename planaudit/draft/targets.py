"""The measures part of a report (what will be done) gives full-year targets and milestones:
`全年新增学位不低于1.7万个` goes to the amount of the same unit whose clauses share the most words
with it; `力争年底前完成分区规划编制` is a milestone due at the month's end."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation

from planaudit.core import phrasings as say
from planaudit.draft.clauses import MAX_CLAUSE
from planaudit.draft.model import Drafted
from planaudit.lang import Message

_SENTENCE = re.compile(r"[^。；;！？\n]+")
_PIECE = re.compile(r"(?:[^,，、]|(?<=[0-9]),(?=[0-9]{3}(?![0-9])))+")
_WORDING = re.compile(r"(?P<pre>不低于|不少于|超过|低于|不高于|不超过|控制在)$")
_AFTER = re.compile(r"^(?P<post>以上|以内|以下|左右)")
_MILESTONE = re.compile(
    r"力争(?P<when>年底|(?P<month>[0-9]{1,2})月底)前?"
    r"(?P<what>[^，,。；;\n]{0,100}?完成[^，,。；;\n]{0,100})"
)
_FILLER = re.compile(r"^(?:其中|累计|上半年|前三季度|一季度|1-[0-9]+月|今年以来|共|全区|全年|已)+")
_TASK_LIST = re.compile(
    r"(?:定下|确定|安排|下达|制定|明确|部署)了?[^。；;\n]{0,30}?(?:实事|项目|任务|目标)"
    r"[，,]?(?:分别为|分别是|包括|如下|主要有|为|是)[：:]"
)
"""2009年本市定下三项市政府实事项目，分别为：…: the tasks of the year, listed."""
_FIGURE = re.compile(rf"{say.QUANTITY.pattern}|(?P<percent>{say.N})[%％]")
"""A target's figure: a quantity with its unit, or a percentage (for a level in %)."""
_COMMON = frozenset(
    {"完成", "实施", "实现", "建设", "推进", "加快", "全年", "任务", "大力", "全力"}
)
"""Word pairs of any plan sentence: sharing them says nothing about two clauses."""
_NOT_WORDS = re.compile(rf"{say.N}(?:{say.MAGNITUDE})?(?:{say.UNIT})?|[0-9.,，、%“”\"]")
_IN_A_NAME = re.compile(rf"{say.N}(?:{say.MAGNITUDE})?(?:{say.UNIT})?(?=以[上下][\u4e00-\u9fff])")
_DIGITS_KEPT = str.maketrans("0123456789.", "〇一二三四五六七八九点")
WEAK_SCORE = 6
"""Word pairs an amount without a verb of progress must share with a listed task's clauses."""
NAMED_OVER = 3
"""Word pairs a listed task must share with an amount's name, all of the name's, for an amount
over its target (done ahead of the year) to take it."""
MAX_COMPARISONS = 200_000
"""Target clauses × indicators of the same unit tried before matching stops."""

Lines = Callable[[int], int]


def _bigrams(text: str) -> set[str]:
    """The pairs of neighbouring characters of `text`, without figures, units and common words —
    but with a figure of a name's (10亿元以上项目: the kind of project counted), which tells
    it from another kind (亿元以上项目)."""
    text = _IN_A_NAME.sub(lambda m: m.group().translate(_DIGITS_KEPT), text.replace("及以", "以"))
    text = _NOT_WORDS.sub("", text)
    return {text[i : i + 2] for i in range(len(text) - 1)} - _COMMON


def _value(text: str | None) -> Decimal | None:
    if text is None:
        return None
    match = re.match(rf"^({say.N})(万亿|万|亿)?", text)
    if match is None:
        return None
    try:
        value = Decimal(match[1].replace(",", ""))
    except InvalidOperation:
        return None
    return value * {"万": 10**4, "亿": 10**8, "万亿": 10**12}.get(match[2] or "", 1)


def _plausible(done: Decimal | None, target: Decimal | None) -> bool:
    """A cumulative target below what is already done, or over 100 times it, is another
    figure than this indicator's target."""
    if done is None or target is None:
        return True
    return done <= target <= done * 100


def _in_name(name: set[str], clause: set[str]) -> bool:
    """The target's clause holds the word pairs of the indicator's name but for its verb's (引进
    亿元及以上项目 of 亿元以上项目100个): it names it."""
    return len(name) > 2 and len(name - clause) <= 2


def _clause_before(sentence: str, start: int) -> int:
    before = max(0, start - 1)
    window = max(0, before - MAX_CLAUSE)
    found = max(sentence.rfind(",", window, before), sentence.rfind("，", window, before))
    return found + 1 if found >= 0 else window


_ITEM_TASK = re.compile(
    r"^[ \t\u3000]*[0-9]{1,3}[.．、](?![0-9])(?P<task>[^。\n]{4,300}?[0-9][^。\n]{0,300}?。)"
    r"(?=[ \t\u3000]*(?:上半年|前三季度|一季度|[1１][-—–至~～][0-9]{1,2}月份?|截至|截止|今年以来"
    r"|目前)[^，,。\n]{0,12}[，,])",
    re.MULTILINE,
)
"""1.…投资10亿元以上项目10个、亿元以上项目100个。上半年，…: a numbered item that opens on the
year's task (its first sentence) and then reports the progress of a period."""
_PROGRESS_WORDS = re.compile(r"已|累计|完成了|同比|增长|下降|达到|比上年")


def passages(account: str) -> list[tuple[int, int]]:
    """The spans of the account that state the year's targets rather than progress: from the
    sentence that opens a list of tasks (2009年本市定下三项市政府实事项目，分别为：…) to the end of
    its paragraph, and a numbered item's task before its progress (1.新开工亿元以上产业项目100个。
    上半年，新开工…80个)."""
    found = []
    for opener in _TASK_LIST.finditer(account):
        start = max(account.rfind(mark, 0, opener.start()) for mark in "。；;\n") + 1
        end = account.find("\n", opener.end())
        found.append((start, len(account) if end < 0 else end))
    for item in _ITEM_TASK.finditer(account):
        if not _PROGRESS_WORDS.search(item["task"]):
            found.append((item.start("task"), item.end("task")))
    return sorted(found)


def _unit_key(item: Drafted) -> str | None:
    """The unit a target must be printed in to be this indicator's: its unit, or % for a level
    in % that is not a growth rate (参合率, 覆盖面)."""
    if item.kind == "milestone" or item.target is not None:
        return None
    if item.unit is not None:
        return item.unit
    percent = item.kind == "level" and (item.actual or "").endswith("%")
    return "%" if percent and not item.name.endswith(("增长", "下降")) else None


def match(
    indicators: list[Drafted], report: str, spans: list[tuple[int, int]], line: Lines
) -> list[Message]:
    """Full-year targets from the measures part (and the account's lists of tasks, `spans`),
    matched to an indicator of the same unit by the word pairs its name shares with the target's
    clause and its quoted clauses share with the target's (the clause before included). Each
    target is used once, best matches first; an amount without a verb of progress takes one only
    from a list of tasks. The measures part is the last span. Returns the guesses about the
    matching as a whole."""
    candidates: list[tuple[int, int, Drafted, str, str, int, int]] = []
    by_unit: dict[str, list[tuple[int, Drafted, set[str], set[str], Decimal | None]]] = {}
    strong: dict[str, list[tuple[int, Drafted, set[str], set[str], Decimal | None]]] = {}
    for index, item in enumerate(indicators):
        key = _unit_key(item)
        if key is not None:
            words = (_bigrams(item.name), _bigrams(item.context))
            done = _value(item.actual) if item.kind == "cumulative" else None
            by_unit.setdefault(key, []).append((index, item, *words, done))
            if not item.weak:  # the measures part's targets go to amounts with a verb
                strong.setdefault(key, []).append((index, item, *words, done))
    budget = MAX_COMPARISONS
    measures = spans[-1][0]
    sentences = (s for a, b in spans for s in _SENTENCE.finditer(report, a, b))
    for sentence in sentences:
        listed = sentence.start() < measures  # a list of the year's tasks, in the account
        units = by_unit if listed else strong
        text = sentence.group()
        for clause in _PIECE.finditer(text):
            if len(clause.group()) > MAX_CLAUSE:
                continue
            start = sentence.start() + clause.start()
            context = _bigrams(text[_clause_before(text, clause.start()) : clause.end()])
            own = _bigrams(clause.group())
            for target in _FIGURE.finditer(clause.group()):
                unit = (target["unit"] or "%").replace("每", "/")
                magnitude = target["mag"] or ""
                number = (target["num"] or target["percent"]).replace(",", "")
                if target["percent"] is not None:
                    number += "%"
                before = _WORDING.search(clause.group(), 0, target.start())
                after = _AFTER.match(clause.group(), target.end())
                pre = before["pre"] if before else ""
                post = after["post"] if after else ""
                as_written = [(number + magnitude, units.get(unit, []))]
                if magnitude:  # 134万平方米 is 134 in 万平方米
                    as_written.append((number, units.get(magnitude + unit, [])))
                for value, items in as_written:
                    budget -= len(items)
                    if budget < 0:
                        return [Message.of("guess.matching_stopped", count=f"{MAX_COMPARISONS:,}")]
                    amount = _value(value)
                    for index, item, name_words, context_words, done in items:
                        named = len(name_words & own)
                        score = named + len(context_words & context)
                        if score < (WEAK_SCORE if item.weak else 3):
                            continue
                        named_so = listed and named >= NAMED_OVER and _in_name(name_words, own)
                        if not _plausible(done, amount) and not (named_so and done and amount):
                            continue  # 10亿元以上项目25个 of 投资10亿元以上项目10个: ahead
                        wording = pre + value + post
                        found = (score, -index, item, wording, clause.group(), start, named)
                        candidates.append(found)
    used: set[int] = set()
    taken: set[tuple[int, str]] = set()
    for score, _, item, wording, quoted, start, named in sorted(
        candidates, key=lambda c: (-c[0], -c[1])
    ):
        if id(item) in used or (start, wording) in taken:
            continue
        used.add(id(item))
        taken.add((start, wording))
        must = "确保" if "确保" in quoted.split(wording)[0] else ""
        item.target = must + wording
        item.plain = item.weak = False
        item.source = f"{item.source}…{quoted.strip()}"
        item.guesses.append(
            Message.of(
                "guess.matched",
                score=score,
                named=named,
                line=line(start),
                quote=quoted.strip(),
            )
        )
    return []


def milestones(report: str, split: int, year: int, line: Lines) -> list[Drafted]:
    """`力争年底前完成…`, `力争8月底…完成…` of the measures part: milestones due at the end of
    their month."""
    found = []
    for milestone in _MILESTONE.finditer(report, split):
        month = int(milestone["month"]) if milestone["month"] else 12
        if not 1 <= month <= 12:
            continue
        due = date(year, month, calendar.monthrange(year, month)[1])
        name = _FILLER.sub("", milestone["what"].strip())
        item = Drafted(name, line(milestone.start()), milestone.group(), kind="milestone", due=due)
        item.done = False
        item.guesses.append(Message.of("guess.done_unknown"))
        found.append(item)
    return found

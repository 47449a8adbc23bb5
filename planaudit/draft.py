"""A first draft of a plan file from a report's text, for a person to finish.

The report's account of progress (up to its part on the measures to come, `二、…措施`) gives the
indicators: clauses with a progress figure (`新增居住区停车位1966个`), a stated rate
(`完成年度任务的91.77%`), a growth rate in the opening summary (`同比增长6.5%`) or a rate or level
(`城镇登记失业率为0.84%`). The measures part gives full-year targets (`全年新增学位不低于1.7万个`),
matched to an indicator by unit and by the words they share, and milestones
(`力争年底前完成分区规划编制`). Everything that is a guess is marked so in the YAML written.

Pure: the report's text in, a Draft out; `to_yaml` writes it.
"""

from __future__ import annotations

import calendar
import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from planaudit.errors import UNSAFE_TEXT
from planaudit.numbers import parse_figure
from planaudit.verify import MEASURES

UNITS = (
    "万平方米|平方米|公顷|亩|公里|套|户|个|项|辆|处|座|家|人|片|条|所|块|名"
    "|微克/立方米|微克每立方米"
)
_NUMBER = r"\d+(?:\.\d+)?(?:万|亿)?"
_QUANTITY_END = re.compile(rf"(?P<num>{_NUMBER})(?P<more>余|多)?(?P<unit>{UNITS})$")
_PROGRESS_VERB = re.compile(r"完成|新增|新开工|竣工|建成|拆除|腾退|拆迁|建设|改造|新建|筹集|治理")
_STATED = re.compile(
    r"(?:完成(?:年度|全年|总)?(?:任务|计划)量?的|占(?:全?年)?(?:计划|任务)的?|完成率(?:达到|达|为)?)"
    r"(?P<rate>\d+(?:\.\d+)?%)"
)
_SEVERAL_STATED = re.compile(
    r"(?P<names>[^，,]+?)任务分别完成(?:总)?任务量?的(?P<rates>\d+(?:\.\d+)?%(?:[、和]\d+(?:\.\d+)?%)+)"
)
_GROWTH = re.compile(r"(?P<name>.*?)(?:同比)?(?P<way>增长|下降)(?P<num>\d+(?:\.\d+)?)%$")
_LEVEL = re.compile(rf"(?P<name>.+?(?:率|浓度|均值))为(?P<num>{_NUMBER})(?P<unit>%|{UNITS})$")
_SUBJECT = re.compile(rf"^(?P<subject>.+?)(?:实现|完成|达到|为){_NUMBER}")
_HEADING = re.compile(r"^\s*[（(][一二三四五六七八九十]+[)）]\s*(?P<title>.+?)\s*$")
_TITLE = re.compile(
    r"关于(?P<plan>.+?计划)(?P<when>上半年|前三季度|一季度|第一季度|1-(?:1[0-2]|[2-9])月)?执行情况"
)
_YEAR = re.compile(r"(?P<year>20\d\d)年")
_FILLER = re.compile(r"^(?:其中|累计|上半年|前三季度|一季度|1-\d+月|今年以来|共|全区|全年|已)+")
_LEAD_VERB = re.compile(r"^(?:完成|实现)")
_TARGET = re.compile(
    rf"(?P<pre>不低于|不少于|超过|低于|不高于|不超过|控制在)?(?P<num>{_NUMBER})(?P<unit>{UNITS})"
)
_MILESTONE = re.compile(
    r"力争(?P<when>年底|(?P<month>\d{1,2})月底)前?"
    r"(?P<what>[^，,。；;\n]{0,100}?完成[^，,。；;\n]{0,100})"
)
_SENTENCE = re.compile(r"[^。；;！？\n]+")
_COMMON = frozenset(
    {"完成", "实施", "实现", "建设", "推进", "加快", "全年", "任务", "大力", "全力"}
)
"""Word pairs of any plan sentence: sharing them says nothing about two clauses."""
_CLAUSE = re.compile(r"[^,，]+")
MAX_CLAUSE = 300
"""Characters in a clause worth reading: a longer run without a comma is not a sentence of a
report, and the patterns above would cost its length squared."""
MAX_COMPARISONS = 200_000
"""Target clauses × indicators of the same unit tried before matching stops."""
AS_OF = {"上半年": (6, 30), "前三季度": (9, 30), "一季度": (3, 31), "第一季度": (3, 31)}


@dataclass
class Drafted:
    """One indicator of the draft; `guesses` are the comments a person must check."""

    name: str
    line: int
    source: str
    section: str | None = None
    kind: str = "cumulative"
    unit: str | None = None
    actual: str | None = None
    stated: str | None = None
    target: str | None = None
    direction: str | None = None
    due: date | None = None
    guesses: list[str] = field(default_factory=list)
    context: str = ""
    """The quoted clauses and the one before: the words a target is matched by."""


@dataclass
class Draft:
    plan: str
    year: int
    as_of: date
    source: str
    indicators: list[Drafted]
    guesses: list[str]
    """Guesses about the plan itself (its title, year, as_of)."""


def draft(report: str, source_name: str, default_year: int = 2000) -> Draft:
    """The draft of a report's plan; `default_year` stands where the report names no year."""
    report = report.replace("\r\n", "\n").replace("\r", "\n")
    guesses: list[str] = []
    unsafe = len(UNSAFE_TEXT.findall(report))
    if unsafe:  # they would reorder or hide text wherever the draft is shown
        report = UNSAFE_TEXT.sub("", report)
        guesses.append(f"source: {unsafe} control characters of the report were left out")
    measures = MEASURES.search(report)
    split = measures.start() if measures else len(report)
    title = _TITLE.search(report)
    year_match = _YEAR.search(title.group("plan") if title else report)
    year = int(year_match.group("year")) if year_match else default_year
    if not year_match:
        guesses.append(f"year: no year found in the report; {default_year} assumed")
    plan = title.group("plan") if title else "（计划名称）"
    if not title:
        guesses.append("plan: no 关于…计划…执行情况 title found; give the plan's title")
    when = title.group("when") if title else None
    if when in AS_OF:
        month, day = AS_OF[when]
    elif when and when.startswith("1-"):
        month = int(when[2:-1])
        day = calendar.monthrange(year, month)[1]
    else:
        month, day = 6, 30
        guesses.append("as_of: the report does not say which part of the year; June 30 assumed")
    line = _Lines(report)
    indicators = _account(report[:split], line)
    guesses += _targets(indicators, report, split, line)
    indicators += _milestones(report, split, year, line)
    return Draft(plan, year, date(year, month, day), source_name, indicators, guesses)


class _Lines:
    """Line numbers of offsets in a text, found by bisection."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def __call__(self, offset: int) -> int:
        return bisect_right(self.starts, offset)


def _name(text: str) -> str:
    return _LEAD_VERB.sub("", _FILLER.sub("", text.strip())).strip("“”\"'：: ")


def _account(account: str, line: _Lines) -> list[Drafted]:
    found: list[Drafted] = []
    section: str | None = None
    summary = True  # before the first (一) heading: the main economic indicators
    offset = 0
    for raw_line in account.splitlines(keepends=True):
        heading = _HEADING.match(raw_line)
        if heading:
            section = heading.group("title").replace("“", "").replace("”", "")
            summary = False
        elif raw_line.strip():
            for sentence in _SENTENCE.finditer(raw_line):
                start = offset + sentence.start()
                found += _sentence(sentence.group(), line(start), section, summary)
        offset += len(raw_line)
    return found


def _sentence(sentence: str, line: int, section: str | None, summary: bool) -> list[Drafted]:
    """The indicators of one sentence; each quotes the clauses it comes from, verbatim."""
    found: list[Drafted] = []
    spans: dict[int, tuple[int, int]] = {}  # id of a Drafted → its clauses' span in the sentence
    subject: tuple[str, int] | None = None  # what the last clause with a figure was about
    previous_clause: tuple[str, int] | None = None

    def add(item: Drafted, start: int, end: int) -> None:
        found.append(item)
        spans[id(item)] = (start, end)

    for match in _CLAUSE.finditer(sentence):
        clause = match.group().strip()
        if not clause or len(clause) > MAX_CLAUSE:
            continue
        here, end = match.start(), match.end()
        several = _SEVERAL_STATED.search(clause)
        stated = _STATED.search(clause)
        growth = _GROWTH.search(clause)
        level = _LEVEL.search(clause)
        quantity = _QUANTITY_END.search(clause)
        if several:
            names = [n for n in re.split(r"[、和]", several.group("names")) if n]
            rates = re.findall(r"\d+(?:\.\d+)?%", several.group("rates"))
            before = previous_clause[0] if previous_clause else ""
            prefix = _name(before.split("任务")[0])
            start = previous_clause[1] if previous_clause and prefix else here
            if len(names) == len(rates):
                for name, rate in zip(names, rates, strict=True):
                    item = Drafted(f"{prefix}{name}任务", line, "", section, stated=rate)
                    item.guesses.append(f"name: made from {prefix or '…'} and {name!r} of a list")
                    add(item, start, end)
        elif stated:
            last = found[-1] if found else None
            if last is not None and last.stated is None and last.kind == "cumulative":
                last.stated = stated.group("rate")
                spans[id(last)] = (spans[id(last)][0], end)
            else:
                name = _name(clause[: stated.start()]) or clause
                item = Drafted(f"{name}完成率", line, "", section, stated=stated.group("rate"))
                item.guesses.append("name: only the clause's own words; give a fuller name")
                add(item, here, end)
        elif growth and summary:
            own = _name(growth.group("name"))
            name = own or (_name(subject[0]) if subject else "")
            start = here if own or subject is None else subject[1]
            sign = "-" if growth.group("way") == "下降" else ""
            word = "增长" if growth.group("way") == "增长" else "变化"
            item = Drafted(f"{name}{word}", line, "", "主要经济指标", kind="level",
                           actual=f"{sign}{growth.group('num')}%")  # fmt: skip
            item.guesses.append("kind: level, a growth rate; give its target if the plan has one")
            add(item, start, end)
        elif level:
            unit = level.group("unit").replace("每", "/")
            figure = level.group("num") + ("%" if unit == "%" else "")
            name = _name(level.group("name")).replace("累计", "")
            item = Drafted(name, line, "", section, kind="level", actual=figure)
            item.unit = None if unit == "%" else unit
            if "失业" in name:
                item.direction = "lower"
                item.guesses.append("direction: lower, as for an unemployment rate")
            item.guesses.append("kind: level (a rate or a level, judged against its target)")
            add(item, here, end)
        elif quantity and _PROGRESS_VERB.search(clause):
            name = _name(clause[: quantity.start()]) or clause
            last = found[-1] if found else None
            if len(name) <= 2 and last is not None and last.unit == quantity.group("unit"):
                name = _PROGRESS_VERB.sub("", last.name, count=1) + name  # 新开工住房, 竣工
                guess = f"name: {name!r} takes its object from the clause before"
            else:
                guess = "name: only the clause's own words; give a fuller name"
            item = Drafted(name, line, "", section, unit=quantity.group("unit"))
            number = quantity.group("num")
            item.actual = number + (quantity.group("more") or "")
            if number.endswith("万") and item.unit == "平方米":  # 521.25万平方米: in 万平方米
                item.actual, item.unit = item.actual.replace("万", "", 1), "万平方米"
            if len(name) <= 4:
                item.guesses.append(guess)
            add(item, here, end)
        subject_match = _SUBJECT.search(clause)
        if subject_match:
            subject = (subject_match.group("subject"), here)
        previous_clause = (clause, here)
    for item in found:
        start, end = spans[id(item)]
        item.source = sentence[start:end].strip()
        item.context = sentence[_clause_before(sentence, start) : end]
    return found


def _clause_before(sentence: str, start: int) -> int:
    """Where the clause before the one at `start` begins (looking back at most a clause's
    length, so that a sentence of many clauses costs its length, not its length squared)."""
    before = max(0, start - 1)
    window = max(0, before - MAX_CLAUSE)
    found = max(sentence.rfind(",", window, before), sentence.rfind("，", window, before))
    return found + 1 if found >= 0 else window


def _bigrams(text: str) -> set[str]:
    """The pairs of neighbouring characters of `text`, without figures, units and common words."""
    text = re.sub(rf"{_NUMBER}(?:{UNITS})?|[\d.,，、%“”\"]", "", text)
    return {text[i : i + 2] for i in range(len(text) - 1)} - _COMMON


def _targets(indicators: list[Drafted], report: str, split: int, line: _Lines) -> list[str]:
    """Full-year targets from the measures part, matched to an indicator of the same unit by the
    word pairs its name shares with the target's clause and its quoted clauses share with the
    target's (the clause before included). Each target is used once, best matches first.
    Returns the guesses about the matching as a whole."""
    candidates: list[tuple[int, int, Drafted, str, str, int, int]] = []
    by_unit: dict[str, list[tuple[int, Drafted, set[str], set[str], Decimal | None]]] = {}
    for index, item in enumerate(indicators):
        if item.unit is not None and item.kind != "milestone":
            words = (_bigrams(item.name), _bigrams(item.context))
            done = _value(item.actual) if item.kind == "cumulative" else None
            by_unit.setdefault(item.unit, []).append((index, item, *words, done))
    budget = MAX_COMPARISONS
    for sentence in _SENTENCE.finditer(report, split):
        text = sentence.group()
        for clause in re.finditer(r"[^,，、]+", text):
            if len(clause.group()) > MAX_CLAUSE:
                continue
            start = sentence.start() + clause.start()
            context = _bigrams(text[_clause_before(text, clause.start()) : clause.end()])
            own = _bigrams(clause.group())
            for target in _TARGET.finditer(clause.group()):
                unit = target.group("unit").replace("每", "/")
                number = target.group("num")
                same_unit = by_unit.get(unit, [])
                as_written = [(number, _value(number), same_unit)]
                if number.endswith("万"):  # 134万平方米 is 134 in 万平方米
                    as_written.append(
                        (number[:-1], _value(number[:-1]), by_unit.get("万" + unit, []))
                    )
                for value, amount, items in as_written:
                    budget -= len(items)
                    if budget < 0:
                        return [f"target: matching stopped after {MAX_COMPARISONS:,} comparisons"]
                    for index, item, name_words, context_words, done in items:
                        named = len(name_words & own)
                        score = named + len(context_words & context)
                        if score < 3 or not _plausible(done, amount):
                            continue
                        wording = (target.group("pre") or "") + value
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
        item.source = f"{item.source}…{quoted.strip()}"
        item.guesses.append(
            f"target: matched by unit and {score} shared word pairs ({named} with the name), "
            f"line {line(start)}: {quoted.strip()}"
        )
    return []


def _value(text: str | None) -> Decimal | None:
    try:
        return parse_figure(text).value if text is not None else None
    except ValueError:
        return None


def _plausible(done: Decimal | None, target: Decimal | None) -> bool:
    """A cumulative target below what is already done, or over 100 times it, is another
    figure than this indicator's target."""
    if done is None or target is None:
        return True
    return done <= target <= done * 100


def _milestones(report: str, split: int, year: int, line: _Lines) -> list[Drafted]:
    found = []
    for match in _MILESTONE.finditer(report, split):
        month = int(match.group("month")) if match.group("month") else 12
        if not 1 <= month <= 12:
            continue
        due = date(year, month, calendar.monthrange(year, month)[1])
        name = _FILLER.sub("", match.group("what").strip())
        item = Drafted(name, line(match.start()), match.group(), kind="milestone", due=due)
        item.guesses.append("done: not known from the report; false assumed")
        found.append(item)
    return found


def _yaml_string(text: str) -> str:
    """Any text as a YAML scalar that reads back as exactly that text (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


def _yaml_figure(text: str) -> str:
    try:
        Decimal(text)
    except ArithmeticError:
        return _yaml_string(text)
    return text


def to_yaml(made: Draft) -> str:
    lines = [
        f"# A draft made by `planaudit draft` from {made.source}: every line marked `# guess`",
        "# needs a person's check. Targets the report does not state are left out, never invented.",
    ]
    lines += [f"# guess: {guess}" for guess in made.guesses]
    lines += [
        f"plan: {_yaml_string(made.plan)}",
        f"year: {made.year}",
        f"as_of: {made.as_of.isoformat()}",
        f"source: {_yaml_string(made.source)}",
        "indicators:",
    ]
    for item in made.indicators:
        lines.append(f"  # line {item.line}")
        lines += [f"  # guess: {guess}" for guess in item.guesses]
        lines.append(f"  - name: {_yaml_string(item.name)}")
        for key, value in (("section", item.section), ("unit", item.unit)):
            if value is not None:
                lines.append(f"    {key}: {_yaml_string(value)}")
        if item.kind != "cumulative":
            lines.append(f"    kind: {item.kind}")
        if item.direction is not None:
            lines.append(f"    direction: {item.direction}")
        if item.target is not None:
            lines.append(f"    target: {_yaml_figure(item.target)}")
        if item.actual is not None:
            lines.append(f"    actual: {_yaml_figure(item.actual)}")
        if item.stated is not None:
            lines.append(f"    stated: {_yaml_string(item.stated)}")
        if item.due is not None:
            lines += [f"    due: {item.due.isoformat()}", "    done: false"]
        lines.append(f"    source: {_yaml_string(item.source)}")
    return "\n".join(lines) + "\n"


def summary(made: Draft) -> str:
    """One line on what the draft holds, for stderr."""
    items = made.indicators
    targets = sum(item.target is not None for item in items)
    milestones = sum(item.kind == "milestone" for item in items)
    guesses = len(made.guesses) + sum(len(item.guesses) for item in items)

    def count(number: int, one: str, many: str) -> str:
        return f"{number} {one if number == 1 else many}"

    return (
        f"drafted {count(len(items), 'indicator', 'indicators')} ({targets} with a target, "
        f"{count(milestones, 'milestone', 'milestones')}) from {made.source}; "
        f"{count(guesses, 'guess', 'guesses')} marked '# guess' to check"
    )

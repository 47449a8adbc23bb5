"""A first draft of a plan file from a report's text, for a person to finish.

The report's account of progress (up to its turn to the measures to come) gives the
indicators: its tables row by row (`tables`), its sentences clause by clause (`sentences`); the
measures part gives full-year targets and milestones (`targets`); the title and the text give
the plan, its period and as_of (`dates`). Everything that is a guess is marked so in the YAML
written (`writer`).

Pure: the report's text in, a Draft out; `to_yaml` writes it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import ROUND_HALF_UP, Decimal

from planaudit.core.errors import UNSAFE_TEXT
from planaudit.core.phrasings import MEASURES
from planaudit.draft import dates, script, sentences, tables, targets, traits
from planaudit.draft.model import Draft, Drafted
from planaudit.draft.writer import summary, to_yaml
from planaudit.lang import Message

__all__ = ["Draft", "Drafted", "draft", "summary", "to_yaml"]


class _Lines:
    """Line numbers of offsets in a text, found by bisection."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def __call__(self, offset: int) -> int:
        return bisect_right(self.starts, offset)


MAX_ALIKE = 20
"""Indicators of the same figures a new one is compared with, at most."""


def _distinct(indicators: list[Drafted]) -> list[Drafted]:
    """Each figure once: a report that states a figure twice (in its summary and again in its
    section) gives one indicator, the one that says more about it."""
    kept: list[Drafted] = []
    seen: dict[tuple[object, ...], list[int]] = {}
    for item in indicators:
        dated = tuple(sorted((item.dated or {}).items()))
        key = (item.kind, item.actual, item.stated, item.unit, dated)
        if item.kind == "milestone" or (key[1:3] == (None, None) and not dated):
            kept.append(item)
            continue
        both = item.actual is not None and item.stated is not None  # two figures: one thing
        same = [
            i for i in seen.get(key, [])[-MAX_ALIKE:] if both or _alike(kept[i].name, item.name)
        ]
        if not same:
            seen.setdefault(key, []).append(len(kept))
            kept.append(item)
        elif _says_more(item, kept[same[0]]):
            kept[same[0]] = item
    return kept


def _rounded_tables(indicators: list[Drafted]) -> list[Drafted]:
    """A sentence's figure that a table gives too is the table's: more precisely (61.3% in the
    text, 61.34 in the table), or the same where the sentence speaks of the row (三亚市…增长7.0%
    beside the row 三 亚 市 304.09 7.0): the sentence's is left out."""
    precise: set[tuple[str, str]] = set()
    rows: dict[tuple[str, Decimal], list[str]] = {}
    for item in indicators:
        value = _decimal(item.actual) if item.from_table else None
        exponent = value.as_tuple().exponent if value is not None else 0
        if value is not None and isinstance(exponent, int):
            rows.setdefault((item.kind, value), []).append(item.name[:2])
            for places in range(min(-exponent, 3)):  # rounded to fewer places than printed
                rounded = value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
                precise.add((item.kind, str(rounded)))
    return [
        item
        for item in indicators
        if item.from_table
        or item.target is not None
        or item.stated is not None
        or not (
            (item.kind, str(_decimal(item.actual))) in precise
            or _of_a_row(item, rows.get((item.kind, _decimal(item.actual) or Decimal(-1)), []))
        )
    ]


def _of_a_row(item: Drafted, heads: list[str]) -> bool:
    """The sentence's figure is a row's: the row's first word stands in the sentence."""
    return any(len(head) == 2 and head in item.context for head in heads)


def _decimal(text: str | None) -> Decimal | None:
    """A drafted figure's number (61.34 of 61.34%), None for one with a magnitude or wording."""
    try:
        return Decimal(text.removesuffix("%")) if text else None
    except ArithmeticError:
        return None


def _alike(one: str, other: str) -> bool:
    """Names of one thing: one holds the other, or most of their pairs of characters are
    shared (增长 aside)."""
    one, other = one.removesuffix("增长"), other.removesuffix("增长")
    pairs = {one[i : i + 2] for i in range(len(one) - 1)}
    others = {other[i : i + 2] for i in range(len(other) - 1)}
    if one in other or other in one:
        return True
    return bool(pairs and others) and 2 * len(pairs & others) >= len(pairs) + len(others)


def _says_more(item: Drafted, other: Drafted) -> bool:
    fields = ("target", "gap", "owner", "period")
    return sum(getattr(item, f) is not None for f in fields) > sum(
        getattr(other, f) is not None for f in fields
    )


def draft(report: str, source_name: str, default_year: int = 2000) -> Draft:
    """The draft of a report's plan; `default_year` stands where the report names no year."""
    report = report.replace("\r\n", "\n").replace("\r", "\n")
    guesses: list[Message] = []
    unsafe = len(UNSAFE_TEXT.findall(report))
    if unsafe:  # they would reorder or hide text wherever the draft is shown
        report = UNSAFE_TEXT.sub("", report)
        guesses.append(Message.of("guess.control_characters", count=unsafe))
    page = script.read(report)
    if page is not None:  # read in simplified characters, quoted as printed
        report = page.text
    if page is not None and page.converted:
        guesses.append(Message.of("guess.simplified"))
    measures = MEASURES.search(report)
    split = measures.start() if measures else len(report)
    account = report[:split]
    found = dates.when(report, account, default_year)
    line = _Lines(report)
    from_tables, table_lines = tables.read(account, found.end.year)
    tasks = targets.passages(account)
    indicators = sorted(
        from_tables + sentences.read(account, line, table_lines, found.end.year, tasks),
        key=lambda item: item.line,
    )
    guesses += found.guesses
    guesses += targets.match(indicators, report, [*tasks, (split, len(report))], line)
    for item in indicators:
        if item.updates and item.actual is not None:  # the figure now, and a month later
            item.dated = {found.as_of: item.actual, **item.updates}
            item.actual = None
        elif item.at is not None and item.at < found.as_of and item.actual is not None:
            item.dated = {item.at: item.actual}  # 1-7月 in a report of 1-8月
            item.actual = None
    inside = [item for item in indicators if item.at is None or found.start <= item.at]
    indicators = inside  # a figure of a year before the plan's is given for comparison
    for item in indicators:
        if item.dated:
            item.dated = {d: v for d, v in item.dated.items() if found.start <= d <= found.end}
    indicators = _distinct(_rounded_tables([item for item in indicators if item.judged]))
    for item in indicators:
        if not item.name.strip():  # a plan needs a name: the quote's words stand for it
            item.name = item.source.split("…")[-1][:20] or "（指标名称）"
            item.guesses.append(Message.of("guess.no_name"))
    traits.mark(indicators)
    indicators += targets.milestones(report, split, found.end.year, line)
    if page is not None:
        for item in indicators:
            item.source = page.quoted(
                item.source, line.starts[min(item.line, len(line.starts)) - 1]
            )
    return Draft(found.plan, found.start, found.end, found.as_of, source_name, indicators, guesses)

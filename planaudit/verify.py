"""Does the plan file say what its report says? Each `source` quote must stand in the report
(white space ignored, `…` joining pieces) and carry the indicator's own figures; the report's
progress figures that no indicator cites are listed, so the reviewer sees what the file left out.

Pure: a plan and the report's text in, findings out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from planaudit.plan import Indicator, Plan

_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(万亿|万|亿)?")
_MAGNITUDE = {"万": Decimal(10**4), "亿": Decimal(10**8), "万亿": Decimal(10**12)}
_CLAUSE = re.compile(r"[^。；！？\n,，]+")
MEASURES = re.compile(r"^\s*二、.*(措施|安排|下半年)", re.MULTILINE)
"""Where a report turns from what was done to what will be done: its targets are not progress."""
PROGRESS = re.compile(
    r"完成(?:年度|全年)?(?:任务|计划)(?:量)?的\d"
    r"|占(?:全?年)?(?:计划|任务)的?\d"
    r"|完成[^，。；,]{0,12}?\d+(?:\.\d+)?(?:万|亿)?(?:平方米|公顷|套|户|个|项|亩|公里|辆|处|座|家|人|片|条|所|块|名)"
)
"""Sentences that carry progress figures: 完成年度任务的X%, 占年计划的X%, 完成X万平方米…"""


@dataclass(frozen=True)
class Mismatch:
    """An indicator whose quote is not in the report or lacks one of its figures."""

    index: int
    name: str
    message: str


@dataclass(frozen=True)
class Uncited:
    """A progress sentence of the report that no indicator quotes."""

    line: int
    sentence: str


def squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def numbers_in(text: str) -> set[Decimal]:
    """Every value a number in `text` may stand for: 521.25万 is 521.25 (in 万平方米) or 5212500."""
    values: set[Decimal] = set()
    for digits, magnitude in _NUMBER.findall(text):
        value = Decimal(digits.replace(",", ""))
        values.add(value)
        if magnitude:
            values.add(value * _MAGNITUDE[magnitude])
    return values


def _figures(indicator: Indicator) -> Iterator[tuple[str, Decimal, str]]:
    """(key, value, text) of each figure the indicator declares; dated figures all count."""
    if indicator.target is not None:
        yield "target", indicator.target.figure.value, indicator.target.text
    for key in ("actual", "stated"):
        reported = getattr(indicator, key)
        if isinstance(reported, dict):
            figures = list(reported.values())
        else:
            figures = [reported] if reported is not None else []
        for figure in figures:
            yield key, figure.value, figure.text


def mismatches(plan: Plan, report: str) -> list[Mismatch]:
    text = squeeze(report)
    found: list[Mismatch] = []
    for index, indicator in enumerate(plan.indicators):
        if indicator.source is None:
            continue
        pieces = [squeeze(piece) for piece in indicator.source.split("…") if piece.strip()]
        for piece in pieces:
            if piece not in text:
                found.append(Mismatch(index, indicator.name, f"quote not in the report: {piece!r}"))
        quoted = numbers_in("".join(pieces))
        for key, value, written in _figures(indicator):
            if abs(value) not in quoted:
                message = f"{key} {written} is not among the quote's figures"
                found.append(Mismatch(index, indicator.name, message))
    return found


def uncited(plan: Plan, report: str) -> list[Uncited]:
    """Clauses of the report's account of progress (up to its part on the measures to come)
    that carry progress figures and are not part of any indicator's quote."""
    pieces = [
        squeeze(piece)
        for indicator in plan.indicators
        if indicator.source
        for piece in indicator.source.split("…")
        if piece.strip()
    ]
    measures = MEASURES.search(report)
    account = report[: measures.start()] if measures else report
    found: list[Uncited] = []
    for match in _CLAUSE.finditer(account):
        sentence = match.group().strip()
        if not PROGRESS.search(sentence):
            continue
        flat = squeeze(sentence)
        if any(piece in flat or flat in piece for piece in pieces):
            continue
        line = report.count("\n", 0, match.start()) + 1
        found.append(Uncited(line, sentence))
    return found

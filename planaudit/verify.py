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

from planaudit.phrasings import CLAUSE, MEASURES, progress_figure
from planaudit.plan import Indicator, Plan

_SPACE = re.compile(r"\s+")
_BARE = re.compile(
    r"^(?:同比|比上年同期|比去年同期|较上年同期|分别|均)*(?:增长|下降|增|降|占|完成|为|达到|达)"
)
"""A clause that names nothing of its own: what it is about stands in the clause before."""
_DIGIT = re.compile("[0-9]")
_NUMBER = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(万亿|万|亿)?")
_MAGNITUDE = {"万": Decimal(10**4), "亿": Decimal(10**8), "万亿": Decimal(10**12)}


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
    if indicator.fixed_target is not None:
        yield "target", indicator.fixed_target.figure.value, indicator.fixed_target.text
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
    that state a figure `draft` reads (`phrasings.progress_figure`) and that no indicator's
    quote holds."""
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
    subject = ""  # the last clause of the sentence with a figure: what a bare clause is about
    for match in CLAUSE.finditer(account):
        sentence, about = match.group().strip(), subject
        if _DIGIT.search(sentence):
            subject = sentence
        if report[match.end() : match.end() + 1] not in ",，":
            subject = ""
        figure = progress_figure(sentence)
        if figure is None:
            continue
        flat = squeeze(sentence)
        at = flat.find(squeeze(figure))
        cited = flat[max(0, at - 2) : at + len(squeeze(figure))] if at >= 0 else flat
        if any(piece in flat or flat in piece or cited in piece for piece in pieces):
            continue
        line = report.count("\n", 0, match.start()) + 1
        comma = report[match.start() - 1 : match.start()]
        shown = f"{about}{comma}{sentence}" if _BARE.match(sentence) and about else sentence
        found.append(Uncited(line, shown))
    return found

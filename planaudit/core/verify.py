"""Does the plan file say what its report says? Each `source` quote must stand in the report
(`…` joining pieces) and carry the indicator's own figures in its unit; each `target_source`
must carry the target. The report's progress figures that no indicator cites are listed, so the
reviewer sees what the file left out.

Quotes and documents are compared as people read them: width-normalised (NFKC, so `，` is `,`,
`％` is `%` and full-width digits are digits) and with white space ignored — except between two
digits, which stay two numbers (table cells `2 3` are not 23).

Pure: a plan and the documents' text in, findings out (`verification` takes a loaded plan, for
its lines).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from decimal import Decimal

from planaudit.core.model import Indicator, Plan
from planaudit.core.phrasings import CLAUSE, MEASURES, progress_figure
from planaudit.core.results.verify import Mismatch, Uncited, Verification
from planaudit.core.running_text import figures_in
from planaudit.core.terms import Dated
from planaudit.io.loader import LoadedPlan
from planaudit.lang import Message, say
from planaudit.lang import quote as quote_text

_SPACE = re.compile(r"\s+")
_DIGITS = frozenset("0123456789")
_BARE = re.compile(
    r"^(?:同比|比上年同期|比去年同期|较上年同期|分别|均)*(?:增长|下降|增|降|占|完成|为|达到|达)"
)
"""A clause that names nothing of its own: what it is about stands in the clause before."""
_DIGIT = re.compile("[0-9]")
_NOT_A_TARGET = r"(?![\d.,]*(?:万亿|万|亿)?(?:个?百分点|个?月|日|年|季度|[-—~至到]))"
"""After a number: a gap (个百分点), or a date or span (6月底, 1-6月) rather than a target."""
TARGET_STATED = re.compile(
    rf"(?:(?:年度|全年|年)(?:目标|计划|任务)|目标任务)[^\d的,;。:]{{0,8}}?\d(?![\d.,]*%){_NOT_A_TARGET}"
    rf"|(?:不低于|不少于|不超过|不高于|控制在)[^\d的,;。:]{{0,8}}?\d{_NOT_A_TARGET}"
)
"""Words that state a target in a (normalised) quote: 年度目标1000公顷, 全年计划投资120亿元,
不低于1.7万个, 控制在3%以内 — not a rate (完成年度计划的50%, 完成全年任务60%), a gap
(低于目标1.8个百分点) or a date (年度计划1-6月完成). Only a quote that states a target must carry
the indicator's target."""


def verification(
    loaded: LoadedPlan, report_path: str, report: str, targets: Sequence[str] | None = None
) -> Verification:
    """Every quote of a loaded plan checked against its report (and the target documents), and
    the report's progress figures it does not cite."""
    plan = loaded.plan
    quotes = sum(
        (indicator.source is not None) + (indicator.target_source is not None)
        for indicator in plan.indicators
    )
    return Verification(
        path=loaded.path,
        report=report_path,
        lines=tuple(loaded.lines()),
        mismatches=tuple(mismatches(plan, report, targets)),
        uncited=tuple(uncited(plan, report)),
        quotes=quotes,
    )


def _spacing(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    between = start > 0 and end < len(text) and text[start - 1] in _DIGITS and text[end] in _DIGITS
    return " " if between else ""


def normalized(text: str) -> str:
    """`text` as compared: NFKC, white space dropped except one space between two digits."""
    return _SPACE.sub(_spacing, unicodedata.normalize("NFKC", text))


def _pieces(quote: str) -> list[tuple[str, str]]:
    """The pieces of a quote joined by `…`, each as written (white space dropped, for messages)
    and as compared. Split before normalising: NFKC makes `…` three dots."""
    return [
        (_SPACE.sub(_spacing, piece), normalized(piece))
        for piece in quote.split("…")
        if piece.strip()
    ]


def _carried(indicator: Indicator, states_target: bool) -> Iterator[tuple[str, Decimal, str]]:
    """(key, value, text) of each figure a `source` quote must carry: its actual, stated rate
    and stated gap (dated ones all count), and its target only where the quote states one."""
    target = indicator.fixed_target
    if states_target and target is not None:
        yield "target", target.figure.value, target.text
    for key in (Dated.ACTUAL, Dated.STATED):
        reported = getattr(indicator, key)
        figures = list(reported.values()) if isinstance(reported, dict) else [reported]
        for figure in figures:
            if figure is not None:
                yield key, figure.value, figure.text
    for gap in indicator.gaps():
        if gap.figure is not None:
            yield "stated_gap", gap.figure.value, gap.text


def mismatches(plan: Plan, report: str, targets: Sequence[str] | None = None) -> list[Mismatch]:
    """Every quote not in its document or without its figures. `targets` are the documents the
    targets come from (the annual plan): a `target_source` must stand in one of them or in the
    report; without them it is not looked for (a mid-year report rarely repeats its targets)."""
    text = normalized(report)
    present: dict[str, bool] = {}  # each distinct piece searched once
    documents = [normalized(document) for document in targets] if targets is not None else None
    found: list[Mismatch] = []
    for index, indicator in enumerate(plan.indicators):

        def add(message: Message, indicator: Indicator = indicator, index: int = index) -> None:
            found.append(Mismatch(index, indicator.name, message))

        unit = indicator.effective_unit
        if indicator.source is not None:
            pieces = _pieces(indicator.source)
            for written, piece in pieces:
                if piece not in present:
                    present[piece] = piece in text
                if not present[piece]:
                    add(say("verify.quote_missing", quote=quote_text(written)))
            quote = "\n".join(piece for _, piece in pieces)
            quoted = figures_in(quote, unit)
            for key, value, written in _carried(indicator, bool(TARGET_STATED.search(quote))):
                if abs(value) not in quoted:
                    add(say("verify.figure_missing", key=key, figure=written))
        if indicator.target_source is not None:
            pieces = _pieces(indicator.target_source)
            if documents is not None:
                for written, piece in pieces:
                    if piece not in text and not any(piece in document for document in documents):
                        add(say("verify.target_source_missing", quote=quote_text(written)))
            target = indicator.fixed_target
            quote = "\n".join(piece for _, piece in pieces)
            if target is not None and abs(target.figure.value) not in figures_in(quote, unit):
                add(say("verify.target_missing", target=target.text))
    return found


def uncited(plan: Plan, report: str) -> list[Uncited]:
    """Clauses of the report's account of progress (up to its part on the measures to come)
    that state a figure `draft` reads (`phrasings.progress_figure`) and that no indicator's
    quote (`source` or `target_source`) holds."""
    pieces = [
        piece
        for indicator in plan.indicators
        for quote in (indicator.source, indicator.target_source)
        if quote
        for _, piece in _pieces(quote)
    ]
    measures = MEASURES.search(report)
    account = report[: measures.start()] if measures else report
    quoted = _Quotes(pieces)
    found: list[Uncited] = []
    lines = _LineIndex(report)
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
        flat = normalized(sentence)
        at = flat.find(normalized(figure))
        cited = flat[max(0, at - 2) : at + len(normalized(figure))] if at >= 0 else flat
        if quoted.cite(flat) or quoted.within(cited):
            continue
        line = lines.of(match.start())
        comma = report[match.start() - 1 : match.start()]
        shown = f"{about}{comma}{sentence}" if _BARE.match(sentence) and about else sentence
        found.append(Uncited(line, shown))
    return found


class _Quotes:
    """The plan's quotes, indexed once, so that asking whether a clause is part of a quote or
    holds one costs about the clause's length, not the clause's times the quotes'."""

    SHORT = 64
    """Quotes up to this long are looked up by the clause's substrings of their lengths."""

    def __init__(self, pieces: list[str]) -> None:
        distinct = set(pieces)
        self._joined = "\0".join(sorted(distinct))  # no clause holds a NUL: none can span two
        self._short: dict[int, set[str]] = {}
        for piece in distinct:
            if len(piece) <= self.SHORT:
                self._short.setdefault(len(piece), set()).add(piece)
        self._long = sorted((p for p in distinct if len(p) > self.SHORT), key=len)

    def within(self, text: str) -> bool:
        """Some quote holds `text`."""
        return bool(self._joined) and text in self._joined

    def cite(self, flat: str) -> bool:
        """Some quote holds `flat`, or `flat` holds some quote."""
        if not self._joined:
            return False
        if flat in self._joined:
            return True
        for length, pieces in self._short.items():
            if any(flat[i : i + length] in pieces for i in range(len(flat) - length + 1)):
                return True
        for piece in self._long:
            if len(piece) > len(flat):
                break
            if piece in flat:
                return True
        return False


class _LineIndex:
    """Line numbers of offsets in a text, by bisection over its line starts."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def of(self, offset: int) -> int:
        return bisect_right(self._starts, offset)

"""Shared wording of figures and statuses, in Chinese or English, for the human formats."""

from __future__ import annotations

import re
from decimal import Decimal

from planaudit.report import IndicatorResult, Status

_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

STATUS_WORDS: dict[Status, tuple[str, str]] = {
    Status.MET: ("已完成", "met"),
    Status.ON_TRACK: ("正常", "on track"),
    Status.WATCH: ("关注", "watch"),
    Status.BEHIND: ("滞后", "behind"),
    Status.MISSED: ("未完成", "missed"),
    Status.PENDING: ("待完成", "pending"),
    Status.NO_TARGET: ("无目标", "no target"),
    Status.NO_DATA: ("无数据", "no data"),
    Status.ANNUAL_ONLY: ("年终考核", "annual only"),
}


def literal(text: str) -> str:
    """Plan text made inert for a terminal or document: control characters shown as escapes,
    line breaks and tabs as spaces."""
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def status_word(status: Status, chinese: bool) -> str:
    zh, en = STATUS_WORDS[status]
    return zh if chinese else en


def number(value: Decimal) -> str:
    """A figure as written plainly: 568, 521.25, 17000 (no exponent, no trailing zeros)."""
    return f"{value.normalize():f}"


def percent(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}%"


def points(value: Decimal | None) -> str:
    return "" if value is None else f"{value:+.2f}"


def with_unit(text: str | None, unit: str | None, chinese: bool) -> str:
    """ "1.7万" + "个" → "1.7万个"; a % figure keeps its own sign."""
    if text is None:
        return ""
    if not unit or (unit == "%" and "%" in text):
        return literal(text)
    return literal(f"{text}{unit}" if chinese else f"{text} {unit}")


def target_text(result: IndicatorResult, chinese: bool) -> str:
    if result.kind == "milestone" and result.due is not None:
        return f"{result.due.isoformat()}前" if chinese else f"by {result.due.isoformat()}"
    return with_unit(result.target_text, result.unit, chinese)


def actual_text(result: IndicatorResult, chinese: bool) -> str:
    if result.kind == "milestone":
        if result.status is Status.MET:
            return "已完成" if chinese else "done"
        return "未完成" if chinese else "not done"
    return with_unit(result.actual_text, result.unit, chinese)


def gap_text(result: IndicatorResult, chinese: bool) -> str:
    """Points against the pace; for a level, the margin from its target in its unit."""
    if result.gap is not None:
        return points(result.gap)
    if result.margin is not None:
        sign = "+" if result.margin >= 0 else "-"
        unit = result.unit or ""
        if unit == "%":
            unit = "个百分点" if chinese else " pts"
        elif unit and not chinese:
            unit = f" {unit}"
        return literal(f"{sign}{number(abs(result.margin))}{unit}")
    return ""


def completion_text(result: IndicatorResult, chinese: bool) -> str:
    if result.completion is None:
        return ""
    text = percent(result.completion)
    if result.stated_consistent is False:
        reported = "报告" if chinese else "stated "
        return f"{text} ≠ {reported}{result.stated_text}%".replace("%%", "%")
    if result.actual is None or result.target is None:
        return f"{text}*"
    return text

"""CSV: a row per indicator under a fixed header, numbers unformatted, safe in Excel and WPS."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from planaudit.render import Renderer
from planaudit.render.words import literal, number
from planaudit.report import IndicatorResult, PlanReport

HEADER = (
    "path", "plan", "as_of", "elapsed", "section", "id", "name", "owner", "unit", "kind",
    "direction", "binding", "target", "target_text", "actual", "actual_text", "completion",
    "expected", "gap", "margin", "stated", "stated_consistent", "status", "flagged", "serious",
    "line",
)  # fmt: skip
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def neutral(text: str) -> str:
    """Text a spreadsheet will not run as a formula: a leading = + - @ tab or CR is quoted."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return number(value)
    if isinstance(value, (int, date)):
        return str(value)
    return neutral(literal(str(value)))


def _row(plan: PlanReport, r: IndicatorResult) -> list[str]:
    values = (
        plan.path, plan.plan, plan.as_of, plan.elapsed, r.section, r.id, r.name, r.owner, r.unit,
        r.kind, r.direction, r.binding, r.target, r.target_text, r.actual, r.actual_text,
        r.completion, r.expected, r.gap, r.margin, r.stated, r.stated_consistent, r.status.value,
        r.flagged, r.serious, r.line,
    )  # fmt: skip
    return [_cell(value) for value in values]


def _line(cells: Sequence[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue()


class FormatRenderer(Renderer):
    independent = True

    def header(self) -> str:
        return (BOM if self.options.to_file else "") + _line(HEADER)

    def text(self, plan: PlanReport) -> str:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(_row(plan, r) for r in plan.indicators)
        return buffer.getvalue()

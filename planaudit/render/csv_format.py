"""CSV: a row per indicator under a fixed header, numbers unformatted, safe in Excel and WPS."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.results.plans import PlanReport, Rollup
from planaudit.render.registry import Renderer
from planaudit.render.words import literal, number

HEADER = (
    "path", "plan", "as_of", "elapsed", "section", "id", "name", "owner", "unit", "kind",
    "direction", "binding", "target", "target_text", "actual", "actual_text", "completion",
    "expected", "gap", "margin", "stated", "stated_consistent", "status", "flagged", "serious",
    "line",
)  # fmt: skip
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


_PLAIN_NUMBER = re.compile(r"[-+]?[0-9][0-9,]*(\.[0-9]+)?%?", re.ASCII)
_AFTER_SEPARATOR = re.compile(r"[,;\t|][\s]*[=+\-@]")
"""A formula start after a separator: a spreadsheet that splits on `;` (a European locale) or
a tab would see a cell that starts with it."""


def neutral(text: str) -> str:
    """Text a spreadsheet will not run as a formula: a leading = + - @ tab or CR (after any
    spaces) gets a `'`, unless the text is a plain number (-10.9% is a figure, not a formula);
    so does one after a separator (`a;=1+1` → `a;'=1+1`), since a spreadsheet that splits rows
    on `;` or a tab starts a cell there, quotes or not."""
    if _PLAIN_NUMBER.fullmatch(text):
        return text
    text = _AFTER_SEPARATOR.sub(lambda m: f"{m.group()[:-1]}'{m.group()[-1]}", text)
    return f"'{text}" if text.lstrip(" ").startswith(_FORMULA_STARTS) else text


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
    """A CSV row; a cell holding another separator (`;`, tab, `|`) is quoted as well, so that
    a reader splitting on commas keeps it whole."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    line = buffer.getvalue()
    if not any(_OTHER_SEPARATOR.search(cell) for cell in cells):
        return line
    quoted = (f'"{cell.replace(chr(34), chr(34) * 2)}"' if _NEEDS_QUOTES.search(cell) else cell
              for cell in cells)  # fmt: skip
    return ",".join(quoted) + "\n"


_OTHER_SEPARATOR = re.compile(r"[;\t|]")
_NEEDS_QUOTES = re.compile(r'[,;\t|"\r\n]')


class FormatRenderer(Renderer[PlanReport, Rollup]):
    independent = True

    def header(self) -> str:
        return (BOM if self.options.to_file else "") + _line(HEADER)

    def text(self, plan: PlanReport) -> str:
        return "".join(_line(_row(plan, r)) for r in plan.indicators)

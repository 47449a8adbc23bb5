"""The workbook's cells of one plan, as plain JSON-ready values: made where the plan is
audited (a worker process for large inputs), written into the workbook by `xlsx_format`.
Numbers go in numeric columns as numbers, or not at all; plan text is text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.results.plans import PlanReport
from planaudit.core.terms import Kind, Status
from planaudit.render.words import Words, alarming, literal, number

CELL_TEXT_LIMIT = 32767
"""Characters a cell holds (Excel's limit)."""
FILLS = {Status.WATCH: "#FFF0C2", Status.BEHIND: "#F9D5D3", Status.MISSED: "#F9D5D3"}
"""Flagged rows: amber for watch, red for behind and missed (bold too, for black and white)."""
ALARM_FILL = FILLS[Status.BEHIND]
HUNDRED = Decimal(100)


@lru_cache(maxsize=4096)  # sections, units and statuses repeat on every row
def cell_width(text: str) -> int:
    """Columns a text needs: wide (CJK) characters count two."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def _decimals(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return min(6, max(0, -exponent)) if isinstance(exponent, int) else 0


Cell = tuple[Any, str, str] | None
"""A value, its kind of cell — "text", "alarm", "decimalsN" (a number with N decimals),
"percent" (a share: 0.9177 shown 91.77%), "points", "days", "date" (a day number) — and the
value as shown; None for an empty cell."""
Written = tuple[Any, str] | None
"""A cell as the workbook takes it: value and kind."""


class Cells:
    """One sheet's rows as plain values, made where the plan is audited (a worker process for
    large inputs), with the width each column needs; the workbook is written from them."""

    def __init__(self, columns: int) -> None:
        self.rows: list[tuple[str | None, list[Written]]] = []
        self.widths = [0] * columns

    def add(self, cells: list[Cell], fill: str | None = None) -> None:
        for column, cell in enumerate(cells):
            if cell is not None:
                self.widths[column] = max(self.widths[column], cell_width(cell[2]))
        self.rows.append((fill, [None if c is None else (c[0], c[1]) for c in cells]))


def text_cell(value: str) -> Cell:
    value = value[:CELL_TEXT_LIMIT]
    return (value, "text", value) if value else None


def _amount(value: Decimal | None) -> Cell:
    if value is None:
        return None
    places = _decimals(value)
    return (float(value), f"decimals{places}", f"{value:,.{places}f}")


def _share(value: Decimal | None) -> Cell:
    """A percentage of the report (91.77) as Excel holds one (0.9177, shown 91.77%)."""
    if value is None:
        return None
    return (float(value / HUNDRED), "percent", f"{value:.2f}%")


EXCEL_EPOCH = date(1899, 12, 30)
"""Day 0 of a spreadsheet's dates (day 1 is 1900-01-01, counting Excel's 1900-02-29)."""


def date_cell(value: date) -> Cell:
    """A date as a spreadsheet keeps one (a day number shown as 2018-06-30): it sorts and filters
    as a date."""
    return ((value - EXCEL_EPOCH).days, "date", value.isoformat())


def count_cell(value: int, kind: str = "decimals0") -> Cell:
    return (value, kind, f"{value:+d}" if kind == "days" else str(value))


def plan_cells(plan: PlanReport, words: Words, forecast: bool) -> dict[str, Any]:
    """Everything the workbook needs of one plan, as JSON-ready values."""
    s = plan.summary
    holds = not alarming(s)
    table = Cells(13)
    for result in plan.indicators:
        table.add(_indicator_cells(result, words), _fill(result))
    ahead = Cells(9)
    for result in plan.indicators if forecast else ():
        if result.forecast is not None:
            ahead.add(_forecast_cells(plan, result, words))
    return {
        "lang": words.lang.value,
        "title": literal(plan.plan),
        "heading": f"{words.heading(plan)} · {literal(plan.path)}",
        "verdict": words.verdict(plan),
        "gap_header": words.gap_header(plan.indicators),
        "holds": holds,
        "summary": [  # the columns after the plan's name
            text_cell(literal(plan.path)),
            date_cell(plan.as_of),
            _share(plan.elapsed),
            *(
                count_cell(n)
                for n in (s.assessed, s.on_pace, s.flagged, s.serious, s.stated_mismatches)
            ),
            text_cell(words.verdict(plan)),
        ],
        "table": table.rows,
        "widths": table.widths,
        "forecast": ahead.rows,
        "forecast_widths": ahead.widths,
    }


def _fill(result: IndicatorResult) -> str | None:
    fill = FILLS.get(result.status)
    return ALARM_FILL if fill is None and result.flagged else fill  # figures that disagree


def _indicator_cells(result: IndicatorResult, words: Words) -> list[Cell]:
    milestone = result.kind is Kind.MILESTONE
    alerts = [alert for _, alert in words.alerts(result)]
    return [
        text_cell(literal(result.section or "")),
        text_cell(literal(result.name)),
        text_cell(literal(result.unit or "")),
        None if milestone else _amount(result.target),
        text_cell(_as_written(result, words)),
        None if milestone else _amount(result.actual),  # done or not: the status says
        _share(result.completion),
        _share(result.expected),
        _gap(result),
        text_cell(" ".join([words.status_of(result), *alerts])),
        text_cell(words.yes if result.binding else ""),
        text_cell(literal(result.owner or "")),
        text_cell(literal(result.source or "")),
    ]


def _gap(result: IndicatorResult) -> Cell:
    """A number, signed, always: points against the pace, or a level's distance from its target
    in its own unit (the unit column names it) — never words in a column of numbers."""
    points = result.gap if result.gap is not None else result.margin
    if points is not None:
        return (float(points), "points", f"{points:+.2f}")
    return None


def _as_written(result: IndicatorResult, words: Words) -> str:
    """The target as the plan words it, where that says more than the number in the target
    column: wording (不低于, 左右), a magnitude (1.7万) or a milestone's date."""
    if result.kind is not Kind.MILESTONE and result.target_text == (
        None if result.target is None else number(result.target)
    ):
        return ""
    return words.target_of(result)


def _forecast_cells(plan: PlanReport, result: IndicatorResult, words: Words) -> list[Cell]:
    f = result.forecast
    assert f is not None
    cells = words.forecast_cells(result)
    outlook = (cells[5], "alarm", cells[5]) if cells[5] and f.recovery else text_cell(cells[5])
    named = [
        text_cell(literal(plan.plan)),
        text_cell(literal(result.name)),
        text_cell(literal(result.unit or "")),
    ]
    if f.allowed_mean is not None:
        return [*named, None, _amount(f.allowed_mean), _amount(result.actual), None, None, outlook]
    shown = [  # as numbers, where the words show a figure: nothing allowed once over a cap
        _amount(f.remaining),
        _amount(f.monthly_needed) or _share(f.monthly_needed_pct),
        _amount(f.monthly_so_far) or _share(f.monthly_so_far_pct),
        _amount(f.projection),
        None if f.days_ahead is None else count_cell(f.days_ahead, "days"),
    ]
    return [*named, *(cell if said else None for cell, said in zip(shown, cells, strict=False)),
            outlook]  # fmt: skip

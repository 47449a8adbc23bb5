"""A workbook as a planning office would build it by hand: a summary sheet (plans, counts,
verdict), the forecast, and one sheet per plan with its indicator table (主要指标完成情况表) —
numbers as numbers, completion and pace as percentages, flagged rows highlighted, ready to print.

XlsxWriter writes each sheet row by row to disk (constant memory), so a workbook of thousands
of plans stays bounded in memory. Plan text is always written as a string cell, never as a
formula, a number or a link, whatever it starts with.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from planaudit.errors import Problem
from planaudit.render import FormatUnavailable, Renderer, RenderOptions
from planaudit.render.words import Words, literal, words_for, words_for_rollup
from planaudit.report import IndicatorResult, PlanReport, Rollup, Status

try:
    import xlsxwriter  # type: ignore[import-untyped]
    from xlsxwriter.format import Format as CellFormat  # type: ignore[import-untyped]
    from xlsxwriter.worksheet import Worksheet  # type: ignore[import-untyped]
except ModuleNotFoundError:  # an optional extra: start-up of the other formats never pays it
    raise FormatUnavailable(
        "xlsx needs XlsxWriter, which is not installed: pip install 'planaudit[xlsx]'"
    ) from None

SHEET_NAME_LIMIT = 31
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
_RESERVED_SHEET_NAMES = {"history"}
"""Excel keeps this name for itself."""
HEADER_ROW = 4
"""A plan sheet: title, heading, verdict, a blank row, then the table's header."""
MOST_WIDTH = 60
HEADER_TEXT_LIMIT = 120
"""A printed page's header holds at most 255 characters, codes included."""
FILLS = {Status.WATCH: "#FFF0C2", Status.BEHIND: "#F9D5D3", Status.MISSED: "#F9D5D3"}
"""Flagged rows: amber for watch, red for behind and missed (bold too, for black and white)."""
HUNDRED = Decimal(100)


def sheet_name(title: str, taken: set[str]) -> str:
    """A valid sheet name for `title`, unique among `taken` (compared as Excel does, ignoring
    case): at most 31 characters, none of []:*?/\\, no apostrophe at either end."""
    base = _NOT_IN_SHEET_NAMES.sub("_", literal(title)).strip().strip("'")
    base = base[:SHEET_NAME_LIMIT].rstrip("'").strip() or "_"
    name, count = base, 1
    while name.casefold() in taken or name.casefold() in _RESERVED_SHEET_NAMES:
        count += 1
        suffix = f" ({count})"
        name = base[: SHEET_NAME_LIMIT - len(suffix)].rstrip("'") + suffix
    taken.add(name.casefold())
    return name


def _width(text: str) -> int:
    """Columns a text needs: wide (CJK) characters count two."""
    from rich.cells import cell_len

    return cell_len(text)


def _decimals(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return min(6, max(0, -exponent)) if isinstance(exponent, int) else 0


class _Sheet:
    """A sheet written row by row, remembering how wide each column must be."""

    def __init__(self, sheet: Worksheet, headers: Sequence[str], limits: dict[int, int]):
        self.sheet = sheet
        self.widths = [_width(header) for header in headers]
        self.limits = limits
        self.row = 0

    def text(self, column: int, value: str, style: CellFormat | None = None) -> None:
        if value:
            self.sheet.write_string(self.row, column, value, style)
            self.widths[column] = max(self.widths[column], _width(value))
        elif style is not None:
            self.sheet.write_blank(self.row, column, None, style)

    def number(self, column: int, value: float | int, shown: str, style: CellFormat) -> None:
        self.sheet.write_number(self.row, column, value, style)
        self.widths[column] = max(self.widths[column], len(shown))

    def fit(self, wrapped: CellFormat | None = None) -> None:
        for column, width in enumerate(self.widths):
            limit = self.limits.get(column, MOST_WIDTH)
            style = wrapped if width > limit else None
            self.sheet.set_column(column, column, min(width, limit) + 2, style)


class FormatRenderer(Renderer):
    """The summary and forecast sheets come first and grow a row per plan; each plan's own sheet
    is written whole when the plan arrives."""

    binary = True

    def __init__(self, options: RenderOptions) -> None:
        super().__init__(options)
        self._buffer = io.BytesIO()
        self._book = xlsxwriter.Workbook(
            self._buffer,
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        self._formats: dict[tuple[str, str | None], CellFormat] = {}
        self._names: set[str] = set()
        self._summary: _Sheet | None = None
        self._forecast: _Sheet | None = None

    def _format(self, kind: str, fill: str | None = None) -> CellFormat:
        """One format per kind of cell and row highlight, made once."""
        key = (kind, fill)
        if key not in self._formats:
            properties: dict[str, Any] = {"valign": "top"}
            if kind == "title":
                properties.update(bold=True, font_size=14)
            elif kind == "header":
                properties.update(bold=True, bottom=2, text_wrap=True, bg_color="#EEEEEE")
            elif kind == "alarm":
                properties.update(bold=True, font_color="#B00020")
            elif kind == "wrap":
                properties.update(text_wrap=True)
            elif kind == "percent":
                properties.update(num_format="0.00%")
            elif kind == "points":
                properties.update(num_format="+0.00;-0.00;0.00")
            elif kind == "days":
                properties.update(num_format="+0;-0;0")
            elif kind.startswith("decimals"):
                places = int(kind.removeprefix("decimals"))
                properties.update(num_format="#,##0" + ("." + "0" * places if places else ""))
            if fill is not None:
                properties.update(bg_color=fill, bold=True)
            self._formats[key] = self._book.add_format(properties)
        return self._formats[key]

    def _amount(self, sheet: _Sheet, column: int, value: Decimal | None, fill: str | None) -> None:
        if value is not None:
            places = _decimals(value)
            shown = f"{value:,.{places}f}"
            sheet.number(column, float(value), shown, self._format(f"decimals{places}", fill))
        elif fill is not None:
            sheet.text(column, "", self._format("text", fill))

    def _share(self, sheet: _Sheet, column: int, value: Decimal | None, fill: str | None) -> None:
        """A percentage of the report (91.77) as Excel holds one (0.9177, shown 91.77%)."""
        if value is not None:
            sheet.number(column, float(value / HUNDRED), f"{value:.2f}%",
                         self._format("percent", fill))  # fmt: skip
        elif fill is not None:
            sheet.text(column, "", self._format("text", fill))

    def _start(self, words: Words) -> None:
        """The summary and forecast sheets, in the language of the first plan."""
        summary = self._book.add_worksheet(sheet_name(words.overview, self._names))
        headers: tuple[str, ...] = (words.plan, words.file, words.as_of, words.pace, words.assessed,
                   words.on_pace, words.flagged, words.serious, words.mismatch,
                   words.verdict_label)  # fmt: skip
        self._summary = _Sheet(summary, headers, {0: 40, 1: 40, 9: 50})
        self._header(self._summary, headers)
        summary.freeze_panes(1, 1)
        self._landscape(summary, words.overview, 0)
        forecast = self._book.add_worksheet(sheet_name(words.forecast_sheet, self._names))
        columns = words.forecast_columns
        headers = (words.plan, columns[0], words.unit, *columns[1:5], columns[5], columns[6])
        self._forecast = _Sheet(forecast, headers, {0: 30, 1: 30})
        self._header(self._forecast, headers)
        forecast.freeze_panes(1, 2)
        self._landscape(forecast, words.forecast_title, 0)

    def _header(self, sheet: _Sheet, headers: Sequence[str]) -> None:
        style = self._format("header")
        for column, header in enumerate(headers):
            sheet.sheet.write_string(sheet.row, column, header, style)
        sheet.row += 1

    def _landscape(self, sheet: Worksheet, title: str, header_row: int) -> None:
        """Print setup: A4 landscape, one page wide, the table's header on every page."""
        sheet.set_landscape()
        sheet.set_paper(9)
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(header_row)
        sheet.set_header("&L" + literal(title)[:HEADER_TEXT_LIMIT].replace("&", "&&"))
        sheet.set_footer("&C&P / &N")

    def plan(self, plan: PlanReport) -> str:
        words = words_for(plan, self.options.lang)
        if self._summary is None:
            self._start(words)
        name = sheet_name(plan.plan, self._names)
        self._summary_row(plan, words, name)
        self._plan_sheet(plan, words, name)
        self._forecast_rows(plan, words)
        return ""

    def _summary_row(self, plan: PlanReport, words: Words, name: str) -> None:
        sheet = self._summary
        assert sheet is not None
        s = plan.summary
        holds = s.verdict and not s.serious
        fill = None if holds else FILLS[Status.BEHIND]
        link = "internal:'" + name.replace("'", "''") + "'!A1"
        title = literal(plan.plan)
        sheet.sheet.write_url(sheet.row, 0, link, self._format("text", fill), title)
        sheet.widths[0] = max(sheet.widths[0], _width(title))
        sheet.text(1, literal(plan.path), self._format("text", fill))
        sheet.text(2, plan.as_of.isoformat(), self._format("text", fill))
        self._share(sheet, 3, plan.elapsed, fill)
        for column, count in enumerate((s.assessed, s.on_pace, s.flagged, s.serious,
                                        s.stated_mismatches), start=4):  # fmt: skip
            sheet.number(column, count, str(count), self._format("decimals0", fill))
        sheet.text(9, words.review(s), self._format("text", fill))
        sheet.row += 1

    def _plan_sheet(self, plan: PlanReport, words: Words, name: str) -> None:
        headers = (words.section, words.indicator, words.unit, words.target,
                   words.target_as_written, words.actual, words.completion, words.pace,
                   words.gap, words.status, words.binding_label, words.owner, words.source,
                   words.line)  # fmt: skip
        sheet = _Sheet(self._book.add_worksheet(name), headers, {0: 16, 1: 30, 4: 24, 12: 50})
        ws = sheet.sheet
        ws.write_string(0, 0, literal(plan.plan), self._format("title"))
        ws.write_string(1, 0, f"{words.heading(plan)} · {literal(plan.path)}")
        s = plan.summary
        holds = s.verdict and not s.serious
        verdict = f"{words.review(s)} {words.counts(s)}"
        ws.write_string(2, 0, verdict, self._format("text" if holds else "alarm"))
        sheet.row = HEADER_ROW
        self._header(sheet, headers)
        first = sheet.row
        for result in plan.indicators:
            self._indicator_row(sheet, result, words)
        ws.freeze_panes(first, 2)
        if sheet.row > first:
            ws.autofilter(HEADER_ROW, 0, sheet.row - 1, len(headers) - 1)
            ws.conditional_format(first, 6, sheet.row - 1, 6, {
                "type": "data_bar", "bar_solid": True, "bar_color": "#5B9B6B",
                "min_type": "num", "min_value": 0, "max_type": "num", "max_value": 1,
            })  # fmt: skip
        self._landscape(ws, plan.plan, HEADER_ROW)
        sheet.fit(self._format("wrap"))

    def _indicator_row(self, sheet: _Sheet, result: IndicatorResult, words: Words) -> None:
        fill = FILLS.get(result.status)
        if fill is None and result.flagged:
            fill = FILLS[Status.BEHIND]  # figures that disagree
        text = self._format("text", fill)
        sheet.text(0, literal(result.section or ""), text)
        sheet.text(1, literal(result.name), text)
        sheet.text(2, literal(result.unit or ""), text)
        milestone = result.kind == "milestone"
        self._amount(sheet, 3, None if milestone else result.target, fill)
        sheet.text(4, words.target_of(result), text)
        if milestone:
            sheet.text(5, words.actual_of(result), text)
        else:
            self._amount(sheet, 5, result.actual, fill)
        self._share(sheet, 6, result.completion, fill)
        self._share(sheet, 7, result.expected, fill)
        if result.gap is not None:
            sheet.number(8, float(result.gap), f"{result.gap:+.2f}", self._format("points", fill))
        else:
            sheet.text(8, words.gap_of(result), text)
        status = " ".join([words.status_word(result.status), *(a for _, a in words.alerts(result))])
        sheet.text(9, status, text)
        sheet.text(10, words.yes_no[0] if result.binding else "", text)
        sheet.text(11, literal(result.owner or ""), text)
        sheet.text(12, literal(result.source or ""), text)
        sheet.number(13, result.line, str(result.line), self._format("decimals0", fill))
        sheet.row += 1

    def _forecast_rows(self, plan: PlanReport, words: Words) -> None:
        sheet = self._forecast
        assert sheet is not None
        for result in plan.indicators:
            f = result.forecast
            if f is None:
                continue
            cells = words.forecast_cells(result)
            sheet.text(0, literal(plan.plan))
            sheet.text(1, literal(result.name))
            sheet.text(2, literal(result.unit or ""))
            if f.allowed_mean is not None:
                sheet.text(4, cells[1])
                self._amount(sheet, 5, result.actual, None)
            else:
                self._amount(sheet, 3, f.remaining, None)
                monthly = ((4, f.monthly_needed, f.monthly_needed_pct),
                           (5, f.monthly_so_far, f.monthly_so_far_pct))  # fmt: skip
                for column, amount, share in monthly:
                    if amount is not None:
                        self._amount(sheet, column, amount, None)
                    else:
                        self._share(sheet, column, share, None)
                self._amount(sheet, 6, f.projection, None)
                if f.days_ahead is not None:
                    sheet.number(7, f.days_ahead, f"{f.days_ahead:+d}", self._format("days"))
            sheet.text(8, cells[5], self._format("alarm") if f.recovery else None)
            sheet.row += 1

    def footer(self, errors: Sequence[Problem], rollup: Rollup | None = None) -> str:
        if self._summary is None:  # no plan could be read: a workbook that says so
            return ""
        if rollup is not None and rollup.most_behind:
            words = words_for_rollup(rollup, self.options.lang)
            sheet = self._summary
            sheet.row += 1
            self._header(sheet, (words.most_behind_title, words.plans_behind))
            for name, count in rollup.most_behind:
                sheet.text(0, literal(name))
                sheet.number(1, count, str(count), self._format("decimals0"))
                sheet.row += 1
        for made in (self._summary, self._forecast):
            if made is not None:
                made.fit(self._format("wrap"))
        return ""

    def document(self) -> bytes:
        if self._summary is None:
            self._start(words_for_rollup(Rollup((), ()), self.options.lang))
        self._book.close()
        return self._buffer.getvalue()

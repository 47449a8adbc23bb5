"""A workbook as a planning office would build it by hand: a summary sheet (plans, counts,
verdict), the forecast, and one sheet per plan with its indicator table (主要指标完成情况表) —
numbers as numbers, completion and pace as percentages, flagged rows highlighted, ready to print.

XlsxWriter writes each sheet row by row to disk (constant memory), so a workbook of thousands
of plans stays bounded in memory. Plan text is always written as a string cell, never as a
formula, a number or a link, whatever it starts with.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Sequence
from typing import Any

from planaudit.core.errors import Problem
from planaudit.core.results.plans import PlanReport, Rollup
from planaudit.lang import Language, say
from planaudit.render.registry import FormatUnavailable, Renderer, RenderOptions
from planaudit.render.words import (
    Words,
    literal,
    words_for,
    words_for_rollup,
    words_of,
)
from planaudit.render.xlsx_cells import (
    ALARM_FILL,
    Cell,
    Written,
    cell_width,
    count_cell,
    plan_cells,
    text_cell,
)

try:
    import xlsxwriter  # type: ignore[import-untyped]
    from xlsxwriter.format import Format as CellFormat  # type: ignore[import-untyped]
    from xlsxwriter.worksheet import Worksheet  # type: ignore[import-untyped]
except ModuleNotFoundError:  # an optional extra: start-up of the other formats never pays it
    raise FormatUnavailable(
        say("format.needs_library", format="xlsx", library="XlsxWriter", extra="planaudit[xlsx]")
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


def sheet_name(title: str, taken: set[str]) -> str:
    """A valid sheet name for `title`, unique among `taken` (compared as Excel does, ignoring
    case): at most 31 characters, none of []:*?/\\, no apostrophe at either end."""
    base = _NOT_IN_SHEET_NAMES.sub("_", literal(title)).strip().strip("'")
    base = _utf16_cut(base, SHEET_NAME_LIMIT).rstrip("'").strip() or "_"
    name, count = base, 1
    while name.casefold() in taken or name.casefold() in _RESERVED_SHEET_NAMES:
        count += 1
        suffix = f" ({count})"
        name = _utf16_cut(base, SHEET_NAME_LIMIT - len(suffix)).rstrip("'") + suffix
    taken.add(name.casefold())
    return name


def _utf16_cut(text: str, limit: int) -> str:
    """`text` cut to `limit` UTF-16 units, as Excel counts a sheet name's length: a character
    beyond U+FFFF (𐀀, an emoji) counts two."""
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return text[:index]
    return text


class _Sheet:
    """A sheet written row by row, remembering how wide each column must be."""

    def __init__(self, sheet: Worksheet, headers: Sequence[str], limits: dict[int, int]):
        self.sheet = sheet
        self.widths = [cell_width(header) for header in headers]
        self.limits = limits
        self.row = 0

    def widen(self, widths: Sequence[int]) -> None:
        self.widths = [max(pair) for pair in zip(self.widths, widths, strict=True)]

    def fit(self, wrapped: CellFormat | None = None) -> None:
        for column, width in enumerate(self.widths):
            limit = self.limits.get(column, MOST_WIDTH)
            style = wrapped if width > limit else None
            self.sheet.set_column(column, column, min(width, limit) + 2, style)


class FormatRenderer(Renderer[PlanReport, Rollup]):
    """Each plan's cells are made alone (in a worker process for large inputs); the workbook
    takes them in order: a row of the summary and forecast sheets, which come first, and the
    plan's own sheet, written whole."""

    binary = True
    independent = True

    def __init__(self, options: RenderOptions) -> None:
        super().__init__(options)
        self._buffer = io.BytesIO()
        self._book: Any = None
        self._formats: dict[tuple[str, str | None], CellFormat] = {}
        self._names: set[str] = set()
        self._summary: _Sheet | None = None
        self._forecast: _Sheet | None = None

    def text(self, plan: PlanReport) -> str:
        words = words_for(plan, self.options.lang)
        return json.dumps(plan_cells(plan, words, self.options.forecast), ensure_ascii=False)

    def place(self, text: str) -> str:
        data = json.loads(text)
        words = words_of(Language(data["lang"]))
        if self._summary is None:
            self._start(words)
        name = sheet_name(data["title"], self._names)
        self._summary_row(data, name)
        self._plan_sheet(data, words, name)
        forecast = self._forecast
        assert forecast is not None
        for fill, cells in data["forecast"]:
            self._write(forecast, fill, cells)
        forecast.widen(data["forecast_widths"])
        return ""

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
            elif kind == "date":
                properties.update(num_format="yyyy-mm-dd")
            elif kind.startswith("decimals"):
                places = int(kind.removeprefix("decimals"))
                properties.update(num_format="#,##0" + ("." + "0" * places if places else ""))
            if fill is not None:
                properties.update(bg_color=fill, bold=True)
            self._formats[key] = self._book.add_format(properties)
        return self._formats[key]

    def _write(
        self, sheet: _Sheet, fill: str | None, cells: Sequence[Written | Cell], first: int = 0
    ) -> None:
        """A row of cells: text always as a string cell, never a formula, number or link."""
        ws, row = sheet.sheet, sheet.row
        if fill is not None:
            ws.set_row(row, None, self._format("text", fill))
        formats, write_string, write_number = self._formats, ws.write_string, ws.write_number
        for column, cell in enumerate(cells, start=first):
            if cell is None:
                continue
            value, kind = cell[0], cell[1]
            style = None
            if kind != "text" or fill is not None:
                style = formats.get((kind, fill)) or self._format(kind, fill)
            if isinstance(value, str):
                write_string(row, column, value, style)
            else:
                write_number(row, column, value, style)
        sheet.row += 1

    def _start(self, words: Words) -> None:
        """The workbook, with its summary and forecast sheets in the first plan's language."""
        self._book = xlsxwriter.Workbook(
            self._buffer,
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        summary = self._book.add_worksheet(sheet_name(words.overview, self._names))
        headers: tuple[str, ...] = (words.plan, words.file, words.as_of, words.pace,
                   words.assessed, words.on_pace, words.flagged, words.serious_count,
                   words.mismatch, words.verdict_label)  # fmt: skip
        self._summary = _Sheet(summary, headers, {0: 40, 1: 40, 9: 50})
        self._header(self._summary, headers)
        summary.freeze_panes(1, 1)
        self._landscape(summary, words.overview, 0)
        forecast = self._book.add_worksheet(sheet_name(words.forecast_sheet, self._names))
        columns = words.forecast_columns
        headers = (words.plan, columns[0], words.unit, *columns[1:])
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
        sheet.set_header("&L" + title[:HEADER_TEXT_LIMIT].replace("&", "&&"))
        sheet.set_footer("&C&P / &N")

    def _summary_row(self, data: dict[str, Any], name: str) -> None:
        sheet = self._summary
        assert sheet is not None
        fill = None if data["holds"] else ALARM_FILL
        link = "internal:'" + name.replace("'", "''") + "'!A1"
        title = data["title"]
        sheet.sheet.write_url(sheet.row, 0, link, self._format("text", fill), title)
        sheet.widths[0] = max(sheet.widths[0], cell_width(title))
        cells = data["summary"]
        self._write(sheet, fill, cells, first=1)
        sheet.widths[1] = max(sheet.widths[1], cell_width(cells[0][0]))
        sheet.widths[9] = max(sheet.widths[9], cell_width(cells[-1][0]))

    def _plan_sheet(self, data: dict[str, Any], words: Words, name: str) -> None:
        headers = (words.section, words.indicator, words.unit, words.target,
                   words.target_as_written, words.actual, words.completion, words.pace,
                   data["gap_header"], words.status, words.binding_label, words.owner,
                   words.source)  # fmt: skip
        sheet = _Sheet(self._book.add_worksheet(name), headers, {0: 16, 1: 30, 4: 24, 12: 50})
        ws = sheet.sheet
        ws.write_string(0, 0, data["title"], self._format("title"))
        ws.write_string(1, 0, data["heading"])
        ws.write_string(2, 0, data["verdict"], self._format("text" if data["holds"] else "alarm"))
        sheet.row = HEADER_ROW
        self._header(sheet, headers)
        first = sheet.row
        for fill, cells in data["table"]:
            self._write(sheet, fill, cells)
        sheet.widen(data["widths"])
        ws.freeze_panes(first, 2)
        if sheet.row > first:
            ws.autofilter(HEADER_ROW, 0, sheet.row - 1, len(headers) - 1)
            ws.conditional_format(first, 6, sheet.row - 1, 6, {
                "type": "data_bar", "bar_solid": True, "bar_color": "#5B9B6B",
                "min_type": "num", "min_value": 0, "max_type": "num", "max_value": 1,
            })  # fmt: skip
        self._landscape(ws, data["title"], HEADER_ROW)
        sheet.fit(self._format("wrap"))

    def footer(self, errors: Sequence[Problem], rollup: Rollup | None = None) -> str:
        if self._summary is None:
            return ""
        if rollup is not None and rollup.most_behind:
            words = words_for_rollup(rollup, self.options.lang)
            sheet = self._summary
            sheet.row += 1
            self._header(sheet, (words.most_behind_title, words.plans_behind))
            for name, count in rollup.most_behind:
                shown = literal(name)
                self._write(sheet, None, [text_cell(shown), count_cell(count)])
                sheet.widths[0] = max(sheet.widths[0], cell_width(shown))
        for made in (self._summary, self._forecast):
            if made is not None:
                made.fit(self._format("wrap"))
        return ""

    def document(self) -> bytes:
        if self._summary is None:  # no plan could be read: a workbook with empty sheets
            self._start(words_for_rollup(Rollup((), ()), self.options.lang))
        self._book.close()
        return self._buffer.getvalue()

"""How figures and plan text are written: plan text made inert, figures as written in the plan
(`1.7万`, `6.5%左右`), computed percentages with two decimals, gaps with their unit, the bars
and trend marks."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import timedelta
from decimal import Decimal

from planaudit.core.errors import UNSAFE_TEXT
from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.terms import Direction, Kind, Status
from planaudit.lang import text as say
from planaudit.render.words.labels import Labels

_WORDING_AFTER = re.compile(r"(以上|以下|以内|左右)$")
_LATIN = re.compile(r"[A-Za-z]")
"""A unit that opens on a Latin letter (km, t, MW): set apart from its figure by a space."""
BAR_CELLS = 10
SEPARATOR = " · "
"""Between the `label value` pieces of a line that stands for columns."""
_EIGHTHS = " ▏▎▍▌▋▊▉"
OVER = "▶"
"""After a cap's bar that is full and more: usage past the cap."""
_SPARKS = "▁▂▃▄▅▆▇█"


def literal(text: str) -> str:
    """Plan text made inert: control characters shown as escapes, line breaks and tabs as spaces."""
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
    return UNSAFE_TEXT.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def number(value: Decimal) -> str:
    """A figure written plainly: 568, 521.25, 17000, 0.4 (no exponent, no trailing zeros)."""
    return f"{value.normalize():f}"


def percent(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}%"


def points(value: Decimal | None) -> str:
    return "" if value is None else f"{value:+.2f}"


def sparkline(values: list[Decimal | None], low: Decimal | None = None,
              high: Decimal | None = None) -> str:  # fmt: skip
    """A small trend bar, one block per value (a space where there is none): `▁▃▅█`. The scale
    runs from `low` to `high`, by default the values' own least and greatest."""
    known = [value for value in values if value is not None]
    if not known:
        return ""
    low = min(known) if low is None else low
    high = max(known) if high is None else high
    marks = []
    for value in values:
        if value is None:
            marks.append(" ")
        elif high <= low:
            marks.append(_SPARKS[3])
        else:
            share = (min(max(value, low), high) - low) / (high - low)
            marks.append(_SPARKS[int(share * (len(_SPARKS) - 1) + Decimal("0.5"))])
    return "".join(marks)


def bar(result: IndicatorResult) -> str:
    """Completion in 10 cells, each showing its own tenth in eighths, with the pace marked │
    between two cells: `█████│███▌░`; a cap used past its limit runs on: `█████│█████▶`. The
    mark stands at the cell boundary nearest the pace, the same on every row of a table (one
    pace, one line down the column); the one cell beside it is drawn so that the picture
    agrees with the status — an indicator on pace reaches the mark (that cell full), one off
    the pace falls short of it (that cell ▉, nothing past it); for a cap, staying within it
    or running past it."""
    if result.completion is None or result.expected is None:
        return ""
    shown = max(Decimal(0), min(result.completion, Decimal(100)))
    cells = []
    for cell in range(BAR_CELLS):
        eighths = int((shown - cell * 10) * 8 / 10)
        cells.append("█" if eighths >= 8 else "░" if eighths <= 0 else _EIGHTHS[eighths])
    boundary = result.expected * BAR_CELLS / 100
    mark = max(0, min(BAR_CELLS, math.floor(boundary + Decimal("0.5"))))
    on_pace = result.gap is None or result.gap >= 0
    reach = on_pace if result.direction is Direction.HIGHER else not on_pace
    filled = shown * BAR_CELLS / 100
    if reach and mark > 0 and filled < mark:
        cells[mark - 1] = "█"  # within half a cell of the mark, on pace: it reaches it
    elif not reach and filled >= mark:
        if mark > 0:
            cells[mark - 1] = "▉"  # within half a cell, off pace: it falls short of the mark
        if mark < BAR_CELLS:
            cells[mark] = "░"
    drawn = "".join(cells[:mark]) + "│" + "".join(cells[mark:])
    if result.is_cap and result.completion > 100:
        return drawn + OVER  # more used than the cap allows: the bar runs out of its frame
    return drawn


class FigureWords(Labels):
    """Figures with their units and labels, in one language."""

    def with_unit(self, text: str | None, unit: str | None) -> str:
        """ "1.7万" and "个" → "1.7万个" (Chinese) or "1.7万 个"; a % figure keeps its own sign."""
        if text is None:
            return ""
        if not unit or (unit == "%" and ("%" in text or "％" in text)):  # 5％ as typed
            return literal(text)
        if _LATIN.match(unit):  # 120 km keeps its space in Chinese too
            return literal(f"{text} {unit}")
        return literal(say("figure.with_unit", self.lang, text=text, unit=unit))

    def target_of(self, result: IndicatorResult) -> str:
        if result.target_same_as is not None:
            return self.same_as_target(result)
        if result.kind is Kind.MILESTONE and result.due is not None:
            day = result.due.isoformat()
            return say("figure.due_by", self.lang, day=day)
        return self.target_with_unit(result.target_text, result.unit)

    def target_with_unit(self, text: str | None, unit: str | None) -> str:
        """58以下 with 微克/立方米 reads 58微克/立方米以下: the unit goes before the wording."""
        suffix = _WORDING_AFTER.search(text) if text else None
        if text is None or suffix is None:
            return self.with_unit(text, unit)
        return self.with_unit(text[: suffix.start()], unit) + literal(suffix.group())

    def same_as_target(self, result: IndicatorResult) -> str:
        """与地区生产总值增长同步（6.5%） / in step with GDP growth (6.5%): another indicator's
        figure as the target; without its figure at as_of, the words alone."""
        other = literal(result.target_same_as_name or result.target_same_as or "")
        figure = self.with_unit(result.target_text, result.unit)
        if not figure:
            return say("figure.same_as", self.lang, other=other)
        return say("figure.same_as_figure", self.lang, other=other, figure=figure)

    def actual_of(self, result: IndicatorResult, dated: bool = True) -> str:
        """The actual with its unit; with its date where it is older than as_of (a figure of
        1-5月 in a report at June 30): 300公顷（数据截至5月底）, 300 ha (as of May 31).
        `dated=False`: without it, for a layout that shows `figures_date` apart."""
        if result.kind is Kind.MILESTONE:
            return self.done if result.status is Status.MET else self.not_done
        text = self.with_unit(result.actual_text, result.unit)
        note = self.figures_date(result) if dated and text else ""
        if not note:
            return text
        return say("figure.dated", self.lang, text=text, note=note)

    def figures_date(self, result: IndicatorResult) -> str:
        """截至5月底 / as of May 31 for an actual older than as_of; else nothing."""
        day = result.actual_date
        if not result.actual_earlier or day is None:
            return ""
        month_end = (day + timedelta(days=1)).day == 1
        return say(
            "figure.as_of_month_end" if month_end else "figure.as_of_day", self.lang, day=day
        )

    def labelled(self, pairs: Sequence[tuple[str, str]]) -> str:
        """Values with their labels on one line, for a layout without columns:
        `目标 1000公顷 · 完成 55公顷`; empty values left out."""
        return SEPARATOR.join(f"{label} {value}" for label, value in pairs if value)

    def figures_line(self, result: IndicatorResult) -> str:
        """The target and the actual, for a layout without their columns; a milestone's date
        and whether it is done."""
        if result.kind is Kind.MILESTONE:
            due = result.due.isoformat() if result.due else ""
            return self.labelled([(say("figure.due", self.lang), due)]) + (
                f"{SEPARATOR}{self.actual_of(result)}"
            )
        return self.labelled(
            [(self.target, self.target_of(result)), (self.actual, self.actual_of(result))]
        )

    def standing_line(self, result: IndicatorResult, drawn: str) -> str:
        """How the indicator stands, for a layout without columns: completion, pace, gap (with
        its unit) and the bar `drawn`."""
        return self.labelled(
            [
                (self.completion, self.completion_of(result)),
                (self.pace, percent(result.expected)),
                (self.gap, self.gap_of(result)),
                (self.progress, drawn),
            ]
        )

    def completion_of(self, result: IndicatorResult) -> str:
        """`25.70% ≠ 报告21.85%` for a wrong stated rate; `91.77%*` for a rate taken as stated."""
        if result.completion is None:
            return ""
        text = percent(result.completion)
        if result.stated_consistent is False:
            stated = f"{result.stated_text}".removesuffix("%")
            return say("figure.completion_stated", self.lang, computed=text, stated=stated)
        if result.actual is None or result.target is None:
            return f"{text}*"
        return text

    def figure_of(self, result: IndicatorResult) -> str:
        """The one figure a timeline shows: completion (usage of a cap), else the actual."""
        return self.completion_of(result) or self.actual_of(result)

    def gap_in_points(self, results: Sequence[IndicatorResult]) -> bool:
        """Every gap among `results` is in points — cumulative ones against the pace, levels in
        % — so the column's header can name the unit once and the cells go without it."""
        return all(r.gap is not None or r.unit == "%" for r in results if r.margin is not None)

    def gap_header(self, results: Sequence[IndicatorResult]) -> str:
        """差距(百分点) when every gap is in points, else 差距, each cell with its own unit."""
        return self.gap_points if self.gap_in_points(results) else self.gap

    def gap_of(self, result: IndicatorResult, bare: bool = False) -> str:
        """The gap in one unit: points against the pace for a cumulative indicator, the
        indicator's own unit for a level (`+0.2个百分点`, `+1微克/立方米`); 持平 for none.
        `bare`: without the unit, which the column's header then gives — a column of points
        with two decimals throughout, so that it reads alike (`-2.00` beside `+5.27`)."""
        if result.gap is not None:
            value, text = result.gap, f"{abs(result.gap):.2f}"
            unit = self._points
        elif result.margin is not None:
            value, unit = result.margin, self._margin_unit(result.unit)
            points_column = bare and result.unit == "%"  # beside the pace's gaps: alike
            text = f"{abs(value):.2f}" if points_column else number(abs(value))
        else:
            return ""
        if value == 0:
            return self.even
        sign = "+" if value > 0 else "-"
        return literal(f"{sign}{text}" if bare else f"{sign}{text}{unit}")

    @property
    def _points(self) -> str:
        return say("figure.points", self.lang)

    def _margin_unit(self, unit: str | None) -> str:
        if unit == "%":
            return self._points
        if not unit:
            return ""
        if _LATIN.match(unit):
            return f" {unit}"
        return say("figure.margin_unit", self.lang, unit=unit)

    def _signed(self, value: Decimal, result: IndicatorResult) -> str:
        """A signed distance with its unit: +0.20个百分点, -300人, -0.3 pts."""
        if result.kind is Kind.CUMULATIVE or result.unit == "%":
            return points(value) + self._points
        sign = "+" if value >= 0 else "-"
        return f"{sign}{number(abs(value))}{self._margin_unit(result.unit)}"

    def amount(self, value: Decimal | None, unit: str | None) -> str:
        """A forecast amount with its unit, two decimals at most: 157.5公顷."""
        if value is None:
            return ""
        return self.with_unit(number(value.quantize(Decimal("0.01"))), unit)

    def plan_label(self, title: str, path: str, shared: bool) -> str:
        """A plan as a roll-up names it: its title, and its file where another has that title."""
        if not shared:
            return literal(title)
        return literal(say("figure.plan_in_file", self.lang, title=title, path=path))

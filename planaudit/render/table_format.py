"""The terminal table (rich): one table per plan, grouped by section, flagged rows easy to spot."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Literal

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from planaudit.core.errors import Problem
from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.results.plans import PlanReport, Rollup
from planaudit.render import fit
from planaudit.render.line_break import break_lines, has_cjk
from planaudit.render.registry import Renderer, RenderOptions
from planaudit.render.side_tables import change_table, fitted_table, forecast_table, set_in
from planaudit.render.table_cells import cells_of, heading
from planaudit.render.words import Words, literal, words_for, words_for_rollup


def console_for(buffer: io.StringIO, options: RenderOptions) -> Console:
    """A console that writes plan text as it is: no markup, emoji codes or highlighting; colour
    only where the options allow it."""
    return Console(
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        no_color=not options.color,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )


class FormatRenderer(Renderer[PlanReport, Rollup]):
    independent = True
    _plans = 0

    def place(self, text: str) -> str:
        self._plans += 1
        return text if self._plans == 1 else "\n" + text

    def _console(self, buffer: io.StringIO) -> Console:
        return console_for(buffer, self.options)

    def footer(self, errors: Sequence[Problem], rollup: Rollup | None = None) -> str:
        if rollup is None:
            return ""
        buffer = io.StringIO()
        console = self._console(buffer)
        words = words_for_rollup(rollup, self.options.lang)
        width = self.options.width
        headers = (words.plan, words.assessed, words.on_pace, words.flagged)
        rows = [
            (
                [
                    Text(words.plan_label(line.plan, line.path, line.shared_title)),
                    Text(str(line.assessed)),
                    Text(str(line.on_pace)),
                    Text(str(line.flagged)),
                ],
                "bold red" if line.flagged else "",
            )
            for line in rollup.plans
        ]
        console.print()
        console.print(fitted_table(words.rollup_title, headers, range(1, 4), rows, width, words))
        if rollup.most_behind:
            behind = [
                ([Text(literal(name)), Text(str(count))], "") for name, count in rollup.most_behind
            ]
            columns = (words.indicator, words.plans_behind)
            most = fitted_table(words.most_behind_title, columns, (1,), behind, width, words)
            console.print(most)
        return buffer.getvalue()

    def text(self, plan: PlanReport) -> str:
        buffer = io.StringIO()
        console = self._console(buffer)
        words = words_for(plan, self.options.lang)
        width = self.options.width
        console.print(_plan_table(plan, words, width))
        forecast = [r for r in plan.indicators if r.forecast is not None]
        if self.options.forecast and forecast:
            console.print(forecast_table(forecast, words, width))
        changed = [r for r in plan.indicators if r.previous is not None]
        if changed:
            console.print(change_table(changed, words, width))
        return buffer.getvalue()


_COLUMNS = ("name", "target", "actual", "completion", "pace", "gap", "bar", "status")


LAYOUTS = (
    _COLUMNS,
    tuple(column for column in _COLUMNS if column != "bar"),
    ("name", "completion", "pace", "gap", "status"),
)
"""The table's layouts, widest first: all the columns; without the bar; the target and the
actual under the name. Below those, one block per indicator (`_stacked`). What goes first is
what matters least: the bar, then the figures' own columns; the status and the name stay."""


_RIGHT = ("completion", "pace", "gap")


_OPTIONAL = ("target", "actual", "completion", "pace", "gap", "bar")
"""Columns a table can go without where no indicator has anything in them (a plan of levels
has no completion, pace or bar): dropped rather than wrap the names."""


def _plan_table(plan: PlanReport, words: Words, width: int) -> Group:
    results = plan.indicators
    in_points = words.gap_in_points(results)
    cells = [cells_of(result, words, in_points) for result in results]
    headers = {
        "name": words.indicator, "target": words.target, "actual": words.actual,
        "completion": words.completion, "pace": words.pace,
        "gap": words.gap_header(results), "bar": words.progress, "status": words.status,
    }  # fmt: skip
    sections = [literal(result.section) for result in results if result.section is not None]
    body: Table | None = None
    empty = {column for column in _OPTIONAL if not any(row[column].plain for row in cells)}
    for layout in LAYOUTS:
        under = "target" not in layout
        slim = tuple(column for column in layout if column not in empty)
        for columns in dict.fromkeys((layout, slim)):  # empty columns go before names wrap
            specs = [_spec(column, headers[column], cells, sections, under) for column in columns]
            fitted = fit.widths(specs, width)
            if fitted is not None and (fitted[0] >= specs[0].natural or columns == slim):
                body = _grid(plan, columns, headers, cells, fitted, under)
                break
        if body is not None:
            break
    parts: list[Text | Table] = [heading(plan, words)]
    if not results:  # --only flagged, and nothing is: a sentence, not an empty table
        parts.append(Text(words.none_flagged))
    else:
        parts.append(body if body is not None else _stacked(plan, words, cells, width))
    if any(words.completion_of(r).endswith("*") for r in results):
        parts.append(Text(words.stated_mark_note, style="dim"))
    summary = plan.summary
    alarm = summary.verdict is False or summary.serious
    verdict = words.verdict(plan)
    if has_cjk(verdict):  # broken as Chinese is set: no line opens on ，。；）
        verdict = "\n".join(break_lines(verdict, width))
    parts.append(Text(verdict, style="bold red" if alarm else "bold"))
    return Group(*parts)


def _spec(column: str, header: str, cells: list[dict[str, Text]], sections: list[str],
          under: bool) -> fit.Spec:  # fmt: skip
    texts = [row[column].plain for row in cells]
    if column == "name":
        if under:
            texts = [f"{row['name'].plain}\n  {row['figures'].plain}" for row in cells]
        return fit.text(header, [*texts, *sections], fit.NAME_FLOOR, grow=0, ease=fit.NAME_EASE)
    if column in ("target", "actual"):
        return fit.text(header, texts, grow=2)
    if column == "completion":
        return fit.words(header, texts, grow=1)
    if column == "status":
        heads = [row["status_head"].plain for row in cells]
        natural = fit.longest([header, *texts])
        least = max(fit.longest([header, *heads]), fit.longest_word(row["alerts"].plain
                                                                    for row in cells))  # fmt: skip
        return fit.Spec(natural, least, grow=1)
    return fit.figures(header, texts)


def _grid(plan: PlanReport, layout: tuple[str, ...], headers: dict[str, str],
          cells: list[dict[str, Text]], widths: list[int], under: bool) -> Table:  # fmt: skip
    """The table in columns of the widths given, grouped by section."""
    table = Table(header_style="bold", pad_edge=False)
    for column, width in zip(layout, widths, strict=True):
        justify: Literal["left", "right"] = "right" if column in _RIGHT else "left"
        table.add_column(headers[column], justify=justify, width=width, overflow="fold")
    for position, (section, rows) in enumerate(_by_section(plan, cells)):
        if section is not None:
            if position:
                table.add_section()
            table.add_row(Text(literal(section), style="bold"))
        for result, row in rows:
            shown: list[RenderableType] = [row[column] for column in layout]
            if under and row["figures"].plain:
                shown[0] = Group(row["name"], set_in(row["figures"], widths[0]))
            table.add_row(*shown, style="bold" if result.flagged else None)
    return table


def _stacked(plan: PlanReport, words: Words, cells: list[dict[str, Text]], width: int) -> Table:
    """One block per indicator, for a terminal too narrow for columns: the status, then the
    name, its figures and how it stands, each wrapped to the width."""
    heads = [row["status_head"] for row in cells]
    first = max(fit.longest(head.plain for head in heads), 1)
    room = max(width - first - 1, 1)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=first, no_wrap=True)
    grid.add_column(width=room, overflow="fold")
    for section, rows in _by_section(plan, cells):
        if section is not None:
            grid.add_row(Text("■", style="bold"), Text(literal(section), style="bold"))
        for result, row in rows:
            name = Text.assemble(row["name"], style="bold" if result.flagged else "")
            if row["alerts"].plain:
                name.append_text(Text(" ").append_text(row["alerts"]))
            lines = [set_in(line, room) for line in (row["figures"], row["standing"]) if line.plain]
            grid.add_row(row["status_head"], Group(name, *lines))
    return grid


Row = tuple[IndicatorResult, dict[str, Text]]


def _by_section(
    plan: PlanReport, cells: list[dict[str, Text]]
) -> list[tuple[str | None, list[Row]]]:
    """The indicators with their cells under their sections, each section where it first
    appears in the plan."""
    sections: dict[str | None, list[Row]] = {}
    for result, row in zip(plan.indicators, cells, strict=True):
        sections.setdefault(result.section, []).append((result, row))
    return list(sections.items())

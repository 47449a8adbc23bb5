"""The terminal table (rich): one table per plan, grouped by section, flagged rows easy to spot."""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from planaudit.errors import Problem
from planaudit.render import Renderer, RenderOptions
from planaudit.render.words import Words, bar, literal, percent, words_for, words_for_rollup
from planaudit.report import IndicatorResult, PlanReport, Rollup, Status

_STATUS_STYLE = {
    Status.MET: "bold green",
    Status.ON_TRACK: "green",
    Status.WATCH: "yellow",
    Status.BEHIND: "bold red",
    Status.MISSED: "bold red",
    Status.PENDING: "cyan",
    Status.NO_TARGET: "dim",
    Status.NO_DATA: "dim",
    Status.ANNUAL_ONLY: "dim",
}
MARKS = {
    Status.MET: "✓",
    Status.ON_TRACK: "✓",
    Status.WATCH: "!",
    Status.BEHIND: "✗",
    Status.MISSED: "✗",
}
"""Readable without colour: ✓ on pace, ! watch, ✗ behind or missed, · not judged."""


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


class FormatRenderer(Renderer):
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
        plans = Table(title=words.rollup_title, title_justify="left", header_style="bold")
        for header in (words.plan, words.assessed, words.on_pace, words.flagged):
            plans.add_column(header, justify="left" if header == words.plan else "right")
        for line in rollup.plans:
            style = "bold red" if line.flagged else None
            label = words.plan_label(line.plan, line.path, line.shared_title)
            plans.add_row(Text(label), str(line.assessed), str(line.on_pace), str(line.flagged),
                          style=style)  # fmt: skip
        console.print()
        console.print(plans)
        if rollup.most_behind:
            behind = Table(title=words.most_behind_title, title_justify="left", header_style="bold")
            behind.add_column(words.indicator)
            behind.add_column(words.plans_behind, justify="right")
            for name, count in rollup.most_behind:
                behind.add_row(Text(literal(name)), str(count))
            console.print(behind)
        return buffer.getvalue()

    def text(self, plan: PlanReport) -> str:
        buffer = io.StringIO()
        console = self._console(buffer)
        words = words_for(plan, self.options.lang)
        console.print(_plan_table(plan, words))
        forecast = [r for r in plan.indicators if r.forecast is not None]
        if self.options.forecast and forecast:
            console.print(_forecast_table(forecast, words))
        changed = [r for r in plan.indicators if r.previous is not None]
        if changed:
            console.print(_change_table(changed, words))
        return buffer.getvalue()


def _plan_table(plan: PlanReport, words: Words) -> Group:
    table = Table(header_style="bold", pad_edge=False)
    in_points = words.gap_in_points(plan.indicators)
    headers = (words.indicator, words.target, words.actual, words.completion, words.pace,
               words.gap_header(plan.indicators), words.progress, words.status)  # fmt: skip
    for column, header in enumerate(headers):
        figures = column in (3, 4, 5)
        table.add_column(
            header,
            justify="right" if figures else "left",
            overflow="fold",
            no_wrap=figures or column >= 6,
        )
    sections: dict[str | None, list[IndicatorResult]] = {}
    for result in plan.indicators:
        sections.setdefault(result.section, []).append(result)
    for position, (section, results) in enumerate(sections.items()):
        if section is not None:
            if position:
                table.add_section()
            table.add_row(Text(literal(section), style="bold"))
        for result in results:
            table.add_row(*_cells(result, words, in_points),
                          style="bold" if result.flagged else None)  # fmt: skip
    parts: list[Text | Table] = [_heading(plan, words), table]
    if any(words.completion_of(r).endswith("*") for r in plan.indicators):
        parts.append(Text(words.stated_mark_note, style="dim"))
    summary = plan.summary
    alarm = summary.verdict is False or summary.serious
    parts.append(Text(words.verdict(plan), style="bold red" if alarm else "bold"))
    return Group(*parts)


def _forecast_table(results: list[IndicatorResult], words: Words) -> Table:
    def outlook(result: IndicatorResult) -> str:
        return "bold red" if result.forecast and result.forecast.recovery else ""

    rows = [(result, words.forecast_cells(result), outlook(result)) for result in results]
    return _side_table(words.forecast_title, words.forecast_columns, range(1, 6), rows)


def _change_table(results: list[IndicatorResult], words: Words) -> Table:
    def worse(result: IndicatorResult) -> str:
        then = result.previous
        return "bold red" if then is not None and _worse(then.status, result.status) else ""

    rows = [(result, words.change_cells(result), worse(result)) for result in results]
    return _side_table(words.change_title, words.change_columns, range(2, 5), rows)


def _side_table(title: str, columns: Sequence[str], right: range,
                rows: list[tuple[IndicatorResult, tuple[str, ...], str]]) -> Table:  # fmt: skip
    """A titled table after the main one: each indicator's name, its cells (the columns in
    `right` aligned right), the last cell in the row's style."""
    table = Table(title=title, title_justify="left", header_style="bold", pad_edge=False)
    for column, header in enumerate(columns):
        table.add_column(header, justify="right" if column in right else "left", overflow="fold")
    for result, cells, last_style in rows:
        last = Text(cells[-1], style=last_style)
        table.add_row(Text(literal(result.name)), *(Text(cell) for cell in cells[:-1]), last)
    return table


def _worse(then: Status, now: Status) -> bool:
    """A status transition into a flagged status from one that was not, or from watch."""
    return now.flagged and (not then.flagged or (then is Status.WATCH and now is not then))


def _heading(plan: PlanReport, words: Words) -> Text:
    heading = Text(literal(plan.plan), style="bold")
    heading.append(f"  {words.heading(plan)}")
    heading.append(f"  ({literal(plan.path)})", style="dim")
    return heading


def _status_text(result: IndicatorResult, words: Words) -> Text:
    status = Text(f"{MARKS.get(result.status, '·')} {words.status_word(result.status)}")
    status.stylize(_STATUS_STYLE[result.status])
    for kind, alert in words.alerts(result):
        style = "bold reverse red" if kind == "serious" else "bold red"
        status.append(f" {alert}", style=style)
    return status


def _cells(result: IndicatorResult, words: Words, in_points: bool) -> list[Text]:
    name = Text(literal(result.name))
    if result.binding:
        name.append(words.binding, style="magenta")
    behind = (result.gap if result.gap is not None else result.margin or 0) < 0
    return [
        name,
        Text(words.target_of(result)),
        Text(words.actual_of(result)),
        Text(words.completion_of(result)),
        Text(percent(result.expected)),
        Text(words.gap_of(result, bare=in_points), style="red" if behind else ""),
        Text(bar(result), style=_STATUS_STYLE[result.status]),
        _status_text(result, words),
    ]

"""The report of `planaudit history` as a table, Markdown or JSON: each indicator at each report
date, with a small trend bar (completion on a 0–100 % scale; a level indicator's figure on its
own range)."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from planaudit.core.results.history import History, Timeline
from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.terms import Kind
from planaudit.render.json_format import JsonItems, json_number, json_percent, restatement_json
from planaudit.render.registry import RenderOptions, Separated
from planaudit.render.words import Words, literal, sparkline, words_in

HUNDRED = Decimal(100)


def trend(history: History, timeline: Timeline) -> str:
    """One mark per report date of the plan, a space where the indicator has no figure."""
    by_date = dict(timeline.points)
    results = [by_date.get(day) for day in history.dates]
    if timeline.latest.kind is Kind.CUMULATIVE:
        return sparkline([r.completion if r else None for r in results], Decimal(0), HUNDRED)
    return sparkline([r.actual if r else None for r in results])


def _cell(result: IndicatorResult | None, words: Words) -> str:
    if result is None:
        return ""
    return f"{words.figure_of(result)} {words.status_of(result)}".strip()


def _cells(history: History, timeline: Timeline, words: Words) -> list[str]:
    by_date = dict(timeline.points)
    return [_cell(by_date.get(day), words) for day in history.dates]


def _table(history: History, options: RenderOptions) -> str:
    from rich.table import Table
    from rich.text import Text

    from planaudit.render.table_format import console_for

    words = words_in(history.chinese, options.lang)
    buffer = io.StringIO()
    console = console_for(buffer, options)
    heading = Text(literal(history.plan), style="bold")
    heading.append(f"  {words.history_title}")
    heading.append(f"  ({literal(history.path)})", style="dim")
    console.print(heading)
    grid = Table(header_style="bold", pad_edge=False)
    grid.add_column(words.indicator, overflow="fold")
    grid.add_column(words.trend, no_wrap=True)
    for day in history.dates:
        grid.add_column(day.isoformat(), justify="right", overflow="fold")
    for timeline in history.timelines:
        name = Text(literal(timeline.latest.name))
        if timeline.restatement is not None:
            name.append(f" {words.restated}", style="bold red")
        grid.add_row(name, trend(history, timeline), *_cells(history, timeline, words))
    if history.timelines:
        console.print(grid)
    console.print(Text(words.history_note(history.undated, len(history.dates)), style="dim"))
    return buffer.getvalue()


def _markdown(history: History, options: RenderOptions) -> str:
    from planaudit.render.markdown_format import md

    words = words_in(history.chinese, options.lang)
    lines = [f"## {md(history.plan)}", "", f"{md(words.history_title)} · {md(history.path)}", ""]
    if history.timelines:
        days = [day.isoformat() for day in history.dates]
        lines.append(f"| {words.indicator} | {words.trend} | " + " | ".join(days) + " |")
        lines.append("| --- | --- |" + " ---: |" * len(days))
        for timeline in history.timelines:
            name = md(timeline.latest.name)
            if timeline.restatement is not None:
                name += f" ❗ {md(words.restated)}"
            cells = [md(cell) for cell in _cells(history, timeline, words)]
            lines.append(f"| {name} | `{trend(history, timeline)}` | " + " | ".join(cells) + " |")
        lines.append("")
    lines.append(md(words.history_note(history.undated, len(history.dates))))
    return "\n".join(lines) + "\n"


def _json(history: History) -> dict[str, Any]:
    return {
        "path": history.path,
        "plan": history.plan,
        "dates": [day.isoformat() for day in history.dates],
        "indicators": [
            {
                "id": timeline.latest.id,
                "name": timeline.latest.name,
                "unit": timeline.latest.unit,
                "kind": timeline.latest.kind,
                "line": timeline.latest.line,
                "points": [
                    {
                        "date": day.isoformat(),
                        "actual": json_number(result.actual),
                        "completion": json_percent(result.completion),
                        "expected": json_percent(result.expected),
                        "gap": json_percent(result.gap),
                        "status": result.status.value,
                    }
                    for day, result in timeline.points
                ],
                "restatement": restatement_json(timeline.restatement),
            }
            for timeline in history.timelines
        ],
        "undated": history.undated,
    }


class Table(Separated[History, None]):
    def text(self, item: History) -> str:
        return _table(item, self.options)


class Markdown(Separated[History, None]):
    def text(self, item: History) -> str:
        return _markdown(item, self.options)


class Json(JsonItems[History, None]):
    def item_json(self, item: History) -> dict[str, Any]:
        return _json(item)

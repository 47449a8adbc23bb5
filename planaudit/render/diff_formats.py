"""`planaudit diff` as a table, Markdown or JSON: one row per change, flagged ones marked."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from planaudit.core.errors import Problem, shown_path
from planaudit.core.results.diff import Change, Comparison, PlanDiff, What
from planaudit.render.json_format import JsonItems
from planaudit.render.registry import RenderOptions, Separated
from planaudit.render.words import Words, literal, nothing_changed, words_in

FLAG = "✗"


def _title(diff: PlanDiff) -> str:
    if diff.old and diff.new:
        return f"{diff.old} → {diff.new}"
    return diff.old or diff.new


def _cells(change: Change, words: Words) -> list[str]:
    before, after = literal(change.before or ""), literal(change.after or "")
    if change.what is What.STATUS:
        before, after = words.status_value(change.before), words.status_value(change.after)
    elif change.what in (What.BINDING, What.ANNUAL_ONLY):
        yes, no = words.yes, words.no
        before, after = (yes if value == "true" else no for value in (change.before, change.after))
    elif change.what.figures:  # a target or a dated figure, written last: the unit goes after
        before = words.target_with_unit(change.before, change.unit)
        after = words.target_with_unit(change.after, change.unit)
    return [
        literal(change.name or ""),
        words.change_word(change.what),
        before,
        after,
        FLAG if change.flagged else "",
    ]


def _table(diff: PlanDiff, options: RenderOptions) -> str:
    from rich.text import Text

    from planaudit.render.side_tables import fitted_table
    from planaudit.render.table_format import console_for

    words = words_in(diff.chinese, options.lang)
    buffer = io.StringIO()
    console = console_for(buffer, options)
    heading = Text(literal(diff.plan), style="bold")
    heading.append(f"  ({literal(_title(diff))})", style="dim")
    console.print(heading)
    if diff.changes:
        rows = [
            ([Text(cell) for cell in _cells(change, words)], "bold red" if change.flagged else "")
            for change in diff.changes
        ]
        console.print(fitted_table(None, words.change_headers, (), rows, options.width, words))
    alarm = "bold red" if diff.flagged else ""
    console.print(Text(words.diff_summary(len(diff.changes), diff.flagged), style=alarm))
    return buffer.getvalue()


def _markdown(diff: PlanDiff, options: RenderOptions) -> str:
    from planaudit.render.markdown_format import md

    words = words_in(diff.chinese, options.lang)
    lines = [f"## {md(diff.plan)}", "", md(_title(diff)), ""]
    if diff.changes:
        lines.append("| " + " | ".join(words.change_headers) + " |")
        lines.append("| --- | --- | --- | --- | --- |")
        for change in diff.changes:
            cells = [md(cell) for cell in _cells(change, words)]
            if change.flagged:
                cells[1] = f"**{cells[1]}**"
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    summary = md(words.diff_summary(len(diff.changes), diff.flagged))
    lines.append(f"**{summary}**" if diff.flagged else summary)
    return "\n".join(lines) + "\n"


def _json(diff: PlanDiff) -> dict[str, Any]:
    return {
        "old": diff.old or None,
        "new": diff.new or None,
        "plan": diff.plan,
        "flagged": diff.flagged,
        "changes": [
            {
                "change": change.what.value,
                "id": change.id,
                "name": change.name,
                "before": change.before,
                "after": change.after,
                "flagged": change.flagged,
                "line": change.line,
                "unit": change.unit,
            }
            for change in diff.changes
        ],
    }


class _Text(Separated[PlanDiff, Comparison]):
    def footer(self, errors: Sequence[Problem], tail: Comparison | None = None) -> str:
        """When nothing changed since a revision, the report says so."""
        if tail is None or not tail.unchanged:
            return ""
        return nothing_changed([shown_path(path) for path in tail.paths], tail.since or "")


class Table(_Text):
    def text(self, item: PlanDiff) -> str:
        return _table(item, self.options)


class Markdown(_Text):
    def text(self, item: PlanDiff) -> str:
        return _markdown(item, self.options)


class Json(JsonItems[PlanDiff, Comparison]):
    def item_json(self, item: PlanDiff) -> dict[str, Any]:
        return _json(item)

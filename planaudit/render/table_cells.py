"""The cells of an indicator in the terminal table, each a rich Text in its style: the name,
the figures, the status with its mark (readable without colour), the alerts, and the pieces the
narrow layouts use."""

from __future__ import annotations

from rich.text import Text

from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.results.plans import PlanReport
from planaudit.core.terms import Status
from planaudit.render.words import Alert, Words, bar, literal, percent

STATUS_STYLE = {
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
"""Readable without colour: ✓ on pace, ! watch (or figures that disagree), ✗ behind or missed,
· not judged."""


def heading(plan: PlanReport, words: Words) -> Text:
    heading = Text(literal(plan.plan), style="bold")
    heading.append(f"  {words.heading(plan)}")
    heading.append(f"  ({literal(plan.path)})", style="dim")
    return heading


def status_head(result: IndicatorResult, words: Words) -> Text:
    """The status with its mark, readable without colour: `✗ 滞后`."""
    mark = "!" if result.disputed else MARKS.get(result.status, "·")
    head = Text(f"{mark} {words.status_of(result)}")
    head.stylize(STATUS_STYLE[result.status])
    return head


def alerts_of(result: IndicatorResult, words: Words) -> Text:
    alerts = Text()
    for kind, alert in words.alerts(result):
        style = "bold reverse red" if kind is Alert.SERIOUS else "bold red"
        alerts.append(f" {alert}" if alerts.plain else alert, style=style)
    return alerts


def actual_cell(result: IndicatorResult, words: Words) -> Text:
    """The actual, and under it the date of a figure older than as_of (截至5月底)."""
    actual = Text(words.actual_of(result, dated=False))
    note = words.figures_date(result)
    if note:
        actual.append(f"\n{note}", style="dim")
    return actual


def cells_of(result: IndicatorResult, words: Words, in_points: bool) -> dict[str, Text]:
    """Every cell an indicator can show, by column, and the pieces the narrow layouts use."""
    name = Text(literal(result.name))
    if result.binding:
        name.append(words.binding, style="magenta")
    behind = (result.gap if result.gap is not None else result.margin or 0) < 0
    head, alerts = status_head(result, words), alerts_of(result, words)
    status = head.copy()
    if alerts.plain:
        status.append(" ")
        status.append_text(alerts)
    progress = Text(bar(result), style=STATUS_STYLE[result.status])
    return {
        "name": name,
        "target": Text(words.target_of(result)),
        "actual": actual_cell(result, words),
        "completion": Text(words.completion_of(result)),
        "pace": Text(percent(result.expected)),
        "gap": Text(words.gap_of(result, bare=in_points), style="red" if behind else ""),
        "bar": progress,
        "status": status,
        "status_head": head,
        "alerts": alerts,
        "figures": Text(words.figures_line(result), style="dim"),
        "standing": Text(words.standing_line(result, bar(result))),
    }

"""The terminal table (rich): one table per plan, grouped by section, flagged rows easy to spot."""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from planaudit.render import RenderOptions
from planaudit.render.text import (
    actual_text,
    completion_text,
    gap_text,
    literal,
    percent,
    status_word,
    target_text,
)
from planaudit.report import IndicatorResult, PlanReport, Report, Status

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
_MARK = {Status.MET: "✓", Status.ON_TRACK: "✓", Status.WATCH: "!", Status.BEHIND: "✗"}
_MARK[Status.MISSED] = "✗"
_HEADERS = {
    True: ("指标", "目标", "完成", "完成率", "序时进度", "差距(百分点)", "状态"),
    False: ("Indicator", "Target", "Actual", "Completion", "Pace", "Gap (pts)", "Status"),
}


def render(report: Report, options: RenderOptions) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        no_color=not options.color,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    for index, plan in enumerate(report.plans):
        if index:
            console.print()
        console.print(_plan_table(plan))
    return buffer.getvalue()


def _plan_table(plan: PlanReport) -> Group:
    zh = plan.chinese
    table = Table(show_lines=False, header_style="bold", pad_edge=False, expand=False)
    for column, header in enumerate(_HEADERS[zh]):
        table.add_column(header, justify="right" if 3 <= column <= 5 else "left", overflow="fold")
    sections: dict[str | None, list[IndicatorResult]] = {}
    for result in plan.indicators:
        sections.setdefault(result.section, []).append(result)
    for position, (section, results) in enumerate(sections.items()):
        if section is not None:
            if position:
                table.add_section()
            table.add_row(Text(literal(section), style="bold"))
        for result in results:
            table.add_row(*_cells(result, zh), style="bold" if result.flagged else None)
    notes = []
    if any(
        r.completion is not None and (r.target is None or r.actual is None) for r in plan.indicators
    ):
        notes.append(
            Text(
                "* 报告所列完成率（无目标或完成数）"
                if zh
                else "* the rate the report states (no target or actual)",
                style="dim",
            )
        )
    return Group(_heading(plan), table, *notes, _footer(plan))


def _heading(plan: PlanReport) -> Text:
    zh = plan.chinese
    heading = Text(literal(plan.plan), style="bold")
    if zh:
        heading.append(f"  截至 {plan.as_of.isoformat()}  序时进度 {percent(plan.elapsed)}")
    else:
        heading.append(f"  as of {plan.as_of.isoformat()}  pace {percent(plan.elapsed)}")
    heading.append(f"  ({literal(plan.path)})", style="dim")
    return heading


def _cells(result: IndicatorResult, zh: bool) -> list[Text]:
    name = Text(literal(result.name))
    if result.binding:
        name.append("（约束性）" if zh else " (binding)", style="magenta")
    status = Text(f"{_MARK.get(result.status, '·')} {status_word(result.status, zh)}")
    status.stylize(_STATUS_STYLE[result.status])
    if result.serious:
        status.append(" 约束性滞后" if zh else " BINDING", style="bold reverse red")
    if result.stated_consistent is False:
        status.append(" 完成率不符" if zh else " rate mismatch", style="bold red")
    return [
        name,
        Text(target_text(result, zh)),
        Text(actual_text(result, zh)),
        Text(completion_text(result, zh)),
        Text(percent(result.expected)),
        Text(gap_text(result, zh), style="red" if (result.gap or 0) < 0 else ""),
        status,
    ]


def _footer(plan: PlanReport) -> Text:
    summary = plan.summary
    if plan.chinese:
        verdict = "实现" if summary.verdict else "未实现"
        text = (
            f"时间过半、任务过半：{verdict}。{summary.assessed}项中{summary.on_pace}项达到序时进度；"
            f"标记{summary.flagged}项（约束性{summary.serious}项）；"
            f"报告完成率不符{summary.stated_mismatches}项。"
        )
    else:
        verdict = "holds" if summary.verdict else "does not hold"
        text = (
            f"Time half, task half {verdict}: {summary.on_pace} of {summary.assessed} on pace; "
            f"{summary.flagged} flagged ({summary.serious} binding); "
            f"{summary.stated_mismatches} stated-rate mismatches."
        )
    return Text(text, style="bold red" if not summary.verdict or summary.serious else "bold")

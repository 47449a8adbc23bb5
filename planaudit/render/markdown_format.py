"""GitHub-flavoured Markdown for a briefing or a pull request: the verdict in the reviewers'
phrasing, a table with the flagged rows first, one sentence per finding."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from planaudit.core.errors import Problem
from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.results.plans import PlanReport, Rollup
from planaudit.core.terms import Status
from planaudit.render.registry import Renderer, RenderOptions
from planaudit.render.words import Alert, Words, bar, literal, percent, words_for, words_for_rollup

_MARKS = {
    Status.MET: "✅",
    Status.ON_TRACK: "✅",
    Status.WATCH: "⚠️",
    Status.BEHIND: "❌",
    Status.MISSED: "❌",
    Status.PENDING: "⏳",
    Status.NO_TARGET: "➖",
    Status.NO_DATA: "➖",
    Status.ANNUAL_ONLY: "➖",
}
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "`": "&#96;", "@": "&#64;", "|": "\\|"}
_SPECIAL = re.compile(r"[&<>`@|\\*_\[\]~#!]")
_AUTOLINK = re.compile(r"(?<=:/)(?=/)|(?<=\bwww)(?=\.\w)|(?<=&#64;)", re.IGNORECASE)
"""Where a bare link or mention would start: inside `://`, before the dot of `www.` and after
`@`. A zero-width space there breaks GFM's autolinks (http://…, www.…, a@b.c) and mentions,
however the renderer decodes entities first, and changes nothing a reader sees."""
ZERO_WIDTH_SPACE = "\u200b"


def md(text: str) -> str:
    """Text as inert Markdown, the one escaping of every cell and sentence: no HTML (so no
    `<!--` hiding the rest), no table break, no code span, link, image, autolink or mention."""
    escaped = _SPECIAL.sub(lambda m: _ESCAPES.get(m.group(), "\\" + m.group()), literal(text))
    return _AUTOLINK.sub(ZERO_WIDTH_SPACE, escaped)


class FormatRenderer(Renderer[PlanReport, Rollup]):
    """Several plans start with a summary table across them, so the plans wait for the footer."""

    def __init__(self, options: RenderOptions) -> None:
        super().__init__(options)
        self._blocks: list[str] = []
        self._overview: list[tuple[str, str, str]] = []
        """Each plan's title, path and the rest of its row in the summary table."""
        self._words: Words | None = None

    def plan(self, plan: PlanReport) -> str:
        words = words_for(plan, self.options.lang)
        self._words = self._words or words
        s = plan.summary
        rest = f"{percent(plan.elapsed)} | {s.assessed} | {s.on_pace} | {s.flagged} |"
        self._overview.append((plan.plan, plan.path, rest))
        self._blocks.append(_plan(plan, words, 2, self.options.forecast))
        return ""

    def footer(self, errors: Sequence[Problem], rollup: Rollup | None = None) -> str:
        blocks = list(self._blocks)
        if len(blocks) > 1 and self._words is not None:
            words = self._words
            header = (
                f"| {words.plan} | {words.pace} | {words.assessed} | {words.on_pace} | "
                f"{words.flagged} |\n| --- | ---: | ---: | ---: | ---: |"
            )
            titles = Counter(title for title, _, _ in self._overview)
            rows = [
                f"| {md(words.plan_label(title, path, titles[title] > 1))} | {rest}"
                for title, path, rest in self._overview
            ]
            blocks.insert(0, "\n".join([header, *rows]))
        if rollup is not None:
            blocks.append(_rollup(rollup, words_for_rollup(rollup, self.options.lang)))
        return "\n\n".join(blocks) + "\n" if blocks else ""


def _rollup(rollup: Rollup, words: Words) -> str:
    lines = [f"## {words.rollup_title}", "",
             f"| {words.plan} | {words.assessed} | {words.on_pace} | {words.flagged} |",
             "| --- | ---: | ---: | ---: |"]  # fmt: skip
    lines += [
        f"| {md(words.plan_label(line.plan, line.path, line.shared_title))} | {line.assessed} | "
        f"{line.on_pace} | {line.flagged} |"
        for line in rollup.plans
    ]
    if rollup.most_behind:
        lines += ["", f"### {words.most_behind_title}", "",
                  f"| {words.indicator} | {words.plans_behind} |", "| --- | ---: |"]  # fmt: skip
        lines += [f"| {md(name)} | {count} |" for name, count in rollup.most_behind]
    return "\n".join(lines)


def severity(result: IndicatorResult) -> tuple[int, int]:
    """Most severe first: serious, then missed, behind, a wrong stated rate, watch."""
    order = {Status.MISSED: 0, Status.BEHIND: 1, Status.WATCH: 3}
    rank = order.get(result.status, 2 if result.mismatched else 4)
    return (0 if result.serious else 1, rank)


def _plan(plan: PlanReport, words: Words, heading_level: int, forecast: bool = False) -> str:
    lines = [f"{'#' * heading_level} {md(plan.plan)}", ""]
    lines.append(f"{md(words.heading(plan))} · {md(plan.path)}")
    lines.append("")
    headline, details = words.verdict_parts(plan)
    lines.append(f"**{md(headline)}**{md(details)}")  # details open on punctuation: ** closes
    lines.append("")
    lines += _table(plan, words)
    findings = sorted((r for r in plan.indicators if r.flagged), key=severity)
    if findings:
        lines += ["", f"{'#' * (heading_level + 1)} {md(words.findings_heading(findings))}", ""]
        separator = words.separator
        lines += [f"- **{md(r.name)}**{separator}{md(words.finding(r))}" for r in findings]
    if forecast:
        lines += _forecast(plan, words, heading_level + 1)
    lines += _changes(plan, words, heading_level + 1)
    if any(words.completion_of(r).endswith("*") for r in plan.indicators):
        lines += ["", md(words.stated_mark_note)]
    return "\n".join(lines)


def _forecast(plan: PlanReport, words: Words, heading_level: int) -> list[str]:
    results = [r for r in plan.indicators if r.forecast is not None]
    if not results:
        return []
    rows = [words.forecast_cells(result) for result in results]
    lines = _side_table(words.forecast_title, words.forecast_columns, "lrrrrrl", results, rows,
                        heading_level)  # fmt: skip
    lines.append("")
    separator = words.separator
    lines += [f"- **{md(r.name)}**{separator}{md(words.forecast_sentence(r))}" for r in results]
    return lines


def _changes(plan: PlanReport, words: Words, heading_level: int) -> list[str]:
    results = [r for r in plan.indicators if r.previous is not None]
    if not results:
        return []
    rows = [words.change_cells(result) for result in results]
    return _side_table(words.change_title, words.change_columns, "llrrrl", results, rows,
                       heading_level)  # fmt: skip


def _side_table(title: str, columns: Sequence[str], aligns: str,
                results: list[IndicatorResult], rows: list[tuple[str, ...]],
                heading_level: int) -> list[str]:  # fmt: skip
    """A titled table after the main one: each indicator's name, then its cells;
    `aligns` gives each column's alignment, l or r."""
    rule = " | ".join("---:" if align == "r" else "---" for align in aligns)
    lines = ["", f"{'#' * heading_level} {title}", "", f"| {' | '.join(columns)} |", f"| {rule} |"]
    for result, cells in zip(results, rows, strict=True):
        lines.append("| " + " | ".join([md(result.name), *(md(cell) for cell in cells)]) + " |")
    return lines


def _table(plan: PlanReport, words: Words) -> list[str]:
    """The indicator table; the section column only where some indicator has a section (an empty
    column is noise in a document pasted into a meeting pack)."""
    if not plan.indicators:  # --only flagged, and nothing is: a sentence, not an empty table
        return [words.none_flagged]
    in_points = words.gap_in_points(plan.indicators)
    gap = words.gap_header(plan.indicators)
    sections = any(result.section for result in plan.indicators)
    header = [words.indicator, words.target, words.actual, words.completion, words.pace, gap,
              words.progress, words.status]  # fmt: skip
    aligns = ["---", "---", "---", "---:", "---:", "---:", "---", "---"]
    if sections:
        header, aligns = [words.section, *header], ["---", *aligns]
    rows = [f"| {' | '.join(header)} |", f"| {' | '.join(aligns)} |"]
    flagged = sorted((r for r in plan.indicators if r.flagged), key=severity)
    others = [r for r in plan.indicators if not r.flagged]
    for result in flagged + others:
        name = md(result.name) + (words.binding if result.binding else "")
        progress = bar(result)
        cells = [
            f"**{name}**" if result.flagged else name,
            md(words.target_of(result)),
            md(words.actual_of(result)),
            md(words.completion_of(result)),
            percent(result.expected),
            md(words.gap_of(result, bare=in_points)),
            f"`{progress}`" if progress else "",
            _status(result, words),
        ]
        if sections:
            cells.insert(0, md(result.section or ""))
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def _status(result: IndicatorResult, words: Words) -> str:
    mark = "⚠️" if result.disputed else _MARKS[result.status]  # never ✅ on a flagged row
    text = f"{mark} {words.status_of(result)}"
    for kind, alert in words.alerts(result):
        text += f" ‼️ **{alert}**" if kind is Alert.SERIOUS else f" ❗ {alert}"
    return f"**{text}**" if result.flagged and not result.serious else text

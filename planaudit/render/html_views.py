"""What the HTML page shows of a plan and of a roll-up, every value already in words: the views
the template renders (rows, bars in the chart's scale, trend lines, the side tables). Pure: no
markup is made here; the template autoescapes every value."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from planaudit.core.results.indicators import IndicatorResult, Previous
from planaudit.core.results.plans import PlanReport, Rollup
from planaudit.core.terms import Kind, Status
from planaudit.render.markdown_format import severity
from planaudit.render.words import Alert, Words, alarming, literal, number, percent

HUNDRED = Decimal(100)
MOST_SCALE = Decimal(200)
"""A bar chart reaches at most 200 %: a figure beyond it is drawn to the end, its label exact."""

TONES = {
    Status.MET: "good",
    Status.ON_TRACK: "good",
    Status.WATCH: "watch",
    Status.BEHIND: "bad",
    Status.MISSED: "bad",
}
"""The colour and pattern of a status: solid (good), dotted (watch), hatched (bad)."""
MARKS = {Status.MET: "✓", Status.ON_TRACK: "✓", Status.WATCH: "!", Status.BEHIND: "✗",
         Status.MISSED: "✗"}  # fmt: skip
"""Readable without colour: ✓ on pace, ! watch, ✗ behind or missed, · not judged."""


@dataclass(frozen=True)
class Bar:
    """One bar of a bullet chart, in % of the chart's width: the filled part, the 0–100 % track
    and the pace line."""

    width: str
    track: str
    pace: str | None
    tone: str
    label: str


def _bar(completion: Decimal, expected: Decimal | None, scale: Decimal, tone: str) -> Bar:
    def share(value: Decimal) -> str:
        return f"{max(Decimal(0), min(value, scale)) / scale * 100:.2f}%"

    label = percent(completion) + (f" / {percent(expected)}" if expected is not None else "")
    pace = None if expected is None else share(expected)
    return Bar(share(completion), share(HUNDRED), pace, tone, label)


def _scale(values: Sequence[Decimal | None]) -> Decimal:
    """The chart's reach: 100 %, or the largest figure rounded up to ten (at most 200 %)."""
    largest = max((value for value in values if value is not None), default=HUNDRED)
    if largest <= HUNDRED:
        return HUNDRED
    return min(MOST_SCALE, (largest / 10).to_integral_value(rounding="ROUND_CEILING") * 10)


@dataclass(frozen=True)
class Row:
    """An indicator as the chart and the table show it: every value already in words."""

    id: str
    name: str
    binding: str
    flagged: bool
    tone: str
    mark: str
    status: str
    alerts: tuple[tuple[Alert, str], ...]
    cells: tuple[str, ...]
    """Target, actual, completion, pace, gap: the terminal table's columns."""
    bar: Bar | None


def _row(result: IndicatorResult, words: Words, scale: Decimal, in_points: bool) -> Row:
    tone = TONES.get(result.status, "quiet")
    bar = None
    if result.completion is not None and result.expected is not None:
        bar = _bar(result.completion, result.expected, scale, tone)
    return Row(
        id=result.id,
        name=literal(result.name),
        binding=words.binding if result.binding else "",
        flagged=result.flagged,
        tone=tone,
        mark="!" if result.disputed else MARKS.get(result.status, "·"),
        status=words.status_of(result),
        alerts=tuple(words.alerts(result)),
        cells=(
            words.target_of(result),
            words.actual_of(result),
            words.completion_of(result),
            percent(result.expected),
            words.gap_of(result, bare=in_points),
        ),
        bar=bar,
    )


@dataclass(frozen=True)
class Group:
    section: str | None
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Trend:
    """A small trend line: points in a 100 × 20 box, and the figures it stands for."""

    points: str
    last: tuple[str, str]
    label: str


def _trend(result: IndicatorResult, as_of: date) -> Trend | None:
    """Completion on a 0–100 % scale at each report date (a level indicator's own figure on
    its own range), the latest at as_of."""
    earlier: list[Previous] = list(result.earlier)
    if not earlier:
        return None
    cumulative = result.kind is Kind.CUMULATIVE
    dated = [(p.date.isoformat(), p.completion if cumulative else p.actual) for p in earlier]
    latest = result.completion if cumulative else result.actual
    dated.append(((result.actual_date or as_of).isoformat(), latest))
    known = [value for _, value in dated if value is not None]
    if len(known) < 2:
        return None
    low, high = (Decimal(0), HUNDRED) if cumulative else (min(known), max(known))
    step = Decimal(96) / (len(dated) - 1)
    points = []
    for index, (_, value) in enumerate(dated):
        if value is None:
            continue
        share = Decimal("0.5") if high <= low else (min(max(value, low), high) - low) / (high - low)
        points.append((f"{2 + step * index:.1f}", f"{18 - share * 16:.1f}"))
    figure = percent if cumulative else _plain
    label = ", ".join(f"{day} {figure(value)}" for day, value in dated if value is not None)
    return Trend(" ".join(f"{x},{y}" for x, y in points), points[-1], label)


def _plain(value: Decimal | None) -> str:
    return "" if value is None else number(value)


@dataclass(frozen=True)
class SideRow:
    name: str
    cells: tuple[str, ...]
    alarm: bool
    trend: Trend | None = None


@dataclass(frozen=True)
class PlanView:
    title: str
    path: str
    lang: str
    heading: str
    headline: str
    details: str
    holds: bool
    scale: str
    chart: tuple[Group, ...]
    table: tuple[Group, ...]
    stated_note: str
    findings_title: str
    findings: tuple[tuple[str, str], ...]
    gap_header: str
    forecast: tuple[SideRow, ...]
    forecast_sentences: tuple[tuple[str, str], ...]
    changes: tuple[SideRow, ...]
    legend: tuple[tuple[str, str], ...]
    """What each tone of bar stands for."""
    separator: str


def _legend(words: Words) -> tuple[tuple[str, str], ...]:
    def named(*statuses: Status) -> str:
        return " / ".join(words.status_word(status) for status in statuses)

    return (
        ("good", named(Status.MET, Status.ON_TRACK)),
        ("watch", named(Status.WATCH)),
        ("bad", named(Status.BEHIND, Status.MISSED)),
    )


def _groups(
    results: Sequence[IndicatorResult], words: Words, scale: Decimal, in_points: bool
) -> list[Group]:
    sections: dict[str | None, list[Row]] = {}
    for result in results:
        sections.setdefault(result.section, []).append(_row(result, words, scale, in_points))
    return [
        Group(None if section is None else literal(section), tuple(rows))
        for section, rows in sections.items()
    ]


def _chart_order(results: Sequence[IndicatorResult]) -> list[IndicatorResult]:
    """Flagged first, most severe first, within each section; the sections with the most severe
    findings first; otherwise the file's order."""
    charted = [r for r in results if r.completion is not None and r.expected is not None]
    by_section: dict[str | None, list[IndicatorResult]] = {}
    for result in charted:
        by_section.setdefault(result.section, []).append(result)
    ordered = []
    for _, members in sorted(by_section.items(), key=lambda item: min(map(_rank, item[1]))):
        ordered += sorted(members, key=_rank)
    return ordered


def _rank(result: IndicatorResult) -> tuple[int, int]:
    return severity(result) if result.flagged else (2, 0)


def plan_view(plan: PlanReport, words: Words, forecast: bool) -> PlanView:
    scale = _scale([r.completion for r in plan.indicators if r.expected is not None])
    summary = plan.summary
    findings = sorted((r for r in plan.indicators if r.flagged), key=severity)
    forecasts = [r for r in plan.indicators if r.forecast is not None] if forecast else []
    changed = [r for r in plan.indicators if r.previous is not None]
    headline, details = words.verdict_parts(plan)
    in_points = words.gap_in_points(plan.indicators)
    return PlanView(
        title=literal(plan.plan),
        path=literal(plan.path),
        lang=words.document_lang,
        heading=words.heading(plan),
        headline=headline,
        details=details,
        holds=not alarming(summary),
        scale=percent(scale),
        chart=tuple(_groups(_chart_order(plan.indicators), words, scale, in_points)),
        table=tuple(_groups(plan.indicators, words, scale, in_points)),
        stated_note=(
            words.stated_mark_note
            if any(words.completion_of(r).endswith("*") for r in plan.indicators)
            else ""
        ),
        findings_title=words.findings_heading(findings) if findings else "",
        findings=tuple((literal(r.name), words.finding(r)) for r in findings),
        gap_header=words.gap_header(plan.indicators),
        forecast=tuple(
            SideRow(literal(r.name), words.forecast_cells(r), bool(r.forecast.recovery))
            for r in forecasts
            if r.forecast is not None
        ),
        forecast_sentences=tuple((literal(r.name), words.forecast_sentence(r)) for r in forecasts),
        changes=tuple(
            SideRow(literal(r.name), words.change_cells(r), r.worsened, _trend(r, plan.as_of))
            for r in changed
        ),
        legend=_legend(words),
        separator=words.separator,
    )


@dataclass(frozen=True)
class RollupRow:
    name: str
    cells: tuple[str, ...]
    bar: Bar
    count: int


@dataclass(frozen=True)
class RollupView:
    lang: str
    words: Words
    plans: tuple[RollupRow, ...]
    most_behind: tuple[RollupRow, ...]


def rollup_view(rollup: Rollup, words: Words) -> RollupView:
    """Plans ranked by flagged count and the indicators most often behind, each with a bar on a
    scale of the largest count."""

    def bar(count: int, largest: int, tone: str = "bad") -> Bar:
        scale = Decimal(max(largest, 1))
        share = f"{Decimal(count) / scale * 100:.2f}%"
        return Bar(share, "100.00%", None, tone if count else "quiet", str(count))

    flagged = max((line.flagged for line in rollup.plans), default=0)
    behind = max((count for _, count in rollup.most_behind), default=0)
    return RollupView(
        lang=words.document_lang,
        words=words,
        plans=tuple(
            RollupRow(
                words.plan_label(line.plan, line.path, line.shared_title),
                (str(line.assessed), str(line.on_pace)),
                bar(line.flagged, flagged, "bad" if line.behind else "watch"),
                line.flagged,
            )
            for line in rollup.plans
        ),
        most_behind=tuple(
            RollupRow(literal(name), (), bar(count, behind), count)
            for name, count in rollup.most_behind
        ),
    )

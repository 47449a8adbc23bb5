"""Every label, status and sentence of the human formats, in Chinese and English, in one place.

Figures are shown as written in the plan (`1.7万`, `6.5%左右`); computed percentages with two
decimals; text from plan files made inert by `literal` before any format escapes it further.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from planaudit.core.errors import UNSAFE_TEXT
from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.results.plans import Phase, PlanReport, Rollup, Stage, Summary
from planaudit.core.terms import Dated, Direction, FindingKind, Kind, Status
from planaudit.render.registry import Lang

_WORDING_AFTER = re.compile(r"(以上|以下|以内|左右)$")
BAR_CELLS = 10
SEPARATOR = " · "
"""Between the `label value` pieces of a line that stands for columns."""
_EIGHTHS = " ▏▎▍▌▋▊▉"
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
    between two cells: `█████│███▌░`. The mark goes to the cell boundary next to the pace on
    the side that keeps the picture true — an indicator on pace reaches it, one off the pace
    falls short of it (for a cap: stays within it, or runs past it)."""
    if result.completion is None or result.expected is None:
        return ""
    shown = max(Decimal(0), min(result.completion, Decimal(100)))
    cells = []
    for cell in range(BAR_CELLS):
        eighths = int((shown - cell * 10) * 8 / 10)
        cells.append("█" if eighths >= 8 else "░" if eighths <= 0 else _EIGHTHS[eighths])
    boundary = result.expected * BAR_CELLS / 100
    on_pace = result.gap is None or result.gap >= 0
    reach = on_pace if result.direction is Direction.HIGHER else not on_pace
    mark = math.floor(boundary) if reach else math.ceil(boundary)
    mark = max(0, min(BAR_CELLS, mark))
    return "".join(cells[:mark]) + "│" + "".join(cells[mark:])


class Alert(StrEnum):
    """How a status cell marks what it adds (a style, a CSS class)."""

    SERIOUS = "serious"
    """A flagged binding indicator."""
    MISMATCH = "mismatch"
    """Figures that disagree."""


@dataclass(frozen=True)
class Words:
    """The words of one language."""

    zh: bool
    statuses: dict[Status, str]
    indicator: str
    section: str
    target: str
    actual: str
    completion: str
    pace: str
    gap: str
    gap_points: str
    even: str
    """A gap of nothing: the figure is level with the pace or the target."""
    status: str
    progress: str
    plan: str
    assessed: str
    on_pace: str
    flagged: str
    binding: str
    serious: str
    mismatch: str
    parts_mismatch: str
    gap_mismatch: str
    stated_mark_note: str
    findings: str
    findings_pace: str
    done: str
    not_done: str
    forecast_title: str
    rollup_title: str
    most_behind_title: str
    plans_behind: str
    forecast_columns: tuple[str, ...]
    recovery_word: str
    restated: str
    change_title: str
    change_columns: tuple[str, ...]
    history_title: str
    trend: str
    changes: dict[str, str]
    """What each kind of change (diff.What) is called."""
    change_headers: tuple[str, ...]
    yes_no: tuple[str, str]
    chart_title: str
    """The caption of a chart of completion bars against the pace line."""
    overview: str
    """A summary across plans (the workbook's first sheet)."""
    forecast_sheet: str
    """The forecast's short name (a workbook's sheet: 31 characters at most)."""
    as_of: str
    file: str
    verdict_label: str
    unit: str
    target_as_written: str
    binding_label: str
    owner: str
    source: str

    def status_word(self, status: Status) -> str:
        return self.statuses[status]

    def alerts(self, result: IndicatorResult) -> list[tuple[Alert, str]]:
        """What a status cell adds after the status: (kind, words) for a serious finding, a
        wrong stated rate or gap, parts that do not add up, a restatement."""
        found = [(Alert.SERIOUS, self.serious)] if result.serious else []
        if result.stated_consistent is False:
            found.append((Alert.MISMATCH, self.mismatch))
        if result.stated_gap_consistent is False:
            found.append((Alert.MISMATCH, self.gap_mismatch))
        if result.parts_consistent is False:
            found.append((Alert.MISMATCH, self.parts_mismatch))
        if result.restatement is not None:
            found.append((Alert.MISMATCH, self.restated))
        return found

    def with_unit(self, text: str | None, unit: str | None) -> str:
        """ "1.7万" and "个" → "1.7万个" (Chinese) or "1.7万 个"; a % figure keeps its own sign."""
        if text is None:
            return ""
        if not unit or (unit == "%" and "%" in text):
            return literal(text)
        return literal(f"{text}{unit}" if self.zh else f"{text} {unit}")

    def target_of(self, result: IndicatorResult) -> str:
        if result.target_same_as is not None:
            return self.same_as_target(result)
        if result.kind is Kind.MILESTONE and result.due is not None:
            day = result.due.isoformat()
            return f"{day}前" if self.zh else f"by {day}"
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
        if self.zh:
            return f"与{other}同步" + (f"（{figure}）" if figure else "")
        return f"in step with {other}" + (f" ({figure})" if figure else "")

    def actual_of(self, result: IndicatorResult) -> str:
        if result.kind is Kind.MILESTONE:
            return self.done if result.status is Status.MET else self.not_done
        return self.with_unit(result.actual_text, result.unit)

    def labelled(self, pairs: Sequence[tuple[str, str]]) -> str:
        """Values with their labels on one line, for a layout without columns:
        `目标 1000公顷 · 完成 55公顷`; empty values left out."""
        return SEPARATOR.join(f"{label} {value}" for label, value in pairs if value)

    def figures_line(self, result: IndicatorResult) -> str:
        """The target and the actual, for a layout without their columns; a milestone's date
        and whether it is done."""
        if result.kind is Kind.MILESTONE:
            due = result.due.isoformat() if result.due else ""
            return self.labelled([("期限" if self.zh else "Due", due)]) + (
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
            return f"{text} ≠ 报告{stated}%" if self.zh else f"{text} ≠ stated {stated}%"
        if result.actual is None or result.target is None:
            return f"{text}*"
        return text

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
        `bare`: without the unit, which the column's header then gives."""
        if result.gap is not None:
            value, text = result.gap, f"{abs(result.gap):.2f}"
            unit = self._points
        elif result.margin is not None:
            value, text = result.margin, number(abs(result.margin))
            unit = self._margin_unit(result.unit)
        else:
            return ""
        if value == 0:
            return self.even
        sign = "+" if value > 0 else "-"
        return literal(f"{sign}{text}" if bare else f"{sign}{text}{unit}")

    @property
    def _points(self) -> str:
        return "个百分点" if self.zh else " pts"

    def _margin_unit(self, unit: str | None) -> str:
        if unit == "%":
            return self._points
        if not unit:
            return ""
        return unit if self.zh else f" {unit}"

    def heading(self, plan: PlanReport) -> str:
        day, pace = plan.as_of.isoformat(), percent(plan.elapsed)
        return f"截至 {day}  序时进度 {pace}" if self.zh else f"as of {day}  pace {pace}"

    def verdict(self, plan: PlanReport) -> str:
        """The plan's verdict in one sentence — the headline in the words of the date, what each
        kind of indicator shows, the counts. Every format says this, and nothing else."""
        headline, details = self.verdict_parts(plan)
        return headline + ("" if self.zh else " ") + details

    def verdict_parts(self, plan: PlanReport) -> tuple[str, str]:
        """The verdict's headline sentence (Markdown sets it in bold) and the rest."""
        summary = plan.summary
        headline = self._headline(plan) + ("。" if self.zh else ".")
        clauses = self._kind_clauses(plan.stage, summary)
        if not clauses:
            return headline, self.counts(summary)
        if self.zh:
            return headline, "；".join(clauses) + "。" + self.counts(summary)
        return headline, "; ".join(clauses) + ". " + self.counts(summary)

    def _headline(self, plan: PlanReport) -> str:
        """时间过半、任务过半 at the half-way point only; 序时进度 with the months so far elsewhere;
        规划实施进度 for a plan of several years; achieved only when every judged indicator is."""
        verdict, stage, zh = plan.summary.verdict, plan.stage, self.zh
        if verdict is None:
            return "无可评估指标" if zh else "Nothing to judge yet"
        if stage.phase is Phase.ENDED:
            if zh:
                whole = "规划" if stage.multi_year else "全年"
                return f"{whole}目标任务完成" if verdict else f"{whole}目标任务未全部完成"
            whole = "the plan" if stage.multi_year else "the year"
            return (
                f"Every target met for {whole}" if verdict else f"Not every target met for {whole}"
            )
        if plan.summary.assessed == 0:  # levels and milestones only: no pace applies to them
            if zh:
                return "主要指标达到预期目标" if verdict else "主要指标未全部达到预期目标"
            return (
                "Every judged indicator meets its target"
                if verdict
                else "Not every judged indicator meets its target"
            )
        if stage.multi_year:
            if zh:
                half = "规划实施过半，" if stage.past_half else ""
                return f"{half}达到规划实施进度" if verdict else f"{half}未全部达到规划实施进度"
            if stage.past_half:
                outcome = "on pace" if verdict else "not all on pace"
                return f"Past half-way through the plan, {outcome}"
            return (
                "On pace for the plan so far" if verdict else "Not all on pace for the plan so far"
            )
        if stage.phase is Phase.HALF_WAY:
            if zh:
                return f"时间过半、任务过半：{'实现' if verdict else '未实现'}"
            return f"Time half, task half: {'achieved' if verdict else 'not achieved'}"
        so_far = self._so_far(plan)
        if zh:
            return f"{so_far}达到序时进度" if verdict else f"{so_far}未全部达到序时进度"
        return f"On pace for {so_far}" if verdict else f"Not all on pace for {so_far}"

    def _so_far(self, plan: PlanReport) -> str:
        """The part of the period gone by, as reports name it: 一季度, 前三季度, 1-5月, 前5个月."""
        stage, day = plan.stage, plan.as_of
        months = stage.whole_months
        if months is None:
            return (
                f"截至{day.month}月{day.day}日" if self.zh else f"the period to {day.isoformat()}"
            )
        if stage.total == 12 and months in (3, 9):
            if self.zh:
                return "一季度" if months == 3 else "前三季度"
            return "Q1" if months == 3 else "Q1–Q3"
        if stage.calendar:
            if self.zh:
                return "1月" if months == 1 else f"1-{months}月"
            last = calendar.month_name[months]
            return "January" if months == 1 else f"January–{last}"
        if self.zh:
            return f"前{months}个月"
        return "the first month" if months == 1 else f"the first {months} months"

    def _kind_clauses(self, stage: Stage, s: Summary) -> list[str]:
        """What each kind of indicator shows, in its own terms: cumulative against the pace,
        levels against their target, milestones against their date."""
        zh, ended, clauses = self.zh, stage.phase is Phase.ENDED, []
        missed = s.cumulative_missed
        if ended and s.assessed + missed:
            total = s.assessed + missed
            clauses.append(
                f"累计指标{total}项中{s.on_pace}项完成"
                if zh
                else f"{s.on_pace} of {total} cumulative {_plural(total, 'target', 'targets')} met"
            )
        elif s.assessed:
            noun = _plural(s.assessed, "indicator", "indicators")
            clause = (
                f"累计指标{s.assessed}项中{s.on_pace}项达到序时进度"
                if zh
                else f"{s.on_pace} of {s.assessed} cumulative {noun} on pace"
            )
            if missed:
                clause += f"，{missed}项未完成" if zh else f", {missed} missed"
            clauses.append(clause)
        elif missed:
            noun = _plural(missed, "indicator", "indicators")
            clauses.append(
                f"累计指标{missed}项未完成" if zh else f"{missed} cumulative {noun} missed"
            )
        if s.levels_judged:
            noun = _plural(s.levels_judged, "indicator", "indicators")
            clauses.append(
                f"增速等指标{s.levels_judged}项中{s.levels_met}项达到目标"
                if zh
                else f"{s.levels_met} of {s.levels_judged} level {noun} on target"
            )
        pending = s.milestones_pending
        if s.milestones_due:
            noun = _plural(s.milestones_due, "milestone", "milestones")
            clause = (
                f"节点任务{s.milestones_due}项中{s.milestones_done}项完成"
                if zh
                else f"{s.milestones_done} of {s.milestones_due} {noun} done"
            )
            if pending:
                clause += f"，{pending}项未到期" if zh else f", {pending} not yet due"
            clauses.append(clause)
        elif pending:
            noun = _plural(pending, "milestone", "milestones")
            clauses.append(f"节点任务{pending}项未到期" if zh else f"{pending} {noun} not yet due")
        return clauses

    def counts(self, summary: Summary) -> str:
        parts, restated = summary.parts_mismatches, summary.restatements
        gaps = summary.stated_gap_mismatches
        if self.zh:
            tail = f"；报告差距不符{gaps}项" if gaps else ""
            tail += f"；分项合计不符{parts}项" if parts else ""
            tail += f"；累计数下调{restated}项" if restated else ""
            return (
                f"标记{summary.flagged}项（约束性{summary.serious}项）；"
                f"报告完成率不符{summary.stated_mismatches}项{tail}。"
            )
        mismatches = summary.stated_mismatches
        noun = _plural(mismatches, "mismatch", "mismatches")
        tail = f"; {gaps} stated-gap {_plural(gaps, 'mismatch', 'mismatches')}" if gaps else ""
        tail += (
            f"; {parts} {_plural(parts, 'total', 'totals')} not the sum of its parts"
            if parts
            else ""
        )
        tail += (
            f"; {restated} cumulative {_plural(restated, 'figure', 'figures')} restated down"
            if restated
            else ""
        )
        tail += "."
        return (
            f"{summary.flagged} flagged ({summary.serious} binding); "
            f"{mismatches} stated-rate {noun}{tail}"
        )

    def findings_heading(self, findings: list[IndicatorResult]) -> str:
        """未达序时进度的指标 only when every finding is a cumulative indicator off the pace."""
        off_pace = all(
            r.kind is Kind.CUMULATIVE
            and r.status in (Status.WATCH, Status.BEHIND)
            and not r.mismatched
            for r in findings
        )
        return self.findings_pace if off_pace else self.findings

    def plan_label(self, title: str, path: str, shared: bool) -> str:
        """A plan as a roll-up names it: its title, and its file where another has that title."""
        if not shared:
            return literal(title)
        return literal(f"{title}（{path}）" if self.zh else f"{title} ({path})")

    def finding(self, result: IndicatorResult) -> str:
        """One sentence in report style for a flagged indicator, without its name."""
        parts = [sentence for _, sentence in self.finding_parts(result)]
        if result.serious:
            parts.append(self._binding_sentence())
        return ("" if self.zh else " ").join(p for p in parts if p)

    def finding_parts(
        self, result: IndicatorResult, binding: bool = False
    ) -> list[tuple[FindingKind, str]]:
        """Each finding of a flagged indicator (IndicatorResult.findings) with its sentence, for
        the CI formats that list one issue per finding. With `binding`, a binding indicator's
        sentences say so."""
        parts = [(kind, self._finding_sentence(kind, result)) for kind in result.findings]
        if binding and result.serious:
            tail = self._binding_sentence()
            parts = [(kind, sentence + ("" if self.zh else " ") + tail) for kind, sentence in parts]
        return parts

    def _finding_sentence(self, kind: FindingKind, result: IndicatorResult) -> str:
        if kind is FindingKind.STATED_MISMATCH:
            return self._mismatch_sentence(result)
        if kind is FindingKind.STATED_GAP_MISMATCH:
            return self.gap_mismatch_sentence(result)
        if kind is FindingKind.PARTS_MISMATCH:
            return self._parts_sentence(result)
        if kind is FindingKind.RESTATEMENT:
            return self.restatement_sentence(result)
        return self._status_sentence(result)

    def _binding_sentence(self) -> str:
        return "属约束性指标。" if self.zh else "It is a binding indicator."

    def rule(self, kind: FindingKind) -> tuple[str, str, str]:
        """What a kind of finding is, for a CI tool's list of rules: a short description, a
        full one, and what to do about it."""
        return (_RULES_ZH if self.zh else _RULES_EN)[kind]

    def _status_sentence(self, result: IndicatorResult) -> str:
        zh = self.zh
        if result.judged_by_stated_gap:
            return self._stated_side_sentence(result)
        if result.kind is Kind.MILESTONE:
            day = result.due.isoformat() if result.due else ""
            return f"应于{day}前完成，尚未完成。" if zh else f"Due by {day}, not done."
        if result.kind is Kind.LEVEL:
            actual = self.actual_of(result)
            target = self.target_of(result)
            gap = self.gap_of(result).lstrip("+-")
            if zh:
                return f"实际{actual}，目标{target}，差{gap}。"
            if result.target_same_as is not None:
                return f"Actual {actual}, wanted {target}, off by {gap}."
            return f"Actual {actual} against a target of {target}, off by {gap}."
        completion = percent(result.completion)
        gap_points = abs(result.gap or Decimal(0))
        gap = percent(gap_points).removesuffix("%")
        unit = "个百分点" if zh else " points"
        expected = percent(result.expected)
        if result.direction is Direction.LOWER:
            if result.status is Status.MISSED:
                return (
                    f"已用年度控制量的{completion}，超出上限。"
                    if zh
                    else f"Used {completion} of the annual cap: over it."
                )
            return (
                f"已用年度控制量的{completion}，高于序时进度（{expected}）{gap}{unit}。"
                if zh
                else f"Used {completion} of the annual cap, {gap}{unit} above the pace "
                f"({expected})."
            )
        if result.status is Status.MISSED:
            return (
                f"完成年度计划的{completion}，期末未完成。"
                if zh
                else f"Completed {completion} of the annual target by the period's end."
            )
        return (
            f"完成年度计划的{completion}，低于序时进度（{expected}）{gap}{unit}。"
            if zh
            else f"Completed {completion} of the annual target, {gap}{unit} below the pace "
            f"({expected})."
        )

    def _stated_side_sentence(self, result: IndicatorResult) -> str:
        """An indicator judged by the distance its report states (no target or rate of its
        own): 实际3.2%，报告称低于目标1.8个百分点。"""
        level = result.kind is Kind.LEVEL
        distance = (result.margin if level else result.gap) or Decimal(0)
        good = distance >= 0 if result.status in (Status.ON_TRACK, Status.MET) else False
        above = good if result.direction is Direction.HIGHER else not good
        size = ""
        if result.stated_gap is not None:
            above = result.stated_gap > 0
            amount = number(abs(result.stated_gap))
            size = amount + self._margin_unit("%" if not level else result.unit)
        if self.zh:
            side = "高于" if above else "低于"
            reference = "目标" if level else f"序时进度（{percent(result.expected)}）"
            actual = f"实际{self.actual_of(result)}，" if level and result.actual_text else ""
            return f"{actual}报告称{side}{reference}{size}。"
        side = "above" if above else "below"
        reference = "the target" if level else f"the pace ({percent(result.expected)})"
        said = f"{size.strip()} {side} {reference}" if size else f"{side} {reference}"
        sentence = f"the report states it is {said}."
        if level and result.actual_text:
            return f"Actual {self.actual_of(result)}; {sentence}"
        return sentence[:1].upper() + sentence[1:]

    def amount(self, value: Decimal | None, unit: str | None) -> str:
        """A forecast amount with its unit, two decimals at most: 157.5公顷."""
        if value is None:
            return ""
        return self.with_unit(number(value.quantize(Decimal("0.01"))), unit)

    def forecast_cells(self, result: IndicatorResult) -> tuple[str, ...]:
        """The forecast table's row for one indicator (after its name): what is left, the
        monthly pace needed and the pace so far, the period-end projection, days ahead, and the
        outlook. A target met owes nothing and is projected no further; a cap shows what it
        still allows; a projection beyond the target says so."""
        f = result.forecast
        if f is None:
            return ("",) * 6
        unit = result.unit
        so_far = self.amount(f.monthly_so_far, unit) or percent(f.monthly_so_far_pct)
        days = "" if f.days_ahead is None else f"{f.days_ahead:+d}"
        if f.allowed_mean is not None:
            bound = "≤" if result.direction is Direction.LOWER else "≥"
            allowed = f"{bound}{self.amount(f.allowed_mean, unit)}"
            return ("", allowed, self.amount(result.actual, unit), "", "", self._outlook(result))
        if self._target_met(result):
            return ("", "", so_far, "", days, self.status_word(Status.MET))
        if result.direction is Direction.LOWER:
            if f.remaining is not None and f.remaining < 0:
                over_by = self.amount(-f.remaining, unit)
                left = f"超出{over_by}" if self.zh else f"over by {over_by}"
                return (left, "", so_far, "", "", self._outlook(result))
            if result.status is Status.MISSED:  # over the cap, known from a stated rate alone
                return ("", "", so_far, "", "", self._outlook(result))
            allowed = self.amount(f.monthly_needed, unit) or percent(f.monthly_needed_pct)
            return (self.amount(f.remaining, unit), allowed, so_far, "", "", self._outlook(result))
        needed = self.amount(f.monthly_needed, unit) or percent(f.monthly_needed_pct)
        projected = self.amount(f.projection, unit)
        if projected and f.projection_completion is not None:
            share = percent(f.projection_completion)
            if f.projection_completion > 100:
                projected += f"（{share}，超额）" if self.zh else f" ({share}, beyond the target)"
            else:
                projected += f"（{share}）" if self.zh else f" ({share})"
        return (self.amount(f.remaining, unit), needed, so_far, projected, days,
                self._outlook(result))  # fmt: skip

    @staticmethod
    def _target_met(result: IndicatorResult) -> bool:
        """A cumulative target already reached: nothing is owed for the rest of the period."""
        return result.direction is Direction.HIGHER and (result.completion or 0) >= 100

    def _outlook(self, result: IndicatorResult) -> str:
        f = result.forecast
        if f is None:
            return ""
        if f.allowed_mean is not None:
            if result.status is Status.MISSED:
                return "已无法达标" if self.zh else "can no longer be met"
            return ""
        if result.direction is Direction.LOWER:
            if result.status is Status.MISSED:
                return "已超上限" if self.zh else "over the cap"
            over = f.projection_completion is not None and f.projection_completion > 100
            return ("按此进度将超上限" if self.zh else "over the cap at this pace") if over else ""
        if f.recovery and f.monthly_needed_pct and f.monthly_so_far_pct:
            times = f.monthly_needed_pct / f.monthly_so_far_pct
            return (
                f"{self.recovery_word}（需此前的{times:.1f}倍）"
                if self.zh
                else f"{self.recovery_word} ({times:.1f}× the pace so far)"
            )
        return ""

    def forecast_sentence(self, result: IndicatorResult) -> str:
        """下半年需月均完成157.5公顷，上半年月均9.17公顷……, or its English form; 已完成年度目标 for
        a target met; what a cap still allows, or by how much it is over."""
        f = result.forecast
        if f is None:
            return ""
        cells = self.forecast_cells(result)
        if f.allowed_mean is not None:
            rest = "剩余日均需" if self.zh else "The remaining days must average "
            return f"{rest}{cells[1]}。" if self.zh else f"{rest}{cells[1]}."
        if self._target_met(result):
            done = percent(result.completion)
            return f"已完成年度目标（{done}）。" if self.zh else f"Target met ({done})."
        lower = result.direction is Direction.LOWER
        if lower and result.status is Status.MISSED:
            over = self.amount(-f.remaining, result.unit) if f.remaining is not None else ""
            if self.zh:
                return f"已超出年度控制量{over}。"
            return f"Over the cap by {over}." if over else "Over the cap."
        half = f.months_left == 6 and f.monthly_so_far_pct is not None
        if self.zh:
            later = "下半年" if half else f"剩余{number(f.months_left)}个月"
            before = "上半年" if half else "此前"
            verb = "可用月均" if lower else "需月均完成"
            share = "年度任务的" if f.monthly_needed is None else ""
            text = f"{later}{verb}{share}{cells[1]}，{before}月均{cells[2]}"
            if cells[3]:
                text += f"；按此进度期末{cells[3]}"
            if f.days_ahead is not None:
                side = "领先" if f.days_ahead >= 0 else "落后"
                text += f"；{side}序时进度{abs(f.days_ahead)}天"
            return text + (f"。{cells[5]}。" if cells[5] else "。")
        verb = "may use" if lower else "need"
        share = " of the target" if f.monthly_needed is None else ""
        text = (f"The {number(f.months_left)} months left {verb} {cells[1]}{share} a month, "
                f"against {cells[2]} so far")  # fmt: skip
        if cells[3]:
            text += f"; at this pace the period ends at {cells[3]}"
        if f.days_ahead is not None:
            side = "ahead of" if f.days_ahead >= 0 else "behind"
            text += f"; {abs(f.days_ahead)} days {side} the pace"
        return text + (f". {cells[5][:1].upper()}{cells[5][1:]}." if cells[5] else ".")

    def _parts_sentence(self, result: IndicatorResult) -> str:
        pairs = [
            (label, added, written)
            for label, added, written in (
                (self.target, result.parts_target, result.target_text),
                (self.actual, result.parts_actual, result.actual_text),
            )
            if added is not None
        ]
        if self.zh:
            listed = "、".join(
                f"{label}合计{self.amount(added, result.unit)}"
                f"（本项{self.with_unit(written, result.unit)}）"
                for label, added, written in pairs
            )
            return f"分项{listed}，合计与总数不符。"
        listed = ", ".join(
            f"{label.lower()} {self.amount(added, result.unit)} "
            f"(the total says {self.with_unit(written, result.unit)})"
            for label, added, written in pairs
        )
        return f"The parts add up to {listed}."

    def restatement_sentence(self, result: IndicatorResult) -> str:
        """累计完成数由X（date）降至Y（date），前期数据被下调。"""
        r = result.restatement
        if r is None:
            return ""
        if r.key is Dated.STATED:
            before, after = (
                f"{r.before_text.removesuffix('%')}%",
                f"{r.after_text.removesuffix('%')}%",
            )
        else:
            before = self.with_unit(r.before_text, result.unit)
            after = self.with_unit(r.after_text, result.unit)
        if self.zh:
            what = "报告完成率" if r.key is Dated.STATED else "累计完成数"
            return f"{what}由{before}（{r.before}）降至{after}（{r.after}），前期数据被下调。"
        what = "stated rate" if r.key is Dated.STATED else "cumulative actual"
        return f"The {what} fell from {before} ({r.before}) to {after} ({r.after}): restated."

    def change_cells(self, result: IndicatorResult) -> tuple[str, ...]:
        """The row of the since-the-previous-report table (after the name): the previous
        report's date, the figure then and now (completion, or the actual of a level
        indicator), the change, and the status then → now."""
        p = result.previous
        if p is None:
            return ("",) * 5
        if result.kind is Kind.CUMULATIVE and (
            p.completion is not None or result.completion is not None
        ):
            then, now = percent(p.completion), percent(result.completion)
            change = (
                points(result.completion - p.completion)
                if result.completion is not None and p.completion is not None
                else ""
            )
        else:
            then = self.with_unit(p.actual_text, result.unit)
            now = self.with_unit(result.actual_text, result.unit)
            change = ""
            if result.actual is not None and p.actual is not None:
                moved = result.actual - p.actual
                change = ("+" if moved >= 0 else "-") + self.amount(abs(moved), result.unit)
        status = self.status_word(result.status)
        if p.status is not result.status:
            status = f"{self.status_word(p.status)} → {status}"
        return (p.date.isoformat(), then, now, change, status)

    def figure_of(self, result: IndicatorResult) -> str:
        """The one figure a timeline shows: completion (usage of a cap), else the actual."""
        return self.completion_of(result) or self.actual_of(result)

    def history_note(self, undated: int, dates: int) -> str:
        if dates == 0:
            if self.zh:
                return "没有按日期给出的数（actual 或 stated 写成 {日期: 数}），无历史可查。"
            return "No dated figures (actual or stated as {date: figure}): no history to trace."
        if self.zh:
            note = f"共{dates}次报告"
            return note + (f"；{undated}项指标只有一个数，无历史。" if undated else "。")
        note = f"{dates} report {_plural(dates, 'date', 'dates')}"
        if undated:
            has = _plural(undated, "indicator has", "indicators have")
            return note + f"; {undated} {has} a single figure, no history."
        return note + "."

    def diff_summary(self, changes: int, flagged: int) -> str:
        if self.zh:
            if not changes:
                return "无变化。"
            return f"共{changes}处变化，其中{flagged}处需关注（目标下调、指标删除等）。"
        if not changes:
            return "No changes."
        noun = _plural(changes, "change", "changes")
        return f"{changes} {noun}, {flagged} flagged (a target cut, an indicator dropped…)."

    def status_value(self, value: str | None) -> str:
        """A status as the JSON names it (on_track) in this language's words."""
        return "" if value is None else self.status_word(Status(value))

    def gap_mismatch_sentence(self, result: IndicatorResult) -> str:
        """报告所列差距为“低于1.8个百分点”，按数计算为+0.20个百分点。"""
        stated = literal(result.stated_gap_text or "")
        distance = result.distance
        if distance is None:
            return ""
        computed = literal(self._signed(distance, result))
        if self.zh:
            return f"报告所列差距为“{stated}”，按数计算为{computed}。"
        return f"The report states a gap of “{stated}”; its figures give {computed}."

    def _signed(self, value: Decimal, result: IndicatorResult) -> str:
        """A signed distance with its unit: +0.20个百分点, -300人, -0.3 pts."""
        if result.kind is Kind.CUMULATIVE or result.unit == "%":
            return points(value) + ("个百分点" if self.zh else " pts")
        sign = "+" if value >= 0 else "-"
        return f"{sign}{number(abs(value))}{self._margin_unit(result.unit)}"

    def _mismatch_sentence(self, result: IndicatorResult) -> str:
        stated = f"{result.stated_text}".removesuffix("%")
        computed = percent(result.completion)
        if self.zh:
            return f"报告所列完成率{stated}%，按完成数计算为{computed}。"
        return f"The report states {stated}%; its figures give {computed}."


CHINESE = Words(
    zh=True,
    statuses={
        Status.MET: "已完成",
        Status.ON_TRACK: "正常",
        Status.WATCH: "关注",
        Status.BEHIND: "滞后",
        Status.MISSED: "未完成",
        Status.PENDING: "待完成",
        Status.NO_TARGET: "无目标",
        Status.NO_DATA: "无数据",
        Status.ANNUAL_ONLY: "年终考核",
    },
    indicator="指标",
    section="板块",
    target="目标",
    actual="完成",
    completion="完成率",
    pace="序时进度",
    gap="差距",
    gap_points="差距(百分点)",
    even="持平",
    status="状态",
    progress="进度",
    plan="计划",
    assessed="评估",
    on_pace="达到序时进度",
    flagged="标记",
    binding="（约束性）",
    serious="约束性滞后",
    mismatch="完成率不符",
    parts_mismatch="分项不符",
    gap_mismatch="差距不符",
    stated_mark_note="* 报告所列完成率（无目标或完成数）",
    findings="需关注的指标",
    findings_pace="未达序时进度的指标",
    done="已完成",
    not_done="未完成",
    forecast_title="剩余时间需完成",
    rollup_title="汇总（按标记数排序）",
    most_behind_title="滞后最多的指标",
    plans_behind="滞后的计划数",
    forecast_columns=("指标", "剩余", "月均需完成", "此前月均", "期末预计", "领先(天)", "判断"),
    recovery_word="需加快",
    restated="数据下调",
    change_title="与上次报告相比",
    change_columns=("指标", "上次报告", "上次", "本次", "变化", "状态"),
    history_title="历次报告",
    trend="趋势",
    changes={
        "added": "新增指标",
        "removed": "删除指标",
        "renamed": "更名",
        "target_raised": "目标上调",
        "target_lowered": "目标下调",
        "target_added": "新增目标",
        "target_removed": "删除目标",
        "target_wording": "目标措辞",
        "unit": "单位",
        "kind": "指标类型",
        "direction": "方向",
        "binding": "约束性",
        "annual_only": "年终考核",
        "schedule": "进度计划",
        "band": "浮动区间",
        "actual_restated": "完成数改写",
        "actual_fell": "累计完成数下降",
        "actual_reported": "新报完成数",
        "actual_removed": "删除完成数",
        "actual_moved_back": "完成数回退",
        "stated_restated": "完成率改写",
        "stated_fell": "报告完成率下降",
        "stated_reported": "新报完成率",
        "stated_removed": "删除完成率",
        "stated_moved_back": "完成率回退",
        "status": "状态",
        "title": "计划名称",
        "period": "计划期",
        "tolerance": "容差",
        "as_of": "截至日期",
        "file_added": "新增计划文件",
        "file_removed": "删除计划文件",
    },
    change_headers=("指标", "变化", "原", "现", "标记"),
    yes_no=("是", "否"),
    chart_title="完成率与序时进度",
    overview="概览",
    forecast_sheet="剩余时间需完成",
    as_of="截至",
    file="文件",
    verdict_label="结论",
    unit="单位",
    target_as_written="目标（原文）",
    binding_label="约束性",
    owner="牵头单位",
    source="来源",
)

ENGLISH = Words(
    zh=False,
    statuses={
        Status.MET: "met",
        Status.ON_TRACK: "on track",
        Status.WATCH: "watch",
        Status.BEHIND: "behind",
        Status.MISSED: "missed",
        Status.PENDING: "pending",
        Status.NO_TARGET: "no target",
        Status.NO_DATA: "no data",
        Status.ANNUAL_ONLY: "annual only",
    },
    indicator="Indicator",
    section="Section",
    target="Target",
    actual="Actual",
    completion="Completion",
    pace="Pace",
    gap="Gap",
    gap_points="Gap (pts)",
    even="level",
    status="Status",
    progress="Progress",
    plan="Plan",
    assessed="Assessed",
    on_pace="On pace",
    flagged="Flagged",
    binding=" (binding)",
    serious="BINDING",
    mismatch="rate mismatch",
    parts_mismatch="parts differ",
    gap_mismatch="gap mismatch",
    stated_mark_note="* the rate the report states (no target or actual)",
    findings="Flagged indicators",
    findings_pace="Behind the pace",
    done="done",
    not_done="not done",
    forecast_title="What the rest of the period must deliver",
    rollup_title="Roll-up (most flagged first)",
    most_behind_title="Indicators most often behind",
    plans_behind="Plans behind",
    forecast_columns=(
        "Indicator",
        "Remaining",
        "Needed / month",
        "So far / month",
        "Projected",
        "Days ahead",
        "Outlook",
    ),
    recovery_word="needs recovery",
    restated="restated",
    change_title="Since the previous report",
    change_columns=("Indicator", "Previous report", "Then", "Now", "Change", "Status"),
    history_title="Report by report",
    trend="Trend",
    changes={
        "added": "indicator added",
        "removed": "indicator removed",
        "renamed": "renamed",
        "target_raised": "target raised",
        "target_lowered": "target lowered",
        "target_added": "target added",
        "target_removed": "target removed",
        "target_wording": "target wording",
        "unit": "unit",
        "kind": "kind",
        "direction": "direction",
        "binding": "binding",
        "annual_only": "annual only",
        "schedule": "schedule",
        "band": "band",
        "actual_restated": "actual restated",
        "actual_fell": "cumulative actual fell",
        "actual_reported": "actual reported",
        "actual_removed": "actual removed",
        "actual_moved_back": "actual moved back",
        "stated_restated": "stated rate restated",
        "stated_fell": "stated rate fell",
        "stated_reported": "stated rate reported",
        "stated_removed": "stated rate removed",
        "stated_moved_back": "stated rate moved back",
        "status": "status",
        "title": "title",
        "period": "period",
        "tolerance": "tolerance",
        "as_of": "as of",
        "file_added": "plan file added",
        "file_removed": "plan file removed",
    },
    change_headers=("Indicator", "Change", "Before", "After", "Flag"),
    yes_no=("yes", "no"),
    chart_title="Completion against the pace",
    overview="Summary",
    forecast_sheet="Forecast",
    as_of="As of",
    file="File",
    verdict_label="Verdict",
    unit="Unit",
    target_as_written="Target as written",
    binding_label="Binding",
    owner="Owner",
    source="Source",
)


_RULES_EN: dict[str, tuple[str, str, str]] = {
    "behind": (
        "Behind the pace of the period",
        "The indicator is further from its target than the time gone by allows: a cumulative "
        "figure under the pace (序时进度) by more than the tolerance, a cap used faster than the "
        "pace, or a level on the wrong side of its target by more than its band.",
        "Check the figure and the target in the plan file against the report. If they are "
        "right, the indicator has to catch up: planaudit check --forecast shows the monthly "
        "pace the rest of the period needs.",
    ),
    "missed": (
        "Target missed",
        "The period has ended, or a milestone's date has passed, and the target was not met; "
        "or a cap (lower is better) is already used beyond 100%.",
        "A missed target is final for the period and the report should explain it. Check the "
        "figures in the plan file against the report.",
    ),
    "watch": (
        "Slightly behind the pace (watch)",
        "Behind the pace by no more than the tolerance (a cap: used slightly faster than the "
        "pace); or a level with an approximate target (左右) off it by no more than its band.",
        "Nothing has failed yet: look at it again in the next report. With --fail-on watch "
        "these fail the run.",
    ),
    "binding-lag": (
        "Binding (约束性) indicator lagging",
        "A binding (约束性) indicator, a hard commitment, is behind, missed or under watch: "
        "the most serious finding of a review.",
        "A binding indicator may not lag: the report has to say how the gap will be closed. "
        "Check the figures, then see planaudit check --forecast for what the rest of the "
        "period needs.",
    ),
    "stated-mismatch": (
        "Stated rate does not match the figures",
        "The completion rate the report prints (stated) differs from actual ÷ target by more "
        "than the rounding of the printed rate allows.",
        "One of the three figures is wrong, in the report or in the plan file: recompute "
        "actual ÷ target, then correct the plan file or note the report's error.",
    ),
    "stated-gap-mismatch": (
        "Stated gap does not match the figures",
        "The distance the report prints (stated_gap: below or above the target, behind or "
        "ahead of the pace) differs from the one the figures give — actual − target for a "
        "level, completion − pace for a cumulative indicator — beyond the rounding of the "
        "printed figure, or has the other sign.",
        "One of the figures is wrong, in the report or in the plan file: recompute the "
        "distance, then correct the plan file or note the report's error.",
    ),
    "parts-mismatch": (
        "Parts do not add up to the total",
        "The targets or figures of the indicator's parts add up to another total than the "
        "indicator's own, beyond the rounding of the printed figures.",
        "Check each part against the report: a part may be missing or a figure mistyped.",
    ),
    "restatement": (
        "Cumulative figure restated down",
        "A cumulative figure is lower than at an earlier report date: the earlier figure was "
        "restated, or one of them is a typing slip.",
        "Find out which report is right; a revised figure should be explained in the report. "
        "Correct the plan file if a figure was mistyped.",
    ),
    "invalid-plan": (
        "Invalid plan file",
        "The plan file cannot be read or does not follow the plan format, so it was not audited.",
        "Fix the problem at the line and column given. planaudit validate checks plan files "
        "without auditing them; docs/plan-format.md describes every key.",
    ),
}

_RULES_ZH: dict[str, tuple[str, str, str]] = {
    "behind": (
        "滞后于序时进度",
        "指标进度落后于时间进度：累计指标完成率低于序时进度且超出容差，控制类指标使用快于序时进度，"
        "或水平类指标偏离目标超出浮动区间。",
        "请先核对计划文件中的完成数、目标与报告是否一致；如无误，该指标需加快进度，"
        "planaudit check --forecast 可给出剩余时间每月需完成的量。",
    ),
    "missed": (
        "未完成目标",
        "计划期已结束（或节点日期已过）而目标未完成；或控制类指标已超出上限。",
        "本期目标已无法完成，报告应说明原因。请核对计划文件中的数据与报告是否一致。",
    ),
    "watch": (
        "略落后于序时进度（关注）",
        "落后于序时进度但未超出容差（控制类指标：使用略快于序时进度）；"
        "或“左右”目标的水平类指标偏离目标未超出浮动区间。",
        "尚未判为滞后，下次报告时再看。使用 --fail-on watch 时此类也判为不通过。",
    ),
    "binding-lag": (
        "约束性指标滞后",
        "约束性指标滞后、未完成或需关注。约束性指标是必须完成的硬任务，其滞后是审查中最严重的问题。",
        "约束性指标不得滞后，报告须说明如何补上差距。请先核对数据，"
        "再用 planaudit check --forecast 查看剩余时间需完成的量。",
    ),
    "stated-mismatch": (
        "报告完成率与数据不符",
        "报告所列完成率与“完成数÷目标”之差超出所列数字的舍入范围。",
        "报告或计划文件中三个数之一有误：按完成数÷目标重新计算，更正计划文件，或指出报告的错误。",
    ),
    "stated-gap-mismatch": (
        "报告所列差距与数据不符",
        "报告所列差距（低于或高于目标、落后或超过序时进度）与按数计算的差距（水平类：完成−目标；"
        "累计类：完成率−序时进度）之差超出所列数字的舍入范围，或方向相反。",
        "报告或计划文件中的数有误：重新计算差距，更正计划文件，或指出报告的错误。",
    ),
    "parts-mismatch": (
        "分项合计与总数不符",
        "各分项的目标或完成数之和与本项总数不符，超出所列数字的舍入范围。",
        "逐项核对分项数据与报告是否一致：可能漏列分项或录入有误。",
    ),
    "restatement": (
        "累计数被下调",
        "累计完成数低于此前某次报告的数：前期数据被下调，或其中一个数录入有误。",
        "确认哪次报告的数正确，修订数据应在报告中说明；如为录入错误，请更正计划文件。",
    ),
    "invalid-plan": (
        "计划文件无效",
        "计划文件无法读取或不符合计划格式，未进行评估。",
        "按所给的行、列改正。planaudit validate 只检查文件而不评估，"
        "docs/plan-format.md 说明全部的键。",
    ),
}


def _plural(count: Decimal | int, one: str, many: str) -> str:
    return one if count == 1 else many


def words_in(chinese: bool, lang: Lang) -> Words:
    """The words of `lang`; under `auto`, Chinese for a Chinese plan (`chinese`)."""
    return CHINESE if lang is Lang.ZH or (lang is Lang.AUTO and chinese) else ENGLISH


def words_for(plan: PlanReport, lang: Lang) -> Words:
    """The plan's language under `auto`: Chinese when its own text is Chinese."""
    return words_in(plan.chinese, lang)


def words_for_rollup(rollup: Rollup, lang: Lang) -> Words:
    """A roll-up speaks Chinese under `auto` when any of its plans does."""
    return words_in(any(line.chinese for line in rollup.plans), lang)


def alarming(summary: Summary) -> bool:
    """A verdict shown as a warning, as the terminal table shows it: the plan's verdict fails
    (an indicator off the pace, short of its target or past its date) or a binding one is
    flagged."""
    return summary.verdict is False or bool(summary.serious)


def nothing_changed(paths: Sequence[str], since: str) -> str:
    """`diff --since`'s report when no plan file changed (in English whatever the language:
    there is no plan to speak the language of)."""
    return f"No plan file under {' '.join(paths)} changed since {since}.\n"


def uncited_figure(sentence: str) -> str:
    """verify: a progress figure of the report that the plan file does not quote."""
    return f"a progress figure no indicator cites: {sentence}"


def verify_counts(quotes: int, mismatches: int, uncited: int) -> str:
    """verify's last line."""
    return (
        f"{quotes} quotes checked: {mismatches} mismatches; "
        f"{uncited} progress figures in the report not cited."
    )

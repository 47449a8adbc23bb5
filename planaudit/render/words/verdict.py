"""The plan's verdict in the words of its date: the headline (时间过半、任务过半,
一季度达到序时进度, 规划实施进度, 全年目标任务), what each kind of indicator shows in its own
terms, and the counts."""

from __future__ import annotations

import calendar
from decimal import Decimal

from planaudit.core.results.plans import Phase, PlanReport, Summary
from planaudit.core.terms import Status
from planaudit.render.words.figures import FigureWords, percent


class VerdictWords(FigureWords):
    """The verdict of a plan, in one language."""

    def heading(self, plan: PlanReport) -> str:
        day, pace = plan.as_of.isoformat(), percent(plan.elapsed)
        return f"截至 {day}  序时进度 {pace}" if self.zh else f"as of {day}  pace {pace}"

    def verdict(self, plan: PlanReport) -> str:
        """The plan's verdict in one sentence — the headline in the words of the date, what each
        kind of indicator shows, the counts. Every format says this, and nothing else."""
        headline, details = self.verdict_parts(plan)
        return headline + details

    def verdict_parts(self, plan: PlanReport) -> tuple[str, str]:
        """The verdict's headline (Markdown sets it in bold) and the rest, which opens on its
        punctuation so that the two make the sentence: `1-2月达到序时进度（累计指标1项中1项）` and
        `；增速等指标1项中0项达到目标。标记1项。`."""
        summary = plan.summary
        separator, stop = ("；", "。") if self.zh else ("; ", ".")
        clauses = self._kind_clauses(plan)
        details = "".join(separator + clause for clause in clauses) + stop
        counts = self.counts(summary)
        if counts:
            details += counts if self.zh else " " + counts
        return self._headline(plan), details

    def _headline(self, plan: PlanReport) -> str:
        """The pace verdict of the cumulative indicators in the words of the date, with their
        count: 时间过半、任务过半 at the half-way point only, 序时进度 with the months so far
        elsewhere, 规划实施进度 for a plan of several years. With no cumulative indicator to
        judge against the pace, or at the period's end, the plan's verdict over every kind:
        achieved only when every judged indicator is."""
        summary, stage, zh = plan.summary, plan.stage, self.zh
        verdict = summary.verdict
        if stage.phase is Phase.ENDED:
            if verdict is None:
                return "无可评估指标" if zh else "Nothing to judge"
            if zh:
                whole = "规划" if stage.multi_year else "全年"
                return f"{whole}目标任务完成" if verdict else f"{whole}目标任务未全部完成"
            whole = "the plan" if stage.multi_year else "the year"
            return (
                f"Every target met for {whole}" if verdict else f"Not every target met for {whole}"
            )
        pace = summary.pace_verdict
        if pace is None:  # levels and milestones only: no pace applies to them
            if verdict is None:
                return "无可评估指标" if zh else "Nothing to judge yet"
            if zh:
                return "主要指标达到预期目标" if verdict else "主要指标未全部达到预期目标"
            return (
                "Every judged indicator meets its target"
                if verdict
                else "Not every judged indicator meets its target"
            )
        count = (
            f"（累计指标{summary.assessed}项中{summary.on_pace}项）"
            if zh
            else f" ({summary.on_pace} of {summary.assessed} cumulative "
            f"{_plural(summary.assessed, 'indicator', 'indicators')})"
        )
        return self._pace_words(plan, pace) + count

    def _pace_words(self, plan: PlanReport, pace: bool) -> str:
        stage, zh = plan.stage, self.zh
        if stage.multi_year:
            if zh:
                half = "规划实施过半，" if stage.past_half else ""
                return f"{half}达到规划实施进度" if pace else f"{half}未全部达到规划实施进度"
            if stage.past_half:
                outcome = "on pace" if pace else "not all on pace"
                return f"Past half-way through the plan, {outcome}"
            return "On pace for the plan so far" if pace else "Not all on pace for the plan so far"
        if stage.phase is Phase.HALF_WAY:
            if zh:
                return f"时间过半、任务过半：{'实现' if pace else '未实现'}"
            return f"Time half, task half: {'achieved' if pace else 'not achieved'}"
        so_far = self._so_far(plan)
        if zh:
            return f"{so_far}达到序时进度" if pace else f"{so_far}未全部达到序时进度"
        return f"On pace for {so_far}" if pace else f"Not all on pace for {so_far}"

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

    def _kind_clauses(self, plan: PlanReport) -> list[str]:
        """What each kind of indicator shows, in its own terms, after the headline: cumulative
        ones at the period's end (before it the headline counts them against the pace), caps
        over their annual allowance, levels against their target, milestones against their
        date."""
        zh, s, clauses = self.zh, plan.summary, []
        ended = plan.stage.phase is Phase.ENDED
        caps = sum(r.is_cap and r.status is Status.MISSED for r in plan.indicators)
        short = s.cumulative_missed - caps
        if ended and s.assessed + s.cumulative_missed:
            total = s.assessed + s.cumulative_missed
            clauses.append(
                f"累计指标{total}项中{s.on_pace}项完成"
                if zh
                else f"{s.on_pace} of {total} cumulative {_plural(total, 'target', 'targets')} met"
            )
        elif short:
            noun = _plural(short, "indicator", "indicators")
            clauses.append(
                f"累计指标{short}项未完成" if zh else f"{short} cumulative {noun} missed"
            )
        if caps:
            clauses.append(
                f"{caps}项超出年度控制量"
                if zh
                else f"{caps} over {_plural(caps, 'its', 'their')} annual "
                f"{_plural(caps, 'cap', 'caps')}"
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
        """The counts that are not zero, as a sentence of their own (标记3项（约束性1项）；
        报告完成率不符1项。), or nothing when every count is zero."""
        flagged, serious = summary.flagged, summary.serious
        mismatches, gaps = summary.stated_mismatches, summary.stated_gap_mismatches
        parts, restated = summary.parts_mismatches, summary.restatements
        if self.zh:
            said = (
                [f"标记{flagged}项" + (f"（约束性{serious}项）" if serious else "")]
                if flagged
                else []
            )
            said += [f"报告完成率不符{mismatches}项"] if mismatches else []
            said += [f"报告差距不符{gaps}项"] if gaps else []
            said += [f"分项合计不符{parts}项"] if parts else []
            said += [f"累计数下调{restated}项"] if restated else []
            return "；".join(said) + "。" if said else ""
        said = (
            [f"{flagged} flagged" + (f" ({serious} binding)" if serious else "")] if flagged else []
        )
        if mismatches:
            said.append(f"{mismatches} stated-rate {_plural(mismatches, 'mismatch', 'mismatches')}")
        if gaps:
            said.append(f"{gaps} stated-gap {_plural(gaps, 'mismatch', 'mismatches')}")
        if parts:
            whole = _plural(parts, "total not the sum of its", "totals not the sum of their")
            said.append(f"{parts} {whole} parts")
        if restated:
            noun = _plural(restated, "figure", "figures")
            said.append(f"{restated} cumulative {noun} restated down")
        return "; ".join(said) + "." if said else ""


def _plural(count: Decimal | int, one: str, many: str) -> str:
    return one if count == 1 else many


def alarming(summary: Summary) -> bool:
    """A verdict shown as a warning, as the terminal table shows it: the plan's verdict fails
    (an indicator off the pace, short of its target or past its date) or a binding one is
    flagged."""
    return summary.verdict is False or bool(summary.serious)

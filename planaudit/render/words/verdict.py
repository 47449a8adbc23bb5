"""The plan's verdict in the words of its date: the headline (时间过半、任务过半,
一季度达到序时进度, 规划实施进度, 全年目标任务), what each kind of indicator shows in its own
terms, and the counts."""

from __future__ import annotations

from planaudit.core.results.plans import Phase, PlanReport, Summary
from planaudit.core.terms import Status
from planaudit.lang import counted, text
from planaudit.render.words.figures import FigureWords, percent


class VerdictWords(FigureWords):
    """The verdict of a plan, in one language."""

    def heading(self, plan: PlanReport) -> str:
        day, pace = plan.as_of.isoformat(), percent(plan.elapsed)
        return text("verdict.heading", self.lang, day=day, pace=pace)

    def verdict(self, plan: PlanReport) -> str:
        """The plan's verdict in one sentence — the headline in the words of the date, what each
        kind of indicator shows, the counts. Every format says this, and nothing else."""
        headline, details = self.verdict_parts(plan)
        return headline + details

    def verdict_parts(self, plan: PlanReport) -> tuple[str, str]:
        """The verdict's headline (Markdown sets it in bold) and the rest, which opens on its
        punctuation so that the two make the sentence: `1-2月达到序时进度（累计指标1项中1项）` and
        `；增速等指标1项中0项达到目标。标记1项。`."""
        separator = text("verdict.separator", self.lang)
        clauses = self._kind_clauses(plan)
        details = "".join(separator + clause for clause in clauses)
        details += text("verdict.stop", self.lang)
        counts = self.counts(plan.summary)
        if counts:
            details += text("verdict.before_counts", self.lang) + counts
        return self._headline(plan), details

    def _headline(self, plan: PlanReport) -> str:
        """The pace verdict of the cumulative indicators in the words of the date, with their
        count: 时间过半、任务过半 at the half-way point only, 序时进度 with the months so far
        elsewhere, 规划实施进度 for a plan of several years. With no cumulative indicator to
        judge against the pace, or at the period's end, the plan's verdict over every kind:
        achieved only when every judged indicator is."""
        summary, stage, lang = plan.summary, plan.stage, self.lang
        verdict = summary.verdict
        if stage.phase is Phase.ENDED:
            if verdict is None:
                return text("verdict.nothing_judged", lang)
            whole = text("verdict.whole.plan" if stage.multi_year else "verdict.whole.year", lang)
            return text(
                "verdict.ended.met" if verdict else "verdict.ended.not_met", lang, whole=whole
            )
        pace = summary.pace_verdict
        if pace is None:  # levels and milestones only: no pace applies to them
            if verdict is None:
                return text("verdict.nothing_judged_yet", lang)
            return text("verdict.levels.met" if verdict else "verdict.levels.not_met", lang)
        count = counted(
            "verdict.count",
            summary.assessed,
            lang,
            assessed=summary.assessed,
            on_pace=summary.on_pace,
        )
        return self._pace_words(plan, pace) + count

    def _pace_words(self, plan: PlanReport, pace: bool) -> str:
        stage, outcome = plan.stage, "on" if pace else "off"
        if stage.multi_year:
            half = ".past_half" if stage.past_half else ""
            return text(f"verdict.plan{half}.{outcome}", self.lang)
        if stage.phase is Phase.HALF_WAY:
            return text(f"verdict.half.{outcome}", self.lang)
        return text(f"verdict.pace.{outcome}", self.lang, so_far=self._so_far(plan))

    def _so_far(self, plan: PlanReport) -> str:
        """The part of the period gone by, as reports name it: 一季度, 前三季度, 1-5月, 前5个月."""
        stage, day, lang = plan.stage, plan.as_of, self.lang
        months = stage.whole_months
        if months is None:
            return text("so_far.date", lang, day=day)
        if stage.total == 12 and months in (3, 9):
            return text("so_far.q1" if months == 3 else "so_far.q3", lang)
        if stage.calendar:
            last = text(f"month.{months}", lang)
            return text("so_far.one_month" if months == 1 else "so_far.months", lang, last=last)
        if months == 1:
            return text("so_far.first_month", lang)
        return text("so_far.first_months", lang, months=months)

    def _kind_clauses(self, plan: PlanReport) -> list[str]:
        """What each kind of indicator shows, in its own terms, after the headline: cumulative
        ones at the period's end (before it the headline counts them against the pace), caps
        over their annual allowance, levels against their target, milestones against their
        date."""
        lang, s, clauses = self.lang, plan.summary, []
        ended = plan.stage.phase is Phase.ENDED
        caps = sum(r.is_cap and r.status is Status.MISSED for r in plan.indicators)
        short = s.cumulative_missed - caps
        if ended and s.assessed + s.cumulative_missed:
            total = s.assessed + s.cumulative_missed
            clauses.append(
                counted("clause.cumulative_met", total, lang, total=total, met=s.on_pace)
            )
        elif short:
            clauses.append(counted("clause.cumulative_missed", short, lang, count=short))
        if caps:
            clauses.append(counted("clause.caps", caps, lang, count=caps))
        if s.levels_judged:
            clauses.append(
                counted(
                    "clause.levels", s.levels_judged, lang, judged=s.levels_judged, met=s.levels_met
                )
            )
        pending = s.milestones_pending
        if s.milestones_due:
            clause = counted(
                "clause.milestones",
                s.milestones_due,
                lang,
                due=s.milestones_due,
                done=s.milestones_done,
            )
            if pending:
                clause += text("clause.also_pending", lang, pending=pending)
            clauses.append(clause)
        elif pending:
            clauses.append(counted("clause.pending", pending, lang, pending=pending))
        return clauses

    def counts(self, summary: Summary) -> str:
        """The counts that are not zero, as a sentence of their own (标记3项（约束性1项）；
        报告完成率不符1项。), or nothing when every count is zero."""
        lang, said = self.lang, []
        if summary.flagged:
            flagged = text("counts.flagged", lang, flagged=summary.flagged)
            if summary.serious:
                flagged += text("counts.serious", lang, serious=summary.serious)
            said.append(flagged)
        for message_id, count in (
            ("counts.stated", summary.stated_mismatches),
            ("counts.gap", summary.stated_gap_mismatches),
            ("counts.parts", summary.parts_mismatches),
            ("counts.restated", summary.restatements),
        ):
            if count:
                said.append(counted(message_id, count, lang, count=count))
        if not said:
            return ""
        return text("verdict.separator", lang).join(said) + text("verdict.stop", lang)


def alarming(summary: Summary) -> bool:
    """A verdict shown as a warning, as the terminal table shows it: the plan's verdict fails
    (an indicator off the pace, short of its target or past its date) or a binding one is
    flagged."""
    return summary.verdict is False or bool(summary.serious)

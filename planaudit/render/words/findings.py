"""What is found on a flagged indicator, one sentence per finding in report style (完成年度计划的
5.50%，低于序时进度（50.00%）44.50个百分点。), the headings of a list of findings, and verify's
own sentences."""

from __future__ import annotations

from decimal import Decimal

from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.terms import Dated, Direction, FindingKind, Kind, Status
from planaudit.lang import text
from planaudit.render.words.figures import FigureWords, literal, number, percent
from planaudit.render.words.rules import RULES_EN, RULES_ZH


class FindingWords(FigureWords):
    """Findings, in one language."""

    def findings_heading(self, findings: list[IndicatorResult]) -> str:
        """未达序时进度的指标 only when every finding is a cumulative indicator off the pace."""
        off_pace = all(
            r.kind is Kind.CUMULATIVE
            and r.status in (Status.WATCH, Status.BEHIND)
            and not r.mismatched
            for r in findings
        )
        return self.findings_pace if off_pace else self.findings

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
        return (RULES_ZH if self.zh else RULES_EN)[kind]

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

    def _mismatch_sentence(self, result: IndicatorResult) -> str:
        stated = f"{result.stated_text}".removesuffix("%")
        computed = percent(result.completion)
        if self.zh:
            return f"报告所列完成率{stated}%，按完成数计算为{computed}。"
        return f"The report states {stated}%; its figures give {computed}."

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


def uncited_figure(sentence: str) -> str:
    """verify: a progress figure of the report that the plan file does not quote."""
    return text("verify.uncited", sentence=sentence)


def verify_counts(quotes: int, mismatches: int, uncited: int) -> str:
    """verify's last line."""
    return text("verify.counts", quotes=quotes, mismatches=mismatches, uncited=uncited)

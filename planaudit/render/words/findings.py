"""What is found on a flagged indicator, one sentence per finding in report style (完成年度计划的
5.50%，低于序时进度（50.00%）44.50个百分点。), the headings of a list of findings, and verify's
own sentences."""

from __future__ import annotations

from decimal import Decimal

from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.terms import Dated, Direction, FindingKind, Kind, Status
from planaudit.lang import counted, text
from planaudit.render.words.figures import FigureWords, literal, number, percent


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
            parts.append(text("finding.binding", self.lang))
        return text("finding.join", self.lang).join(p for p in parts if p)

    def finding_parts(
        self, result: IndicatorResult, binding: bool = False
    ) -> list[tuple[FindingKind, str]]:
        """Each finding of a flagged indicator (IndicatorResult.findings) with its sentence, for
        the CI formats that list one issue per finding. With `binding`, a binding indicator's
        sentences say so."""
        parts = [(kind, self._finding_sentence(kind, result)) for kind in result.findings]
        if binding and result.serious:
            tail = text("finding.join", self.lang) + text("finding.binding", self.lang)
            parts = [(kind, sentence + tail) for kind, sentence in parts]
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

    def rule(self, kind: FindingKind) -> tuple[str, str, str]:
        """What a kind of finding is, for a CI tool's list of rules: a short description, a
        full one, and what to do about it."""
        short, full, help_text = (
            text(f"finding_rule.{kind.value}.{part}", self.lang)
            for part in ("short", "full", "help")
        )
        return short, full, help_text

    def _status_sentence(self, result: IndicatorResult) -> str:
        lang = self.lang
        if result.judged_by_stated_gap:
            return self._stated_side_sentence(result)
        if result.kind is Kind.MILESTONE:
            day = result.due.isoformat() if result.due else ""
            return text("finding.milestone", lang, day=day)
        if result.kind is Kind.LEVEL:
            same_as = "_same_as" if result.target_same_as is not None else ""
            return text(
                f"finding.level{same_as}",
                lang,
                actual=self.actual_of(result),
                target=self.target_of(result),
                gap=self.gap_of(result).lstrip("+-"),
            )
        missed = result.status is Status.MISSED
        if result.direction is Direction.LOWER:  # a cap: used past it, or faster than the pace
            message_id = "finding.cap_over" if missed else "finding.cap_fast"
        else:
            message_id = "finding.missed" if missed else "finding.behind"
        return text(
            message_id,
            lang,
            completion=percent(result.completion),
            expected=percent(result.expected),
            gap=percent(abs(result.gap or Decimal(0))).removesuffix("%"),
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
        lang = self.lang
        side = text("finding.side.above" if above else "finding.side.below", lang)
        reference = (
            text("finding.reference.target", lang)
            if level
            else text("finding.reference.pace", lang, expected=percent(result.expected))
        )
        actual = self.actual_of(result) if level and result.actual_text else ""
        message_id = ("finding.actual_stated_side" if actual else "finding.stated_side") + (
            "_sized" if size else ""
        )
        return text(message_id, lang, actual=actual, side=side, reference=reference, size=size)

    def _mismatch_sentence(self, result: IndicatorResult) -> str:
        stated = f"{result.stated_text}".removesuffix("%")
        computed = percent(result.completion)
        return text("finding.stated_mismatch", self.lang, stated=stated, computed=computed)

    def gap_mismatch_sentence(self, result: IndicatorResult) -> str:
        """报告所列差距为“低于1.8个百分点”，按数计算为+0.20个百分点。"""
        stated = literal(result.stated_gap_text or "")
        distance = result.distance
        if distance is None:
            return ""
        computed = literal(self._signed(distance, result))
        return text("finding.gap_mismatch", self.lang, stated=stated, computed=computed)

    def _parts_sentence(self, result: IndicatorResult) -> str:
        lang = self.lang
        listed = text("list.separator", lang).join(
            text(
                "finding.parts.item",
                lang,
                label=text(f"finding.parts.{name}", lang),
                added=self.amount(added, result.unit),
                written=self.with_unit(written, result.unit),
            )
            for name, added, written in (
                ("target", result.parts_target, result.target_text),
                ("actual", result.parts_actual, result.actual_text),
            )
            if added is not None
        )
        return text("finding.parts", lang, listed=listed)

    def restatement_sentence(self, result: IndicatorResult) -> str:
        """累计完成数由X（date）降至Y（date），前期数据被下调。"""
        r = result.restatement
        if r is None:
            return ""
        stated = r.key is Dated.STATED
        if stated:
            before = f"{r.before_text.removesuffix('%')}%"
            after = f"{r.after_text.removesuffix('%')}%"
        else:
            before = self.with_unit(r.before_text, result.unit)
            after = self.with_unit(r.after_text, result.unit)
        what = text("finding.restated.stated" if stated else "finding.restated.actual", self.lang)
        return text(
            "finding.restatement",
            self.lang,
            what=what,
            before=before,
            before_date=r.before,
            after=after,
            after_date=r.after,
        )


def uncited_figure(sentence: str) -> str:
    """verify: a progress figure of the report that the plan file does not quote."""
    return text("verify.uncited", sentence=sentence)


def verify_counts(quotes: int, mismatches: int, uncited: int) -> str:
    """verify's last line."""
    return text(
        "verify.counts",
        quotes=counted("verify.counts.quotes", quotes, count=quotes),
        mismatches=counted("verify.counts.mismatches", mismatches, count=mismatches),
        uncited=counted("verify.counts.uncited", uncited, count=uncited),
    )

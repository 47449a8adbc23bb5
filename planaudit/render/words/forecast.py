"""What the rest of the period must deliver, in words: the forecast table's cells (left, needed a
month, so far, projected, days ahead, outlook) and the sentence of a finding (下半年需月均完成…)."""

from __future__ import annotations

from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.terms import Direction, Status
from planaudit.lang import text
from planaudit.render.words.figures import FigureWords, number, percent


class ForecastWords(FigureWords):
    """The forecast, in one language."""

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
                left = text("forecast.over_by", self.lang, amount=over_by)
                return (left, "", so_far, "", "", self._outlook(result))
            if result.status is Status.MISSED:  # over the cap, known from a stated rate alone
                return ("", "", so_far, "", "", self._outlook(result))
            allowed = self.amount(f.monthly_needed, unit) or percent(f.monthly_needed_pct)
            return (self.amount(f.remaining, unit), allowed, so_far, "", "", self._outlook(result))
        needed = self.amount(f.monthly_needed, unit) or percent(f.monthly_needed_pct)
        projected = self.amount(f.projection, unit)
        if projected and f.projection_completion is not None:
            share = percent(f.projection_completion)
            beyond = f.projection_completion > 100
            message_id = "forecast.projected_beyond" if beyond else "forecast.projected_share"
            projected = text(message_id, self.lang, projected=projected, share=share)
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
                return text("forecast.cannot_meet", self.lang)
            return ""
        if result.direction is Direction.LOWER:
            if result.status is Status.MISSED:
                return text("forecast.over_cap", self.lang)
            over = f.projection_completion is not None and f.projection_completion > 100
            return text("forecast.will_exceed", self.lang) if over else ""
        if f.recovery and f.monthly_needed_pct and f.monthly_so_far_pct:
            times = f.monthly_needed_pct / f.monthly_so_far_pct
            return text(
                "forecast.recovery", self.lang, word=self.recovery_word, times=f"{times:.1f}"
            )
        return ""

    def forecast_sentence(self, result: IndicatorResult) -> str:
        """下半年需月均完成157.5公顷，上半年月均9.17公顷……, or its English form; 已完成年度目标 for
        a target met; what a cap still allows, or by how much it is over."""
        f = result.forecast
        if f is None:
            return ""
        cells, lang = self.forecast_cells(result), self.lang
        if f.allowed_mean is not None:
            return text("forecast.allowed", lang, allowed=cells[1])
        if self._target_met(result):
            return text("forecast.met", lang, done=percent(result.completion))
        lower = result.direction is Direction.LOWER
        if lower and result.status is Status.MISSED:
            if f.remaining is None:
                return text("forecast.cap_over", lang)
            return text("forecast.cap_over_by", lang, over=self.amount(-f.remaining, result.unit))
        half = f.months_left == 6 and f.monthly_so_far_pct is not None
        said = text(
            "forecast.sentence",
            lang,
            later=text("forecast.later_half", lang)
            if half
            else text("forecast.later", lang, months=number(f.months_left)),
            verb=text("forecast.verb.may_use" if lower else "forecast.verb.need", lang),
            share=text("forecast.share", lang) if f.monthly_needed is None else "",
            needed=cells[1],
            before=text(
                "forecast.so_far_half" if half else "forecast.so_far", lang, so_far=cells[2]
            ),
        )
        if cells[3]:
            said += text("forecast.projected", lang, projected=cells[3])
        if f.days_ahead is not None:
            side = "forecast.side.ahead" if f.days_ahead >= 0 else "forecast.side.behind"
            said += text("forecast.days", lang, side=text(side, lang), days=abs(f.days_ahead))
        if not cells[5]:
            return said + text("forecast.end", lang)
        return said + text(
            "forecast.end_outlook", lang, outlook=cells[5][:1].upper() + cells[5][1:]
        )

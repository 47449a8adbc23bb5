"""What the rest of the period must deliver, in words: the forecast table's cells (left, needed a
month, so far, projected, days ahead, outlook) and the sentence of a finding (下半年需月均完成…)."""

from __future__ import annotations

from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.terms import Direction, Status
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

"""Change in words: an indicator since its previous report, a plan's history across its report
dates, what changed between two versions of a plan."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from planaudit.core.results.indicators import IndicatorResult, round2
from planaudit.core.terms import Kind
from planaudit.render.words.figures import FigureWords, percent, points
from planaudit.render.words.verdict import _plural


class ChangeWords(FigureWords):
    """Change, in one language."""

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
                self._moved_points(result.completion - p.completion)
                if result.completion is not None and p.completion is not None
                else ""
            )
        else:
            then = self.with_unit(p.actual_text, result.unit)
            now = self.with_unit(result.actual_text, result.unit)
            change = ""
            if result.actual is not None and p.actual is not None:
                moved = result.actual - p.actual
                if result.unit == "%":  # a rate moves by points: +1.80个百分点
                    change = self._moved_points(moved)
                elif moved == 0:
                    change = self.even
                else:
                    change = ("+" if moved > 0 else "-") + self.amount(abs(moved), result.unit)
        status = self.status_of(result)
        if p.status is not result.status:
            status = f"{self.status_of(result, p.status)} → {status}"
        return (p.date.isoformat(), then, now, change, status)

    def _moved_points(self, moved: Decimal) -> str:
        """A move in points, two decimals and the unit (+18.00个百分点); 持平 for none."""
        if round2(moved) == 0:
            return self.even
        return points(round2(moved)) + self._points

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


def nothing_changed(paths: Sequence[str], since: str) -> str:
    """`diff --since`'s report when no plan file changed (in English whatever the language:
    there is no plan to speak the language of)."""
    return f"No plan file under {' '.join(paths)} changed since {since}.\n"

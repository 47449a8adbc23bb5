"""Change in words: an indicator since its previous report, a plan's history across its report
dates, what changed between two versions of a plan."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from planaudit.core.results.indicators import IndicatorResult, round2
from planaudit.core.terms import Kind
from planaudit.lang import counted, text
from planaudit.render.words.figures import FigureWords, percent, points


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
            return text("history.no_dates", self.lang)
        note = counted("history.dates", dates, self.lang, dates=dates)
        if undated:
            return note + counted("history.undated", undated, self.lang, undated=undated)
        return note + text("history.end", self.lang)

    def diff_summary(self, changes: int, flagged: int) -> str:
        if not changes:
            return text("diff.no_changes", self.lang)
        return counted("diff.summary", changes, self.lang, changes=changes, flagged=flagged)


def nothing_changed(paths: Sequence[str], since: str) -> str:
    """`diff --since`'s report when no plan file changed (in English whatever the language:
    there is no plan to speak the language of)."""
    return f"No plan file under {' '.join(paths)} changed since {since}.\n"

"""The labels of every human format (column headers, statuses, short words) that each language
gives, and what is said with a label alone."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from planaudit.core.results.diff import What
from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.terms import Status
from planaudit.lang import Language


class Alert(StrEnum):
    """How a status cell marks what it adds (a style, a CSS class)."""

    SERIOUS = "serious"
    """A flagged binding indicator."""
    MISMATCH = "mismatch"
    """Figures that disagree."""


class Labels:
    """The labels of one language (each language gives a value to every one)."""

    zh: ClassVar[bool]
    lang: ClassVar[Language]
    """The language every sentence is looked up in (planaudit.lang)."""
    separator: ClassVar[str]
    """Between a label and what it labels (`板块：`, `Section: `)."""
    document_lang: ClassVar[str]
    """The language of a document, as HTML's lang attribute names it."""
    statuses: ClassVar[dict[Status, str]]
    over_cap: ClassVar[str]
    none_flagged: ClassVar[str]
    """What a report filtered to flagged indicators says when none is."""
    indicator: ClassVar[str]
    section: ClassVar[str]
    target: ClassVar[str]
    actual: ClassVar[str]
    completion: ClassVar[str]
    pace: ClassVar[str]
    gap: ClassVar[str]
    gap_points: ClassVar[str]
    even: ClassVar[str]
    """A gap of nothing: the figure is level with the pace or the target."""
    status: ClassVar[str]
    progress: ClassVar[str]
    plan: ClassVar[str]
    assessed: ClassVar[str]
    on_pace: ClassVar[str]
    flagged: ClassVar[str]
    binding: ClassVar[str]
    serious: ClassVar[str]
    mismatch: ClassVar[str]
    parts_mismatch: ClassVar[str]
    gap_mismatch: ClassVar[str]
    stated_mark_note: ClassVar[str]
    findings: ClassVar[str]
    findings_pace: ClassVar[str]
    done: ClassVar[str]
    not_done: ClassVar[str]
    forecast_title: ClassVar[str]
    rollup_title: ClassVar[str]
    most_behind_title: ClassVar[str]
    plans_behind: ClassVar[str]
    forecast_columns: ClassVar[tuple[str, ...]]
    recovery_word: ClassVar[str]
    restated: ClassVar[str]
    change_title: ClassVar[str]
    change_columns: ClassVar[tuple[str, ...]]
    history_title: ClassVar[str]
    trend: ClassVar[str]
    changes: ClassVar[dict[What, str]]
    """What each kind of change is called."""
    change_headers: ClassVar[tuple[str, ...]]
    yes_no: ClassVar[tuple[str, str]]
    chart_title: ClassVar[str]
    """The caption of a chart of completion bars against the pace line."""
    overview: ClassVar[str]
    """A summary across plans (the workbook's first sheet)."""
    forecast_sheet: ClassVar[str]
    """The forecast's short name (a workbook's sheet: 31 characters at most)."""
    as_of: ClassVar[str]
    file: ClassVar[str]
    verdict_label: ClassVar[str]
    unit: ClassVar[str]
    target_as_written: ClassVar[str]
    binding_label: ClassVar[str]
    owner: ClassVar[str]
    source: ClassVar[str]

    def status_word(self, status: Status) -> str:
        return self.statuses[status]

    def status_of(self, result: IndicatorResult, status: Status | None = None) -> str:
        """The indicator's status (or an earlier `status` of it) in words: a cap missed is over
        it (超出上限), not 未完成."""
        status = result.status if status is None else status
        if status is Status.MISSED and result.is_cap:
            return self.over_cap
        return self.status_word(status)

    def status_value(self, value: str | None) -> str:
        """A status as the JSON names it (on_track) in this language's words."""
        return "" if value is None else self.status_word(Status(value))

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

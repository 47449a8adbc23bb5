"""The labels of every human format (column headers, statuses, short words), read from the
catalog of the words' language (`label.*`, `status.*`, `change.*` in planaudit/lang), and what is
said with a label alone."""

from __future__ import annotations

from enum import StrEnum
from typing import overload

from planaudit.core.results.diff import What
from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.terms import Status
from planaudit.lang import Language, text


class Alert(StrEnum):
    """How a status cell marks what it adds (a style, a CSS class)."""

    SERIOUS = "serious"
    """A flagged binding indicator."""
    MISMATCH = "mismatch"
    """Figures that disagree."""


class Label:
    """A label of the catalog, `label.<attribute name>`, in the language of the words that read it:
    a label is data of its language, so a class attribute names it once for every language."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.id = f"label.{name}"

    @overload
    def __get__(self, words: None, owner: type) -> Label: ...
    @overload
    def __get__(self, words: Labels, owner: type) -> str: ...
    def __get__(self, words: Labels | None, owner: type) -> Label | str:
        return self if words is None else text(self.id, words.lang)


class Columns:
    """A row of column headers, `label.<attribute name>.<column>` for each column named."""

    def __init__(self, *columns: str) -> None:
        self.columns = columns

    def __set_name__(self, owner: type, name: str) -> None:
        self.ids = tuple(f"label.{name}.{column}" for column in self.columns)

    @overload
    def __get__(self, words: None, owner: type) -> Columns: ...
    @overload
    def __get__(self, words: Labels, owner: type) -> tuple[str, ...]: ...
    def __get__(self, words: Labels | None, owner: type) -> Columns | tuple[str, ...]:
        return self if words is None else tuple(text(label, words.lang) for label in self.ids)


class Labels:
    """The labels of one language: every one is looked up in the catalog of `lang`."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang
        """The language every label and sentence is looked up in (planaudit.lang)."""

    separator = Label()
    """Between a label and what it labels (`板块：`, `Section: `)."""
    document_lang = Label()
    """The language of a document, as HTML's lang attribute names it."""
    over_cap = Label()
    none_flagged = Label()
    """What a report filtered to flagged indicators says when none is."""
    indicator = Label()
    section = Label()
    target = Label()
    actual = Label()
    completion = Label()
    pace = Label()
    gap = Label()
    gap_points = Label()
    even = Label()
    """A gap of nothing: the figure is level with the pace or the target."""
    status = Label()
    progress = Label()
    plan = Label()
    assessed = Label()
    on_pace = Label()
    flagged = Label()
    binding = Label()
    serious = Label()
    """A flagged binding indicator, after its status (约束性指标): watch is flagged, not behind."""
    serious_count = Label()
    """How many flagged binding indicators (a summary's column)."""
    mismatch = Label()
    parts_mismatch = Label()
    gap_mismatch = Label()
    stated_mark_note = Label()
    findings = Label()
    findings_pace = Label()
    done = Label()
    not_done = Label()
    forecast_title = Label()
    rollup_title = Label()
    most_behind_title = Label()
    plans_behind = Label()
    forecast_columns = Columns(
        "indicator", "remaining", "ahead", "so_far", "projected", "days_ahead", "outlook"
    )
    recovery_word = Label()
    restated = Label()
    change_title = Label()
    change_columns = Columns("indicator", "previous_report", "then", "now", "change", "status")
    history_title = Label()
    trend = Label()
    change_headers = Columns("indicator", "change", "before", "after", "flag")
    yes = Label()
    no = Label()
    chart_title = Label()
    """The caption of a chart of completion bars against the pace line."""
    overview = Label()
    """A summary across plans (the workbook's first sheet)."""
    forecast_sheet = Label()
    """The forecast's short name (a workbook's sheet: 31 characters at most)."""
    as_of = Label()
    file = Label()
    verdict_label = Label()
    unit = Label()
    target_as_written = Label()
    binding_label = Label()
    owner = Label()
    source = Label()

    def status_word(self, status: Status) -> str:
        return text(f"status.{status.value}", self.lang)

    def change_word(self, what: What) -> str:
        """What a kind of change is called."""
        return text(f"change.{what.value}", self.lang)

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

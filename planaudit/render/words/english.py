"""The labels in English."""

from __future__ import annotations

from typing import ClassVar

from planaudit.core.results.diff import What
from planaudit.core.terms import Status
from planaudit.lang import Language
from planaudit.render.words.labels import Labels


class EnglishLabels(Labels):
    """The labels in English."""

    zh = False
    lang = Language.EN
    separator = ": "
    document_lang = "en"
    statuses: ClassVar[dict[Status, str]] = {
        Status.MET: "met",
        Status.ON_TRACK: "on track",
        Status.WATCH: "watch",
        Status.BEHIND: "behind",
        Status.MISSED: "missed",
        Status.PENDING: "pending",
        Status.NO_TARGET: "no target",
        Status.NO_DATA: "no data",
        Status.ANNUAL_ONLY: "annual only",
    }
    over_cap = "over the cap"
    none_flagged = "No flagged indicators."
    indicator = "Indicator"
    section = "Section"
    target = "Target"
    actual = "Actual"
    completion = "Completion"
    pace = "Pace"
    gap = "Gap"
    gap_points = "Gap (pts)"
    even = "level"
    status = "Status"
    progress = "Progress"
    plan = "Plan"
    assessed = "Assessed"
    on_pace = "On pace"
    flagged = "Flagged"
    binding = " (binding)"
    serious = "BINDING"
    mismatch = "rate mismatch"
    parts_mismatch = "parts differ"
    gap_mismatch = "gap mismatch"
    stated_mark_note = "* the rate the report states (no target or actual)"
    findings = "Flagged indicators"
    findings_pace = "Behind the pace"
    done = "done"
    not_done = "not done"
    forecast_title = "What the rest of the period must deliver"
    rollup_title = "Roll-up (most flagged first)"
    most_behind_title = "Indicators most often behind"
    plans_behind = "Plans behind"
    forecast_columns = (
        "Indicator",
        "Remaining",
        "Ahead: a month / mean",
        "So far: a month / mean",
        "Projected",
        "Days ahead",
        "Outlook",
    )
    recovery_word = "needs recovery"
    restated = "restated"
    change_title = "Since the previous report"
    change_columns = ("Indicator", "Previous report", "Then", "Now", "Change", "Status")
    history_title = "Report by report"
    trend = "Trend"
    changes: ClassVar[dict[What, str]] = {
        What.ADDED: "indicator added",
        What.REMOVED: "indicator removed",
        What.RENAMED: "renamed",
        What.TARGET_RAISED: "target raised",
        What.TARGET_LOWERED: "target lowered",
        What.TARGET_ADDED: "target added",
        What.TARGET_REMOVED: "target removed",
        What.TARGET_WORDING: "target wording",
        What.UNIT: "unit",
        What.KIND: "kind",
        What.DIRECTION: "direction",
        What.BINDING: "binding",
        What.ANNUAL_ONLY: "annual only",
        What.SCHEDULE: "schedule",
        What.BAND: "band",
        What.ACTUAL_RESTATED: "actual restated",
        What.ACTUAL_FELL: "cumulative actual fell",
        What.ACTUAL_REPORTED: "actual reported",
        What.ACTUAL_REMOVED: "actual removed",
        What.ACTUAL_MOVED_BACK: "actual moved back",
        What.STATED_RESTATED: "stated rate restated",
        What.STATED_FELL: "stated rate fell",
        What.STATED_REPORTED: "stated rate reported",
        What.STATED_REMOVED: "stated rate removed",
        What.STATED_MOVED_BACK: "stated rate moved back",
        What.STATUS: "status",
        What.TITLE: "title",
        What.PERIOD: "period",
        What.TOLERANCE: "tolerance",
        What.AS_OF: "as of",
        What.FILE_ADDED: "plan file added",
        What.FILE_REMOVED: "plan file removed",
    }
    change_headers = ("Indicator", "Change", "Before", "After", "Flag")
    yes_no = ("yes", "no")
    chart_title = "Completion against the pace"
    overview = "Summary"
    forecast_sheet = "Forecast"
    as_of = "As of"
    file = "File"
    verdict_label = "Verdict"
    unit = "Unit"
    target_as_written = "Target as written"
    binding_label = "Binding"
    owner = "Owner"
    source = "Source"

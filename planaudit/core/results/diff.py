"""What `diff` produces: the changes between two versions of each plan, and the comparison of
a run (the files read, those that could not be)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from planaudit.core.errors import Problem
from planaudit.core.terms import Conclusion


class What(StrEnum):
    """The kinds of change, as the JSON report names them."""

    @property
    def figures(self) -> bool:
        """`before` and `after` end with a figure in the indicator's unit."""
        return self.value.startswith(("target_", "actual_")) or self in (What.ADDED, What.REMOVED)

    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"
    TARGET_RAISED = "target_raised"
    TARGET_LOWERED = "target_lowered"
    TARGET_ADDED = "target_added"
    TARGET_REMOVED = "target_removed"
    TARGET_WORDING = "target_wording"
    UNIT = "unit"
    KIND = "kind"
    DIRECTION = "direction"
    BINDING = "binding"
    ANNUAL_ONLY = "annual_only"
    SCHEDULE = "schedule"
    BAND = "band"
    ACTUAL_RESTATED = "actual_restated"
    ACTUAL_FELL = "actual_fell"
    ACTUAL_REPORTED = "actual_reported"
    ACTUAL_REMOVED = "actual_removed"
    ACTUAL_MOVED_BACK = "actual_moved_back"
    STATED_RESTATED = "stated_restated"
    STATED_FELL = "stated_fell"
    STATED_REPORTED = "stated_reported"
    STATED_REMOVED = "stated_removed"
    STATED_MOVED_BACK = "stated_moved_back"
    STATUS = "status"
    TITLE = "title"
    PERIOD = "period"
    TOLERANCE = "tolerance"
    AS_OF = "as_of"
    FILE_ADDED = "file_added"
    FILE_REMOVED = "file_removed"


@dataclass(frozen=True)
class Change:
    what: What
    name: str | None
    """The indicator's name (in the new version, or the old one when it was removed); None for a
    change to the plan itself."""
    id: str | None
    before: str | None
    """The old value as written (a status, a date: figure…); None where there was none."""
    after: str | None
    flagged: bool
    line: int
    """1-based line in the new file (in the old one for a removed indicator)."""
    unit: str | None = None
    """The indicator's unit, for the figures in `before` and `after`."""


@dataclass(frozen=True)
class PlanDiff:
    old: str
    new: str
    plan: str
    chinese: bool
    changes: tuple[Change, ...]

    @property
    def flagged(self) -> int:
        return sum(change.flagged for change in self.changes)


@dataclass(frozen=True)
class Comparison:
    """What `diff` found: the plans that changed, the files it read, the problems of those it
    could not."""

    diffs: tuple[PlanDiff, ...]
    inputs: tuple[Path, ...]
    """The files compared, which a report must never replace."""
    problems: tuple[Problem, ...]
    since: str | None = None
    """The git revision compared with, or None for two files."""
    paths: tuple[Path, ...] = ()
    """The paths searched at `since`."""
    read_as: tuple[tuple[str, str], ...] = ()
    """Each file read in an encoding found without being asked (GB18030), for a notice."""

    @property
    def conclusion(self) -> Conclusion:
        return Conclusion.of(bool(self.problems), any(diff.flagged for diff in self.diffs))

    @property
    def unchanged(self) -> bool:
        """Nothing under the paths changed since the revision, and every file was read."""
        return self.since is not None and not self.diffs and not self.problems

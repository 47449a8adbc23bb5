"""The words a plan, its audit and every report share, as enums: once a file is validated, a kind,
a direction, a status or a finding is one of these, never a string."""

from __future__ import annotations

from enum import StrEnum

# Kind and Direction have no docstring: the JSON Schema of a plan file (core.schema) would take
# it for their description, and the schema is shipped as it is.


class Kind(StrEnum):  # how an indicator is judged (CONTRACT §2.3)
    CUMULATIVE = "cumulative"
    """A total against its target and the pace."""
    LEVEL = "level"
    """A rate or level against its target, never scaled by time."""
    MILESTONE = "milestone"
    """Done or not by its date."""


class Direction(StrEnum):  # which way is good
    HIGHER = "higher"
    LOWER = "lower"
    """A cap: lower is better."""


class Dated(StrEnum):
    """The keys of an indicator that may hold {date: figure}, in the order a restatement prefers
    them; a restatement is of ACTUAL or STATED."""

    ACTUAL = "actual"
    STATED = "stated"
    STATED_GAP = "stated_gap"


class Status(StrEnum):
    MET = "met"
    ON_TRACK = "on_track"
    WATCH = "watch"
    BEHIND = "behind"
    MISSED = "missed"
    PENDING = "pending"
    NO_TARGET = "no_target"
    NO_DATA = "no_data"
    ANNUAL_ONLY = "annual_only"

    @property
    def flagged(self) -> bool:
        return self in (Status.WATCH, Status.BEHIND, Status.MISSED)


ASSESSED = (Status.MET, Status.ON_TRACK, Status.WATCH, Status.BEHIND)
ON_PACE = (Status.MET, Status.ON_TRACK)
JUDGED = (*ASSESSED, Status.MISSED)
"""The statuses of an indicator judged in its own terms (not pending, not without figures)."""


class FindingKind(StrEnum):
    """A kind of finding on a flagged indicator (or a file that could not be audited): a rule
    in SARIF, a check in GitLab Code Quality, a sentence in every report."""

    BEHIND = "behind"
    MISSED = "missed"
    WATCH = "watch"
    BINDING_LAG = "binding-lag"
    """A binding (约束性) indicator behind, missed or under watch: its status finding, as the
    CI formats name it."""
    STATED_MISMATCH = "stated-mismatch"
    STATED_GAP_MISMATCH = "stated-gap-mismatch"
    PARTS_MISMATCH = "parts-mismatch"
    RESTATEMENT = "restatement"
    INVALID_PLAN = "invalid-plan"


class FailOn(StrEnum):
    """How severe a finding must be to fail the run (exit 1)."""

    BEHIND = "behind"
    WATCH = "watch"
    NEVER = "never"


class Conclusion(StrEnum):
    """What a command's run comes to; the command line maps each to its exit code."""

    CLEAN = "clean"
    """Done, nothing flagged."""
    FLAGGED = "flagged"
    """Done, something flagged (at the --fail-on level, for check)."""
    INVALID = "invalid"
    """Some input could not be read or is invalid (the rest was still done)."""

    @classmethod
    def of(cls, invalid: bool, flagged: bool) -> Conclusion:
        return cls.INVALID if invalid else cls.FLAGGED if flagged else cls.CLEAN

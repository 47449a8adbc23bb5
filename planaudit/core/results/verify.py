"""What `verify` produces: the quotes of a plan that its report does not bear out, and the
report's progress figures that no quote cites."""

from __future__ import annotations

from dataclasses import dataclass

from planaudit.core.terms import Conclusion
from planaudit.lang import Message


@dataclass(frozen=True)
class Mismatch:
    """An indicator whose quote is not in the report or lacks one of its figures."""

    index: int
    name: str
    message: Message


@dataclass(frozen=True)
class Uncited:
    """A progress sentence of the report that no indicator quotes."""

    line: int
    sentence: str


@dataclass(frozen=True)
class Verification:
    """What `verify` found for one plan file and its report."""

    path: str
    """The plan file, as shown."""
    report: str
    """The report's file, as shown."""
    lines: tuple[int, ...]
    """The line of each indicator in the plan file."""
    mismatches: tuple[Mismatch, ...]
    uncited: tuple[Uncited, ...]
    quotes: int
    """The quotes checked: each `source` and `target_source`."""

    @property
    def conclusion(self) -> Conclusion:
        return Conclusion.of(False, bool(self.mismatches))

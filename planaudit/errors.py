"""The one family of exceptions for bad input, each carrying where it is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in a plan file, printed as `path:line:col: message`."""

    path: str
    line: int
    """1-based line of the offending key or value."""
    column: int
    """1-based column."""
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class PlanError(Exception):
    """A plan file that cannot be read or is invalid; carries all its problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

"""The one family of exceptions for bad input, each carrying where it is."""

from __future__ import annotations

import re
from dataclasses import dataclass

UNSAFE_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Characters that can move, hide or reorder text in a terminal or document: control characters
other than tab and line feed, line separators and bidirectional overrides."""
_BREAKING = re.compile(f"[\t\n{UNSAFE_TEXT.pattern[1:-1]}]")


def line_and_column(text: str | bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column of `offset` in `text` (columns count bytes in bytes)."""
    newline = b"\n" if isinstance(text, bytes) else "\n"
    line_start = text.rfind(newline, 0, offset) + 1  # type: ignore[arg-type]
    return text.count(newline, 0, offset) + 1, offset - line_start + 1  # type: ignore[arg-type]


def one_line(text: str) -> str:
    """Text that stays on its line: line breaks and control characters shown as escapes."""
    return _BREAKING.sub(lambda m: repr(m.group())[1:-1], text)


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in a plan file, printed as `path:line:col: message`."""

    path: str
    line: int
    """1-based line of the offending key or value."""
    column: int
    """1-based column."""
    message: str
    """One line, whatever the file held: text quoted from the file is escaped."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", one_line(self.message))

    def __str__(self) -> str:
        return f"{one_line(self.path)}:{self.line}:{self.column}: {self.message}"


class PlanError(Exception):
    """A plan file that cannot be read or is invalid; carries all its problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

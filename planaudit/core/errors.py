"""The one family of exceptions for bad input, each carrying where it is."""

from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import total_ordering

from planaudit.lang import Language, Message, quote, say

UNSAFE_TEXT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
"""Characters that can move, hide or reorder text in a terminal or document: control characters
other than tab and line feed, line separators and bidirectional overrides; and those no XML
document may hold (lone surrogates, U+FFFE, U+FFFF), which would make a JUnit report invalid."""
_BREAKING = re.compile(f"[\t\n{UNSAFE_TEXT.pattern[1:-1]}]")


def line_and_column(text: str | bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column of `offset` in `text` (columns count bytes in bytes)."""
    newline = b"\n" if isinstance(text, bytes) else "\n"
    line_start = text.rfind(newline, 0, offset) + 1  # type: ignore[arg-type]
    return text.count(newline, 0, offset) + 1, offset - line_start + 1  # type: ignore[arg-type]


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path as every message and report shows it: bytes of a file name that are not UTF-8 as
    `\\xff` escapes (never raw bytes, which no UTF-8 document may hold), and a name that GitHub
    would read as a workflow command at the start of a line (`::stop-commands::x.yaml`) behind
    `./`; `-`, standard input where a file is read, as `<stdin>`."""
    text = os.fspath(path)
    if text == "-":
        return STDIN_NAME
    try:
        text = os.fsencode(text).decode("utf-8", "backslashreplace")
    except UnicodeError:  # a lone surrogate that no file name decodes to
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return f"./{text}" if text.lstrip().startswith("::") else text


STDIN_NAME = "<stdin>"
"""How standard input (`-` in place of a file) is named in messages and reports."""

EXCERPT = 40
"""Characters of a file's text that a message quotes: enough to find it, too few to leak a file
that is not a plan (a symbolic link to /etc/shadow)."""


def excerpt(text: object, limit: int = EXCERPT, quoted: bool = True) -> str:
    """Text quoted in a message: repr'd (so escaped; `quoted=False` for a figure, which shows
    its characters as they are) and cut to `limit` characters."""
    if not isinstance(text, str) or not quoted:
        shown = repr(text) if quoted else str(text)
        return shown[:limit] + "…" if len(shown) > limit else shown
    return repr(text[:limit]) + "…" if len(text) > limit else repr(text)


def shown(raw: object) -> Message | str:
    """A value of a file as a message quotes it: text quoted as each language quotes (cut to
    EXCERPT characters), a number or a boolean as YAML writes it (2024.06, true — never
    Python's Decimal('2024.06')), anything else as `excerpt` shows it."""
    if isinstance(raw, str):
        return quote(raw, EXCERPT)
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, int | Decimal):
        return excerpt(raw, quoted=False)
    return excerpt(raw)


_OS_ERRORS = {
    errno.ENOENT: "os.no_such_file",
    errno.EACCES: "os.permission_denied",
    errno.EPERM: "os.not_permitted",
    errno.EISDIR: "os.is_a_directory",
    errno.ENOTDIR: "os.not_a_directory",
    errno.ELOOP: "os.too_many_links",
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.EIO: "os.input_output",
    errno.ENOSPC: "os.no_space",
    errno.EROFS: "os.read_only",
    errno.EEXIST: "os.exists",
    errno.ENXIO: "os.no_device",
}
"""The system's reasons a file cannot be used, in the catalogs' words (Python gives the C
library's English whatever the locale)."""


def os_reason(error: OSError) -> Message | str:
    """Why the system refused, in the run's language where the catalogs know the reason."""
    found = _OS_ERRORS.get(error.errno or 0)
    return Message(found) if found else str(error.strerror)


def one_line(text: str) -> str:
    """Text that stays on its line: line breaks and control characters shown as escapes."""
    return _BREAKING.sub(lambda m: repr(m.group())[1:-1], text)


@total_ordering
@dataclass(frozen=True)
class Problem:
    """One located problem in a plan file, printed as `path:line:col: message`."""

    path: str
    line: int
    """1-based line of the offending key or value."""
    column: int
    """1-based column."""
    said: Message | str
    """What is wrong: a catalog message, rendered in the run's language where it is printed
    (a plain string only from tests and callers outside the language layer)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", shown_path(self.path))

    @property
    def message(self) -> str:
        """One line in the run's language, whatever the file held: text quoted from the file
        is escaped."""
        return one_line(str(self.said))

    @property
    def kind(self) -> str:
        """What problems of one kind share (the English words, whatever the run's language)."""
        return kind_of_said(self.said)

    @property
    def counts_more(self) -> bool:
        """A line that counts problems not listed, not a problem itself."""
        return isinstance(self.said, Message) and self.said.id.startswith(MORE)

    def _key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.message)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return self._key() < other._key()

    def __str__(self) -> str:
        return f"{one_line(self.path)}:{self.line}:{self.column}: {self.message}"


PER_KIND = 10
"""Problems of one kind listed per file; the rest are counted in one line."""
MORE = "problem.more"
"""The ids of the lines that count problems not listed."""
_VARYING = re.compile(r"[0-9][0-9,]*|'[^']*'|\"[^\"]*\"")


def kind_of(message: str) -> str:
    """What problems of one kind share: the message without its numbers and quoted text."""
    return _VARYING.sub("#", message)


def kind_of_said(said: Message | str) -> str:
    """`kind_of` the English words of a message, whatever the run's language: problems are
    counted by kind the same way in every language."""
    return kind_of(said.render(Language.EN) if isinstance(said, Message) else said)


def more_like_this(count: int) -> Message:
    return Message.of("problem.more_like_this", count=f"{count:,}")


def capped(problems: list[Problem]) -> list[Problem]:
    """The problems in file order, the first PER_KIND of each kind, then a line per kind
    counting the rest at the place of the last one shown: a file of four million broken items
    makes a few lines, not four million."""
    counts: dict[tuple[str, str], int] = {}
    last: dict[tuple[str, str], Problem] = {}
    shown = []
    for problem in sorted(problems):
        if problem.counts_more:
            shown.append(problem)
            continue
        kind = (problem.path, problem.kind)
        counts[kind] = counts.get(kind, 0) + 1
        if counts[kind] <= PER_KIND:
            shown.append(problem)
            last[kind] = problem
    for kind, count in counts.items():
        if count > PER_KIND:
            at = last[kind]
            shown.append(Problem(at.path, at.line, at.column, more_like_this(count - PER_KIND)))
    return sorted(shown)


class PlanError(Exception):
    """A plan file that cannot be read or is invalid; carries its problems (capped by kind)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = capped(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def type_name(raw: object) -> Message:
    """How a YAML value's type is named in messages."""
    if raw is None:
        return say("type.null")
    if isinstance(raw, bool):
        return say("type.boolean", value=str(raw).lower())
    if isinstance(raw, dict):
        return say("type.mapping")
    if isinstance(raw, list):
        return say("type.list")
    if isinstance(raw, (int, float, Decimal)):
        return say("type.number", value=raw)
    if isinstance(raw, str):
        return say("type.text", text=shown(raw))
    return say("type.other", name=type(raw).__name__)

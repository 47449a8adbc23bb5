"""A configuration file → its settings, each with the line it stands on: `.planaudit.toml`, or
the `[tool.planaudit]` table of `pyproject.toml`, found upward from the working directory.

tomllib reads the TOML and gives no positions; a key's line is found by scanning the file's table
headers and `key =` lines (the first line that sets it; a key inside an inline table gets its
table's line). What the settings may be is the command line's business (cli/config.py): this
module only finds, reads and locates."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planaudit.core.errors import PlanError, Problem, os_reason, shown_path
from planaudit.lang import say

OWN_NAME = ".planaudit.toml"
PYPROJECT = "pyproject.toml"
MAX_BYTES = 1_000_000
"""A configuration file is a few lines: a megabyte is a mistake."""

Key = tuple[str, ...]


@dataclass(frozen=True)
class Setting:
    value: Any
    line: int


@dataclass(frozen=True)
class ConfigFile:
    """The settings of one file: those shared by every command, and each command's table."""

    path: Path
    shared: dict[str, Setting]
    commands: dict[str, dict[str, Setting]]
    tables: dict[str, Setting] = field(default_factory=dict)
    """Each command table itself, where a key's value is not a table (an error to report)."""
    shadowed: Path | None = None
    """A pyproject.toml with a [tool.planaudit] table beside a .planaudit.toml: not read."""

    @property
    def folder(self) -> Path:
        """What relative paths in the file are relative to."""
        return self.path.parent


def find(start: Path) -> ConfigFile | None:
    """The nearest configuration file from `start` upward: in one folder, `.planaudit.toml`
    wins over `pyproject.toml`, whose [tool.planaudit] table is then not read; a
    pyproject.toml without that table is passed over."""
    for folder in (start, *start.parents):
        own, pyproject = folder / OWN_NAME, folder / PYPROJECT
        ours = pyproject.is_file() and _mentions_us(pyproject)
        if own.is_file():
            return read(_relative(own), shadowed=_relative(pyproject) if ours else None)
        if ours:
            return read(_relative(pyproject))
    return None


def _relative(path: Path) -> Path:
    """A file found upward, named from the working directory (../.planaudit.toml)."""
    return Path(os.path.relpath(path))


_OUR_TABLE = re.compile(rb"""^\s*\[\s*tool\s*\.\s*["']?planaudit\b""", re.MULTILINE)


def _mentions_us(pyproject: Path) -> bool:
    """A cheap look before parsing: a pyproject.toml without a [tool.planaudit…] header (most
    of them) is passed over, so that a broken one of another project is not our error."""
    try:
        with open(pyproject, "rb") as handle:
            return _OUR_TABLE.search(handle.read(MAX_BYTES)) is not None
    except OSError:
        return False


def read(path: Path, shadowed: Path | None = None) -> ConfigFile:
    """The settings of `path`, or PlanError at what makes it unreadable."""
    import tomllib  # only when there is a file to read: most runs have none (start-up)

    name = shown_path(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise PlanError(
            [Problem(name, 1, 1, say("file.cannot_read", why=os_reason(error)))]
        ) from None
    if len(raw) > MAX_BYTES:
        raise PlanError([Problem(name, 1, 1, say("config.too_large"))])
    try:
        text = raw.decode("utf-8-sig")
        document = tomllib.loads(text)
    except UnicodeDecodeError:
        raise PlanError([Problem(name, 1, 1, say("config.not_utf8"))]) from None
    except tomllib.TOMLDecodeError as error:
        raise PlanError([_syntax_problem(name, str(error))]) from None
    lines = _key_lines(text)
    root: Key = ("tool", "planaudit") if path.name == PYPROJECT else ()
    table: Any = document
    for part in root:
        table = table.get(part, {}) if isinstance(table, dict) else None
    if not isinstance(table, dict):
        line = _line(lines, root)
        raise PlanError([Problem(name, line, 1, "[tool.planaudit] must be a table")])
    shared: dict[str, Setting] = {}
    commands: dict[str, dict[str, Setting]] = {}
    tables: dict[str, Setting] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            commands[key] = {
                inner: Setting(item, _line(lines, (*root, key, inner)))
                for inner, item in value.items()
            }
            tables[key] = Setting(value, _line(lines, (*root, key)))
        else:
            shared[key] = Setting(value, _line(lines, (*root, key)))
    return ConfigFile(path, shared, commands, tables, shadowed)


_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _syntax_problem(name: str, message: str) -> Problem:
    """tomllib's message, its position moved to the front: `Expected '=' (at line 3, column
    7)` → path:3:7: invalid TOML: Expected '='."""
    found = _AT.search(message)
    if found is None:
        return Problem(name, 1, 1, say("config.invalid_toml", message=message))
    what = message[: found.start()]
    return Problem(name, int(found[1]), int(found[2]), f"invalid TOML: {what}")


_HEADER = re.compile(r"\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
_ASSIGNED = re.compile(r"\s*([A-Za-z0-9_\-\"'. ]+?)\s*=")


def _parts(dotted: str) -> Key:
    """`tool."planaudit".check` → ("tool", "planaudit", "check")."""
    return tuple(part.strip().strip("\"'") for part in dotted.split("."))


def _key_lines(text: str) -> dict[Key, int]:
    """The line that first sets each key (and opens each table), by its full dotted path."""
    found: dict[Key, int] = {}
    table: Key = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header is not None:
            table = _parts(header[1])
            found.setdefault(table, number)
            continue
        assigned = _ASSIGNED.match(line)
        if assigned is not None:
            key = (*table, *_parts(assigned[1]))
            for end in range(len(table) + 1, len(key) + 1):  # a.b = 1 opens table a too
                found.setdefault(key[:end], number)
    return found


def _line(lines: dict[Key, int], key: Key) -> int:
    """The line of `key`, else of the nearest table holding it, else 1."""
    while key:
        if key in lines:
            return lines[key]
        key = key[:-1]
    return 1

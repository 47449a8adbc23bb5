"""Which files are plan files: the one rule, for the files on disk and for those at a git
revision. Named files are taken as they are; folders are searched for *.yaml / *.yml, hidden
folders and files left out."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath

from planaudit.core.errors import Problem, os_reason
from planaudit.io.source import STDIN
from planaudit.lang import say

SUFFIXES = (".yaml", ".yml")
DEFAULT = Path("plans")
"""Where plan files are looked for when a command is given no path."""


def named(paths: Sequence[Path] | None) -> list[Path]:
    """The paths a command was given, or the default folder when it was given none."""
    return list(paths) if paths else [DEFAULT]


def hidden(name: str) -> bool:
    """A hidden file or folder (`.git`, `.draft.yaml`); `.` and `..` are not."""
    return name.startswith(".") and name not in (".", "..")


def plan_name(name: str) -> bool:
    """A file name a folder search takes as a plan file."""
    return name.endswith(SUFFIXES) and not hidden(name)


def plan_path(path: str) -> bool:
    """A path (slash-separated, as git lists it) that a folder search would take: a plan file's
    name, no hidden folder on the way."""
    parts = PurePosixPath(path).parts
    return bool(parts) and plan_name(parts[-1]) and not any(hidden(part) for part in parts)


def plan_files_at(listed: Iterable[str]) -> list[str]:
    """The plan files among the paths a git revision lists, sorted."""
    return sorted(name for name in listed if plan_path(name))


def plan_files(paths: Iterable[Path], problems: list[Problem]) -> list[Path]:
    """The plan files named: files as given, directories searched for *.yaml / *.yml (hidden
    folders skipped), in sorted order. What cannot be used is added to `problems`: a named path
    that is not a regular file, a folder that cannot be read, a symbolic link that leads out of
    the folder searched (followed only when it is named itself)."""
    files: list[Path] = []
    for path in paths:
        if path == STDIN:
            files.append(path)
        elif path.is_dir():
            found = _search(path, problems)
            if not found:
                problems.append(Problem(str(path), 1, 1, say("file.no_plan_files")))
            files += found
        elif path.is_file():
            files.append(path)
        elif path.exists():
            problems.append(Problem(str(path), 1, 1, say("file.not_regular")))
        elif path == DEFAULT:  # looked for because no path was given
            problems.append(Problem(f"{DEFAULT}/", 1, 1, _NO_DEFAULT))
        else:
            problems.append(Problem(str(path), 1, 1, say("file.no_such_file")))
    return files


_NO_DEFAULT = say("file.no_default")


def _search(folder: Path, problems: list[Problem]) -> list[Path]:
    """The plan files under `folder`, sorted."""
    root = os.path.realpath(folder)

    def unreadable(error: OSError) -> None:
        where = error.filename or folder
        problems.append(Problem(str(where), 1, 1, say("file.folder", why=os_reason(error))))

    found: list[Path] = []
    for top, folders, names in os.walk(folder, onerror=unreadable):
        folders[:] = [name for name in folders if not hidden(name)]
        for name in folders:
            inside = os.path.join(top, name)
            if os.path.islink(inside) and not _within(inside, root):
                problems.append(Problem(inside, 1, 1, _LINK_OUT))
        for name in names:
            if not plan_name(name):
                continue
            candidate = Path(top, name)
            if candidate.is_symlink() and not _within(candidate, root):
                problems.append(Problem(str(candidate), 1, 1, _LINK_OUT))
            elif candidate.is_file():
                found.append(candidate)
            elif candidate.exists():
                problems.append(Problem(str(candidate), 1, 1, say("file.not_regular")))
    return sorted(found)


_LINK_OUT = say("file.link_out")


def _within(path: str | Path, root: str) -> bool:
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)

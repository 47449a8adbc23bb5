"""Plan files as they were at a git revision, for `planaudit diff --since REV`.

git is run with an argument list (never a shell), in the repository of the paths given
(`git -C` their folder, not the working directory's); paths read and printed are relative to
the current directory, as everywhere else.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from planaudit.core.errors import os_reason
from planaudit.io.source import Encoding, Source, decode
from planaudit.lang import Message, quote, say


class RevisionError(Exception):
    """git could not answer: not a repository, an unknown revision, git missing. Carries a
    catalog message, or git's own words."""

    def __init__(self, said: Message | str) -> None:
        super().__init__(said)
        self.said = said

    def __str__(self) -> str:
        return str(self.said)


def repository_folder(paths: list[Path]) -> Path:
    """Where git is asked: the first path's folder (itself, for a folder), or the nearest one
    that is there; the current directory for none."""
    for path in paths[:1]:
        folder = path if path.is_dir() else path.parent
        while not folder.is_dir() and folder != folder.parent:
            folder = folder.parent
        return folder
    return Path(".")


def _git(where: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(where), *args], capture_output=True, check=False)
    except OSError as error:
        raise RevisionError(say("git.cannot_run", why=os_reason(error))) from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(
            said[0].removeprefix("fatal: ") if said else say("git.failed", command=args[0])
        )
    return done.stdout


def commit_of(revision: str, where: Path) -> str:
    """The commit a revision names in the repository at `where`, or RevisionError."""
    if not revision or revision.startswith("-"):
        raise RevisionError(say("git.not_a_revision", revision=quote(revision)))
    _git(where, "rev-parse", "--git-dir")  # outside a repository, git says so
    try:
        named = f"{revision}^{{commit}}"
        return _git(where, "rev-parse", "--verify", "--quiet", named).decode().strip()
    except RevisionError:
        raise RevisionError(say("git.not_a_commit", revision=quote(revision))) from None


def files_at(commit: str, paths: list[Path], where: Path) -> list[str]:
    """Every file under `paths` at `commit`, relative to the current directory (which of them
    are plan files is `discover.plan_files_at`'s to say)."""
    inside = [os.path.relpath(path, where) for path in paths]
    listed = _git(where, "ls-tree", "-r", "-z", "--name-only", commit, "--", *inside)
    names = (name.decode("utf-8", "surrogateescape") for name in listed.split(b"\0") if name)
    return [os.path.normpath(os.path.relpath(os.path.join(where, name))) for name in names]


def read_at(
    commit: str,
    name: str,
    max_bytes: int,
    shown: str,
    where: Path,
    encoding: Encoding = Encoding.AUTO,
) -> Source:
    """The text of `name` (relative to the current directory) at `commit`, its size checked
    before it is read (`shown` names it in problems)."""
    blob = f"{commit}:./{os.path.relpath(name, where)}"
    if int(_git(where, "cat-file", "-s", blob)) > max_bytes:
        raise RevisionError(say("file.too_large", limit=f"{max_bytes / 1_000_000:g}"))
    return decode(_git(where, "cat-file", "blob", blob), shown, encoding)

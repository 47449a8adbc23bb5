"""Plan files as they were at a git revision, for `planaudit diff --since REV`.

git is run with an argument list (never a shell), from the current directory, so paths read
and printed are relative to it as everywhere else.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from planaudit.core.errors import os_reason
from planaudit.io.source import decode
from planaudit.lang import Message, quote, say


class RevisionError(Exception):
    """git could not answer: not a repository, an unknown revision, git missing. Carries a
    catalog message, or git's own words."""

    def __init__(self, said: Message | str) -> None:
        super().__init__(said)
        self.said = said

    def __str__(self) -> str:
        return str(self.said)


def _git(*args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], capture_output=True, check=False)
    except OSError as error:
        raise RevisionError(say("git.cannot_run", why=os_reason(error))) from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(
            said[0].removeprefix("fatal: ") if said else say("git.failed", command=args[0])
        )
    return done.stdout


def commit_of(revision: str) -> str:
    """The commit a revision names, or RevisionError."""
    if not revision or revision.startswith("-"):
        raise RevisionError(say("git.not_a_revision", revision=quote(revision)))
    _git("rev-parse", "--git-dir")  # outside a repository, git says so
    try:
        return _git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").decode().strip()
    except RevisionError:
        raise RevisionError(say("git.not_a_commit", revision=quote(revision))) from None


def files_at(commit: str, paths: list[Path]) -> list[str]:
    """Every file under `paths` at `commit`, relative to the current directory (which of them
    are plan files is `discover.plan_files_at`'s to say)."""
    listed = _git("ls-tree", "-r", "-z", "--name-only", commit, "--", *map(str, paths))
    return [name.decode("utf-8", "surrogateescape") for name in listed.split(b"\0") if name]


def read_at(commit: str, name: str, max_bytes: int, shown: str) -> str:
    """The text of `name` at `commit`, its size checked before it is read (`shown` names it in
    problems)."""
    blob = f"{commit}:./{name}"
    if int(_git("cat-file", "-s", blob)) > max_bytes:
        raise RevisionError(say("file.too_large", limit=f"{max_bytes / 1_000_000:g}"))
    return decode(_git("cat-file", "blob", blob), shown).text

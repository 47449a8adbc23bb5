"""Plan files as they were at a git revision, for `planaudit diff --since REV`.

git is run with an argument list (never a shell), from the current directory, so paths read
and printed are relative to it as everywhere else.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from planaudit.io.source import decode


class RevisionError(Exception):
    """git could not answer: not a repository, an unknown revision, git missing."""


def _git(*args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], capture_output=True, check=False)
    except OSError as error:
        raise RevisionError(f"cannot run git: {error.strerror}") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(said[0].removeprefix("fatal: ") if said else f"git {args[0]} failed")
    return done.stdout


def commit_of(revision: str) -> str:
    """The commit a revision names, or RevisionError."""
    if not revision or revision.startswith("-"):
        raise RevisionError(f"{revision!r} is not a revision")
    _git("rev-parse", "--git-dir")  # outside a repository, git says so
    try:
        return _git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").decode().strip()
    except RevisionError:
        raise RevisionError(f"{revision!r} is not a commit of this git repository") from None


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
        limit = f"{max_bytes / 1_000_000:g} MB"
        raise RevisionError(
            f"the file is larger than {limit}, the size limit (raise it with --max-size)"
        )
    return decode(_git("cat-file", "blob", blob), shown).text

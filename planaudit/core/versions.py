"""The versions of plan files that `planaudit diff` compares: two files, or each plan file
under some paths against its version at a git revision. Files that cannot be read add their
problems and are left out; the rest are compared."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from planaudit.core.diff import Version, compare, file_added, file_removed
from planaudit.core.errors import PlanError, Problem
from planaudit.core.results.diff import Comparison, PlanDiff
from planaudit.io import discover
from planaudit.io import revision as git
from planaudit.io.loader import LoadedPlan, load, load_each, parse
from planaudit.io.revision import RevisionError
from planaudit.io.source import Encoding
from planaudit.lang import say

__all__ = ["Comparison", "RevisionError", "since", "two_files"]


def _version(loaded: LoadedPlan, as_of: date | None) -> Version:
    plan = loaded.plan
    return Version(loaded.path, plan, tuple(loaded.lines()), as_of or plan.as_of)


def _read_as(loaded: Iterable[LoadedPlan | None]) -> tuple[tuple[str, str], ...]:
    return tuple((plan.path, plan.read_as) for plan in loaded if plan and plan.read_as)


def two_files(
    old: Path,
    new: Path,
    as_of: date | None,
    max_bytes: int,
    encoding: Encoding = Encoding.AUTO,
) -> Comparison:
    problems: list[Problem] = []
    loaded = list(load_each((old, new), max_bytes, problems, encoding))
    found = []
    if len(loaded) == 2:
        found.append(compare(_version(loaded[0], as_of), _version(loaded[1], as_of)))
    return Comparison(tuple(found), (old, new), tuple(problems), read_as=_read_as(loaded))


def since(
    revision: str,
    paths: list[Path],
    as_of: date | None,
    max_bytes: int,
    encoding: Encoding = Encoding.AUTO,
) -> Comparison:
    """Each plan file under `paths` against its version at `revision`; unchanged files are
    left out, added and removed files are listed. RevisionError when git cannot answer."""
    where = git.repository_folder(paths)
    commit = git.commit_of(revision, where)
    before = discover.plan_files_at(git.files_at(commit, paths, where))
    unusable: list[Problem] = []
    now = discover.plan_files([path for path in paths if path.exists()], unusable)
    # a folder without plan files now may have had some at the revision: only the rest count
    problems = [problem for problem in unusable if not Path(problem.path).is_dir()]
    current = {os.path.relpath(path): path for path in now}
    if not before and not current:
        message = say("file.no_plan_files_nor_at", revision=revision)
        problems += [Problem(str(path), 1, 1, message) for path in paths]
    found: list[PlanDiff] = []
    read: list[tuple[str, str]] = []
    for name in sorted(set(before) | set(current)):
        shown = f"{revision}:{name}"
        try:
            old = None
            if name in before:
                source = git.read_at(commit, name, max_bytes, shown, where, encoding)
                old = parse(source.text, shown)
                if source.detected:
                    read.append((shown, source.detected))
            new = load(current[name], max_bytes, encoding) if name in current else None
            read += _read_as([new])
        except PlanError as error:
            problems += error.problems
            continue
        except git.RevisionError as error:
            problems.append(Problem(shown, 1, 1, error.said))
            continue
        if old is None and new is not None:
            found.append(file_added(_version(new, as_of)))
        elif new is None and old is not None:
            found.append(file_removed(_version(old, as_of)))
        elif old is not None and new is not None:
            compared = compare(_version(old, as_of), _version(new, as_of))
            if compared.changes:
                found.append(compared)
    return Comparison(
        tuple(found), tuple(now), tuple(problems), revision, tuple(paths), tuple(read)
    )

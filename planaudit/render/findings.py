"""What the CI formats (GitHub annotations, SARIF, GitLab Code Quality) report, in one place so
that they agree: each flagged indicator's findings by kind, the level of each under --fail-on,
the plan file's path as CI tools match it, and a fingerprint that stays the same across runs."""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from planaudit.core.errors import Problem
from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.results.plans import PlanReport
from planaudit.core.terms import FailOn, FindingKind
from planaudit.render.words import Words, literal

_STATUSES = (FindingKind.BEHIND, FindingKind.MISSED, FindingKind.WATCH)


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


def level(severe: bool, fail_on: FailOn) -> Level:
    """What fails the run at --fail-on is an error and each step below it one level lower, so
    that a CI tool that fails on errors agrees with planaudit's exit code. `severe`: behind,
    missed or figures that disagree (what fails at --fail-on behind), as against a watch."""
    if fail_on is FailOn.WATCH or (fail_on is FailOn.BEHIND and severe):
        return Level.ERROR
    if fail_on is FailOn.BEHIND or severe:
        return Level.WARNING
    return Level.NOTE


def indicator_level(result: IndicatorResult, fail_on: FailOn) -> Level:
    """The level of a flagged indicator's most severe finding."""
    return level(result.fails(FailOn.BEHIND), fail_on)


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    path: str
    """The plan file as `ci_path` gives it."""
    line: int
    column: int | None
    """Known for an invalid plan file's problem; an indicator's finding has only its line."""
    message: str
    """The indicator's name and the finding in report style, or the problem; plan text inert."""
    level: Level
    serious: bool
    """A finding on a binding (约束性) indicator."""
    fingerprint: str
    """The same for the same finding in every run, whatever its figures or line."""


def indicator_findings(plan: PlanReport, words: Words, fail_on: FailOn) -> list[Finding]:
    """One finding per kind for each flagged indicator, in the plan's order."""
    path = ci_path(plan.path)
    separator = words.separator
    seen: Counter[tuple[FindingKind, str]] = Counter()
    found = []
    for result in plan.indicators:
        for found_kind, sentence in words.finding_parts(result, binding=True):
            kind = found_kind
            if result.binding and kind in _STATUSES:
                kind = FindingKind.BINDING_LAG
            identity = _identity(result)
            seen[kind, identity] += 1
            found.append(
                Finding(
                    kind=kind,
                    path=path,
                    line=result.line,
                    column=None,
                    message=f"{literal(result.name)}{separator}{sentence}",
                    level=level(found_kind is not FindingKind.WATCH, fail_on),
                    serious=result.serious,
                    fingerprint=fingerprint(path, kind, identity, seen[kind, identity]),
                )
            )
    return found


def problem_findings(problems: Sequence[Problem]) -> list[Finding]:
    """A finding for each problem of a plan file that could not be audited: always an error,
    since it makes the run exit 2 whatever --fail-on says."""
    seen: Counter[tuple[str, str]] = Counter()
    found = []
    for problem in problems:
        path = ci_path(problem.path)
        seen[path, problem.message] += 1
        found.append(
            Finding(
                kind=FindingKind.INVALID_PLAN,
                path=path,
                line=problem.line,
                column=problem.column,
                message=literal(problem.message),
                level=Level.ERROR,
                serious=False,
                fingerprint=fingerprint(
                    path, FindingKind.INVALID_PLAN, problem.message, seen[path, problem.message]
                ),
            )
        )
    return found


_POSITIONAL_ID = re.compile(r"indicator-[0-9]+")
"""The id an indicator gets without one (audit.py): its position, which moves when an indicator
is inserted above it."""


def _identity(result: IndicatorResult) -> str:
    """What makes an indicator the same one in the next run: its id, or without one its section
    and name."""
    if _POSITIONAL_ID.fullmatch(result.id):
        return f"name\0{result.section or ''}\0{result.name}"
    return f"id\0{result.id}"


def fingerprint(path: str, kind: FindingKind, identity: str, occurrence: int) -> str:
    """A hash of what identifies a finding (never its figures, line or wording), with the count
    of earlier findings like it in the file, so that each is unique."""
    text = "\0".join((path, kind.value, identity, str(occurrence)))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def ci_path(path: str) -> str:
    """A plan file's path as CI tools match it against the repository: relative to the working
    directory (the repository's root in a CI job), with forward slashes; absolute when the file
    is outside it."""
    given = Path(path)
    if not given.is_absolute() and ".." not in given.parts:
        return given.as_posix()
    here = Path.cwd()
    absolute = Path(os.path.normpath(here / given))
    try:
        return absolute.relative_to(here).as_posix()
    except ValueError:
        return absolute.as_posix()

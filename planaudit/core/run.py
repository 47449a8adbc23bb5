"""The check loop: the plan files a request names → each one's audit (or its problems), in file
order, on several processes when the input is large; then what the run comes to — the problems,
the roll-up, whether it fails. The command line iterates a run and writes what it yields."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from planaudit.core.audit import audit_plan
from planaudit.core.errors import PlanError, Problem
from planaudit.core.forecast import RECOVERY_FACTOR
from planaudit.core.results.plans import PlanLine, PlanReport, Rollup
from planaudit.core.terms import Conclusion, FailOn
from planaudit.io import discover, parallel
from planaudit.io.loader import LoadedPlan, load
from planaudit.io.source import Encoding
from planaudit.lang import Said, say


@dataclass(frozen=True)
class Settings:
    """What the command line says about every file's audit."""

    as_of: date | None
    tolerance: Decimal | None
    max_bytes: int
    recovery_factor: Decimal = RECOVERY_FACTOR
    encoding: Encoding = Encoding.AUTO


PlanText = Callable[[PlanReport], str]
"""How a plan's audit becomes its text in the report, where that text depends on the plan alone
(a renderer's `text`): given to the run, a worker process renders its own plans and only text
crosses back. It crosses to the workers, so it must pickle (a module-level function, or an
instance of a module-level class)."""


@dataclass(frozen=True)
class Request:
    """A run of `check`: which files, audited how, shown how."""

    paths: tuple[Path, ...]
    """Plan files, or folders searched for them (io.discover)."""
    settings: Settings
    fail_on: FailOn = FailOn.BEHIND
    only_flagged: bool = False
    """Show only the flagged indicators (the summary still counts them all)."""
    jobs: int = 1
    """Processes for large inputs."""
    plan_text: PlanText | None = None


@dataclass(frozen=True)
class Checked:
    """One file's step of a run: its problems, or its audit as shown, or (rendered in a worker)
    that audit's text."""

    problems: tuple[Problem, ...] = ()
    report: PlanReport | None = None
    """The plan as shown: only its flagged indicators under `only_flagged`."""
    text: str | None = None
    """The plan's text, where a worker rendered it (`Request.plan_text`)."""
    line: PlanLine | None = None
    """What the roll-up keeps of the whole plan."""
    fails: bool = False
    """Something in the whole plan is flagged at the request's `fail_on`."""
    read_as: tuple[str, str] | None = None
    """The file and the encoding it was read in without being asked (GB18030), for a notice."""
    hints: tuple[Problem, ...] = ()
    """What in the plan is valid but most likely not meant: notes, never errors."""


def start(request: Request) -> CheckRun:
    """The run of `request`. Its files are found now (a report must never replace one of
    them, so the command line needs them before it writes); iterate the run to audit them."""
    unusable: list[Problem] = []
    files = discover.plan_files(request.paths, unusable)
    return CheckRun(request, files, unusable)


class CheckRun:
    """A run of `check`: iterate it for each file's step as it comes (a thousand plans are
    reported as they are audited); once it is over, `problems`, `rollup` and `conclusion` say
    what it came to."""

    def __init__(self, request: Request, files: list[Path], unusable: list[Problem]) -> None:
        self.request = request
        self.files = files
        self.problems: list[Problem] = list(unusable)
        """The paths given that cannot be used, then each file's problems as it is read."""
        self.fails = False
        self._lines: list[PlanLine] = []

    def __iter__(self) -> Iterator[Checked]:
        request = self.request
        for checked in parallel.map_files(_check_file, self.files, request, request.jobs):
            self.problems += checked.problems
            self.fails = self.fails or checked.fails
            if checked.line is not None:
                self._lines.append(checked.line)
            yield checked

    @property
    def rollup(self) -> Rollup | None:
        """The roll-up of several plans; None for one plan or none."""
        return Rollup.of(self._lines) if len(self._lines) > 1 else None

    @property
    def conclusion(self) -> Conclusion:
        return Conclusion.of(bool(self.problems), self.fails)


def audit_loaded(loaded: LoadedPlan, settings: Settings) -> PlanReport:
    plan = loaded.plan
    day = settings.as_of or plan.as_of
    if day is None:
        raise PlanError([loaded.problem((), say("rule.no_as_of"))])
    lines = loaded.lines()
    try:
        return audit_plan(
            plan, loaded.path, lines, day, settings.tolerance, settings.recovery_factor
        )
    except ValueError as error:
        key = "year" if plan.year is not None else "period"
        said = error.said if isinstance(error, Said) else str(error)
        raise PlanError([loaded.problem((key,), say("rule.option_as_of", said=said))]) from None


def audit_file(
    path: Path, settings: Settings
) -> tuple[PlanReport | list[Problem], LoadedPlan | None]:
    """One file's audit, or its problems; and the plan as loaded (its encoding read without
    being asked, its hints), where it loaded."""
    try:
        loaded = load(path, settings.max_bytes, settings.encoding)
    except PlanError as error:
        return error.problems, None
    try:
        return audit_loaded(loaded, settings), loaded
    except PlanError as error:
        return error.problems, loaded


def _check_file(path: Path, request: Request) -> Checked:
    """One file's step of the run (in a worker process, for a large input)."""
    audited, loaded = audit_file(path, request.settings)
    read_as = None if loaded is None or loaded.read_as is None else (loaded.path, loaded.read_as)
    hints = () if loaded is None else loaded.hints
    if not isinstance(audited, PlanReport):
        return Checked(problems=tuple(audited), read_as=read_as, hints=hints)
    shown = audited.only_flagged() if request.only_flagged else audited
    line, fails = PlanLine.of(audited), audited.fails(request.fail_on)
    text = None if request.plan_text is None else request.plan_text(shown)
    report = shown if text is None else None
    return Checked(report=report, text=text, line=line, fails=fails, read_as=read_as, hints=hints)

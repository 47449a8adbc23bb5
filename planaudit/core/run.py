"""Plan files → audited plans, in file order, on several processes when the input is large."""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from planaudit.core.audit import audit_plan
from planaudit.core.errors import PlanError, Problem
from planaudit.core.forecast import RECOVERY_FACTOR
from planaudit.core.results import PlanLine, PlanReport
from planaudit.io.loader import LoadedPlan, load
from planaudit.render import Format, RenderOptions, renderer

PARALLEL_MIN_BYTES = 2_000_000
"""Below this much YAML, starting worker processes costs more than it saves."""
CHUNK_MAX_BYTES = 200_000
"""Files larger than this on average are sent to workers one at a time."""


@dataclass(frozen=True)
class Settings:
    """What the command line says about every file's audit."""

    as_of: date | None
    tolerance: Decimal | None
    max_bytes: int
    recovery_factor: Decimal = RECOVERY_FACTOR


def plan_files(paths: list[Path], problems: list[Problem]) -> list[Path]:
    """The plan files named: files as given, directories searched for *.yaml / *.yml (hidden
    folders skipped), in sorted order. What cannot be used is added to `problems`: a named path
    that is not a regular file, a folder that cannot be read, a symbolic link that leads out of
    the folder searched (followed only when it is named itself)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = _search(path, problems)
            if not found:
                problems.append(Problem(str(path), 1, 1, "no *.yaml or *.yml plan files here"))
            files += found
        elif path.is_file():
            files.append(path)
        elif path.exists():
            problems.append(Problem(str(path), 1, 1, "not a regular file"))
        else:
            problems.append(Problem(str(path), 1, 1, "no such file or directory"))
    return files


def _search(folder: Path, problems: list[Problem]) -> list[Path]:
    """The plan files under `folder`, sorted."""
    root = os.path.realpath(folder)

    def unreadable(error: OSError) -> None:
        where = error.filename or folder
        problems.append(Problem(str(where), 1, 1, f"cannot read this folder: {error.strerror}"))

    found: list[Path] = []
    for top, folders, names in os.walk(folder, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in folders:
            inside = os.path.join(top, name)
            if os.path.islink(inside) and not _within(inside, root):
                problems.append(Problem(inside, 1, 1, _LINK_OUT))
        for name in names:
            if not name.endswith((".yaml", ".yml")) or name.startswith("."):
                continue
            candidate = Path(top, name)
            if candidate.is_symlink() and not _within(candidate, root):
                problems.append(Problem(str(candidate), 1, 1, _LINK_OUT))
            elif candidate.is_file():
                found.append(candidate)
            elif candidate.exists():
                problems.append(Problem(str(candidate), 1, 1, "not a regular file"))
    return sorted(found)


_LINK_OUT = (
    "a symbolic link out of the folder searched: not followed (name it to audit what it points to)"
)


def _within(path: str | Path, root: str) -> bool:
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def audit_loaded(loaded: LoadedPlan, settings: Settings) -> PlanReport:
    plan = loaded.plan
    day = settings.as_of or plan.as_of
    if day is None:
        message = "as_of is missing: give it in the file (as_of: 2018-06-30) or with --as-of"
        raise PlanError([loaded.problem((), message)])
    lines = loaded.lines()
    try:
        return audit_plan(
            plan, loaded.path, lines, day, settings.tolerance, settings.recovery_factor
        )
    except ValueError as error:
        key = "year" if plan.year is not None else "period"
        raise PlanError([loaded.problem((key,), f"--as-of: {error}")]) from None


@dataclass(frozen=True)
class Prerender:
    """How a worker turns its audit into the report's text, so that only text crosses back."""

    format: Format
    options: RenderOptions
    only_flagged: bool


@dataclass(frozen=True)
class Rendered:
    """A plan audited and rendered in a worker."""

    text: str
    fails: bool
    line: PlanLine
    """What the roll-up keeps of the plan."""


Audited = PlanReport | Rendered | list[Problem]
"""A file's outcome: the audit, its rendered text, or the file's problems."""


def audit_file(path: Path, settings: Settings) -> PlanReport | list[Problem]:
    """One file's audit, or its problems."""
    try:
        return audit_loaded(load(path, settings.max_bytes), settings)
    except PlanError as error:
        return error.problems


def _audit_and_render(path: Path, settings: Settings, prerender: Prerender | None) -> Audited:
    result = audit_file(path, settings)
    if prerender is None or not isinstance(result, PlanReport):
        return result
    shown = result.only_flagged() if prerender.only_flagged else result
    text = renderer(prerender.format, prerender.options).text(shown)
    return Rendered(text, result.fails(prerender.options.fail_on), PlanLine.of(result))


def collect_less() -> None:
    """Tune the cycle collector for auditing many files: what is loaded by now (the libraries)
    stays, and an audit's objects die young without cycles, so collecting them as they are made
    is wasted work (about a tenth of the time of a large run). Collections still run every
    10,000 surviving objects, so memory stays bounded."""
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def _start_worker() -> None:
    """Workers leave Ctrl-C, SIGTERM and SIGHUP to the main process (a signal to the whole
    process group reaches them too): it cancels the work not started and waits for the files
    under way, so that no worker dies halfway through sending a result, which would leave the
    pool's reader waiting forever for the rest. Without the main process, a worker ends when
    its queue closes. Workers never write the report, so they let go of stdout: a reader of
    the pipe (`check | wc -c`) sees its end when the main process ends."""
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_IGN)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    collect_less()


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C, SIGTERM and SIGHUP until the block ends: a handler that raises while
    Python forks a worker raises inside the fork's own callbacks, where the exception is lost."""
    held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def available_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def audit_all(
    files: list[Path], settings: Settings, jobs: int, prerender: Prerender | None = None
) -> Iterator[Audited]:
    """Each file's outcome in file order; with `jobs` > 1 and enough input, on `jobs` processes,
    which render the plans themselves when `prerender` says how."""
    if jobs > 1 and len(files) > 1:
        size = sum(path.stat().st_size for path in files)
        if size >= PARALLEL_MIN_BYTES:
            yield from _in_parallel(files, settings, min(jobs, len(files)), prerender, size)
            return
    for path in files:
        yield audit_file(path, settings)


def _in_parallel(
    files: list[Path], settings: Settings, jobs: int, prerender: Prerender | None, size: int
) -> Iterator[Audited]:
    from concurrent.futures import ProcessPoolExecutor  # only large inputs pay for its import

    pool = ProcessPoolExecutor(jobs, initializer=_start_worker)
    try:
        count = len(files)
        # Small files go in chunks (fewer round trips); large ones one by one, which also
        # bounds the wait for the work under way when the run is stopped.
        chunk = max(1, min(16, count // (jobs * 4))) if size < count * CHUNK_MAX_BYTES else 1
        with _signals_held():  # the workers start here: a signal now would be lost in a fork
            results = pool.map(
                _audit_and_render, files, [settings] * count, [prerender] * count, chunksize=chunk
            )
        yield from results
    finally:
        with _signals_held():  # a signal now would leave the workers waiting for work
            pool.shutdown(wait=True, cancel_futures=True)

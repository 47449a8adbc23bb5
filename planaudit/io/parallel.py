"""Work on files in order, on several processes when the input is large. The cycle collector's
tuning lives here: in the worker processes for good, and in this process for the run only."""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from planaudit.io.source import STDIN

PARALLEL_MIN_BYTES = 2_000_000
"""Below this much input, starting worker processes costs more than it saves."""
CHUNK_MAX_BYTES = 200_000
"""Files larger than this on average are sent to workers one at a time."""

Given = TypeVar("Given")
Made = TypeVar("Made")


def available_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def map_files(
    work: Callable[[Path, Given], Made], files: list[Path], given: Given, jobs: int
) -> Iterator[Made]:
    """`work(file, given)` for each file, in file order: on `jobs` processes when there are
    several files and enough bytes of them, else in this process. In parallel, `work` and
    `given` cross to the workers and what `work` makes crosses back: they must pickle."""
    with _collecting_less():
        if jobs > 1 and len(files) > 1 and STDIN not in files:  # only this process has stdin
            size = sum(path.stat().st_size for path in files)
            if size >= PARALLEL_MIN_BYTES:
                yield from _in_parallel(work, files, given, min(jobs, len(files)), size)
                return
        for path in files:
            yield work(path, given)


def _collect_less() -> None:
    """Tune the cycle collector for auditing many files: what is loaded by now (the libraries)
    stays, and an audit's objects die young without cycles, so collecting them as they are made
    is wasted work (about a tenth of the time of a large run). Collections still run every
    10,000 surviving objects, so memory stays bounded."""
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


@contextmanager
def _collecting_less() -> Iterator[None]:
    """The collector tuned for the run, as it was afterwards (a program that runs planaudit's
    commands in its own process, as the tests do, keeps its own settings)."""
    before = gc.get_threshold()
    _collect_less()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


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
    _collect_less()


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


def _in_parallel(
    work: Callable[[Path, Given], Made], files: list[Path], given: Given, jobs: int, size: int
) -> Iterator[Made]:
    from concurrent.futures import ProcessPoolExecutor  # only large inputs pay for its import

    pool = ProcessPoolExecutor(jobs, initializer=_start_worker)
    try:
        count = len(files)
        # Small files go in chunks (fewer round trips); large ones one by one, which also
        # bounds the wait for the work under way when the run is stopped.
        chunk = max(1, min(16, count // (jobs * 4))) if size < count * CHUNK_MAX_BYTES else 1
        with _signals_held():  # the workers start here: a signal now would be lost in a fork
            results = pool.map(work, files, [given] * count, chunksize=chunk)
        yield from results
    finally:
        with _signals_held():  # a signal now would leave the workers waiting for work
            pool.shutdown(wait=True, cancel_futures=True)

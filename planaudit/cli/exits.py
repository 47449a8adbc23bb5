"""The one place where exceptions and conclusions become exit codes (CONTRACT §3.1), and where
SIGTERM and SIGHUP are turned into an orderly end."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import traceback
from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING

import typer

from planaudit.cli import messages
from planaudit.cli.messages import DEBUG_ENV
from planaudit.core.errors import shown_path
from planaudit.core.terms import Conclusion
from planaudit.io.output import OutputError

if TYPE_CHECKING:
    from typer._click.exceptions import UsageError

__all__ = ["DEBUG_ENV", "EXITS", "Exit", "Terminated", "guarded", "on_signals", "stopped"]


class Exit(IntEnum):
    """CONTRACT §3.1, and 130 for Ctrl-C."""

    OK = 0
    FLAGGED = 1
    INVALID = 2
    INTERNAL = 3
    HUNG_UP = 128 + signal.SIGHUP
    INTERRUPTED = 130
    TERMINATED = 128 + signal.SIGTERM


EXITS = {
    Conclusion.CLEAN: Exit.OK,
    Conclusion.FLAGGED: Exit.FLAGGED,
    Conclusion.INVALID: Exit.INVALID,
}
"""What each run's conclusion exits with."""


class Terminated(BaseException):
    """SIGTERM or SIGHUP, raised where the program stands so that it cleans up as for Ctrl-C:
    the temporary output removed, the worker processes ended. A BaseException, like
    KeyboardInterrupt, so that no `except Exception` swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_received: list[int] = []
"""The signals received: an exception raised in a handler can be lost (raised inside a callback
that ignores exceptions), so the run's end looks here too."""


def _terminate(signum: int, frame: object) -> None:
    _received.append(signum)
    raise Terminated(signum)


def on_signals() -> None:
    """SIGTERM and SIGHUP end the run as Ctrl-C does (nohup: SIGHUP left ignored)."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) is not signal.SIG_IGN:
            signal.signal(signum, _terminate)


def guarded(work: Callable[[], int], debug: bool) -> int:
    """`work`'s exit code, or the one of what stopped it. `debug` (--debug, or PLANAUDIT_DEBUG
    set) shows the traceback of an internal error."""
    try:
        code = int(work())
        return stopped(_received[0]) if _received else code
    except typer.Exit:
        raise
    except KeyboardInterrupt:
        print(messages.interrupted(), file=sys.stderr)
        return Exit.INTERRUPTED
    except Terminated as stop:
        return stopped(stop.signum)
    except OutputError as error:
        print(messages.refused(str(error)), file=sys.stderr)
        return Exit.INVALID
    except BrokenPipeError:  # outside a report (streams.report_to keeps the verdict of those)
        discard_stdout()
        return Exit.OK
    except OSError as error:
        where = shown_path(error.filename or "")
        print(messages.cannot_use(where, str(error.strerror)), file=sys.stderr)
        return Exit.INVALID
    except Exception as error:
        if debug or os.environ.get(DEBUG_ENV):
            traceback.print_exc()
        reason = f"{type(error).__name__}: {error}"
        print(messages.internal_error(reason), file=sys.stderr)
        return Exit.INTERNAL


def library_exit(error: UsageError | typer.Abort) -> int:
    """A usage error (said from the catalogs, exit 2), or the library's "Aborted!" (exit 1)."""
    from planaudit.cli import library

    if isinstance(error, typer.Abort):
        print(library.catalogued("library.aborted"), file=sys.stderr)
        return 1
    library.show_usage_error(error)
    return Exit.INVALID


def stopped(signum: int) -> int:
    """The exit of a run ended by SIGTERM or SIGHUP: one line (if stderr is still there), and
    the code a shell gives a process killed by that signal."""
    with contextlib.suppress(OSError):  # SIGHUP: the terminal may be gone
        print(messages.stopped_by(signal.Signals(signum).name), file=sys.stderr)
    return Exit.HUNG_UP if signum == signal.SIGHUP else Exit.TERMINATED


def discard_stdout() -> None:
    """Point stdout at the null device, so that what it still holds is dropped quietly rather
    than failing again when Python flushes it on the way out."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):  # a stdout without a file descriptor (as in tests)
        pass

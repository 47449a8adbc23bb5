"""The command line: the Typer application with every command registered (each command module
adds its own), and the entry point that turns Ctrl-C and SIGTERM into exit codes. Commands
parse their options, call the core, render what it returns and exit with the code of its
conclusion: the only modules that exit."""

from __future__ import annotations

import gc

import typer

from planaudit.cli import audits as audits
from planaudit.cli import changes as changes  # (history, diff)
from planaudit.cli import messages
from planaudit.cli import settings as settings  # (config)
from planaudit.cli import texts as texts  # (draft, schema)
from planaudit.cli.exits import DEBUG_ENV, Exit, library_exit, on_signals, stopped
from planaudit.cli.exits import Terminated as Terminated
from planaudit.cli.parsing import app
from planaudit.cli.streams import tell

__all__ = ["DEBUG_ENV", "Exit", "app", "main"]


def main() -> None:
    on_signals()
    from typer._click.exceptions import UsageError

    try:
        code = app(standalone_mode=False)
    except (UsageError, typer.Abort) as error:
        code = library_exit(error)
    except KeyboardInterrupt:  # outside a command's own guard: while starting up or parsing
        tell(messages.interrupted())
        raise SystemExit(Exit.INTERRUPTED) from None
    except Terminated as stop:
        raise SystemExit(stopped(stop.signum)) from None
    # The process ends here. Everything it loaded is left to the interpreter's teardown, whose
    # full cycle collections walk every object of pydantic, rich and the catalogs again: about
    # 70 ms of CPU of a 0.35 s check of one plan. Frozen objects are not walked; what is freed
    # by reference counting (files, and everything not in a cycle) still is, as before.
    gc.freeze()
    raise SystemExit(code if isinstance(code, int) else Exit.OK)

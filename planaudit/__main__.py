"""Start the command line (`planaudit`, `python -m planaudit`) so that failing to start is an
internal error too.

A dependency that is too old, or an install that is broken, fails while a module is imported:
`planaudit.cli.app` at start-up, or a library that is imported only when first needed (typer
imports pydantic while it parses the options). Both happen outside the guard of each command, and
unguarded Python prints a traceback and exits 1, which CI reads as "indicators behind" (CONTRACT
§3.1). Only the standard library (and `planaudit.cli.messages`, which imports nothing else) is
imported before this guard is in place.
"""

from __future__ import annotations

import os
import sys
import traceback

from planaudit.cli.messages import DEBUG_ENV as DEBUG_ENV
from planaudit.cli.messages import cannot_start, interrupted
from planaudit.cli.messages import internal_error as internal_error_line

INTERNAL = 3
"""CONTRACT §3.1's exit code for an internal error (the CLI's `Exit.INTERNAL`)."""
INTERRUPTED = 130


def main() -> None:
    try:
        from planaudit.cli.app import main as run

        run()
    except KeyboardInterrupt:
        print(interrupted(), file=sys.stderr)
        sys.exit(INTERRUPTED)
    except Exception as error:
        if os.environ.get(DEBUG_ENV) or "--debug" in sys.argv[1:]:
            traceback.print_exc()
        print(internal_error(error), file=sys.stderr)
        sys.exit(INTERNAL)


def internal_error(error: Exception) -> str:
    """One line; one that says what to do when the error came from importing a module."""
    reason = " ".join(f"{type(error).__name__}: {error}".split())
    frames = traceback.walk_tb(error.__traceback__)
    if isinstance(error, ImportError) or any(f.f_code.co_name == "<module>" for f, _ in frames):
        return cannot_start(reason)
    return internal_error_line(reason)


if __name__ == "__main__":
    main()

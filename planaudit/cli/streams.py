"""Where a command's output goes: the report to stdout or --output, problems to stderr, the
Markdown report also to a GitHub step summary; and the colour and width a terminal allows."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from planaudit.cli import messages
from planaudit.cli.exits import discard_stdout
from planaudit.core.errors import Problem
from planaudit.io.output import NothingToWrite, Output
from planaudit.render.registry import Format, Renderer, RenderOptions, renderer

STEP_SUMMARY_ENV = "GITHUB_STEP_SUMMARY"


def say(problems: Iterable[Problem]) -> None:
    """Problems of plan files, one `path:line:col: message` a line, on stderr."""
    for problem in problems:
        print(problem, file=sys.stderr)


def tell(message: str) -> None:
    """A sentence of the command line's own (cli.messages), on stderr."""
    print(message, file=sys.stderr)


@contextmanager
def report_to(
    path: Path | None, inputs: Sequence[Path] = (), table: bool = False, whole: bool = False
) -> Iterator[Callable[[str | bytes], None]]:
    """The writer of a command's report (stdout, or `path`; bytes are a binary document, given
    only for a file). A reader that stops reading (`check | head -1`) closes stdout: the rest of
    the report goes nowhere and the command runs on to its verdict, so the exit code never
    depends on how much of the report was read."""
    gone = False

    def write(text: str | bytes) -> None:
        nonlocal gone
        if gone:
            return
        try:
            if isinstance(text, bytes):
                out.write_bytes(text)
            else:
                out.write(text)
        except BrokenPipeError:
            gone = True
            discard_stdout()

    try:
        with Output(path, inputs, table=table, whole=whole) as out:
            yield write
    except BrokenPipeError:  # the last of it, flushed as the report closed
        discard_stdout()
    except NothingToWrite:
        pass


def unless_empty(
    output: Path | None, shown: bool, problems: Sequence[Problem], writer: Renderer[Any, Any]
) -> None:
    """Inside `report_to`: a report file that would hold nothing (no plan could be read, and
    the format cannot list the problems) is not written, so the last good report stays; the
    problems are on stderr."""
    if output is not None and problems and not shown and not writer.reports_errors:
        raise NothingToWrite


def for_output(options: RenderOptions, table: bool, no_color: bool = False) -> RenderOptions:
    """Colour and width where a table goes to a terminal: colour unless --no-color or NO_COLOR
    says no (FORCE_COLOR gives it where stdout is not a terminal, as rich reads it)."""
    if options.to_file or not table:
        return replace(options, width=_width(None))
    from rich.console import Console

    console = Console(file=sys.stdout)
    color = (
        not no_color
        and console.is_terminal
        and not console.no_color
        and console.color_system is not None
    )
    width = _width(console.width if console.is_terminal else None)
    return replace(options, color=color, width=width)


def _width(terminal: int | None) -> int:
    """The terminal's width; when piped, COLUMNS, else the width of the terminal stderr is on
    (`check | less`), else 120."""
    if terminal is not None:
        return terminal
    columns = os.environ.get("COLUMNS", "")
    if columns.isascii() and columns.isdigit() and int(columns) > 20:
        return int(columns)
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns
    except (OSError, ValueError):
        return 120


def step_summary(options: RenderOptions) -> Renderer[Any, Any] | None:
    """In a GitHub Actions job, the Markdown report also goes to the step summary."""
    if not os.environ.get(STEP_SUMMARY_ENV):
        return None
    return renderer(Format.MARKDOWN, replace(options, to_file=True))


def append_step_summary(text: str) -> None:
    try:
        with open(os.environ[STEP_SUMMARY_ENV], "a", encoding="utf-8") as summary:
            summary.write(text)
    except OSError as error:
        tell(messages.cannot_append(STEP_SUMMARY_ENV, str(error.strerror)))

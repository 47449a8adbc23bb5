"""`-` in place of a file: standard input, once per command, and never a terminal waiting for
text nobody is typing — both usage errors, found while the command line is parsed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from planaudit.cli import messages
from planaudit.io.source import STDIN

_TAKEN = "planaudit.stdin"
"""Set in the context's meta once a parameter has taken `-`."""


def stdin_once(ctx: typer.Context, param: Any, value: Any) -> Any:
    """A callback for every parameter that names files: `-` may stand for one of them."""
    if ctx.resilient_parsing or value is None:
        return value
    given = value if isinstance(value, list | tuple) else [value]
    for path in given:
        if Path(path) != STDIN:
            continue
        if ctx.meta.get(_TAKEN):
            raise typer.BadParameter(messages.stdin_twice(), param_hint=_hint(param))
        ctx.meta[_TAKEN] = True
        if sys.stdin is None or sys.stdin.isatty():
            raise typer.BadParameter(messages.stdin_is_a_terminal(), param_hint=_hint(param))
    return value


def _hint(param: Any) -> str | list[str]:
    """How the error names the parameter, the same in every typer version allowed (0.26 names
    an optional argument `[PATH]`)."""
    if getattr(param, "param_type_name", "") == "option":
        return list(param.opts)
    return f"'{(param.metavar or param.name.upper()).strip('[]')}'"

"""The format of a report written to a file, as its name says: `--output audit.json` writes JSON
without `--format json`. A --format given on the command line must fit the extension; one from
the configuration file is kept where it fits and gives way to the extension where it does not;
an extension not listed here leaves the format as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from planaudit.cli import messages
from planaudit.render.registry import Format, Subject, formats_of

BY_EXTENSION = {
    ".json": Format.JSON,
    ".md": Format.MARKDOWN,
    ".csv": Format.CSV,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xlsx": Format.XLSX,
    ".xml": Format.JUNIT,
    ".sarif": Format.SARIF,
    ".txt": Format.TABLE,
}
"""An extension (lower case) → the format a file of that name is written in."""
FITS = {".json": (Format.JSON, Format.SARIF, Format.GITLAB)}
"""Extensions that more than one format writes: SARIF and GitLab's Code Quality report are
JSON, and often named .json (gl-code-quality-report.json)."""


def fitting(extension: str) -> tuple[Format, ...]:
    """The formats a file with this extension may be written in (none: any)."""
    inferred = BY_EXTENSION.get(extension)
    return FITS.get(extension, (inferred,)) if inferred is not None else ()


def chosen(ctx: typer.Context, format: Any, output: Path | None, subject: Subject) -> Format:
    """The report's format: --format, or the one --output's extension names."""
    given = Format(format)
    extension = output.suffix.lower() if output is not None else ""
    fit = fitting(extension)
    if not fit or given in fit:
        return given
    assert output is not None
    source = getattr(ctx.get_parameter_source("format"), "name", "")
    if source == "COMMANDLINE":
        raise typer.BadParameter(
            messages.format_does_not_fit(given.value, str(output), [f.value for f in fit]),
            param_hint="'--format'",
        )
    inferred = BY_EXTENSION[extension]
    if inferred not in formats_of(subject):
        offered = [f.value for f in formats_of(subject)]
        raise typer.BadParameter(
            messages.format_not_offered(str(output), inferred.value, offered),
            param_hint="'--output'",
        )
    return inferred

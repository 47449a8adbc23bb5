"""How argv is parsed: the Typer application, its own options (--version, --debug) and the options
its commands share, each parsed and checked once — values arrive as dates, enums and numbers in
range, or the command stops with a usage error (exit 2)."""

import math
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias

import typer

from planaudit.cli import library, messages
from planaudit.cli.inputs import stdin_once
from planaudit.cli.library import Group
from planaudit.cli.messages import DEBUG_ENV
from planaudit.core.terms import FailOn
from planaudit.io.source import MAX_BYTES, Encoding
from planaudit.lang import Language, choose, forced, text
from planaudit.render.registry import (
    Format,
    FormatUnavailable,
    Lang,
    Renderer,
    RenderOptions,
    Subject,
    format_option,
    renderer,
)

library.install()
app = typer.Typer(
    name="planaudit",
    cls=Group,
    help=text("help.app"),
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(messages.version())
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help=text("help.version")),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option("--debug", help=text("help.debug", variable=DEBUG_ENV)),
    ] = False,
) -> None:
    """The help is the catalogs' "help.app"."""


def speak(lang: Lang) -> Lang:
    """The language of a command's report: --lang zh|en, else PLANAUDIT_LANG, else auto (the
    plan's). The command's own words (diagnostics, messages) follow --lang zh|en too; otherwise
    PLANAUDIT_LANG and the locale."""
    if lang is Lang.AUTO:
        chosen = forced()
        choose(None)
        return Lang.AUTO if chosen is None else Lang(chosen.value)
    choose(Language(lang.value))
    return lang


def debugging(ctx: typer.Context) -> bool:
    """--debug, given before the command: it travels in the root context, not the environment."""
    return bool(ctx.find_root().params.get("debug"))


if TYPE_CHECKING:  # each is an enum of the formats of its command, made from the registry
    CheckFormat: TypeAlias = Format
    HistoryFormat: TypeAlias = Format
    DiffFormat: TypeAlias = Format
else:
    CheckFormat = format_option(Subject.CHECK)
    HistoryFormat = format_option(Subject.HISTORY)
    DiffFormat = format_option(Subject.DIFF)


class Only(StrEnum):
    FLAGGED = "flagged"


MAX_MB = 1000.0
"""The largest --max-size: a plan file of a gigabyte is a mistake, not a plan."""
DEFAULT_MAX_MB = MAX_BYTES / 1_000_000


def finite(low: float, high: float) -> Callable[[Any], float]:
    """The parser of a number option: finite, and between `low` and `high` — in the project's
    words, not the option library's ("Input should be a valid number")."""

    def parse(text: Any) -> float:
        try:
            value = float(text)
        except (TypeError, ValueError):
            value = math.nan
        if not (math.isfinite(value) and low <= value <= high):
            raise typer.BadParameter(messages.not_a_number(str(text), low, high))
        return value

    return parse


def _whole(text: Any) -> int:
    """--jobs: a whole number, 0 or more."""
    try:
        value = int(str(text).strip())
    except ValueError:
        value = -1
    if value < 0:
        raise typer.BadParameter(messages.not_a_whole_number(str(text)))
    return value


def megabytes(value: float) -> int:
    """--max-size in bytes."""
    return int(value * 1_000_000)


def _parse_date(text: str) -> date:
    from planaudit.core.values import iso_date

    try:
        return iso_date(text)
    except ValueError:
        raise typer.BadParameter(messages.not_a_date(text)) from None


def writer_for(
    subject: Subject, chosen: StrEnum, options: RenderOptions
) -> tuple[Format, Renderer[Any, Any]]:
    """The renderer of `--format` for a command's report, or a usage error: a format whose
    library is not installed, a workbook asked for on a terminal."""
    format = Format(chosen)
    try:
        writer = renderer(format, options, subject)
    except FormatUnavailable as error:
        raise typer.BadParameter(str(error), param_hint="'--format'") from None
    if writer.binary and not options.to_file:
        raise typer.BadParameter(messages.binary_format(format.value), param_hint="'--format'")
    return format, writer


PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar=text("metavar.path"),
        callback=stdin_once,
        help=text("help.paths"),
        show_default=False,
    ),
]
MaxSizeOption = Annotated[
    float,
    typer.Option(
        "--max-size",
        metavar=text("metavar.megabytes"),
        parser=finite(0.001, MAX_MB),
        help=text("help.max_size"),
    ),
]
AsOfOption = Annotated[
    date | None,
    typer.Option(
        "--as-of",
        metavar=text("metavar.date"),
        parser=_parse_date,
        help=text("help.as_of"),
    ),
]
EncodingOption = Annotated[
    Encoding,
    typer.Option(
        "--encoding",
        help=text("help.encoding"),
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar=text("metavar.file"), help=text("help.output")),
]
LangOption = Annotated[
    Lang,
    typer.Option("--lang", help=text("help.lang")),
]
FailOnOption = Annotated[
    FailOn,
    typer.Option(
        "--fail-on",
        help=text("help.fail_on"),
    ),
]
ToleranceOption = Annotated[
    float | None,
    typer.Option(
        "--tolerance",
        metavar=text("metavar.points"),
        parser=finite(0, 100),
        help=text("help.tolerance"),
    ),
]
OnlyOption = Annotated[Only | None, typer.Option("--only", help=text("help.only"))]
ForecastOption = Annotated[
    bool,
    typer.Option(
        "--forecast",
        help=text("help.forecast"),
    ),
]
RecoveryOption = Annotated[
    float,
    typer.Option(
        "--recovery-factor",
        metavar=text("metavar.times"),
        parser=finite(1, 1000),
        help=text("help.recovery_factor"),
    ),
]
JobsOption = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        parser=_whole,
        metavar=text("metavar.count"),
        help=text("help.jobs"),
    ),
]
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help=text("help.quiet"),
    ),
]
NoColorOption = Annotated[
    bool,
    typer.Option("--no-color", help=text("help.no_color")),
]

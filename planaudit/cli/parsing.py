"""How argv is parsed: the Typer application, its own options (--version, --debug) and the options
its commands share, each parsed and checked once — values arrive as dates, enums and numbers in
range, or the command stops with a usage error (exit 2)."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias

import typer

from planaudit.cli import messages
from planaudit.cli.messages import DEBUG_ENV
from planaudit.core.terms import FailOn
from planaudit.io.source import MAX_BYTES, Encoding
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

app = typer.Typer(
    name="planaudit",
    help="Audit plan progress against the pace of the year (序时进度, 时间过半、任务过半).",
    add_completion=False,
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
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option("--debug", help=f"Show the traceback of an internal error ({DEBUG_ENV}=1)."),
    ] = False,
) -> None:
    """Audit plan progress against the pace of the year (序时进度, 时间过半、任务过半)."""


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
        metavar="PATH",
        help="Plan files, or directories searched for *.yaml/*.yml. Default: plans/",
        show_default=False,
    ),
]
MaxSizeOption = Annotated[
    float,
    typer.Option(
        "--max-size",
        metavar="MB",
        parser=finite(0.001, MAX_MB),
        help="Refuse plan files larger than this many megabytes.",
    ),
]
AsOfOption = Annotated[
    date | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        parser=_parse_date,
        help="Audit at this date, e.g. 2018-06-30 (overrides as_of in the files).",
    ),
]
EncodingOption = Annotated[
    Encoding,
    typer.Option(
        "--encoding",
        help="auto: UTF-8 (a BOM accepted), UTF-16 with a BOM, or GB18030 (GBK) when the bytes "
        "leave no doubt, with a notice; utf-8: never GB18030; gb18030: read as GB18030.",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write the report here, not stdout."),
]
LangOption = Annotated[
    Lang,
    typer.Option("--lang", help="Language of labels: auto is Chinese for a Chinese plan."),
]
FailOnOption = Annotated[
    FailOn,
    typer.Option(
        "--fail-on",
        help="Exit 1 when something is this bad: behind (behind, missed, or figures that "
        "disagree: a wrong stated rate or gap, parts, a restatement), watch (anything "
        "flagged) or never.",
    ),
]
ToleranceOption = Annotated[
    float | None,
    typer.Option(
        "--tolerance",
        metavar="POINTS",
        parser=finite(0, 100),
        help="Points under the pace still counted as watch (overrides the plan's).",
    ),
]
OnlyOption = Annotated[
    Only | None, typer.Option("--only", help="Show only the flagged indicators.")
]
ForecastOption = Annotated[
    bool,
    typer.Option(
        "--forecast",
        help="Also show what the rest of the period must deliver (table, Markdown).",
    ),
]
RecoveryOption = Annotated[
    float,
    typer.Option(
        "--recovery-factor",
        metavar="TIMES",
        parser=finite(1, 1000),
        help="A pace needed this many times the pace so far is a recovery case.",
    ),
]
JobsOption = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        parser=_whole,
        metavar="N",
        help="Processes for large inputs (0: one per available core).",
    ),
]

"""The commands that write a text other than a report: draft (a plan file from a report) and
schema (the JSON Schema of a plan file)."""

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from planaudit.cli import messages
from planaudit.cli.config import ConfigOption, NoConfigOption
from planaudit.cli.exits import Exit, guarded
from planaudit.cli.inputs import stdin_once
from planaudit.cli.library import Command
from planaudit.cli.parsing import (
    DEFAULT_MAX_MB,
    MAX_MB,
    EncodingOption,
    app,
    debugging,
    finite,
    megabytes,
)
from planaudit.cli.streams import (
    report_to,
    say,
    tell,
)
from planaudit.core.errors import PlanError, Problem, shown_path
from planaudit.io.source import Encoding
from planaudit.lang import Message, text


@app.command(
    cls=Command,
    help=text("help.draft"),
    short_help=text("help.draft.short"),
    epilog=text("help.draft.epilog"),
)
def draft(
    ctx: typer.Context,
    report: Annotated[
        Path,
        typer.Argument(
            metavar=text("metavar.report"),
            callback=stdin_once,
            help=text("help.draft.report"),
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar=text("metavar.file"), help=text("help.draft.output")
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=text("help.draft.force"))] = False,
    max_size: Annotated[
        float,
        typer.Option(
            "--max-size",
            metavar=text("metavar.megabytes"),
            callback=finite(0.001, MAX_MB),
            help=text("help.draft.max_size"),
        ),
    ] = DEFAULT_MAX_MB,
    encoding: EncodingOption = Encoding.AUTO,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """The help is the catalogs' "help.draft"."""
    from planaudit import draft as drafting
    from planaudit.io.source import Kind, read_source

    def work() -> int:
        if output is not None and output.exists() and not force:
            tell(messages.draft_exists(shown_path(output)))
            return Exit.INVALID
        try:
            source = read_source(report, megabytes(max_size), encoding, Kind.REPORT)
            if source.detected is not None:
                tell(messages.read_as(shown_path(report), source.detected))
            text = source.text
        except PlanError as error:
            say(error.problems)
            return Exit.INVALID
        made = drafting.draft(text, shown_path(report), date.today().year)
        if not made.indicators:  # a plan needs one: the draft would not even validate
            say([Problem(str(report), 1, 1, Message("cli.nothing_to_draft"))])
            return Exit.INVALID
        with report_to(output, [report]) as write:
            write(drafting.to_yaml(made))
        tell(drafting.summary(made))
        return Exit.OK

    raise typer.Exit(guarded(work, debugging(ctx)))


@app.command(
    cls=Command,
    help=text("help.schema"),
    short_help=text("help.schema.short"),
    epilog=text("help.schema.epilog"),
)
def schema(ctx: typer.Context) -> None:
    """The help is the catalogs' "help.schema"."""
    from planaudit.core.schema import schema_text

    def work() -> int:
        with report_to(None) as write:
            write(schema_text())
        return Exit.OK

    raise typer.Exit(guarded(work, debugging(ctx)))

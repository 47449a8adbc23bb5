"""The commands that write a text other than a report: draft (a plan file from a report) and
schema (the JSON Schema of a plan file)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from planaudit.cli import messages
from planaudit.cli.config import ConfigOption, NoConfigOption
from planaudit.cli.exits import Exit, guarded
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


@app.command(epilog="Example: planaudit draft reports/chaoyang-2018-h1.txt -o plans/draft.yaml")
def draft(
    ctx: typer.Context,
    report: Annotated[Path, typer.Argument(metavar="REPORT.txt", help="The report's text.")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the draft here, not stdout."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the --output file if it exists.")
    ] = False,
    max_size: Annotated[
        float,
        typer.Option(
            "--max-size",
            metavar="MB",
            callback=finite(0.001, MAX_MB),
            help="Refuse reports larger than this.",
        ),
    ] = DEFAULT_MAX_MB,
    encoding: EncodingOption = Encoding.AUTO,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Draft a plan file from a report's text, for a person to finish: its progress sentences
    become indicators (actual, stated rate, unit, verbatim source), full-year targets of its
    measures part are matched to them where they can be, and every guess is marked
    `# guess` in the YAML. Exit 0, or 2 when the report cannot be read."""
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
            say([Problem(str(report), 1, 1, messages.nothing_to_draft())])
            return Exit.INVALID
        with report_to(output, [report]) as write:
            write(drafting.to_yaml(made))
        tell(drafting.summary(made))
        return Exit.OK

    raise typer.Exit(guarded(work, debugging(ctx)))


@app.command(epilog="Example: planaudit schema > planaudit.schema.json")
def schema(ctx: typer.Context) -> None:
    """Print the JSON Schema (draft 2020-12) of a plan file, for editors and other tools."""
    from planaudit.core.schema import schema_text

    def work() -> int:
        with report_to(None) as write:
            write(schema_text())
        return Exit.OK

    raise typer.Exit(guarded(work, debugging(ctx)))

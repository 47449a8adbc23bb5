"""The commands: each parses its options, calls the core, renders what it returns and
exits with the code of its conclusion. The only module that exits."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer

from planaudit.cli import messages
from planaudit.cli.exits import DEBUG_ENV, EXITS, Exit, guarded, on_signals, stopped
from planaudit.cli.exits import Terminated as Terminated
from planaudit.cli.parsing import (
    DEFAULT_MAX_MB,
    MAX_MB,
    AsOfOption,
    CheckFormat,
    DiffFormat,
    FailOnOption,
    ForecastOption,
    HistoryFormat,
    JobsOption,
    LangOption,
    MaxSizeOption,
    Only,
    OnlyOption,
    OutputOption,
    PathsArgument,
    RecoveryOption,
    ToleranceOption,
    app,
    debugging,
    finite,
    megabytes,
    writer_for,
)
from planaudit.cli.streams import (
    append_step_summary,
    for_output,
    report_to,
    say,
    step_summary,
    tell,
)
from planaudit.core.errors import PlanError, Problem, shown_path
from planaudit.core.terms import Conclusion, FailOn
from planaudit.render.registry import Format, Lang, PlanText, RenderOptions, Subject

__all__ = ["DEBUG_ENV", "Exit", "app", "main"]


@app.command(
    epilog="Example: planaudit check plans/chaoyang-2018.yaml --as-of 2018-06-30 --format json",
)
def check(
    ctx: typer.Context,
    paths: PathsArgument = None,
    as_of: AsOfOption = None,
    format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="Report format.")
    ] = CheckFormat.TABLE,
    output: OutputOption = None,
    fail_on: FailOnOption = FailOn.BEHIND,
    tolerance: ToleranceOption = None,
    lang: LangOption = Lang.AUTO,
    only: OnlyOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_MB,
    forecast: ForecastOption = False,
    recovery_factor: RecoveryOption = 2.0,
    jobs: JobsOption = 0,
) -> None:
    """Audit plan files: each indicator's completion against the pace (序时进度).

    Exit codes: 0 nothing flagged at the --fail-on level, 1 something flagged,
    2 bad usage or an invalid plan file, 3 internal error.
    """
    from planaudit.core.run import Request, Settings, start
    from planaudit.io import discover
    from planaudit.io.parallel import available_cores

    options = RenderOptions(
        lang=lang, fail_on=fail_on, to_file=output is not None, forecast=forecast
    )
    table = format == Format.TABLE  # documents are written whole; a table streams
    writer_options = for_output(options, table=table)
    chosen, writer = writer_for(Subject.CHECK, format, writer_options)
    settings = Settings(
        as_of=as_of,
        tolerance=None if tolerance is None else Decimal(str(tolerance)),
        max_bytes=megabytes(max_size),
        recovery_factor=Decimal(str(recovery_factor)),
    )

    def work() -> int:
        summary = step_summary(options)
        independent = writer.independent and summary is None
        run = start(
            Request(
                paths=tuple(discover.named(paths)),
                settings=settings,
                fail_on=fail_on,
                only_flagged=only is Only.FLAGGED,
                jobs=jobs or available_cores(),
                plan_text=PlanText(chosen, writer_options) if independent else None,
            )
        )
        say(run.problems)
        with report_to(output, run.files, table=table, whole=not table) as write:
            write(writer.header())
            for checked in run:
                say(checked.problems)
                if checked.text is not None:
                    write(writer.place(checked.text))
                elif checked.report is not None:
                    write(writer.plan(checked.report))
                    if summary is not None:
                        summary.plan(checked.report)
            write(writer.footer(run.problems, run.rollup))
            if writer.binary:
                write(writer.document())
        if summary is not None:
            append_step_summary(summary.footer(run.problems, run.rollup))
        return EXITS[run.conclusion]

    raise typer.Exit(guarded(work, debugging(ctx)))


@app.command(epilog="Example: planaudit validate plans/")
def validate(
    ctx: typer.Context, paths: PathsArgument = None, max_size: MaxSizeOption = DEFAULT_MAX_MB
) -> None:
    """Check plan files without auditing them: exit 0 when valid, 2 with every problem
    as path:line:col: message. Fast enough for an editor's save hook or pre-commit."""
    from planaudit.io import discover
    from planaudit.io.loader import load_each

    def work() -> int:
        problems: list[Problem] = []
        files = discover.plan_files(discover.named(paths), problems)
        for _ in load_each(files, megabytes(max_size), problems):
            pass
        say(problems)
        if not problems:
            tell(messages.files_valid(len(files)))
        return EXITS[Conclusion.of(bool(problems), False)]

    raise typer.Exit(guarded(work, debugging(ctx)))


@app.command(
    epilog="Example: planaudit verify plans/chaoyang-2018.yaml -r reports/chaoyang-2018-h1.txt"
)
def verify(
    ctx: typer.Context,
    plan: Annotated[Path, typer.Argument(metavar="PLAN", help="The plan file.")],
    report: Annotated[
        Path,
        typer.Option("--report", "-r", metavar="REPORT.txt", help="The report the plan quotes."),
    ],
    targets: Annotated[
        list[Path] | None,
        typer.Option(
            "--targets",
            "-t",
            metavar="DOC.txt",
            help="A document the targets come from (the annual plan); repeatable. Each "
            "target_source must then stand in one of them or in the report.",
        ),
    ] = None,
) -> None:
    """Check that the plan says what its report says: every source quote stands in the report
    (width-normalised, white space ignored, … joining pieces) with the indicator's own figures
    in its unit (its target only where the quote states one); every target_source holds the
    target. Progress figures of the report that no indicator cites are listed. Exit 1 on any
    mismatch."""
    from planaudit.core.verify import verification
    from planaudit.io.loader import load
    from planaudit.io.source import read_text

    _, writer = writer_for(Subject.VERIFY, Format.TABLE, RenderOptions())

    def work() -> int:
        try:
            loaded = load(plan)
            text = read_text(report)
            documents = [read_text(path) for path in targets] if targets else None
        except PlanError as error:
            say(error.problems)
            return Exit.INVALID
        verified = verification(loaded, shown_path(report), text, documents)
        with report_to(None) as write:
            write(writer.plan(verified))
        return EXITS[verified.conclusion]

    raise typer.Exit(guarded(work, debugging(ctx)))


@app.command(epilog="Example: planaudit history plans/ --format markdown")
def history(
    ctx: typer.Context,
    paths: PathsArgument = None,
    as_of: AsOfOption = None,
    format: Annotated[
        HistoryFormat, typer.Option("--format", "-f", help="Report format.")
    ] = HistoryFormat.TABLE,
    output: OutputOption = None,
    lang: LangOption = Lang.AUTO,
    max_size: MaxSizeOption = DEFAULT_MAX_MB,
) -> None:
    """Trace each indicator across its report dates (actual or stated given as
    {date: figure}): its completion and status at each, with a small trend bar, and any
    cumulative figure restated down. Exit 0, or 2 for an invalid plan file."""
    from planaudit.core.history import traced
    from planaudit.io import discover
    from planaudit.io.loader import load_each

    table = format == Format.TABLE
    options = for_output(RenderOptions(lang=lang, to_file=output is not None), table=table)
    _, writer = writer_for(Subject.HISTORY, format, options)

    def work() -> int:
        problems: list[Problem] = []
        files = discover.plan_files(discover.named(paths), problems)
        histories = [
            traced(plan, as_of) for plan in load_each(files, megabytes(max_size), problems)
        ]
        say(problems)
        with report_to(output, files, table=table, whole=format == Format.JSON) as write:
            write(writer.header())
            for traced_plan in histories:
                write(writer.plan(traced_plan))
            write(writer.footer(problems))
        return EXITS[Conclusion.of(bool(problems), False)]

    raise typer.Exit(guarded(work, debugging(ctx)))


@app.command(
    epilog="Examples: planaudit diff old/chaoyang.yaml plans/chaoyang-2018.yaml; "
    "planaudit diff --since origin/main plans/",
)
def diff(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="OLD NEW | PATH…",
            help="Two plan files (old, new); with --since, plan files or directories "
            "(default plans/).",
            show_default=False,
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="REV",
            help="Compare the plan files under PATH with their version at this git revision.",
        ),
    ] = None,
    as_of: AsOfOption = None,
    format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="Report format.")
    ] = DiffFormat.TABLE,
    output: OutputOption = None,
    lang: LangOption = Lang.AUTO,
    max_size: MaxSizeOption = DEFAULT_MAX_MB,
) -> None:
    """What changed between two versions of a plan: targets raised or lowered, indicators
    added or removed, kind / direction / binding changed, figures restated, statuses moved.
    Indicators are matched by id, else by name. A change that makes the plan easier to pass
    (a target cut during the period, an indicator dropped, binding removed) is flagged.

    Exit codes: 0 no flagged change, 1 a flagged change, 2 bad usage or an invalid file.
    """
    from planaudit.core import versions
    from planaudit.io import discover

    if since is None and len(paths or []) != 2:
        raise typer.BadParameter(messages.two_files_or_since())
    table = format == Format.TABLE
    options = for_output(RenderOptions(lang=lang, to_file=output is not None), table=table)
    _, writer = writer_for(Subject.DIFF, format, options)

    def work() -> int:
        max_bytes = megabytes(max_size)
        try:
            if since is None:
                assert paths is not None
                compared = versions.two_files(paths[0], paths[1], as_of, max_bytes)
            else:
                compared = versions.since(since, discover.named(paths), as_of, max_bytes)
        except versions.RevisionError as error:
            tell(messages.revision_failed(str(since), str(error)))
            return Exit.INVALID
        say(compared.problems)
        whole = format == Format.JSON
        with report_to(output, compared.inputs, table=table, whole=whole) as write:
            write(writer.header())
            for changed in compared.diffs:
                write(writer.plan(changed))
            write(writer.footer(compared.problems, compared))
        return EXITS[compared.conclusion]

    raise typer.Exit(guarded(work, debugging(ctx)))


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
) -> None:
    """Draft a plan file from a report's text, for a person to finish: its progress sentences
    become indicators (actual, stated rate, unit, verbatim source), full-year targets of its
    measures part are matched to them where they can be, and every guess is marked
    `# guess` in the YAML. Exit 0, or 2 when the report cannot be read."""
    from planaudit import draft as drafting
    from planaudit.io.source import read_text

    def work() -> int:
        if output is not None and output.exists() and not force:
            tell(messages.draft_exists(shown_path(output)))
            return Exit.INVALID
        try:
            text = read_text(report, megabytes(max_size))
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


def main() -> None:
    on_signals()
    try:
        app()
    except KeyboardInterrupt:  # outside a command's own guard: while starting up or parsing
        tell(messages.interrupted())
        raise SystemExit(Exit.INTERRUPTED) from None
    except Terminated as stop:
        raise SystemExit(stopped(stop.signum)) from None

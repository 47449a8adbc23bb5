"""The commands that read plan files and judge them: check audits them against the pace,
validate only reads them, verify holds them against their report."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer

from planaudit.cli import messages
from planaudit.cli.config import ConfigOption, NoConfigOption
from planaudit.cli.exits import EXITS, Exit, guarded
from planaudit.cli.parsing import (
    DEFAULT_MAX_MB,
    AsOfOption,
    CheckFormat,
    EncodingOption,
    FailOnOption,
    ForecastOption,
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
from planaudit.io.source import Encoding
from planaudit.render.registry import Format, Lang, PlanText, RenderOptions, Subject


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
    encoding: EncodingOption = Encoding.AUTO,
    forecast: ForecastOption = False,
    recovery_factor: RecoveryOption = 2.0,
    jobs: JobsOption = 0,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
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
        encoding=encoding,
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
                if checked.read_as is not None:
                    tell(messages.read_as(*checked.read_as))
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
    ctx: typer.Context,
    paths: PathsArgument = None,
    max_size: MaxSizeOption = DEFAULT_MAX_MB,
    encoding: EncodingOption = Encoding.AUTO,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Check plan files without auditing them: exit 0 when valid, 2 with every problem
    as path:line:col: message. Fast enough for an editor's save hook or pre-commit."""
    from planaudit.io import discover
    from planaudit.io.loader import load_each

    def work() -> int:
        problems: list[Problem] = []
        files = discover.plan_files(discover.named(paths), problems)
        for loaded in load_each(files, megabytes(max_size), problems, encoding):
            if loaded.read_as is not None:
                tell(messages.read_as(loaded.path, loaded.read_as))
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
    encoding: EncodingOption = Encoding.AUTO,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Check that the plan says what its report says: every source quote stands in the report
    (width-normalised, white space ignored, … joining pieces) with the indicator's own figures
    in its unit (its target only where the quote states one); every target_source holds the
    target. Progress figures of the report that no indicator cites are listed. Exit 1 on any
    mismatch."""
    from planaudit.core.verify import verification
    from planaudit.io.loader import load
    from planaudit.io.source import Kind, read_source

    _, writer = writer_for(Subject.VERIFY, Format.TABLE, RenderOptions())

    def work() -> int:
        try:
            loaded = load(plan, encoding=encoding)
            if loaded.read_as is not None:
                tell(messages.read_as(loaded.path, loaded.read_as))
            documents_read = [report, *(targets or [])]
            texts = [
                read_source(path, encoding=encoding, kind=Kind.REPORT) for path in documents_read
            ]
            for path, source in zip(documents_read, texts, strict=True):
                if source.detected is not None:
                    tell(messages.read_as(shown_path(path), source.detected))
            text = texts[0].text
            documents = [source.text for source in texts[1:]] if targets else None
        except PlanError as error:
            say(error.problems)
            return Exit.INVALID
        verified = verification(loaded, shown_path(report), text, documents)
        with report_to(None) as write:
            write(writer.plan(verified))
        return EXITS[verified.conclusion]

    raise typer.Exit(guarded(work, debugging(ctx)))

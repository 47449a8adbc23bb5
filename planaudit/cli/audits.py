"""The commands that read plan files and judge them: check audits them against the pace,
validate only reads them, verify holds them against their report."""

from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer

from planaudit.cli import formats, messages
from planaudit.cli.config import ConfigOption, NoConfigOption
from planaudit.cli.exits import EXITS, Exit, guarded
from planaudit.cli.inputs import stdin_once
from planaudit.cli.library import Command
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
    NoColorOption,
    Only,
    OnlyOption,
    OutputOption,
    PathsArgument,
    QuietOption,
    RecoveryOption,
    ToleranceOption,
    app,
    debugging,
    megabytes,
    speak,
    writer_for,
)
from planaudit.cli.streams import (
    append_step_summary,
    for_output,
    report_to,
    say,
    step_summary,
    tell,
    unless_empty,
)
from planaudit.core.errors import PlanError, Problem, shown_path
from planaudit.core.terms import Conclusion, FailOn
from planaudit.io.source import Encoding
from planaudit.lang import text
from planaudit.render.registry import Format, Lang, PlanText, RenderOptions, Subject


@app.command(
    cls=Command,
    help=text("help.check"),
    short_help=text("help.check.short"),
    epilog=text("help.check.epilog"),
)
def check(
    ctx: typer.Context,
    paths: PathsArgument = None,
    as_of: AsOfOption = None,
    format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help=text("help.format"))
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
    quiet: QuietOption = False,
    no_color: NoColorOption = False,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """The help is the catalogs' "help.check"."""
    lang = speak(lang)
    from planaudit.core.run import Request, Settings, start
    from planaudit.io import discover
    from planaudit.io.parallel import available_cores

    format = formats.chosen(ctx, format, output, Subject.CHECK)
    options = RenderOptions(
        lang=lang, fail_on=fail_on, to_file=output is not None, forecast=forecast, quiet=quiet
    )
    table = format == Format.TABLE  # documents are written whole; a table streams
    writer_options = for_output(options, table=table, no_color=no_color)
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
            audited = False
            for checked in run:
                if checked.read_as is not None:
                    tell(messages.read_as(*checked.read_as))
                say(checked.problems)
                say(checked.hints)
                if checked.text is not None:
                    write(writer.place(checked.text))
                elif checked.report is not None:
                    write(writer.plan(checked.report))
                    if summary is not None:
                        summary.plan(checked.report)
                audited = audited or checked.text is not None or checked.report is not None
            unless_empty(output, audited, run.problems, writer)
            write(writer.footer(run.problems, run.rollup))
            if writer.binary:
                write(writer.document())
        if summary is not None:
            append_step_summary(summary.footer(run.problems, run.rollup))
        return EXITS[run.conclusion]

    raise typer.Exit(guarded(work, debugging(ctx)))


@app.command(
    cls=Command,
    help=text("help.validate"),
    short_help=text("help.validate.short"),
    epilog=text("help.validate.epilog"),
)
def validate(
    ctx: typer.Context,
    paths: PathsArgument = None,
    max_size: MaxSizeOption = DEFAULT_MAX_MB,
    encoding: EncodingOption = Encoding.AUTO,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=text("help.validate.quiet"))] = False,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """The help is the catalogs' "help.validate"."""
    from planaudit.io import discover
    from planaudit.io.loader import load_each

    def work() -> int:
        problems: list[Problem] = []
        files = discover.plan_files(discover.named(paths), problems)
        for loaded in load_each(files, megabytes(max_size), problems, encoding):
            if loaded.read_as is not None:
                tell(messages.read_as(loaded.path, loaded.read_as))
            say(loaded.hints)
        say(problems)
        if not problems and not quiet:
            tell(messages.files_valid(len(files)))
        return EXITS[Conclusion.of(bool(problems), False)]

    raise typer.Exit(guarded(work, debugging(ctx)))


@app.command(
    cls=Command,
    help=text("help.verify"),
    short_help=text("help.verify.short"),
    epilog=text("help.verify.epilog"),
)
def verify(
    ctx: typer.Context,
    plan: Annotated[
        Path,
        typer.Argument(
            metavar=text("metavar.plan"), callback=stdin_once, help=text("help.verify.plan")
        ),
    ],
    report: Annotated[
        Path,
        typer.Option(
            "--report",
            "-r",
            metavar=text("metavar.report"),
            callback=stdin_once,
            help=text("help.verify.report"),
        ),
    ],
    targets: Annotated[
        list[Path] | None,
        typer.Option(
            "--targets",
            "-t",
            metavar=text("metavar.document"),
            callback=stdin_once,
            help=text("help.verify.targets"),
        ),
    ] = None,
    encoding: EncodingOption = Encoding.AUTO,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """The help is the catalogs' "help.verify"."""
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

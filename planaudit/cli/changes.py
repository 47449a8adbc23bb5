"""The commands that compare figures over time: history (report dates within a plan file) and
diff (two versions of one)."""

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
    DiffFormat,
    EncodingOption,
    HistoryFormat,
    LangOption,
    MaxSizeOption,
    NoColorOption,
    OutputOption,
    PathsArgument,
    app,
    debugging,
    megabytes,
    speak,
    writer_for,
)
from planaudit.cli.streams import (
    for_output,
    report_to,
    say,
    tell,
    unless_empty,
)
from planaudit.core.errors import Problem
from planaudit.core.terms import Conclusion
from planaudit.io.source import STDIN, Encoding
from planaudit.lang import text
from planaudit.render.registry import Format, Lang, RenderOptions, Subject


@app.command(
    cls=Command,
    help=text("help.history"),
    short_help=text("help.history.short"),
    epilog=text("help.history.epilog"),
)
def history(
    ctx: typer.Context,
    paths: PathsArgument = None,
    as_of: AsOfOption = None,
    format: Annotated[
        HistoryFormat, typer.Option("--format", "-f", help=text("help.format"))
    ] = HistoryFormat.TABLE,
    output: OutputOption = None,
    lang: LangOption = Lang.AUTO,
    max_size: MaxSizeOption = DEFAULT_MAX_MB,
    encoding: EncodingOption = Encoding.AUTO,
    no_color: NoColorOption = False,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """The help is the catalogs' "help.history"."""
    lang = speak(lang)
    from planaudit.core.history import traced
    from planaudit.io import discover
    from planaudit.io.loader import load_each

    format = formats.chosen(ctx, format, output, Subject.HISTORY)
    table = format == Format.TABLE
    options = RenderOptions(lang=lang, to_file=output is not None)
    options = for_output(options, table=table, no_color=no_color)
    _, writer = writer_for(Subject.HISTORY, format, options)

    def work() -> int:
        problems: list[Problem] = []
        files = discover.plan_files(discover.named(paths), problems)
        histories = []
        for plan in load_each(files, megabytes(max_size), problems, encoding):
            if plan.read_as is not None:
                tell(messages.read_as(plan.path, plan.read_as))
            histories.append(traced(plan, as_of))
        say(problems)
        with report_to(output, files, table=table, whole=format == Format.JSON) as write:
            unless_empty(output, bool(histories), problems, writer)
            write(writer.header())
            for traced_plan in histories:
                write(writer.plan(traced_plan))
            write(writer.footer(problems))
        return EXITS[Conclusion.of(bool(problems), False)]

    raise typer.Exit(guarded(work, debugging(ctx)))


@app.command(
    cls=Command,
    help=text("help.diff"),
    short_help=text("help.diff.short"),
    epilog=text("help.diff.epilog"),
)
def diff(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar=text("metavar.old_new"),
            callback=stdin_once,
            help=text("help.diff.paths"),
            show_default=False,
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar=text("metavar.revision"),
            help=text("help.diff.since"),
        ),
    ] = None,
    as_of: AsOfOption = None,
    format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help=text("help.format"))
    ] = DiffFormat.TABLE,
    output: OutputOption = None,
    lang: LangOption = Lang.AUTO,
    max_size: MaxSizeOption = DEFAULT_MAX_MB,
    encoding: EncodingOption = Encoding.AUTO,
    no_color: NoColorOption = False,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """The help is the catalogs' "help.diff"."""
    lang = speak(lang)
    from planaudit.core import versions
    from planaudit.io import discover

    if since is None and len(paths or []) != 2:
        raise typer.BadParameter(messages.two_files_or_since())
    if since is not None and STDIN in (paths or []):
        raise typer.BadParameter(messages.stdin_with_since())
    format = formats.chosen(ctx, format, output, Subject.DIFF)
    table = format == Format.TABLE
    options = RenderOptions(lang=lang, to_file=output is not None)
    options = for_output(options, table=table, no_color=no_color)
    _, writer = writer_for(Subject.DIFF, format, options)

    def work() -> int:
        max_bytes = megabytes(max_size)
        try:
            if since is None:
                assert paths is not None
                compared = versions.two_files(paths[0], paths[1], as_of, max_bytes, encoding)
            else:
                compared = versions.since(since, discover.named(paths), as_of, max_bytes, encoding)
        except versions.RevisionError as error:
            tell(messages.revision_failed(str(since), str(error)))
            return Exit.INVALID
        for path, detected in compared.read_as:
            tell(messages.read_as(path, detected))
        say(compared.problems)
        whole = format == Format.JSON
        with report_to(output, compared.inputs, table=table, whole=whole) as write:
            unless_empty(output, bool(compared.diffs), compared.problems, writer)
            write(writer.header())
            for changed in compared.diffs:
                write(writer.plan(changed))
            write(writer.footer(compared.problems, compared))
        return EXITS[compared.conclusion]

    raise typer.Exit(guarded(work, debugging(ctx)))

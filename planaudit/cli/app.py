"""The command line: options → load → audit → render → one exit code. The only module that exits."""

from __future__ import annotations

import contextlib
import math
import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from decimal import Decimal
from enum import IntEnum, StrEnum
from pathlib import Path
from types import ModuleType
from typing import Annotated

import typer

from planaudit import __version__
from planaudit.core.errors import PlanError, Problem, one_line, shown_path
from planaudit.core.results import Conclusion, FailOn
from planaudit.io.output import Output, OutputError
from planaudit.io.source import MAX_BYTES
from planaudit.render import (
    Format,
    FormatUnavailable,
    PlanText,
    Renderer,
    RenderOptions,
    renderer,
)
from planaudit.render.words import Lang

DEBUG_ENV = "PLANAUDIT_DEBUG"
STEP_SUMMARY_ENV = "GITHUB_STEP_SUMMARY"


class Exit(IntEnum):
    """CONTRACT §3.1, and 130 for Ctrl-C."""

    OK = 0
    FLAGGED = 1
    INVALID = 2
    INTERNAL = 3
    HUNG_UP = 128 + signal.SIGHUP
    INTERRUPTED = 130
    TERMINATED = 128 + signal.SIGTERM


_EXITS = {
    Conclusion.CLEAN: Exit.OK,
    Conclusion.FLAGGED: Exit.FLAGGED,
    Conclusion.INVALID: Exit.INVALID,
}
"""What each run's conclusion exits with."""


class Terminated(BaseException):
    """SIGTERM or SIGHUP, raised where the program stands so that it cleans up as for Ctrl-C:
    the temporary output removed, the worker processes ended. A BaseException, like
    KeyboardInterrupt, so that no `except Exception` swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_received: list[int] = []
"""The signals received: an exception raised in a handler can be lost (raised inside a callback
that ignores exceptions), so the run's end looks here too."""


def _terminate(signum: int, frame: object) -> None:
    _received.append(signum)
    raise Terminated(signum)


class Only(StrEnum):
    FLAGGED = "flagged"


app = typer.Typer(
    name="planaudit",
    help="Audit plan progress against the pace of the year (序时进度, 时间过半、任务过半).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="PATH",
        help="Plan files, or directories searched for *.yaml/*.yml. Default: plans/",
        show_default=False,
    ),
]


MAX_MB = 1000.0
"""The largest --max-size: a plan file of a gigabyte is a mistake, not a plan."""


def _finite(low: float, high: float) -> Callable[[float | None], float | None]:
    """A check of a number option: finite, and between `low` and `high`."""

    def check(value: float | None) -> float | None:
        if value is not None and not (math.isfinite(value) and low <= value <= high):
            raise typer.BadParameter(f"{value} is not a number from {low:g} to {high:g}")
        return value

    return check


MaxSizeOption = Annotated[
    float,
    typer.Option(
        "--max-size",
        metavar="MB",
        callback=_finite(0.001, MAX_MB),
        help="Refuse plan files larger than this many megabytes.",
    ),
]
DEFAULT_MAX_MB = MAX_BYTES / 1_000_000


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"planaudit {__version__}")
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
    if debug:
        os.environ[DEBUG_ENV] = "1"


def _parse_date(text: str) -> date:
    from planaudit.core.model import iso_date

    try:
        return iso_date(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a date such as 2018-06-30") from None


class View(StrEnum):
    """The formats of history and diff."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


AsOfOption = Annotated[
    date | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        parser=_parse_date,
        help="Audit at this date, e.g. 2018-06-30 (overrides as_of in the files).",
    ),
]
ViewOption = Annotated[View, typer.Option("--format", "-f", help="Report format.")]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write the report here, not stdout."),
]
LangOption = Annotated[
    Lang,
    typer.Option("--lang", help="Language of labels: auto is Chinese for a Chinese plan."),
]


@app.command(
    epilog="Example: planaudit check plans/chaoyang-2018.yaml --as-of 2018-06-30 --format json",
)
def check(
    paths: PathsArgument = None,
    as_of: AsOfOption = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Report format.")] = Format.TABLE,
    output: OutputOption = None,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            help="Exit 1 when something is this bad: behind (behind, missed, or figures that "
            "disagree: a wrong stated rate or gap, parts, a restatement), watch (anything "
            "flagged) or never.",
        ),
    ] = FailOn.BEHIND,
    tolerance: Annotated[
        float | None,
        typer.Option(
            "--tolerance",
            metavar="POINTS",
            callback=_finite(0, 100),
            help="Points under the pace still counted as watch (overrides the plan's).",
        ),
    ] = None,
    lang: LangOption = Lang.AUTO,
    only: Annotated[
        Only | None, typer.Option("--only", help="Show only the flagged indicators.")
    ] = None,
    max_size: MaxSizeOption = DEFAULT_MAX_MB,
    forecast: Annotated[
        bool,
        typer.Option(
            "--forecast",
            help="Also show what the rest of the period must deliver (table, Markdown).",
        ),
    ] = False,
    recovery_factor: Annotated[
        float,
        typer.Option(
            "--recovery-factor",
            metavar="TIMES",
            callback=_finite(1, 1000),
            help="A pace needed this many times the pace so far is a recovery case.",
        ),
    ] = 2.0,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            metavar="N",
            help="Processes for large inputs (0: one per available core).",
        ),
    ] = 0,
) -> None:
    """Audit plan files: each indicator's completion against the pace (序时进度).

    Exit codes: 0 nothing flagged at the --fail-on level, 1 something flagged,
    2 bad usage or an invalid plan file, 3 internal error.
    """
    from planaudit.core.run import Request, Settings, start
    from planaudit.io import discover
    from planaudit.io.parallel import available_cores

    settings = Settings(
        as_of=as_of,
        tolerance=None if tolerance is None else Decimal(str(tolerance)),
        max_bytes=_bytes(max_size),
        recovery_factor=Decimal(str(recovery_factor)),
    )
    options = RenderOptions(
        lang=lang, fail_on=fail_on, to_file=output is not None, forecast=forecast
    )
    targets = discover.named(paths)
    writer_options = _for_output(options, table=format is Format.TABLE)
    try:
        writer = renderer(format, writer_options)
    except FormatUnavailable as error:
        raise typer.BadParameter(str(error), param_hint="'--format'") from None
    if writer.binary and output is None:
        message = f"{format.value} is a binary file, not for a terminal: give --output FILE"
        raise typer.BadParameter(message, param_hint="'--format'")

    def work() -> int:
        summary = _step_summary_renderer(options)
        independent = writer.independent and summary is None
        request = Request(
            paths=tuple(targets),
            settings=settings,
            fail_on=fail_on,
            only_flagged=only is Only.FLAGGED,
            jobs=jobs or available_cores(),
            plan_text=PlanText(format, writer_options) if independent else None,
        )
        run = start(request)
        _report_problems(run.problems)
        table = format is Format.TABLE  # documents are written whole; a table streams
        with _report_to(output, run.files, table=table, whole=not table) as write:
            write(writer.header())
            for checked in run:
                _report_problems(checked.problems)
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
            _append_step_summary(summary.footer(run.problems, run.rollup))
        return _EXITS[run.conclusion]

    raise typer.Exit(_guarded(work))


@app.command(epilog="Example: planaudit validate plans/")
def validate(paths: PathsArgument = None, max_size: MaxSizeOption = DEFAULT_MAX_MB) -> None:
    """Check plan files without auditing them: exit 0 when valid, 2 with every problem
    as path:line:col: message. Fast enough for an editor's save hook or pre-commit."""

    from planaudit.io import discover
    from planaudit.io.loader import load_each

    def work() -> int:
        problems: list[Problem] = []
        files = discover.plan_files(discover.named(paths), problems)
        for _ in load_each(files, _bytes(max_size), problems):
            pass
        _report_problems(problems)
        if problems:
            return Exit.INVALID
        count = len(files)
        print(f"{count} plan file{'s' if count != 1 else ''} valid", file=sys.stderr)
        return Exit.OK

    raise typer.Exit(_guarded(work))


@app.command(
    epilog="Example: planaudit verify plans/chaoyang-2018.yaml -r reports/chaoyang-2018-h1.txt"
)
def verify(
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
    from planaudit.core import verify as checks
    from planaudit.io.loader import load
    from planaudit.io.source import read_text

    def work() -> int:
        try:
            loaded = load(plan)
            text = read_text(report)
            documents = [read_text(path) for path in targets] if targets else None
        except PlanError as error:
            _report_problems(error.problems)
            return Exit.INVALID
        found = checks.mismatches(loaded.plan, text, documents)
        left_out = checks.uncited(loaded.plan, text)
        lines = [
            f"{loaded.path}:{loaded.line_of(m.index)}: {one_line(m.name)}: {m.message}"
            for m in found
        ]
        lines += [
            f"{shown_path(report)}:{u.line}: a progress figure no indicator cites: "
            f"{one_line(u.sentence)}"
            for u in left_out
        ]
        quoted = sum(
            (indicator.source is not None) + (indicator.target_source is not None)
            for indicator in loaded.plan.indicators
        )
        lines.append(
            f"{quoted} quotes checked: {len(found)} mismatches; "
            f"{len(left_out)} progress figures in the report not cited."
        )
        with _report_to(None) as write:
            write("".join(f"{line}\n" for line in lines))
        return Exit.FLAGGED if found else Exit.OK

    raise typer.Exit(_guarded(work))


@app.command(epilog="Example: planaudit history plans/ --format markdown")
def history(
    paths: PathsArgument = None,
    as_of: AsOfOption = None,
    format: ViewOption = View.TABLE,
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
    from planaudit.render import timeline

    def work() -> int:
        problems: list[Problem] = []
        files = discover.plan_files(discover.named(paths), problems)
        loaded = load_each(files, _bytes(max_size), problems)
        histories = [traced(plan, as_of) for plan in loaded]
        _report_problems(problems)
        table, whole = format is View.TABLE, format is View.JSON
        with _report_to(output, files, table=table, whole=whole) as write:
            write(_view_text(timeline, format, histories, problems, lang, output is not None))
        return _EXITS[Conclusion.of(bool(problems), False)]

    raise typer.Exit(_guarded(work))


@app.command(
    epilog="Examples: planaudit diff old/chaoyang.yaml plans/chaoyang-2018.yaml; "
    "planaudit diff --since origin/main plans/",
)
def diff(
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
    format: ViewOption = View.TABLE,
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
    from planaudit.render import changes as view

    if since is None and len(paths or []) != 2:
        raise typer.BadParameter("give two plan files, OLD NEW, or --since REV [PATH…]")

    def work() -> int:
        try:
            if since is None:
                assert paths is not None
                compared = versions.two_files(paths[0], paths[1], as_of, _bytes(max_size))
            else:
                compared = versions.since(since, discover.named(paths), as_of, _bytes(max_size))
        except versions.RevisionError as error:
            print(f"planaudit: --since {since}: {error}", file=sys.stderr)
            return Exit.INVALID
        problems = list(compared.problems)
        _report_problems(problems)
        table, whole = format is View.TABLE, format is View.JSON
        with _report_to(output, compared.inputs, table=table, whole=whole) as write:
            if format is not View.JSON and compared.unchanged:
                shown = " ".join(shown_path(path) for path in compared.paths)
                write(f"No plan file under {shown} changed since {since}.\n")
            else:
                write(_view_text(view, format, compared.diffs, problems, lang, output is not None))
        return _EXITS[compared.conclusion]

    raise typer.Exit(_guarded(work))


@app.command(epilog="Example: planaudit draft reports/chaoyang-2018-h1.txt -o plans/draft.yaml")
def draft(
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
            callback=_finite(0.001, MAX_MB),
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
            message = f"{shown_path(output)} exists: give another name, or --force to replace it"
            print(f"planaudit: {message}", file=sys.stderr)
            return Exit.INVALID
        try:
            text = read_text(report, _bytes(max_size))
        except PlanError as error:
            _report_problems(error.problems)
            return Exit.INVALID
        made = drafting.draft(text, shown_path(report), date.today().year)
        if not made.indicators:  # a plan needs one: the draft would not even validate
            message = "no progress figure or milestone found in the report: nothing to draft"
            _report_problems([Problem(str(report), 1, 1, message)])
            return Exit.INVALID
        with _report_to(output, [report]) as write:
            write(drafting.to_yaml(made))
        print(drafting.summary(made), file=sys.stderr)
        return Exit.OK

    raise typer.Exit(_guarded(work))


def _view_text(
    view: ModuleType,
    format: View,
    items: Sequence[object],
    problems: list[Problem],
    lang: Lang,
    to_file: bool,
) -> str:
    """History's or diff's report: `view` (render.timeline, render.changes) renders one item
    as a table, Markdown or a JSON object."""
    if format is View.JSON:
        return _json_document([view.as_json(item) for item in items], problems)
    options = RenderOptions(lang=lang, to_file=to_file)
    options = _for_output(options, table=format is View.TABLE)
    render = view.markdown if format is View.MARKDOWN else view.table
    return "\n".join(render(item, options) for item in items)


def _json_document(plans: list[dict[str, object]], problems: list[Problem]) -> str:
    """The JSON of history and diff: one object with the plans and the files not read."""
    import json

    errors = [
        {"path": p.path, "line": p.line, "column": p.column, "message": p.message} for p in problems
    ]
    document = {"schema_version": 1, "plans": plans, "errors": errors}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@app.command(epilog="Example: planaudit schema > planaudit.schema.json")
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of a plan file, for editors and other tools."""
    from planaudit.core.schema import schema_text

    def work() -> int:
        with _report_to(None) as write:
            write(schema_text())
        return Exit.OK

    raise typer.Exit(_guarded(work))


def _bytes(megabytes: float) -> int:
    return int(megabytes * 1_000_000)


def _report_problems(problems: tuple[Problem, ...] | list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _for_output(options: RenderOptions, table: bool) -> RenderOptions:
    """Colour and width where a table goes to a terminal."""
    if options.to_file or not table:
        return replace(options, width=_width(None))
    from rich.console import Console

    console = Console(file=sys.stdout)
    color = console.is_terminal and not console.no_color and console.color_system is not None
    width = _width(console.width if console.is_terminal else None)
    return replace(options, color=color, width=width)


def _width(terminal: int | None) -> int:
    """The terminal's width; when piped, COLUMNS, else the width of the terminal stderr is on
    (`check | less`), else 120."""
    if terminal is not None:
        return terminal
    columns = os.environ.get("COLUMNS", "")
    if columns.isascii() and columns.isdigit() and int(columns) > 20:
        return int(columns)
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns
    except (OSError, ValueError):
        return 120


def _step_summary_renderer(options: RenderOptions) -> Renderer | None:
    """In a GitHub Actions job, the Markdown report also goes to the step summary."""
    if not os.environ.get(STEP_SUMMARY_ENV):
        return None
    return renderer(Format.MARKDOWN, replace(options, to_file=True))


def _append_step_summary(text: str) -> None:
    try:
        with open(os.environ[STEP_SUMMARY_ENV], "a", encoding="utf-8") as summary:
            summary.write(text)
    except OSError as error:
        print(f"planaudit: cannot append to {STEP_SUMMARY_ENV}: {error.strerror}", file=sys.stderr)


@contextmanager
def _report_to(
    path: Path | None, inputs: Sequence[Path] = (), table: bool = False, whole: bool = False
) -> Iterator[Callable[[str | bytes], None]]:
    """The writer of a command's report (stdout, or `path`; bytes are a binary document, given
    only for a file). A reader that stops reading (`check | head -1`) closes stdout: the rest of
    the report goes nowhere and the command runs on to its verdict, so the exit code never
    depends on how much of the report was read."""
    gone = False

    def write(text: str | bytes) -> None:
        nonlocal gone
        if gone:
            return
        try:
            if isinstance(text, bytes):
                out.write_bytes(text)
            else:
                out.write(text)
        except BrokenPipeError:
            gone = True
            _discard_stdout()

    try:
        with Output(path, inputs, table=table, whole=whole) as out:
            yield write
    except BrokenPipeError:  # the last of it, flushed as the report closed
        _discard_stdout()


def _discard_stdout() -> None:
    """Point stdout at the null device, so that what it still holds is dropped quietly rather
    than failing again when Python flushes it on the way out."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):  # a stdout without a file descriptor (as in tests)
        pass


def _guarded(work: Callable[[], int]) -> int:
    """One place that turns exceptions into exit codes."""
    try:
        code = int(work())
        return _stopped(_received[0]) if _received else code
    except typer.Exit:
        raise
    except KeyboardInterrupt:
        print("planaudit: interrupted", file=sys.stderr)
        return Exit.INTERRUPTED
    except Terminated as stop:
        return _stopped(stop.signum)
    except OutputError as error:
        print(f"planaudit: {error}", file=sys.stderr)
        return Exit.INVALID
    except BrokenPipeError:  # outside a report (_report_to keeps the verdict of those)
        _discard_stdout()
        return Exit.OK
    except OSError as error:
        print(f"planaudit: {shown_path(error.filename or '')}: {error.strerror}", file=sys.stderr)
        return Exit.INVALID
    except Exception as error:
        if os.environ.get(DEBUG_ENV):
            traceback.print_exc()
        print(
            f"planaudit {__version__}: internal error: {type(error).__name__}: {error} "
            f"(run with --debug or {DEBUG_ENV}=1 for the traceback, and report it)",
            file=sys.stderr,
        )
        return Exit.INTERNAL


def _stopped(signum: int) -> int:
    """The exit of a run ended by SIGTERM or SIGHUP: one line (if stderr is still there), and
    the code a shell gives a process killed by that signal."""
    with contextlib.suppress(OSError):  # SIGHUP: the terminal may be gone
        print(f"planaudit: stopped by {signal.Signals(signum).name}", file=sys.stderr)
    return Exit.HUNG_UP if signum == signal.SIGHUP else Exit.TERMINATED


def main() -> None:
    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) is not signal.SIG_IGN:  # nohup: leave SIGHUP ignored
            signal.signal(signum, _terminate)
    try:
        app()
    except KeyboardInterrupt:  # outside a command's own guard: while starting up or parsing
        print("planaudit: interrupted", file=sys.stderr)
        sys.exit(Exit.INTERRUPTED)
    except Terminated as stop:
        sys.exit(_stopped(stop.signum))

"""The one registry of output formats, for every command: which formats each command's report can
be given in, and the renderer of each, imported only when it is used. Every renderer has the
same interface: a header, a chunk per item (a plan, a plan's history, a plan's changes) as soon
as it is made, then a footer with the files that could not be read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from importlib import import_module
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from planaudit.core.terms import FailOn
from planaudit.lang import Language

if TYPE_CHECKING:
    from planaudit.core.errors import Problem
    from planaudit.core.results.plans import PlanReport, Report


class Format(StrEnum):
    """Every format a report can be given in (each command gives some: `formats_of`)."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    CSV = "csv"
    JUNIT = "junit"
    GITHUB = "github"
    SARIF = "sarif"
    GITLAB = "gitlab"
    HTML = "html"
    XLSX = "xlsx"


class Subject(StrEnum):
    """What a command reports on: its items, which its formats render."""

    CHECK = "check"
    """Audited plans (core.results.PlanReport), and a roll-up of several."""
    HISTORY = "history"
    """Each plan's indicators across its report dates (core.history.History)."""
    DIFF = "diff"
    """What changed between two versions of each plan (core.diff.PlanDiff)."""
    VERIFY = "verify"
    """Whether a plan says what its report says (core.verify.Verification)."""


_RENDERERS: dict[Subject, dict[Format, str]] = {
    Subject.CHECK: {format: f"{format.value}_format:FormatRenderer" for format in Format},
    Subject.HISTORY: {
        Format.TABLE: "history_formats:Table",
        Format.JSON: "history_formats:Json",
        Format.MARKDOWN: "history_formats:Markdown",
    },
    Subject.DIFF: {
        Format.TABLE: "diff_formats:Table",
        Format.JSON: "diff_formats:Json",
        Format.MARKDOWN: "diff_formats:Markdown",
    },
    Subject.VERIFY: {Format.TABLE: "verify_formats:Text"},
}
"""Subject → format → `module:class` in planaudit.render. `table` is always the default: the
text people read in a terminal."""


def formats_of(subject: Subject) -> tuple[Format, ...]:
    """The formats a command's report can be given in, in the order `--help` lists them."""
    return tuple(_RENDERERS[subject])


def format_option(subject: Subject) -> type[StrEnum]:
    """The enum of a command's `--format` option: the formats of its subject, so that `--help`
    lists them and a format it cannot give is refused as a usage error naming those it can."""
    members = {format.name: format.value for format in formats_of(subject)}
    made: type[StrEnum] = StrEnum(f"{subject.name.title()}Format", members)  # type: ignore[misc]
    return made


class Lang(StrEnum):
    """A report's --lang: a language of the catalog, or auto (the plan's)."""

    AUTO = "auto"
    ZH = "zh"
    EN = "en"

    @property
    def language(self) -> Language | None:
        """The language asked for; None under auto, where the plan's language speaks."""
        return None if self is Lang.AUTO else Language(self.value)


class FormatUnavailable(Exception):
    """A format whose optional library is not installed: a usage error, with how to install it."""


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    """Colour and styles (ANSI); off when the output is not a terminal or NO_COLOR is set."""
    width: int = 120
    """Columns available to a table."""
    lang: Lang = Lang.AUTO
    """Language of labels and sentences; auto: Chinese for a Chinese plan."""
    fail_on: FailOn = FailOn.BEHIND
    """What counts as a failure where a format has failures (JUnit)."""
    to_file: bool = False
    """Written with --output rather than to stdout (CSV then starts with a BOM for Excel/WPS)."""
    forecast: bool = False
    """Add what the rest of the period must deliver (table and Markdown; JSON always has it)."""
    quiet: bool = False
    """Only the verdict line of each plan that fails (check's table; documents stay whole)."""


Item = TypeVar("Item")
Tail = TypeVar("Tail")


class Renderer(Generic[Item, Tail]):
    """Writes a report as it is made: a header, a chunk per item as soon as it is made, then a
    footer with the files that could not be read and what the run came to (`Tail`: check's
    roll-up, diff's comparison). Formats that need every item first (a summary table on top,
    totals, an order by severity) keep what they need and write it in the footer."""

    independent = False
    """An item's text depends on that item alone (`text`), so worker processes can make it."""

    binary = False
    """The report is a binary document (a workbook), given whole by `document` after the
    footer: it goes only to a file, never to a terminal."""

    reports_errors = False
    """The footer reports the files that could not be read (JSON's errors, a JUnit suite, CI
    findings): a report of nothing but them is still a report. A format without them has
    nothing to say when no plan could be read."""

    def __init__(self, options: RenderOptions) -> None:
        self.options = options

    def header(self) -> str:
        return ""

    def text(self, item: Item) -> str:
        """An item's text, before `place` puts it into the stream."""
        raise NotImplementedError

    def place(self, text: str) -> str:
        """An item's text as it goes into the stream (after a separator, say)."""
        return text

    def plan(self, item: Item) -> str:
        return self.place(self.text(item))

    def footer(self, errors: Sequence[Problem], tail: Tail | None = None) -> str:
        """The end of the report: files that could not be read, and what the run came to
        (formats without a use for it ignore it)."""
        return ""

    def document(self) -> bytes:
        """A binary renderer's whole report, once the footer is written."""
        raise NotImplementedError


class Separated(Renderer[Item, Tail]):
    """Items one after another, an empty line between two (history's and diff's text)."""

    _first = True

    def place(self, text: str) -> str:
        separator = "" if self._first else "\n"
        self._first = False
        return separator + text


def renderer(
    format: Format, options: RenderOptions, subject: Subject = Subject.CHECK
) -> Renderer[Any, Any]:
    """The renderer of a command's report in a format it can give, imported only now."""
    module, name = _RENDERERS[subject][format].split(":")
    if options.quiet and subject is Subject.CHECK and format is Format.TABLE:
        module = "verdict_format"
    made: Renderer[Any, Any] = getattr(import_module(f"planaudit.render.{module}"), name)(options)
    return made


@dataclass(frozen=True)
class PlanText:
    """A plan's text in a format whose plans stand alone (`Renderer.independent`), as the
    callable a check run gives each audit (core.run.PlanText): it crosses to the worker
    processes, which render their own plans."""

    format: Format
    options: RenderOptions

    def __call__(self, plan: PlanReport) -> str:
        return renderer(self.format, self.options).text(plan)


def render(format: Format, report: Report, options: RenderOptions) -> str:
    """A whole report of `check` as one text."""
    return _written(renderer(format, options), report)


def render_document(format: Format, report: Report, options: RenderOptions) -> bytes:
    """A whole report of `check` in a binary format (a workbook)."""
    made = renderer(format, options)
    _written(made, report)
    return made.document()


def _written(made: Renderer[Any, Any], report: Report) -> str:
    from planaudit.core.results.plans import PlanLine, Rollup

    chunks = [made.header(), *(made.plan(plan) for plan in report.plans)]
    rollup = Rollup.of([PlanLine.of(plan) for plan in report.plans])
    return "".join([*chunks, made.footer(report.errors, rollup if len(report.plans) > 1 else None)])

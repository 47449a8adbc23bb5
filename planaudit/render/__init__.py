"""One module per output format behind one interface: Report + options → text (or, for a
workbook, bytes)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from importlib import import_module

from planaudit.core.errors import Problem
from planaudit.core.results import FailOn, PlanLine, PlanReport, Report, Rollup, Summary
from planaudit.render.words import Lang


class Format(StrEnum):
    """Each value names the module in planaudit.render that renders it."""

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


class Renderer:
    """Writes a report as it is made: a header, a chunk per plan as soon as it is audited, then a
    footer with the files that could not be read. Formats that need every plan first (a summary
    table on top, totals, an order by severity) keep what they need and write it in the footer."""

    independent = False
    """A plan's text depends on that plan alone (`text`), so worker processes can make it."""

    binary = False
    """The report is a binary document (a workbook), given whole by `document` after the
    footer: it goes only to a file, never to a terminal."""

    def __init__(self, options: RenderOptions) -> None:
        self.options = options

    def header(self) -> str:
        return ""

    def text(self, plan: PlanReport) -> str:
        """An independent renderer's text for one plan."""
        raise NotImplementedError

    def place(self, text: str) -> str:
        """A plan's text as it goes into the stream (after a separator, say)."""
        return text

    def plan(self, plan: PlanReport) -> str:
        return self.place(self.text(plan))

    def footer(self, errors: Sequence[Problem], rollup: Rollup | None = None) -> str:
        """The end of the report: files that could not be read, and for several plans a
        roll-up (formats without one ignore it)."""
        return ""

    def document(self) -> bytes:
        """A binary renderer's whole report, once the footer is written."""
        raise NotImplementedError


@dataclass(frozen=True)
class PlanText:
    """A plan's text in a format whose plans stand alone (`Renderer.independent`), as the
    callable a check run gives each audit (core.run.PlanText): it crosses to the worker
    processes, which render their own plans."""

    format: Format
    options: RenderOptions

    def __call__(self, plan: PlanReport) -> str:
        return renderer(self.format, self.options).text(plan)


def alarming(summary: Summary) -> bool:
    """A verdict shown as a warning, as the terminal table shows it: the plan's verdict fails
    (an indicator off the pace, short of its target or past its date) or a binding one is
    flagged."""
    return summary.verdict is False or bool(summary.serious)


def renderer(format: Format, options: RenderOptions) -> Renderer:
    """The renderer of a format, imported only when it is used."""
    module = import_module(f"planaudit.render.{format.value}_format")
    made: Renderer = module.FormatRenderer(options)
    return made


def render(format: Format, report: Report, options: RenderOptions) -> str:
    """A whole report as one text."""
    return _written(renderer(format, options), report)


def render_document(format: Format, report: Report, options: RenderOptions) -> bytes:
    """A whole report of a binary format (a workbook)."""
    made = renderer(format, options)
    _written(made, report)
    return made.document()


def _written(made: Renderer, report: Report) -> str:
    chunks = [made.header(), *(made.plan(plan) for plan in report.plans)]
    rollup = Rollup.of([PlanLine.of(plan) for plan in report.plans])
    return "".join([*chunks, made.footer(report.errors, rollup if len(report.plans) > 1 else None)])

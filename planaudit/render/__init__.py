"""One module per output format behind one interface: Report + options → text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from importlib import import_module

from planaudit.render.words import Lang
from planaudit.report import FailOn, Report


class Format(StrEnum):
    """Each value names the module in planaudit.render that renders it."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    CSV = "csv"
    JUNIT = "junit"
    GITHUB = "github"


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


Renderer = Callable[[Report, RenderOptions], str]


def renderer(format: Format) -> Renderer:
    """The renderer of a format, imported only when it is used."""
    module = import_module(f"planaudit.render.{format.value}_format")
    render: Renderer = module.render
    return render

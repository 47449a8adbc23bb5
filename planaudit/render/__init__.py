"""One module per output format behind one interface: Report + options → text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from planaudit.report import Report


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    """Colour and styles (ANSI); off when the output is not a terminal or NO_COLOR is set."""
    width: int = 120
    """Columns available to a table."""


Renderer = Callable[[Report, RenderOptions], str]


def renderer(format: Format) -> Renderer:
    """The renderer of a format, imported only when it is used."""
    match format:
        case Format.TABLE:
            from planaudit.render.table import render
        case Format.JSON:
            from planaudit.render.json import render
    return render

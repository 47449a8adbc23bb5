"""Arguments as a command's help lists them: by their catalog metavar (路径…, PATH…: `…` when one
takes several), never by the Python type later Typers add (`<list[Path]>`) nor in the brackets
earlier ones put around an optional one."""

from __future__ import annotations

from typing import Any

from typer._click.core import Context
from typer.core import TyperArgument

from planaudit.lang import text


class _Argument(TyperArgument):
    def get_help_record(self, ctx: Context) -> tuple[str, str] | None:
        record = super().get_help_record(ctx)
        if record is None:
            return None
        name = self.metavar or (self.name or "").upper()
        many = self.nargs != 1 and not name.endswith("…")  # OLD NEW | PATH… says it already
        return (text("library.argument_many", name=name) if many else name), record[1]


def named_by_catalog(params: list[Any]) -> None:
    """Typer makes its own arguments: their help record becomes ours."""
    for param in params:
        if type(param) is TyperArgument:
            param.__class__ = _Argument

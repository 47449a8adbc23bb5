"""The CLI library's own words in the run's language: its help pages (the usage line, section
headings, the --help option, text wrapped by display width) and its usage errors.

Typer looks a few words up through gettext (`typer.core._`: "Options", "default: …"): a
translation function from the catalogs is installed there. Its bundled Click builds the rest
with f-strings ("Invalid value for …", "Missing argument …", "No such command …"): a usage
error is caught where exceptions become exit codes and rendered here from the exception's
fields, and the library's own sentences it holds are recognised by their English form (the
library gives no message ids) and said again from the catalogs."""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

import typer
import typer.core
from typer._click import exceptions as click_errors
from typer._click.core import Context
from typer._click.formatting import HelpFormatter

from planaudit.cli.arguments import named_by_catalog
from planaudit.cli.help_text import width, wrapped
from planaudit.lang import text

_GETTEXT = {
    "Arguments": "library.Arguments",
    "Options": "library.Options",
    "Commands": "library.Commands",
    "default: {default}": "library.default",
    "required": "library.required",
    "(dynamic)": "library.dynamic",
    "env var: {var}": "library.env_var",
    "Aborted!": "library.aborted",
}
"""What Typer looks up through gettext, and the message id of each."""


def _gettext(message: str) -> str:
    found = _GETTEXT.get(message)
    return catalogued(found) if found else message


def catalogued(message_id: str) -> str:
    """A template of the catalog, its placeholders left for the library to fill."""
    from planaudit.lang import catalog, language

    return catalog(language())[message_id]


def install() -> None:
    """Typer's gettext lookups answered from the catalogs (its module's `_`, bound at import)."""
    setattr(typer.core, "_", _gettext)  # noqa: B010 - a module global, set on purpose


class Formatter(HelpFormatter):
    """Click's help formatter, its own words from the catalogs and its text wrapped by display
    width."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, text("library.usage") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{text('library.heading', heading=heading)}\n")

    def write_text(self, shown: str) -> None:
        indent = " " * self.current_indent
        self.write(wrapped(shown, self.width, indent, indent))
        self.write("\n")

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = list(rows)
        first_col = min(max((width(row[0]) for row in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - width(first)))
            else:
                self.write("\n")
                self.write(" " * (first_col + self.current_indent))
            lines = wrapped(second, max(self.width - first_col - 2, 10)).splitlines() or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n" if line else "\n")


class _Context(Context):
    formatter_class = Formatter


class Command(typer.core.TyperCommand):
    """A command whose help and usage speak the run's language."""

    context_class = _Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = text("library.options_metavar")
        named_by_catalog(self.params)

    def get_help_option(self, ctx: Context) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = text("help.help")
        return option


_COMPLETION = {
    "install_completion": "help.install_completion",
    "show_completion": "help.show_completion",
}
"""The options Typer adds for shell completion, and the message id of each one's help."""


class Group(typer.core.TyperGroup):
    """The application: its help and usage in the run's language."""

    context_class = _Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = text("library.options_metavar")
        self.subcommand_metavar = text("library.subcommand_metavar")

    def get_help_option(self, ctx: Context) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = text("help.help")
        return option

    def get_params(self, ctx: Context) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:  # Typer appends these after the group is made
            if param.name in _COMPLETION and isinstance(param, typer.core.TyperOption):
                param.help = text(_COMPLETION[param.name])
        return params


def usage_error(error: click_errors.UsageError) -> str:
    """What the library would print for `error` (its usage line, where to find help, and the
    error), said from the catalogs."""
    lines = []
    ctx = error.ctx
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            hint = text(
                "library.try_help", command=ctx.command_path, option=ctx.help_option_names[0]
            )
            lines.append(hint + "\n")
        else:
            lines.append("")
    lines.append(text("library.error", message=_said(error)))
    return "\n".join(lines)


def show_usage_error(error: click_errors.UsageError) -> None:
    if isinstance(error, click_errors.NoArgsIsHelpError):
        error.show()  # the help page, which speaks the catalogs already
        return
    print(usage_error(error), file=sys.stderr)


def _said(error: click_errors.UsageError) -> str:
    if isinstance(error, click_errors.MissingParameter):
        hint = _hint(error)
        kind = error.param_type or (error.param.param_type_name if error.param else "parameter")
        what = text(
            f"library.missing.{kind}"
            if kind in ("argument", "option")
            else "library.missing.parameter"
        )
        return text("library.missing", what=what, hint=f" {hint}" if hint else "")
    if isinstance(error, click_errors.BadParameter):
        hint = _hint(error)
        said = _sentence(error.message)
        if not hint:
            return text("library.invalid_value", message=said)
        return text("library.invalid_value_for", hint=hint, message=said)
    if isinstance(error, click_errors.NoSuchOption):
        said = text("library.no_such_option", name=error.option_name)
        if error.message != f"No such option: {error.option_name}":
            said = _sentence(error.message)
        if error.possibilities:
            options = _listed(sorted(error.possibilities), quoted=False)
            said = text("library.possible_options", message=said, options=options)
        return said
    return _sentence(error.message)


def _hint(error: click_errors.BadParameter) -> str:
    names: Sequence[str] | str | None = error.param_hint
    if names is None and error.param is not None:
        names = _error_hint(error.param, error.ctx)
    if names is None:
        return ""
    if isinstance(names, str):  # as the library joins them: '--format' / '-f'
        names = [name.strip().strip("'") for name in names.split(" / ")]
    shown = [text("library.hint", name=name) for name in names]
    joined = shown[0]
    for name in shown[1:]:
        joined = text("library.hints", first=joined, second=name)
    return joined


def _error_hint(param: Any, ctx: Context | None) -> Any:
    """The library's own name of `param` in an error: typer 0.26 asks for the context (an
    argument's name is its metavar there), later versions do not."""
    if inspect.signature(param.get_error_hint).parameters:
        return param.get_error_hint(ctx)
    return param.get_error_hint()


def _listed(items: Sequence[str], quoted: bool = True) -> str:
    shown = [text("library.choice", choice=item) if quoted else item for item in items]
    joined = shown[0] if shown else ""
    for item in shown[1:]:
        joined = text("library.list", first=joined, second=item)
    return joined


_QUOTED = re.compile(r"'([^']*)'")


def _choices(found: re.Match[str]) -> str:
    return _listed(_QUOTED.findall(found.group("choices")))


_SENTENCES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"No such command '(?P<name>.*)'\.(?: Did you mean (?P<choices>.*)\?)?"),
        lambda m: (
            text(
                "library.did_you_mean",
                message=text("library.no_such_command", name=m["name"]),
                suggestions=_choices(m),
            )
            if m["choices"]
            else text("library.no_such_command", name=m["name"])
        ),
    ),
    (re.compile(r"Missing command\."), lambda m: text("library.missing_command")),
    (
        re.compile(r"Option '(?P<name>.*)' requires an argument\."),
        lambda m: text("library.requires_argument", name=m["name"]),
    ),
    (
        re.compile(r"Option '(?P<name>.*)' requires (?P<count>\d+) arguments\."),
        lambda m: text("library.requires_arguments", name=m["name"], count=m["count"]),
    ),
    (
        re.compile(r"Option '(?P<name>.*)' does not take a value\."),
        lambda m: text("library.takes_no_value", name=m["name"]),
    ),
    (
        re.compile(r"Got unexpected extra argument\(s\) \((?P<arguments>.*)\)"),
        lambda m: text("library.extra_arguments", arguments=m["arguments"]),
    ),
    (  # typer 0.26 says a choice's error without "Value error, "
        re.compile(r"(?:Value error, )?'(?P<value>.*)' is not one of (?P<choices>.*)\."),
        lambda m: text("library.not_one_of", value=m["value"], choices=_choices(m)),
    ),
    (
        re.compile(r"Input should be a valid number, unable to parse string as a number"),
        lambda m: text("library.not_a_number"),
    ),
    (
        re.compile(r"Input should be a valid integer, unable to parse string as an integer"),
        lambda m: text("library.not_a_whole_number"),
    ),
    (
        re.compile(r"Input should be greater than or equal to (?P<low>.*)"),
        lambda m: text("library.at_least", low=m["low"]),
    ),
]
"""The library's sentences, by their English form, and how the catalogs say each."""


def _sentence(message: str) -> str:
    """One of the library's sentences from the catalogs; our own (already said in the run's
    language, raised as BadParameter by a check of ours) as it is."""
    for pattern, said in _SENTENCES:
        found = pattern.fullmatch(message)
        if found:
            return said(found)
    return message

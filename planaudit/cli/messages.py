"""Every sentence the command line says itself — not a report, not a problem of a plan file: one
function per sentence, so that the language layer can give each from its catalogs.

Only the standard library: the launcher imports this module before it guards the import of
everything else."""

from __future__ import annotations

from planaudit import __version__

DEBUG_ENV = "PLANAUDIT_DEBUG"
"""The environment variable that asks for the traceback of an internal error (as --debug)."""


def interrupted() -> str:
    return "planaudit: interrupted"


def stopped_by(signal_name: str) -> str:
    """A run ended by SIGTERM or SIGHUP."""
    return f"planaudit: stopped by {signal_name}"


def internal_error(reason: str) -> str:
    """A bug: `reason` is the exception's type and message."""
    return (
        f"planaudit {__version__}: internal error: {reason} "
        f"(run with --debug or {DEBUG_ENV}=1 for the traceback, and report it)"
    )


def cannot_start(reason: str) -> str:
    """A module that cannot be imported: a dependency too old, or a broken install."""
    return (
        f"planaudit {__version__}: internal error: cannot start: {reason} (a dependency too "
        f"old or a broken install: reinstall planaudit; --debug or {DEBUG_ENV}=1 shows the "
        "traceback)"
    )


def version() -> str:
    return f"planaudit {__version__}"


def refused(reason: str) -> str:
    """Something the command was asked to do and cannot: an --output it must not write, a file
    it cannot read."""
    return f"planaudit: {reason}"


def cannot_use(path: str, why: str) -> str:
    return refused(f"{path}: {why}")


def files_valid(count: int) -> str:
    """validate, when every file is valid."""
    return f"{count} plan file{'s' if count != 1 else ''} valid"


def revision_failed(revision: str, why: str) -> str:
    """diff --since, when git cannot answer."""
    return refused(f"--since {revision}: {why}")


def cannot_append(variable: str, why: str) -> str:
    """The GitHub step summary (the file an environment variable names) cannot be written."""
    return refused(f"cannot append to {variable}: {why}")


def draft_exists(path: str) -> str:
    return refused(f"{path} exists: give another name, or --force to replace it")


def nothing_to_draft() -> str:
    """draft, for a report without a figure of progress (a problem, located at the report)."""
    return "no progress figure or milestone found in the report: nothing to draft"


def not_a_number(value: object, low: float, high: float) -> str:
    """A usage error: a number option (as typed) or setting that is not one, or out of its
    range."""
    return f"{value} is not a number from {low:g} to {high:g}"


def not_a_whole_number(text: str) -> str:
    """A usage error: --jobs that is not a whole number of 0 or more."""
    return f"{text} is not a whole number of 0 or more"


def not_a_date(text: str) -> str:
    """A usage error: --as-of that is not a date."""
    return f"{text!r} is not a date such as 2018-06-30"


def binary_format(format: str) -> str:
    """A usage error: a workbook asked for on the terminal."""
    return f"{format} is a binary file, not for a terminal: give --output FILE"


def two_files_or_since() -> str:
    """A usage error of diff."""
    return "give two plan files, OLD NEW, or --since REV [PATH…]"


def read_as(path: str, encoding: str) -> str:
    """A file read in an encoding found with certainty, not given."""
    return f"planaudit: {path}: read as {encoding} (not UTF-8)"


def config_type(wanted: str, value: object) -> str:
    """A configuration file's value of the wrong TOML type."""
    kind = {bool: "a boolean", int: "an integer", float: "a number", str: "a string"}
    return f"must be {wanted}, not {kind.get(type(value), 'a ' + type(value).__name__)}"


def config_choice(value: str, allowed: list[str], close: str | None) -> str:
    hint = f"; did you mean {close!r}?" if close else ""
    return f"{value!r} is not one of {', '.join(allowed)}{hint}"


def config_unknown(key: str, close: str | None) -> str:
    """A key or table a configuration file may not hold."""
    hint = f"; did you mean {close!r}?" if close else ""
    return f"unknown key {key!r}{hint}"


def config_and_no_config() -> str:
    """A usage error: --config and --no-config together."""
    return "give --config FILE or --no-config, not both"


def config_no_command(name: str, commands: list[str]) -> str:
    """A usage error of config: a command that takes no settings."""
    return f"{name!r} takes no settings: give one of {', '.join(commands)}"


def config_file(path: str, how: str) -> str:
    """config's first line: the file read, and how it was chosen."""
    chosen = {"found": "the nearest from here up"}.get(how, how)
    return f"# configuration file: {path} ({chosen})"


def config_none(how: str) -> str:
    if how == "--no-config":
        return "# no configuration file (--no-config)"
    return "# no configuration file (none from here up)"


def config_shadowed(pyproject: str) -> str:
    return f"# {pyproject} has [tool.planaudit] too: not read, .planaudit.toml wins"


def from_default() -> str:
    return "default"


def from_command_line() -> str:
    return "command line"


def from_environment(variable: str) -> str:
    return f"environment ({variable})"

"""Every sentence the command line says itself — not a report, not a problem of a plan file: one
function per sentence, each given by the language layer from its catalogs.

Only the standard library and the language layer: the launcher imports this module before it
guards the import of everything else."""

from __future__ import annotations

from planaudit import __version__
from planaudit.lang import Message, quote, text

DEBUG_ENV = "PLANAUDIT_DEBUG"
"""The environment variable that asks for the traceback of an internal error (as --debug)."""


def interrupted() -> str:
    return text("cli.interrupted")


def stopped_by(signal_name: str) -> str:
    """A run ended by SIGTERM or SIGHUP."""
    return text("cli.stopped_by", signal=signal_name)


def internal_error(reason: str) -> str:
    """A bug: `reason` is the exception's type and message."""
    return text("cli.internal_error", version=__version__, reason=reason, variable=DEBUG_ENV)


def cannot_start(reason: str) -> str:
    """A module that cannot be imported: a dependency too old, or a broken install."""
    return text("cli.cannot_start", version=__version__, reason=reason, variable=DEBUG_ENV)


def version() -> str:
    return text("cli.version", version=__version__)


def refused(reason: str) -> str:
    """Something the command was asked to do and cannot: an --output it must not write, a file
    it cannot read."""
    return text("cli.prefixed", message=reason)


def cannot_use(path: str, why: str) -> str:
    return refused(text("cli.cannot_use", path=path, why=why))


def files_valid(count: int) -> str:
    """validate, when every file is valid."""
    return text("cli.files_valid.one" if count == 1 else "cli.files_valid.other", count=count)


def revision_failed(revision: str, why: str) -> str:
    """diff --since, when git cannot answer."""
    return refused(text("cli.revision_failed", revision=revision, why=why))


def cannot_append(variable: str, why: str) -> str:
    """The GitHub step summary (the file an environment variable names) cannot be written."""
    return refused(text("cli.cannot_append", variable=variable, why=why))


def draft_exists(path: str) -> str:
    return refused(text("cli.draft_exists", path=path))


def not_a_number(value: object, low: float, high: float) -> str:
    """A usage error: a number option (as typed) or setting that is not one, or out of its
    range."""
    return text("cli.not_a_number", value=value, low=f"{low:g}", high=f"{high:g}")


def not_a_whole_number(given: str) -> str:
    """A usage error: --jobs that is not a whole number of 0 or more."""
    return text("cli.not_a_whole_number", text=given)


def not_a_date(given: str) -> str:
    """A usage error: --as-of that is not a date."""
    return text("cli.not_a_date", text=repr(given))


def binary_format(format: str) -> str:
    """A usage error: a workbook asked for on the terminal."""
    return text("cli.binary_format", format=format)


def two_files_or_since() -> str:
    """A usage error of diff."""
    return text("cli.two_files_or_since")


def read_as(path: str, encoding: str) -> str:
    """A file read in an encoding found with certainty, not given."""
    return refused(text("cli.read_as", path=path, encoding=encoding))


_TOML_TYPES = {bool: "config.type.boolean", int: "config.type.integer", float: "config.type.number"}


def config_type(wanted: str, value: object) -> str:
    """A configuration file's value of the wrong TOML type (`wanted`: an id of config.wanted)."""
    found = _TOML_TYPES.get(type(value))
    if isinstance(value, str):
        found = "config.type.string"
    kind = text(found) if found else text("config.type.other", name=type(value).__name__)
    return text("config.must_be", wanted=text(f"config.wanted.{wanted}"), kind=kind)


def config_choice(value: str, allowed: list[str], close: str | None) -> str:
    choices = tuple(allowed)
    if close:
        return str(
            Message.of(
                "config.not_one_of_did_you_mean",
                value=quote(value),
                choices=choices,
                close=quote(close),
            )
        )
    return str(Message.of("config.not_one_of", value=quote(value), choices=choices))


def config_unknown(key: str, close: str | None) -> str:
    """A key or table a configuration file may not hold."""
    if close:
        return str(Message.of("plan.unknown_key_did_you_mean", key=quote(key), close=quote(close)))
    return str(Message.of("plan.unknown_key", key=quote(key)))


def config_and_no_config() -> str:
    """A usage error: --config and --no-config together."""
    return text("config.and_no_config")


def config_no_command(name: str, commands: list[str]) -> str:
    """A usage error of config: a command that takes no settings."""
    return str(Message.of("config.no_command", name=quote(name), commands=tuple(commands)))


def config_file(path: str, how: str) -> str:
    """config's first line: the file read, and how it was chosen."""
    chosen = text("config.found") if how == "found" else how
    return text("config.file", path=path, chosen=chosen)


def config_none(how: str) -> str:
    if how == "--no-config":
        return text("config.none_asked")
    return text("config.none_found")


def config_shadowed(pyproject: str) -> str:
    return text("config.shadowed", pyproject=pyproject)


def from_default() -> str:
    return text("config.from_default")


def from_command_line() -> str:
    return text("config.from_command_line")


def from_environment(variable: str) -> str:
    return text("config.from_environment", variable=variable)


def stdin_twice() -> str:
    """A usage error: `-` for two inputs; standard input can be read once."""
    return text("cli.stdin_twice")


def stdin_is_a_terminal() -> str:
    """A usage error: `-` with nothing piped in, which would wait for typing."""
    return text("cli.stdin_is_a_terminal")


def stdin_with_since() -> str:
    """A usage error of diff: --since compares files on disk with git's versions."""
    return text("cli.stdin_with_since")


def format_does_not_fit(format: str, output: str, fitting: list[str]) -> str:
    """A usage error: --format and --output's extension disagree."""
    either = text("list.or.between").join(fitting[:-1])
    either += text("list.or.last") + fitting[-1] if either else fitting[-1]
    return text("cli.format_does_not_fit", format=format, output=output, fitting=either)


def format_not_offered(output: str, format: str, offered: list[str]) -> str:
    """A usage error: --output's extension names a format the command cannot give."""
    return str(
        Message.of("cli.format_not_offered", output=output, format=format, offered=tuple(offered))
    )

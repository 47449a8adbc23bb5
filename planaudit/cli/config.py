"""The configuration file as the commands see it: which keys each command takes, each checked as
carefully as a plan file's (an unknown key with a did-you-mean, a wrong type, a bad value →
`path:line:col: message`, exit 2), and given to the command as the defaults of its options, so
that the command line still overrides them (Click's default map). `--config FILE` names the file;
`--no-config` reads none; otherwise the nearest one from the working directory upward."""

from __future__ import annotations

import difflib
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from planaudit.cli import messages
from planaudit.cli.parsing import MAX_MB, Only
from planaudit.cli.streams import say
from planaudit.core.errors import PlanError, Problem, shown_path
from planaudit.core.terms import FailOn
from planaudit.io import config as files
from planaudit.io.source import Encoding
from planaudit.lang import Message, text
from planaudit.render.registry import Lang, Subject, formats_of

CONFIG_ENV = "PLANAUDIT_CONFIG"
"""The environment variable that names the configuration file (as --config)."""

Check = Callable[[Any, Path], Any]
"""A key's check: the value as the option takes it, or ValueError saying what is wrong. It is
given the file's folder, which relative paths are relative to."""


def _choice(values: Callable[[], list[str]]) -> Check:
    def check(value: Any, folder: Path) -> Any:
        if not isinstance(value, str):
            raise ValueError(messages.config_type("string", value))
        allowed = values()
        if value not in allowed:
            close = difflib.get_close_matches(value, allowed, n=1)
            raise ValueError(messages.config_choice(value, allowed, close[0] if close else None))
        return value

    return check


def _number(low: float, high: float, whole: bool = False) -> Check:
    def check(value: Any, folder: Path) -> Any:
        kinds = (int,) if whole else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds):
            raise ValueError(messages.config_type("integer" if whole else "number", value))
        if not (math.isfinite(value) and low <= value <= high):
            raise ValueError(messages.not_a_number(value, low, high))
        return value

    return check


def _boolean(value: Any, folder: Path) -> Any:
    if not isinstance(value, bool):
        raise ValueError(messages.config_type("boolean", value))
    return value


def _paths(value: Any, folder: Path) -> Any:
    """Plan files or folders, relative to the configuration file's folder; shown relative to
    the working directory, as if typed there."""
    if isinstance(value, str):
        value = [value]
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(item, str) and item for item in value)
    ):
        raise ValueError(messages.config_type("paths", value))
    return [os.path.relpath(folder / item) for item in value]


def _enum(kind: type[StrEnum]) -> Check:
    return _choice(lambda: [member.value for member in kind])


def _formats(subject: Subject) -> Check:
    return _choice(lambda: [format.value for format in formats_of(subject)])


def _shared_formats() -> list[str]:
    """A format in the shared table must be one every command with --format can give."""
    each = [
        {f.value for f in formats_of(s)} for s in (Subject.CHECK, Subject.HISTORY, Subject.DIFF)
    ]
    return [f.value for f in formats_of(Subject.CHECK) if all(f.value in some for some in each)]


@dataclass(frozen=True)
class Key:
    param: str
    """The command's parameter the key sets."""
    check: Check


PATHS = Key("paths", _paths)
MAX_SIZE = Key("max_size", _number(0.001, MAX_MB))
LANG = Key("lang", _enum(Lang))
ENCODING = Key("encoding", _enum(Encoding))
QUIET = Key("quiet", _boolean)
NO_COLOR = Key("no_color", _boolean)
COMMANDS: dict[str, dict[str, Key]] = {
    "check": {
        "paths": PATHS,
        "format": Key("format", _formats(Subject.CHECK)),
        "fail-on": Key("fail_on", _enum(FailOn)),
        "tolerance": Key("tolerance", _number(0, 100)),
        "lang": LANG,
        "only": Key("only", _enum(Only)),
        "forecast": Key("forecast", _boolean),
        "recovery-factor": Key("recovery_factor", _number(1, 1000)),
        "max-size": MAX_SIZE,
        "encoding": ENCODING,
        "jobs": Key("jobs", _number(0, 4096, whole=True)),
        "quiet": QUIET,
        "no-color": NO_COLOR,
    },
    "validate": {"paths": PATHS, "max-size": MAX_SIZE, "encoding": ENCODING, "quiet": QUIET},
    "history": {
        "paths": PATHS,
        "format": Key("format", _formats(Subject.HISTORY)),
        "lang": LANG,
        "max-size": MAX_SIZE,
        "encoding": ENCODING,
        "no-color": NO_COLOR,
    },
    "diff": {
        "format": Key("format", _formats(Subject.DIFF)),
        "lang": LANG,
        "max-size": MAX_SIZE,
        "encoding": ENCODING,
        "no-color": NO_COLOR,
    },
    "draft": {"max-size": MAX_SIZE, "encoding": ENCODING},
    "verify": {"encoding": ENCODING},
}
"""The keys each command takes from a configuration file, in the order `planaudit config`
shows them: the options a team fixes once, not those of one run (--as-of, --output)."""

SHARED = {key: spec for keys in COMMANDS.values() for key, spec in keys.items()}
SHARED["format"] = Key("format", _choice(_shared_formats))


@dataclass(frozen=True)
class Loaded:
    """A command's defaults from its configuration file, and where each came from."""

    file: files.ConfigFile | None
    defaults: dict[str, Any]
    """Parameter → value."""
    lines: dict[str, int]
    """Parameter → the line that set it."""
    how: str
    """How the file was chosen: found, --config, PLANAUDIT_CONFIG, --no-config, none found."""


def settings(file: files.ConfigFile, command: str) -> tuple[dict[str, Any], dict[str, int]]:
    """The defaults `file` gives `command`, or PlanError with every problem in it."""
    problems: list[Problem] = []
    name = shown_path(file.path)
    defaults: dict[str, Any] = {}
    lines: dict[str, int] = {}

    def take(table: dict[str, files.Setting], keys: dict[str, Key], mine: bool | None) -> None:
        """Check every key of `table`; keep those of `command` (`mine`: its own table)."""
        for key, setting in table.items():
            spec = keys.get(key)
            if spec is None:
                close = difflib.get_close_matches(key, [*keys, *COMMANDS], n=1)
                message = messages.config_unknown(key, close[0] if close else None)
                problems.append(Problem(name, setting.line, 1, message))
                continue
            try:
                value = spec.check(setting.value, file.folder)
            except ValueError as error:
                problems.append(
                    Problem(
                        name, setting.line, 1, Message.of("plan.key_said", key=key, said=str(error))
                    )
                )
                continue
            if mine or (mine is None and key in COMMANDS[command]):
                defaults[spec.param], lines[spec.param] = value, setting.line

    take(file.shared, SHARED, mine=None)  # every command's table is checked, whichever runs
    for table, values in file.commands.items():
        if table in COMMANDS:
            take(values, COMMANDS[table], mine=table == command)
        else:
            close = difflib.get_close_matches(table, list(COMMANDS), n=1)
            message = messages.config_unknown(table, close[0] if close else None)
            problems.append(Problem(name, file.tables[table].line, 1, message))
    if problems:
        raise PlanError(problems)
    return defaults, lines


def load(command: str, given: str | None, source: str, no_config: bool) -> Loaded:
    """The defaults of `command`: from the file given (--config, or the environment), none
    (--no-config), or the nearest file found from the working directory upward."""
    if no_config:
        return Loaded(None, {}, {}, "--no-config")
    if given is not None:
        file = files.read(Path(given))
        how = CONFIG_ENV if source == "ENVIRONMENT" else "--config"
    else:
        found = files.find(Path.cwd())
        if found is None:
            return Loaded(None, {}, {}, "none found")
        file, how = found, "found"
    defaults, lines = settings(file, command)
    return Loaded(file, defaults, lines, how)


LOADED = "planaudit.config"
"""Where a command's context keeps its Loaded (ctx.meta, by command name)."""
SHOWING = "planaudit.config.showing"
"""Set by `planaudit config`: read the file even when parsing leniently (which, otherwise, is
shell completion, where nothing may be printed)."""


def _given(ctx: typer.Context, param: Any, value: Any) -> Any:
    """--config and --no-config are eager: the file is read before any other option takes its
    default, whichever of the two comes second on the command line."""
    if ctx.resilient_parsing and not ctx.meta.get(SHOWING):
        return value
    other = "no_config" if param.name == "config" else "config"
    if other in ctx.params:
        given = value if param.name == "config" else ctx.params["config"]
        no_config = value if param.name == "no_config" else ctx.params["no_config"]
        source = ctx.get_parameter_source("config")
        if given is not None and no_config:
            if (
                getattr(source, "name", "") != "COMMANDLINE"
            ):  # the command line beats the environment
                given = None
            else:
                raise typer.BadParameter(messages.config_and_no_config())
        name = ctx.info_name or ""
        try:
            loaded = load(name, given, getattr(source, "name", ""), bool(no_config))
        except PlanError as error:
            say(error.problems)
            raise typer.Exit(2) from None
        ctx.default_map = {**(ctx.default_map or {}), **loaded.defaults}
        ctx.meta.setdefault(LOADED, {})[name] = loaded
    return value


ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar=text("metavar.file"),
        envvar=CONFIG_ENV,
        is_eager=True,
        callback=_given,
        show_envvar=False,
        help=text("help.config_file", variable=CONFIG_ENV),
    ),
]
NoConfigOption = Annotated[
    bool,
    typer.Option("--no-config", is_eager=True, callback=_given, help=text("help.no_config")),
]

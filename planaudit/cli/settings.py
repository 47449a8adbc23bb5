"""`planaudit config`: the settings a command would run with, and where each comes from — its
default, a line of the configuration file, the command line or the environment — printed as a
.planaudit.toml that can be kept."""

from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from planaudit.cli import messages
from planaudit.cli.config import COMMANDS, LOADED, SHOWING, Loaded
from planaudit.cli.exits import Exit
from planaudit.cli.library import Command
from planaudit.cli.parsing import app
from planaudit.core.errors import shown_path
from planaudit.io import discover
from planaudit.lang import text


@app.command(
    cls=Command,
    help=text("help.config"),
    short_help=text("help.config.short"),
    context_settings={
        "allow_extra_args": True,
        "ignore_unknown_options": True,
        "allow_interspersed_args": False,
    },
    epilog=text("help.config.epilog"),
)
def config(
    ctx: typer.Context,
    command: Annotated[
        str | None,
        typer.Argument(
            metavar=text("metavar.command_options"),
            help=text("help.config.command"),
            show_default=False,
        ),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--config", metavar=text("metavar.file"), help=text("help.config.file")),
    ] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help=text("help.no_config"))] = False,
) -> None:
    """The help is the catalogs' "help.config"."""
    if command is not None and command not in COMMANDS:
        raise typer.BadParameter(messages.config_no_command(command, list(COMMANDS)))
    forwarded = [
        *(["--config", str(file)] if file else []),
        *(["--no-config"] if no_config else []),
    ]
    group: Any = ctx.find_root().command
    ctx.meta[SHOWING] = True
    shown: list[str] = []
    for name in [command] if command else list(COMMANDS):
        # Every command, or one with a required argument (draft's REPORT): parse leniently;
        # the file's problems are still said, and stop the command.
        chosen = group.get_command(ctx, name)
        lenient = command is None or any(param.required for param in chosen.params)
        sub = chosen.make_context(
            name, [*forwarded, *ctx.args], parent=ctx, resilient_parsing=lenient
        )
        if name not in sub.meta.get(LOADED, {}):
            raise typer.Exit(Exit.INVALID)
        shown.append(_settings(sub, name, sub.meta[LOADED][name]))
    header = _where(ctx.meta[LOADED][command or "check"])
    typer.echo(header + "".join(shown), nl=False)
    raise typer.Exit(Exit.OK)


def _where(loaded: Loaded) -> str:
    """The header: which file, and how it was chosen."""
    if loaded.file is None:
        return messages.config_none(loaded.how) + "\n"
    lines = [messages.config_file(shown_path(loaded.file.path), loaded.how)]
    if loaded.file.shadowed is not None:
        lines.append(messages.config_shadowed(shown_path(loaded.file.shadowed)))
    return "".join(f"{line}\n" for line in lines)


def _settings(ctx: typer.Context, name: str, loaded: Loaded) -> str:
    """One command's table: a line for each key, its value and its source as a comment."""
    rows: list[tuple[str, str]] = []
    for key, spec in COMMANDS[name].items():
        value = ctx.params.get(spec.param)
        if spec.param == "paths" and not value:
            value = discover.named(None)
        source = _source(ctx, spec.param, loaded)
        rows.append(
            (
                text("config.not_set", key=key) if value is None else f"{key} = {_toml(value)}",
                source,
            )
        )
    from rich.cells import cell_len  # columns on the terminal: a Chinese character takes two

    width = max(cell_len(shown) for shown, _ in rows)
    body = "".join(
        f"{shown}{' ' * (width - cell_len(shown))}  # {source}\n" for shown, source in rows
    )
    return f"\n[{name}]\n{body}"


def _source(ctx: typer.Context, param: str, loaded: Loaded) -> str:
    source = getattr(ctx.get_parameter_source(param), "name", "DEFAULT")
    if source == "DEFAULT_MAP" and loaded.file is not None:
        return f"{shown_path(loaded.file.path)}:{loaded.lines[param]}"
    if source == "COMMANDLINE":
        return messages.from_command_line()
    if source == "ENVIRONMENT":
        return messages.from_environment(
            str(next(p for p in ctx.command.params if p.name == param).envvar)
        )
    return messages.from_default()


def _toml(value: Any) -> str:
    """A value as TOML writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, Path):
        value = str(value)
    import json

    return json.dumps(str(value), ensure_ascii=False)

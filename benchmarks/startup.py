"""`make bench`'s start-up figures: `planaudit check` of the bundled plan (the table) against a
minimal Typer app, in CPU time, and where the CPU of each goes.

Both sides start the same way: the same interpreter with the same flags (the console script is
run as `python .venv/bin/planaudit`, the floor as `python <file>`), bytecode compiled for both
(under PYTHONDONTWRITEBYTECODE an uncompiled module is compiled again at every run), frozen
modules as the interpreter's default. The two are run alternately, so that both see the same
load; the ratio is of the medians, its spread that of each alternated pair.

Run as a script (`python benchmarks/startup.py check|floor`), it is one run of either side with
the CPU of each phase measured from inside (`time.process_time`), in the order a run imports;
the phases add up to the whole but for the interpreter's exit.
"""

from __future__ import annotations

import compileall
import contextlib
import functools
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import sysconfig
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
PLANAUDIT = str(Path(PYTHON).parent / "planaudit")
PLAN = str(ROOT / "plans" / "chaoyang-2018.yaml")
CHECK = ["check", PLAN, "--fail-on", "never"]

MINIMAL_TYPER_APP = (
    "import typer\n"
    "app = typer.Typer()\n"
    "@app.command()\n"
    "def check(path: str, fmt: str = typer.Option('table', '--format')) -> None:\n"
    "    print(path)\n"
    "app()\n"
)
"""One command, one argument and one option: what typer costs before an application does
anything (it imports pydantic, and builds a validator of each option, when a command runs)."""

WITH_LIBRARIES = "import yaml, rich.console, rich.table, rich.text\n" + MINIMAL_TYPER_APP
"""The same app that also imports the libraries a table of plan files needs, and does nothing
with them: where planaudit would stand if its own code and work cost nothing."""

Row = Callable[[str, str, str, bool], None]


def cpu_seconds(command: Sequence[str]) -> float:
    """User and system CPU time of one run (what start-up costs, whatever else the machine does)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def alternated(first: Sequence[str], second: Sequence[str], runs: int) -> tuple[list[float], ...]:
    """CPU seconds of each run of two commands, run one after the other `runs` times."""
    a, b = [], []
    for _ in range(runs):
        a.append(cpu_seconds(first))
        b.append(cpu_seconds(second))
    return a, b


def _script(folder: Path, name: str, text: str) -> list[str]:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return [PYTHON, str(path), "plans/x.yaml"]


def compiled() -> None:
    """Bytecode for planaudit and for every installed library, as a wheel install leaves it."""
    for folder in (ROOT / "planaudit", Path(sysconfig.get_paths()["purelib"])):
        compileall.compile_dir(folder, quiet=2, workers=0)


def measure(runs: int, row: Row, scratch: Path) -> None:
    """The start-up rows of `make bench`: the ratio with its spread, then where the CPU goes."""
    compiled()
    scratch.mkdir(parents=True, exist_ok=True)
    floor = _script(scratch, "typer_floor.py", MINIMAL_TYPER_APP)
    libraries = _script(scratch, "typer_libraries.py", WITH_LIBRARIES)
    ours, base = alternated([PYTHON, PLANAUDIT, *CHECK], floor, runs)
    ratio = statistics.median(ours) / statistics.median(base)
    pairs = sorted(a / b for a, b in zip(ours, base, strict=True))
    low, _, high = statistics.quantiles(pairs, n=4)
    figure = f"{statistics.median(ours):.3f}s / {statistics.median(base):.3f}s = {ratio:.2f}×"
    row(f"check chaoyang-2018.yaml / minimal typer app (CPU, n={runs})", figure, "≤ 1.25×",
        ratio <= 1.25)  # fmt: skip
    row("  spread: each pair's ratio, min · quartiles · max",
        f"{pairs[0]:.2f} · {low:.2f}–{high:.2f} · {pairs[-1]:.2f}×", "—", True)  # fmt: skip
    fastest = f"{min(ours):.3f}s / {min(base):.3f}s = {min(ours) / min(base):.2f}×"
    row("  the fastest run of each", fastest, "—", True)
    with_libraries, base = alternated(libraries, floor, runs)
    bound = statistics.median(with_libraries) / statistics.median(base)
    row("  what bounds it: the same app importing PyYAML and rich",
        f"{statistics.median(with_libraries):.3f}s = {bound:.2f}×", "—", True)  # fmt: skip
    print(f"  where the CPU goes, ms (median of {max(5, runs // 3)} runs, measured inside)")
    print(f"    {'':<68} {'check':>7} {'floor':>7}")
    shares = {side: _phases(side, max(5, runs // 3)) for side in ("check", "floor")}
    for label in dict.fromkeys([*shares["check"], *shares["floor"]]):  # check's order
        figures = [shares[side].get(label) for side in ("check", "floor")]
        shown = [f"{value * 1000:7.1f}" if value is not None else "      —" for value in figures]
        print(f"    {label:<68} {shown[0]} {shown[1]}")


def _phases(side: str, runs: int) -> dict[str, float]:
    found: list[dict[str, float]] = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = subprocess.run([PYTHON, __file__, side], cwd=ROOT, capture_output=True, text=True,
                             check=True)  # fmt: skip
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        whole = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        shares = json.loads(out.stdout.strip().splitlines()[-1])
        inside = sum(shares.values())
        found.append({**shares, EXIT: whole - inside, WHOLE: whole})
    return {label: statistics.median(run[label] for run in found) for label in found[0]}


EXIT = "exit: the interpreter's teardown, and what the clock inside misses"
WHOLE = "the whole run (getrusage, as the ratio)"
PARSE = "typer builds the commands and parses argv"
WORK = "the command itself (floor: print; check: load, audit, draw the table)"


def _marked(app: typer.Typer, mark: Callable[[str], None]) -> typer.Typer:
    """`app` with each command marking when typer hands over to it."""
    for info in app.registered_commands:
        command = info.callback
        assert command is not None

        @functools.wraps(command)
        def handed_over(*args: Any, __command: Callable[..., Any] = command, **kwargs: Any) -> Any:
            mark(PARSE)
            return __command(*args, **kwargs)

        info.callback = handed_over
    return app


def _one_run(side: str) -> None:
    """One run of `side`, its phases' CPU seconds printed as JSON on the last line."""
    marks: list[tuple[str, float]] = [("", 0.0)]

    def mark(label: str) -> None:
        marks.append((label, time.process_time()))

    mark("Python itself (and this script's own imports)")
    import pydantic.plugin._loader  # imported by the first validator pydantic builds
    import typer
    import typer._adapters  # what every typer command imports when it runs

    mark("typer, and the pydantic it checks option values with")
    with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
        if side == "floor":
            sys.argv = ["floor", "plans/x.yaml"]
            floor: dict[str, Any] = {"__name__": "__main__"}
            exec(compile(MINIMAL_TYPER_APP.removesuffix("app()\n"), "floor", "exec"), floor)
            with contextlib.suppress(SystemExit):
                _marked(floor["app"], mark)()
            mark(WORK)
        else:
            _check(mark)
    print(json.dumps({label: now - then for (_, then), (label, now) in itertools.pairwise(marks)}))
    del typer, pydantic


def _check(mark: Callable[[str], None]) -> None:
    import yaml  # noqa: F401

    mark("PyYAML (its C loader)")
    import rich.console
    import rich.table
    import rich.text  # noqa: F401

    mark("rich: console, table, text")
    from planaudit.cli import app

    mark("planaudit's command line (cli/ and the modules it imports)")
    from pydantic.plugin._loader import get_plugins

    get_plugins()
    mark("pydantic's plugin look-up (every installed package's entry points)")
    import planaudit.core.consistency
    import planaudit.core.numbers
    import planaudit.core.pace
    import planaudit.core.values

    mark("the plan's value types (numbers, values, consistency, pace)")
    import planaudit.core.model

    mark("the plan model (pydantic builds Plan's validator)")
    import planaudit.core.run

    mark("the check path's other modules (loader, audit, results)")
    import planaudit.render.table_format  # noqa: F401

    mark("the table's renderer and its words")
    sys.argv = ["planaudit", *CHECK]
    _marked(app.app, mark)
    with contextlib.suppress(SystemExit):
        app.main()
    mark(WORK)


if __name__ == "__main__":
    _one_run(sys.argv[1])

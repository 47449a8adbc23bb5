"""Failing to start is an internal error (exit 3, one line), never exit 1 ("indicators behind").

The failures are made real: a package on PYTHONPATH shadows one of planaudit's dependencies and
breaks as an old or damaged install would, and planaudit is started the two ways users start it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from planaudit import __main__ as launcher
from planaudit import __version__
from planaudit.cli.app import DEBUG_ENV, Exit
from tests.conftest import ROOT

PLAN = "plans/riverside-fy2018.yaml"
HINT = "(a dependency too old or a broken install: reinstall planaudit; --debug or PLANAUDIT_DEBUG=1 shows the traceback)"  # noqa: E501
STARTS = {
    "console script": [str(Path(sys.executable).with_name("planaudit"))],
    "python -m": [sys.executable, "-m", "planaudit"],
}
BROKEN = {
    # what pydantic 2.7-2.9 did to planaudit 0.1.0 (PydanticCustomError could not be subclassed)
    "old pydantic": (
        "pydantic_core",
        "raise TypeError(\"type 'PydanticCustomError' is not an acceptable base type\")",
        "TypeError: type 'PydanticCustomError' is not an acceptable base type",
    ),
    "half-installed typer": (
        "typer",
        "",
        "ModuleNotFoundError: No module named 'typer.core'",
    ),
    "missing yaml": (
        "yaml",
        "raise ModuleNotFoundError(\"No module named 'yaml._yaml'\")",
        "ModuleNotFoundError: No module named 'yaml._yaml'",
    ),
}


def start(how: str, *args: str, shadow: Path, env: dict[str, str] | None = None):
    environ = {k: v for k, v in os.environ.items() if k != DEBUG_ENV} | (env or {})
    environ["PYTHONPATH"] = str(shadow)
    command = [*STARTS[how], *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=environ)


def broken(tmp_path: Path, package: str, code: str) -> Path:
    (tmp_path / package).mkdir()
    (tmp_path / package / "__init__.py").write_text(code, encoding="utf-8")
    return tmp_path


def test_the_console_script_is_the_launcher():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["scripts"] == {"planaudit": "planaudit.__main__:main"}


def test_the_launcher_speaks_the_contract():
    assert (launcher.INTERNAL, launcher.INTERRUPTED) == (Exit.INTERNAL, Exit.INTERRUPTED)
    assert launcher.DEBUG_ENV == DEBUG_ENV


@pytest.mark.parametrize("how", STARTS)
@pytest.mark.parametrize(("package", "code", "reason"), BROKEN.values(), ids=BROKEN)
def test_a_broken_dependency_is_an_internal_error(how, package, code, reason, tmp_path):
    result = start(how, "check", PLAN, shadow=broken(tmp_path, package, code))
    line = f"planaudit {__version__}: internal error: cannot start: {reason} {HINT}\n"
    assert (result.returncode, result.stdout, result.stderr) == (3, "", line)


@pytest.mark.parametrize("how", STARTS)
def test_the_traceback_is_there_when_asked_for(how, tmp_path):
    package, code, reason = BROKEN["old pydantic"]
    shadow = broken(tmp_path, package, code)
    for result in (
        start(how, "--debug", "check", PLAN, shadow=shadow),
        start(how, "check", PLAN, shadow=shadow, env={DEBUG_ENV: "1"}),
    ):
        assert result.returncode == 3
        assert result.stderr.startswith("Traceback (most recent call last):\n")
        line = f"planaudit {__version__}: internal error: cannot start: {reason} {HINT}\n"
        assert result.stderr.endswith(f"\n{reason}\n{line}")


@pytest.mark.parametrize("how", STARTS)
def test_ctrl_c_while_starting(how, tmp_path):
    shadow = broken(tmp_path, "typer", "raise KeyboardInterrupt")
    result = start(how, "check", PLAN, shadow=shadow)
    assert (result.returncode, result.stdout, result.stderr) == (
        130,
        "",
        "planaudit: interrupted\n",
    )


@pytest.mark.parametrize("how", STARTS)
def test_a_sound_install_starts(how, tmp_path):
    result = start(how, "validate", PLAN, shadow=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "1 plan file valid\n")


def test_a_bug_after_start_asks_to_be_reported():
    try:
        raise RuntimeError("two\nlines")
    except RuntimeError as error:
        message = launcher.internal_error(error)
    assert message == (
        f"planaudit {__version__}: internal error: RuntimeError: two lines "
        "(run with --debug or PLANAUDIT_DEBUG=1 for the traceback, and report it)"
    )

"""The sdist and the wheel hold what they should, and nothing else.

The wheel: the package, its `py.typed`, the license. The sdist: every file of the repository that
the tests read (so that they pass from the unpacked sdist, which `make test-lowest` does), and no
virtual environment, git directory or cache, even when the tree it is built from has them. Both
are built as users build them (`python -m build`: the sdist, then the wheel from the sdist),
without isolation, so that the build backend is the one installed with the tests: its floor
under `make test-lowest`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from planaudit import __version__
from tests.conftest import ROOT

NAME = f"planaudit-{__version__}"
NOT_SHIPPED = {".ci/run", ".gitignore"}
"""Files of the repository that only its own CI and git read."""
GENERATED = ("PKG-INFO", "setup.cfg", "planaudit.egg-info/")
"""What setuptools writes into every sdist."""
JUNK = (
    ".git/HEAD",
    ".venv/bin/python",
    ".venv-lowest/bin/python",
    ".pytest_cache/README.md",
    ".mypy_cache/3.11/cache.db",
    ".ruff_cache/CACHEDIR.TAG",
    ".hypothesis/examples/0/1",
    "planaudit/__pycache__/cli.cpython-311.pyc",
    "tests/__pycache__/conftest.cpython-311.pyc",
    "benchmarks/.data/plans/0001.yaml",
    "build/lib/planaudit/stale.py",
    "dist/planaudit-0.0.1.tar.gz",
    "artifacts/html-report.png",
)
"""What a working tree gathers; none of it belongs in a distribution."""
_SKIPPED_DIRS = {"__pycache__", ".git", ".hypothesis", "build", "dist", ".data", "artifacts"}


def _source_files() -> list[str]:
    """The repository's files: those git tracks, or, in an unpacked sdist, all of them."""
    if (ROOT / ".git").exists():
        env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
        listed = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, env=env, capture_output=True, check=True
        ).stdout.decode()
        return sorted(name for name in listed.split("\0") if name and (ROOT / name).is_file())
    found = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in _SKIPPED_DIRS and not d.startswith((".venv", "."))]
        found += [Path(folder, f).relative_to(ROOT).as_posix() for f in files]
    return sorted(name for name in found if not name.endswith(".pyc"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Path, Path]:
    """The source files, and the sdist and the wheel built from a copy of them plus junk."""
    tmp = tmp_path_factory.mktemp("dist")
    source = _source_files()
    for name in [*source, *JUNK]:
        target = tmp / "src" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if name in source:
            shutil.copy2(ROOT / name, target)
        else:
            target.write_text("junk\n", encoding="utf-8")
    command = [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(tmp / "out")]
    subprocess.run([*command, str(tmp / "src")], capture_output=True, check=True)
    return source, tmp / "out" / f"{NAME}.tar.gz", tmp / "out" / f"{NAME}-py3-none-any.whl"


def test_the_sdist_holds_the_repository_and_nothing_else(built):
    source, sdist, _ = built
    with tarfile.open(sdist) as archive:
        members = [m.name for m in archive.getmembers() if m.isfile()]
        license_file = archive.extractfile(f"{NAME}/LICENSE")
        assert license_file is not None
        license_text = license_file.read().decode()
    assert all(name.startswith(f"{NAME}/") for name in members)
    names = {name.removeprefix(f"{NAME}/") for name in members}
    shipped = {name for name in names if not name.startswith(GENERATED)}
    expected = {name for name in source if not name.startswith(GENERATED)} - NOT_SHIPPED
    assert shipped == expected
    assert {"PKG-INFO", "planaudit/py.typed", "LICENSE", "tests/golden/chaoyang-2018.txt"} <= names
    assert license_text == (ROOT / "LICENSE").read_text(encoding="utf-8")


def test_the_wheel_holds_the_package_typed_and_licensed(built):
    source, _, wheel = built
    info = f"{NAME}.dist-info"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = Parser().parsestr(archive.read(f"{info}/METADATA").decode())
        entry_points = archive.read(f"{info}/entry_points.txt").decode()
        license_text = archive.read(f"{info}/licenses/LICENSE").decode()
    package = {name for name in source if name.startswith("planaudit/")}
    assert "planaudit/py.typed" in package
    metadata_files = ("METADATA", "WHEEL", "RECORD", "entry_points.txt", "top_level.txt")
    assert names == package | {f"{info}/{name}" for name in metadata_files} | {
        f"{info}/licenses/LICENSE"
    }
    assert (metadata["License-Expression"], metadata["License-File"]) == ("MIT", "LICENSE")
    assert "planaudit = planaudit.__main__:main" in entry_points.splitlines()
    assert license_text == (ROOT / "LICENSE").read_text(encoding="utf-8")


def test_the_license_is_mit_for_planaudit_contributors():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.splitlines()[:3] == ["MIT License", "", "Copyright (c) planaudit contributors"]
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert (pyproject["project"]["license"], pyproject["project"]["license-files"]) == (
        "MIT",
        ["LICENSE"],
    )


def test_the_tests_build_with_the_declared_backend():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    backend = pyproject["build-system"]["requires"]
    test_tools = pyproject["project"]["optional-dependencies"]["test"]
    assert backend == [tool for tool in test_tools if tool.startswith("setuptools")]

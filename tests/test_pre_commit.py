"""The pre-commit hooks work as the README's "CI" section says, followed step by step.

A scratch repository of plan files takes the README's configuration, with the `repo` pointed at
a git copy of this planaudit; `pre-commit autoupdate` pins `rev` to that copy's commit and
`pre-commit run --all-files` installs the hooks (pip, from PyPI) and runs them. Installing takes
about 20 seconds.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from planaudit.render.words import ENGLISH
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = re.split(r"\n##+ ", README.split("\n### pre-commit\n", 1)[1])[0]
CONFIG = next(
    block for block in re.findall(r"```yaml\n(.*?)```", SECTION, re.S) if "repos:" in block
)
DISTRICTS = 8
"""More plans than pre-commit gives one process of a hook that may run in parallel (4 or more
each, on every CPU): with two CPUs or more, a split run would show two roll-ups."""
PLAN = """\
plan: District {n} plan
year: 2018
as_of: 2018-06-30
indicators:
  - name: Roads resurfaced
    unit: km
    target: 100
    actual: {actual}
"""


def git(repo: Path, *args: str) -> str:
    identity = ["-c", "user.name=planaudit", "-c", "user.email=planaudit@example.org"]
    done = subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True)
    return done.stdout.decode().strip()


def pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pre_commit", *args, "--color", "never"]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True)


@pytest.fixture
def clean_env(tmp_path, monkeypatch):
    """pre-commit as a person runs it: its own cache, no git or CI variables from outside."""
    for name in list(os.environ):
        if name.startswith(("GIT_", "PRE_COMMIT", "PLANAUDIT_")) or name in {
            "SKIP",
            "GITHUB_STEP_SUMMARY",
        }:
            monkeypatch.delenv(name)
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-home"))
    monkeypatch.setenv("COLUMNS", "100")


@pytest.fixture
def planaudit_repo(tmp_path: Path) -> Path:
    """A git repository with this planaudit in one commit on `main`, as pre-commit clones it."""
    repo = tmp_path / "planaudit"
    for name in ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml"):
        repo.mkdir(exist_ok=True)
        shutil.copy2(ROOT / name, repo / name)
    shutil.copytree(
        ROOT / "planaudit", repo / "planaudit", ignore=shutil.ignore_patterns("__pycache__")
    )
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "planaudit")
    return repo


@pytest.fixture
def plan_repo(tmp_path: Path, planaudit_repo: Path) -> Path:
    """Plans of 8 districts, the last behind the pace, and the README's configuration."""
    repo = tmp_path / "plans"
    (repo / "plans").mkdir(parents=True)
    for n in range(1, DISTRICTS + 1):
        plan = PLAN.format(n=n, actual=60 if n < DISTRICTS else 10)
        (repo / "plans" / f"district-{n}.yaml").write_text(plan, encoding="utf-8")
    config = yaml.safe_load(CONFIG)
    config["repos"][0]["repo"] = str(planaudit_repo)
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    return repo


@pytest.mark.usefixtures("clean_env")
def test_the_readme_configuration_pinned_and_run(plan_repo, planaudit_repo):
    assert yaml.safe_load(CONFIG)["repos"][0]["rev"] == "main"
    updated = pre_commit(plan_repo, "autoupdate")
    assert updated.returncode == 0, updated.stdout + updated.stderr
    pinned = yaml.safe_load((plan_repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    sha = git(planaudit_repo, "rev-parse", "HEAD")
    assert re.fullmatch("[0-9a-f]{40}", pinned["repos"][0]["rev"])
    assert pinned["repos"][0]["rev"] == sha

    result = pre_commit(plan_repo, "run", "--all-files")
    lines = [line for line in result.stdout.splitlines() if not line.startswith("[INFO]")]
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.fullmatch(r"planaudit validate\.+Passed", lines[0])
    assert re.fullmatch(r"planaudit check\.+Failed", lines[1])
    assert lines[2:5] == ["- hook id: planaudit-check", "- exit code: 1", ""]
    output = "\n".join(lines[5:])
    assert output.count(ENGLISH.rollup_title) == 1  # one run of the audit: require_serial
    for n in range(1, DISTRICTS + 1):
        assert output.count(f"District {n} plan") == 2  # its table's title, its roll-up row
    assert "Roads resurfaced" in output.split(ENGLISH.rollup_title)[1]  # the most behind

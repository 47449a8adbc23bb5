"""The docs cannot drift: every key, option and sample is checked against the code."""

from __future__ import annotations

import re

import pytest
import yaml
from typer.testing import CliRunner

from planaudit.cli import app
from planaudit.plan import Indicator, PeriodSpan, Plan
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
FORMAT = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "key", sorted({*Plan.model_fields, *Indicator.model_fields, *PeriodSpan.model_fields})
)
def test_every_key_is_documented(key):
    assert f"`{key}`" in FORMAT


def test_every_option_is_in_the_readme():
    help_text = CliRunner().invoke(app, ["check", "--help"]).stdout
    options = set(re.findall(r"--[a-z][a-z-]+", help_text)) - {"--help"}
    assert options == {
        "--as-of", "--format", "--output", "--fail-on", "--tolerance", "--lang", "--only",
        "--max-size", "--jobs", "--forecast", "--recovery-factor",
    }  # fmt: skip
    assert all(f"`{option}" in README for option in options)


SAMPLES = re.findall(r"<!-- sample: planaudit (.+?) -->\n```\w*\n(.*?)```\n", README, flags=re.S)


def test_the_readme_has_a_sample_of_every_format():
    checks = [args for args, _ in SAMPLES if args.startswith("check")]
    formats = {(re.findall(r"--format (\w+)", args) or ["table"])[0] for args in checks}
    assert formats == {"table", "markdown", "json", "csv", "junit", "github"}


@pytest.mark.parametrize(("args", "sample"), SAMPLES, ids=[args for args, _ in SAMPLES])
def test_readme_samples_are_what_planaudit_prints(args, sample, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert CliRunner().invoke(app, args.split()).stdout == sample


def test_the_workflow_example_is_in_the_readme():
    workflow = (ROOT / "examples" / "plan-audit.yml").read_text(encoding="utf-8")
    assert f"```yaml\n{workflow}```" in README
    steps = yaml.safe_load(workflow)["jobs"]["audit"]["steps"]
    assert [step.get("run", "").split(" plans/")[0] for step in steps[-2:]] == [
        "planaudit validate",
        "planaudit check",
    ]


def test_the_quick_start_is_two_make_commands():
    quick_start = README.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^make \w+", quick_start, flags=re.MULTILINE)
    assert commands == ["make audit", "make test"]

"""The docs cannot drift: every key, option and sample is checked against the code."""

from __future__ import annotations

import re

import pytest
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
    assert options == {"--as-of", "--format", "--output", "--fail-on", "--tolerance"}
    assert all(f"`{option}" in README for option in options)


def test_the_readme_table_is_what_check_prints():
    golden = (ROOT / "tests" / "golden" / "chaoyang-2018.txt").read_text(encoding="utf-8")
    assert f"```text\n{golden}```" in README


def test_the_quick_start_is_two_make_commands():
    quick_start = README.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^make \w+", quick_start, flags=re.MULTILINE)
    assert commands == ["make audit", "make test"]

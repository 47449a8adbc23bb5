"""Fuzzing: random YAML and random damage to the bundled plans, through the loader, the audit,
every renderer and the whole `check` command. The only outcomes allowed are a report or
planaudit's own located input error. `make fuzz` runs 10,000 examples of each."""

from __future__ import annotations

import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from planaudit.cli import app as cli
from planaudit.core.errors import PlanError
from planaudit.core.model import Indicator, Plan
from planaudit.core.results.plans import Report
from planaudit.core.run import Settings, audit_loaded
from planaudit.draft import draft, to_yaml
from planaudit.io.loader import parse
from planaudit.io.source import MAX_BYTES
from planaudit.render.registry import Format, RenderOptions, render
from tests.conftest import ROOT

PLAN_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "plans").glob("*.yaml"))]
KEYS = sorted({*Plan.model_fields, *Indicator.model_fields, "start", "end"})
LOCATED = re.compile(r"^.+:\d+:\d+: .+$")
ODD_VALUES = [
    "yes", "no", "on", "off", "~", "null", "[]", "{}", "1.2.3", "一百", "-5", "0", "1e400", ".nan",
    ".inf", "2018-13-45", "2018-06-31", "!!python/object/apply:os.system ['true']", "*a", "&a x",
    '"', "'", "{", "[", "\t", "6.5%左右", "不低于5以内", "1.7万", "9" * 30, "'=1+1'", "a: b",
    "- x", "!!binary aGk=", '"\\e[31m"', "<script>", "|", ">", "%", "@x", "`x`",
    "{same_as: a}", "{same_as: indicator-1}", "1000公顷", "不低于1.7万个", "低于1.8个百分点",
    "低于", "{start: 2013-01-01, end: 2017-12-31}", "{start: 2019-01-01, end: 2019-12-31}",
]  # fmt: skip


def _assert_located(error: PlanError, path: str) -> None:
    assert error.problems
    for problem in error.problems:
        assert problem.path == path and problem.line >= 1 and problem.column >= 1
        assert problem.message and "\n" not in problem.message


def _through_everything(text: str) -> None:
    """Load, audit and render every format; anything but a located PlanError is a bug."""
    try:
        loaded = parse(text, "fuzz.yaml")
        as_of = date(2018, 6, 30) if loaded.plan.as_of is None else None
        plan = audit_loaded(loaded, Settings(as_of, None, MAX_BYTES))
    except PlanError as error:
        _assert_located(error, "fuzz.yaml")
        return
    report = Report((plan,), ())
    for format in Format:
        assert isinstance(render(format, report, RenderOptions()), str)


scalars = (
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | st.dates()
    | st.sampled_from(ODD_VALUES)
)  # fmt: skip
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=25,
)


@given(st.dictionaries(st.sampled_from(KEYS), values, max_size=8), st.lists(
    st.dictionaries(st.sampled_from(KEYS), values, max_size=8), max_size=4))  # fmt: skip
def test_random_yaml_plans(top: dict[str, Any], indicators: list[dict[str, Any]]):
    document = {**top, "indicators": indicators}
    _through_everything(yaml.safe_dump(document, allow_unicode=True))


@given(st.text(max_size=300))
def test_random_text(text: str):
    _through_everything(text)


@st.composite
def damaged_plans(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(PLAN_TEXTS)).splitlines(keepends=True)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        action = draw(st.sampled_from(["delete", "swap", "value", "duplicate", "insert"]))
        line = lines[index]
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "swap" and len(line) > 2:
            at = draw(st.integers(min_value=0, max_value=len(line) - 2))
            lines[index] = line[:at] + line[at + 1] + line[at] + line[at + 2 :]
        elif action == "value" and ":" in line:
            key = line.split(":", 1)[0]
            lines[index] = f"{key}: {draw(st.sampled_from(ODD_VALUES) | st.text(max_size=10))}\n"
        elif action == "duplicate":
            lines.insert(index, line)
        else:
            at = draw(st.integers(min_value=0, max_value=len(line)))
            lines[index] = line[:at] + draw(st.characters()) + line[at:]
    return "".join(lines)


@given(damaged_plans())
def test_damaged_plans(text: str):
    _through_everything(text)


@given(damaged_plans(), st.sampled_from(list(Format)))
def test_damaged_plans_through_check(text: str, format: Format):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        into = ["--output", str(Path(folder) / "report")] if format is Format.XLSX else []
        result = CliRunner().invoke(cli.app, ["check", str(path), "--format", format.value, *into])
    assert result.exit_code in (0, 1, 2), result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 2:
        assert result.stderr and all(LOCATED.match(line) for line in result.stderr.splitlines())
    else:
        assert result.stderr == ""


REPORT_TEXT = (ROOT / "reports" / "chaoyang-2018-h1.txt").read_text(encoding="utf-8")


@given(damaged_plans(), st.sampled_from(["diff", "history"]))
def test_damaged_plans_through_diff_and_history(text: str, command: str):
    """A damaged plan against the bundled one it came from: a report or located problems."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        paths = [str(ROOT / "plans" / "chaoyang-2018.yaml"), str(path)]
        args = [command, *(paths if command == "diff" else paths[1:])]
        result = CliRunner().invoke(cli.app, [*args, "--format", "json"])
    assert result.exit_code in (0, 1, 2), result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 2:
        assert result.stderr and all(LOCATED.match(line) for line in result.stderr.splitlines())


@given(st.integers(min_value=0, max_value=len(REPORT_TEXT)), st.text(max_size=40))
def test_draft_of_a_damaged_report_is_a_plan_or_located_problems(at: int, inserted: str):
    """Text inserted anywhere in the report: the draft is still YAML of the plan's shape, and
    reading it back gives a plan or located problems, never a crash."""
    made = to_yaml(draft(REPORT_TEXT[:at] + inserted + REPORT_TEXT[at:], "report.txt"))
    assert isinstance(yaml.safe_load(made)["indicators"], list | type(None))
    try:
        parse(made, "draft.yaml")
    except PlanError as error:
        _assert_located(error, "draft.yaml")

"""validate, schema, the pre-commit hooks, the step summary, --only and --lang."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from typing import Any

import jsonschema
import pytest
import yaml

from planaudit.core.schema import schema_text
from tests.conftest import ROOT, run

PLANS = sorted((ROOT / "plans").glob("*.yaml"))
INVALID = ROOT / "tests" / "cases" / "invalid"


pytestmark = pytest.mark.usefixtures("cli_env")


def test_validate_valid_plans():
    result = run("validate")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "2 plan files valid\n")


def test_validate_reports_every_problem():
    names = ("unknown-key-indicator", "wrong-types")
    result = run("validate", *(str(INVALID / f"{name}.yaml") for name in names))
    expected = "".join(
        (INVALID / f"{name}.stderr")
        .read_text(encoding="utf-8")
        .replace(f"{name}.yaml", str(INVALID / f"{name}.yaml"))
        for name in names
    )
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", expected)


def test_the_shipped_schema_is_current():
    shipped = (ROOT / "planaudit.schema.json").read_text(encoding="utf-8")
    assert shipped == schema_text(), "run: planaudit schema > planaudit.schema.json"
    result = run("schema")
    assert (result.exit_code, result.stdout) == (0, shipped)


def _as_json(data: Any) -> Any:
    """YAML's dates as the strings a JSON-Schema validator sees in an editor."""
    if isinstance(data, dict):
        return {str(k): _as_json(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_as_json(v) for v in data]
    return data.isoformat() if isinstance(data, date) else data


SCHEMA = json.loads((ROOT / "planaudit.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_bundled_plans_validate_against_the_schema(plan):
    text = plan.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../planaudit.schema.json\n")
    jsonschema.Draft202012Validator(SCHEMA).validate(_as_json(yaml.safe_load(text)))


def test_the_schema_catches_a_typo_and_describes_every_key():
    validator = jsonschema.Draft202012Validator(SCHEMA)
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    bad = {"plan": "x", "year": 2018, "indicators": [{"name": "a", "tagret": 1}]}
    assert [e.message for e in validator.iter_errors(bad)] == [
        "Additional properties are not allowed ('tagret' was unexpected)"
    ]
    properties = {**SCHEMA["properties"]}
    for definition in SCHEMA["$defs"].values():
        properties.update(definition.get("properties", {}))
    assert all(re.search(r"[\u4e00-\u9fff]", p["description"]) for p in properties.values())


HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_the_pre_commit_hooks():
    assert [hook["id"] for hook in HOOKS] == ["planaudit-validate", "planaudit-check"]
    for hook in HOOKS:
        assert hook["language"] == "python"
        assert re.search(hook["files"], "plans/chaoyang-2018.yaml")
        assert re.search(hook["files"], "plans/district/east.yml")
        assert not re.search(hook["files"], ".github/workflows/ci.yaml")
    # the roll-up needs every file in one run; validating may be split across processes
    assert [hook.get("require_serial", False) for hook in HOOKS] == [False, True]


@pytest.mark.parametrize(
    ("hook", "plan", "code"),
    [
        ("planaudit-validate", "plans/chaoyang-2018.yaml", 0),
        ("planaudit-validate", "tests/cases/invalid/alias.yaml", 2),
        ("planaudit-check", "plans/riverside-fy2018.yaml", 0),
        ("planaudit-check", "plans/chaoyang-2018.yaml", 1),
    ],
)
def test_the_hook_entries_run(hook, plan, code):
    entry = next(h["entry"] for h in HOOKS if h["id"] == hook).split()
    assert entry[0] == "planaudit"
    command = [sys.executable, "-m", "planaudit", *entry[1:], plan]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.returncode == code, result.stderr


def test_the_step_summary_gets_the_markdown_whatever_the_format(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run("check", "plans/chaoyang-2018.yaml", "--format", "github")
    assert result.exit_code == 1
    markdown = run("check", "plans/chaoyang-2018.yaml", "--format", "markdown").stdout
    assert summary.read_text(encoding="utf-8") == "earlier step\n" + markdown + markdown


def test_only_flagged_in_every_format():
    table = run("check", "plans/chaoyang-2018.yaml", "--only", "flagged").stdout
    assert "新增改造绿地" in table and "第二批试点拆迁腾退" in table and "拆除违法建设" not in table
    rows = run("check", "plans/chaoyang-2018.yaml", "--only", "flagged", "-f", "csv").stdout
    assert [line.split(",")[5] for line in rows.splitlines()[1:]] == [
        "new-green-space",
        "second-batch-demolition",
    ]


def test_lang_on_the_command_line():
    english = run("check", "plans/chaoyang-2018.yaml", "--lang", "en", "-f", "markdown").stdout
    assert (
        "**Time half, task half: not achieved (10 of 12 cumulative indicators)**; 1 of 1 "
        "level indicator on target; 2 milestones not yet due." in english
    )
    chinese = run("check", "plans/riverside-fy2018.yaml", "--lang", "zh", "-f", "markdown").stdout
    assert (
        "**时间过半、任务过半：未实现（累计指标3项中2项）**；"
        "增速等指标1项中0项达到目标；节点任务1项未到期。" in chinese
    )


def test_the_schema_takes_the_forms_of_real_reports():
    from tests.test_cli import NEW_KEYS

    validator = jsonschema.Draft202012Validator(SCHEMA)
    validator.validate(_as_json(yaml.safe_load(NEW_KEYS)))
    dated = {"plan": "x", "year": 2018, "indicators": [
        {"name": "a", "stated_gap": {"2018-06-30": "低于"}, "target_source": "全年…"}]}  # fmt: skip
    validator.validate(dated)
    bad = {"plan": "x", "year": 2018, "indicators": [{"name": "a", "target": {"same_as": 5}}]}
    assert not validator.is_valid(bad)

"""--quiet (check: the verdict line of each plan that fails, nothing when none does; validate:
nothing on success) and --no-color, each also set by the configuration file."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from planaudit.cli.app import app
from tests.conftest import ROOT

CHAOYANG = "plans/chaoyang-2018.yaml"
RIVERSIDE = "plans/riverside-fy2018.yaml"
VERDICT = (
    "plans/chaoyang-2018.yaml: 时间过半、任务过半：未实现（累计指标12项中10项）；"
    "增速等指标1项中1项达到目标；节点任务2项未到期。标记2项。\n"
)
RED = "\x1b[1;31m"
PLAN = (ROOT / CHAOYANG).read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _env(cli_env, monkeypatch):
    monkeypatch.delenv("PLANAUDIT_CONFIG", raising=False)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_quiet_check_prints_the_verdict_line_of_each_failing_plan():
    assert run("check", "plans/", "-q") == (1, VERDICT, "")
    assert run("check", CHAOYANG, RIVERSIDE, "--quiet") == (1, VERDICT, "")


def test_quiet_check_prints_nothing_when_nothing_fails():
    assert run("check", RIVERSIDE, "-q") == (0, "", "")
    assert run("check", "plans/", "-q", "--fail-on", "never") == (0, "", "")


def test_quiet_keeps_the_problems_on_stderr(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("plan: x\n", encoding="utf-8")
    code, out, err = run("check", CHAOYANG, str(bad), "-q")
    assert (code, out) == (2, VERDICT)
    assert err == f"{bad}:1:1: missing required key 'indicators'\n"


def test_quiet_leaves_documents_whole():
    assert run("check", CHAOYANG, "-q", "-f", "json") == run("check", CHAOYANG, "-f", "json")


def test_quiet_validate_prints_nothing_on_success_and_problems_still():
    assert run("validate", "plans/", "-q") == (0, "", "")
    assert run("validate", "plans/") == (0, "", "2 plan files valid\n")
    assert run("validate", "nowhere.yaml", "-q") == (
        2,
        "",
        "nowhere.yaml:1:1: no such file or directory\n",
    )


def test_force_color_colours_and_no_color_wins(monkeypatch, tmp_path):
    old = tmp_path / "old.yaml"
    old.write_text(
        PLAN.replace("target: 1000", "target: 1200"),
        encoding="utf-8",
    )
    tables = [
        ("check", CHAOYANG),
        ("check", CHAOYANG, "-q"),
        ("history", CHAOYANG),
        ("diff", str(old), CHAOYANG),
    ]
    plain = {args: run(*args) for args in tables}
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert run("check", CHAOYANG, "-q") == (
        1,
        VERDICT.replace(": 时间", f": {RED}时间").replace("。\n", "。\x1b[0m\n"),
        "",
    )
    for args, expected in plain.items():
        assert "\x1b[" not in expected[1]
        assert "\x1b[" in run(*args)[1]
        assert run(*args, "--no-color") == expected


def test_the_configuration_file_sets_quiet_and_no_color(tmp_path, monkeypatch):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "c.yaml").write_text(PLAN)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".planaudit.toml").write_text(
        "[check]\nquiet = true\nno-color = true\n[validate]\nquiet = true\n", encoding="utf-8"
    )
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert run("check") == (1, VERDICT.replace("chaoyang-2018", "c"), "")
    assert run("validate") == (0, "", "")
    code, out, err = run("config", "check")
    assert (code, err) == (0, "")
    assert out.endswith(
        "quiet = true            # .planaudit.toml:2\nno-color = true         # .planaudit.toml:3\n"
    )
    (tmp_path / ".planaudit.toml").write_text("[check]\nquiet = 1\n", encoding="utf-8")
    assert run("check") == (
        2,
        "",
        ".planaudit.toml:2:1: quiet: must be true or false, not an integer\n",
    )

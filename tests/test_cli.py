"""The command line as users run it: exit code, stdout and stderr asserted together."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from planaudit import __version__
from planaudit.cli import app as cli
from planaudit.core import run as pipeline
from tests.conftest import ROOT, run

CHAOYANG = "plans/chaoyang-2018.yaml"
RIVERSIDE = "plans/riverside-fy2018.yaml"
GOLDEN = Path(__file__).parent / "golden"


pytestmark = pytest.mark.usefixtures("cli_env")


@pytest.mark.parametrize("plan", [CHAOYANG, RIVERSIDE])
def test_the_table_for_a_bundled_plan(plan):
    result = run("check", plan, "--fail-on", "never")
    golden = (GOLDEN / f"{Path(plan).stem}.txt").read_text(encoding="utf-8")
    assert (result.exit_code, result.stdout, result.stderr) == (0, golden, "")


def test_no_escape_codes_when_not_a_terminal():
    assert "\x1b" not in run("check", CHAOYANG).stdout


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((CHAOYANG,), 1),  # 绿化 and 第二批试点 are behind
        ((CHAOYANG, "--fail-on", "never"), 0),
        ((CHAOYANG, "--fail-on", "watch"), 1),
        ((RIVERSIDE,), 0),  # only watch
        ((RIVERSIDE, "--fail-on", "watch"), 1),
        ((RIVERSIDE, "--fail-on", "watch", "--tolerance", "0"), 1),
        ((RIVERSIDE, "--tolerance", "0"), 1),  # the school places fall from watch to behind
        ((CHAOYANG, "--as-of", "2018-12-31"), 1),
        ((), 1),  # plans/ by default
    ],
)
def test_exit_codes(args, code):
    result = run("check", *args)
    assert (result.exit_code, result.stderr) == (code, "")


def report_of(*args: str) -> dict[str, Any]:
    result = run("check", *args, "--format", "json")
    assert result.stderr == ""
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def by_id(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {i["id"]: i for plan in report["plans"] for i in plan["indicators"]}


def test_the_chaoyang_audit():
    report = report_of(CHAOYANG)
    plan = report["plans"][0]
    assert plan["as_of"] == "2018-06-30" and plan["elapsed"] == 50.0
    assert plan["period"] == {"start": "2018-01-01", "end": "2018-12-31"}
    assert plan["summary"] == {
        "indicators": 22,
        "assessed": 12,
        "on_pace": 10,
        "flagged": 2,
        "by_status": {
            "no_target": 6,
            "annual_only": 1,
            "on_track": 10,
            "pending": 2,
            "behind": 2,
            "met": 1,
        },
        "verdict": False,
        "serious": 0,
        "stated_mismatches": 0,
        "parts_mismatches": 0,
        "restatements": 0,
        "pace_verdict": False,
        "cumulative_missed": 0,
        "levels_judged": 1,
        "levels_met": 1,
        "milestones_due": 0,
        "milestones_done": 0,
        "milestones_pending": 2,
        "stated_gap_mismatches": 0,
    }
    indicators = by_id(report)
    demolition = indicators["illegal-demolition"]
    assert (demolition["status"], demolition["completion"], demolition["stated"]) == (
        "on_track",
        91.77,
        91.77,
    )
    green = indicators["new-green-space"]
    assert (green["status"], green["target"], green["actual"], green["unit"]) == (
        "behind",
        1000,
        55,
        "公顷",
    )
    assert (green["completion"], green["expected"], green["gap"], green["line"]) == (
        5.5,
        50.0,
        -44.5,
        67,
    )
    pm25 = indicators["pm25"]
    assert (pm25["status"], pm25["target"], pm25["direction"], pm25["margin"]) == (
        "on_track",
        58,
        "lower",
        1,
    )
    gdp = indicators["gdp-growth"]
    assert (gdp["status"], gdp["target"], gdp["actual"], gdp["unit"]) == (
        "no_target",
        None,
        6.5,
        "%",
    )
    places = indicators["school-places"]
    assert (places["target"], places["actual"], places["completion"]) == (17000, 14000, 82.35)
    assert report["errors"] == []


def test_json_keys_are_the_contracts():
    report = report_of(CHAOYANG)
    assert set(report) == {"schema_version", "plans", "errors"}
    assert report["schema_version"] == 1
    contract = {"id", "name", "section", "owner", "unit", "kind", "direction", "binding", "target",
                "actual", "completion", "expected", "gap", "stated", "stated_consistent",
                "status", "flagged", "line"}  # fmt: skip
    assert all(contract <= set(i) for i in report["plans"][0]["indicators"])


def test_as_of_overrides_the_file():
    indicators = by_id(report_of(CHAOYANG, "--as-of", "2018-12-31"))
    assert indicators["new-green-space"]["status"] == "missed"
    assert indicators["district-plan"]["status"] == "pending"
    assert indicators["energy-intensity"]["status"] == "no_target"
    assert indicators["city-relocation-tasks"]["status"] == "missed"


def test_as_of_before_the_period():
    result = run("check", CHAOYANG, "--as-of", "2017-06-30")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "plans/chaoyang-2018.yaml:7:7: --as-of: as_of 2017-06-30 is before the plan period "
        "(2018-01-01 – 2018-12-31)\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--as-of", "June"),
            "Invalid value for '--as-of': 'June' is not a date such as 2018-06-30",
        ),
        (("--format", "pdf"), "Invalid value for '--format'"),
        (("--fail-on", "sometimes"), "Invalid value for '--fail-on'"),
        (("--tolerance", "-1"), "Invalid value for '--tolerance'"),
    ],
)
def test_bad_usage_exits_2(args, message):
    result = run("check", CHAOYANG, *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert message in result.stderr


def test_a_missing_path():
    result = run("check", "nowhere.yaml")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "nowhere.yaml:1:1: no such file or directory\n",
    )


def test_a_directory_with_a_bad_file_still_audits_the_others(tmp_path):
    (tmp_path / "good.yaml").write_bytes((ROOT / RIVERSIDE).read_bytes())
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "bad.yml").write_text("plan: x\nyear: 2018\nindicators: []\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "ignored.yaml").write_text("not: a plan\n")
    (tmp_path / "notes.txt").write_text("not yaml")
    result = CliRunner().invoke(cli.app, ["check", str(tmp_path), "--format", "json"])
    assert result.exit_code == 2
    bad = tmp_path / "nested" / "bad.yml"
    assert result.stderr == f"{bad}:3:13: indicators must not be empty: list at least one\n"
    report = json.loads(result.stdout)
    assert [plan["path"] for plan in report["plans"]] == [str(tmp_path / "good.yaml")]
    assert report["errors"] == [
        {
            "path": str(bad),
            "line": 3,
            "column": 13,
            "message": "indicators must not be empty: list at least one",
        }
    ]


def test_an_empty_directory(tmp_path):
    result = run("check", str(tmp_path))
    assert (result.exit_code, result.stderr) == (
        2,
        f"{tmp_path}:1:1: no *.yaml or *.yml plan files here\n",
    )


def test_output_file(tmp_path):
    target = tmp_path / "audit.json"
    result = run("check", CHAOYANG, "--format", "json", "--output", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "")
    assert json.loads(target.read_text(encoding="utf-8"))["plans"][0]["plan"].startswith("朝阳区")
    assert [p.name for p in tmp_path.iterdir()] == ["audit.json"]
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_an_existing_output_survives_a_crash(tmp_path, monkeypatch):
    target = tmp_path / "audit.json"
    target.write_text("previous report")

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "audit_plan", broken)
    result = run("check", CHAOYANG, "--output", str(target))
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == (
        f"planaudit {__version__}: internal error: RuntimeError: boom "
        "(run with --debug or PLANAUDIT_DEBUG=1 for the traceback, and report it)\n"
    )
    assert target.read_text() == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["audit.json"]


@pytest.mark.parametrize("name", ["audit.html", "audit.md", "audit.csv", "audit.xlsx"])
def test_an_existing_report_survives_a_plan_that_cannot_be_read(tmp_path, name):
    """A report of nothing (a blank page, a bare CSV header) never replaces the last good one:
    the problems go to stderr and the file stays as it was."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("plan: P\nyear: 2018\nas_of: 2018-6-30\nindicators: []\n", encoding="utf-8")
    target = tmp_path / name
    target.write_bytes(b"previous report")
    result = run("check", str(broken), "--output", str(target))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"{broken}:3:")
    assert target.read_bytes() == b"previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["broken.yaml", name])


@pytest.mark.parametrize("command", ["history", "diff"])
def test_history_and_diff_keep_the_last_report_of_a_plan_that_cannot_be_read(tmp_path, command):
    broken = tmp_path / "broken.yaml"
    broken.write_text("plan: P\nyear: 2018\nas_of: 2018-6-30\nindicators: []\n", encoding="utf-8")
    target = tmp_path / "report.md"
    target.write_text("previous report", encoding="utf-8")
    inputs = [str(broken)] if command == "history" else [CHAOYANG, str(broken)]
    result = run(command, *inputs, "--output", str(target))
    assert (result.exit_code, result.stdout) == (2, "")
    assert target.read_text(encoding="utf-8") == "previous report"


def test_json_reports_a_plan_that_cannot_be_read_in_its_file(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("plan: P\nyear: 2018\nas_of: 2018-6-30\nindicators: []\n", encoding="utf-8")
    target = tmp_path / "audit.json"
    result = run("check", str(broken), "--output", str(target))
    assert result.exit_code == 2
    written = json.loads(target.read_text(encoding="utf-8"))
    assert (written["plans"], [e["line"] for e in written["errors"]]) == ([], [3, 4])


def test_debug_shows_the_traceback(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "audit_plan", broken)
    result = run("--debug", "check", CHAOYANG)
    assert result.exit_code == 3
    assert "Traceback (most recent call last)" in result.stderr


def test_plan_text_is_shown_literally(tmp_path):
    plan = tmp_path / "markup.yaml"
    plan.write_text(
        "plan: '[bold red]Plan[/] [link=https://example.com]x[/link]'\n"
        "year: 2018\nas_of: 2018-06-30\n"
        "indicators:\n  - name: '[blink]Roads[/blink] :smile:'\n    unit: '[red]km'\n"
        "    target: 10\n    actual: 5\n",
        encoding="utf-8",
    )
    result = run("check", str(plan))
    assert result.exit_code == 0
    assert "[bold red]Plan[/] [link=https://example.com]x[/link]" in result.stdout
    assert "[blink]Roads[/blink] :smile:" in result.stdout
    assert "5 [red]km" in result.stdout


def test_version_and_help():
    assert (run("--version").stdout, run("--version").exit_code) == (
        f"planaudit {__version__}\n",
        0,
    )
    help_text = run("check", "--help").stdout
    assert "Example: planaudit check plans/chaoyang-2018.yaml" in help_text
    assert "--fail-on" in help_text and "--tolerance" in help_text


def test_python_dash_m():
    result = subprocess.run(
        [sys.executable, "-m", "planaudit", "check", RIVERSIDE, "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert (
        json.loads(result.stdout)["plans"][0]["plan"]
        == "Riverside County Capital Programme FY2018-19"
    )


def _planaudit(*args: str, stdout: Any) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "planaudit", *args], stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT
    )


@pytest.mark.parametrize(
    ("args", "code"),
    [
        *[((CHAOYANG, "--format", format), 1) for format in ("table", "json", "markdown", "csv",
                                                             "junit", "github")],
        ((CHAOYANG, "--fail-on", "never"), 0),
        ((RIVERSIDE,), 0),
    ],
)  # fmt: skip
def test_a_closed_stdout_keeps_the_verdicts_exit_code(args, code):
    """`check … | true`: the reader is gone before the first line."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    process = _planaudit("check", *args, stdout=write_end)
    os.close(write_end)
    _, stderr = process.communicate(timeout=60)
    assert (process.returncode, stderr) == (code, b"")


def test_a_diff_to_a_closed_stdout_keeps_its_exit_code():
    read_end, write_end = os.pipe()
    os.close(read_end)
    process = _planaudit("diff", "tests/cases/diff/old.yaml", "tests/cases/diff/new.yaml",
                         stdout=write_end)  # fmt: skip
    os.close(write_end)
    _, stderr = process.communicate(timeout=60)
    assert (process.returncode, stderr) == (1, b"")


@pytest.mark.parametrize("format", ["table", "json", "csv"])
def test_the_exit_code_does_not_depend_on_how_much_was_read(format, tmp_path):
    """`check plans/ | head -1` on a report longer than a pipe holds: the plan that fails comes
    last, long after the reader has gone, and still decides the exit code."""
    riverside = (ROOT / RIVERSIDE).read_bytes()
    for number in range(80):
        (tmp_path / f"r{number:02}.yaml").write_bytes(riverside)  # watch only: exit 0 alone
    (tmp_path / "zz.yaml").write_bytes((ROOT / CHAOYANG).read_bytes())  # behind: exit 1
    process = _planaudit("check", str(tmp_path), "--format", format, stdout=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    assert (process.wait(timeout=60), stderr) == (1, b"")


NEW_KEYS = """\
plan: 某市2016年国民经济和社会发展计划
year: 2016
as_of: 2016-06-30
indicators:
  - name: 地区生产总值增长
    id: gdp-growth
    kind: level
    target: 7%左右
    actual: 6.5%
    stated_gap: 低于目标0.5个百分点
  - name: 城乡居民收入增长
    id: income-growth
    kind: level
    target: {same_as: gdp-growth}
    actual: 6.0%
  - name: 棚户区改造（2013—2017年）
    id: shantytowns
    period: {start: 2013-01-01, end: 2017-12-31}
    target: 10万户
    actual: 8.1万户
  - name: 新增学位
    id: school-places
    target: 不低于1.7万个
    actual: 1.4万余个
    stated_gap: 落后序时进度30个百分点
"""


def test_the_new_keys_in_the_json_report(tmp_path):
    plan = tmp_path / "keys.yaml"
    plan.write_text(NEW_KEYS, encoding="utf-8")
    result = run("check", str(plan), "--format", "json")
    assert (result.exit_code, result.stderr) == (1, "")  # the wrong stated gap fails the run
    report = json.loads(result.stdout)["plans"][0]
    keys = ("unit", "target", "target_text", "target_same_as", "actual", "actual_text",
            "completion", "expected", "gap", "margin", "status", "period", "stated_gap",
            "stated_gap_text", "stated_gap_consistent", "flagged")  # fmt: skip
    shown = {i["id"]: {key: i[key] for key in keys} for i in report["indicators"]}
    assert shown == {
        "gdp-growth": {
            "unit": "%", "target": 7, "target_text": "7%左右", "target_same_as": None,
            "actual": 6.5, "actual_text": "6.5%", "completion": None, "expected": None,
            "gap": None, "margin": -0.5, "status": "watch", "period": None, "stated_gap": -0.5,
            "stated_gap_text": "低于目标0.5个百分点", "stated_gap_consistent": True,
            "flagged": True,
        },
        "income-growth": {
            "unit": "%", "target": 6.5, "target_text": "与地区生产总值增长同步（6.5%）",
            "target_same_as": "gdp-growth", "actual": 6, "actual_text": "6.0%",
            "completion": None, "expected": None, "gap": None, "margin": -0.5,
            "status": "watch", "period": None, "stated_gap": None, "stated_gap_text": None,
            "stated_gap_consistent": None, "flagged": True,
        },
        "shantytowns": {
            "unit": "户", "target": 100000, "target_text": "10万", "target_same_as": None,
            "actual": 81000, "actual_text": "8.1万", "completion": 81.0, "expected": 70.0,
            "gap": 11.0, "margin": None, "status": "on_track",
            "period": {"start": "2013-01-01", "end": "2017-12-31"}, "stated_gap": None,
            "stated_gap_text": None, "stated_gap_consistent": None, "flagged": False,
        },
        "school-places": {
            "unit": "个", "target": 17000, "target_text": "不低于1.7万", "target_same_as": None,
            "actual": 14000, "actual_text": "1.4万余", "completion": 82.35, "expected": 50.0,
            "gap": 32.35, "margin": None, "status": "on_track", "period": None,
            "stated_gap": -30, "stated_gap_text": "落后序时进度30个百分点",
            "stated_gap_consistent": False, "flagged": True,
        },
    }  # fmt: skip
    assert report["summary"]["stated_gap_mismatches"] == 1
    assert report["summary"]["stated_mismatches"] == 0
    assert run("check", str(plan), "--fail-on", "never").exit_code == 0


def test_the_new_keys_in_markdown(tmp_path):
    plan = tmp_path / "keys.yaml"
    plan.write_text(NEW_KEYS, encoding="utf-8")
    chinese = run("check", str(plan), "--format", "markdown").stdout
    assert "| 与地区生产总值增长同步（6.5%） |" in chinese
    assert "报告差距不符1项" in chinese and "❗ 差距不符" in chinese
    assert (
        "- **新增学位**：报告所列差距为“落后序时进度30个百分点”，按数计算为+32.35个百分点。\n"
    ) in chinese
    english = run("check", str(plan), "--lang", "en", "--format", "markdown").stdout
    assert "| in step with 地区生产总值增长 (6.5%) |" in english
    assert (
        "- **新增学位**: The report states a gap of “落后序时进度30个百分点”; its figures give "
        "+32.35 pts.\n"
    ) in english
    assert "on target. 3 flagged; 1 stated-gap mismatch.\n" in english
    junit = run("check", str(plan), "--format", "junit").stdout
    assert junit.count('type="stated_gap_mismatch"') == 1


@pytest.mark.parametrize(
    ("figures", "where", "message"),
    [
        ("    target: 200万元\n    actual: 150\n", "7:13",
         "actual: 150 has no unit, but target 200万元 is in 万元: is it 150元 or 150万元? Write "
         "the unit with the figure, or give unit"),
        ("    target: 200\n    actual: 1.5亿元\n", "6:13",
         "target: 200 has no unit, but actual 1.5亿元 is in 亿元: is it 200元 or 200亿元? Write "
         "the unit with the figure, or give unit"),
        ("    target: 200万元\n    actual: {2018-03-31: 50万元, 2018-06-30: 150}\n", "7:13",
         "actual: 150 has no unit, but target 200万元 is in 万元: is it 150元 or 150万元? Write "
         "the unit with the figure, or give unit"),
    ],
)  # fmt: skip
def test_a_bare_figure_beside_one_in_a_magnitude_of_a_unit_is_an_error(tmp_path, figures, where,
                                                                        message):  # fmt: skip
    """200万元 and 150 with no `unit`: 150元 or 150万元? Asked, never guessed."""
    plan = tmp_path / "p.yaml"
    head = "plan: 测试计划\nyear: 2018\nas_of: 2018-06-30\nindicators:\n  - name: 投资\n"
    plan.write_text(head + figures, encoding="utf-8")
    result = run("check", str(plan))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"{plan}:{where}: {message}\n",
    )
    for fine in ("    unit: 万元\n    target: 200万\n    actual: 150\n",
                 "    target: 200万元\n    actual: 150万\n",
                 "    target: 200元\n    actual: 150\n"):  # fmt: skip
        plan.write_text(head + fine, encoding="utf-8")
        assert run("check", str(plan)).exit_code != 2, fine


def test_no_path_and_no_plans_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    message = (
        "plans/:1:1: no such folder (looked for when no PATH is given); "
        "give plan files or folders\n"
    )
    for command in ("check", "validate"):
        result = run(command)
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
    named = run("check", "plans")  # named, it is not looked for: it is missing
    assert named.stderr == message


def test_only_flagged_with_nothing_flagged_says_so(tmp_path):
    plan = tmp_path / "p.yaml"
    plan.write_text(
        "plan: 测试计划\nyear: 2018\nas_of: 2018-06-30\nindicators:\n"
        "  - name: 新增学位\n    unit: 个\n    target: 100\n    actual: 60\n",
        encoding="utf-8",
    )
    table = run("check", str(plan), "--only", "flagged")
    assert (table.exit_code, table.stdout, table.stderr) == (
        0,
        f"测试计划  截至 2018-06-30  序时进度 50.00%  ({plan})\n无标记指标。\n"
        "时间过半、任务过半：实现（累计指标1项中1项）。\n",
        "",
    )
    markdown = run("check", str(plan), "--only", "flagged", "-f", "markdown", "--lang", "en")
    assert markdown.stdout.endswith(
        "**Time half, task half: achieved (1 of 1 cumulative indicator)**.\n\n"
        "No flagged indicators.\n"
    )
    html = run("check", str(plan), "--only", "flagged", "-f", "html").stdout
    assert '<p class="none">无标记指标。</p>' in html and '<table class="indicators">' not in html

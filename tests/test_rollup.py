"""Many plans at once: a roll-up of plans by flagged count and the indicators most often behind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planaudit.render.markdown_format import md
from tests.conftest import run

pytestmark = pytest.mark.usefixtures("cli_env")

HEADER = "plan: {name}\nyear: 2018\nas_of: 2018-06-30\nindicators:\n"
ROW = "  - name: {name}\n    target: 100\n    actual: {actual}\n"


def _district(folder: Path, name: str, **actuals: int) -> None:
    rows = "".join(
        ROW.format(name=indicator, actual=actual) for indicator, actual in actuals.items()
    )
    (folder / f"{name}.yaml").write_text(HEADER.format(name=name) + rows, encoding="utf-8")


@pytest.fixture
def districts(tmp_path: Path) -> Path:
    _district(tmp_path, "东城区", 新增学位=30, 新增绿地=60)
    _district(tmp_path, "西城区", 新增学位=20, 新增绿地=10, 棚户区改造=70)
    _district(tmp_path, "朝阳区", 新增学位=55, 新增绿地=80)
    return tmp_path


def test_the_json_roll_up(districts):
    result = run("check", str(districts), "--format", "json")
    assert result.exit_code == 1
    rollup = json.loads(result.stdout)["rollup"]
    assert [(p["plan"], p["flagged"]) for p in rollup["plans"]] == [
        ("西城区", 2),
        ("东城区", 1),
        ("朝阳区", 0),
    ]
    assert rollup["most_behind"] == [
        {"name": "新增学位", "plans": 2},
        {"name": "新增绿地", "plans": 1},
    ]


def test_the_roll_up_in_markdown_and_the_table(districts):
    markdown = run("check", str(districts), "--format", "markdown").stdout
    expected = [
        "## 汇总（按标记数排序）",
        "",
        "| 计划 | 评估 | 达到序时进度 | 标记 |",
        "| --- | ---: | ---: | ---: |",
        "| 西城区 | 3 | 1 | 2 |",
        "| 东城区 | 2 | 1 | 1 |",
        "| 朝阳区 | 2 | 2 | 0 |",
        "",
        "### 滞后最多的指标",
        "",
        "| 指标 | 滞后的计划数 |",
        "| --- | ---: |",
        "| 新增学位 | 2 |",
        "| 新增绿地 | 1 |",
    ]
    assert markdown.endswith("\n".join(expected) + "\n")
    table = run("check", str(districts)).stdout
    assert "汇总（按标记数排序）" in table and "│新增学位 │            2│" in table


def test_one_plan_has_no_roll_up():
    result = run("check", "plans/chaoyang-2018.yaml", "--format", "json")
    assert "rollup" not in json.loads(result.stdout)


def test_plans_with_the_same_title_are_told_apart_by_their_files(tmp_path):
    """Two districts' files titled alike: two lines, each with its path."""
    for folder, actual in (("a", 30), ("b", 60)):
        (tmp_path / folder).mkdir()
        _district(tmp_path / folder, "朝阳区", 新增学位=actual)
    first, second = (str(tmp_path / folder / "朝阳区.yaml") for folder in ("a", "b"))
    rollup = json.loads(run("check", str(tmp_path), "--format", "json").stdout)["rollup"]
    assert [(p["path"], p["plan"], p["flagged"]) for p in rollup["plans"]] == [
        (first, "朝阳区", 1),
        (second, "朝阳区", 0),
    ]
    markdown = run("check", str(tmp_path), "--format", "markdown").stdout
    one, two = md(f"朝阳区（{first}）"), md(f"朝阳区（{second}）")
    assert f"| {one} | 1 | 0 | 1 |\n| {two} | 1 | 1 | 0 |" in markdown
    assert f"| {one} | 50.00% | 1 | 0 | 1 |" in markdown  # the overview on top
    github = run("check", str(tmp_path), "--format", "github").stdout
    assert f"::标记: 朝阳区（{first}） 1; 朝阳区（{second}） 0" in github
    english = run("check", str(tmp_path), "--format", "markdown", "--lang", "en").stdout
    assert f"| {md(f'朝阳区 ({first})')} | 1 | 0 | 1 |" in english
    table = run("check", str(tmp_path), "--format", "table").stdout.replace("\n", "")
    assert "汇总（按标记数排序）" in table


def test_titles_alone_where_they_are_unique(districts):
    markdown = run("check", str(districts), "--format", "markdown").stdout
    assert (
        "| 西城区 | 3 | 1 | 2 |" in markdown and str(districts) not in markdown.split("## 汇总")[1]
    )

"""History: the change since the previous report in `check`, restatements, `planaudit history`."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planaudit.core.results.indicators import Previous, Restatement
from planaudit.core.terms import Dated, Status
from planaudit.render.words import CHINESE, ENGLISH, sparkline
from tests.conftest import judge, run

QUARTERLY = "tests/cases/history/quarterly.yaml"
GOLDEN = Path(__file__).parent / "golden"
MARCH_31, JUNE_30 = date(2018, 3, 31), date(2018, 6, 30)


def test_the_previous_report_is_audited_at_its_own_date():
    result = judge(target=1000, actual={"2018-03-31": 300, "2018-06-30": 400})
    assert result.previous == Previous(
        date=MARCH_31,
        status=Status.ON_TRACK,  # 30.00 % on March 31, when the pace stood at 25.00 %
        actual=D(300),
        actual_text="300",
        completion=D("30.00"),
        gap=D("5.00"),
    )
    assert (result.status, result.completion, result.gap) == (Status.BEHIND, D("40.00"), D(-10))
    assert result.restatement is None and result.flagged  # behind, not restated


def test_the_previous_report_is_the_one_before_the_latest_up_to_as_of():
    dated = {"2018-03-31": 100, "2018-06-30": 400, "2018-09-30": 700}
    assert judge(target=1000, actual=dated).previous.date == MARCH_31  # type: ignore[union-attr]
    later = judge(as_of=date(2018, 10, 15), target=1000, actual=dated)
    assert later.previous is not None and later.previous.date == JUNE_30
    assert judge(target=1000, actual={"2018-06-30": 400}).previous is None
    assert judge(target=1000, actual=400).previous is None


def test_stated_rates_and_actuals_share_the_report_dates():
    result = judge(target=100, actual={"2018-06-30": 60}, stated={"2018-03-31": "20%"})
    assert result.previous is not None
    assert (result.previous.date, result.previous.completion) == (MARCH_31, D("20.00"))
    assert result.previous.actual is None


def test_a_cumulative_actual_that_goes_down_is_a_restatement():
    result = judge(target=568, actual={"2018-03-31": 300, "2018-06-30": 290}, unit="万平方米")
    assert result.restatement == Restatement(Dated.ACTUAL, MARCH_31, "300", JUNE_30, "290")
    assert result.status is Status.ON_TRACK
    assert result.flagged and result.mismatched
    assert CHINESE.finding(result) == (
        "累计完成数由300万平方米（2018-03-31）降至290万平方米（2018-06-30），前期数据被下调。"
    )
    assert ENGLISH.finding(result) == (
        "The cumulative actual fell from 300 万平方米 (2018-03-31) to 290 万平方米 "
        "(2018-06-30): restated."
    )
    assert ("mismatch", "数据下调") in CHINESE.alerts(result)


def test_a_stated_rate_that_goes_down_is_a_restatement_too():
    result = judge(stated={"2018-03-31": "60%", "2018-06-30": "55.5%"})
    assert result.restatement == Restatement(Dated.STATED, MARCH_31, "60%", JUNE_30, "55.5%")
    assert CHINESE.restatement_sentence(result) == (
        "报告完成率由60%（2018-03-31）降至55.5%（2018-06-30），前期数据被下调。"
    )


@pytest.mark.parametrize(
    "indicator",
    [
        {"kind": "level", "target": 58, "actual": {"2018-03-31": 62, "2018-06-30": 57}},
        {"target": 100, "actual": {"2018-03-31": 30, "2018-06-30": 30}},  # no progress: no fall
        {"target": 100, "actual": {"2018-03-31": 30, "2018-09-30": 10}},  # the fall is after as_of
    ],
)
def test_no_restatement(indicator):
    assert judge(**indicator).restatement is None


@pytest.mark.usefixtures("cli_env")
def test_check_shows_the_change_since_the_previous_report():
    result = run("check", QUARTERLY)
    assert result.exit_code == 1  # 新增改造绿地 behind, 拆除违法建设 restated
    table = result.stdout[result.stdout.index("与上次报告相比") :]
    assert table == (GOLDEN / "quarterly-changes.txt").read_text(encoding="utf-8")
    assert "│拆除违法建设         │ 568万平方米 │ 290万平方米 │  51.06% │" in result.stdout
    assert "! 正常 数据下调│" in result.stdout  # flagged: not ✓
    assert result.stdout.count("累计数下调1项") == 1


@pytest.mark.usefixtures("cli_env")
def test_markdown_and_json_carry_the_change():
    markdown = run("check", QUARTERLY, "--format", "markdown").stdout
    assert (
        "### 与上次报告相比\n\n| 指标 | 上次报告 | 上次 | 本次 | 变化 | 状态 |\n"
        "| --- | --- | ---: | ---: | ---: | --- |\n"
        "| 新增改造绿地 | 2018-03-31 | 3.00% | 5.50% | +2.50个百分点 | 滞后 |\n"
    ) in markdown
    pm25 = (
        "| PM2.5平均浓度 | 2018-03-31 | 62微克/立方米 | 57微克/立方米 | "
        "-5微克/立方米 | 滞后 → 正常 |"
    )
    assert pm25 in markdown
    assert "- **拆除违法建设**：累计完成数由300万平方米（2018-03-31）降至290万平方米" in markdown
    plan = json.loads(run("check", QUARTERLY, "--format", "json").stdout)["plans"][0]
    assert plan["summary"]["restatements"] == 1
    demolition = plan["indicators"][2]
    assert demolition["previous"] == {
        "date": "2018-03-31", "status": "on_track", "actual": 300, "completion": 52.82,
        "gap": 27.82,
    }  # fmt: skip
    assert demolition["restatement"] == {
        "key": "actual",
        "before": {"date": "2018-03-31", "text": "300"},
        "after": {"date": "2018-06-30", "text": "290"},
    }
    assert plan["indicators"][5]["previous"] is None
    junit = run("check", QUARTERLY, "--format", "junit").stdout
    assert 'type="restatement"' in junit and junit.count("<failure ") == 2


@pytest.mark.usefixtures("cli_env")
def test_history_prints_a_timeline_per_indicator():
    result = run("history", QUARTERLY, "--as-of", "2018-12-31", "--lang", "en")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (GOLDEN / "quarterly-history.txt").read_text(encoding="utf-8")


@pytest.mark.usefixtures("cli_env")
def test_history_as_markdown_and_json():
    markdown = run("history", QUARTERLY, "--format", "markdown").stdout
    assert markdown == (
        "## 朝阳区2018年计划（季度报告）\n\n历次报告 · tests/cases/history/quarterly.yaml\n\n"
        "| 指标 | 趋势 | 2018-03-31 | 2018-06-30 |\n| --- | --- | ---: | ---: |\n"
        "| 新增改造绿地 | `▁▁` | 3.00% 滞后 | 5.50% 滞后 |\n"
        "| 建设居住区停车位 | `▃█` | 30.00% 正常 | 98.30% 正常 |\n"
        "| 拆除违法建设 ❗ 数据下调 | `▅▅` | 52.82% 正常 | 51.06% 正常 |\n"
        "| PM2.5平均浓度 | `█▁` | 62微克/立方米 滞后 | 57微克/立方米 正常 |\n"
        "| 第一批试点乡拆迁任务 | `▅█` | 60.00%\\* 正常 | 97.00%\\* 正常 |\n\n"
        "共2次报告；1项指标只有一个数，无历史。\n"
    )
    report = json.loads(run("history", QUARTERLY, "--format", "json").stdout)
    assert report["errors"] == [] and report["schema_version"] == 1
    plan = report["plans"][0]
    assert (plan["dates"], plan["undated"]) == (["2018-03-31", "2018-06-30"], 1)
    assert [i["name"] for i in plan["indicators"]][:2] == ["新增改造绿地", "建设居住区停车位"]
    assert plan["indicators"][0]["points"] == [
        {"date": "2018-03-31", "actual": 30, "completion": 3.0, "expected": 25.0, "gap": -22.0,
         "status": "behind"},
        {"date": "2018-06-30", "actual": 55, "completion": 5.5, "expected": 50.0, "gap": -44.5,
         "status": "behind"},
    ]  # fmt: skip
    assert plan["indicators"][2]["restatement"]["after"] == {"date": "2018-06-30", "text": "290"}


@pytest.mark.usefixtures("cli_env")
def test_history_of_a_plan_without_dated_figures_and_of_a_broken_file(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("plan: x\nyear: 2018\nindicators:\n  - nme: a\n", encoding="utf-8")
    result = run("history", "plans/chaoyang-2018.yaml", str(broken))
    assert result.exit_code == 2
    assert result.stdout == (
        "朝阳区2018年国民经济和社会发展计划  历次报告  (plans/chaoyang-2018.yaml)\n"
        "没有按日期给出的数（actual 或 stated 写成 {日期: 数}），无历史可查。\n"
    )
    assert result.stderr.startswith(f"{broken}:4:5: ")


@pytest.mark.parametrize(
    ("values", "low", "high", "line"),
    [
        ([D(0), D(50), D(100)], D(0), D(100), "▁▅█"),
        ([D(3), None, D("5.5")], D(0), D(100), "▁ ▁"),
        ([D(62), D(57), D(60)], None, None, "█▁▅"),
        ([D(7), D(7)], None, None, "▄▄"),
        ([D(120)], D(0), D(100), "█"),  # past the scale: at its top
        ([None], None, None, ""),
    ],
)
def test_sparkline(values, low, high, line):
    assert sparkline(values, low, high) == line


@pytest.mark.usefixtures("cli_env")
def test_history_keeps_to_the_plan_period(tmp_path):
    """An indicator's own period may start years before the plan's: its earlier reports are
    its previous ones in `check`, but `history` traces the plan period only."""
    plan = tmp_path / "multi-year.yaml"
    plan.write_text(
        "plan: 某市2016年计划\nyear: 2016\nas_of: 2016-06-30\nindicators:\n"
        "  - name: 棚户区改造（2013—2017年）\n    period: {start: 2013-01-01, end: 2017-12-31}\n"
        "    target: 10万户\n"
        "    actual: {2015-12-31: 6万户, 2016-03-31: 7万户, 2016-06-30: 8.1万户}\n",
        encoding="utf-8",
    )
    report = json.loads(run("history", str(plan), "--format", "json").stdout)
    points = report["plans"][0]["indicators"][0]["points"]
    # 42 and 39 of the 60 months of 2013—2017 gone: 70.00 % and 65.00 %
    assert [(p["date"], p["completion"], p["expected"]) for p in points] == [
        ("2016-03-31", 70.0, 65.0),
        ("2016-06-30", 81.0, 70.0),
    ]


@given(
    st.lists(st.tuples(st.integers(0, 364), st.integers(0, 1200)), min_size=1, max_size=8),
    st.lists(st.tuples(st.integers(0, 364), st.integers(0, 120)), max_size=5),
    st.sampled_from(["cumulative", "level"]),
)
def test_history_judges_each_date_as_the_audit_of_that_date(actuals, stated, kind):
    """The walk along the dated figures gives, at each date, what a whole audit on that date
    gives (the sum of parts aside)."""
    from dataclasses import replace

    from planaudit.core.timeline import timelines
    from tests.conftest import audit, plan_of

    start = date(2018, 1, 1).toordinal()
    indicator: dict[str, object] = {"name": "指标", "kind": kind, "target": 1000}
    indicator["actual"] = {date.fromordinal(start + d).isoformat(): v for d, v in actuals}
    if stated and kind == "cumulative":
        indicator["stated"] = {date.fromordinal(start + d).isoformat(): v for d, v in stated}
    plan = plan_of(indicator)
    until = date(2018, 12, 31)
    points = timelines(plan, [1], until)[0]
    for number, (day, result) in enumerate(points):
        whole = audit(plan, day).indicators[0]
        assert result == replace(whole, parts_target=None, parts_actual=None,
                                 parts_consistent=None, earlier=())  # fmt: skip
        # the audit of a date lists every earlier report: the history's points before it
        assert [p.date for p in whole.earlier] == [d for d, _ in points[:number]]
        assert [p.status for p in whole.earlier] == [r.status for _, r in points[:number]]


@pytest.mark.parametrize(
    ("indicator", "zh", "en"),
    [
        ({"target": 1000, "actual": {"2018-03-31": 120, "2018-06-30": 300}},
         ("2018-03-31", "12.00%", "30.00%", "+18.00个百分点", "滞后"),
         ("2018-03-31", "12.00%", "30.00%", "+18.00 pts", "behind")),
        ({"target": 1000, "actual": {"2018-03-31": 300, "2018-06-30": 300}},
         ("2018-03-31", "30.00%", "30.00%", "持平", "正常 → 滞后"),
         ("2018-03-31", "30.00%", "30.00%", "level", "on track → behind")),
        ({"kind": "level", "target": "6.5%", "actual": {"2018-03-31": "5%", "2018-06-30": "6.8%"}},
         ("2018-03-31", "5%", "6.8%", "+1.80个百分点", "滞后 → 正常"),
         ("2018-03-31", "5%", "6.8%", "+1.80 pts", "behind → on track")),
        ({"kind": "level", "target": "6.5%",
          "actual": {"2018-03-31": "6.8%", "2018-06-30": "6.8%"}},
         ("2018-03-31", "6.8%", "6.8%", "持平", "正常"),
         ("2018-03-31", "6.8%", "6.8%", "level", "on track")),
        ({"kind": "level", "unit": "元", "target": 100,
          "actual": {"2018-03-31": 90, "2018-06-30": 90}},
         ("2018-03-31", "90元", "90元", "持平", "滞后"),
         ("2018-03-31", "90 元", "90 元", "level", "behind")),
    ],
)  # fmt: skip
def test_the_change_since_the_previous_report_in_its_unit(indicator, zh, en):
    from planaudit.render.words import CHINESE, ENGLISH
    from tests.conftest import judge

    result = judge(**indicator)
    assert (CHINESE.change_cells(result), ENGLISH.change_cells(result)) == (zh, en)

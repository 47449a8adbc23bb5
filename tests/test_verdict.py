"""The plan's verdict (CONTRACT §2.5): over every judged indicator in its own terms, in the words
of the date and of the plan's length, and the same in every format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

import pytest

from planaudit.core.results.plans import Phase, Report
from planaudit.render.registry import Format, RenderOptions, render
from planaudit.render.words import CHINESE, ENGLISH
from tests.conftest import audit, plan_of

JUNE_30 = date(2018, 6, 30)
ON_PACE = {"name": "新增学位", "target": 100, "actual": 60}
BEHIND = {"name": "新增绿地", "target": 100, "actual": 10}
LEVEL_MET = {"name": "地区生产总值增长", "kind": "level", "target": "6.5%", "actual": "6.8%"}
LEVEL_BEHIND = {"name": "居民收入增长", "kind": "level", "target": "8%", "actual": "6%"}
LEVEL_WATCH = {"name": "消费增长", "kind": "level", "target": "7%左右", "actual": "6.7%"}
DONE = {"name": "完成分区规划", "kind": "milestone", "due": "2018-05-31", "done": True}
OVERDUE = {"name": "完成拆迁", "kind": "milestone", "due": "2018-05-31"}
LATER = {"name": "建成公园", "kind": "milestone", "due": "2018-12-31"}
NO_TARGET = {"name": "建安投资增长", "kind": "level", "actual": "-10.9%"}


def summary_of(*indicators: dict[str, Any], as_of: date = JUNE_30) -> dict[str, Any]:
    s = audit(plan_of(*indicators), as_of).summary
    return {
        "assessed": s.assessed, "on_pace": s.on_pace, "cumulative_missed": s.cumulative_missed,
        "levels_judged": s.levels_judged, "levels_met": s.levels_met,
        "milestones_due": s.milestones_due, "milestones_done": s.milestones_done,
        "milestones_pending": s.milestones_pending, "pace_verdict": s.pace_verdict,
        "verdict": s.verdict,
    }  # fmt: skip


def test_every_kind_counts_in_its_own_terms():
    everything = (ON_PACE, BEHIND, LEVEL_MET, LEVEL_BEHIND, LEVEL_WATCH, DONE, OVERDUE, LATER,
                  NO_TARGET)  # fmt: skip
    expected = {
        "assessed": 2, "on_pace": 1, "cumulative_missed": 0, "levels_judged": 3,
        "levels_met": 1, "milestones_due": 2, "milestones_done": 1, "milestones_pending": 1,
        "pace_verdict": False, "verdict": False,
    }  # fmt: skip
    assert summary_of(*everything) == expected


@pytest.mark.parametrize(
    ("indicators", "pace_verdict", "verdict"),
    [
        ((ON_PACE, LEVEL_MET, DONE, LATER), True, True),
        ((ON_PACE, LEVEL_BEHIND), True, False),  # on pace, but a level short of its target
        ((ON_PACE, LEVEL_WATCH), True, False),  # 左右: within the band, still not on target
        ((ON_PACE, OVERDUE), True, False),  # a milestone past its date
        ((LEVEL_BEHIND, LEVEL_MET), None, False),  # no cumulative indicator: no pace applies
        ((LEVEL_MET,), None, True),
        ((LATER, NO_TARGET), None, None),  # nothing can be judged yet
        ((BEHIND,), False, False),
    ],
)
def test_the_plans_verdict_is_false_whenever_anything_is_behind(indicators, pace_verdict,
                                                                verdict):  # fmt: skip
    found = summary_of(*indicators)
    assert (found["pace_verdict"], found["verdict"]) == (pace_verdict, verdict)


def test_a_cumulative_indicator_missed_is_judged_though_not_assessed():
    cap_over = {"name": "重污染天数", "direction": "lower", "target": 19, "actual": 25}
    found = summary_of(ON_PACE, cap_over)
    assert (found["assessed"], found["cumulative_missed"], found["verdict"]) == (1, 1, False)
    at_the_end = summary_of(ON_PACE, as_of=date(2018, 12, 31))  # 60 of 100: missed
    assert (at_the_end["assessed"], at_the_end["cumulative_missed"]) == (0, 1)
    assert at_the_end["verdict"] is False


def verdict(*indicators: dict[str, Any], as_of: date = JUNE_30, **plan: Any) -> tuple[str, str]:
    report = audit(plan_of(*indicators, **plan), as_of)
    return CHINESE.verdict(report), ENGLISH.verdict(report)


@pytest.mark.parametrize(
    ("as_of", "zh", "en"),
    [
        (date(2018, 2, 28), "1-2月达到序时进度", "On pace for January–February"),
        (date(2018, 3, 31), "一季度达到序时进度", "On pace for Q1"),
        (date(2018, 4, 30), "1-4月达到序时进度", "On pace for January–April"),
        (date(2018, 5, 15), "截至5月15日达到序时进度", "On pace for the period to 2018-05-15"),
        (date(2018, 5, 31), "1-5月达到序时进度", "On pace for January–May"),
        (date(2018, 6, 30), "时间过半、任务过半：实现", "Time half, task half: achieved"),
        (date(2018, 7, 31), "1-7月达到序时进度", "On pace for January–July"),
        (date(2018, 8, 31), "1-8月达到序时进度", "On pace for January–August"),
        (date(2018, 9, 30), "前三季度达到序时进度", "On pace for Q1–Q3"),
        (date(2018, 12, 31), "全年目标任务完成", "Every target met for the year"),
    ],
)
def test_the_words_of_the_date(as_of, zh, en):
    done = {"name": "新增学位", "target": 100, "actual": 100}  # met at any date
    if as_of.month == 12:
        expected = (f"{zh}；累计指标1项中1项完成。", f"{en}; 1 of 1 cumulative target met.")
    else:
        expected = (f"{zh}（累计指标1项中1项）。", f"{en} (1 of 1 cumulative indicator).")
    assert verdict(done, as_of=as_of) == expected


def test_the_half_way_slogan_is_never_said_of_the_wrong_date():
    """Strictly within a month of the midpoint (June 30): after May 31, before July 31, as
    months count; neither end of that month is half-way."""
    behind = {"name": "新增绿地", "target": 100, "actual": 1}
    half_way = {date(2018, 6, 1), date(2018, 6, 15), date(2018, 6, 30), date(2018, 7, 30)}
    not_yet = [date(2018, 5, 31), date(2018, 7, 31), date(2018, 5, 30), date(2018, 8, 1)]
    for day in [*half_way, *not_yet, date(2018, 1, 31)]:
        zh, en = verdict(behind, as_of=day)
        assert ("时间过半、任务过半" in zh) is (day in half_way), (day, zh)
        assert ("Time half, task half" in en) is (day in half_way), (day, en)
    assert verdict(behind, as_of=date(2018, 2, 28)) == (
        "1-2月未全部达到序时进度（累计指标1项中0项）。标记1项。",
        "Not all on pace for January–February (0 of 1 cumulative indicator). 1 flagged.",
    )


@pytest.mark.parametrize(
    ("as_of", "zh", "en"),
    [
        (date(2018, 6, 30), "一季度达到序时进度", "On pace for Q1"),
        (date(2018, 7, 31), "前4个月达到序时进度", "On pace for the first 4 months"),
        (date(2018, 8, 31), "前5个月达到序时进度", "On pace for the first 5 months"),
        (date(2018, 9, 1), "时间过半、任务过半：实现", "Time half, task half: achieved"),
        (date(2018, 9, 30), "时间过半、任务过半：实现", "Time half, task half: achieved"),
        (date(2018, 10, 30), "时间过半、任务过半：实现", "Time half, task half: achieved"),
        (date(2018, 10, 31), "前7个月达到序时进度", "On pace for the first 7 months"),
        (date(2018, 12, 31), "前三季度达到序时进度", "On pace for Q1–Q3"),
    ],
)
def test_a_fiscal_year_counts_its_own_quarters(as_of, zh, en):
    fiscal = {"start": "2018-04-01", "end": "2019-03-31"}
    done = {"name": "Roads", "target": 100, "actual": 100}
    found = verdict(done, as_of=as_of, period=fiscal)
    assert found == (f"{zh}（累计指标1项中1项）。", f"{en} (1 of 1 cumulative indicator).")


@pytest.mark.parametrize(
    ("as_of", "on_pace", "zh", "en"),
    [
        (date(2017, 6, 30), True, "达到规划实施进度", "On pace for the plan so far"),
        (date(2017, 6, 30), False, "未全部达到规划实施进度", "Not all on pace for the plan so far"),
        (date(2018, 5, 31), True, "达到规划实施进度", "On pace for the plan so far"),
        (date(2018, 6, 29), True, "达到规划实施进度", "On pace for the plan so far"),
        (date(2018, 6, 30), True, "规划实施过半，达到规划实施进度",
         "Past half-way through the plan, on pace"),
        (date(2019, 6, 30), False, "规划实施过半，未全部达到规划实施进度",
         "Past half-way through the plan, not all on pace"),
        (date(2020, 12, 31), False, "规划目标任务未全部完成", "Not every target met for the plan"),
    ],
)  # fmt: skip
def test_a_plan_of_several_years_speaks_of_its_implementation(as_of, on_pace, zh, en):
    five_years = {"start": "2016-01-01", "end": "2020-12-31"}
    indicator = {"name": "新增学位", "target": 100, "actual": 95 if on_pace else 5}
    report = audit(plan_of(indicator, period=five_years), as_of)
    assert report.stage.multi_year and report.stage.phase is not Phase.HALF_WAY
    found = (CHINESE.verdict(report), ENGLISH.verdict(report))
    ended = as_of.year == 2020
    assert found[0].startswith(zh + ("；" if ended else "（")), found
    assert found[1].startswith(en + ("; " if ended else " (")), found
    assert "时间过半" not in found[0]


GROWTH_PLAN = [
    {"name": f"增长指标{n}", "kind": "level", "target": "6%", "actual": "5%" if n < 3 else "7%"}
    for n in range(9)
]


def test_a_plan_of_growth_targets_is_judged_against_them():
    """The issue's case: three growth rates behind, none cumulative — no vacuous verdict."""
    report = audit(plan_of(*GROWTH_PLAN), JUNE_30)
    assert report.summary.verdict is False
    assert CHINESE.verdict(report) == (
        "主要指标未全部达到预期目标；增速等指标9项中6项达到目标。标记3项。"
    )
    assert ENGLISH.verdict(report) == (
        "Not every judged indicator meets its target; 6 of 9 level indicators on target. 3 flagged."
    )


def test_every_clause_of_every_kind():
    zh, en = verdict(ON_PACE, BEHIND, LEVEL_MET, LEVEL_BEHIND, DONE, OVERDUE, LATER)
    assert zh == (
        "时间过半、任务过半：未实现（累计指标2项中1项）；增速等指标2项中1项达到目标；"
        "节点任务2项中1项完成，1项未到期。标记3项。"
    )
    assert en == (
        "Time half, task half: not achieved (1 of 2 cumulative indicators); 1 of 2 level "
        "indicators on target; 1 of 2 milestones done, 1 not yet due. 3 flagged."
    )
    nothing = verdict(LATER, NO_TARGET)
    assert nothing == (
        "无可评估指标；节点任务1项未到期。",
        "Nothing to judge yet; 1 milestone not yet due.",
    )


def test_every_format_says_the_same_verdict():
    """All cumulative indicators on pace, a growth rate behind: no format calls it achieved."""
    report = Report((audit(plan_of(ON_PACE, LEVEL_BEHIND), JUNE_30),), ())
    sentence = CHINESE.verdict(report.plans[0])
    assert (
        sentence
        == "时间过半、任务过半：实现（累计指标1项中1项）；增速等指标1项中0项达到目标。标记1项。"
    )
    options = RenderOptions(width=300)
    table = render(Format.TABLE, report, options)
    assert table.splitlines()[-1] == sentence
    markdown = render(Format.MARKDOWN, report, options)
    headline, details = CHINESE.verdict_parts(report.plans[0])
    assert headline == "时间过半、任务过半：实现（累计指标1项中1项）"
    assert f"**{headline}**{details}\n" in markdown
    assert headline + details == sentence
    assert "### 需关注的指标" in markdown and "未达序时进度的指标" not in markdown
    github = render(Format.GITHUB, report, options)
    assert f"title=测试计划::{sentence}\n" in github
    junit = ET.fromstring(render(Format.JUNIT, report, options))
    properties = {p.get("name"): p.get("value") for p in junit.iter("property")}
    assert (properties["verdict"], properties["summary"]) == ("false", sentence)
    summary = json.loads(render(Format.JSON, report, options))["plans"][0]["summary"]
    assert (summary["verdict"], summary["pace_verdict"]) == (False, True)
    assert (summary["levels_judged"], summary["levels_met"]) == (1, 0)


def test_findings_are_headed_by_what_they_are():
    behind = audit(plan_of(BEHIND, ON_PACE), JUNE_30)
    flagged = [r for r in behind.indicators if r.flagged]
    assert CHINESE.findings_heading(flagged) == "未达序时进度的指标"
    assert ENGLISH.findings_heading(flagged) == "Behind the pace"
    levels = audit(plan_of(*GROWTH_PLAN), JUNE_30)
    flagged = [r for r in levels.indicators if r.flagged]
    assert CHINESE.findings_heading(flagged) == "需关注的指标"
    assert ENGLISH.findings_heading(flagged) == "Flagged indicators"


def test_the_headline_is_the_pace_verdict_and_every_other_kind_has_its_own_clause():
    """The field trial's case: on pace at the end of February, a growth rate short of its
    target — the date's words say the pace, the level says its own."""
    assert verdict(ON_PACE | {"actual": 20}, LEVEL_BEHIND, as_of=date(2018, 2, 28)) == (
        "1-2月达到序时进度（累计指标1项中1项）；增速等指标1项中0项达到目标。标记1项。",
        "On pace for January–February (1 of 1 cumulative indicator); 0 of 1 level indicator "
        "on target. 1 flagged.",
    )


def test_a_cap_over_its_allowance_has_its_own_clause():
    cap_over = {"name": "重污染天数", "direction": "lower", "target": 19, "actual": 25}
    assert verdict(ON_PACE, cap_over) == (
        "时间过半、任务过半：实现（累计指标1项中1项）；1项超出年度控制量。标记1项。",
        "Time half, task half: achieved (1 of 1 cumulative indicator); 1 over its annual cap. "
        "1 flagged.",
    )
    at_the_end = verdict(ON_PACE | {"actual": 100}, cap_over, as_of=date(2018, 12, 31))
    assert at_the_end == (
        "全年目标任务未全部完成；累计指标2项中1项完成；1项超出年度控制量。标记1项。",
        "Not every target met for the year; 1 of 2 cumulative targets met; 1 over its annual "
        "cap. 1 flagged.",
    )


def test_the_counts_say_only_what_is_not_zero():
    wrong_rate = {"name": "新增学位", "target": 100, "actual": 60, "stated": "50%",
                  "binding": True}  # fmt: skip
    assert verdict(wrong_rate, BEHIND | {"binding": True}, LEVEL_BEHIND) == (
        "时间过半、任务过半：未实现（累计指标2项中1项）；增速等指标1项中0项达到目标。"
        "标记3项（约束性2项）；报告完成率不符1项。",
        "Time half, task half: not achieved (1 of 2 cumulative indicators); 0 of 1 level "
        "indicator on target. 3 flagged (2 binding); 1 stated-rate mismatch.",
    )

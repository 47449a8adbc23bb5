"""planaudit draft: a first plan file from a report's text, and how much of the bundled
Chaoyang plan (made by hand from the same report) it recovers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from planaudit.core.model import Indicator, Plan
from planaudit.core.terms import Kind
from planaudit.draft import draft, to_yaml
from planaudit.io.loader import load, parse
from tests.conftest import run

pytestmark = pytest.mark.usefixtures("cli_env")

REPORT = "reports/chaoyang-2018-h1.txt"
CHAOYANG = "plans/chaoyang-2018.yaml"


def _figures(indicator: Indicator) -> set[object]:
    """What identifies an indicator's figures: its actual and stated values, or its due date."""
    if indicator.kind is Kind.MILESTONE:
        return {indicator.due}
    found: set[object] = set()
    for reported in (indicator.actual, indicator.stated):
        if reported is not None and not isinstance(reported, dict):
            found.add(reported.value)
    return found


def recovery(drafted: Plan, by_hand: Plan) -> dict[str, int]:
    """How many of the hand-made plan's indicators the draft has (same kind, same figures),
    how many of their targets and names it got right, and what it has besides."""
    matched = []
    for wanted in by_hand.indicators:
        same = [d for d in drafted.indicators
                if d.kind is wanted.kind and _figures(d) == _figures(wanted)]  # fmt: skip
        if same:
            matched.append((wanted, same[0]))
    targets = [w for w in by_hand.indicators if w.target is not None]
    return {
        "indicators": len(by_hand.indicators),
        "recovered": len(matched),
        "same_name": sum(w.name == d.name for w, d in matched),
        "targets": len(targets),
        "targets_recovered": sum(
            w.fixed_target is not None
            and d.fixed_target is not None
            and w.fixed_target.figure.value == d.fixed_target.figure.value
            for w, d in matched
        ),
        "extra": len(drafted.indicators) - len(matched),
    }


def test_the_draft_of_the_chaoyang_report_recovers_the_plan_made_by_hand(tmp_path):
    written = tmp_path / "draft.yaml"
    result = run("draft", REPORT, "--output", str(written))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == (
        f"drafted 37 indicators (8 with a target, 3 milestones) from {REPORT}; "
        "49 guesses marked '# guess' to check\n"
    )
    drafted = load(written).plan  # a valid plan file as it stands
    assert recovery(drafted, load(Path(CHAOYANG)).plan) == {
        "indicators": 22,
        "recovered": 22,
        "same_name": 9,
        "targets": 8,
        "targets_recovered": 8,
        # the 12 growth rates, 2 levels and 1 milestone done the hand-made plan leaves out
        # (新设外商投资企业增长40%, 重点食品抽检合格率98.5%…, 社区流动美术馆实现全覆盖); no plain
        # amount without a target (拆除腾退813.15万平方米)
        "extra": 15,
    }
    verified = run("verify", str(written), "--report", REPORT)  # every source is verbatim
    assert verified.exit_code == 0
    # draft and verify read the same phrasings: every figure verify would list is drafted
    assert verified.stdout == "37 quotes checked: 0 mismatches; 0 progress figures in the " \
                              "report not cited.\n"  # fmt: skip
    audited = run("check", str(written), "--format", "json")
    assert '"assessed": 12, "on_pace": 10, "flagged": 2' in audited.stdout  # as by hand


REPORT_TEXT = """关于示范区2019年国民经济和社会发展计划前三季度执行情况的报告

 一、前三季度计划执行情况

 前三季度地区生产总值实现100亿元,同比增长6.1%。
(一)城市建设
 新建公园绿地30公顷,完成年度任务的60%。建成保障房1200套,竣工800套。
空气质量持续改善,PM2.5累计平均浓度为40微克/立方米。

二、完成全年计划的主要措施

 全年新建公园绿地50公顷。建成保障房不少于1500套、竣工1000套。
确保PM2.5平均浓度低于42微克每立方米。力争11月底前完成老旧小区改造方案。
"""


def test_a_small_report_drafted_line_by_line():
    assert to_yaml(draft(REPORT_TEXT, "report.txt")) == (
        (Path(__file__).parent / "golden" / "draft.yaml").read_text(encoding="utf-8")
    )


def test_text_of_any_kind_is_written_as_data():
    hostile = (
        '关于"x": #y &z !!python/object 2019年计划上半年执行情况的报告\n 一、上半年\n'
        " 新增'a: b' #c {d} [e] 停车位1966个,完成年度任务的98%。\n"
    )
    made = draft(hostile, "r.txt")
    plan = parse(to_yaml(made), "draft.yaml").plan
    assert plan.plan == '"x": #y &z !!python/object 2019年计划'
    assert plan.indicators[0].name == "新增'a: b' #c {d} [e] 停车位"
    assert yaml.safe_load(to_yaml(made))["indicators"][0]["source"] == (
        "新增'a: b' #c {d} [e] 停车位1966个,完成年度任务的98%"
    )


def test_control_characters_of_a_report_stay_out_of_the_draft():
    made = to_yaml(
        draft(
            "关于X区2019年计划上半年执行情况的报告\r\n 一、\r\n"
            " 新增\u202e车位\x1b[31m9个,完成率90%。\n",
            "r",
        )
    )
    assert "\u202e" not in made and "\x1b" not in made and "\r" not in made
    assert "# guess: source: 2 control characters of the report were left out\n" in made
    assert parse(made, "draft.yaml").plan.indicators[0].name == "新增车位[31m"


def test_a_report_without_a_title_or_a_year():
    made = to_yaml(draft(" 一、\n 新增停车位1966个,完成年度任务的98%。\n", "r.txt", 2026))
    assert made.splitlines()[2:8] == [
        "# guess: year: no year found in the report; 2026 assumed",
        "# guess: plan: no title found in the report; give the plan's title",
        "# guess: as_of: the report does not say which part of the year; June 30 assumed",
        'plan: "（计划名称）"',
        "year: 2026",
        "as_of: 2026-06-30",
    ]
    assert parse(made, "draft.yaml").plan.indicators[0].name == "新增停车位"


def test_bounded_work_on_a_report_made_to_be_slow(monkeypatch):
    """Clauses beyond MAX_CLAUSE are not read; matching stops after MAX_COMPARISONS."""
    from planaudit.draft import targets

    long = "关于X区2019年计划1-13月执行情况的报告\n 一、\n " + "新增停车位任务分别完成" * 50
    assert draft(long + "1个。\n", "r").indicators == []  # one clause of 551 characters
    monkeypatch.setattr(targets, "MAX_COMPARISONS", 10)
    rows = "".join(f"新增停车位{i}个,完成率{i}%;" for i in range(1, 21))
    many = "关于X区2019年计划上半年执行情况的报告\n 一、\n" + rows
    made = draft(many + "\n二、完成全年计划的主要措施\n 建设停车位2个。\n", "r")
    assert len(made.indicators) == 20
    assert str(made.guesses[-1]) == "target: matching stopped after 10 comparisons"


def test_an_existing_file_is_never_replaced_unless_asked(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text("plan: mine\n", encoding="utf-8")
    refused = run("draft", REPORT, "-o", str(plan))
    assert (refused.exit_code, refused.stdout) == (2, "")
    assert (
        refused.stderr == f"planaudit: {plan} exists: give another name, or --force to replace it\n"
    )
    assert plan.read_text(encoding="utf-8") == "plan: mine\n"
    assert run("draft", REPORT, "-o", str(plan), "--force").exit_code == 0
    assert plan.read_text(encoding="utf-8").startswith("# A draft made by `planaudit draft`")


def test_a_report_with_nothing_to_draft(tmp_path):
    empty = tmp_path / "notes.txt"
    empty.write_text("会议纪要：下半年继续努力。\n", encoding="utf-8")
    draft_file = tmp_path / "draft.yaml"
    result = run("draft", str(empty), "-o", str(draft_file))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"{empty}:1:1: no progress figure or milestone found in the report: nothing to draft\n"
    )
    assert not draft_file.exists()
    one = tmp_path / "one.txt"
    one.write_text(
        "关于X区2019年计划上半年执行情况的报告\n 一、\n 新增车位9个,完成率90%。\n", encoding="utf-8"
    )
    assert run("draft", str(one)).stderr == (
        f"drafted 1 indicator (0 with a target, 0 milestones) from {one}; "
        "1 guess marked '# guess' to check\n"
    )


def test_a_report_that_cannot_be_read(tmp_path):
    gbk = tmp_path / "report.txt"
    gbk.write_bytes("关于朝阳区2018年计划执行情况的报告".encode("gbk"))
    result = run("draft", str(gbk), "--encoding", "utf-8")  # auto reads it (test_encodings)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"{gbk}:1:1: ")

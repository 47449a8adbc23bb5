"""planaudit verify: the plan says what its report says."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planaudit.core.running_text import figures_in
from planaudit.core.verify import TARGET_STATED, normalized
from tests.conftest import run

pytestmark = pytest.mark.usefixtures("cli_env")

REPORT = "reports/chaoyang-2018-h1.txt"


def test_the_bundled_plan_matches_its_report():
    result = run("verify", "plans/chaoyang-2018.yaml", "--report", REPORT)
    assert (result.exit_code, result.stderr) == (0, "")
    uncited = [
        (26, "两类企业上半年区级财政收入分别增长34%和10.5%"),
        (26, "新设外商投资企业378家,同比增长40%"),
        (26, "合同利用外资41亿美元,同比增长52%"),
        (26, "进出口总额4784.5亿元,同比增长22%"),
        (28, "区级财政收入同比增长15.3%"),
        (28, "规模以上文创企业营业收入同比增长9.5%"),
        (30, "新认定中关村高新技术企业244家,同比增长95.2%"),
        (30, "技术合同成交额同比增长103.2%"),
        (36, "安全生产事故数和死亡人数分别下降25%和26.3%"),
        (36, "重点食品抽检合格率达98.5%以上"),
        (38, "PM2.5累计平均浓度为57微克/立方米,同比下降14.9%"),
        (44, "企业非常满意度达到72%"),
    ]  # the growth rates and levels the hand-made plan does not track, with what they measure
    assert result.stdout == "".join(
        f"{REPORT}:{line}: a progress figure no indicator cites: {clause}\n"
        for line, clause in uncited
    ) + ("22 quotes checked: 0 mismatches; 12 progress figures in the report not cited.\n")


def test_a_misquote_and_a_figure_the_quote_does_not_carry(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "plan: 朝阳区\nyear: 2018\nas_of: 2018-06-30\nindicators:\n"
        "  - name: 拆除违法建设\n    actual: 520\n    stated: 91.77%\n"
        "    source: 拆除违法建设521.25万平方米,完成年度任务的91.77%\n"
        "  - name: 绿化\n    target: 1000\n    actual: 55\n"
        "    source: 完成绿化55公顷…实现新增改造绿地1000公顷以上\n",
        encoding="utf-8",
    )
    result = run("verify", str(plan), "--report", REPORT)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [
        f"{plan}:5: 拆除违法建设: actual 520 is not among the quote's figures",
        f"{plan}:9: 绿化: quote not in the report: '实现新增改造绿地1000公顷以上'",
    ]
    assert result.stdout.endswith("2 quotes checked: 2 mismatches; 22 progress figures in the "
                                  "report not cited.\n")  # fmt: skip


def test_a_missing_report_is_a_located_error():
    result = run("verify", "plans/chaoyang-2018.yaml", "--report", "nowhere.txt")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "nowhere.txt:1:1: cannot read: No such file or directory\n"


@pytest.mark.parametrize(
    ("text", "unit", "values"),
    [
        ("拆除违法建设521.25万平方米", None, {"521.25", "5212500"}),
        ("拆除违法建设521.25万平方米", "万平方米", {"521.25"}),
        ("拆除违法建设521.25万平方米", "平方米", {"5212500"}),
        ("拆迁腾退134平方米", "万平方米", {"0.0134"}),
        ("全年新增学位不低于1.7万个", None, {"1.7", "17000"}),
        ("全年新增学位不低于1.7万个", "个", {"17000"}),
        ("新增学位1.4万余个", "个", {"14000"}),
        ("同比下降10.9%", None, {"10.9"}),
        ("同比下降10.9%", "%", {"10.9"}),
        ("建设2,000个", "个", {"2000"}),
        ("分别为1,2", None, {"1", "2"}),
        ("分别为100,200", None, {"100200", "100", "200"}),
        ("投资3.2亿元", "万元", {"32000"}),
        ("新增改造绿地 1000 55 5.5%", "公顷", {"1000", "55", "5.5"}),
        ("版本1.2.3", None, set()),
        ("第一产业投资与去年同期持平", None, {"0"}),
        ("住宿和餐饮业 | —— | 1.3 | 持平 |", "个百分点", {"0", "1.3"}),
    ],
)
def test_figures_a_quote_may_stand_for(text, unit, values):
    assert figures_in(text, unit) == {D(v) for v in values}


FIELD_REPORT = """\
关于某区2018年国民经济和社会发展计划上半年执行情况的报告
一、上半年计划执行情况
新增学位１．４万余个，完成年度计划的８２．３５％，高于序时进度３２．３５个百分点。
新增居住区停车位1966个。
指标	年度目标	1-6月完成
新增改造绿地	1000	55
拆除违法建设521.25万平方米。
二、下半年工作措施
全年新增学位不低于1.7万个。
"""
ANNUAL_PLAN = "2018年计划：建设2000个居住区停车位，新增改造绿地1000公顷。\n"


def _verify(tmp_path, indicators: str, *options: str):
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        f"plan: 某区2018年计划\nyear: 2018\nas_of: 2018-06-30\nindicators:\n{indicators}",
        encoding="utf-8",
    )
    report = tmp_path / "report.txt"
    report.write_text(FIELD_REPORT, encoding="utf-8")
    (tmp_path / "annual.txt").write_text(ANNUAL_PLAN, encoding="utf-8")
    result = run("verify", str(plan), "--report", str(report), *options)
    return result, str(plan)


def test_quotes_are_compared_width_normalised(tmp_path):
    # the report prints full-width digits and punctuation, the quote half-width ones
    result, _ = _verify(
        tmp_path,
        "  - name: 新增学位\n    target: 不低于1.7万个\n    actual: 1.4万余个\n    stated: 82.35%\n"
        "    stated_gap: 超序时进度32.35个百分点\n"
        "    source: 新增学位1.4万余个,完成年度计划的82.35%,高于序时进度32.35个百分点\n",
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.endswith("1 quote checked: 0 mismatches; 0 progress figures in the "
                                  "report not cited.\n")  # fmt: skip


def test_table_cells_are_never_joined_into_one_number(tmp_path):
    ok, _ = _verify(tmp_path, "  - name: 新增改造绿地\n    target: 1000\n    actual: 55\n"
                              "    source: 新增改造绿地 1000 55\n")  # fmt: skip
    assert ok.exit_code == 0
    joined, plan = _verify(tmp_path, "  - name: 新增改造绿地\n    actual: 100055\n"
                                     "    source: 新增改造绿地 1000 55\n")  # fmt: skip
    assert joined.exit_code == 1
    assert joined.stdout.splitlines()[0] == (
        f"{plan}:5: 新增改造绿地: actual 100055 is not among the quote's figures"
    )
    # a quote cannot join the cells either: 100055 is not in the report
    glued, plan = _verify(tmp_path, "  - name: 新增改造绿地\n    actual: 100055\n"
                                    "    source: 新增改造绿地 100055\n")  # fmt: skip
    assert glued.stdout.splitlines()[0] == (
        f"{plan}:5: 新增改造绿地: quote not in the report: '新增改造绿地100055'"
    )


def test_a_quote_without_the_target_need_not_carry_it(tmp_path):
    result, _ = _verify(
        tmp_path,
        "  - name: 建设居住区停车位\n    unit: 个\n    target: 2000\n    actual: 1966\n"
        "    source: 新增居住区停车位1966个\n",
    )
    assert result.exit_code == 0
    assert "0 mismatches" in result.stdout


def test_a_quote_that_states_a_target_must_state_the_indicators(tmp_path):
    result, plan = _verify(tmp_path, "  - name: 新增学位\n    target: 不低于1.8万个\n"
                                     "    source: 全年新增学位不低于1.7万个\n")  # fmt: skip
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f"{plan}:5: 新增学位: target 不低于1.8万 is not among the quote's figures"
    )


def test_figures_printed_with_a_unit_are_read_in_the_indicators_unit(tmp_path):
    good, _ = _verify(tmp_path, "  - name: 拆除违法建设\n    unit: 平方米\n    actual: 5212500\n"
                                "    source: 拆除违法建设521.25万平方米\n")  # fmt: skip
    assert good.exit_code == 0
    bad, plan = _verify(tmp_path, "  - name: 拆除违法建设\n    unit: 平方米\n    actual: 521.25\n"
                                  "    source: 拆除违法建设521.25万平方米\n")  # fmt: skip
    assert bad.stdout.splitlines()[0] == (
        f"{plan}:5: 拆除违法建设: actual 521.25 is not among the quote's figures"
    )


def test_a_stated_gap_must_be_in_its_quote(tmp_path):
    result, plan = _verify(
        tmp_path,
        "  - name: 新增学位\n    actual: 1.4万余个\n    stated_gap: 超30个百分点\n"
        "    source: 新增学位1.4万余个,完成年度计划的82.35%,高于序时进度32.35个百分点\n",
    )
    assert result.stdout.splitlines()[0] == (
        f"{plan}:5: 新增学位: stated_gap 超30个百分点 is not among the quote's figures"
    )


TARGET_SOURCE = (
    "  - name: 建设居住区停车位\n    unit: 个\n    target: 2000\n    actual: 1966\n"
    "    source: 新增居住区停车位1966个\n    target_source: {quote}\n"
)


def test_a_target_source_holds_the_target_and_is_not_looked_for_in_the_report(tmp_path):
    result, _ = _verify(tmp_path, TARGET_SOURCE.format(quote="建设2000个居住区停车位"))
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (
        0,
        "2 quotes checked: 0 mismatches; 0 progress figures in the report not cited.",
    )
    wrong, plan = _verify(tmp_path, TARGET_SOURCE.format(quote="建设2500个居住区停车位"))
    assert wrong.exit_code == 1
    assert wrong.stdout.splitlines()[0] == (
        f"{plan}:5: 建设居住区停车位: target 2000 is not among target_source's figures"
    )


def test_a_target_source_is_looked_for_in_the_documents_given(tmp_path):
    annual = str(tmp_path / "annual.txt")
    found, _ = _verify(tmp_path, TARGET_SOURCE.format(quote="建设2000个居住区停车位"),
                       "--targets", annual)  # fmt: skip
    assert found.exit_code == 0
    # the measures part of the report counts as well as the annual plan
    measures, _ = _verify(tmp_path, "  - name: 新增学位\n    target: 不低于1.7万个\n"
                                    "    target_source: 全年新增学位不低于1.7万个\n",
                          "-t", annual)  # fmt: skip
    assert measures.exit_code == 0
    missing, plan = _verify(tmp_path, TARGET_SOURCE.format(quote="建设2000个停车位"),
                            "--targets", annual)  # fmt: skip
    assert missing.exit_code == 1
    assert missing.stdout.splitlines()[0] == (
        f"{plan}:5: 建设居住区停车位: target_source not in the report or the target documents: "
        "'建设2000个停车位'"
    )


@pytest.mark.parametrize(
    ("quote", "states"),
    [
        ("年度计划投资200亿元，1-6月完成110亿元", True),
        ("全年目标任务为新增就业1.2万人，上半年完成0.7万人", True),
        ("城镇登记失业率控制在3.5%以内", True),
        ("年度任务数2000套", True),
        ("全年新增学位不低于1.7万个", True),
        ("年计划 3800 完成 3037", True),
        ("全市规模以上工业增加值增长6.8%，低于年度目标1.2个百分点", False),
        ("完成固定资产投资420亿元，占年度计划的48.3%", False),
        ("完成全年任务的55%", False),
        ("占年度任务55%", False),
        ("新增学位年度计划1-6月完成1.4万个", False),
        ("超年度计划进度3个百分点", False),
        ("力争8月底基本完成市级下达的全年任务", False),
        ("新增居住区停车位1966个", False),
    ],
)
def test_which_quotes_state_a_target(quote, states):
    assert bool(TARGET_STATED.search(normalized(quote))) is states


@given(
    st.lists(st.text("完成年度任务的1%，项", min_size=1, max_size=80), max_size=12),
    st.text("完成年度任务的1%，项", max_size=90),
)
def test_the_quote_index_answers_as_the_plain_search(pieces, clause):
    """Whether a clause is cited, by the index of the quotes, against asking every quote."""
    from planaudit.core.verify import _Quotes

    plain = any(piece in clause or clause in piece for piece in pieces)
    assert _Quotes(pieces).cite(clause) == plain

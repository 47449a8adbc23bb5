"""The phrasings of progress that `draft` builds indicators from and `verify` lists uncited
figures by: the stated-rate grammar, distances, growth rates, levels, the turn to the measures."""

from __future__ import annotations

import pytest

from planaudit.core import phrasings as say


@pytest.mark.parametrize(
    ("clause", "rate"),
    [
        ("占年计划的41.8%", "41.8"),
        ("完成年计划的84.27%", "84.27"),
        ("完成全年计划目标的55.3%", "55.3"),
        ("完成全年预算的48.5%", "48.5"),
        ("占年度计划的116.69%", "116.69"),
        ("占年度计划119.35%", "119.35"),
        ("占总计划的99.2%", "99.2"),
        ("占全年计划投资的56.6%", "56.6"),
        ("完成年度投资计划的69%", "69"),
        ("完成年度目标任务的50.1%", "50.1"),
        ("为年度任务的80.9%", "80.9"),
        ("完成总量的35%", "35"),
        ("占预算的52.6%", "52.6"),
        ("完成全年预期目标的47.8%", "47.8"),
        ("完成年度计划开工的80.8%", "80.8"),
        ("完成年度总投资的88.76%", "88.76"),
        ("完成五年任务量的65%", "65"),
        ("完成率96.13%", "96.13"),
        ("完成率达69%", "69"),
        ("开工率为86.5%", "86.5"),
        ("实现全年目标的52%", "52"),
        ("达到年度目标的51%", "51"),
    ],
)
def test_every_way_of_stating_a_rate(clause, rate):
    found = say.RATE.search(clause) or say.RATE_WORD.search(clause)
    assert found is not None and found["rate"] == rate
    assert say.progress_figure(clause) is not None


def test_a_rate_with_its_target_printed_inside_and_a_list_of_rates():
    inside = say.RATE.search("完成年度目标1.2万人的66.7%")
    assert inside is not None and (inside["target"], inside["rate"]) == ("1.2万人", "66.7")
    listed = say.RATE.search("分别完成总任务量的97%、100%和83%")
    assert listed is not None and (listed["rate"], listed["more"]) == ("97", "、100%和83%")


@pytest.mark.parametrize(
    "clause",
    [
        "占GDP比重为14.6%",
        "比上年同期增长16%",
        "总量占全市近一半",
        "增速比全国高1.8个百分点",
        "完成年投资计划均在71%以上",
    ],
)
def test_what_is_not_a_stated_rate(clause):
    assert say.RATE.search(clause) is None and say.RATE_WORD.search(clause) is None


@pytest.mark.parametrize(
    ("clause", "signed"),
    [
        ("低于目标1.8个百分点", "-1.8"),
        ("超时序进度3.5个百分点", "3.5"),
        ("超过时间进度13.8个百分点", "13.8"),
        ("低于时序进度(16.67%)3.82个百分点", "-3.82"),
        ("落后序时进度3.82个百分点", "-3.82"),
        ("超均衡进度1.8个百分点", "1.8"),
        ("比序时进度快2个百分点", "2"),
        ("高出序时进度3个百分点", "3"),
        ("滞后序时进度10个百分点", "-10"),
    ],
)
def test_a_distance_to_the_pace_or_target(clause, signed):
    gap = say.GAP.search(clause)
    assert gap is not None
    side, number = gap["side"] or gap["side2"], gap["num"] or gap["num2"]
    assert say.gap_sign(side) + number == signed


@pytest.mark.parametrize("clause", ["高于去年同期1.6个百分点", "快于全省1.7个百分点"])
def test_a_comparison_is_not_a_distance_to_the_pace(clause):
    assert say.GAP.search(clause) is None


@pytest.mark.parametrize(
    ("clause", "figures"),
    [
        ("同比增长9.3%", ["9.3"]),
        ("同比下降24%", ["-24"]),
        ("增长-16%", ["-16"]),
        ("比增16.6%", ["16.6"]),
        ("增速为-6.3%", ["-6.3"]),
        ("分别增长34%和10.5%", ["34", "10.5"]),
        ("两年平均增长5.3%", []),
        ("环比增长0.38%", []),
        ("提高44个百分点", []),
    ],
)
def test_growth_rates_and_what_is_only_a_comparison(clause, figures):
    found = []
    for growth in say.growths(clause):
        sign = say.growth_sign(growth["way"] or growth["word"])
        number = growth["num"] or growth["num2"]
        found.append(number if not sign else f"-{number}")
        found += [f.rstrip("%") for f in (growth["more"] or "").strip("、和").split("和") if f]
    assert found == figures


@pytest.mark.parametrize(
    ("clause", "name"),
    [
        ("城镇登记失业率为0.84%", "城镇登记失业率"),
        ("PM2.5累计平均浓度为57微克/立方米", "PM2.5累计平均浓度"),
        ("居民消费价格指数累计上涨2.7%", None),
    ],
)
def test_levels(clause, name):
    level = say.LEVEL.search(clause)
    assert (level["name"] if level else None) == name


@pytest.mark.parametrize(
    ("report", "turns"),
    [
        ("一、上半年计划执行情况\n新增1个。\n二、完成全年计划的主要措施\n", True),
        ("一、执行情况\n新增1个。\n三、下半年工作安排\n", True),
        ("（一）执行情况\n新增1个。\n下一步工作打算\n", True),
        (
            "一、执行情况\n下一步，我区将继续推进各项工作，确保完成全年目标任务，不断提高水平。\n",
            False,
        ),
        ("一、上半年计划执行情况\n（二）重点项目建设进展顺利\n", False),
    ],
)
def test_the_turn_to_the_measures_to_come(report, turns):
    assert (say.MEASURES.search(report) is not None) is turns


@pytest.mark.parametrize(
    ("clause", "figure"),
    [
        ("126条农村黑臭水体治理已完成120条（95%）", "（95%）"),
        ("2个养老机构建设已完成1个", "2个养老机构建设已完成1个"),
        ("新增居住区停车位1966个", None),
        ("完成棚户区征收、拆迁2187户", None),
    ],
)
def test_what_verify_lists_as_a_progress_figure(clause, figure):
    found = say.progress_figure(clause)
    assert (found is None) is (figure is None)
    if figure is not None:
        assert found is not None and found.endswith(figure)


def test_a_rate_of_the_targets_in_brackets_one_per_rate():
    one = say.RATE.search("已超额完成年度目标（50场）的180%")
    assert one is not None and (one["inside"], one["rate"]) == ("50场", "180")
    two = say.RATE.search("分别完成年度目标（维修改造锅炉146台、供热管网改造40公里）的80.8%、58.5%")
    assert two is not None
    assert (two["inside"], two["rate"], two["more"]) == (
        "维修改造锅炉146台、供热管网改造40公里",
        "80.8",
        "、58.5%",
    )


@pytest.mark.parametrize(
    "clause",
    [
        "超额完成9月份设置的累计完成总工程量30%的节点目标",
        "超额完成9月份设置的累计完成供热管网改造20公里的节点目标",
        "已完成全年60%的时序目标",
        "完成一季度设置的累计完成投资25%的阶段性目标",
    ],
)
def test_a_schedule_point_is_no_figure_of_progress(clause):
    assert say.SCHEDULE_POINT.search(clause) is not None
    assert say.progress_figure(clause) is None


def test_a_count_that_is_the_years_target_reached():
    found = say.TARGET_REACHED.search("于8月份完成安装100台的年度目标")
    assert found is not None and (found["verb"], found["quantity"]) == ("安装", "100台")
    assert say.progress_figure("于8月份完成安装100台的年度目标") == "完成安装100台的年度目标"
    assert say.progress_figure("全年目标是安装100台") is None

"""What a 督查通报 or a 民生实事 bulletin says of the pace without a figure of progress, each
drafted from a few sentences written in that form: indicators named as behind it, tasks listed as
behind it with their targets, and how many of the plan's items are on pace out of a total."""

from __future__ import annotations

from datetime import date

from planaudit.core.verify import mismatches
from planaudit.draft import draft, to_yaml
from planaudit.io.loader import parse


def drafted(report: str) -> list[tuple[object, ...]]:
    """(name, kind, unit, target, actual, stated, stated_gap) of each indicator, after checking
    that the draft loads and verify finds its quotes in the report."""
    made = draft(report, "r.txt", 2020)
    plan = parse(to_yaml(made), "draft.yaml").plan
    assert mismatches(plan, report) == []
    return [(i.name, i.kind, i.unit, i.target, i.actual, i.stated, i.gap) for i in made.indicators]


def test_indicators_named_as_behind_the_pace():
    report = (
        "某市2021年1-9月重点指标督查情况\n"
        "纳入督查的主要经济指标8项，其中社会消费品零售总额和进出口总额2项指标均滞后于时序进度。\n"
    )
    assert drafted(report) == [
        ("社会消费品零售总额", "cumulative", None, None, None, None, "低于"),
        ("进出口总额", "cumulative", None, None, None, None, "低于"),
    ]


def test_tasks_listed_as_behind_the_pace_with_their_targets():
    report = (
        "某县2022年1-10月政府工作报告目标任务推进情况\n"
        "截至10月底，未达到序时进度的有4项，分别为：新建农村公路120公里、城市污水处理率达95%、"
        "新增市场主体3000户、完成造林1.5万亩。\n"
    )
    assert drafted(report) == [
        ("新建农村公路", "cumulative", None, "120公里", None, None, "低于"),
        ("城市污水处理率", "level", None, "95%", None, None, "低于"),
        ("新增市场主体", "cumulative", None, "3000户", None, None, "低于"),
        ("完成造林", "cumulative", None, "1.5万亩", None, None, "低于"),
    ]  # 达95% in a list of targets is the level's target, not a figure reached


def test_a_count_of_items_on_pace_out_of_a_total_stated_before():
    report = (
        "某区2019年民生实事1-8月进展\n"
        "今年区委区政府共确定民生实事项目32个。截至8月底，已完成或达到序时进度的项目24个，"
        "占比75%；进度滞后的项目8个，占比25%。\n"
    )
    assert drafted(report) == [
        ("已完成或达到序时进度的项目", "cumulative", "个", "32", "24", "75%", None),
    ]  # the share behind (8 of 32) is the rest, not a count done


def test_a_share_that_disagrees_with_the_total_is_no_count_of_it():
    report = (
        "某区2019年民生实事1-8月进展\n"
        "今年共确定民生实事项目32个。截至8月底，已完成的项目20个，占比50%。\n"
    )
    assert draft(report, "r.txt", 2020).indicators == []


def test_targets_whose_name_holds_a_figure_and_amounts_over_them():
    report = (
        "某县2022年上半年重点工作推进情况\n"
        "（一）招商引资\n"
        "2.签约5亿元以上项目6个、亿元以上项目40个。上半年，签约亿元及以上项目46个，"
        "5亿元以上项目8个。\n"
    )
    assert drafted(report) == [
        ("签约亿元及以上项目", "cumulative", "个", "40", "46", None, None),
        ("5亿元以上项目", "cumulative", "个", "6", "8", None, None),
    ]  # 5亿元 names the kind of project; a count ahead of its target (46 of 40) still takes it


def test_a_count_started_of_a_total_stated_sentences_before():
    report = (
        "某县2020年1-7月重点项目进展\n"
        "今年全县共安排市级重点项目3大类64个，其中新建项目40个。截至7月底，已开工48个，"
        "完成投资21.5亿元，占年度计划投资的58.1%。\n"
    )
    assert drafted(report) == [
        ("市级重点项目开工", "cumulative", "个", "64", "48", None, None),
        ("投资", "cumulative", "亿元", None, "21.5", "58.1%", None),
    ]  # 已开工48个 names nothing but its verb: it counts the total stated before


def test_a_count_with_its_own_total_takes_no_other():
    report = (
        "某县2020年1-7月重点项目进展\n全县共安排重点项目64个。已竣工项目共20个，竣工率为31.3%。\n"
    )
    assert drafted(report) == [
        ("竣工项目", "cumulative", "个", None, "20", "31.3%", None),
    ]


def test_a_reviews_lists_of_indicators_against_what_was_expected():
    report = (
        "某省“十四五”规划纲要实施中期评估报告\n"
        "规划确定的25项主要指标中，21项进展符合或快于预期。其中，森林覆盖率、城镇新增就业等2项指标"
        "提前实现。人均地区生产总值、每千人口拥有3岁以下婴幼儿托位数、R&D经费投入强度等3项指标快于"
        "预期。5项指标基本符合预期，分别是居民人均可支配收入增长、城镇调查失业率、单位GDP能耗降低、"
        "粮食综合生产能力、人均预期寿命。常住人口城镇化率、数字经济增加值占比2项指标滞后于预期。\n"
    )
    assert drafted(report) == [
        ("森林覆盖率", "milestone", None, None, None, None, None),
        ("城镇新增就业", "milestone", None, None, None, None, None),
        ("人均地区生产总值", "cumulative", None, None, None, None, "高于"),
        ("每千人口拥有3岁以下婴幼儿托位数", "cumulative", None, None, None, None, "高于"),
        ("R&D经费投入强度", "cumulative", None, None, None, None, "高于"),
        ("居民人均可支配收入增长", "cumulative", None, None, None, None, "持平"),
        ("城镇调查失业率", "cumulative", None, None, None, None, "持平"),
        ("单位GDP能耗降低", "cumulative", None, None, None, None, "持平"),
        ("粮食综合生产能力", "cumulative", None, None, None, None, "持平"),
        ("人均预期寿命", "cumulative", None, None, None, None, "持平"),
        ("常住人口城镇化率", "cumulative", None, None, None, None, "低于"),
        ("数字经济增加值占比", "cumulative", None, None, None, None, "低于"),
    ]  # 21项进展符合或快于预期 names none: a count of a count the review leaves to a person


def test_a_review_naming_no_year_stands_at_the_last_full_year_before_the_middle():
    report = "某市“十四五”规划纲要实施中期评估\n主要指标中，城镇新增就业等2项指标提前实现。\n"
    assert draft(report, "r.txt", 2024).as_of == date(2022, 12, 31)


def test_a_monthly_bulletin_dated_by_its_months_running_total():
    report = (
        "一、一般公共预算收支完成情况\n"
        "7月，一般公共预算收入累计完成3.2亿元，完成年初预算数5.6亿元的57.1%，下降2.1%。\n"
    )
    assert draft(report, "r.txt", 2023).as_of == date(2023, 7, 31)

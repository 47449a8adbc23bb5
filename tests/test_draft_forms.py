"""The forms reports take, each drafted from a small report written in that form: tables in
every flattening, rates, distances, growth rates, items of 民生实事, periods and dates."""

from __future__ import annotations

from datetime import date

import pytest

from planaudit.core.verify import mismatches, uncited
from planaudit.draft import draft, to_yaml
from planaudit.io.loader import parse


def figures(report: str) -> list[tuple[str | None, ...]]:
    """(kind, target, actual, stated, gap) of each drafted indicator, after checking that the
    draft loads and that its every quote stands in the report with its figures."""
    made = draft(report, "r.txt", 2020)
    plan = parse(to_yaml(made), "draft.yaml").plan
    if not any(gap in report.strip() for gap in ("\t", "  ", "\n\n")):
        assert mismatches(plan, report) == []  # cells apart: once verify never joins them
    return [
        (item.kind, item.target, item.actual, item.stated, item.gap) for item in made.indicators
    ]


def test_a_table_with_pipes_and_a_header_of_two_rows():
    report = (
        "2019年1-9月财政收入完成情况表 | |||\n"
        "表一 | 单位：万元 | ||\n"
        "科目 | 年度预算 | 累计 | 本期累计为预算% |\n"
        "本期 | 同期 | 增减率% |\n"
        "一、一般公共预算收入 | 1,000 | 700 | 650 | 7.7 | 70.0 |\n"
        "（一）税收收入 | 800 | 500 | 520 | -3.8 | 62.5 |\n"
    )
    assert figures(report) == [
        ("cumulative", "1000", "700", "70.0%", None),
        ("level", None, "7.7%", None, None),
        ("cumulative", "800", "500", "62.5%", None),
        ("level", None, "-3.8%", None, None),
    ]
    assert draft(report, "r").as_of == date(2019, 9, 30)


def test_a_table_with_tabs_unit_and_owner_columns():
    report = (
        "关于X县2020年计划上半年执行情况的报告\n"
        "指标名称\t单位\t年计划\t1-6月完成\t完成年计划%\t同比增长%\t牵头单位\n"
        "地区生产总值\t亿元\t120\t58.6\t48.8\t6.1\t县发改局\n"
        "城镇登记失业率\t%\t4.5以内\t3.2\t\t\t县人社局\n"
    )
    made = draft(report, "r")
    assert [(i.name, i.unit, i.owner) for i in made.indicators] == [
        ("地区生产总值", "亿元", "县发改局"),
        ("地区生产总值增长", None, "县发改局"),
        ("城镇登记失业率", None, "县人社局"),
    ]
    assert figures(report) == [
        ("cumulative", "120", "58.6", "48.8%", None),
        ("level", None, "6.1%", None, None),
        ("level", "4.5%以内", "3.2%", None, None),
    ]


def test_a_table_whose_cells_are_runs_of_spaces():
    report = (
        "2020年1-5月主要经济指标\n"
        "指标    计量单位    年度目标    1-5月    完成率\n"
        "固定资产投资    亿元    300    110    36.7%\n"
    )
    assert figures(report) == [("cumulative", "300", "110", "36.7%", None)]
    assert draft(report, "r").as_of == date(2020, 5, 31)


def test_a_task_table_one_cell_a_line():
    report = (
        "2021年民生实事进度表（截至10月31日）\n\n"
        "序号\n\n项目内容\n\n当前进度\n\n牵头单位\n\n"
        "1\n\n新建公办幼儿园5所。\n\n80%（一所滞后）\n\n区教育局\n\n"
        "2\n\n改造老旧小区12个。\n\n已完成\n\n区住建局\n"
    )
    made = draft(report, "r")
    assert made.as_of == date(2021, 10, 31)
    assert [(i.kind, i.target, i.stated, i.done, i.owner) for i in made.indicators] == [
        ("cumulative", "5", "80%", None, "区教育局"),
        ("milestone", None, None, True, "区住建局"),
    ]


def test_a_wide_table_of_places_across_indicators_one_cell_a_line():
    cells = [
        "地区", "新增就业（人）", "登记失业率低于（%）",
        "目标", "进度", "完成比例（%）", "目标", "进度", "完成比例（%）",
        "全市", "1000", "1200", "120", "4.5", "3.2",
        "甲县", "400", "300", "75",
    ]  # fmt: skip
    assert figures("\n\n".join(cells) + "\n") == [
        ("cumulative", "1000", "1200", "120%", None),
        ("level", "低于4.5%", "3.2%", None, None),
    ]  # 甲县's figures cannot be cut into both columns: left out, not guessed


def test_rates_amounts_distances_and_growth_in_sentences():
    report = (
        "关于Y市2019年国民经济和社会发展计划1—7月执行情况的报告\n"
        "一、1—7月执行情况\n"
        "全市完成固定资产投资180.5亿元，同比增长8.2%，占年度投资计划的55.1%，"
        "低于时序进度3.2个百分点。地区生产总值增长6.1%，低于目标1.4个百分点。"
        "新增城镇就业1.2万人，完成年度目标1.8万人的66.7%。"
        "新建沼气池248口。\n"
    )
    made = draft(report, "r")
    assert made.as_of == date(2019, 7, 31)
    assert [i.name for i in made.indicators] == [
        "固定资产投资",
        "固定资产投资增长",
        "地区生产总值增长",
        "新增城镇就业",
    ]
    assert figures(report) == [
        ("cumulative", None, "180.5", "55.1%", "-3.2"),
        ("level", None, "8.2%", None, None),
        ("level", None, "6.1%", None, "-1.4"),
        ("cumulative", "1.8", "1.2", "66.7%", None),
    ]  # a plain amount with no target (新建沼气池248口) is not audited: left out


def test_lists_of_rates_and_of_growth_rates():
    report = (
        "2019年上半年经济运行情况\n"
        "农业、工业、服务业分别增长3.5%、6.2%和7.1%。一季度和上半年地区生产总值分别增长6.3%、6.1%。"
        "合同外资和实际外资分别完成年度目标的52.1%、61.0%。\n"
    )
    made = draft(report, "r")
    assert [i.name for i in made.indicators] == [
        "农业增长",
        "工业增长",
        "服务业增长",
        "地区生产总值增长",
        "合同外资",
        "实际外资",
    ]
    assert made.indicators[3].dated == {date(2019, 3, 31): "6.3%", date(2019, 6, 30): "6.1%"}


def test_items_of_a_bulletin_with_their_targets_and_what_is_done():
    report = (
        "2015年民生实事上半年进展情况\n"
        "2000个村通公路（2013—2017年）。上半年新解决300个村通公路。"
        "累计解决了1500个村通公路，占总计划的75%。\n"
        "完成5万口山坪塘整治（2013—2017年）。上半年已全部完工。\n"
        "其余27项中，截至6月底已完成19项。6个老旧小区改造正在施工中（90%）。\n"
    )
    made = draft(report, "r")
    assert [(i.kind, i.target, i.actual, i.stated, i.done) for i in made.indicators] == [
        ("cumulative", "2000", "1500", "75%", None),
        ("milestone", None, None, None, True),
        ("cumulative", "27", "19", None, None),
        ("cumulative", "6", None, "90%", None),
    ]
    assert made.indicators[0].period == (date(2013, 1, 1), date(2017, 12, 31))


@pytest.mark.parametrize(
    ("title", "as_of"),
    [
        ("关于A县2018年上半年国民经济和社会发展计划执行情况的报告", date(2018, 6, 30)),
        ("B市2018年1-7月主要经济指标", date(2018, 7, 31)),
        ("C区2018年前三季度经济运行情况", date(2018, 9, 30)),
        ("D县2018年一季度经济运行简报", date(2018, 3, 31)),
        ("E市2018年民生实事进展情况（截至6月20日）", date(2018, 6, 20)),
        ("F市2018年9月份财政收入完成情况表", date(2018, 9, 30)),
        ("G市2018年重点项目完成情况表", date(2018, 12, 31)),
    ],
)
def test_the_date_figures_stand_at_from_the_title(title, as_of):
    assert draft(f"{title}\n一、\n新增车位9个，完成率90%。\n", "r").as_of == as_of


def test_the_date_from_the_text_where_the_title_has_none():
    text = "H区2019年民生实事进展\n截至8月15日，新增车位9个，完成率90%。\n"
    assert draft(text, "r").as_of == date(2019, 8, 15)
    half = "关于I区2019年上半年计划执行情况的报告\n截至6月20日，新增车位9个，完成率90%。\n"
    assert draft(half, "r").as_of == date(2019, 6, 20)


def test_a_five_year_plan_and_a_multi_year_title():
    five = draft(
        "关于“十三五”规划纲要实施中期评估的报告\n2018年上半年，新增车位9个，完成率90%。\n", "r"
    )
    assert (five.start, five.end, five.as_of) == (
        date(2016, 1, 1),
        date(2020, 12, 31),
        date(2018, 6, 30),
    )
    yaml = to_yaml(five)
    assert "period: {start: 2016-01-01, end: 2020-12-31}" in yaml and "\nyear:" not in yaml
    span = draft(
        "2013—2017年棚户区改造实施情况\n截至2016年6月底，累计改造8万户，占总任务的80%。\n", "r"
    )
    assert (span.start, span.end, span.as_of) == (
        date(2013, 1, 1),
        date(2017, 12, 31),
        date(2016, 6, 30),
    )


def test_the_draft_and_verify_read_the_same_figures():
    report = (
        "关于Z区2019年计划上半年执行情况的报告\n一、上半年执行情况\n"
        "地区生产总值完成50亿元，同比增长6.5%，完成年计划的48%。"
        "城镇登记失业率为2.1%。126条黑臭水体治理已完成120条（95%）。\n"
    )
    plan = parse(to_yaml(draft(report, "r")), "draft.yaml").plan
    assert uncited(plan, report) == []

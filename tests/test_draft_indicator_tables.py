"""The form a planning office sends round most, the 主要指标完成情况表 (indicator | unit |
年度目标 | 1-N月完成 | 完成年度目标% | 同比增长%), as web pages flatten it: six tables written
here, each in another flattening and column order, each drafted to an exact plan — rows with tabs
and an empty cell, pipes with a 序号 column, units in the names and targets in % (8%左右,
不低于7.5%), one cell a line with a header broken over two lines, runs of spaces under merged name
cells (指标名称 over 一级指标 | 二级指标), tabs with the header over two rows, one cell a line with
a 合计 row; rates printed without %, and footnotes (注：…) under them."""

from __future__ import annotations

from datetime import date

from planaudit.core.verify import mismatches
from planaudit.draft import draft, to_yaml
from planaudit.io.loader import parse

Read = tuple[str | None, ...]


def drafted(report: str) -> tuple[date | None, list[Read]]:
    """The draft's date, and (name, section, kind, unit, target, actual, stated) of each
    indicator, after checking that the draft loads and that verify finds its every quote in the
    report with its figures."""
    made = draft(report, "r.txt", 2020)
    plan = parse(to_yaml(made), "draft.yaml").plan
    assert mismatches(plan, report) == []
    return made.as_of, [
        (i.name, i.section, i.kind, i.unit, i.target, i.actual, i.stated) for i in made.indicators
    ]


def test_rows_with_tabs_and_an_empty_cell():
    report = (
        "某市2023年1-6月主要指标完成情况\n"
        "指标\t单位\t年度目标\t1-6月完成\t完成年度目标%\t同比增长%\n"
        "地区生产总值\t亿元\t1200\t580.5\t48.4\t6.2\n"
        "固定资产投资\t亿元\t800\t\t\t-3.5\n"
        "一般公共预算收入\t亿元\t95\t52.1\t54.8\t10.3\n"
    )
    assert drafted(report) == (
        date(2023, 6, 30),
        [
            ("地区生产总值", None, "cumulative", "亿元", "1200", "580.5", "48.4%"),
            ("地区生产总值增长", None, "level", None, None, "6.2%", None),
            ("固定资产投资", None, "cumulative", "亿元", "800", None, None),
            ("固定资产投资增长", None, "level", None, None, "-3.5%", None),
            ("一般公共预算收入", None, "cumulative", "亿元", "95", "52.1", "54.8%"),
            ("一般公共预算收入增长", None, "level", None, None, "10.3%", None),
        ],
    )  # the empty progress cell leaves the target without a figure (no_data), not shifted


def test_pipes_with_a_number_column_units_in_names_and_targets_in_percent():
    report = (
        "甲县2022年1-9月主要经济指标完成情况表\n"
        "| 序号 | 指标名称 | 1-9月完成 | 同比增长% | 年度目标 | 完成年度目标% |\n"
        "| 1 | 地区生产总值（亿元） | 156.2 | 4.1 | 215 | 72.7 |\n"
        "| 2 | 规模以上工业增加值增速（%） | 5.6 | — | 8%左右 | — |\n"
        "| 3 | 城镇居民人均可支配收入（元） | 31250 | 5.2 | 不低于7.5% | — |\n"
        "| 4 | 一般公共预算收入（万元） | 98650 | 8.9 | 增长8% | — |\n"
        "注：地区生产总值为初步核算数，增长按可比价计算。\n"
    )
    assert drafted(report) == (
        date(2022, 9, 30),
        [
            ("地区生产总值", None, "cumulative", "亿元", "215", "156.2", "72.7%"),
            ("地区生产总值增长", None, "level", None, None, "4.1%", None),
            ("规模以上工业增加值增速", None, "level", None, "8%左右", "5.6%", None),
            ("城镇居民人均可支配收入增长", None, "level", None, "不低于7.5%", "5.2%", None),
            ("一般公共预算收入增长", None, "level", None, "8%", "8.9%", None),
        ],
    )  # a target in % beside an amount is its planned growth; the amount alone is not audited


def test_cells_one_a_line_under_a_header_broken_over_two_lines():
    cells = [
        "指标名称", "单位", "年度", "目标", "1-6月", "完成", "完成年度", "目标%", "同比", "增长%",
        "地区生产总值", "亿元", "2400", "1180.6", "49.2", "12.8",
        "进出口总额", "亿元", "360", "—", "—", "15.2",
        "实际利用外资", "亿美元", "12.5", "7.1", "56.8", "20.3",
    ]  # fmt: skip
    report = "乙市2021年上半年主要指标完成情况\n" + "\n".join(cells) + "\n"
    assert drafted(report) == (
        date(2021, 6, 30),
        [
            ("地区生产总值", None, "cumulative", "亿元", "2400", "1180.6", "49.2%"),
            ("地区生产总值增长", None, "level", None, None, "12.8%", None),
            ("进出口总额", None, "cumulative", "亿元", "360", None, None),
            ("进出口总额增长", None, "level", None, None, "15.2%", None),
            ("实际利用外资", None, "cumulative", "亿美元", "12.5", "7.1", "56.8%"),
            ("实际利用外资增长", None, "level", None, None, "20.3%", None),
        ],
    )  # 年度 / 目标 is one column (a target), not a unit's rest and a target


def test_runs_of_spaces_under_merged_name_cells():
    report = (
        "丙区2024年前三季度主要指标完成情况\n"
        "单位：亿元\n"
        "指标名称              年度目标    前三季度完成    完成年度目标%    同比增长%\n"
        "一级指标    二级指标\n"
        "经济发展    地区生产总值        860    642.3    74.7    5.9\n"
        "            固定资产投资        310    228.1    73.6    -2.4\n"
        "财政收入    一般公共预算收入    62     49.8     80.3    6.1\n"
        "注：地区生产总值为初步核算数。\n"
    )
    assert drafted(report) == (
        date(2024, 9, 30),
        [
            ("地区生产总值", "经济发展", "cumulative", "亿元", "860", "642.3", "74.7%"),
            ("地区生产总值增长", "经济发展", "level", None, None, "5.9%", None),
            ("固定资产投资", "经济发展", "cumulative", "亿元", "310", "228.1", "73.6%"),
            ("固定资产投资增长", "经济发展", "level", None, None, "-2.4%", None),
            ("一般公共预算收入", "财政收入", "cumulative", "亿元", "62", "49.8", "80.3%"),
            ("一般公共预算收入增长", "财政收入", "level", None, None, "6.1%", None),
        ],
    )  # the merged 一级指标 cell names the rows below it as their section


def test_tabs_with_the_header_over_two_rows():
    report = (
        "丁市2020年1-8月主要指标完成情况\n"
        "指标\t单位\t年度\t1-8月\t完成年度\t同比\n"
        "\t\t目标\t完成\t目标%\t增长%\n"
        "规模以上工业增加值\t亿元\t520\t318.6\t61.3\t3.2\n"
        "城镇新增就业\t万人\t6\t4.4\t73.3\t\n"
        "注：规模以上工业增加值增长按可比价计算。\n"
    )
    assert drafted(report) == (
        date(2020, 8, 31),
        [
            ("规模以上工业增加值", None, "cumulative", "亿元", "520", "318.6", "61.3%"),
            ("规模以上工业增加值增长", None, "level", None, None, "3.2%", None),
            ("城镇新增就业", None, "cumulative", "万人", "6", "4.4", "73.3%"),
        ],
    )


def test_cells_one_a_line_with_a_number_column_and_a_total_row():
    cells = [
        "序号", "项目类别", "年度计划投资（万元）", "上半年完成投资（万元）", "占年度计划（%）",
        "1", "工业项目", "52000", "27560", "53.0",
        "2", "基础设施项目", "38000", "17100", "45.0",
        "合计", "90000", "44660", "49.6",
    ]  # fmt: skip
    report = "戊县2019年上半年重点项目投资完成情况\n\n" + "\n\n".join(cells) + "\n"
    assert drafted(report) == (
        date(2019, 6, 30),
        [
            ("工业项目", None, "cumulative", "万元", "52000", "27560", "53.0%"),
            ("基础设施项目", None, "cumulative", "万元", "38000", "17100", "45.0%"),
            ("戊县重点项目投资合计", None, "cumulative", "万元", "90000", "44660", "49.6%"),
        ],
    )  # the 合计 row, its number cell merged away, is the total of what the table measures


def test_a_column_of_planned_growth_is_the_growth_target():
    report = (
        "壬市2023年上半年主要经济指标\n"
        "| 指标 | 计量单位 | 全年目标增速（%） | 1-6月完成值 | 1-6月增速（%） |\n"
        "| 地区生产总值 | 亿元 | 6.5左右 | 1180.6 | 5.9 |\n"
        "| 规模以上工业增加值 | 亿元 | 8 | 420.3 | 9.1 |\n"
        "| 城镇居民人均可支配收入 | 元 | 与经济增长同步 | 26500 | 6.2 |\n"
    )
    assert drafted(report) == (
        date(2023, 6, 30),
        [
            ("地区生产总值增长", None, "level", None, "6.5%左右", "5.9%", None),
            ("规模以上工业增加值增长", None, "level", None, "8%", "9.1%", None),
            ("城镇居民人均可支配收入增长", None, "level", None, None, "6.2%", None),
        ],
    )  # the amounts, with neither a target nor a rate, are not audited


def test_bounds_printed_as_signs_and_growths_in_words():
    report = (
        "癸县2022年1-6月主要指标完成情况\n"
        "指标名称\t年度目标（亿元）\t1-6月累计\t比上年同期增长（%）\t占年度目标（%）\n"
        "地区生产总值\t≥300\t142.6\t下降1.2\t47.5%\n"
        "一般公共预算收入\t20以上\t11.3\t增长5.1%\t56.5%\n"
        "固定资产投资\t/\t88.1\t−3.5\t/\n"
        "城镇登记失业率（%）\t＜4.5\t3.2\t—\t—\n"
    )
    assert drafted(report) == (
        date(2022, 6, 30),
        [
            ("地区生产总值", None, "cumulative", "亿元", "300以上", "142.6", "47.5%"),
            ("地区生产总值增长", None, "level", None, None, "-1.2%", None),
            ("一般公共预算收入", None, "cumulative", "亿元", "20以上", "11.3", "56.5%"),
            ("一般公共预算收入增长", None, "level", None, None, "5.1%", None),
            ("固定资产投资增长", None, "level", None, None, "-3.5%", None),
            ("城镇登记失业率", None, "level", None, "4.5%以内", "3.2%", None),
        ],
    )  # ≥300 is a floor, ＜4.5 a ceiling; 下降1.2 is −1.2; a row in % is a level


def test_cells_one_a_line_with_units_in_the_names_and_a_footnote():
    cells = [
        "指标名称", "年度目标", "1-9月完成", "完成年度目标（%）",
        "地区生产总值（亿元）", "3200", "2380.5", "74.4",
        "规上工业增加值增速（%）", "8", "9.2", "—",
        "居民人均可支配收入（元）", "45000", "33120", "73.6",
    ]  # fmt: skip
    report = "某市2021年1-9月主要指标完成情况\n" + "\n".join(cells) + "\n注：增速按可比价计算。\n"
    assert drafted(report) == (
        date(2021, 9, 30),
        [
            ("地区生产总值", None, "cumulative", "亿元", "3200", "2380.5", "74.4%"),
            ("规上工业增加值增速", None, "level", None, "8%", "9.2%", None),
            ("居民人均可支配收入", None, "cumulative", "元", "45000", "33120", "73.6%"),
        ],
    )


def test_category_rows_name_the_sections_of_the_rows_below():
    report = (
        "某市2021年1-9月主要指标完成情况\n"
        "序号\t指标\t单位\t目标\t完成\t完成率\n"
        "一\t经济发展\n"
        "1\t地区生产总值\t亿元\t3200\t2380.5\t74.4%\n"
        "二\t民生保障\n"
        "2\t城镇新增就业\t万人\t5\t4.1\t82%\n"
    )
    assert drafted(report) == (
        date(2021, 9, 30),
        [
            ("地区生产总值", "经济发展", "cumulative", "亿元", "3200", "2380.5", "74.4%"),
            ("城镇新增就业", "民生保障", "cumulative", "万人", "5", "4.1", "82%"),
        ],
    )

"""Tables as web pages flatten them, each drafted from a small table written in that form: rows
with single spaces between cells, places across in a paragraph, cells one a line ending in a
lone `|`, task tables named by their tasks, and a unit line for the columns."""

from __future__ import annotations

from datetime import date

from planaudit.core.verify import mismatches
from planaudit.draft import draft, to_yaml
from planaudit.io.loader import parse


def drafted(report: str) -> list[tuple[str | None, ...]]:
    """(name, kind, unit, target, actual, stated) of each indicator, after checking that the
    draft loads and that verify finds its every quote in the report with its figures."""
    made = draft(report, "r.txt", 2020)
    plan = parse(to_yaml(made), "draft.yaml").plan
    assert mismatches(plan, report) == []
    return [(i.name, i.kind, i.unit, i.target, i.actual, i.stated) for i in made.indicators]


def test_rows_with_single_spaces_between_cells_and_empty_cells_unmarked():
    report = (
        "某市1-10月民生实事落实情况\n"
        "序号 考核指标 单 位 工作目标 已完成数 占年任务之比 备  注\n"
        "1 城镇新增就业 万人 3.1 2.8  90.3% 人社局\n"
        "农村公路提质改造 公里  120 96.5  80.4%\n"
        "2 农村改厕 8000 6120 76.5% 农业农村局\n"
        "3 提高低保标准 元/月/人 不低于500元 520  达到目标 民政局\n"
        "4 学校建设 - - -\n"
    )
    assert drafted(report) == [
        ("城镇新增就业", "cumulative", "万人", "3.1", "2.8", "90.3%"),
        ("农村公路提质改造", "cumulative", "公里", "120", "96.5", "80.4%"),
        ("农村改厕", "cumulative", None, "8000", "6120", "76.5%"),
        ("提高低保标准", "level", "元/月/人", "不低于500", "520", None),
    ]  # a standard per head (元/月/人) is a level; a row of dashes has nothing to draft
    assert draft(report, "r", 2020).as_of == date(2020, 10, 31)


def test_a_table_of_places_across_in_a_paragraph():
    report = (
        "2.新增公交线路8条。 责任单位：市交通局 甲区 乙区、丙区 丁区 合计 "
        "新增线路年度目标 3 4 1 8 实际完成 2 4 0 6\n"
    )
    assert drafted(report) == [
        ("新增线路（甲区）", "cumulative", None, "3", "2", None),
        ("新增线路（乙区、丙区）", "cumulative", None, "4", "4", None),
        ("新增线路（丁区）", "cumulative", None, "1", "0", None),
        ("新增线路（合计）", "cumulative", None, "8", "6", None),
    ]


def test_cells_one_a_line_ending_in_a_lone_pipe_under_a_corner_cell():
    cells = [
        "|", "工 业 产 值 |", "本月 |", "增长% |", "累计 |", "累计增长 |",
        "甲产业 |", "1200 |", "9.50 |", "11800 |", "12.34 |",
    ]  # fmt: skip
    report = "今年前10个月全市甲产业累计完成产值1.18亿元，同比增长12.3%。\n" + "\n".join(cells)
    assert drafted(report) == [
        ("甲产业增长", "level", None, None, "12.34%", None),
    ]  # 本月's growth (9.50) is one month's; the sentence's 12.3% is the table's 12.34% rounded;
    # the amount (11800), with neither a target nor a rate, is not audited
    assert draft(report, "r", 2020).as_of == date(2020, 10, 31)


def test_a_task_table_named_by_its_tasks_with_a_header_cell_broken_in_two():
    cells = [
        "序号", "目标任务", "牵头", "市领导", "责任单位", "进展情况", "形象进度（%）",
        "1", "新建充电桩200个，其中农村80个", "张  三", "市发改局",
        "新建公共充电桩90个，其中农村30个。", "45%",
        "2", "建设“口袋公园”20个", "李  四", "市住建局", "已完成选址，正在设计。", "20%",
        "3", "新（改）建青少年活动中心6家，全年计划服务青少年1万人次", "王  五", "团市委",
        "已确定6家选址，累计服务青少年3200人次。", "40%",
    ]  # fmt: skip
    assert drafted("\n\n".join(cells) + "\n") == [
        ("新建充电桩200个，其中农村80个", "cumulative", "个", "200", "90", "45%"),
        ("农村", "cumulative", "个", "80", "30", None),
        ("建设“口袋公园”20个", "cumulative", "个", "20", None, "20%"),
        (
            "新（改）建青少年活动中心6家，全年计划服务青少年1万人次",
            "cumulative",
            None,
            None,
            None,
            "40%",
        ),
        ("服务青少年", "cumulative", "人次", "1万", "3200", None),
    ]  # two counts: the 40% is the whole task's; 已确定6家 is not 6 built


def test_a_unit_line_above_a_table_gives_each_column_its_unit():
    report = (
        "1-9月重点项目投资完成情况\n单位：个、亿元\n"
        "区 域 | 项目个数 | 年投资计划 | 完成投资额 | 完成率 |\n"
        "甲县 | 20 | 40.0 | 30.0 | 75.0% |\n"
    )
    assert drafted(report) == [("甲县重点项目投资", "cumulative", "亿元", "40.0", "30.0", "75.0%")]
    # the rows are places (区 域): each is named by its place and what the title measures


def test_a_ratio_column_is_not_a_completion_rate():
    report = (
        "规模以上工业增加值增速、产销率\n2020年1-3月\n"
        "指标名称 | 增长（%） | 产销率（%） |\n"
        "工业增加值 | -5.2 | 96.1 |\n#轻工业 | -3.0 | 97.0 |\n"
    )
    assert drafted(report) == [
        ("工业增加值增长", "level", None, None, "-5.2%", None),
        ("轻工业增长", "level", None, None, "-3.0%", None),
    ]  # 产销率 is a ratio of its own with no target: not a rate of completion


def test_a_table_of_places_one_cell_a_line_names_each_row_by_its_place_and_the_title():
    cells = [
        "附表：2019年上半年各县区规模以上工业增加值及增速", "县    区", "绝对数", "（亿元）",
        "比上年同期增长", "（%）", "全    市", "120.5", "6.1", "甲 山 县", "40.2", "7.3",
        "  乙  川", "30.1", "-2.4", "数据来源：市统计局",
    ]  # fmt: skip
    report = "上半年全市工业增速领先，甲山县紧随其后，工业增加值比上年同期增长7.3%。\n"
    assert drafted(report + "\n\n".join(cells) + "\n") == [
        ("全市规模以上工业增加值增长", "level", None, None, "6.1%", None),
        ("甲山县规模以上工业增加值增长", "level", None, None, "7.3%", None),
        ("乙川规模以上工业增加值增长", "level", None, None, "-2.4%", None),
    ]  # a header over places (县区), padded names closed up, a unit broken onto the next line;
    # the amounts have neither a target nor a rate: only the growths are audited; the sentence's
    # growth of 甲山县 is the row's


def test_rows_with_single_spaces_read_by_the_shape_of_their_cells():
    report = (
        "某区2020年1-8月民生实事完成情况表\n"
        "序号 实事项目名称 责任单位 目标任务 1- 8月实际完成情况 1-8月完成率% 备注\n"
        "1 农村饮水安全巩固提升 水务局 1300人 700 54% 已解决700人\n"
        "2 建设农村公办幼儿园 教育局 2所 70% 主体已完工\n"
        "3 新增视频监控摄像头 区公安分局 100个 设备购进中\n"
        "4 征缴养老保险基金10000万元 区人社局 10000万 7965 80%\n"
        "5 城乡低保补差水平 区民政局 100% 100%\n"
    )
    assert drafted(report) == [
        ("农村饮水安全巩固提升", "cumulative", "人", "1300", "700", "54%"),
        ("建设农村公办幼儿园", "cumulative", "所", "2", None, "70%"),
        ("新增视频监控摄像头", "cumulative", "个", "100", None, None),
        ("征缴养老保险基金10000万元", "cumulative", "万元", "10000", "7965", "80%"),
        ("城乡低保补差水平", "level", None, "100%", "100%", None),
    ]  # the owner stands between the name and the figures; a lone 70% is the rate, its progress
    # cell empty; a unit printed in the target's cell is the row's, its 万 too where the progress
    # is bare; a task with its target and no figure done keeps its target; 100% of 100% is a level
    assert [i.owner for i in draft(report, "r", 2020).indicators][:2] == ["水务局", "教育局"]


def test_a_table_of_places_in_pipes_and_a_task_table_in_tabs_with_a_column_in_percent():
    report = (
        "2020年1-6月各县（市、区）城镇新增就业完成情况\n"
        "县（市、区） | 年度目标（人） | 1-6月完成（人） | 完成率（%） |\n"
        "甲县 | 5000 | 2600 | 52.0 |\n"
        "合计 | 8000 | 4400 | 55.0 |\n\n"
        "序号\t实事项目\t年度目标\t完成情况\t完成进度\t责任单位\n"
        "1\t新建农村公路100公里\t100公里\t已完成62公里\t62%\t交通局\n"
        "2\t新增城镇就业1.2万人\t1.2万人\t0.8万人\t66.7%\t人社局\n"
    )
    assert drafted(report) == [
        ("甲县城镇新增就业", "cumulative", "人", "5000", "2600", "52.0%"),
        ("合计城镇新增就业", "cumulative", "人", "8000", "4400", "55.0%"),
        ("新建农村公路100公里", "cumulative", "公里", "100", "62", "62%"),
        ("新增城镇就业1.2万人", "cumulative", "人", "1.2万", "0.8万", "66.7%"),
    ]  # the total row is a place too; a second column of progress printed in % is the rate


def test_a_row_of_several_groups_of_columns_gives_an_indicator_for_each():
    cells = [
        "全省2021年重点民生实事项目完成进度表", "（截至2021年8月底）", "序号 |", "市 州 |",
        "计划完成数 |", "累计开工数 |", "开工率 |", "计划投资额（万元） |",
        "累计完成投资额（万元） |", "计划投资完成率 |",
        "1 |", "甲市 |", "150 |", "143 |", "95.33% |", "86157.25 |", "36836.13 |", "42.75% |",
        "全省 |", "1500 |", "1110 |", "74.00% |", "752393.73 |", "281682.60 |", "37.44% |",
    ]  # fmt: skip
    assert drafted("\n".join(cells) + "\n") == [
        ("甲市开工", "cumulative", None, "150", "143", "95.33%"),
        ("甲市投资", "cumulative", "万元", "86157.25", "36836.13", "42.75%"),
        ("全省开工", "cumulative", None, "1500", "1110", "74.00%"),
        ("全省投资", "cumulative", "万元", "752393.73", "281682.60", "37.44%"),
    ]  # 计划完成数 is a target (the plan word first), 开工率 a rate; target, progress and rate
    # repeated make two indicators a row, each named by what its columns count; the total row
    # has no number
    assert draft("\n".join(cells) + "\n", "r", 2021).as_of == date(2021, 8, 31)


def test_a_header_broken_over_lines_with_two_targets_and_an_empty_growth_cell():
    report = (
        "某市2019年1-8月重点项目进展情况\n"
        "  各县区重点项目完成情况表\n"
        "  单位：亿元\n"
        "县（市、区） 1-8月投资\n"
        "\n"
        "  增速\n"
        "1-8月重点项目完成情况\n"
        "年度计划 前三季度\n"
        "\n"
        "  计划\n"
        "1-8月\n"
        "\n"
        "  完成\n"
        "完成前三季度计划比例（%）\n"
        "甲县 10.5% 40.0 30.0 24.0 80.0%\n"
        "乙区   20.0 15.0 9.0 60.0%\n"
    )
    assert drafted(report) == [
        ("甲县（年度计划）", "cumulative", "亿元", "40.0", "24.0", None),
        ("甲县增长", "level", None, None, "10.5%", None),
        ("甲县（前三季度计划）", "cumulative", "亿元", "30.0", "24.0", "80.0%"),
        ("乙区（年度计划）", "cumulative", "亿元", "20.0", "9.0", None),
        ("乙区（前三季度计划）", "cumulative", "亿元", "15.0", "9.0", "60.0%"),
    ]  # one progress, two targets: the rate is the 前三季度 one's; the merged cell over the
    # columns (1-8月重点项目完成情况) is left out; 乙区's growth cell is empty, not 20.0


def test_a_task_table_with_a_monthly_step_and_an_owner_cell_merged_over_rows():
    report = (
        "2023年5月民生实事项目进展情况汇总表\n"
        "序号 | 项目内容 | 月度工作计划 | 牵头单位 | 落实情况 |\n"
        "1 | 新建城市书房12家。 | 5月：完成选址。 | 县文广旅体局 | 已完成。 选址已确定。 |\n"
        "2 | 培训家政服务人员300人。 | 5月：培训60人。 | 已完成。 已培训150人，完成进度50%。 | |\n"
        "3 | 新增公共停车位500个。 | 年底前全面完成。 | 县住建局 | 已完成。 本月已对接。 |\n"
    )
    made = draft(report, "r.txt", 2023)
    assert [(i.name, i.kind, i.owner, i.due, i.done) for i in made.indicators] == [
        ("新建城市书房12家：完成选址（5月）", "milestone", "县文广旅体局", date(2023, 5, 31), True),
        ("培训家政服务人员300人", "cumulative", "县文广旅体局", None, None),
    ]  # 已完成 is the month's step; a step naming no month (年底前…) gives nothing
    assert drafted(report)[1] == (
        "培训家政服务人员300人",
        "cumulative",
        "人",
        "300",
        "150",
        "50%",
    )  # the owner's cell is merged over row 2: its progress stands one column early


def test_a_task_table_one_cell_a_line_with_a_rate_said_in_words():
    report = (
        "某县2024年第一季度民生实事项目进展情况\n"
        "项目名称\n年度目标\n一季度进展\n完成率\n责任单位\n"
        "新建农村公路\n50公里\n12公里\n24%\n县交通局\n"
        "城乡居民医保参保率\n95%以上\n96.2%\n已完成\n县医保局\n"
    )
    assert drafted(report) == [
        ("新建农村公路", "cumulative", "公里", "50", "12", "24%"),
        ("城乡居民医保参保率", "level", None, "95%以上", "96.2%", None),
    ]  # 已完成 in the rate column does not end the table


def test_a_task_table_in_tabs_whose_progress_says_all_done():
    report = (
        "2022年某市民生实事进展情况表（截至9月底）\n"
        "序号\t项目\t目标任务\t进展情况\t牵头单位\n"
        "1\t新增托位\t新增普惠性托位1000个\t已新增托位820个\t市卫健委\n"
        "2\t农村供水\t完成农村供水工程建设15处\t已全部完工\t市水利局\n"
    )
    made = draft(report, "r.txt", 2022)
    assert [(i.name, i.kind, i.target, i.actual, i.done) for i in made.indicators] == [
        ("新增托位", "cumulative", "1000", "820", None),
        ("农村供水", "milestone", None, None, True),
    ]


def test_columns_named_with_their_year_a_pace_column_and_a_distance_to_it():
    report = (
        "2023年1-9月重点项目推进情况\n"
        "| 序号 | 项目名称 | 建设内容 | 2023年计划投资（万元） | 2023年1-9月完成（万元） "
        "| 完成率（%） | 序时进度（%） | 超（欠）序时进度 |\n"
        "| 1 | 县医院迁建 | 建筑面积8万平方米 | 15000 | 11200 | 74.7 | 75 | -0.3 |\n"
    )
    made = draft(report, "r.txt", 2023)
    assert [(i.name, i.unit, i.target, i.actual, i.stated, i.gap) for i in made.indicators] == [
        ("县医院迁建", "万元", "15000", "11200", "74.7%", "-0.3"),
    ]  # 建设内容 is no name; 序时进度 is the pace, not progress; 超（欠）序时进度 the distance


def test_a_row_whose_rate_cell_is_left_out_in_tabs_and_one_cell_a_line():
    rows = [
        ("县城供水工程", "5000", "3200", "64"),
        ("产业园道路", "8000", "2100"),
        ("人民医院", "12000", "9000", "75"),
    ]
    head = "2018年1-7月重点项目完成情况\n单位：万元\n"
    header = ("项目名称", "年度计划", "1-7月完成", "占年度计划%")
    tabs = head + "\n".join("\t".join(cells) for cells in [header, *rows]) + "\n"
    lines = head + "\n".join(cell for cells in [header, *rows] for cell in cells) + "\n"
    expected = [
        ("县城供水工程", "cumulative", "万元", "5000", "3200", "64%"),
        ("产业园道路", "cumulative", "万元", "8000", "2100", None),
        ("人民医院", "cumulative", "万元", "12000", "9000", "75%"),
    ]
    assert drafted(tabs) == expected
    assert drafted(lines) == expected  # the next row's name tells where the short row ends


def test_a_task_table_whose_progress_says_finished_or_in_use():
    report = (
        "某市2024年民生实事项目1-9月完成情况表\n"
        "| 序号 | 实事项目 | 目标任务 | 完成情况 | 完成率 | 责任单位 |\n"
        "| 1 | 老旧小区改造 | 改造老旧小区30个 | 已完工24个 | 80% | 市住建局 |\n"
        "| 2 | 公共充电站 | 建成公共充电站20座 | 已投用18座 | 90% | 市发改委 |\n"
    )
    assert drafted(report) == [
        ("老旧小区改造", "cumulative", "个", "30", "24", "80%"),
        ("公共充电站", "cumulative", "座", "20", "18", "90%"),
    ]  # 完工 and 投用 are verbs of progress as 建成 is

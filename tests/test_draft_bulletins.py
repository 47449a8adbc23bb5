"""A 民生实事 bulletin of numbered items (一是…；二是…；(1)…), each stating its task under a label
(目标任务：…) and its progress in words (完成情况：已完成, 正在推进, 完成X%), drafted to an exact
plan: the task's count is the target of the count done, a level's target (参保率稳定在95%以上) is
its level's, an item reported done is a milestone, and the item's title names its other amounts."""

from __future__ import annotations

from datetime import date

from planaudit.core.verify import mismatches
from planaudit.draft import draft, to_yaml
from planaudit.io.loader import parse

Read = tuple[str | bool | None, ...]


def drafted(report: str) -> tuple[date | None, list[Read]]:
    """The draft's date, and (name, kind, unit, target, actual, stated, done) of each
    indicator, after checking that the draft loads and verify finds its quotes in the report."""
    made = draft(report, "r.txt", 2020)
    plan = parse(to_yaml(made), "draft.yaml").plan
    assert mismatches(plan, report) == []
    return made.as_of, [
        (i.name, i.kind, i.unit, i.target, i.actual, i.stated, i.done) for i in made.indicators
    ]


def test_items_one_a_line_with_labelled_task_and_progress():
    report = (
        "己市2022年十件民生实事1-6月进展情况\n"
        "截至6月底，我市十件民生实事总体进展顺利，现将有关情况通报如下：\n"
        "一是新建改扩建幼儿园。目标任务：新建改扩建公办幼儿园12所。完成情况：已完成8所，"
        "其余4所正在推进。\n"
        "二是城镇老旧小区改造。目标任务：改造老旧小区45个。完成情况：已开工38个，完成投资2.1亿元，"
        "完成年度投资计划的70%。\n"
        "三是农村公路提质改造。目标任务：完成农村公路提质改造200公里。完成情况：已完成。\n"
        "四是新增公共停车泊位。目标任务：新增公共停车泊位3000个。完成情况：正在推进，完成60%。\n"
    )
    assert drafted(report) == (
        date(2022, 6, 30),
        [
            ("新建改扩建公办幼儿园", "cumulative", "所", "12", "8", None, None),
            ("改造老旧小区", "cumulative", "个", "45", "38", None, None),
            ("城镇老旧小区改造投资", "cumulative", "亿元", None, "2.1", "70%", None),
            ("农村公路提质改造", "milestone", None, None, None, None, True),
            ("新增公共停车泊位", "cumulative", "个", "3000", None, "60%", None),
        ],
    )  # 完成情况： names nothing; the item's title names the amount its task does not count


def test_bracketed_items_with_a_level_target_under_the_label():
    report = (
        "庚县2021年民生实事项目前三季度推进情况\n"
        "（1）城乡居民医保参保。目标任务：参保率稳定在95%以上。完成情况：参保率达到97.2%。\n"
        "（2）农村饮水安全巩固提升。目标任务：解决1.2万人饮水安全问题。"
        "完成情况：已解决0.9万人，完成75%。\n"
        "（3）新建城市书房。目标任务：新建城市书房5个。完成情况：已建成3个，2个正在装修。\n"
        "（4）公共厕所改造。目标任务：改造公共厕所30座。完成情况：已完成。\n"
    )
    assert drafted(report) == (
        date(2021, 9, 30),
        [
            ("参保率", "level", None, "95%以上", "97.2%", None, None),
            ("解决饮水安全问题", "cumulative", "万人", "1.2", "0.9", "75%", None),
            ("新建城市书房", "cumulative", "个", "5", "3", None, None),
            ("改造公共厕所", "milestone", None, None, None, None, True),
        ],
    )  # 稳定在95%以上 under 目标任务 is the level's target, not a level said to hold


def test_ordinal_items_in_one_paragraph():
    report = (
        "辛区2023年民生实事上半年进展\n"
        "今年确定的民生实事进展顺利：一是新建公办幼儿园10所，已建成6所；二是改造农村危房500户，"
        "已全部完成；三是新增城镇就业1.2万人，已新增0.78万人，完成年度目标任务的65%。\n"
    )
    assert drafted(report) == (
        date(2023, 6, 30),
        [
            ("新建公办幼儿园建成", "cumulative", "所", "10", "6", None, None),
            ("改造农村危房", "milestone", None, None, None, None, True),
            ("新增城镇就业", "cumulative", "万人", "1.2", "0.78", "65%", None),
        ],
    )  # 二是…500户，已全部完成: the item's count all done


def test_items_all_started_named_by_their_kind_or_a_figure_in_their_name():
    report = (
        "某县2019年上半年重点项目进展\n"
        "城北污水厂、南湖公园、滨江路等6个县级重点民生项目全部开工建设。"
        "引进5000万元以上工业项目9个并全部投产。\n"
    )
    assert drafted(report) == (
        date(2019, 6, 30),
        [
            ("县级重点民生项目全部开工", "milestone", None, None, None, None, True),
            ("引进5000万元以上工业项目全部投产", "milestone", None, None, None, None, True),
        ],
    )  # …等6个 lists the items, 9个 counts them: neither names them; 5000万元以上 does


def test_progress_as_a_share_alone_and_work_under_way():
    report = (
        "某市2022年民生实事上半年进展\n"
        "（1）新建城市公园。目标任务：新建城市公园3个。完成情况：正在推进。\n"
        "（2）公交线网优化。目标任务：优化公交线路20条。完成情况：完成45%。\n"
    )
    assert drafted(report) == (
        date(2022, 6, 30),
        [("优化公交线路", "cumulative", "条", "20", None, "45%", None)],
    )  # 正在推进 says no figure and no side: nothing to audit; 完成45% is the task's share done


def test_counted_items_of_a_paragraph_share_its_targets():
    report = (
        "某县2023年上半年重点项目进展\n"
        "重点项目建设加快推进。全年安排重点项目80个，年度计划投资150亿元。一是新开工项目35个，"
        "已开工28个；二是续建项目45个，完成投资62.3亿元，占年度计划的41.5%。\n"
    )
    assert drafted(report) == (
        date(2023, 6, 30),
        [
            ("新开工项目开工", "cumulative", "个", "35", "28", None, None),
            ("重点项目投资", "cumulative", "亿元", "150", "62.3", "41.5%", None),
        ],
    )  # 一是/二是 inside a paragraph do not cut it: the year's investment plan is the second's


def test_a_count_done_of_a_total_with_a_bracketed_aside_between():
    report = (
        "某区2022年为民办实事项目1-8月份进展情况通报\n"
        "省、市两级为民办实事项目涉及我区共38项（其中省级29项，市级囊括省级项目共38项），"
        "其中5项已完成，分别是：实施高素质农民培训工程（第十一项）、道路交通安全隐患整治（第三十二项）。\n"
    )
    assert drafted(report) == (
        date(2022, 8, 31),
        [("省、市两级为民办实事项目已完成", "cumulative", "项", "38", "5", None, None)],
    )  # the aside's 29项 and 38项 total nothing; the items after 分别是 are the count's


def test_a_count_done_of_the_sub_items_an_aside_counts():
    report = (
        "某区2022年为民办实事项目1-8月份进展情况通报\n"
        "全区兴办12件惠民实事项目（含19个子项目），其中，已完成子项目7个，分别是第一实验幼儿园"
        "建设工程已竣工，农村公路安保工程已完工，其他项目正按序时推进。\n"
    )
    assert drafted(report) == (
        date(2022, 8, 31),
        [("惠民实事子项目已完成", "cumulative", "个", "19", "7", None, None)],
    )  # 7个 is of the 19个 sub-items, not of the 12件 items


def test_a_count_done_after_a_total_with_an_aside_and_its_kind():
    report = (
        "某县2022年民生实事1-9月进展情况\n"
        "今年共30项民生实事（其中市级10项），其中12项已提前完成年度任务，8项推进缓慢。"
        "20件为民办实事（含5个子项）中，16件已完工。\n"
    )
    assert drafted(report) == (
        date(2022, 9, 30),
        [
            ("民生实事已完成", "cumulative", "项", "30", "12", None, None),
            ("为民办实事已完工", "cumulative", "件", "20", "16", None, None),
        ],
    )  # 8项推进缓慢 is no count done


def test_a_count_done_after_a_total_in_a_clause_of_its_own():
    report = "某县2022年民生实事1-9月进展情况\n全年共10件民生实事，已完成6件。\n"
    assert drafted(report) == (
        date(2022, 9, 30),
        [("民生实事已完成", "cumulative", "件", "10", "6", None, None)],
    )


def test_no_count_done_of_items_on_pace_slow_or_of_another_unit():
    report = (
        "某县2022年民生实事1-9月进展情况\n"
        "全年确定民生实事20项，其中12项按序时推进，3项推进缓慢。"
        "全年确定民生实事20项，其中16项已完成序时进度。"
        "全区民生实事20项，其中5个已完成。\n"
    )
    made = draft(report, "r.txt", 2020)  # a draft of nothing loads as no plan: compared as drafted
    assert (made.as_of, made.indicators) == (date(2022, 9, 30), [])  # on pace, slow, 个 of 项


def test_a_count_of_items_on_pace_is_named_on_pace_never_done():
    report = "某县2022年民生实事1-9月进展情况\n20项民生实事中，16项已完成序时进度，4项推进缓慢。\n"
    assert drafted(report) == (
        date(2022, 9, 30),
        [("民生实事达到序时进度", "cumulative", "项", "20", "16", None, None)],
    )  # 完成序时进度 is the pace reached, not the task done

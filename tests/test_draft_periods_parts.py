"""What a figure is not, each drafted from a sentence written in that form: a part counted after
其中 is no progress of its total, one month's or an earlier period's figure is no progress to
date, a statement of being on pace is no task done, a list of figures needs its named parts; and
what a target stated in the plan's words alone is of (the sentences of a field trial on reports
outside the corpus, and of the i- reports)."""

from __future__ import annotations

from datetime import date

from planaudit.core.verify import mismatches, uncited
from planaudit.draft import draft, to_yaml
from planaudit.io.loader import parse


def drafted(report: str) -> list[tuple[object, ...]]:
    """(name, kind, target, actual, stated) of each indicator — the actual dated where it stands
    at another date than the report's — after checking that the draft loads and verify finds its
    quotes in the report."""
    made = draft(report, "r.txt", 2020)
    plan = parse(to_yaml(made), "draft.yaml").plan
    assert mismatches(plan, report) == []
    return [(i.name, i.kind, i.target, i.dated or i.actual, i.stated) for i in made.indicators]


def test_a_part_counted_after_qizhong_is_no_progress_and_names_come_from_the_subject():
    report = (
        "某县2020年1-6月份重点建设项目进展情况\n"
        "2020年计划实施千万元以上重点建设项目71个，总投资337.13亿元，年度计划完成投资56.21亿元，"
        "1-6月份累计完成投资35.9亿元，占年度目标的63.88%。其中亿元以上项目46个，总投资326.37亿元，"
        "年度计划完成投资49.19亿元，1-6月份累计完成投资32.43亿元。\n"
        "省市重点项目情况：省重点项目2个，总投资20亿元，年度计划完成投资9亿元，1-6月份累计完成投资"
        "7.9亿元，占年度目标的87.78%。\n"
    )
    assert drafted(report) == [
        ("千万元以上重点建设项目投资", "cumulative", "56.21", "35.9", "63.88%"),
        ("亿元以上项目投资", "cumulative", "49.19", "32.43", None),
        ("省重点项目投资", "cumulative", "9", "7.9", "87.78%"),
    ]  # never 亿元以上项目 71 → 46: 46 of the 71 are of a kind, none is done


def test_one_months_figures_are_not_progress_to_date():
    report = (
        "某县2009年1-11月规模以上工业运行情况\n"
        "某县在线消息 11月份，我县规模以上工业继续保持较快发展势头，本月完成现价工业产值9.55亿元，"
        "环比增长14%，同比增长39%。11月份，县直工业完成0.44亿元，同比增长124%；开发区工业完成"
        "2.04亿元，同比增长81%。当月全县规模以上工业实现增加值2.90亿元，按可比口径计算同比增长34%。"
        "11月份，全县规模以上工业实现产销率91.6%。1-11月，全县规模工业累计完成产值96.02亿元，"
        "同比增长23%。\n"
    )
    assert drafted(report) == [
        ("规模工业产值增长", "level", None, "23%", None),
    ]  # 环比 / 同比 of 11月份, 本月, 当月 and the part after its ；: that month's


def test_a_ratio_of_its_own_figures_needs_a_target():
    report = (
        "某县2009年1-11月规模以上工业运行情况\n"
        "1-11月，规模以上工业累计实现工业品产销率为91.6%，城镇登记失业率为3.1%。\n"
    )
    assert drafted(report) == [("城镇登记失业率", "level", None, "3.1%", None)]


def test_an_earlier_periods_figures_are_dated_at_its_end():
    report = (
        "某县2020年上半年经济运行情况\n"
        "初步核算，一季度全县生产总值完成59.6亿元，增长7.6%。其中，第一产业增加值5.94亿元，增长5.7%。\n"
        "上半年，全县农业总产值完成10.3亿元，增长5.7%，规上工业增加值较一季度回落。\n"
    )
    assert drafted(report) == [
        ("生产总值增长", "level", None, {date(2020, 3, 31): "7.6%"}, None),
        ("第一产业增加值增长", "level", None, {date(2020, 3, 31): "5.7%"}, None),
        ("农业总产值增长", "level", None, "5.7%", None),
    ]  # 较一季度回落 compares; it dates nothing


def test_a_list_of_figures_needs_its_named_parts():
    report = (
        "某县2020年上半年经济运行情况\n"
        "上半年，三次产业对经济增长贡献率分别为3.3%、75.2%和21.5%。养老保险参保率、医疗保险参保率"
        "分别为96%、88%。\n"
    )
    assert drafted(report) == [
        ("养老保险参保率", "level", None, "96%", None),
        ("医疗保险参保率", "level", None, "88%", None),
    ]  # never one 贡献率 of 3.3%: the three parts are not named


def test_being_on_pace_is_not_done_and_a_level_held_at_a_figure_is_read():
    report = (
        "某市2011年劳动和社会保障民生工程进展情况\n"
        "截止6月29日，全市劳动和社会保障民生工程目标任务全部实现“时间过半、任务过半”，"
        "为全面完成年度目标任务打下了坚实基础。城镇登记失业率实际控制在3.93%。\n"
    )
    assert drafted(report) == [("城镇登记失业率", "level", None, "3.93%", None)]


def test_verify_lists_a_level_held_at_a_figure_as_uncited():
    report = "某市2011年民生工程进展情况\n城镇登记失业率实际控制在3.93%。\n"
    plan = parse(
        "plan: 某市2011年民生工程\nyear: 2011\nas_of: 2011-06-30\nindicators:\n"
        "  - name: 新增城镇就业\n    target: 100\n    actual: 50\n",
        "p.yaml",
    ).plan
    assert [(u.line, u.sentence) for u in uncited(plan, report)] == [
        (2, "城镇登记失业率实际控制在3.93%")
    ]


def test_the_items_a_count_names_after_fenbieshi_are_the_counts_not_milestones():
    report = (
        "某区2022年为民办实事项目1-8月份进展情况通报\n"
        "全区兴办12件惠民实事项目，其中，已完成子项目7个，分别是第一实验幼儿园建设工程已竣工，"
        "农村公路安保工程已完工，其他项目正按序时推进。区图书馆改造工程已完工。\n"
    )
    assert drafted(report) == [("区图书馆改造工程完工", "milestone", None, None, None)]

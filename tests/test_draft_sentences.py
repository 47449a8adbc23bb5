"""The forms sentences take in real reports, each drafted from a few sentences written in that
form: forecasts, distances to the planned growth, growths said to be above or below the plan,
figures a month later in brackets, levels held within a bound, lists of the year's tasks, items
that state their task, lists of years, and pages in traditional characters."""

from __future__ import annotations

from datetime import date

from planaudit.core.verify import mismatches
from planaudit.draft import draft, to_yaml
from planaudit.io.loader import parse


def drafted(report: str) -> list[tuple[object, ...]]:
    """(name, kind, target, actual or dated figures, stated, stated_gap, done) of each
    indicator, after checking that the draft loads and verify finds its quotes in the report."""
    made = draft(report, "r.txt", 2020)
    plan = parse(to_yaml(made), "draft.yaml").plan
    assert mismatches(plan, report) == []
    return [
        (i.name, i.kind, i.target, i.dated or i.actual, i.stated, i.gap, i.done)
        for i in made.indicators
    ]


def test_a_forecast_is_not_progress_but_at_100_percent_states_the_target():
    report = (
        "2020年1至9月，全县实现生产总值80亿元，增长3.1%。"
        "全年确保实现生产总值120亿元，增长6%，完成全年目标任务的100%。\n"
        "全县实现税收2.1亿元，完成全年目标任务的70%，全年力争实现税收3.2亿元，完成全年目标任务的105%。\n"
    )
    assert drafted(report) == [
        ("生产总值增长", "level", None, "3.1%", None, None, None),
        ("生产总值", "cumulative", "120", "80", None, None, None),
        ("税收", "cumulative", None, "2.1", "70%", None, None),
    ]  # the growth of 6% and the 105% are the year's outlook, not progress


def test_distances_to_the_planned_growth_and_sides_without_a_figure():
    report = (
        "上半年，全省生产总值完成5000亿元，同比增长6.1%，低于计划增速0.9个百分点。"
        "一般公共预算收入、社会消费品零售总额增速均高于计划。"
        "单位生产总值能耗，二氧化硫、氨氮排放量降幅均高于计划目标。部分指标增速低于年初预期。\n"
    )
    assert drafted(report) == [
        ("生产总值增长", "level", None, "6.1%", None, "-0.9", None),
        ("一般公共预算收入增长", "level", None, None, None, "高于", None),
        ("社会消费品零售总额增长", "level", None, None, None, "高于", None),
        ("单位生产总值能耗下降", "level", None, None, None, "高于", None),
        ("二氧化硫排放量下降", "level", None, None, None, "高于", None),
        ("氨氮排放量下降", "level", None, None, None, "高于", None),
    ]  # 部分指标 names no indicator


def test_a_bracket_a_month_later_dates_the_growth_before_it():
    report = (
        "关于某旗2020年上半年计划执行情况的报告\n"
        "固定资产投资完成7.4亿元，同比增长50.8%（1-7月份，固定资产投资完成11.9亿元，同比增长75.2%）。\n"
    )
    assert drafted(report) == [
        (
            "固定资产投资增长",
            "level",
            None,
            {date(2020, 6, 30): "50.8%", date(2020, 7, 31): "75.2%"},
            None,
            None,
            None,
        ),
    ]


def test_levels_held_within_a_bound_and_tasks_the_higher_level_set_done():
    report = "森林覆盖率稳定在35%以上；主要污染物减排指标完成市下达任务。\n"
    assert drafted(report) == [
        ("森林覆盖率稳定在35%以上", "milestone", None, None, None, None, True),
        ("主要污染物减排指标", "milestone", None, None, None, None, True),
    ]


def test_a_paragraph_listing_the_year_s_tasks_gives_targets():
    report = (
        "今年1-5月，全市新增就业岗位12.5万个，完成外来务工人员技能培训0.8万人。\n"
        "2020年本市定下两项实事项目，分别为：新增就业岗位30万个，完成外来务工人员技能培训5万人。\n"
    )
    assert drafted(report) == [
        ("新增就业岗位", "cumulative", "30万", "12.5万", None, None, None),
        ("外来务工人员技能培训", "cumulative", "5", "0.8", None, None, None),
    ]


def test_items_that_state_their_task_for_the_year_then_what_is_done():
    report = (
        "村邮站建设年度计划建设600个，现已建成250个；"
        "社会保障卡工程年度任务发卡40万张，目前发卡22.5万张；"
        "提高医保水平全年目标是参保率稳定在96%以上，目前全市参保率达98%。\n"
    )
    assert drafted(report) == [
        ("村邮站建设", "cumulative", "600", "250", None, None, None),
        ("社会保障卡工程", "cumulative", "40万", "22.5万", None, None, None),
        ("参保率", "level", "96%以上", "98%", None, None, None),
    ]


def test_a_list_of_years_dates_the_figures_and_a_goal_of_a_fall():
    report = (
        "关于某省国民经济和社会发展第十三个五年规划纲要实施中期评估报告\n"
        "2016年、2017年、2018年上半年，全省细颗粒物浓度分别较2015年下降12.1%、15.2%、16.0%，"
        "规划期末目标为下降18%。\n"
    )
    made = draft(report, "r", 2018)
    assert (made.start, made.end, made.as_of) == (
        date(2016, 1, 1),
        date(2020, 12, 31),
        date(2018, 6, 30),
    )
    assert [(i.name, i.target, i.dated) for i in made.indicators] == [
        (
            "细颗粒物浓度下降",
            "18%",
            {date(2016, 12, 31): "12.1%", date(2017, 12, 31): "15.2%", date(2018, 6, 30): "16.0%"},
        ),
    ]


def test_a_page_in_traditional_characters_with_pinyin_glued_in_is_quoted_as_printed():
    report = (
        "全市重點(diǎn)建設(shè)項(xiàng)目1-3月累計(jì)完成投資300億元，"
        "為年度投資計(jì)劃的30%，超過時(shí)間進(jìn)度5個(gè)百分點(diǎn)。\n"
    )
    made = draft(report, "r", 2021)
    assert [(i.name, i.actual, i.stated, i.gap) for i in made.indicators] == [
        ("重点建设项目投资", "300", "30%", "5")
    ]
    assert made.indicators[0].source == (
        "全市重點(diǎn)建設(shè)項(xiàng)目1-3月累計(jì)完成投資300億元，"
        "為年度投資計(jì)劃的30%，超過時(shí)間進(jìn)度5個(gè)百分點"
    )
    plan = parse(to_yaml(made), "draft.yaml").plan
    assert mismatches(plan, report) == []


def test_rates_of_a_list_of_names_and_a_count_all_done():
    report = (
        "甲县、乙县、丙县投资完成率较高，分别达到80%、79%、78%。"
        "丁区和戊区的年度开工率已达到100%。本年度计划新开工项目12个，已全部开工。\n"
    )
    assert drafted(report) == [
        ("甲县投资完成率", "cumulative", None, None, "80%", None, None),
        ("乙县投资完成率", "cumulative", None, None, "79%", None, None),
        ("丙县投资完成率", "cumulative", None, None, "78%", None, None),
        ("丁区年度开工率", "cumulative", None, None, "100%", None, None),
        ("戊区年度开工率", "cumulative", None, None, "100%", None, None),
        ("新开工项目", "milestone", None, None, None, None, True),
    ]


def test_a_target_printed_before_its_plan_word_and_sides_without_a_figure():
    report = (
        "全州已开工7100户，占今年8800户任务数的80.68%。"
        "一季度和上半年地区生产总值分别增长6.3%、6.1%，高于全国平均水平、好于年初预期。"
        "固定资产投资完成情况与计划目标序时进度存在一定差距。\n"
    )
    assert drafted(report) == [
        ("开工", "cumulative", "8800", "7100", "80.68%", None, None),
        (
            "地区生产总值增长",
            "level",
            None,
            {date(2020, 3, 31): "6.3%", date(2020, 6, 30): "6.1%"},
            None,
            "高于",
            None,
        ),
        ("固定资产投资", "cumulative", None, None, None, "低于", None),
    ]  # 高于全国平均水平 compares with another place, not with the plan


def test_a_count_done_of_a_count_however_its_verb_is_worded():
    report = (
        "截至7月底，计划上半年开工的113个项目开工建设103个，计划年底建成的38个项目已提前完工10个，"
        "完成年投资计划均在71%以上。"
        "今年谋划的33所新建、改扩建学校已有17所开工建设。"
        "20所新建、续建幼儿园中，已有8所投入使用；有位次的13项指标中，有11项增速位居全省前列。\n"
    )
    assert drafted(report) == [
        ("计划上半年开工的项目开工建设", "cumulative", "113", "103", None, None, None),
        ("计划年底建成的项目已提前完工", "cumulative", "38", "10", None, None, None),
        ("谋划的新建、改扩建学校开工建设", "cumulative", "33", "17", None, None, None),
        ("新建、续建幼儿园投入使用", "cumulative", "20", "8", None, None, None),
    ]  # a rate said of several (均在71%以上) is a range, not a stated rate; 11 of 13 indicators
    # ranked is not a count done


def test_what_a_clause_says_is_done_or_under_way():
    report = (
        "改善教育条件方面，规划的20所新建幼儿园、15万平方米新建校舍已全部开工，"
        "14%的示范区建设项目已建成并投入使用，86%的项目已挂网招标；"
        "城乡居民每人每月调增基础养老金5元，完成年度调整任务；"
        "诊疗系统项目资金已全部下达，206户“零就业”家庭实现动态清零；"
        "职业伤害保障制度正在研究制定，其他一批项目正在加快推进；"
        "目前点位勘验、建设方案制定已完成，第一实验幼儿园已竣工。\n"
    )
    assert drafted(report) == [
        ("新建幼儿园全部开工", "milestone", None, None, None, None, True),
        ("新建校舍全部开工", "milestone", None, None, None, None, True),
        ("示范区建设项目建成", "cumulative", None, None, "14%", None, None),
        ("城乡居民每人每月调增基础养老金", "milestone", None, None, None, None, True),
        ("诊疗系统项目资金全部下达", "milestone", None, None, None, None, True),
        ("“零就业”家庭动态清零", "milestone", None, None, None, None, True),
        ("职业伤害保障制度", "milestone", None, None, None, None, False),
        ("第一实验幼儿园竣工", "milestone", None, None, None, None, True),
    ]  # one milestone per counted item of a list; a share of the projects built is a stated
    # rate (挂网招标 is no completion); a measure at a stage of its making is under way; a step
    # toward an item (方案制定) and projects without a name of their own are left out


def test_a_mid_term_review_dates_its_years_and_reads_sides_of_a_list():
    report = (
        "关于《某省国民经济和社会发展第十三个五年规划纲要》实施中期评估报告\n"
        "2016年、2017年和2018年上半年全省地区生产总值分别增长9%、8.8%、9%，"
        "均高于年均增长8.5%左右的规划目标。"
        "财政总收入、固定资产投资等2项主要经济指标，除财政总收入外，均高于规划目标"
        "（剔除减税因素年均增长9.6%）。"
        "新型城镇化加快推进，2017年，常住人口城镇化率54.6%，比2015年提高3个百分点。"
        "服务业增加值比重等5项指标超过进度要求。\n"
    )
    ends = {date(2016, 12, 31): "9%", date(2017, 12, 31): "8.8%", date(2018, 6, 30): "9%"}
    assert drafted(report) == [
        ("地区生产总值增长", "level", "8.5%左右", ends, None, "高于", None),
        ("财政总收入", "level", None, None, None, "低于", None),
        ("固定资产投资", "level", None, None, None, "高于", None),
        ("常住人口城镇化率", "level", None, {date(2017, 12, 31): "54.6%"}, None, None, None),
    ]  # a list of years before what they measure dates its figures; the target they stand above
    # is the growth's; the one excepted from a list's side stands on the other; a figure adjusted
    # (剔除…) is not the indicator's; a clause of a year alone dates what follows it; a verdict on
    # the pace without a figure says nothing of the target


def test_a_bulletin_of_projects_counts_and_kinds():
    report = (
        "全县重点项目50个，总投资178.7亿元，年度投资计划17.68亿元，1-5月完成投资4.28亿元。"
        "从项目开工情况看，已开工项目33个，未开工项目17个，开工率为66%。"
        "截至5月底，已提前完成年度目标任务的有3项，占目标任务的30%；"
        "推进缓慢的有3项（甲、乙、丙），占目标任务的30%。\n"
    )
    assert drafted(report) == [
        ("重点项目投资", "cumulative", "17.68", "4.28", None, None, None),
        ("开工项目", "cumulative", None, "33", "66%", None, None),
    ]  # the year's plan goes to the amount a verb of progress leads to, not to the projects' total
    # cost; a rate of starting is the started projects', not the ones not started; how many of
    # the plan's items are of a kind, and their share, are no indicators


def test_a_growth_after_a_rate_is_named_after_the_amount_not_the_rate():
    report = (
        "上半年，全区国内生产总值完成70388万元，为计划的52.5%，同比增长22.1%；"
        "全省完成GDP4408.1亿元，完成全年计划目标的45.4%，增长13.7%。\n"
    )
    assert [(i.name, i.actual) for i in draft(report, "r", 2020).indicators] == [
        ("国内生产总值", "70388"),
        ("国内生产总值增长", "22.1%"),
        ("GDP", "4408.1"),
        ("GDP增长", "13.7%"),
    ]  # not 为计划的增长: the words of a stated rate name nothing


def test_a_list_of_indicators_each_named_before_a_colon():
    report = (
        "前三季度未达到序时进度要求的指标如下：\n"
        "1.规模以上工业增加值（第5项）：增长4.2%，低于目标2.8个百分点。\n"
        "2.进出口总额（第9项）：实际完成12.5亿美元，完成年度目标的60.1%，低于目标14.9个百分点。\n"
    )
    assert drafted(report) == [
        ("规模以上工业增加值增长", "level", None, "4.2%", None, "-2.8", None),
        ("进出口总额", "cumulative", None, "12.5", "60.1%", "-14.9", None),
    ]  # the words before the colon name the growth; a numbered item with its rate is no task


def test_spaces_a_page_left_inside_figures_are_read_through_and_quoted_as_printed():
    report = "2020年上半年，全县完成地区生产总值68. 8亿元，完成年计划的50. 2%，同比增长5.8 %。\n"
    assert drafted(report) == [
        ("地区生产总值", "cumulative", None, "68.8", "50.2%", None, None),
        ("地区生产总值增长", "level", None, "5.8%", None, None, None),
    ]
    made = draft(report, "r.txt", 2020)
    assert made.indicators[0].source == "全县完成地区生产总值68. 8亿元，完成年计划的50. 2%"
    assert not any(
        "simplified" in str(guess) for guess in made.guesses
    )  # the page is not converted


def test_distances_to_two_targets_in_brackets_give_an_indicator_each():
    report = (
        "2020年1-8月，全区规模以上工业完成增加值20.5亿元，同比增长8%，"
        "欠市级考核目标任务（33亿元）4.5个百分点，欠区级奋斗目标任务（35亿元）8.1个百分点。\n"
    )
    assert drafted(report) == [
        ("规模以上工业增加值（市级考核目标任务）", "cumulative", "33", "20.5", None, "-4.5", None),
        ("规模以上工业增加值增长", "level", None, "8%", None, None, None),
        ("规模以上工业增加值（区级奋斗目标任务）", "cumulative", "35", "20.5", None, "-8.1", None),
    ]  # the distance to a target of the amount's unit is the amount's, not the growth's


def test_counts_done_of_a_total_a_total_reached_and_a_plan_word_inside_a_name():
    report = (
        "截至9月底，全市15件民生实事中，6件已完成或超额完成年度目标任务。\n"
        "9月，全市新增城镇就业1200人，达21500人，为目标任务的86%。\n"
        "全市招募西部计划志愿者320人，占目标任务的106.7%。\n"
    )
    assert drafted(report) == [
        ("民生实事完成", "cumulative", "15", "6", None, None, None),
        ("新增城镇就业", "cumulative", None, "21500", "86%", None, None),
        ("招募西部计划志愿者", "cumulative", None, "320", "106.7%", None, None),
    ]  # the total reached (达21500人) is what the rate is of; 西部计划 is a name, not a plan


def test_a_numbered_item_opening_on_its_task_then_its_progress():
    report = (
        "2020年上半年重点工作完成情况\n"
        "1.新建城市书房50个；改造农贸市场20个。上半年，新建城市书房32个，改造农贸市场9个。\n"
    )
    assert drafted(report) == [
        ("新建城市书房", "cumulative", "50", "32", None, None, None),
        ("改造农贸市场", "cumulative", "20", "9", None, None, None),
    ]  # the item's first sentence is its task for the year: targets, not progress


def test_direction_annual_only_and_binding_guessed_from_the_name_and_the_quote():
    report = (
        "2020年上半年，全市生产安全事故死亡人数同比下降20%。\n"
        "单位GDP能耗下降3.1%。PM2.5平均浓度为35微克/立方米。\n"
        "化学需氧量排放量2.1万吨，完成约束性指标任务的45%。事故隐患整改率达到98%。\n"
    )
    made = draft(report, "r.txt", 2020)
    plan = parse(to_yaml(made), "draft.yaml").plan
    assert [(i.name, i.direction, i.annual_only, i.binding) for i in plan.indicators] == [
        ("生产安全事故死亡人数增长", "lower", False, False),
        ("单位GDP能耗增长", "lower", True, False),
        ("PM2.5平均浓度", "lower", False, False),
        ("化学需氧量排放量", None, False, True),
        ("事故隐患整改率", None, False, False),
    ]  # a rate of something done (整改率) rises; an amount keeps its target's direction


def test_a_page_naming_no_period_stands_at_its_date_and_a_span_ahead_is_no_date():
    report = (
        "转自：某区发布 2024-11-06 18:18:24\n"
        "今年实施了10项为民办实事项目，目前新增养老床位3200张，完成年度目标的80%。"
        "即日起至11月15日，市民可对项目进行评议。\n"
    )
    made = draft(report, "r.txt", 2020)
    assert (made.as_of, str(made.guesses[-1])) == (
        date(2024, 11, 6),
        "as_of: the text names no date; the page's date is taken",
    )  # not November 15: 即日起至… is the span of the rating, not the date of the figures


def test_a_share_of_the_items_done_is_no_milestone():
    report = (
        "2020年1-8月，全市33项民生工程推进有序，大部分项目已完成年度目标任务。"
        "农村饮水安全工程完成项目478处，完成率100%。\n"
    )
    assert drafted(report) == [
        ("农村饮水安全工程项目", "cumulative", None, "478", "100%", None, None),
    ]  # 大部分项目 says how many are done, not which


def test_a_count_then_how_many_of_it_started():
    report = (
        "2020年1-4月，56个重点项目动工41个，完成投资12.5亿元，完成年度计划的30.2%。"
        "其中续建项目30个，复工28个；新开工项目26个，开工13个，开工率为50%。"
        "新建学校5所，改造3所。\n"
    )
    assert drafted(report) == [
        ("重点项目动工", "cumulative", "56", "41", None, None, None),
        ("投资", "cumulative", None, "12.5", "30.2%", None, None),
        ("续建项目复工", "cumulative", "30", "28", None, None, None),
        ("新开工项目开工", "cumulative", "26", "13", "50%", None, None),
    ]  # 改造3所 is no part of 新建学校5所: only a count that started or was finished is


def test_a_ranking_of_names_each_with_its_rate():
    report = (
        "2020年1-8月，全省完成投资120亿元，完成率为75.2%。"
        "6个市完成率由高到低分别为：甲市90.1%、乙市 80.5%、丙市60%。\n"
    )
    assert drafted(report)[1:] == [
        ("甲市完成率", "cumulative", None, None, "90.1%", None, None),
        ("乙市完成率", "cumulative", None, None, "80.5%", None, None),
        ("丙市完成率", "cumulative", None, None, "60%", None, None),
    ]


def test_rates_of_every_verb_of_progress_join_their_amount():
    report = (
        "截至6月底，全年2万人搬迁任务，目前已动工1.2万人，动工率60%。"
        "保障性安居工程已基本建成6000套，基本建成率120.5%。\n"
    )
    assert [row[:5] for row in drafted(report)] == [
        ("动工", "cumulative", None, "1.2", "60%"),
        ("保障性安居工程已基本建成", "cumulative", None, "6000", "120.5%"),
    ]  # 动工率 and 基本建成率 are rates of progress, not levels of their own


def test_enumerated_tasks_each_with_its_count_then_the_count_done():
    report = (
        "2022年上半年，一是新增公共停车泊位2000个，已建成1350个，完成年度任务的67.5%；"
        "二是改造老旧小区30个，已开工28个，开工率93.3%。\n"
    )
    assert drafted(report) == [
        ("新增公共停车泊位建成", "cumulative", "2000", "1350", "67.5%", None, None),
        ("改造老旧小区开工", "cumulative", "30", "28", "93.3%", None, None),
    ]  # 一是/二是 are no part of a name; the task's count is the target of the count done


def test_a_share_of_an_amount_named_after_a_budget_is_no_completion_rate():
    report = (
        "前三季度，全区完成一般公共预算收入21.36亿元，为年度预算的78.5%，"
        "其中税收收入16.8亿元，占一般公共预算收入的78.7%。\n"
    )
    assert drafted(report) == [
        ("一般公共预算收入", "cumulative", None, "21.36", "78.5%", None, None),
    ]  # 占一般公共预算收入的78.7% is the share of taxes in the revenue, not of a budget


def test_a_negative_distance_a_pace_in_brackets_and_a_figure_inside_a_name():
    report = (
        "1-11月，全区完成固定资产投资86.3亿元，完成年度目标任务的91.2%，"
        "高于时序进度(91.7%)-0.5个百分点。新引进10亿元以上项目8个，完成年度目标的80%。\n"
    )
    assert drafted(report) == [
        ("固定资产投资", "cumulative", None, "86.3", "91.2%", "-0.5", None),
        ("新引进10亿元以上项目", "cumulative", None, "8", "80%", None, None),
    ]  # (91.7%) is the pace, not a rate; 10亿元 names the kind of project counted


def test_the_year_plans_completion_rate_after_the_amount():
    report = "2020年1-6月，全县完成投资12亿元，年度计划完成率60%。\n"
    assert drafted(report) == [("投资", "cumulative", None, "12", "60%", None, None)]


def test_a_heading_that_states_its_task_and_one_that_reports_progress():
    report = (
        "2021年1-9月\n"
        "（一）新建改扩建幼儿园10所。截至目前，已完工6所，其余4所主体完工。\n"
        "（二）市级重点项目135个，已开工128个，开工率94.8%。\n"
    )
    assert drafted(report) == [
        ("新建改扩建幼儿园", "cumulative", "10", "6", None, None, None),
        ("市级重点项目开工", "cumulative", "135", "128", "94.8%", None, None),
    ]  # the heading's count is the item's target; a heading with a comma and a rate is an item


def test_numbered_projects_named_before_a_colon_with_their_plan_progress_and_date_done():
    report = (
        "2022年上半年重点项目进展情况\n"
        "1.县医院新院区建设项目：年度计划投资5亿元，1-6月完成投资2.8亿元，占年度计划的56%。\n"
        "2.城北污水处理厂：年度计划投资1.2亿元，完成投资0.5亿元，完成率41.7%。\n"
        "3.高铁站站前广场：已于5月20日建成投用。\n"
    )
    made = draft(report, "r.txt", 2020)
    assert [(i.name, i.target, i.actual, i.stated, i.done_on) for i in made.indicators] == [
        ("县医院新院区建设项目投资", "5", "2.8", "56%", None),
        ("城北污水处理厂投资", "1.2", "0.5", "41.7%", None),
        ("高铁站站前广场", None, None, None, date(2022, 5, 20)),
    ]  # a numbered item with its rate is no task's title; a day done takes the report's year


def test_the_share_done_alone_in_its_clause_is_the_amounts_rate():
    report = "2020年1-6月，全县完成投资12亿元，完成60%。\n"
    assert drafted(report) == [("投资", "cumulative", None, "12", "60%", None, None)]


def test_names_listed_before_amounts_and_rates_each_shared_out():
    report = (
        "2020年1-6月，一般公共预算收入和税收收入分别完成12.3亿元和9.8亿元，"
        "分别完成预算的58%和60%。\n"
    )
    assert drafted(report) == [
        ("一般公共预算收入", "cumulative", None, "12.3", "58%", None, None),
        ("税收收入", "cumulative", None, "9.8", "60%", None, None),
    ]


def test_a_level_of_an_earlier_year_is_no_progress_of_this_one():
    report = (
        "某市2013年1-5月重点工作进展情况\n"
        "今年5月公布我市2012年单位生产总值能耗下降率为4.1%。目前城镇登记失业率为2.9%。\n"
    )
    assert drafted(report) == [
        ("城镇登记失业率", "level", None, "2.9%", None, None, None),
    ]  # 2012年's fall is last year's figure, given for the record


def test_a_growth_rate_named_by_its_speed_is_named_once():
    report = "1-11月，5千万以下固定资产投资增速同比下降43.5%；工业投资增幅同比增长25.5%。\n"
    assert drafted(report) == [
        ("5千万以下固定资产投资增长", "level", None, "-43.5%", None, None, None),
        ("工业投资增长", "level", None, "25.5%", None, None, None),
    ]  # never 投资增速增长 nor 投资增幅增长

"""A 民生实事 bulletin as a user tried it (大连 前三季度重点民生工程, not in the corpus): a node
target (超额完成9月份设置的…30%的节点目标) is a point of the schedule, never a rate done; a name is
never made of a clause's words (截至, 累计, 超额 …): the item the sentence opens on names it; one
rate per target in brackets (分别完成年度目标（A、B）的X%、Y%) pairs each with the amount of its
unit; a count that is the year's target reached (完成安装100台的年度目标) is done of that
target. `verify` lists the same clauses as uncited: one grammar, not two."""

from __future__ import annotations

from planaudit.core.results.verify import Uncited
from planaudit.core.verify import mismatches, uncited
from planaudit.draft import draft, to_yaml
from planaudit.io.loader import parse

REPORT = (
    "前三季度我市重点民生工程扎实推进\n"
    "有序推动我市2021年15项重点民生工程24个项目落到实处。\n"
    "“‘心理健康促进’进校园”项目，截至9月底，累计完成90场心理健康培训服务，"
    "已超额完成年度目标（50场）的180%，惠及24500余人。\n"
    "“公共场所布设自动体外除颤器（AED）”项目，于8月份完成安装100台的年度目标，并投入使用。\n"
    "“老旧小区改造”项目，截至9月底，累计完成总工程量70.8%，"
    "超额完成9月份设置的累计完成总工程量30%的节点目标。\n"
    "“实施供热设施维修改造”项目，截至9月底，累计完成维修改造锅炉118台、累计完成供热管网改造23.4公里，"
    "超额完成9月份设置的累计完成供热管网改造20公里的节点目标，"
    "分别完成年度目标（维修改造锅炉146台、供热管网改造40公里）的80.8%、58.5%。\n"
)

Read = tuple[str | bool | None, ...]


def test_node_targets_clause_words_and_rates_of_bracketed_targets():
    made = draft(REPORT, "r.txt", 2021)
    plan = parse(to_yaml(made), "draft.yaml").plan
    assert mismatches(plan, REPORT) == []
    assert uncited(plan, REPORT) == []
    assert [(i.name, i.kind, i.unit, i.target, i.actual, i.stated) for i in made.indicators] == [
        ("心理健康培训服务", "cumulative", "场", "50", "90", "180%"),
        ("公共场所布设自动体外除颤器（AED）", "cumulative", "台", "100", "100", None),
        ("老旧小区改造完成率", "cumulative", None, None, None, "70.8%"),
        ("供热管网改造", "cumulative", "公里", "40", "23.4", "58.5%"),
        ("维修改造锅炉", "cumulative", "台", "146", "118", "80.8%"),
    ]  # no 30% nor 20公里: the nodes of the schedule are no progress


def test_a_node_target_alone_drafts_nothing_from_it():
    report = (
        "甲市2021年民生工程进展\n"
        "“背街小巷整治”项目，超额完成9月份设置的累计完成总工程量30%的节点目标。\n"
    )
    made = draft(report + "“乙”项目，累计完成投资5亿元，完成年度计划的50%。\n", "r.txt", 2021)
    assert [(i.name, i.stated) for i in made.indicators] == [("乙项目投资", "50%")]


def test_verify_lists_the_same_clauses_uncited():
    plan = parse(
        "plan: 重点民生工程\nyear: 2021\nas_of: 2021-09-30\nindicators:\n"
        "  - name: 惠及\n    unit: 人\n    actual: 24500\n    source: 惠及24500余人\n",
        "plan.yaml",
    ).plan
    assert uncited(plan, REPORT) == [
        Uncited(3, "已超额完成年度目标（50场）的180%"),
        Uncited(4, "于8月份完成安装100台的年度目标"),
        Uncited(5, "累计完成总工程量70.8%"),
        Uncited(
            6,
            "超额完成9月份设置的累计完成供热管网改造20公里的节点目标，"
            "分别完成年度目标（维修改造锅炉146台、供热管网改造40公里）的80.8%、58.5%",
        ),
    ]  # the node targets themselves are not listed

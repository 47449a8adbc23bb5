"""The table a planning office sends round (指标 | 单位 | 年度目标 | 1-N月完成 | 完成% | 同比%),
flattened so that an empty cell leaves no trace (one cell fewer in its row): the cells are placed
by their shapes — a percentage in the rate or growth column, an amount of the target's unit in the
target or progress column — and a row that can be placed more than one way is left out rather
than shifted. Four tables written here, one per flattening, each drafted to an exact plan."""

from __future__ import annotations

from planaudit.core.verify import mismatches
from planaudit.draft import draft, to_yaml
from planaudit.io.loader import parse

Read = tuple[str | None, ...]


def drafted(report: str) -> list[Read]:
    """(name, kind, unit, target, actual, stated) of each indicator, after checking that the
    draft loads and verify finds each quote in the report."""
    made = draft(report, "r.txt", 2021)
    plan = parse(to_yaml(made), "draft.yaml").plan
    assert mismatches(plan, report) == []
    return [(i.name, i.kind, i.unit, i.target, i.actual, i.stated) for i in made.indicators]


def test_pipes_whose_empty_cells_left_nothing():
    report = (
        "某区2021年1-8月民生实事完成情况\n"
        "序号 | 项目名称 | 责任单位 | 目标任务 | 1-8月完成 | 完成率 |\n"
        "1 | 新增城镇就业 | 区人社局 | 8000人 | 6100人 | 76% |\n"
        "2 | 改造农贸市场 | 区商务局 | 4家 | 100% |\n"
        "3 | 建设城市书房 | 区文旅局 | 6个 | 3个 |\n"
    )
    assert drafted(report) == [
        ("新增城镇就业", "cumulative", "人", "8000", "6100", "76%"),
        ("改造农贸市场", "cumulative", "家", "4", None, "100%"),
        ("建设城市书房", "cumulative", "个", "6", "3", None),
    ]  # 100% is the rate (a share, never an amount done of 4家); 3个 is done, no rate printed


def test_tabs_with_a_missing_target_placed_by_its_percent():
    report = (
        "某县2021年1-6月主要经济指标完成情况\n"
        "指标名称\t单位\t年度目标\t1-6月完成\t完成年度目标%\t同比增长%\n"
        "地区生产总值\t亿元\t300\t142.5\t47.5\t8.1\n"
        "固定资产投资\t亿元\t180\t52.3\t-4.2\n"
        "社会消费品零售总额\t亿元\t120\t61.4\t9.6\n"
    )
    assert drafted(report) == [
        ("地区生产总值", "cumulative", "亿元", "300", "142.5", "47.5%"),
        ("地区生产总值增长", "level", None, None, "8.1%", None),
        ("社会消费品零售总额", "cumulative", "亿元", "120", "61.4", "9.6%"),
    ]  # 52.3 | -4.2 places two ways (a rate or a progress, then the growth; never a rate of
    # -4.2): left out; 61.4 | 9.6 ended early: the growth is the cell left empty


def test_runs_of_spaces_with_the_progress_left_empty():
    report = (
        "某市2021年前三季度重点民生实事进展\n"
        "项目名称        目标任务      完成情况      完成率      备注\n"
        "新建公办幼儿园      10所      8所      80%      \n"
        "改造老旧小区        40个      100%      提前完成\n"
        "新增停车泊位        3000个      1200个      40%      \n"
    )
    assert drafted(report) == [
        ("新建公办幼儿园", "cumulative", "所", "10", "8", "80%"),
        ("改造老旧小区", "cumulative", "个", "40", None, "100%"),
        ("新增停车泊位", "cumulative", "个", "3000", "1200", "40%"),
    ]


def test_pipes_with_an_owner_column_and_a_figure_of_another_unit():
    report = (
        "某区2021年1-9月重点工作推进情况\n"
        "| 序号 | 项目名称 | 牵头单位 | 年度目标 | 完成情况 | 完成比例 |\n"
        "| 1 | 新建农村公路 | 区交通局 | 120公里 | 95公里 | 79.2% |\n"
        "| 2 | 改造危旧房屋 | 区住建局 | 500户 | 80% |\n"
        "| 3 | 培训农民工 | 区人社局 | 2000人 | 15个 |\n"
    )
    assert drafted(report) == [
        ("新建农村公路", "cumulative", "公里", "120", "95", "79.2%"),
        ("改造危旧房屋", "cumulative", "户", "500", None, "80%"),
    ]  # 15个 of 2000人: no progress of that task, and nowhere else to stand — left out

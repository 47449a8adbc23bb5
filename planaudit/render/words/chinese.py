"""The labels in Chinese (the terms of docs' glossary: 完成率, 序时进度, 约束性, 年终考核…)."""

from __future__ import annotations

from typing import ClassVar

from planaudit.core.results.diff import What
from planaudit.core.terms import Status
from planaudit.lang import Language
from planaudit.render.words.labels import Labels


class ChineseLabels(Labels):
    """The labels in Chinese."""

    zh = True
    lang = Language.ZH
    separator = "："
    document_lang = "zh-CN"
    statuses: ClassVar[dict[Status, str]] = {
        Status.MET: "已完成",
        Status.ON_TRACK: "正常",
        Status.WATCH: "关注",
        Status.BEHIND: "滞后",
        Status.MISSED: "未完成",
        Status.PENDING: "待完成",
        Status.NO_TARGET: "无目标",
        Status.NO_DATA: "无数据",
        Status.ANNUAL_ONLY: "年终考核",
    }
    over_cap = "超出上限"
    none_flagged = "无标记指标。"
    indicator = "指标"
    section = "板块"
    target = "目标"
    actual = "完成"
    completion = "完成率"
    pace = "序时进度"
    gap = "差距"
    gap_points = "差距(百分点)"
    even = "持平"
    status = "状态"
    progress = "进度"
    plan = "计划"
    assessed = "评估"
    on_pace = "达到序时进度"
    flagged = "标记"
    binding = "（约束性）"
    serious = "约束性滞后"
    mismatch = "完成率不符"
    parts_mismatch = "分项不符"
    gap_mismatch = "差距不符"
    stated_mark_note = "* 报告所列完成率（无目标或完成数）"
    findings = "需关注的指标"
    findings_pace = "未达序时进度的指标"
    done = "已完成"
    not_done = "未完成"
    forecast_title = "剩余时间需完成"
    rollup_title = "汇总（按标记数排序）"
    most_behind_title = "滞后最多的指标"
    plans_behind = "滞后的计划数"
    forecast_columns = (
        "指标",
        "剩余",
        "今后月均/均值",
        "此前月均/均值",
        "期末预计",
        "领先(天)",
        "判断",
    )
    recovery_word = "需加快"
    restated = "数据下调"
    change_title = "与上次报告相比"
    change_columns = ("指标", "上次报告", "上次", "本次", "变化", "状态")
    history_title = "历次报告"
    trend = "趋势"
    changes: ClassVar[dict[What, str]] = {
        What.ADDED: "新增指标",
        What.REMOVED: "删除指标",
        What.RENAMED: "更名",
        What.TARGET_RAISED: "目标上调",
        What.TARGET_LOWERED: "目标下调",
        What.TARGET_ADDED: "新增目标",
        What.TARGET_REMOVED: "删除目标",
        What.TARGET_WORDING: "目标措辞",
        What.UNIT: "单位",
        What.KIND: "指标类型",
        What.DIRECTION: "方向",
        What.BINDING: "约束性",
        What.ANNUAL_ONLY: "年终考核",
        What.SCHEDULE: "进度计划",
        What.BAND: "浮动区间",
        What.ACTUAL_RESTATED: "完成数改写",
        What.ACTUAL_FELL: "累计完成数下降",
        What.ACTUAL_REPORTED: "新报完成数",
        What.ACTUAL_REMOVED: "删除完成数",
        What.ACTUAL_MOVED_BACK: "完成数回退",
        What.STATED_RESTATED: "完成率改写",
        What.STATED_FELL: "报告完成率下降",
        What.STATED_REPORTED: "新报完成率",
        What.STATED_REMOVED: "删除完成率",
        What.STATED_MOVED_BACK: "完成率回退",
        What.STATUS: "状态",
        What.TITLE: "计划名称",
        What.PERIOD: "计划期",
        What.TOLERANCE: "容差",
        What.AS_OF: "截至日期",
        What.FILE_ADDED: "新增计划文件",
        What.FILE_REMOVED: "删除计划文件",
    }
    change_headers = ("指标", "变化", "原", "现", "标记")
    yes_no = ("是", "否")
    chart_title = "完成率与序时进度"
    overview = "概览"
    forecast_sheet = "剩余时间需完成"
    as_of = "截至"
    file = "文件"
    verdict_label = "结论"
    unit = "单位"
    target_as_written = "目标（原文）"
    binding_label = "约束性"
    owner = "牵头单位"
    source = "来源"

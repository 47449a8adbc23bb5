"""What each kind of finding is, for a CI tool's list of rules (SARIF, GitLab): a short
description, a full one, and what to do about it — in English and in Chinese."""

from __future__ import annotations

RULES_EN: dict[str, tuple[str, str, str]] = {
    "behind": (
        "Behind the pace of the period",
        "The indicator is further from its target than the time gone by allows: a cumulative "
        "figure under the pace (序时进度) by more than the tolerance, a cap used faster than the "
        "pace, or a level on the wrong side of its target by more than its band.",
        "Check the figure and the target in the plan file against the report. If they are "
        "right, the indicator has to catch up: planaudit check --forecast shows the monthly "
        "pace the rest of the period needs.",
    ),
    "missed": (
        "Target missed",
        "The period has ended, or a milestone's date has passed, and the target was not met; "
        "or a cap (lower is better) is already used beyond 100%.",
        "A missed target is final for the period and the report should explain it. Check the "
        "figures in the plan file against the report.",
    ),
    "watch": (
        "Slightly behind the pace (watch)",
        "Behind the pace by no more than the tolerance (a cap: used slightly faster than the "
        "pace); or a level with an approximate target (左右) off it by no more than its band.",
        "Nothing has failed yet: look at it again in the next report. With --fail-on watch "
        "these fail the run.",
    ),
    "binding-lag": (
        "Binding (约束性) indicator lagging",
        "A binding (约束性) indicator, a hard commitment, is behind, missed or under watch: "
        "the most serious finding of a review.",
        "A binding indicator may not lag: the report has to say how the gap will be closed. "
        "Check the figures, then see planaudit check --forecast for what the rest of the "
        "period needs.",
    ),
    "stated-mismatch": (
        "Stated rate does not match the figures",
        "The completion rate the report prints (stated) differs from actual ÷ target by more "
        "than the rounding of the printed rate allows.",
        "One of the three figures is wrong, in the report or in the plan file: recompute "
        "actual ÷ target, then correct the plan file or note the report's error.",
    ),
    "stated-gap-mismatch": (
        "Stated gap does not match the figures",
        "The distance the report prints (stated_gap: below or above the target, behind or "
        "ahead of the pace) differs from the one the figures give — actual − target for a "
        "level, completion − pace for a cumulative indicator — beyond the rounding of the "
        "printed figure, or has the other sign.",
        "One of the figures is wrong, in the report or in the plan file: recompute the "
        "distance, then correct the plan file or note the report's error.",
    ),
    "parts-mismatch": (
        "Parts do not add up to the total",
        "The targets or figures of the indicator's parts add up to another total than the "
        "indicator's own, beyond the rounding of the printed figures.",
        "Check each part against the report: a part may be missing or a figure mistyped.",
    ),
    "restatement": (
        "Cumulative figure restated down",
        "A cumulative figure is lower than at an earlier report date: the earlier figure was "
        "restated, or one of them is a typing slip.",
        "Find out which report is right; a revised figure should be explained in the report. "
        "Correct the plan file if a figure was mistyped.",
    ),
    "invalid-plan": (
        "Invalid plan file",
        "The plan file cannot be read or does not follow the plan format, so it was not audited.",
        "Fix the problem at the line and column given. planaudit validate checks plan files "
        "without auditing them; docs/plan-format.md describes every key.",
    ),
}

RULES_ZH: dict[str, tuple[str, str, str]] = {
    "behind": (
        "滞后于序时进度",
        "指标进度落后于时间进度：累计指标完成率低于序时进度且超出容差，控制类指标使用快于序时进度，"
        "或水平类指标偏离目标超出浮动区间。",
        "请先核对计划文件中的完成数、目标与报告是否一致；如无误，该指标需加快进度，"
        "planaudit check --forecast 可给出剩余时间每月需完成的量。",
    ),
    "missed": (
        "未完成目标",
        "计划期已结束（或节点日期已过）而目标未完成；或控制类指标已超出上限。",
        "本期目标已无法完成，报告应说明原因。请核对计划文件中的数据与报告是否一致。",
    ),
    "watch": (
        "略落后于序时进度（关注）",
        "落后于序时进度但未超出容差（控制类指标：使用略快于序时进度）；"
        "或“左右”目标的水平类指标偏离目标未超出浮动区间。",
        "尚未判为滞后，下次报告时再看。使用 --fail-on watch 时此类也判为不通过。",
    ),
    "binding-lag": (
        "约束性指标滞后",
        "约束性指标滞后、未完成或需关注。约束性指标是必须完成的硬任务，其滞后是审查中最严重的问题。",
        "约束性指标不得滞后，报告须说明如何补上差距。请先核对数据，"
        "再用 planaudit check --forecast 查看剩余时间需完成的量。",
    ),
    "stated-mismatch": (
        "报告完成率与数据不符",
        "报告所列完成率与“完成数÷目标”之差超出所列数字的舍入范围。",
        "报告或计划文件中三个数之一有误：按完成数÷目标重新计算，更正计划文件，或指出报告的错误。",
    ),
    "stated-gap-mismatch": (
        "报告所列差距与数据不符",
        "报告所列差距（低于或高于目标、落后或超过序时进度）与按数计算的差距（水平类：完成−目标；"
        "累计类：完成率−序时进度）之差超出所列数字的舍入范围，或方向相反。",
        "报告或计划文件中的数有误：重新计算差距，更正计划文件，或指出报告的错误。",
    ),
    "parts-mismatch": (
        "分项合计与总数不符",
        "各分项的目标或完成数之和与本项总数不符，超出所列数字的舍入范围。",
        "逐项核对分项数据与报告是否一致：可能漏列分项或录入有误。",
    ),
    "restatement": (
        "累计数被下调",
        "累计完成数低于此前某次报告的数：前期数据被下调，或其中一个数录入有误。",
        "确认哪次报告的数正确，修订数据应在报告中说明；如为录入错误，请更正计划文件。",
    ),
    "invalid-plan": (
        "计划文件无效",
        "计划文件无法读取或不符合计划格式，未进行评估。",
        "按所给的行、列改正。planaudit validate 只检查文件而不评估，"
        "docs/plan-format.md 说明全部的键。",
    ),
}

"""中文目录：每条消息按 id 给出，占位符 `{name}` 与英文目录一一对应。

术语以 docs/glossary.md 为准。"""

from planaudit.lang.zh import (
    diagnostics,
    findings,
    forecast,
    help,
    labels,
    messages,
    rules,
    usage,
    verdict,
)

MESSAGES: dict[str, str] = {
    "list.separator": "、",
    "quote": "“{text}{more}”",
    "hint.percent_target_paced": "提示：目标{target}是百分数，本项未写 kind，按累计指标随序时进度折算；增速、比率等目标请写 kind: level",
    "hint.same_name": "提示：与第 {item} 项同名（同一板块）：报告中无法区分，请写出各自的名称",
    "format.needs_library": "{format} 格式需要 {library}，尚未安装：pip install '{extra}'",
    "list.or.between": "、",
    "list.or.last": " 或 ",
}

for topic in (help, usage, diagnostics, messages, verdict, findings, forecast, rules, labels):
    MESSAGES.update(topic.MESSAGES)

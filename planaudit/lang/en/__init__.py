"""The English catalog: every message by id, with `{name}` placeholders (str.format)."""

from planaudit.lang.en import (
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
    "list.separator": ", ",
    "quote": "{text!r}{more}",
    "hint.percent_target_paced": "note: the target {target} is a percentage and this indicator has no kind, so it is paced as cumulative; a growth rate or a ratio wants kind: level",
    "hint.same_name": "note: the same name as item {item} of the same section: a reader of the report cannot tell them apart; name each",
    "format.needs_library": "{format} needs {library}, which is not installed: pip install '{extra}'",
    "list.or.between": " or ",
    "list.or.last": " or ",
}

for topic in (help, usage, diagnostics, messages, verdict, findings, forecast, rules, labels):
    MESSAGES.update(topic.MESSAGES)

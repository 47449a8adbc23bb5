"""The draft written as a plan file: valid YAML whose every text is data, each guess a
`# guess:` comment above what it is about."""

from __future__ import annotations

import json
from decimal import Decimal

from planaudit.core.model import Indicator
from planaudit.draft.model import Draft
from planaudit.lang import text

KNOWN = frozenset(Indicator.model_fields)
"""The keys the plan format has: `stated_gap` and an indicator's own `period` are written as
keys where it has them (plan-keys.md), as comments for the person finishing the draft where
it does not yet."""


def _yaml_string(text: str) -> str:
    """Any text as a YAML scalar that reads back as exactly that text (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


def _yaml_figure(text: str) -> str:
    try:
        Decimal(text)
    except ArithmeticError:
        return _yaml_string(text)
    return text


def to_yaml(made: Draft) -> str:
    lines = text("draft.header", source=made.source).splitlines()
    lines += [text("draft.guess", guess=guess) for guess in made.guesses]
    lines.append(f"plan: {_yaml_string(made.plan)}")
    if made.year is not None:
        lines.append(f"year: {made.year}")
    else:
        lines.append(f"period: {{start: {made.start.isoformat()}, end: {made.end.isoformat()}}}")
    lines += [
        f"as_of: {made.as_of.isoformat()}",
        f"source: {_yaml_string(made.source)}",
        "indicators:",
    ]
    for item in made.indicators:
        lines.append("  " + text("draft.line", line=item.line))
        lines += ["  " + text("draft.guess", guess=guess) for guess in item.guesses]
        if item.gap is not None and "stated_gap" not in KNOWN:
            lines.append(f"  # stated_gap: {item.gap}  (the distance the report states)")
        if item.period is not None and "period" not in KNOWN:
            start, end = item.period
            lines.append(f"  # period: {{start: {start.isoformat()}, end: {end.isoformat()}}}")
        lines.append(f"  - name: {_yaml_string(item.name)}")
        for key, value in (("section", item.section), ("owner", item.owner), ("unit", item.unit)):
            if value is not None:
                lines.append(f"    {key}: {_yaml_string(value)}")
        if item.period is not None and "period" in KNOWN:
            start, end = item.period
            lines.append(f"    period: {{start: {start.isoformat()}, end: {end.isoformat()}}}")
        if item.kind != "cumulative":
            lines.append(f"    kind: {item.kind}")
        if item.direction is not None:
            lines.append(f"    direction: {item.direction}")
        if item.binding:
            lines.append("    binding: true")
        if item.annual_only:
            lines.append("    annual_only: true")
        if item.target is not None:
            lines.append(f"    target: {_yaml_figure(item.target)}")
        if item.actual is not None:
            lines.append(f"    actual: {_yaml_figure(item.actual)}")
        if item.dated:
            pairs = ", ".join(
                f"{day.isoformat()}: {_yaml_figure(v)}" for day, v in item.dated.items()
            )
            lines.append(f"    actual: {{{pairs}}}")
        if item.stated is not None:
            lines.append(f"    stated: {_yaml_string(item.stated)}")
        if item.gap is not None and "stated_gap" in KNOWN:
            lines.append(f"    stated_gap: {_yaml_figure(item.gap)}")
        if item.due is not None:
            lines.append(f"    due: {item.due.isoformat()}")
        if item.done_on is not None:
            lines.append(f"    done: {item.done_on.isoformat()}")
        elif item.done is not None:
            lines.append(f"    done: {'true' if item.done else 'false'}")
        lines.append(f"    source: {_yaml_string(item.source)}")
    return "\n".join(lines) + "\n"


def summary(made: Draft) -> str:
    """One line on what the draft holds, for stderr."""
    items = made.indicators
    targets = sum(item.target is not None for item in items)
    milestones = sum(item.kind == "milestone" for item in items)
    guesses = len(made.guesses) + sum(len(item.guesses) for item in items)

    def count(number: int, id: str) -> str:
        return text(f"draft.{id}.{'one' if number == 1 else 'other'}", count=number)

    return text(
        "draft.summary",
        indicators=count(len(items), "indicators"),
        targets=targets,
        milestones=count(milestones, "milestones"),
        source=made.source,
        guesses=count(guesses, "guesses"),
        marker=text("draft.marker"),
    )

"""The JSON report of CONTRACT §4 (schema_version 1), with a few extra fields. Each plan is
written on its own line as soon as it is audited, so a report of thousands of plans is streamed."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from planaudit.core.errors import Problem
from planaudit.core.pace import Period
from planaudit.core.results.indicators import Forecast, IndicatorResult, Previous, Restatement
from planaudit.core.results.plans import PlanReport, Rollup
from planaudit.render.registry import Item, Lang, Renderer, RenderOptions, Tail
from planaudit.render.words import words_in

SCHEMA_VERSION = 1


def one_line(value: object) -> str:
    """A JSON value on one line: each plan of check's report is one line of it."""
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def indented(value: object) -> str:
    """A JSON value spread over lines, two spaces a level (history's and diff's reports)."""
    return json.dumps(value, ensure_ascii=False, indent=2)


class Envelope:
    """The one JSON document of every command, written as it is made:

        {"schema_version": 1, "plans": [one item a plan…], "errors": [a problem each…]}

    and after the errors what a command adds (check's roll-up). Items are written with `dump`,
    each inside the document as `json.dumps(document, indent=2)` would place it."""

    def __init__(self, dump: Callable[[object], str] = one_line) -> None:
        self.dump = dump
        self._first = True

    def header(self) -> str:
        return f'{{\n  "schema_version": {SCHEMA_VERSION},\n  "plans": ['

    def item(self, text: str) -> str:
        """An item's text (made by `dump`), placed after the ones before it."""
        separator = "\n    " if self._first else ",\n    "
        self._first = False
        return separator + text.replace("\n", "\n    ")

    def footer(self, errors: Sequence[Problem], extra: Mapping[str, object] | None = None) -> str:
        items = ",\n    ".join(
            self.dump(
                {"path": e.path, "line": e.line, "column": e.column, "message": e.message}
            ).replace("\n", "\n    ")
            for e in errors
        )
        closing = "\n  ]" if not self._first else "]"
        listed = f"\n    {items}\n  ]" if errors else "]"
        tail = "".join(f',\n  "{key}": {self.dump(value)}' for key, value in (extra or {}).items())
        return f'{closing},\n  "errors": [{listed}{tail}\n}}\n'


class JsonItems(Renderer[Item, Tail]):
    """A report of items other than check's plans (history, diff): the envelope, each item
    spread over lines."""

    reports_errors = True

    def __init__(self, options: RenderOptions) -> None:
        super().__init__(options)
        self._envelope = Envelope(indented)

    def header(self) -> str:
        return self._envelope.header()

    def text(self, item: Item) -> str:
        return indented(self.item_json(item))

    def item_json(self, item: Item) -> dict[str, Any]:
        raise NotImplementedError

    def place(self, text: str) -> str:
        return self._envelope.item(text)

    def footer(self, errors: Sequence[Problem], tail: Tail | None = None) -> str:
        return self._envelope.footer(errors)


class FormatRenderer(Renderer[PlanReport, Rollup]):
    independent = True
    reports_errors = True

    def __init__(self, options: RenderOptions) -> None:
        super().__init__(options)
        self._envelope = Envelope(one_line)

    def header(self) -> str:
        return self._envelope.header()

    def text(self, plan: PlanReport) -> str:
        return one_line(_plan(plan))

    def place(self, text: str) -> str:
        return self._envelope.item(text)

    def footer(self, errors: Sequence[Problem], rollup: Rollup | None = None) -> str:
        extra = {"rollup": _rollup(rollup)} if rollup is not None else None
        return self._envelope.footer(errors, extra)


def _rollup(rollup: Rollup) -> dict[str, Any]:
    return {
        "plans": [
            {
                "path": line.path,
                "plan": line.plan,
                "assessed": line.assessed,
                "on_pace": line.on_pace,
                "flagged": line.flagged,
                "verdict": line.verdict,
            }
            for line in rollup.plans
        ],
        "most_behind": [{"name": name, "plans": count} for name, count in rollup.most_behind],
    }


def json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def json_percent(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def json_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _plan(plan: PlanReport) -> dict[str, Any]:
    summary = plan.summary
    return {
        "path": plan.path,
        "plan": plan.plan,
        "as_of": plan.as_of.isoformat(),
        "period": {"start": plan.period.start.isoformat(), "end": plan.period.end.isoformat()},
        "elapsed": json_percent(plan.elapsed),
        "tolerance": json_number(plan.tolerance),
        "summary": {
            "indicators": summary.indicators,
            "assessed": summary.assessed,
            "on_pace": summary.on_pace,
            "flagged": summary.flagged,
            "by_status": summary.by_status,
            "verdict": summary.verdict,
            "serious": summary.serious,
            "stated_mismatches": summary.stated_mismatches,
            "parts_mismatches": summary.parts_mismatches,
            "restatements": summary.restatements,
            "pace_verdict": summary.pace_verdict,
            "cumulative_missed": summary.cumulative_missed,
            "levels_judged": summary.levels_judged,
            "levels_met": summary.levels_met,
            "milestones_due": summary.milestones_due,
            "milestones_done": summary.milestones_done,
            "milestones_pending": summary.milestones_pending,
            "stated_gap_mismatches": summary.stated_gap_mismatches,
        },
        "indicators": [_indicator(result, plan.chinese) for result in plan.indicators],
    }


def _period(period: Period | None) -> dict[str, str] | None:
    if period is None:
        return None
    return {"start": period.start.isoformat(), "end": period.end.isoformat()}


def _indicator(result: IndicatorResult, chinese: bool) -> dict[str, Any]:
    done = result.done
    target_text = result.target_text
    if result.target_same_as is not None:  # as shown: 与地区生产总值增长同步（6.5%）
        target_text = words_in(chinese, Lang.AUTO).target_of(result)
    return {
        "id": result.id,
        "name": result.name,
        "section": result.section,
        "owner": result.owner,
        "unit": result.unit,
        "kind": result.kind,
        "direction": result.direction,
        "binding": result.binding,
        "target": json_number(result.target),
        "target_text": target_text,
        "actual": json_number(result.actual),
        "actual_text": result.actual_text,
        "actual_date": json_date(result.actual_date),
        "completion": json_percent(result.completion),
        "expected": json_percent(result.expected),
        "gap": json_percent(result.gap),
        "margin": json_number(result.margin),
        "stated": json_percent(result.stated),
        "stated_consistent": result.stated_consistent,
        "status": result.status.value,
        "flagged": result.flagged,
        "serious": result.serious,
        "due": json_date(result.due),
        "done": done.isoformat() if isinstance(done, date) else done,
        "source": result.source,
        "line": result.line,
        "forecast": _forecast(result.forecast),
        "parts_target": json_number(result.parts_target),
        "parts_actual": json_number(result.parts_actual),
        "parts_consistent": result.parts_consistent,
        "previous": _previous(result.previous),
        "restatement": restatement_json(result.restatement),
        "period": _period(result.period),
        "target_same_as": result.target_same_as,
        "stated_gap": json_number(result.stated_gap),
        "stated_gap_text": result.stated_gap_text,
        "stated_gap_consistent": result.stated_gap_consistent,
    }


def _previous(previous: Previous | None) -> dict[str, Any] | None:
    if previous is None:
        return None
    return {
        "date": previous.date.isoformat(),
        "status": previous.status.value,
        "actual": json_number(previous.actual),
        "completion": json_percent(previous.completion),
        "gap": json_percent(previous.gap),
    }


def restatement_json(restatement: Restatement | None) -> dict[str, Any] | None:
    if restatement is None:
        return None
    return {
        "key": restatement.key,
        "before": {"date": restatement.before.isoformat(), "text": restatement.before_text},
        "after": {"date": restatement.after.isoformat(), "text": restatement.after_text},
    }


def _forecast(forecast: Forecast | None) -> dict[str, Any] | None:
    if forecast is None:
        return None
    return {
        "months_left": json_percent(forecast.months_left),
        "remaining": json_number(forecast.remaining),
        "monthly_needed": json_number(forecast.monthly_needed),
        "monthly_so_far": json_number(forecast.monthly_so_far),
        "monthly_needed_pct": json_percent(forecast.monthly_needed_pct),
        "monthly_so_far_pct": json_percent(forecast.monthly_so_far_pct),
        "projection": json_number(forecast.projection),
        "projection_completion": json_percent(forecast.projection_completion),
        "days_ahead": forecast.days_ahead,
        "recovery": forecast.recovery,
        "allowed_mean": json_number(forecast.allowed_mean),
    }

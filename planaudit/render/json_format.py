"""The JSON report of CONTRACT §4 (schema_version 1), with a few extra fields."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from planaudit.render import RenderOptions
from planaudit.report import IndicatorResult, PlanReport, Report

SCHEMA_VERSION = 1


def render(report: Report, options: RenderOptions) -> str:
    document = {
        "schema_version": SCHEMA_VERSION,
        "plans": [_plan(plan) for plan in report.plans],
        "errors": [
            {"path": e.path, "line": e.line, "column": e.column, "message": e.message}
            for e in report.errors
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2, default=_value) + "\n"


def _value(value: object) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def _percent(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _plan(plan: PlanReport) -> dict[str, Any]:
    summary = plan.summary
    return {
        "path": plan.path,
        "plan": plan.plan,
        "as_of": plan.as_of,
        "period": {"start": plan.period.start, "end": plan.period.end},
        "elapsed": _percent(plan.elapsed),
        "tolerance": plan.tolerance,
        "summary": {
            "indicators": summary.indicators,
            "assessed": summary.assessed,
            "on_pace": summary.on_pace,
            "flagged": summary.flagged,
            "by_status": summary.by_status,
            "verdict": summary.verdict,
            "serious": summary.serious,
            "stated_mismatches": summary.stated_mismatches,
        },
        "indicators": [_indicator(result) for result in plan.indicators],
    }


def _indicator(result: IndicatorResult) -> dict[str, Any]:
    return {
        "id": result.id,
        "name": result.name,
        "section": result.section,
        "owner": result.owner,
        "unit": result.unit,
        "kind": result.kind,
        "direction": result.direction,
        "binding": result.binding,
        "target": result.target,
        "target_text": result.target_text,
        "actual": result.actual,
        "actual_text": result.actual_text,
        "actual_date": result.actual_date,
        "completion": _percent(result.completion),
        "expected": _percent(result.expected),
        "gap": _percent(result.gap),
        "margin": result.margin,
        "stated": _percent(result.stated),
        "stated_consistent": result.stated_consistent,
        "status": result.status.value,
        "flagged": result.flagged,
        "serious": result.serious,
        "due": result.due,
        "done": result.done,
        "source": result.source,
        "line": result.line,
    }

"""The JSON Schema (draft 2020-12) of a plan file, generated from the model that validates it."""

from __future__ import annotations

import json
from typing import Any

from planaudit.core.model import Plan

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def plan_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema()
    return {
        "$schema": DIALECT,
        "$id": "https://planaudit.invalid/planaudit.schema.json",
        "title": "planaudit plan file (计划文件)",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def schema_text() -> str:
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n"

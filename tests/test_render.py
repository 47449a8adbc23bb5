"""Renderers on small audited plans, against exact expected text in golden/render/."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from planaudit.render import Format, RenderOptions, renderer
from planaudit.render.text import literal
from planaudit.report import Report
from tests.conftest import audit, plan_of

JUNE_30 = date(2018, 6, 30)
GOLDEN = Path(__file__).parent / "golden" / "render"


def report_of(*indicators: dict[str, Any], **keys: Any) -> Report:
    return Report((audit(plan_of(*indicators, **keys), JUNE_30),), ())


def test_a_serious_finding_and_a_wrong_stated_rate():
    report = report_of(
        {"name": "重污染天数", "section": "环境", "unit": "天", "target": "不超过19",
         "actual": 12, "binding": True},
        {"name": "新增就业", "section": "民生", "unit": "人", "target": 568, "actual": 146,
         "stated": "21.85%"},
    )  # fmt: skip
    text = renderer(Format.TABLE)(report, RenderOptions(width=100))
    assert text == (GOLDEN / "serious-and-mismatch.txt").read_text(encoding="utf-8")


def test_english_labels_for_an_english_plan():
    report = report_of(
        {"name": "Roads", "unit": "km", "target": 10, "actual": 4, "binding": True},
        {"name": "Growth", "kind": "level", "target": "6.5%左右", "actual": "6.1%"},
        {"name": "Library", "kind": "milestone", "done": "2018-05-01"},
        plan="Test plan",
    )
    text = renderer(Format.TABLE)(report, RenderOptions(width=90))
    assert text == (GOLDEN / "english.txt").read_text(encoding="utf-8")


def test_colour_only_when_asked():
    report = report_of({"name": "Roads", "target": 10, "actual": 4}, plan="Test plan")
    assert "\x1b[" not in renderer(Format.TABLE)(report, RenderOptions(color=False))
    assert "\x1b[" in renderer(Format.TABLE)(report, RenderOptions(color=True))


def test_literal_makes_text_inert():
    assert literal("a\x1b[31mb\x07c\u202ed\ne\tf") == "a\\u001b[31mb\\u0007c\\u202ed e f"


def test_json_numbers_and_dates():
    report = report_of(
        {"name": "学位", "target": "不低于1.7万", "actual": {"2018-06-30": "1.4万余"}},
        {"name": "增长", "kind": "level", "target": "6.5%左右", "actual": "6.1%"},
    )
    document = json.loads(renderer(Format.JSON)(report, RenderOptions()))
    places, growth = document["plans"][0]["indicators"]
    assert {k: places[k] for k in ("target", "target_text", "actual", "actual_text")} == {
        "target": 17000,
        "target_text": "不低于1.7万",
        "actual": 14000,
        "actual_text": "1.4万余",
    }
    assert (places["actual_date"], places["completion"], places["gap"]) == (
        "2018-06-30",
        82.35,
        32.35,
    )
    assert (growth["margin"], growth["status"], growth["unit"]) == (-0.4, "watch", "%")
    assert document["plans"][0]["tolerance"] == 0


def test_every_format_has_a_renderer():
    report = report_of({"name": "a", "target": 1, "actual": 1})
    assert all(renderer(f)(report, RenderOptions()) for f in Format)

"""Notes on what a plan file allows but most likely does not mean (core.consistency.plan_hints):
printed beside the report by check and validate, located like a problem, never an error."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from planaudit.cli.app import app
from planaudit.io.loader import parse

HEAD = "plan: 某县2017年计划\nyear: 2017\nas_of: 2017-06-30\nindicators:\n"
RATE = "  - name: 地区生产总值增长\n    target: 8%左右\n    actual: 4%\n"
TWICE = (
    "  - name: 固定资产投资\n    target: 100亿元\n    actual: 55亿元\n"
    "  - name: 固定资产投资\n    target: 10亿元\n    actual: 5亿元\n"
)


def hints(indicators: str) -> list[str]:
    return [str(hint) for hint in parse(HEAD + indicators, "p.yaml").hints]


def test_a_percentage_target_paced_as_cumulative_is_noted_at_the_target():
    assert hints(RATE) == [
        "p.yaml:6:13: note: the target '8%左右' is a percentage and this indicator has no "
        "kind, so it is paced as cumulative; a growth rate or a ratio wants kind: level"
    ]


@pytest.mark.parametrize(
    "indicator",
    [
        RATE.replace("actual:", "kind: level\n    actual:"),
        RATE.replace("actual:", "kind: cumulative\n    actual:"),  # said on purpose
        "  - name: 征地拆迁\n    target: 100%\n    actual: 40%\n",  # a share of a task
        "  - name: 固定资产投资\n    target: 100亿元\n    actual: 55亿元\n",
        TWICE.replace("固定资产投资\n    target: 10亿元", "工业投资\n    target: 10亿元"),
        TWICE.replace("  - name: 固定资产投资\n", "  - name: 固定资产投资\n    section: 一\n", 1),
    ],
)
def test_what_is_meant_gets_no_note(indicator):
    assert hints(indicator) == []


def test_two_indicators_of_one_section_with_one_name():
    assert hints(TWICE) == [
        "p.yaml:8:11: note: the same name as item 1 of the same section: a reader of the "
        "report cannot tell them apart; name each"
    ]


def test_check_and_validate_print_the_notes_in_chinese_and_keep_their_exit_codes(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLANAUDIT_LANG", "zh")
    (tmp_path / "p.yaml").write_text(HEAD + RATE + TWICE, encoding="utf-8")
    notes = (
        "p.yaml:6:13: 提示：目标“8%左右”是百分数，本项未写 kind，按累计指标随序时进度折算；"
        "增速、比率等目标请写 kind: level\n"
        "p.yaml:11:11: 提示：与第 2 项同名（同一板块）：报告中无法区分，请写出各自的名称\n"
    )
    checked = CliRunner().invoke(app, ["check", "p.yaml", "-f", "json"])
    assert (checked.exit_code, checked.stderr) == (0, notes)
    valid = CliRunner().invoke(app, ["validate", "p.yaml"])
    assert (valid.exit_code, valid.stderr) == (0, notes + "1 个计划文件有效\n")

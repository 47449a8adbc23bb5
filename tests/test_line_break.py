"""Chinese lines broken as Chinese is set: no line opens on a closing mark or ends on an opening
one; figures and Latin words stay whole, and a figure with its measure word (4项); nothing is
lost."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from planaudit.render.line_break import CLOSING, OPENING, UNIT, break_lines

VERDICT = (
    "1-2月未全部达到序时进度（累计指标4项中2项）；增速等指标1项中1项达到目标；节点任务1项未到期。"
    "标记3项（约束性1项）；报告完成率不符1项。"
)


@pytest.mark.parametrize(
    ("width", "lines"),
    [
        (100, ["1-2月未全部达到序时进度（累计指标4项中2项）；增速等指标1项中1项达到目标；"
               "节点任务1项未到期。标记3项", "（约束性1项）；报告完成率不符1项。"]),
        (40, ["1-2月未全部达到序时进度（累计指标4项中", "2项）；增速等指标1项中1项达到目标；节点",
              "任务1项未到期。标记3项（约束性1项）；报", "告完成率不符1项。"]),
        (20, ["1-2月未全部达到序时", "进度（累计指标4项中", "2项）；增速等指标1项",
              "中1项达到目标；节点", "任务1项未到期。标记", "3项（约束性1项）；报",
              "告完成率不符1项。"]),
    ],
)  # fmt: skip
def test_the_verdict_at_several_widths(width, lines):
    assert break_lines(VERDICT, width) == lines


def test_the_terminal_table_breaks_its_verdict_so():
    """Rich alone opened a line on ）: `标记3项（约束性1项` / `）；报告完成率不符1项。`."""
    from planaudit.render.registry import Format, RenderOptions, render
    from tests import sample

    table = render(Format.TABLE, sample.REPORT, RenderOptions(width=110)).splitlines()
    assert "标记3项（约束性1项）；报告完成率不符1项。" in "".join(table)
    assert not any(line[:1] in CLOSING for line in table)


@given(st.text(alphabet="指标项完成率12.5%，。；：（）「」 abc", max_size=120), st.integers(4, 60))
def test_nothing_lost_and_the_rules_kept(text, width):
    lines = break_lines(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for before, after in itertools.pairwise(lines):
        marks_only = set(before) <= CLOSING | OPENING | {" "}
        alone = len(UNIT.findall(before)) == 1  # nothing it could give to the next line
        assert after[:1] not in CLOSING or marks_only or alone, (before, after)
        assert before[-1:] not in OPENING or marks_only, (before, after)
        units = UNIT.findall(before)
        figure_last = len(units) > 1 and re.fullmatch(r"[0-9][0-9.,+\-−%]*", units[-1]) is not None
        measure_word = "\u4e00" <= after[:1] <= "\u9fff" and " " not in text
        assert not (figure_last and measure_word), (before, after)  # 4项 kept whole
    for line in lines:  # wider only for a Latin word or figure, or marks kept with theirs
        no_marks = not set(line) & (CLOSING | OPENING)
        assert cell_len(line) <= width or not no_marks or line.isascii() or len(line) <= 3

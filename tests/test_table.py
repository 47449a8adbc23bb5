"""The terminal table laid out for the width it has: at 40 to 200 columns every name is there in
full, no column is squeezed to nothing, and what goes first is what matters least."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from planaudit.render import fit
from tests.conftest import run

pytestmark = pytest.mark.usefixtures("cli_env")

GOLDEN = Path(__file__).parent / "golden" / "width"
LONG = "tests/cases/width/long-names.yaml"
NAMES = [
    "规模以上工业企业研究与试验发展经费支出占主营业务收入比重",
    "新建改扩建中小学和幼儿园学位",
    "城乡居民人均可支配收入",
    "完成老旧小区综合整治",
    "城镇新增就业",
    "细颗粒物（PM2.5）年均浓度",
    "Installed rooftop photovoltaic capacity on public buildings",
    "拆除违法建设",
    "重污染天数",
]
WIDTHS = (40, 60, 80, 100, 120, 200)


def table_at(width: int, path: str = LONG) -> str:
    os.environ["COLUMNS"] = str(width)
    result = run("check", path, "--fail-on", "never")
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


def _golden(name: str, text: str) -> str:
    golden = GOLDEN / name
    if os.environ.get("PLANAUDIT_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    return golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_table_at_each_width(width):
    text = table_at(width)
    assert text == _golden(f"long-names-{width}.txt", text)


@pytest.mark.parametrize("plan", ["plans/chaoyang-2018.yaml", "plans/riverside-fy2018.yaml"])
def test_the_bundled_plans_at_80_columns(plan):
    text = table_at(80, plan)
    assert text == _golden(f"{Path(plan).stem}-80.txt", text)


def _without(line: str, cells: int) -> str:
    """The line after its first `cells` terminal cells."""
    taken = 0
    for index, char in enumerate(line):
        if taken >= cells:
            return line[index:]
        taken += cell_len(char)
    return ""


def _first_column(text: str) -> str:
    """What the name column holds, line after line, without spaces: a grid's first column, or
    the blocks beside the statuses of the stacked layout."""
    lines = text.splitlines()
    if any(line.startswith("┏") for line in lines):
        held = [line.split("│")[1] for line in lines if line.startswith("│")]
    else:
        section = next(line for line in lines if line.startswith("■"))
        offset = cell_len(section) - cell_len(section[1:].lstrip())
        marks = ("■", "✓", "!", "✗", "·", " ")
        held = [_without(line, offset) for line in lines if line.startswith(marks)]
    return "".join(held).replace(" ", "")


@pytest.mark.parametrize("width", WIDTHS)
def test_every_name_in_full_and_nothing_wider_than_the_terminal(width):
    text = table_at(width)
    assert all(cell_len(line) <= width for line in text.splitlines()), width
    assert not re.search(r"[┃│┏┳┡╇└┴┗┻][┃│┳┓╇┩┴┘┻┛]", text), "a column of no width"
    held = _first_column(text)
    for name in NAMES:
        assert name.replace(" ", "") in held, (width, name)


@pytest.mark.parametrize(
    ("width", "layout"),
    [(40, "stacked"), (60, "stacked"), (80, "under"), (100, "no bar"), (120, "full"),
     (200, "full")],
)  # fmt: skip
def test_what_goes_first_is_what_matters_least(width, layout):
    """Below a width the bar goes, then the target and actual move under the name, then one
    block per indicator; the status and the name stay."""
    text = table_at(width)
    header = next((line for line in text.splitlines() if line.startswith("┃")), "")
    columns = [cell.strip() for cell in header.strip("┃").split("┃")]
    expected = {
        "full": ["指标", "目标", "完成", "完成率", "序时进度", "差距", "进度", "状态"],
        "no bar": ["指标", "目标", "完成", "完成率", "序时进度", "差距", "状态"],
        "under": ["指标", "完成率", "序时进度", "差距", "状态"],
        "stacked": [""],
    }
    assert columns == expected[layout]
    if layout in ("under", "stacked"):
        assert "目标不低于1.7万个" in text.replace("\n", "").replace(" ", "").replace("│", "")


def test_readable_without_colour():
    for width in (40, 80, 120):
        text = table_at(width)
        assert "\x1b" not in text
        assert "✗ 滞后" in text and "✓ 正常" in text and "· 待完成" in text


def test_a_name_column_is_never_squeezed_below_its_floor():
    specs = [fit.text("指标", ["一" * 30], fit.NAME_FLOOR), fit.figures("完成率", ["100.00%"])]
    assert fit.widths(specs, 40) == [28, 7]  # 40 - 5 for the rules and padding
    assert fit.widths(specs, 28) == [16, 7]
    assert fit.widths(specs, 27) is None  # the caller takes another layout


def test_spare_room_goes_where_it_helps():
    """A column that wraps at spaces gets all it lacks or nothing; the name takes the rest."""
    name = fit.text("指标", ["一" * 30], fit.NAME_FLOOR, grow=0, ease=fit.NAME_EASE)
    status = fit.words("状态", ["✗ 滞后 约束性指标"], grow=1)
    target = fit.text("目标", ["控制在42微克/立方米以内"], grow=2)
    assert (status.natural, status.minimum) == (17, 10)
    assert fit.widths([name, status, target], 60) == [30, 10, 12]  # the name to its ease first
    assert fit.widths([name, status, target], 80) == [32, 17, 23]  # then the others in order
    assert fit.widths([name, status, target], 100) == [52, 17, 23]  # then the name to its full


def test_columns_empty_for_every_row_go_before_names_wrap():
    """A plan of growth rates has no completion, pace or bar: at 80 columns those go, and the
    names get the room (they wrapped every 9 characters beside two empty columns)."""
    from datetime import date

    from planaudit.core.results.plans import Report
    from planaudit.render.registry import Format, RenderOptions, render
    from tests.conftest import audit, plan_of

    plan = plan_of(
        {"name": "全体居民人均可支配收入增长（与经济增长基本同步）", "kind": "level",
         "target": "8%", "actual": "6.5%"},
        {"name": "城镇调查失业率控制在目标以内", "kind": "level", "direction": "lower",
         "target": "5.5%", "actual": "5.2%"},
        {"name": "规模以上工业增加值增长", "kind": "level", "target": "7%左右", "actual": "6.8%"},
    )  # fmt: skip
    table = render(Format.TABLE, Report((audit(plan, date(2018, 6, 30)),), ()),
                   RenderOptions(width=80))  # fmt: skip
    assert table.splitlines()[1:9] == [
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━┳━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━┓",
        "┃指标                                   ┃ 目标   ┃ 完成 ┃ 差距(百分点) ┃ 状态  ┃",
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━╇━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━┩",
        "│全体居民人均可支配收入增长（与经济增长 │ 8%     │ 6.5% │        -1.50 │ ✗ 滞后│",
        "│基本同步）                             │        │      │              │       │",
        "│城镇调查失业率控制在目标以内           │ 5.5%   │ 5.2% │        +0.30 │ ✓ 正常│",
        "│规模以上工业增加值增长                 │ 7%左右 │ 6.8% │        -0.20 │ ! 关注│",
        "└───────────────────────────────────────┴────────┴──────┴──────────────┴───────┘",
    ]
    wide = render(Format.TABLE, Report((audit(plan, date(2018, 6, 30)),), ()),
                  RenderOptions(width=200))  # fmt: skip
    assert "完成率" in wide  # names whole with every column: the columns stay

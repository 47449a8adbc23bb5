"""Each renderer on the hand-built report in sample.py, against exact text in golden/render/."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import xml.etree.ElementTree as ET
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from planaudit.core.results.plans import Report
from planaudit.core.terms import Direction, FailOn
from planaudit.render.registry import Format, Lang, RenderOptions, render, renderer
from planaudit.render.words import bar, literal
from tests import sample

GOLDEN = Path(__file__).parent / "golden" / "render"
SUFFIX = {
    Format.TABLE: "txt",
    Format.JSON: "json",
    Format.MARKDOWN: "md",
    Format.CSV: "csv",
    Format.JUNIT: "xml",
    Format.GITHUB: "github.txt",
    Format.SARIF: "sarif",
    Format.GITLAB: "gitlab.json",
    Format.HTML: "html",
}
BINARY = {Format.XLSX}
"""Read back in test_xlsx.py rather than compared as text."""


def test_every_format_has_a_renderer_and_a_golden_file():
    assert set(SUFFIX) | BINARY == set(Format) and not set(SUFFIX) & BINARY
    for format in Format:
        made = renderer(format, RenderOptions())
        assert made.header() is not None
        assert made.binary is (format in BINARY)


@pytest.mark.parametrize("format", list(SUFFIX))
def test_golden(format):
    text = render(format, sample.REPORT, RenderOptions(width=110))
    golden = GOLDEN / f"sample.{SUFFIX[format]}"
    if os.environ.get("PLANAUDIT_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("format", "english_word", "chinese_word"),
    [
        (Format.TABLE, "behind", "滞后"),
        (Format.MARKDOWN, "behind", "滞后"),
        (Format.JUNIT, "below the pace", "低于序时进度"),
        (Format.GITHUB, "below the pace", "低于序时进度"),
        (Format.SARIF, "below the pace", "低于序时进度"),
        (Format.GITLAB, "below the pace", "低于序时进度"),
    ],
)
def test_lang_overrides_the_plans_language(format, english_word, chinese_word):
    english = render(format, sample.REPORT, RenderOptions(lang=Lang.EN))
    chinese = render(format, sample.REPORT, RenderOptions(lang=Lang.ZH))
    assert english_word in english and chinese_word not in english
    assert chinese_word in chinese and english_word not in chinese


def test_colour_only_when_asked():
    assert "\x1b[" not in render(Format.TABLE, sample.REPORT, RenderOptions(color=False))
    assert "\x1b[" in render(Format.TABLE, sample.REPORT, RenderOptions(color=True))


def test_csv_has_a_bom_only_in_a_file():
    assert not render(Format.CSV, sample.REPORT, RenderOptions()).startswith("\ufeff")
    assert render(Format.CSV, sample.REPORT, RenderOptions(to_file=True)).startswith("\ufeffpath,")


def test_junit_failures_follow_fail_on():
    def failures(level: FailOn) -> str:
        text = render(Format.JUNIT, sample.REPORT, RenderOptions(fail_on=level))
        return ET.fromstring(text).get("failures", "")

    assert (failures(FailOn.NEVER), failures(FailOn.BEHIND), failures(FailOn.WATCH)) == (
        "0",
        "3",
        "4",
    )


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (FailOn.BEHIND, ["error", "error", "error", "warning"]),
        (FailOn.WATCH, ["error", "error", "error", "error"]),
        (FailOn.NEVER, ["warning", "warning", "warning", "notice"]),
    ],
)
def test_github_levels_follow_fail_on(level, expected):
    """The findings (after the invalid file, before the verdicts): binding behind, missed,
    misstated, watch; what fails the run is an error, each step below one level lower."""
    lines = render(Format.GITHUB, sample.REPORT, RenderOptions(fail_on=level)).splitlines()
    assert [line[2:].split(" ", 1)[0] for line in lines[1:5]] == expected


def test_only_flagged_keeps_the_summary():
    shown = sample.CHINESE.only_flagged()
    assert [r.id for r in shown.indicators] == ["green", "jobs", "days"]
    assert shown.summary == sample.CHINESE.summary


def test_literal_makes_text_inert():
    assert literal("a\x1b[31mb\x07c\u202ed\ne\tf") == "a\\u001b[31mb\\u0007c\\u202ed e f"


@pytest.mark.parametrize(
    ("index", "expected"),
    [(0, "▌░░░░│░░░░░"), (1, "██│▌░░░░░░░"), (2, "██│░░░░░░░░"), (5, "██│███████▏")],
)
def test_bars_mark_the_pace(index, expected):
    assert bar(sample.CHINESE_ROWS[index]) == expected


EIGHTHS = {"░": 0, "▏": 1, "▎": 2, "▍": 3, "▌": 4, "▋": 5, "▊": 6, "▉": 7, "█": 8}


@pytest.mark.parametrize("direction", [Direction.HIGHER, Direction.LOWER])
@pytest.mark.parametrize("pace", ["16.67", "50.00", "58.33", "75.00"])
def test_the_bar_at_every_tenth_of_a_percent(pace, direction):
    """Each cell shows its own tenth in eighths, the pace is marked at the cell boundary nearest
    it — the same for every completion, so one line runs down a table — and the picture agrees
    with the status: on pace, the fill reaches the mark (a cap's stays within it); off pace, it
    falls short of it (a cap's runs past it). Only the cells beside the mark may differ from
    their tenth, by less than half a cell, to say so."""
    expected = Decimal(pace)
    row = sample.CHINESE_ROWS[0]
    marks = set()
    for tenths in range(1001):
        completion = Decimal(tenths) / 10
        gap = completion - expected if direction == "higher" else expected - completion
        drawn = bar(replace(row, direction=direction, completion=completion, expected=expected,
                            gap=gap))  # fmt: skip
        assert len(drawn) == 11 and drawn.count("│") == 1, drawn
        mark = drawn.index("│")
        marks.add(mark)
        cells = drawn.replace("│", "")
        for cell, shown in enumerate(cells):
            share = min(max(completion - 10 * cell, Decimal(0)), Decimal(10))
            if cell not in (mark - 1, mark):
                assert EIGHTHS[shown] == int(share * 8 / 10), (completion, drawn)
            else:
                assert abs(EIGHTHS[shown] - share * 8 / 10) <= 5, (completion, drawn)
        reaches = all(cell == "█" for cell in cells[:mark])
        passes = any(cell != "░" for cell in cells[mark:])
        if direction == "higher":
            assert reaches is (gap >= 0), (completion, drawn)
        elif gap >= 0:
            assert not passes, (completion, drawn)
        else:
            assert reaches, (completion, drawn)
    assert marks == {math.floor(expected / 10 + Decimal("0.5"))}


HOSTILE = "a|b <script>alert(1)</script> `code` \n=cmd() ::error::x @team [x](http://e) **b**"


def _hostile_report() -> Report:
    from dataclasses import replace

    rows = tuple(replace(r, name=HOSTILE, unit="=1+1", section="|<b>") for r in sample.CHINESE_ROWS)
    plan = replace(sample.CHINESE, plan=HOSTILE, indicators=rows)
    return Report((plan,), ())


def test_hostile_names_stay_inert_in_every_format():
    report = _hostile_report()
    rows = len(sample.CHINESE_ROWS)

    table = render(Format.TABLE, report, RenderOptions(width=300))
    assert "<script>alert(1)</script>" in table and "\n=cmd" not in table

    markdown = render(Format.MARKDOWN, report, RenderOptions())
    assert "<script>" not in markdown and "<b>" not in markdown and "`code`" not in markdown
    assert "@team" not in markdown and "\\[x\\](http:/\u200b/e) \\*\\*b\\*\\*" in markdown
    table_rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert len(table_rows) == rows + 2  # the header and its separator
    assert all(line.replace("\\|", "").count("|") == 10 for line in table_rows)

    parsed = list(csv.reader(io.StringIO(render(Format.CSV, report, RenderOptions()))))
    assert len(parsed) == rows + 1
    assert {row[6] for row in parsed[1:]} == {literal(HOSTILE)}
    assert {row[8] for row in parsed[1:]} == {"'=1+1"}

    junit = ET.fromstring(render(Format.JUNIT, report, RenderOptions()))
    assert {case.get("name") for case in junit.iter("testcase")} == {literal(HOSTILE)}

    github = render(Format.GITHUB, report, RenderOptions()).splitlines()
    assert len(github) == 4  # three findings and the notice
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in github)
    assert all("title=a|b <script>alert(1)</script> `code`  =cmd() %3A%3Aerror%3A%3Ax" in line
               for line in github[:3])  # fmt: skip

    document = json.loads(render(Format.JSON, report, RenderOptions()))
    assert document["plans"][0]["indicators"][0]["name"] == HOSTILE


def _table_shapes(text: str) -> list[list[int]]:
    """Each table as a CommonMark parser with GFM tables sees it: the cell count of each row.
    Raw HTML or a link anywhere fails the test."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert not [t for t in tokens if t.type.startswith("html")], "raw HTML in the Markdown"
    children = [c for t in tokens if t.type == "inline" for c in t.children or []]
    assert not [c for c in children if c.type in ("link_open", "html_inline")]
    tables: list[list[int]] = []
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append(0)
        elif token.type in ("th_open", "td_open"):
            tables[-1][-1] += 1
    return tables


def test_markdown_renders_as_tables_in_a_gfm_parser():
    shapes = _table_shapes(render(Format.MARKDOWN, sample.REPORT, RenderOptions()))
    # the overview, each plan with its header, then the roll-up and the indicators most behind
    assert shapes == [[5] * 3, [9] * 7, [9] * 2, [4] * 3, [2] * 3]


def test_hostile_markdown_keeps_its_table_shape():
    shapes = _table_shapes(render(Format.MARKDOWN, _hostile_report(), RenderOptions()))
    assert shapes == [[9] * (len(sample.CHINESE_ROWS) + 1)]


def test_gaps_in_their_own_unit():
    """Points for cumulative indicators, the indicator's unit for a level, one unit per cell,
    持平 for none; the header names the unit only when every gap is in points."""
    from planaudit.render.words import CHINESE, ENGLISH

    green, gdp = sample.CHINESE_ROWS[0], sample.CHINESE_ROWS[3]  # gdp: a level in %
    assert (CHINESE.gap_header([green, gdp]), ENGLISH.gap_header([green, gdp])) == (
        "差距(百分点)", "Gap (pts)"
    )  # fmt: skip
    assert [CHINESE.gap_of(r, bare=True) for r in (green, gdp)] == ["-44.50", "+0.10"]
    income = replace(gdp, unit="元/年", margin=Decimal(120))
    assert (CHINESE.gap_header([green, income]), ENGLISH.gap_header([green, income])) == (
        "差距", "Gap"
    )  # fmt: skip
    assert [CHINESE.gap_of(r) for r in (green, income, gdp)] == [
        "-44.50个百分点", "+120元/年", "+0.1个百分点"
    ]  # fmt: skip
    assert [ENGLISH.gap_of(r) for r in (green, income, gdp)] == [
        "-44.50 pts", "+120 元/年", "+0.1 pts"
    ]  # fmt: skip
    level = replace(gdp, margin=Decimal(0))
    on_pace = replace(green, completion=Decimal("50.00"), gap=Decimal("0.00"))
    assert [CHINESE.gap_of(r) for r in (level, on_pace)] == ["持平", "持平"]
    assert [ENGLISH.gap_of(r, bare=True) for r in (level, on_pace)] == ["level", "level"]


def test_a_gap_column_never_gives_its_unit_twice():
    table = render(Format.TABLE, Report((sample.CHINESE,), ()), RenderOptions(width=200))
    assert "差距(百分点)" in table and "个百分点" not in table
    income = replace(sample.CHINESE_ROWS[3], unit="元/年", margin=Decimal(120))
    rows = (*sample.CHINESE_ROWS[:3], income)
    mixed = render(Format.TABLE, Report((replace(sample.CHINESE, indicators=rows),), ()),
                   RenderOptions(width=200))  # fmt: skip
    assert "差距(百分点)" not in mixed and "-44.50个百分点" in mixed and "+120元/年" in mixed


def test_an_older_figure_shows_its_date():
    """The 1-5月 figure of an indicator in a report at June 30 says so, in every layout; a
    figure of June 30 says nothing more."""
    from datetime import date

    from tests.conftest import audit, plan_of

    plan = plan_of(
        {"name": "新增绿地", "unit": "公顷", "target": 1000, "actual": {"2018-05-31": 300}},
        {"name": "新增就业", "unit": "人", "target": 100, "actual": {"2018-06-30": 60}},
        {"name": "Roads", "unit": "km", "target": 100, "actual": {"2018-06-15": 40}},
    )
    report = Report((audit(plan, date(2018, 6, 30)),), ())
    markdown = render(Format.MARKDOWN, report, RenderOptions())
    assert "| **新增绿地** | 1000公顷 | 300公顷（数据截至5月底） | 30.00% |" in markdown
    assert "| 新增就业 | 100人 | 60人 | 60.00% |" in markdown
    assert "| **Roads** | 100 km | 40 km（数据截至6月15日） | 40.00% |" in markdown  # km spaced
    zh_gap = render(
        Format.MARKDOWN,
        Report(
            (
                audit(
                    plan_of(
                        {
                            "name": "Road",
                            "kind": "level",
                            "unit": "km",
                            "target": 120,
                            "actual": 100,
                        }
                    ),
                    date(2018, 6, 30),
                ),
            ),
            (),
        ),
        RenderOptions(),
    )
    assert "| **Road** | 120 km | 100 km |  |  | -20 km |" in zh_gap  # fmt: skip
    english = render(Format.MARKDOWN, report, RenderOptions(lang=Lang.EN))
    assert "| **新增绿地** | 1000 公顷 | 300 公顷 (as of May 31) | 30.00% |" in english
    html = render(Format.HTML, report, RenderOptions())
    assert "<td>300公顷（数据截至5月底）</td>" in html and "<td>60人</td>" in html
    table = render(Format.TABLE, report, RenderOptions(width=100)).splitlines()
    assert table[4].startswith("│新增绿地 │ 1000公顷 │ 300公顷     │ 30.00% │")
    assert table[5].startswith("│         │          │ 截至5月底   │        │")
    stacked = render(Format.TABLE, report, RenderOptions(width=60)).splitlines()
    assert stacked[2].strip() == "目标 1000公顷 · 完成 300公顷（数据截至5月底）"


def test_a_flagged_row_is_never_marked_as_fine():
    """On track, but the report's own rate disagrees with its figures: flagged, so not ✓."""
    from datetime import date

    from tests.conftest import audit, plan_of

    plan = plan_of(
        {"name": "新增就业", "unit": "人", "target": 100, "actual": 60, "stated": "50%"},
        {"name": "新增学位", "unit": "个", "target": 100, "actual": 60},
    )
    report = Report((audit(plan, date(2018, 6, 30)),), ())
    markdown = render(Format.MARKDOWN, report, RenderOptions())
    assert "`█████│█░░░░` | **⚠️ 正常 ❗ 完成率不符** |\n" in markdown
    assert "`█████│█░░░░` | ✅ 正常 |\n" in markdown
    table = render(Format.TABLE, report, RenderOptions(width=120))
    assert "│ ! 正常 完成率不符│" in table and "│ ✓ 正常           │" in table
    html = render(Format.HTML, report, RenderOptions())
    assert '<span class="mark">!</span>正常<span class="alert mismatch">完成率不符</span>' in html


def test_markdown_has_a_section_column_only_where_a_section_is_given():
    from datetime import date

    from tests.conftest import audit, plan_of

    def header(**section: str) -> str:
        plan = plan_of({"name": "固定资产投资", "target": 100, "actual": 55, **section})
        report = Report((audit(plan, date(2018, 6, 30)),), ())
        text = render(Format.MARKDOWN, report, RenderOptions())
        return next(line for line in text.splitlines() if line.startswith("| 指标") or
                    line.startswith("| 板块"))  # fmt: skip

    assert header() == "| 指标 | 目标 | 完成 | 完成率 | 序时进度 | 差距(百分点) | 进度 | 状态 |"
    assert header(section="经济") == (
        "| 板块 | 指标 | 目标 | 完成 | 完成率 | 序时进度 | 差距(百分点) | 进度 | 状态 |"
    )


def test_a_full_width_percent_sign_is_a_percent_sign():
    """5％ typed with a Chinese input method is shown once, never 5％%."""
    from planaudit.render.words import CHINESE, ENGLISH

    assert CHINESE.with_unit("不低于5％", "%") == "不低于5％"
    assert ENGLISH.with_unit("5％", "%") == "5％"
    assert CHINESE.with_unit("5", "%") == "5%"

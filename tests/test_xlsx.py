"""The workbook, read back with openpyxl as a spreadsheet program would read it."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import datetime
from decimal import Decimal as D
from pathlib import Path

import pytest

from planaudit.core.results.plans import Report
from planaudit.render.registry import Format, Lang, RenderOptions, render_document
from planaudit.render.xlsx_format import sheet_name
from tests import sample
from tests.conftest import run
from tests.workbook import cell_values, load

HEADERS_ZH = ("板块", "指标", "单位", "目标", "目标（原文）", "完成", "完成率", "序时进度",
              "差距(百分点)", "状态", "约束性", "牵头单位", "来源")  # fmt: skip


def _workbook(tmp_path: Path, report: Report = sample.REPORT, **options: object) -> Path:
    path = tmp_path / "report.xlsx"
    path.write_bytes(render_document(Format.XLSX, report, RenderOptions(**options)))  # type: ignore[arg-type]
    return path


def test_the_sheets_summary_and_plan_table(tmp_path):
    sheets = dict(cell_values(_workbook(tmp_path)))
    assert list(sheets) == ["概览", "剩余时间需完成", "示例区2018年计划", "Town plan 2018"]
    summary = sheets["概览"]
    assert summary[:3] == [
        ("计划", "文件", "截至", "序时进度", "评估", "达到序时进度", "标记", "约束性标记",
         "完成率不符", "结论"),
        ("示例区2018年计划", "plans/示例.yaml", datetime(2018, 2, 28), 0.1667, 4, 2, 3, 1, 1,
         "1-2月未全部达到序时进度（累计指标4项中2项）；增速等指标1项中1项达到目标；"
         "节点任务1项未到期。标记3项（约束性1项）；报告完成率不符1项。"),
        ("Town plan 2018", "plans/town.yaml", datetime(2018, 12, 31), 1, 0, 0, 1, 0, 0,
         "Not every target met for the year; 0 of 1 cumulative target met. 1 flagged."),
    ]  # fmt: skip
    assert summary[4:] == [("滞后最多的指标", "滞后的计划数", *[None] * 8),
                           ("Roads resurfaced", 1, *[None] * 8),
                           ("新增改造绿地", 1, *[None] * 8)]  # fmt: skip
    plan = sheets["示例区2018年计划"]
    assert plan[0][0] == "示例区2018年计划"
    assert plan[1][0] == "截至 2018-02-28  序时进度 16.67% · plans/示例.yaml"
    assert plan[2][0] == (
        "1-2月未全部达到序时进度（累计指标4项中2项）；增速等指标1项中1项达到目标；"
        "节点任务1项未到期。标记3项（约束性1项）；报告完成率不符1项。"
    )
    assert plan[4] == HEADERS_ZH
    assert plan[5:] == [
        ("生态", "新增改造绿地", "公顷", 1000, None, 55, 0.055, 0.5, -44.5, "滞后 约束性指标",
         "是", None, None),
        ("民生", "城镇新增就业", "人", 568, None, 146, 0.257, 0.1667, 9.03, "正常 完成率不符",
         None, None, None),
        ("生态", "重污染天数", "天", 19, "不超过19天", 4, 0.2105, 0.1667, -4.38, "关注", None,
         None, None),
        ("经济", "地区生产总值增长", "%", 6.5, "6.5%左右", 6.6, None, None, 0.1,
         "正常", None, None, None),
        (None, "完成分区规划编制", None, None, "2018-12-31前", None, None, None, None,
         "待完成", None, None, None),
        ("生态", "拆除违法建设", "万平方米", None, None, 521.25, 0.9177, 0.1667, 75.1, "正常",
         None, None, None),
    ]  # fmt: skip


def test_numbers_are_numbers_with_formats_and_flagged_rows_stand_out(tmp_path):
    sheet = load(_workbook(tmp_path))["示例区2018年计划"]
    green, jobs, days = sheet[6], sheet[7], sheet[8]
    assert [cell.data_type for cell in (*green[3:4], *green[5:9])] == ["n"] * 5
    assert days[4].data_type == "s" and days[4].value == "不超过19天"
    assert (green[3].number_format, green[6].number_format, green[7].number_format,
            green[8].number_format) == ("#,##0", "0.00%", "0.00%", "+0.00;-0.00;0.00")  # fmt: skip
    assert green[5].data_type == "n" and green[6].value == 0.055
    fills = [row[1].fill.fgColor.rgb for row in (green, jobs, days, sheet[9])]
    assert fills == ["FFF9D5D3", "FFF9D5D3", "FFFFF0C2", "00000000"]  # behind, mismatch, watch
    assert green[1].font.b and not sheet[9][1].font.b


def test_a_data_bar_frozen_header_widths_and_print_setup(tmp_path):
    sheet = load(_workbook(tmp_path))["示例区2018年计划"]
    (rules,) = [rule for ranges in sheet.conditional_formatting for rule in ranges.rules]
    assert rules.type == "dataBar"
    assert [str(ranges.sqref) for ranges in sheet.conditional_formatting] == ["G6:G11"]
    assert sheet.freeze_panes == "C6"
    assert sheet.print_title_rows == "$5:$5"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) in ((1, 0), (None, 0))
    # 完成分区规划编制: 8 wide characters need 16 columns; the header 指标 alone 4.
    assert sheet.column_dimensions["B"].width >= 16
    assert sheet.column_dimensions["B"].width < 2 * 16


def test_the_forecast_sheet_follows_forecast(tmp_path):
    from planaudit.core.results.indicators import Forecast

    with_forecast = replace(sample.CHINESE_ROWS[0], forecast=Forecast(
        months_left=D(10), remaining=D(945), monthly_needed=D("94.5"),
        monthly_so_far=D("27.5"), monthly_needed_pct=D("9.45"),
        monthly_so_far_pct=D("2.75"), projection=D(330),
        projection_completion=D(33), days_ahead=-130, recovery=True))  # fmt: skip
    plan = replace(sample.CHINESE, indicators=(with_forecast,))
    report = Report((plan,), ())
    shown = dict(cell_values(_workbook(tmp_path, report, forecast=True)))["剩余时间需完成"]
    assert shown == [
        ("计划", "指标", "单位", "剩余", "今后月均/均值", "此前月均/均值", "期末预计", "领先(天)",
         "判断"),
        ("示例区2018年计划", "新增改造绿地", "公顷", 945, 94.5, 27.5, 330, -130,
         "需加快（需此前的3.4倍）"),
    ]  # fmt: skip
    hidden = dict(cell_values(_workbook(tmp_path, report)))["剩余时间需完成"]
    assert hidden == shown[:1]


HOSTILE = "=cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    "text", [HOSTILE, "+1+1", "-2", "@SUM(A1)", '=HYPERLINK("http://e")', "0123", "1e5"]
)
def test_plan_text_is_always_text(tmp_path, text):
    rows = tuple(replace(r, name=text, section=text, unit=text, owner=text, source=text)
                 for r in sample.CHINESE_ROWS)  # fmt: skip
    plan = replace(sample.CHINESE, plan=text, path=text, indicators=rows)
    book = load(_workbook(tmp_path, Report((plan,), ())))
    values = [
        cell for sheet in book for row in sheet.iter_rows() for cell in row if cell.value == text
    ]
    assert len(values) >= 1 + 1 + 5 * len(rows)  # title, summary, each row's five texts
    assert {cell.data_type for cell in values} == {"s"}
    assert not [cell for sheet in book for row in sheet.iter_rows() for cell in row
                if cell.data_type == "f"]  # fmt: skip


@pytest.mark.parametrize(
    ("titles", "names"),
    [
        (["a/b:c*d?e[f]g\\h|i"], ["a_b_c_d_e_f_g_h|i"]),
        (["x" * 40, "x" * 40, "X" * 40], ["x" * 31, "x" * 27 + " (2)", "X" * 27 + " (3)"]),
        (["'quoted'", "History", "history"], ["quoted", "History (2)", "history (3)"]),
        (["", "[]", "_"], ["_", "__", "_ (2)"]),
        (["概览"], ["概览 (2)"]),
    ],
)
def test_sheet_names_are_valid_and_unique(titles, names):
    taken = {"概览"}
    assert [sheet_name(title, taken) for title in titles] == names
    assert all(len(name) <= 31 for name in names)


def test_many_plans_with_one_title_get_their_own_sheets(tmp_path):
    plans = tuple(replace(sample.CHINESE, plan=HOSTILE) for _ in range(3))
    book = load(_workbook(tmp_path, Report(plans, ())))
    assert book.sheetnames == ["概览", "剩余时间需完成", "=cmd|' _C calc'!A0",
                               "=cmd|' _C calc'!A0 (2)", "=cmd|' _C calc'!A0 (3)"]  # fmt: skip
    links = [row[0].hyperlink.location for row in book["概览"].iter_rows(min_row=2, max_row=4)]
    assert links == [f"'{name.replace(chr(39), chr(39) * 2)}'!A1" for name in book.sheetnames[2:]]


def test_the_cli_writes_a_workbook_only_to_a_file(tmp_path, cli_env):
    refused = run("check", "plans/chaoyang-2018.yaml", "--format", "xlsx")
    assert refused.exit_code == 2 and refused.stdout == ""
    assert "xlsx is a binary file, not for a terminal: give --output FILE" in refused.stderr
    target = tmp_path / "audit.xlsx"
    done = run("check", "plans/", "--format", "xlsx", "--output", str(target))
    assert (done.exit_code, done.stdout, done.stderr) == (1, "", "")
    assert target.read_bytes()[:2] == b"PK"
    assert load(target).sheetnames[2:] == ["朝阳区2018年国民经济和社会发展计划",
                                           "Riverside County Capital Progra"]  # fmt: skip


def test_without_xlsxwriter_a_usage_error_says_how_to_install_it(tmp_path, cli_env, monkeypatch):
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)  # as if not installed
    monkeypatch.delitem(sys.modules, "planaudit.render.xlsx_format", raising=False)
    target = tmp_path / "audit.xlsx"
    result = run("check", "plans/", "--format", "xlsx", "--output", str(target))
    assert (result.exit_code, result.stdout) == (2, "")
    assert "xlsx needs XlsxWriter, which is not installed: pip install 'planaudit[xlsx]'" in (
        result.stderr
    )
    assert not target.exists()
    monkeypatch.setenv("PLANAUDIT_LANG", "zh")
    result = run("check", "plans/", "--output", str(target))  # the format from the extension
    assert (result.exit_code, result.stdout) == (2, "")
    assert "xlsx 格式需要 XlsxWriter，尚未安装：pip install 'planaudit[xlsx]'" in result.stderr
    assert not target.exists()


def test_a_cap_over_its_limit_in_every_layout(tmp_path):
    """A missed cap is over the cap (超出上限), its bar runs past its frame, the forecast's
    headers fit a cap and a mean as well as a target; the workbook's numeric columns hold
    numbers or nothing."""
    from datetime import date

    from planaudit.render.registry import Format, render
    from tests.conftest import audit, plan_of

    plan = plan_of(
        {"name": "重污染天数", "unit": "天", "direction": "lower", "target": 19, "actual": 25},
        {"name": "PM2.5", "kind": "level", "unit": "微克/立方米", "target": "58以下",
         "actual": 57, "mean": "annual"},
        {"name": "完成拆迁", "kind": "milestone", "due": "2018-05-31", "done": True},
        {"name": "Road", "kind": "level", "unit": "km", "target": 120, "actual": 100},
    )  # fmt: skip
    report = Report((audit(plan, date(2018, 6, 30)),), ())
    markdown = render(Format.MARKDOWN, report, RenderOptions(forecast=True))
    assert (
        "| **重污染天数** | 19天 | 25天 | 131.58% | 50.00% | -81.58个百分点 | `█████│█████▶` "
        "| **❌ 超出上限** |"
    ) in markdown
    assert (
        "| 指标 | 剩余 | 今后月均/均值 | 此前月均/均值 | 期末预计 | 领先(天) | 判断 |" in markdown
    )
    english = render(Format.MARKDOWN, report, RenderOptions(forecast=True, lang=Lang.EN))
    assert "`█████│█████▶` | **❌ over the cap** |" in english
    assert "| Ahead: a month / mean | So far: a month / mean |" in english
    table = render(Format.TABLE, report, RenderOptions(width=120))
    assert "│ █████│█████▶ │ ✗ 超出上限│" in table
    sheets = dict(cell_values(_workbook(tmp_path, report, forecast=True)))
    assert sheets["剩余时间需完成"][1:] == [
        ("测试计划", "重污染天数", "天", -6, None, 4.17, None, None, "已超上限"),
        ("测试计划", "PM2.5", "微克/立方米", None, 58.98, 57, None, None, None),
    ]
    assert [row[5:10] for row in sheets["测试计划"][5:]] == [
        (25, 1.3158, 0.5, -81.58, "超出上限"),
        (57, None, None, 1, "正常"),
        (None, None, None, None, "已完成"),  # done or not: the status says, not the actual
        (100, None, None, -20, "滞后"),  # a gap in km: a number; the unit column says km
    ]

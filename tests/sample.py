"""A hand-built report for the renderer tests: every kind of row a renderer must show."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from planaudit.core.errors import Problem
from planaudit.core.pace import Period
from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.results.plans import PlanReport, Report, Summary
from planaudit.core.terms import Direction, Kind, Status


def _result(**fields: object) -> IndicatorResult:
    base: dict[str, object] = {
        "section": None, "owner": None, "unit": None, "kind": Kind.CUMULATIVE,
        "direction": Direction.HIGHER, "binding": False,
    }  # fmt: skip
    base.update(fields)
    return IndicatorResult(**base)  # type: ignore[arg-type]


CHINESE_ROWS = (
    _result(id="green", name="新增改造绿地", section="生态", unit="公顷", binding=True, line=7,
            status=Status.BEHIND, target=D(1000), target_text="1000", actual=D(55),
            actual_text="55", completion=D("5.50"), expected=D("50.00"), gap=D("-44.50")),
    _result(id="jobs", name="城镇新增就业", section="民生", unit="人", line=13,
            status=Status.ON_TRACK, target=D(568), target_text="568", actual=D(146),
            actual_text="146", completion=D("25.70"), expected=D("16.67"), gap=D("9.03"),
            stated=D("21.85"), stated_text="21.85%", stated_consistent=False),
    _result(id="days", name="重污染天数", section="生态", unit="天", direction=Direction.LOWER,
            line=20,
            status=Status.WATCH, target=D(19), target_text="不超过19", actual=D(4),
            actual_text="4", completion=D("21.05"), expected=D("16.67"), gap=D("-4.38")),
    _result(id="gdp", name="地区生产总值增长", section="经济", unit="%", kind=Kind.LEVEL, line=26,
            status=Status.ON_TRACK, target=D("6.5"), target_text="6.5%左右", actual=D("6.6"),
            actual_text="6.6%", margin=D("0.1")),
    _result(id="plan", name="完成分区规划编制", kind=Kind.MILESTONE, line=31, status=Status.PENDING,
            due=date(2018, 12, 31), done=False),
    _result(id="demolition", name="拆除违法建设", section="生态", unit="万平方米", line=36,
            status=Status.ON_TRACK, actual=D("521.25"), actual_text="521.25",
            completion=D("91.77"), expected=D("16.67"), gap=D("75.10"), stated=D("91.77"),
            stated_text="91.77%"),
)  # fmt: skip

ENGLISH_ROWS = (
    _result(id="roads", name="Roads resurfaced", section="Infrastructure", unit="km", line=9,
            status=Status.MISSED, target=D(120), target_text="120", actual=D(51),
            actual_text="51", completion=D("42.50"), expected=D("100.00"), gap=D("-57.50")),
)  # fmt: skip


def _plan(path: str, title: str, as_of: date, elapsed: str, rows: tuple[IndicatorResult, ...],
          chinese: bool) -> PlanReport:  # fmt: skip
    return PlanReport(
        path=path,
        plan=title,
        as_of=as_of,
        period=Period.calendar_year(2018),
        elapsed=D(elapsed),
        tolerance=D(5),
        chinese=chinese,
        indicators=rows,
        summary=Summary.of(rows),
    )


CHINESE = _plan(
    "plans/示例.yaml", "示例区2018年计划", date(2018, 2, 28), "16.67", CHINESE_ROWS, True
)
ENGLISH = _plan("plans/town.yaml", "Town plan 2018", date(2018, 12, 31), "100.00", ENGLISH_ROWS,
                False)  # fmt: skip
REPORT = Report(
    (CHINESE, ENGLISH),
    (Problem("plans/bad.yaml", 3, 5, "unknown key 'tagret'; did you mean 'target'?"),),
)

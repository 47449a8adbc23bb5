"""What the rest of the period must deliver (docs/plan-format.md), one row per case."""

from __future__ import annotations

import os
from datetime import date, timedelta
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planaudit.core.pace import Period
from planaudit.core.results.plans import Report
from planaudit.core.terms import Status
from planaudit.render.registry import Format, RenderOptions, render
from planaudit.render.words import CHINESE, ENGLISH
from tests.conftest import audit, judge, plan_of

JUNE_30 = date(2018, 6, 30)


def test_a_lagging_cumulative_indicator():
    forecast = judge(target=1000, actual=55, unit="公顷").forecast
    assert forecast is not None
    assert (forecast.remaining, forecast.months_left) == (D(945), D("6.00"))
    assert (forecast.monthly_needed, forecast.monthly_so_far) == (D("157.50"), D("9.17"))
    assert (forecast.projection, forecast.projection_completion) == (D("110.00"), D("11.00"))
    assert (forecast.days_ahead, forecast.recovery) == (-160, True)  # 5.50 % stood on Jan 21


@pytest.mark.parametrize(
    ("indicator", "days_ahead", "recovery"),
    [
        ({"stated": "91.77%"}, 154, False),  # the pace reaches 91.77 % on December 1
        ({"target": 100, "actual": 50}, 0, False),
        ({"target": 100, "actual": 0}, -181, True),
        ({"target": 100, "actual": 100}, 184, False),
        # 25 % is where the pace stood on March 31, 91 days before; 12.5 a month needed > 2 × 4.17
        ({"target": 100, "actual": 25}, -91, True),
    ],
)
def test_days_ahead_and_recovery(indicator, days_ahead, recovery):
    forecast = judge(**indicator).forecast
    assert forecast is not None
    assert (forecast.days_ahead, forecast.recovery) == (days_ahead, recovery)


def test_the_recovery_factor_is_configurable():
    plan = plan_of({"name": "a", "target": 100, "actual": 25})
    loose = audit(plan, JUNE_30).indicators[0].forecast
    assert loose is not None and loose.recovery is True  # 12.5 a month needed, 4.17 so far
    from planaudit.core.audit import audit_plan

    strict = audit_plan(plan, "p.yaml", [1], JUNE_30, None, D(4)).indicators[0].forecast
    assert strict is not None and strict.recovery is False


def test_a_cap_shows_what_is_still_allowed():
    forecast = judge(target=19, actual=12, direction="lower").forecast
    assert forecast is not None
    assert (forecast.remaining, forecast.monthly_needed, forecast.monthly_so_far) == (
        D(7), D("1.17"), D("2.00")
    )  # fmt: skip
    assert (forecast.projection_completion, forecast.days_ahead, forecast.recovery) == (
        D("126.32"), None, None
    )  # fmt: skip


def test_an_annual_mean():
    result = judge(kind="level", target="58以下", actual=57, mean="annual")
    assert result.status is Status.ON_TRACK
    assert result.forecast is not None and result.forecast.allowed_mean == D("58.98")


def test_an_annual_mean_that_can_no_longer_be_met_is_missed():
    result = judge(date(2018, 11, 30), kind="level", target="35以下", actual=70, mean="annual")
    assert result.status is Status.MISSED
    assert result.forecast is not None and result.forecast.allowed_mean == D("-342.10")


def test_no_forecast_once_the_period_ends_or_without_figures():
    assert judge(date(2018, 12, 31), target=100, actual=50).forecast is None
    assert judge(target=100).forecast is None
    assert judge(kind="milestone").forecast is None
    assert judge(target=100, actual=20, annual_only=True).forecast is None


def test_sentences():
    lagging = judge(target=1000, actual=55, unit="公顷")
    assert CHINESE.forecast_sentence(lagging) == (
        "下半年需月均完成157.5公顷，上半年月均9.17公顷；按此进度期末110公顷（11.00%）；"
        "落后序时进度160天。需加快（需此前的17.1倍）。"
    )
    assert ENGLISH.forecast_sentence(judge(stated="91.77%")) == (
        "The 6 months left need 1.37% of the target a month, against 15.30% so far; "
        "154 days ahead of the pace."
    )


def test_the_forecast_table_and_markdown():
    plan = plan_of(
        {"name": "新增改造绿地", "unit": "公顷", "target": 1000, "actual": 55},
        {"name": "PM2.5", "kind": "level", "unit": "微克/立方米", "target": "58以下",
         "actual": 57, "mean": "annual"},
    )  # fmt: skip
    report = Report((audit(plan, JUNE_30),), ())
    golden = Path(__file__).parent / "golden" / "render"
    for format, name in ((Format.TABLE, "forecast.txt"), (Format.MARKDOWN, "forecast.md")):
        text = render(format, report, RenderOptions(width=120, forecast=True))
        if os.environ.get("PLANAUDIT_UPDATE_GOLDEN"):
            (golden / name).write_text(text, encoding="utf-8")
        assert text == (golden / name).read_text(encoding="utf-8")
    assert "剩余时间需完成" not in render(Format.TABLE, report, RenderOptions(width=120))


MONTHLY = tuple(D(v) for v in (8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 88, 100))


FLAT = (D(0), D(0), D(0), D(25), D(25), D(25), D(50), D(50), D(75), D(75), D(100), D(100))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """Periods of a few days to three years, anywhere in the calendar, its edges included."""
    start = draw(
        st.one_of(
            st.dates(min_value=date(1, 1, 1), max_value=date(9996, 12, 31)),
            st.sampled_from([date(1, 1, 1), date(2018, 1, 31), date(2020, 2, 29)]),
        )
    )
    end = draw(
        st.one_of(
            st.dates(min_value=start + timedelta(days=1), max_value=start + timedelta(days=1100)),
            st.just(date(9999, 12, 31)).filter(lambda _: start.year == 9999 - 2),
        )
    )
    return Period(start, end)


@given(
    st.decimals(min_value=D("0.01"), max_value=D("99.99"), places=2),
    st.sampled_from([None, (D(10), D(30), D(60), D(100)), MONTHLY, FLAT]),
    periods(),
    st.floats(min_value=0, max_value=1),
)
def test_days_ahead_is_the_first_day_the_expected_path_reaches(completion, schedule, period, at):
    """Days ahead found by arithmetic, against a walk along the rounded path from the first
    day (the old per-day table), on periods of any length and place in the calendar."""
    from planaudit.core.forecast import _days_ahead
    from planaudit.core.pace import elapsed, scheduled
    from planaudit.core.results.indicators import round2

    span = (period.end - period.start).days
    as_of = period.start + timedelta(days=int(span * at))
    day = period.start
    while True:
        pace = elapsed(period, day)
        if round2(scheduled(schedule, pace) if schedule else pace) >= completion:
            break
        day += timedelta(days=1)
    assert _days_ahead(period, as_of, completion, schedule) == (day - as_of).days


def test_a_target_met_owes_nothing_and_is_projected_no_further():
    """The issue's case: 18 villages of 18 by July 31 were projected as 30.86个（171.43%）."""
    villages = judge(target=18, actual=18, unit="个", as_of=date(2018, 7, 31))
    forecast = villages.forecast
    assert forecast is not None
    assert (forecast.remaining, forecast.monthly_needed, forecast.monthly_needed_pct) == (
        D(0),
        D("0.00"),
        D("0.00"),
    )
    assert (forecast.projection, forecast.projection_completion, forecast.recovery) == (
        None, None, False
    )  # fmt: skip
    assert CHINESE.forecast_cells(villages) == ("", "", "2.57个", "", "+153", "已完成")
    assert ENGLISH.forecast_cells(villages)[-1] == "met"
    assert CHINESE.forecast_sentence(villages) == "已完成年度目标（100.00%）。"
    jobs = judge(target=2500, actual=5693, unit="人", as_of=date(2018, 5, 31))
    assert CHINESE.forecast_sentence(jobs) == "已完成年度目标（227.72%）。"  # not 需月均完成0人
    assert ENGLISH.forecast_sentence(jobs) == "Target met (227.72%)."


def test_whole_things_are_projected_whole_and_beyond_the_target_says_so():
    villages = judge(target=14, actual=12, unit="个", as_of=date(2018, 5, 31))
    forecast = villages.forecast
    assert forecast is not None
    assert (forecast.projection, forecast.projection_completion) == (D(28), D("205.71"))  # 28.8
    assert CHINESE.forecast_cells(villages)[3] == "28个（205.71%，超额）"
    assert ENGLISH.forecast_cells(villages)[3] == "28 个 (205.71%, beyond the target)"
    area = judge(target="134", actual="39.5", unit="万平方米", as_of=date(2018, 5, 31)).forecast
    assert area is not None and area.projection == D("94.80")  # not whole: as computed


def test_a_cap_shows_its_allowance_only():
    days = judge(target=19, actual=8, unit="天", direction="lower")
    assert CHINESE.forecast_cells(days) == ("11天", "1.83天", "1.33天", "", "", "")
    assert CHINESE.forecast_sentence(days) == "下半年可用月均1.83天，上半年月均1.33天。"
    assert ENGLISH.forecast_sentence(days) == (
        "The 6 months left may use 1.83 天 a month, against 1.33 天 so far."
    )
    tight = judge(target=19, actual=12, unit="天", direction="lower")  # 24 a year at this pace
    assert CHINESE.forecast_cells(tight) == ("7天", "1.17天", "2天", "", "", "按此进度将超上限")
    assert CHINESE.forecast_sentence(tight) == (
        "下半年可用月均1.17天，上半年月均2天。按此进度将超上限。"
    )
    over = judge(target=19, actual=25, unit="天", direction="lower")
    assert over.status is Status.MISSED
    assert CHINESE.forecast_cells(over) == ("超出6天", "", "4.17天", "", "", "已超上限")
    assert CHINESE.forecast_sentence(over) == "已超出年度控制量6天。"
    assert ENGLISH.forecast_sentence(over) == "Over the cap by 6 天."


@pytest.mark.parametrize(
    ("period", "as_of"),
    [
        (Period(date(1, 1, 1), date(1, 12, 31)), date(1, 6, 30)),
        (Period(date(9999, 1, 1), date(9999, 12, 31)), date(9999, 6, 30)),
        (Period(date(2, 1, 1), date(9998, 12, 31)), date(500, 6, 30)),
    ],
)
def test_the_calendar_edges_and_long_periods(period, as_of):
    """No date past the calendar's ends is made, and a long period costs no more than a year."""
    from planaudit.core.forecast import _days_ahead

    assert _days_ahead(period, as_of, D(0), None) == (period.start - as_of).days - 1
    assert _days_ahead(period, as_of, D(100), None) == (period.end - as_of).days
    half = _days_ahead(period, as_of, D(50), MONTHLY)
    assert 0 < half + (as_of - period.start).days <= (period.end - period.start).days


def test_the_projected_share_comes_from_the_unrounded_projection():
    """The field trial's case: 61亿元 of 152 by July 31 projects 104.571…亿元, 68.80 % of the
    target — not 104亿元 (68.42 %), the share of a projection cut to a whole number."""
    investment = judge(target=152, actual=61, unit="亿元", as_of=date(2018, 7, 31))
    forecast = investment.forecast
    assert forecast is not None
    assert (forecast.projection, forecast.projection_completion) == (D("104.57"), D("68.80"))
    assert CHINESE.forecast_cells(investment)[3] == "104.57亿元（68.80%）"
    assert ENGLISH.forecast_cells(investment)[3] == "104.57 亿元 (68.80%)"
    markdown = render(Format.MARKDOWN, Report((audit(plan_of(
        {"name": "投资", "target": 152, "actual": 61, "unit": "亿元"}), date(2018, 7, 31)),), ()),
        RenderOptions(forecast=True))  # fmt: skip
    assert "| 投资 | 91亿元 | 18.2亿元 | 8.71亿元 | 104.57亿元（68.80%） | -66 |" in markdown


@pytest.mark.parametrize(
    ("unit", "projection", "share"),
    [
        ("个", D(28), D("205.71")),  # 28.8 villages: whole, the share of 28.8
        ("家", D(28), D("205.71")),
        ("万人", D("28.80"), D("205.71")),  # a magnitude of people is not counted one by one
        ("公里", D("28.80"), D("205.71")),
        (None, D("28.80"), D("205.71")),
    ],
)
def test_only_countable_units_are_projected_whole(unit, projection, share):
    villages = judge(target=14, actual=12, unit=unit, as_of=date(2018, 5, 31)).forecast
    assert villages is not None
    assert (villages.projection, villages.projection_completion) == (projection, share)


def test_the_projection_follows_the_schedule():
    """A schedule that expects 20 % by March 31: 30 done is on course for 150, whatever the
    calendar's 25 % says (which would project 120)."""
    roads = judge(target=200, actual=30, unit="公里", schedule=[20, 45, 70, 100],
                  as_of=date(2018, 3, 31)).forecast  # fmt: skip
    assert roads is not None
    assert (roads.projection, roads.projection_completion) == (D("150.00"), D("75.00"))
    monthly = judge(target=120, actual=25, unit="个", as_of=date(2018, 6, 30),
                    schedule=[5, 10, 15, 20, 30, 40, 50, 60, 70, 80, 90, 100]).forecast  # fmt: skip
    assert monthly is not None  # 40 % expected by June: 62.5 villages, 62 counted whole
    assert (monthly.projection, monthly.projection_completion) == (D(62), D("52.08"))

"""The rules of CONTRACT §2, one row per case."""

from datetime import date
from decimal import Decimal

import pytest

from planaudit.core.model import Plan
from planaudit.core.pace import Period
from planaudit.core.terms import FailOn, Status
from tests.conftest import audit, judge, plan_of

JUNE_30 = date(2018, 6, 30)
YEAR_END = date(2018, 12, 31)


@pytest.mark.parametrize(
    ("indicator", "as_of", "status", "completion", "expected", "gap"),
    [
        # cumulative, higher is better
        ({"target": 1000, "actual": 55}, JUNE_30, Status.BEHIND, "5.50", "50.00", "-44.50"),
        ({"target": 100, "actual": 50}, JUNE_30, Status.ON_TRACK, "50.00", "50.00", "0.00"),
        ({"target": 1000, "actual": 496}, JUNE_30, Status.BEHIND, "49.60", "50.00", "-0.40"),
        ({"target": 2000, "actual": 2000}, JUNE_30, Status.MET, "100.00", "50.00", "50.00"),
        ({"target": 100, "actual": 90}, YEAR_END, Status.MISSED, "90.00", "100.00", "-10.00"),
        ({"target": 100, "actual": 100}, YEAR_END, Status.MET, "100.00", "100.00", "0.00"),
        # 16.675 % rounds half up to 16.68 ≥ 16.67: on pace; 16.66 is not
        (
            {"target": 1000, "actual": "166.75"},
            date(2018, 2, 28),
            Status.ON_TRACK,
            "16.68",
            "16.67",
            "0.01",
        ),
        (
            {"target": 1000, "actual": "166.6"},
            date(2018, 2, 28),
            Status.BEHIND,
            "16.66",
            "16.67",
            "-0.01",
        ),
        # cumulative, a cap
        (
            {"target": 19, "actual": 9, "direction": "lower"},
            JUNE_30,
            Status.ON_TRACK,
            "47.37",
            "50.00",
            "2.63",
        ),
        (
            {"target": 19, "actual": 12, "direction": "lower"},
            JUNE_30,
            Status.BEHIND,
            "63.16",
            "50.00",
            "-13.16",
        ),
        (
            {"target": 19, "actual": 20, "direction": "lower"},
            JUNE_30,
            Status.MISSED,
            "105.26",
            "50.00",
            "-55.26",
        ),
        ({"target": "不超过19", "actual": 18}, YEAR_END, Status.MET, "94.74", "100.00", "5.26"),
        # only a stated rate
        (
            {"stated": "91.77%", "actual": "521.25"},
            JUNE_30,
            Status.ON_TRACK,
            "91.77",
            "50.00",
            "41.77",
        ),
        ({"stated": 41.8}, JUNE_30, Status.BEHIND, "41.80", "50.00", "-8.20"),
        # a back-loaded schedule: 40 % expected at the end of Q2
        (
            {"target": 120, "actual": 51, "schedule": [15, 40, 75, 100]},
            JUNE_30,
            Status.ON_TRACK,
            "42.50",
            "40.00",
            "2.50",
        ),
        (
            {"target": 120, "actual": 45, "schedule": [15, 40, 75, 100]},
            JUNE_30,
            Status.BEHIND,
            "37.50",
            "40.00",
            "-2.50",
        ),
        # the figure that counts is the latest report on or before as_of
        (
            {"target": 100, "actual": {"2018-03-31": 20, "2018-06-30": 55, "2018-09-30": 80}},
            JUNE_30,
            Status.ON_TRACK,
            "55.00",
            "50.00",
            "5.00",
        ),
        (
            {"target": 100, "actual": {"2018-03-31": 20, "2018-06-30": 55}},
            date(2018, 5, 31),
            Status.BEHIND,
            "20.00",
            "41.67",
            "-21.67",
        ),
    ],
)
def test_cumulative(indicator, as_of, status, completion, expected, gap):
    result = judge(as_of, **indicator)
    assert result.status is status
    assert (result.completion, result.expected, result.gap) == (
        Decimal(completion),
        Decimal(expected),
        Decimal(gap),
    )


@pytest.mark.parametrize(
    ("tolerance", "actual", "status"),
    [("2", "48", Status.WATCH), ("2", "47.99", Status.BEHIND), ("0", "49.99", Status.BEHIND)],
)
def test_tolerance_turns_a_small_lag_into_watch(tolerance, actual, status):
    assert judge(tolerance=tolerance, target=100, actual=actual).status is status


def test_tolerance_for_a_cap():
    assert judge(tolerance="3", target=100, actual=52, direction="lower").status is Status.WATCH


def test_the_plan_tolerance_counts_unless_overridden():
    plan = plan_of({"name": "a", "target": 100, "actual": 48}, tolerance=5)
    assert audit(plan, JUNE_30).indicators[0].status is Status.WATCH
    assert audit(plan, JUNE_30, Decimal(0)).indicators[0].status is Status.BEHIND


@pytest.mark.parametrize(
    ("indicator", "as_of", "status", "margin"),
    [
        ({"target": "确保低于58", "actual": 57}, JUNE_30, Status.ON_TRACK, "1"),
        ({"target": "58以下", "actual": 58}, JUNE_30, Status.ON_TRACK, "0"),
        ({"target": "58以下", "actual": 60}, JUNE_30, Status.BEHIND, "-2"),
        ({"target": "58以下", "actual": 60}, YEAR_END, Status.MISSED, "-2"),
        ({"target": "58以下", "actual": 57}, YEAR_END, Status.MET, "1"),
        # 左右: a zone of 10 % of the target by default…
        ({"target": "6.5%左右", "actual": "6.0%"}, JUNE_30, Status.WATCH, "-0.5"),
        ({"target": "6.5%左右", "actual": "5.85%"}, JUNE_30, Status.WATCH, "-0.65"),
        ({"target": "6.5%左右", "actual": "5.8%"}, JUNE_30, Status.BEHIND, "-0.7"),
        ({"target": "6.5%左右", "actual": "6.8%"}, JUNE_30, Status.ON_TRACK, "0.3"),
        # …or an explicit band
        ({"target": "6.5%左右", "actual": "6.0%", "band": 0.3}, JUNE_30, Status.BEHIND, "-0.5"),
        (
            {"target": "3%", "actual": "3.2%", "band": 0.5, "direction": "lower"},
            JUNE_30,
            Status.WATCH,
            "-0.2",
        ),
        # without 左右 or a band, the wrong side is behind
        ({"target": "1.5%以内", "actual": "1.6%"}, JUNE_30, Status.BEHIND, "-0.1"),
    ],
)
def test_level(indicator, as_of, status, margin):
    result = judge(as_of, kind="level", **indicator)
    assert result.status is status
    assert result.margin == Decimal(margin)
    assert (result.completion, result.expected, result.gap) == (None, None, None)


@pytest.mark.parametrize(
    ("indicator", "as_of", "status"),
    [
        ({"done": True}, JUNE_30, Status.MET),
        ({"done": False, "due": "2018-08-31"}, JUNE_30, Status.PENDING),
        ({"done": False, "due": "2018-08-31"}, date(2018, 8, 31), Status.PENDING),
        ({"done": False, "due": "2018-08-31"}, date(2018, 9, 1), Status.MISSED),
        ({"done": "2018-05-20", "due": "2018-08-31"}, JUNE_30, Status.MET),
        ({"done": "2018-07-20", "due": "2018-08-31"}, JUNE_30, Status.PENDING),
        ({}, JUNE_30, Status.PENDING),
        ({}, YEAR_END, Status.PENDING),
        ({}, date(2019, 1, 1), Status.MISSED),
    ],
)
def test_milestone(indicator, as_of, status):
    assert judge(as_of, kind="milestone", **indicator).status is status


def test_the_default_due_date_is_the_period_end():
    assert judge(kind="milestone").due == YEAR_END


@pytest.mark.parametrize(
    ("indicator", "status"),
    [
        ({"actual": "6.5%", "kind": "level"}, Status.NO_TARGET),
        ({"actual": 55}, Status.NO_TARGET),
        ({"target": 100}, Status.NO_DATA),
        ({"target": "6.5%", "kind": "level"}, Status.NO_DATA),
        ({"target": 100, "actual": {"2018-09-30": 80}}, Status.NO_DATA),
        ({"target": 100, "actual": 20, "annual_only": True}, Status.ANNUAL_ONLY),
        (
            {"target": "-3%", "actual": "-2.99%", "kind": "level", "annual_only": True},
            Status.ANNUAL_ONLY,
        ),
    ],
)
def test_not_judged(indicator, status):
    result = judge(**indicator)
    assert result.status is status
    assert not result.flagged


def test_annual_only_is_judged_once_the_period_ends():
    assert judge(YEAR_END, target=100, actual=100, annual_only=True).status is Status.MET


@pytest.mark.parametrize(
    ("stated", "actual", "consistent"),
    [
        # 0 decimals: ±0.5 + 0.05
        (92, "521.25", True),  # computed 91.77
        (91, "521.25", False),
        # 1 decimal: ±0.05 + 0.05
        ("91.8%", "521.25", True),
        ("91.6%", "521.25", False),
        # 2 decimals: ±0.005 + 0.05
        ("91.77%", "521.25", True),
        ("91.82", "521.25", True),
        ("91.83", "521.25", False),
        (Decimal("91.70"), "521.25", False),  # written 91.70: two decimals, off by 0.07
        # a real bulletin printed 21.85 % where its own figures give 25.70 %
        ("21.85%", "146", False),
    ],
)
def test_stated_rates_are_cross_checked(stated, actual, consistent):
    target = 568
    result = judge(stated=stated, actual=actual, target=target)
    assert result.stated_consistent is consistent
    assert result.flagged is (not consistent)


def test_an_inconsistent_rate_is_flagged_whatever_the_status():
    result = judge(stated="60%", target=100, actual=55)
    assert result.status is Status.ON_TRACK
    assert result.flagged and result.fails(FailOn.BEHIND)


def test_binding_and_flagged_is_serious():
    assert judge(target=100, actual=10, binding=True).serious
    assert not judge(target=100, actual=90, binding=True).serious
    assert not judge(target=100, actual=10).serious


def test_verdict_counts_assessed_cumulative_indicators():
    plan = plan_of(
        {"name": "a", "target": 100, "actual": 60},
        {"name": "b", "target": 100, "actual": 100},
        {"name": "c", "target": 100, "actual": 10},
        {"name": "d", "target": 100},
        {"name": "e", "kind": "level", "target": "6.5%", "actual": "5%"},
        {"name": "f", "kind": "milestone", "due": "2018-05-31"},
    )
    summary = audit(plan, JUNE_30).summary
    assert (summary.indicators, summary.assessed, summary.on_pace, summary.flagged) == (6, 3, 2, 3)
    assert summary.by_status == {"on_track": 1, "met": 1, "behind": 2, "no_data": 1, "missed": 1}
    assert not summary.verdict


@pytest.mark.parametrize(
    ("statuses", "level", "fails"),
    [
        ({"actual": 48, "tolerance": "5"}, FailOn.BEHIND, False),
        ({"actual": 48, "tolerance": "5"}, FailOn.WATCH, True),
        ({"actual": 10}, FailOn.BEHIND, True),
        ({"actual": 10}, FailOn.NEVER, False),
        ({"actual": 60}, FailOn.WATCH, False),
    ],
)
def test_fail_on_levels(statuses, level, fails):
    assert judge(target=100, **statuses).fails(level) is fails


def test_fiscal_year_period():
    plan = plan_of(
        {"name": "a", "target": 100, "actual": 50},
        period={"start": "2018-04-01", "end": "2019-03-31"},
    )
    report = audit(plan, date(2018, 9, 30))
    assert report.elapsed == Decimal("50.00")
    assert report.indicators[0].status is Status.ON_TRACK


def test_as_of_before_the_period_is_refused():
    with pytest.raises(ValueError, match="before the plan period"):
        audit(plan_of({"name": "a"}), date(2017, 6, 30))


def test_units_default_to_percent_for_percent_targets():
    assert judge(kind="level", target="6.5%", actual="6.6%").unit == "%"
    assert judge(kind="level", target="6.5%", actual="6.6%", unit="个百分点").unit == "个百分点"


def _parts_plan(total_target: object, first_target: object) -> Plan:
    return plan_of(
        {"name": "保障性住房", "id": "all", "target": total_target, "actual": 8807,
         "parts": ["rent", "sale"], "unit": "套"},
        {"name": "公租房", "id": "rent", "target": first_target, "actual": 5000, "unit": "套"},
        {"name": "共有产权房", "id": "sale", "target": 5000, "actual": 3807, "unit": "套"},
    )  # fmt: skip


@pytest.mark.parametrize(
    ("total", "first", "consistent", "target_sum"),
    [
        ("1.1万", 6000, True, "11000"),
        ("1.1万", 6500, True, "11500"),  # 1.1万 is printed to the 1,000: ±500 (+ 0.5 + 0.5)
        ("1.1万", 6600, False, "11600"),
        (11000, 6001, True, "11001"),  # printed to the unit: three half-units, ±1.5
        (11000, 6002, False, "11002"),
    ],
)
def test_parts_add_up_within_the_rounding_of_the_printed_figures(total, first, consistent,
                                                                  target_sum):  # fmt: skip
    result = audit(_parts_plan(total, first), JUNE_30).indicators[0]
    assert (result.parts_target, result.parts_actual) == (Decimal(target_sum), Decimal(8807))
    assert result.parts_consistent is consistent
    assert result.flagged is (not consistent)
    assert result.fails(FailOn.BEHIND) is (not consistent)


def test_parts_sentences():
    from planaudit.render.words import CHINESE, ENGLISH

    result = audit(_parts_plan("1.1万", 6600), JUNE_30).indicators[0]
    assert (
        CHINESE.finding(result)
        == "分项目标合计11600套（本项1.1万套）、完成合计8807套（本项8807套），合计与总数不符。"
    )
    assert ENGLISH.finding(result) == (
        "The parts add up to target 11600 套 (the total says 1.1万 套), "
        "actual 8807 套 (the total says 8807 套)."
    )


def test_parts_must_name_other_indicators():
    from pydantic import ValidationError

    from planaudit.core.consistency import consistency_problems

    plan = plan_of({"name": "a", "id": "a", "target": 5, "parts": ["a", "zz"]})
    assert [(loc, str(said)) for loc, said in consistency_problems(plan)] == [
        (("indicators", 0, "parts", 0), "an indicator cannot be a part of itself ('a')"),
        (("indicators", 0, "parts", 1), "no indicator here has the id 'zz'"),
    ]
    with pytest.raises(ValidationError, match="a milestone has no parts"):
        plan_of({"name": "m", "kind": "milestone", "parts": ["x"]})


FEB_28 = date(2018, 2, 28)


@pytest.mark.parametrize(
    ("indicator", "as_of", "distance", "consistent"),
    [
        # 128.5 of 1000 at Feb 28: completion 12.85, pace 16.67, distance −3.82 points
        ({"stated_gap": "落后序时进度3.82个百分点"}, FEB_28, "-3.82", True),
        ({"stated_gap": "落后3.8个百分点"}, FEB_28, "-3.82", True),  # 0.02 ≤ 0.05 + 0.05
        ({"stated_gap": "落后3.7个百分点"}, FEB_28, "-3.82", False),  # 0.12 > 0.10
        ({"stated_gap": "超3.82个百分点"}, FEB_28, "-3.82", False),
        ({"stated_gap": -4}, FEB_28, "-3.82", True),  # 0.18 ≤ 0.5 + 0.05
        ({"stated_gap": "-3.9"}, FEB_28, "-3.82", True),  # 0.08 ≤ 0.05 + 0.05
        ({"stated_gap": "-3.95"}, FEB_28, "-3.82", False),  # 0.13 > 0.005 + 0.05
        ({"stated_gap": "低于"}, FEB_28, "-3.82", True),
        ({"stated_gap": "高于"}, FEB_28, "-3.82", False),
        ({"stated_gap": "持平"}, FEB_28, "-3.82", False),
        # 500 of 1000 at June 30: completion 50.00 = pace 50.00
        ({"actual": 500, "stated_gap": "持平"}, JUNE_30, "0.00", True),
        ({"actual": 500, "stated_gap": "低于"}, JUNE_30, "0.00", False),
        # dated: the report of June 30 counts at June 30 (completion 12.85, pace 50)
        (
            {"stated_gap": {"2018-02-28": "落后3.82个百分点", "2018-06-30": -37.15}},
            JUNE_30,
            "-37.15",
            True,
        ),
        ({"stated_gap": {"2018-06-30": -37.15}}, FEB_28, "-3.82", None),
    ],
)
def test_stated_gaps_of_cumulative_indicators(indicator, as_of, distance, consistent):
    result = judge(as_of=as_of, **{"target": 1000, "actual": "128.5", **indicator})
    assert result.distance == Decimal(distance)
    assert result.stated_gap_consistent is consistent


MAY_31 = {"2018-05-31": 300}


@pytest.mark.parametrize(
    ("indicator", "distance", "consistent"),
    [
        # the 1-5月 figures in a report at June 30: 30 % done against the pace of May 31 (41.67)
        ({"actual": MAY_31, "stated_gap": {"2018-05-31": "落后序时进度11.67个百分点"}}, "-11.67",
         True),
        ({"actual": MAY_31, "stated_gap": "落后序时进度11.67个百分点"}, "-11.67", True),
        ({"actual": MAY_31, "stated_gap": "落后序时进度20个百分点"}, "-11.67", False),
        # a gap of February beside a figure of no date: the pace of February 28 (16.67)
        ({"actual": "128.5", "stated_gap": {"2018-02-28": "落后3.82个百分点"}}, "-3.82", True),
        # a figure of June 30 is measured from June 30's pace
        ({"actual": {"2018-06-30": 300}, "stated_gap": "落后序时进度20个百分点"}, "-20.00", True),
    ],
)  # fmt: skip
def test_a_stated_gap_is_measured_from_the_pace_at_its_figures_date(indicator, distance,
                                                                     consistent):  # fmt: skip
    result = judge(as_of=JUNE_30, target=1000, **indicator)
    assert result.expected == Decimal("50.00")  # the status is judged at as_of
    assert (result.distance, result.stated_gap_consistent) == (Decimal(distance), consistent)


def test_a_stated_gap_of_a_cap_is_usage_less_pace():
    # 12 of 19 heavy-pollution days at June 30: usage 63.16 against a pace of 50.00
    result = judge(target=19, actual=12, direction="lower", stated_gap="超序时进度13.16个百分点")
    assert (result.completion, result.gap, result.distance) == (
        Decimal("63.16"),
        Decimal("-13.16"),
        Decimal("13.16"),
    )
    assert result.stated_gap_consistent is True
    assert (
        judge(target=19, actual=12, direction="lower", stated_gap="-13.16").stated_gap_consistent
        is False
    )


def test_a_stated_gap_beside_a_stated_rate_alone():
    # the report prints 完成年度计划12.85%，低于时序进度3.82个百分点, and no target
    result = judge(as_of=FEB_28, stated="12.85%", stated_gap="低于时序进度3.82个百分点")
    assert (result.completion, result.expected) == (Decimal("12.85"), Decimal("16.67"))
    assert result.stated_gap_consistent is True


@pytest.mark.parametrize(
    ("indicator", "distance", "consistent"),
    [
        ({"target": "6.5%", "actual": "4.7%", "stated_gap": "低于目标1.8个百分点"}, "-1.8", True),
        ({"target": "6.5%", "actual": "4.7%", "stated_gap": "低于1.5个百分点"}, "-1.8", False),
        ({"target": "6.5%", "actual": "4.7%", "stated_gap": "低于"}, "-1.8", True),
        # a ceiling: 0.84 % against 1.5 % is 0.66 under it, which is good
        (
            {"target": "1.5%以内", "actual": "0.84%", "stated_gap": "低于0.66个百分点"},
            "-0.66",
            True,
        ),
        ({"unit": "万人", "target": 5, "actual": "4.7", "stated_gap": "低于0.3万人"}, "-0.3", True),
        ({"unit": "万人", "target": 5, "actual": "4.7", "stated_gap": -0.4}, "-0.3", True),
        ({"unit": "万人", "target": 5, "actual": "4.7", "stated_gap": -0.5}, "-0.3", False),
        (
            {"unit": "人", "target": "5万", "actual": "4.7万", "stated_gap": "低于0.3万人"},
            "-3000",
            True,
        ),
    ],
)
def test_stated_gaps_of_level_indicators(indicator, distance, consistent):
    result = judge(kind="level", **indicator)
    assert result.distance == Decimal(distance)
    assert result.stated_gap_consistent is consistent


def test_an_inconsistent_stated_gap_is_flagged_and_fails_like_a_stated_rate():
    result = judge(target=100, actual=60, stated_gap="低于10个百分点")  # 60 − 50 = +10
    assert (result.status, result.stated_gap, result.stated_gap_text) == (
        Status.ON_TRACK,
        Decimal(-10),
        "低于10个百分点",
    )
    assert result.stated_gap_consistent is False
    assert result.flagged and result.fails(FailOn.BEHIND) and not result.fails(FailOn.NEVER)
    report = audit(plan_of({"name": "a", "target": 100, "actual": 60, "stated_gap": -10}), JUNE_30)
    assert (report.summary.stated_gap_mismatches, report.summary.stated_mismatches) == (1, 0)
    assert report.summary.flagged == 1


def test_no_stated_gap_is_checked_where_the_figures_give_none():
    assert judge(target=100, stated_gap=-10).stated_gap_consistent is None  # no_data
    result = judge(target=100, actual=60, annual_only=True, stated_gap=-10)
    assert (result.status, result.stated_gap_consistent) == (Status.ANNUAL_ONLY, None)


def _in_step(income: dict[str, object], gdp_actual: object = "6.5%") -> Plan:
    gdp: dict[str, object] = {"name": "地区生产总值增长", "id": "gdp", "kind": "level"}
    if gdp_actual is not None:
        gdp["actual"] = gdp_actual
    return plan_of(gdp, {"name": "城乡居民收入增长", "kind": "level",
                         "target": {"same_as": "gdp"}, **income})  # fmt: skip


@pytest.mark.parametrize(
    ("income", "as_of", "status", "target", "margin"),
    [
        ({"actual": "7.0%"}, JUNE_30, Status.ON_TRACK, "6.5", "0.5"),
        ({"actual": "6.5%"}, JUNE_30, Status.ON_TRACK, "6.5", "0"),
        ({"actual": "6.0%"}, JUNE_30, Status.WATCH, "6.5", "-0.5"),  # within 0.65
        ({"actual": "5.8%"}, JUNE_30, Status.BEHIND, "6.5", "-0.7"),
        ({"actual": "5.8%", "band": 1}, JUNE_30, Status.WATCH, "6.5", "-0.7"),
        ({"actual": "7.0%"}, YEAR_END, Status.MET, "6.5", "0.5"),
        ({"actual": "5.0%"}, YEAR_END, Status.MISSED, "6.5", "-1.5"),
    ],
)
def test_a_target_in_step_with_another_indicator(income, as_of, status, target, margin):
    result = audit(_in_step(income), as_of).indicators[1]
    assert (result.status, result.target, result.margin) == (
        status,
        Decimal(target),
        Decimal(margin),
    )
    assert (result.target_text, result.unit, result.target_same_as, result.target_same_as_name) == (
        "6.5%",
        "%",
        "gdp",
        "地区生产总值增长",
    )


def test_in_step_with_the_others_figure_at_as_of():
    plan = _in_step({"actual": "6.6%"}, {"2018-03-31": "6.8%", "2018-06-30": "6.5%"})
    assert audit(plan, date(2018, 4, 30)).indicators[1].target == Decimal("6.8")
    assert audit(plan, JUNE_30).indicators[1].target == Decimal("6.5")
    early = audit(plan, date(2018, 2, 28)).indicators[1]
    assert (early.status, early.target, early.target_text) == (Status.NO_DATA, None, None)
    assert audit(_in_step({"actual": "6.6%"}, None), JUNE_30).indicators[1].status is Status.NO_DATA


def test_in_step_texts():
    from planaudit.render.words import CHINESE, ENGLISH

    result = audit(_in_step({"actual": "6.0%"}), JUNE_30).indicators[1]
    assert CHINESE.target_of(result) == "与地区生产总值增长同步（6.5%）"
    assert ENGLISH.target_of(result) == "in step with 地区生产总值增长 (6.5%)"
    assert (
        CHINESE.finding(result) == "实际6.0%，目标与地区生产总值增长同步（6.5%），差0.5个百分点。"
    )
    assert ENGLISH.finding(result) == (
        "Actual 6.0%, wanted in step with 地区生产总值增长 (6.5%), off by 0.5 pts."
    )
    missing = audit(_in_step({"actual": "6.0%"}, None), JUNE_30).indicators[1]
    assert CHINESE.target_of(missing) == "与地区生产总值增长同步"


def test_gap_mismatch_texts():
    from planaudit.render.words import CHINESE, ENGLISH

    result = judge(target=100, actual=60, stated_gap="低于10个百分点")
    assert CHINESE.alerts(result) == [("mismatch", "差距不符")]
    assert CHINESE.finding(result) == "报告所列差距为“低于10个百分点”，按数计算为+10.00个百分点。"
    assert ENGLISH.finding(result) == (
        "The report states a gap of “低于10个百分点”; its figures give +10.00 pts."
    )
    level = judge(kind="level", unit="万人", target=5, actual="4.7", stated_gap=-0.5)
    assert CHINESE.finding(level) == (
        "实际4.7万人，目标5万人，差0.3万人。报告所列差距为“-0.5”，按数计算为-0.3万人。"
    )


def _multi_year(as_of: str, **keys: object) -> Plan:
    indicator = {"name": "棚户区改造（2013—2017年）", "unit": "户",
                 "period": {"start": "2013-01-01", "end": "2017-12-31"},
                 "target": "10万户", "actual": "8.1万户", **keys}  # fmt: skip
    return plan_of(indicator, year=2016, as_of=as_of)


def test_an_indicator_is_paced_on_its_own_period():
    # 2016-06-30 is 42 of the 60 months of 2013—2017: 70.00 %; 8.1万 of 10万 is 81.00 %
    report = audit(_multi_year("2016-06-30"), date(2016, 6, 30))
    result = report.indicators[0]
    assert report.elapsed == Decimal("50.00")
    assert (result.completion, result.expected, result.gap, result.status) == (
        Decimal("81.00"),
        Decimal("70.00"),
        Decimal("11.00"),
        Status.ON_TRACK,
    )
    assert result.period == Period(date(2013, 1, 1), date(2017, 12, 31))
    assert result.forecast is not None and result.forecast.months_left == Decimal("18.00")
    assert result.forecast.remaining == Decimal(19000)  # 1.9万户 in 18 months: 1055.56 a month
    assert result.forecast.monthly_needed == Decimal("1055.56")


def test_an_indicators_own_period_ends_on_its_own():
    result = audit(_multi_year("2018-03-31"), date(2018, 3, 31)).indicators[0]
    assert (result.expected, result.status) == (Decimal(100), Status.MISSED)


def test_before_its_own_period_an_indicator_has_nothing_to_judge():
    plan = plan_of(
        {"name": "新财年", "period": {"start": "2018-07-01", "end": "2019-06-30"}, "target": 10},
        year=2018,
    )
    result = audit(plan, date(2018, 3, 31)).indicators[0]
    assert (result.status, result.expected) == (Status.NO_DATA, None)


def test_a_milestone_is_due_at_its_own_periods_end():
    plan = plan_of(
        {
            "name": "三年行动",
            "kind": "milestone",
            "period": {"start": "2016-01-01", "end": "2016-06-30"},
        },
        year=2016,
    )
    result = audit(plan, date(2016, 9, 30)).indicators[0]
    assert (result.due, result.status) == (date(2016, 6, 30), Status.MISSED)


def test_the_previous_report_may_precede_the_plan_period():
    # 6万 at 2015-12-31 (36 of 60 months: 60.00 %) is 60.00 % of 10万: on the pace then
    plan = _multi_year("2016-06-30", actual={"2015-12-31": "6万户", "2016-06-30": "8.1万户"})
    result = audit(plan, date(2016, 6, 30)).indicators[0]
    assert result.previous is not None
    assert (result.previous.date, result.previous.completion, result.previous.gap) == (
        date(2015, 12, 31),
        Decimal("60.00"),
        Decimal("0.00"),
    )


def test_figures_printed_with_their_unit():
    result = judge(target="不低于1.7万个", actual="1.4万余个")
    assert (result.unit, result.target, result.target_text, result.actual_text) == (
        "个",
        Decimal(17000),
        "不低于1.7万",
        "1.4万余",
    )
    assert result.completion == Decimal("82.35")  # 14000 / 17000
    million = judge(unit="平方米", target="568万平方米", actual="521.25万平方米")
    assert (million.target, million.actual, million.completion) == (
        Decimal(5680000),
        Decimal(5212500),
        Decimal("91.77"),
    )


@pytest.mark.parametrize(
    ("indicator", "as_of", "status", "margin", "gap", "expected"),
    [
        # a growth the report says is under its (unprinted) target: behind, by 1.8 points
        ({"kind": "level", "actual": "3.2%", "stated_gap": "塌目标1.8个百分点"}, JUNE_30,
         Status.BEHIND, "-1.8", None, None),
        ({"kind": "level", "actual": "13.8%", "stated_gap": "高于目标2.1个百分点"}, JUNE_30,
         Status.ON_TRACK, "2.1", None, None),
        # a ceiling (CPI): under it is the good side
        ({"kind": "level", "direction": "lower", "actual": "2.7%",
          "stated_gap": "低于年度调控目标0.8个百分点"}, JUNE_30, Status.ON_TRACK, "0.8", None,
         None),
        ({"kind": "level", "stated_gap": "低于"}, JUNE_30, Status.BEHIND, None, None, None),
        ({"kind": "level", "stated_gap": "低于"}, date(2018, 12, 31), Status.MISSED, None, None,
         None),
        # a total the report puts against the pace, with no figures of its own
        ({"stated_gap": "超时间进度3.3个百分点"}, JUNE_30, Status.ON_TRACK, None, "3.3", "50.00"),
        ({"stated_gap": "低于"}, FEB_28, Status.BEHIND, None, None, "16.67"),
        ({"stated_gap": "持平"}, FEB_28, Status.ON_TRACK, None, "0", "16.67"),
        # a task listed as 未达到序时进度 beside its target, no figure done (a 督查通报)
        ({"unit": "亿元", "target": 80, "stated_gap": "低于"}, JUNE_30, Status.BEHIND, None,
         None, "50.00"),
        ({"kind": "level", "target": "80%", "stated_gap": "低于"}, JUNE_30, Status.BEHIND, None,
         None, None),
        ({"unit": "个", "target": 5, "stated_gap": "超序时进度2个百分点"}, JUNE_30,
         Status.ON_TRACK, None, "2", "50.00"),
    ],
)  # fmt: skip
def test_an_indicator_with_nothing_but_a_stated_gap_is_judged_by_it(
    indicator, as_of, status, margin, gap, expected
):
    result = judge(as_of=as_of, **indicator)
    assert result.status is status
    assert result.judged_by_stated_gap
    assert result.margin == (None if margin is None else Decimal(margin))
    assert result.gap == (None if gap is None else Decimal(gap))
    assert result.expected == (None if expected is None else Decimal(expected))
    assert (result.completion, result.stated_gap_consistent) == (None, None)


def test_a_stated_gap_beside_a_target_is_checked_not_used_to_judge():
    result = judge(kind="level", target="5%", actual="3.2%", stated_gap="塌目标1.8个百分点")
    assert (result.status, result.stated_gap_consistent) == (Status.BEHIND, True)
    assert not result.judged_by_stated_gap
    wrong = judge(unit="亿元", target=80, actual=60, stated_gap="低于")  # 75% at a 50% pace
    assert (wrong.status, wrong.stated_gap_consistent) == (Status.ON_TRACK, False)
    assert not wrong.judged_by_stated_gap


def test_a_plan_of_growths_behind_their_stated_targets_is_not_achieved():
    report = audit(
        plan_of(
            {"name": "地区生产总值增长", "kind": "level", "actual": "3.2%",
             "stated_gap": "塌目标1.8个百分点"},
            {"name": "社零增长", "kind": "level", "actual": "13.8%",
             "stated_gap": "高于目标2.1个百分点"},
        ),
        JUNE_30,
    )  # fmt: skip
    summary = report.summary
    assert (summary.levels_judged, summary.levels_met, summary.verdict) == (2, 1, False)


def test_the_findings_of_an_indicator_judged_by_its_stated_gap():
    from planaudit.render.words import CHINESE, ENGLISH

    growth = judge(kind="level", actual="3.2%", stated_gap="塌目标1.8个百分点")
    assert CHINESE.finding(growth) == "实际3.2%，报告称低于目标1.8个百分点。"
    assert ENGLISH.finding(growth) == (
        "Actual 3.2%; the report states it is 1.8 pts below the target."
    )
    total = judge(as_of=FEB_28, stated_gap="低于")
    assert CHINESE.finding(total) == "报告称低于序时进度（16.67%）。"
    assert ENGLISH.finding(total) == "The report states it is below the pace (16.67%)."

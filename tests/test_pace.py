from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planaudit.core.pace import Period, add_months, elapsed, months_gone, scheduled
from planaudit.core.results.indicators import round2

YEAR_2018 = Period.calendar_year(2018)
FISCAL = Period(date(2018, 4, 1), date(2019, 3, 31))


@pytest.mark.parametrize(
    ("period", "as_of", "pace"),
    [
        (YEAR_2018, date(2018, 1, 1), "0.27"),  # 1 of 31 days of January: 1/31/12
        (YEAR_2018, date(2018, 1, 15), "4.03"),  # 15/31 of a month
        (YEAR_2018, date(2018, 1, 31), "8.33"),
        (YEAR_2018, date(2018, 2, 28), "16.67"),
        (Period.calendar_year(2020), date(2020, 2, 29), "16.67"),
        (Period.calendar_year(2020), date(2020, 2, 28), "16.38"),  # 1 + 28/29 months
        (YEAR_2018, date(2018, 3, 31), "25.00"),
        (YEAR_2018, date(2018, 5, 31), "41.67"),
        (YEAR_2018, date(2018, 6, 15), "45.83"),  # 5 + 15/30 months
        (YEAR_2018, date(2018, 6, 30), "50.00"),
        (YEAR_2018, date(2018, 7, 31), "58.33"),
        (YEAR_2018, date(2018, 10, 31), "83.33"),
        (YEAR_2018, date(2018, 12, 31), "100.00"),
        (YEAR_2018, date(2019, 3, 1), "100.00"),
        (FISCAL, date(2018, 9, 30), "50.00"),
        (FISCAL, date(2019, 2, 28), "91.67"),
        (FISCAL, date(2018, 4, 30), "8.33"),
    ],
)
def test_the_pace_counts_months(period, as_of, pace):
    assert round2(elapsed(period, as_of)) == Decimal(pace)


def test_no_pace_before_the_period():
    with pytest.raises(ValueError, match="as_of 2017-12-31 is before the plan period"):
        elapsed(YEAR_2018, date(2017, 12, 31))


def test_add_months_clamps_to_the_month_end():
    assert add_months(date(2018, 1, 31), 1) == date(2018, 2, 28)
    assert add_months(date(2018, 11, 30), 3) == date(2019, 2, 28)


@pytest.mark.parametrize(
    ("pace", "expected"),
    [("0", "0"), ("12.5", "5"), ("25", "10"), ("50", "30"), ("62.5", "45"), ("100", "100")],
)
def test_a_quarterly_schedule_is_interpolated_from_zero(pace, expected):
    schedule = [Decimal(10), Decimal(30), Decimal(60), Decimal(100)]
    assert scheduled(schedule, Decimal(pace)) == Decimal(expected)


def test_a_monthly_schedule():
    schedule = [Decimal(n * 5) for n in range(1, 12)] + [Decimal(100)]
    assert scheduled(schedule, Decimal(50)) == Decimal(30)
    assert round2(scheduled(schedule, Decimal(100) * 23 / 24)) == Decimal("77.50")


periods = st.builds(
    lambda start, days: Period(start, start + timedelta(days=days)),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)),
    st.integers(min_value=1, max_value=3 * 366),
)


@given(periods, st.integers(min_value=0, max_value=4 * 366), st.integers(0, 4 * 366))
def test_the_pace_runs_from_0_to_100_and_never_falls(period, offset_a, offset_b):
    day_a, day_b = sorted(period.start + timedelta(days=d) for d in (offset_a, offset_b))
    pace_a, pace_b = elapsed(period, day_a), elapsed(period, day_b)
    assert 0 <= pace_a <= pace_b <= 100
    assert elapsed(period, period.end) == 100
    assert round2(elapsed(period, period.start)) < 100


@given(periods)
def test_the_pace_is_zero_as_the_period_opens(period):
    assert months_gone(period.start, period.start - timedelta(days=1)) == 0

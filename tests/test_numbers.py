from decimal import Decimal

import pytest

from planaudit.numbers import Bound, NumberError, parse_figure, parse_rate, parse_target


@pytest.mark.parametrize(
    ("raw", "value", "percent", "decimals"),
    [
        (568, "568", False, 0),
        (Decimal("521.25"), "521.25", False, 2),
        (Decimal("91.70"), "91.70", False, 2),
        (521.25, "521.25", False, 2),
        ("2,000", "2000", False, 0),
        ("1,234,567.5", "1234567.5", False, 1),
        ("1.7万", "17000", False, 1),
        ("3.2亿", "320000000", False, 1),
        ("2万亿", "2000000000000", False, 0),
        ("6.5%", "6.5", True, 1),
        ("6.5％", "6.5", True, 1),
        ("-10.9%", "-10.9", True, 1),
        ("−2.99%", "-2.99", True, 2),
        ("1.4万余", "14000", False, 1),
        (" 55 ", "55", False, 0),
    ],
)
def test_figures_as_planners_write_them(raw, value, percent, decimals):
    figure = parse_figure(raw)
    assert (figure.value, figure.percent, figure.decimals) == (Decimal(value), percent, decimals)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("一百", "cannot read '一百' as a number"),
        ("5.x", "cannot read '5.x' as a number"),
        ("1.2.3", "cannot read '1.2.3' as a number"),
        ("--3", "cannot read '--3' as a number"),
        ("1,00", "cannot read '1,00' as a number"),
        (True, "expected a number, got the boolean true"),
        (float("nan"), "NaN and infinities are not numbers"),
        (float("inf"), "NaN and infinities are not numbers"),
        (Decimal("1e16"), "too large to be a plan figure"),
        ([1], "expected a number, got a list"),
    ],
)
def test_unreadable_figures_say_why(raw, message):
    with pytest.raises(NumberError, match=message.replace("(", r"\(")):
        parse_figure(raw)


def test_rates_in_percent_with_or_without_the_sign():
    assert parse_rate("91.77%").value == parse_rate(Decimal("91.77")).value == Decimal("91.77")
    with pytest.raises(NumberError, match="exact percentage"):
        parse_rate("90余")


@pytest.mark.parametrize(
    ("raw", "value", "bound", "approximate", "stretch", "must"),
    [
        (568, "568", None, False, False, False),
        ("900万以上", "9000000", Bound.FLOOR, False, False, False),
        ("不低于1.7万", "17000", Bound.FLOOR, False, False, False),
        ("不少于200", "200", Bound.FLOOR, False, False, False),
        ("1.5%以内", "1.5", Bound.CEILING, False, False, False),
        ("58以下", "58", Bound.CEILING, False, False, False),
        ("不超过19", "19", Bound.CEILING, False, False, False),
        ("不高于3%", "3", Bound.CEILING, False, False, False),
        ("控制在1.5%以内", "1.5", Bound.CEILING, False, False, False),
        ("确保低于58", "58", Bound.CEILING, False, False, True),
        ("6.5%左右", "6.5", None, True, False, False),
        ("力争7%", "7", None, False, True, False),
        ("力争不低于1.7万", "17000", Bound.FLOOR, False, True, False),
    ],
)
def test_target_wording(raw, value, bound, approximate, stretch, must):
    target = parse_target(raw)
    assert target.figure.value == Decimal(value)
    assert (target.bound, target.approximate, target.stretch, target.must) == (
        bound,
        approximate,
        stretch,
        must,
    )
    assert target.text == str(raw)


def test_wording_that_contradicts_itself():
    with pytest.raises(NumberError, match=r"both a floor \(不低于\) and a ceiling \(以内\)"):
        parse_target("不低于5以内")

import re
from decimal import Decimal

import pytest

from planaudit.core.numbers import (
    Bound,
    NumberError,
    parse_figure,
    parse_gap,
    parse_quantity,
    parse_rate,
    parse_target,
)
from planaudit.core.running_text import figures_in


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


@pytest.mark.parametrize(
    ("raw", "unit", "value", "text", "printed", "bound"),
    [
        ("不低于1.7万个", None, "17000", "不低于1.7万", "个", Bound.FLOOR),
        ("19天以内", None, "19", "19以内", "天", Bound.CEILING),
        ("1000公顷", None, "1000", "1000", "公顷", None),
        ("控制在3%以内", None, "3", "控制在3%以内", None, Bound.CEILING),
        ("力争6.5%左右", None, "6.5", "力争6.5%左右", None, None),
        ("134万平方米", "万平方米", "134", "134", "万平方米", None),
        ("134万平方米", "平方米", "1340000", "134万", "平方米", None),
        ("134万平方米", "万 平方米", "134", "134", "万 平方米", None),
        ("1.2万亿元", "亿元", "12000", "1.2万", "亿元", None),
        ("58微克/立方米以下", "微克/立方米", "58", "58以下", "微克/立方米", Bound.CEILING),
        ("不低于1.7万", "个", "17000", "不低于1.7万", None, Bound.FLOOR),
    ],
)
def test_targets_printed_with_their_unit(raw, unit, value, text, printed, bound):
    target = parse_target(raw, unit)
    assert (target.figure.value, target.text, target.figure.unit, target.bound) == (
        Decimal(value),
        text,
        printed,
        bound,
    )


@pytest.mark.parametrize(
    ("raw", "unit", "value", "text", "printed"),
    [
        ("1.4万余个", None, "14000", "1.4万余", "个"),
        ("1.4万余个", "个", "14000", "1.4万余", "个"),
        ("521.25万平方米", "万平方米", "521.25", "521.25", "万平方米"),
        ("521.25万平方米", "平方米", "5212500", "521.25万", "平方米"),
        ("521.25", "万平方米", "521.25", "521.25", None),
        ("6.5%", "万元", "6.5", "6.5%", None),
    ],
)
def test_actuals_printed_with_their_unit(raw, unit, value, text, printed):
    figure = parse_quantity(raw, unit)
    assert (figure.value, figure.text, figure.unit) == (Decimal(value), text, printed)


@pytest.mark.parametrize(
    ("raw", "unit", "message"),
    [
        ("1000公顷", "亩", "1000公顷 is in 公顷, but unit is 亩"),
        ("3.2亿元", "万元", "3.2亿元 is in 元, but unit is 万元"),
        ("1.4万余个", "万个", "1.4万余个 is in 个, but unit is 万个"),
        ("6.5%个", None, "6.5%个: a figure in % has no other unit"),
        ("5.x", None, "cannot read '5.x' as a number"),
        ("1.2.3个", None, "cannot read '1.2.3个' as a number"),
    ],
)
def test_a_printed_unit_that_is_not_the_indicators(raw, unit, message):
    with pytest.raises(NumberError, match=re.escape(message)):
        parse_quantity(raw, unit)


def test_a_bare_figure_takes_no_unit():
    with pytest.raises(NumberError, match=re.escape("cannot read '91.77个' as a number")):
        parse_rate("91.77个")


@pytest.mark.parametrize(
    ("raw", "unit", "side", "value", "step", "points"),
    [
        (Decimal("-1.8"), None, -1, "-1.8", "0.1", False),
        (2, None, 1, "2", "1", False),
        (0, None, 0, "0", "1", False),
        ("-1.8个百分点", None, -1, "-1.8", "0.1", True),
        ("低于1.8个百分点", None, -1, "-1.8", "0.1", True),
        ("高于0.5个百分点", None, 1, "0.5", "0.1", True),
        ("超3.5个百分点", None, 1, "3.5", "0.1", True),
        ("超时序进度3.5个百分点", None, 1, "3.5", "0.1", True),
        ("落后3.82个百分点", None, -1, "-3.82", "0.01", True),
        ("落后序时进度3.82个百分点", None, -1, "-3.82", "0.01", True),
        ("快于2百分点", None, 1, "2", "1", True),
        ("慢于1.2%", None, -1, "-1.2", "0.1", True),
        ("领先1.5", None, 1, "1.5", "0.1", False),
        ("低于0.3万人", "万人", -1, "-0.3", "0.1", False),
        ("低于0.3万人", "人", -1, "-3000", "1000", False),
        ("欠时间进度3.8个百分点", None, -1, "-3.8", "0.1", True),
        ("滞后序时进度2个百分点", None, -1, "-2", "1", True),
        ("差0.3个百分点", None, -1, "-0.3", "0.1", True),
        ("比序时进度快2个百分点", None, 1, "2", "1", True),
        ("比目标低1.8个百分点", None, -1, "-1.8", "0.1", True),
        ("比目标高出0.5个百分点", None, 1, "0.5", "0.1", True),
        ("比目标低", None, -1, None, None, False),
        ("低于", None, -1, None, None, False),
        ("低于目标", None, -1, None, None, False),
        ("高于", None, 1, None, None, False),
        ("持平", None, 0, None, None, False),
        ("塌目标1.8个百分点", None, -1, "-1.8", "0.1", True),
        ("塌目标", None, -1, None, None, False),
        ("短平均进度4.4个百分点", None, -1, "-4.4", "0.1", True),
        ("好于年初预期", None, 1, None, None, False),
    ],
)
def test_stated_gaps(raw, unit, side, value, step, points):
    gap = parse_gap(raw, unit)
    assert (gap.side, gap.points, gap.text) == (side, points, str(raw))
    if value is None:
        assert gap.figure is None
    else:
        assert gap.figure is not None
        assert (gap.figure.value, gap.figure.step) == (Decimal(value), Decimal(step))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("目标1.8", "cannot read '目标1.8' as a stated gap"),
        ("低1.8", "cannot read '低1.8' as a stated gap"),
        ("", "cannot read '' as a stated gap"),
        ("低于-1.8", "'低于-1.8' gives its side twice (低于 and a sign): write one"),
        ("持平0.5个百分点", "'持平0.5个百分点': 持平 means no distance; write it alone"),
        ("低于1.8个百分点人", "cannot read '低于1.8个百分点人' as a stated gap"),
        (True, "expected a number, got the boolean true"),
    ],
)
def test_unreadable_stated_gaps(raw, message):
    with pytest.raises(NumberError, match=re.escape(message)):
        parse_gap(raw)


@pytest.mark.parametrize(
    ("parse", "written", "value", "unit"),
    [
        (parse_gap, "超時序進度7.6個百分點", Decimal("7.6"), "億元"),
        (parse_gap, "低於1.8個百分點", Decimal("-1.8"), None),
        (parse_quantity, "1.2億", Decimal("120000000"), None),
        (parse_quantity, "3.5億元", Decimal("3.5"), "億元"),
        (parse_quantity, "3.5億元", Decimal("3.5"), "亿元"),
        (parse_target, "不低於7.5%", Decimal("7.5"), None),
        (parse_target, "控制在1.5%以內", Decimal("1.5"), None),
    ],
)
def test_figures_printed_in_traditional_characters_read_as_in_simplified(
    parse, written, value, unit
):
    """A report's mirror page in traditional characters (個百分點, 低於, 億元, 以內)."""
    figure = parse(written, unit)
    figure = getattr(figure, "figure", figure)
    assert figure.value == value


def test_running_text_in_traditional_characters():
    assert Decimal("3.5") in figures_in("完成投資3.5億元", "億元")
    assert Decimal("350000000") in figures_in("完成投資3.5億元")

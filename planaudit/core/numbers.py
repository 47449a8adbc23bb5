"""Figures as planners write them: "1.7万", "2,000", "6.5%左右", "不低于1.7万个", "1.4万余",
"低于1.8个百分点". The one grammar of a plan's figures (running_text.py reads them out of a
report's sentences on the same terms)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from planaudit.core.errors import excerpt, shown, type_name
from planaudit.lang import Said, quote

MAGNITUDES = {"": Decimal(1), "万": Decimal(10**4), "亿": Decimal(10**8), "万亿": Decimal(10**12)}
_NUMBER = (
    r"(?P<num>(?P<sign>[-+−])?"
    r"(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<frac>[0-9]+))?"
    r"(?P<mag>万亿|万|亿)?(?P<pct>[%％])?)"
)
_UNIT = r"(?P<unit>[^\W\d_][^\d\s,，.。;；:：、()（）%％]*?)"
"""A unit printed after a number: a letter or character first, no digits or punctuation
(公顷, 万平方米, 微克/立方米, km²)."""
_FIGURE = re.compile(rf"^{_NUMBER}(?P<more>余|多)?{_UNIT}?$")
_FLOOR_WORDS = ("不低于", "不少于", "高于", "以上")
_CEILING_WORDS = ("控制在", "不超过", "不高于", "低于", "以内", "以下")
_TARGET = re.compile(
    r"^(?P<lead>(?:力争|确保)*)"
    r"(?P<pre>不低于|不少于|不超过|不高于|控制在|低于|高于)?"
    rf"{_NUMBER}{_UNIT}??"
    r"(?P<post>以上|以内|以下|左右)?$"
)
_BELOW_WORDS = (
    "低于",
    "落后于",
    "落后",
    "慢于",
    "少于",
    "滞后于",
    "滞后",
    "欠",
    "塌",
    "短",
    "差",
    "低",
    "慢",
    "少",
)
_ABOVE_WORDS = (
    "高于",
    "超过",
    "超出",
    "超",
    "快于",
    "领先于",
    "领先",
    "多于",
    "高出",
    "好于",
    "高",
    "快",
    "多",
)
_LEVEL_WORDS = ("持平",)
"""The side words reports print, as phrasings.GAP reads them: 低于目标, 欠时间进度, 比…快."""
_AFTER_BI = ("高出", "高", "低", "快", "慢", "超出", "超", "落后", "领先", "多", "少")
"""The side words of 比…快2个百分点 (after what the distance is to)."""


def _words(words: tuple[str, ...]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_ONE_CHARACTER_SIDES = "欠差超塌短"
"""Side words read alone before a reference (欠时间进度, 塌目标); 低, 快… only after 比."""
_SIDE = _words(
    tuple(
        w
        for w in (*_BELOW_WORDS, *_ABOVE_WORDS, *_LEVEL_WORDS)
        if len(w) > 1 or w in _ONE_CHARACTER_SIDES
    )
)
_GAP = re.compile(
    rf"^(?:(?P<side>{_SIDE})(?P<ref>[^\d+\-−]{{0,12}}?)"
    rf"|比(?P<bi_ref>[^\d+\-−]{{1,12}}?)(?P<bi_side>{_words(_AFTER_BI)})了?)?"
    rf"(?:{_NUMBER}(?P<points>个百分点|百分点)?{_UNIT}??)?$"
)
MAX_MAGNITUDE = Decimal(10) ** 15
"""Larger figures are typing slips: no plan counts beyond 千万亿."""
MAX_DECIMALS = 10
"""Decimal places of a figure: more is no measurement, and with the magnitude limit it bounds
every ratio of figures (completion, forecasts) to what exact arithmetic holds."""

_ONE = Decimal(1)
_MAX_INT = int(MAX_MAGNITUDE)


class Bound(StrEnum):
    """Which side of the target is good, as the target's wording says."""

    FLOOR = "floor"
    CEILING = "ceiling"


@dataclass(frozen=True)
class Figure:
    """A number as written in a plan: its exact value and the text it was written as."""

    value: Decimal
    """In the indicator's unit."""
    text: str
    """The figure as written, without its unit, shown in reports: "1.7万", "521.25", "1.4万余"."""
    percent: bool
    """Written with %."""
    decimals: int
    """Digits after the decimal point as written; the precision a stated rate was printed with."""
    step: Decimal
    """The value of one unit in the last digit written: 0.01 for 521.25, 1000 for 1.7万."""
    unit: str | None = None
    """The unit printed with the figure (`1.7万个` → 个), where it was printed with one."""


@dataclass(frozen=True)
class Target:
    """An annual target with its planning wording (以上, 以内, 左右, 力争, 确保…)."""

    figure: Figure
    text: str
    """The target as written with its wording, without a printed unit: "不低于1.7万", "6.5%左右"."""
    bound: Bound | None
    approximate: bool
    """左右: a level indicator gets a watch zone of width `band`."""
    stretch: bool
    """力争."""
    must: bool
    """确保."""


@dataclass(frozen=True)
class Gap:
    """A distance to the target or the pace that a report states (stated_gap): "低于1.8个百分点"."""

    text: str
    """As written."""
    side: int
    """-1 below or behind, 0 level (持平), +1 above or ahead."""
    figure: Figure | None
    """The signed distance, where a figure is printed; None for a side alone (低于)."""
    points: bool
    """Written in percentage points (个百分点, or with %)."""


SIMPLIFIED = str.maketrans(
    "個點於過億萬進時標劃計達後滯為內餘確實現與預區貨幣場項畝噸輛戶間歲",
    "个点于过亿万进时标划计达后滞为内余确实现与预区货币场项亩吨辆户间岁",
)
"""The traditional characters of the figures' words (個百分點, 低於, 億元, 時序進度, 以內…) as their
simplified ones, one for one, so that a report printed in traditional characters (a mirror
page, a Hong Kong or Macao print) reads the same; the text is shown as written."""


def _readable(text: str) -> str:
    """What the grammar reads of a figure's text: no spaces, simplified characters."""
    return text.replace(" ", "").translate(SIMPLIFIED)


class NumberError(Said):
    """Text that is not a number a plan can hold (a catalog message)."""


def _finite(value: Decimal, text: str, decimals: int = 0) -> Decimal:
    if not value.is_finite():
        raise NumberError("number.not_finite", text=shown(text))
    if abs(value) >= MAX_MAGNITUDE:
        raise NumberError("number.too_large", text=excerpt(text, quoted=False))
    if decimals > MAX_DECIMALS:
        raise NumberError(
            "number.too_many_decimals",
            text=excerpt(text, quoted=False),
            decimals=decimals,
            limit=MAX_DECIMALS,
        )
    return value


def _from_match(
    match: re.Match[str], text: str, unit: str | None = None, magnitude: bool = True
) -> Figure:
    """The figure a match of _NUMBER stands for; `magnitude` False when 万/亿 belong to the unit."""
    sign = -1 if match["sign"] in ("-", "−") else 1
    digits = match["int"].replace(",", "")
    frac = match["frac"] or ""
    number = Decimal(f"{digits}.{frac}" if frac else digits)
    scale = MAGNITUDES[(match["mag"] or "") if magnitude else ""]
    value = _finite(sign * number * scale, text, len(frac))
    step = Decimal(1).scaleb(-len(frac)) * scale
    return Figure(
        value=value, text=text, percent=bool(match["pct"]), decimals=len(frac), step=step, unit=unit
    )


def _plain(raw: object) -> Figure | None:
    """A figure from a YAML number, or None when `raw` is text to be parsed."""
    if isinstance(raw, bool):
        raise NumberError("number.got_boolean", value=str(raw).lower())
    if isinstance(raw, int):
        if -_MAX_INT < raw < _MAX_INT:  # the common case, made quickly
            return Figure(Decimal(raw), str(raw), percent=False, decimals=0, step=_ONE)
        raw = Decimal(raw)
    elif isinstance(raw, float):
        raw = (
            Decimal(repr(raw)) if raw == raw and raw not in (float("inf"), -float("inf")) else None
        )
        if raw is None:
            raise NumberError("number.nan")
    if isinstance(raw, Decimal):
        text = str(raw)
        exponent = raw.as_tuple().exponent
        decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        value = _finite(raw, text, decimals)
        return Figure(
            value, text, percent=False, decimals=decimals, step=Decimal(1).scaleb(-decimals)
        )
    if isinstance(raw, str):
        return None
    raise NumberError("number.expected", got=type_name(raw))


def bare_unit(unit: str | None) -> str:
    return "".join(unit.split()).translate(SIMPLIFIED) if unit else ""


def _in_unit(match: re.Match[str], written: str, unit: str | None) -> Figure:
    """A figure printed with its unit, read in the indicator's `unit` (CONTRACT §1.1, extended):
    without `unit`, 万/亿 belong to the number and the rest is the unit (`1.7万个` → 17000 个);
    with it, the printed text must end with `unit` and the number is what precedes it
    (`134万平方米` is 134 in 万平方米, 1340000 in 平方米)."""
    printed = match["unit"]
    more = match["more"] if "more" in match.re.groupindex else None
    shown = match["num"] + (more or "")
    if printed is None:
        return _from_match(match, shown)
    if match["pct"]:
        raise NumberError("number.percent_and_unit", written=written)
    wanted = bare_unit(unit)
    if not wanted:
        return _from_match(match, shown, printed)
    body = shown + printed
    if body.endswith(wanted) and len(body) > len(wanted):
        number = _FIGURE.match(body[: -len(wanted)])
        if number is not None and number["unit"] is None and not number["pct"]:
            return _from_match(number, number["num"] + (number["more"] or ""), unit)
    raise NumberError("number.other_unit", written=written, printed=printed, unit=unit)


def parse_figure(raw: object) -> Figure:
    """A bare figure: 521.25, "2,000", "1.7万", "6.5%", "-10.9%", "1.4万余"; no unit."""
    figure = parse_quantity(raw)
    if figure.unit is not None:
        raise NumberError("number.unreadable", text=quote(figure.text + figure.unit))
    return figure


def parse_quantity(raw: object, unit: str | None = None) -> Figure:
    """A figure as printed, unit and all, in the indicator's `unit`: "1.4万余个", "521.25万平方米"
    (see `_in_unit`)."""
    plain = _plain(raw)
    if plain is not None:
        return plain
    text = str(raw).strip()
    match = _FIGURE.match(_readable(text))
    if match is None:
        raise NumberError("number.unreadable", text=shown(text))
    if match["unit"] is None:
        return _from_match(match, text)
    return _in_unit(match, text, unit)


def parse_rate(raw: object) -> Figure:
    """A completion rate in %: 91.77, "91.77%" both mean 91.77 %."""
    figure = parse_figure(raw)
    if figure.text.endswith(("余", "多")):
        raise NumberError("number.stated_inexact", text=quote(figure.text))
    return figure


def parse_target(raw: object, unit: str | None = None) -> Target:
    """A target with its wording, as printed: 568, "1.7万", "不低于1.7万个", "6.5%左右",
    "控制在1.5%以内", "19天以内"; a printed unit is read as in `parse_quantity`."""
    plain = _plain(raw)
    if plain is not None:
        return Target(plain, plain.text, None, approximate=False, stretch=False, must=False)
    text = str(raw).strip()
    match = _TARGET.match(_readable(text))
    if match is None:
        raise NumberError("number.unreadable_target", text=shown(text))
    words = [w for w in (match["pre"], match["post"]) if w]
    floors = [w for w in words if w in _FLOOR_WORDS]
    ceilings = [w for w in words if w in _CEILING_WORDS]
    if floors and ceilings:
        raise NumberError(
            "number.floor_and_ceiling", text=shown(text), floor=floors[0], ceiling=ceilings[0]
        )
    bound = Bound.FLOOR if floors else Bound.CEILING if ceilings else None
    figure = _in_unit(match, text, unit)
    if match["unit"] is not None:  # the unit is shown from `unit`: keep the wording alone
        text = f"{match['lead']}{match['pre'] or ''}{figure.text}{match['post'] or ''}"
    return Target(
        figure=figure,
        text=text,
        bound=bound,
        approximate=match["post"] == "左右",
        stretch="力争" in match["lead"],
        must="确保" in match["lead"],
    )


def parse_gap(raw: object, unit: str | None = None) -> Gap:
    """A stated distance with its sign: -1.8, "低于1.8个百分点", "超时序进度3.5个百分点",
    "落后0.3万人" (in `unit`), or a side alone: "低于", "高于", "持平"."""
    plain = _plain(raw)
    if plain is not None:
        side = (plain.value > 0) - (plain.value < 0)
        return Gap(plain.text, side, plain, points=False)
    text = str(raw).strip()
    match = _GAP.match(_readable(text))
    if match is None or not (match["side"] or match["bi_side"] or match["num"]):
        raise NumberError("number.unreadable_gap", text=shown(text))
    word = match["side"] or match["bi_side"]
    if match["num"] is None:
        return Gap(text, _side_of(word), None, points=False)
    if word in _LEVEL_WORDS:
        raise NumberError("number.level_with_distance", text=shown(text), word=word)
    if word and match["sign"]:
        raise NumberError("number.side_twice", text=shown(text), word=word)
    if match["points"] and match["unit"]:
        raise NumberError("number.unreadable_gap", text=shown(text))
    points = bool(match["points"] or match["pct"])
    number = match["num"] + (match["points"] or "")
    figure = _in_unit(match, text, unit) if match["unit"] else _from_match(match, number)
    if word is not None:
        value = abs(figure.value) * _side_of(word)
        figure = replace(figure, value=value)
    side = (figure.value > 0) - (figure.value < 0)
    return Gap(text, side, figure, points)


def _side_of(word: str) -> int:
    return -1 if word in _BELOW_WORDS else 1 if word in _ABOVE_WORDS else 0

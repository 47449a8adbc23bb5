"""Growth rates and levels in a sentence: 同比增长9.3% is a level indicator named after what it
measures (地区生产总值增长), never a bare 增长; a list (分别增长34%和10.5%) gives one per figure,
a list of periods (一季度和上半年分别增长9.3%、9.2%) one indicator with dated figures; a level
(城镇登记失业率为0.84%) is a level indicator, with its target where the sentence states one
(低于5.5%左右的预期目标)."""

from __future__ import annotations

import re
from datetime import date

from planaudit.core import phrasings as say
from planaudit.draft.dates import part_end, period_list
from planaudit.draft.model import Drafted
from planaudit.draft.names import clean, listed, substantive
from planaudit.draft.state import Sentence
from planaudit.lang import Message

_PART_WORD = r"(?:第)?一季度|上半年|前三季度|1\s*[-—–~～至到]\s*(?:1[0-2]|[2-9])\s*月份?"
_PERIOD_WORD = rf"20[0-9]{{2}}年度?(?:{_PART_WORD})?|{_PART_WORD}"
"""一季度, 上半年, 1-7月, 2016年, 2018年上半年: the periods a list of figures may stand at."""
_PERIODS = re.compile(
    rf"^(?P<periods>(?:{_PERIOD_WORD})(?:[和、及与](?:{_PERIOD_WORD}))+)(?P<rest>.*)$"
)
"""一季度和上半年全省地区生产总值: the periods of a list of figures, before what they measure."""
SINGLE_PERIOD = re.compile(
    r"当月|单月|本月|(?<![-—–~～至到0-9])(?:1[0-2]|[2-9])月份?(?!底|末|份?累计)|(?<!前)第?[二三四]季度(?!末)"
)
"""Words of a single month or quarter (第二季度, 10月份): its growth is not the year's so far."""
TARGET = re.compile(
    rf"(?P<pre>低于|高于|控制在|不超过|不高于|好于|优于)(?:[^，,。；;0-9]{{0,6}}?)(?P<num>{say.N}[%％]?)"
    r"(?P<post>左右|以内|以下|以上)?"
    r"的?[^，,。；;0-9]{0,4}?目标"
)
"""A level's target in the sentence: 低于5.5%左右的预期目标, 均高于年均增长8.5%左右的规划目标."""
PLAN_OPENS = re.compile(r"(?:年度|全年|今年)?(?:目标|任务)(?:是|为)[：:]?")
"""全年目标是…: the clauses that follow state targets."""
PROGRESS_OPENS = re.compile(r"^\s*(?:目前|现在?|截至目前|截至|上半年|今年以来|已|实际)")
"""目前…: the clauses that follow report progress."""
PLANNED = re.compile(
    rf"(?P<name>[^，,。；;：:0-9]{{2,30}}?)(?:稳定在|保持在|控制在|达到|提高到|提升到|提高至|不低于|不超过)"
    rf"(?P<num>{say.N})[%％](?P<post>以上|以内|以下|左右)?$"
)
_YEAR_IN_NAME = re.compile(r"(?P<year>(?:19|20)[0-9]{2})年(?!底|末|[0-9一二三四上下前])")
"""A year the level is of (我市2012年万元生产总值能耗下降率): not a period's end nor a part."""
PERCENT = re.compile(
    rf"(?P<name>[^，,。；;：:0-9]{{2,30}}?)(?P<both>)(?:达到|达|为|提高到|提升至)(?P<num>{say.N})(?P<unit>[%％])$"
)
"""县镇政策补偿达80%: a level in %, read where a target was stated for it before."""
_MORE_PERCENTS = re.compile(rf"(?:[、和及与]{say.N}[%％])+")
GOAL = re.compile(
    rf"^[^，,。；;0-9]{{0,12}}?目标(?:值)?(?:为|是)(?P<way>下降|降低|增长|提高)?(?P<num>{say.N})(?P<pct>[%％])?$"
)
"""规划期末目标为下降20%, 规划期末目标为6.1%: the target of the level the sentence reported."""
_GROWTH_GUESS = Message.of("guess.growth")


def growth(
    s: Sentence,
    text: str,
    start: int,
    end: int,
    found: re.Match[str],
    quantity: re.Match[str] | None,
) -> None:
    """A growth rate (or a list of them) in a clause, named after what it measures."""
    if s.one_month:
        return
    way = found["way"] or found["word"] or ""
    figures = [found["num"] or found["num2"]]
    figures += re.findall(rf"-?{say.N}(?=[%％])", found["more"] or found["more2"] or "")
    head = text[: quantity.start() if quantity else found.start()]
    own = clean(head.split("分别")[0])
    if substantive(own):
        s.single = SINGLE_PERIOD.search(head) is not None
    elif s.single:
        return  # 第二季度完成增加值99.5亿元，增长6.1%: one quarter's growth
    if len(figures) > 1:
        names = listed(head.split("分别")[0], len(figures))
        if names is None and not substantive(own):
            names = listed(s.previous, len(figures))
            start = min(start, s.previous_at)
    else:
        names = [own] if substantive(own) else None
    if names is None:
        base = own if substantive(own) else s.subject
        if not substantive(base):
            return
        if not substantive(own):
            start = min(start, s.subject_at)
        names = (
            [base] if len(figures) == 1 else [f"{base}（{i}）" for i in range(1, len(figures) + 1)]
        )
    sign = say.growth_sign(way)
    dated = _periods(s, len(figures))
    if dated is not None and substantive(own):  # 2016年、2017年、2018年上半年，…分别下降…
        item = Drafted(_growth(_period_free(own)), s.line, "", s.growth_section, kind="level")
        item.dated = {d: signed(sign, f) for d, f in zip(dated, figures, strict=True)}
        item.guesses.append(_GROWTH_GUESS)
        s.level = s.add(item, min(start, s.previous_at), end)
        return
    periods = _PERIODS.match(re.sub(r"^(?:今年|本年)", "", head.strip()))
    if periods and len(figures) > 1:
        parts = [p for p in re.split(r"[和、及与]", periods["periods"]) if p]
        rest = clean(periods["rest"].split("分别")[0])
        if len(parts) == len(figures) and substantive(rest):
            names = [*parts[:-1], parts[-1]]
            own = rest
    dates = [part_end(name, s.group.year) for name in names]
    if len(names) > 1 and all(dates):
        base = own if substantive(own) else s.subject
        item = Drafted(_growth(_period_free(base)), s.line, "", s.growth_section, kind="level")
        item.dated = {d: signed(sign, f) for d, f in zip(dates, figures, strict=True) if d}
        item.guesses.append(_GROWTH_GUESS)
        s.level = s.add(item, start, end)
        return
    for name, figure in zip(names, figures, strict=True):
        mean = "均" if head.rstrip().endswith("年均") and name.endswith("年") else ""
        item = Drafted(_growth(f"{name}{mean}"), s.line, "", s.growth_section, kind="level")
        item.actual = signed(sign, figure)
        item.guesses.append(_GROWTH_GUESS)
        if "（" in name and name.endswith("）"):
            item.guesses.append(Message.of("guess.one_name"))
        s.level = s.add(item, start, end)


def _periods(s: Sentence, count: int) -> list[date] | None:
    """The dates of the list of periods just before (2016年、2017年、2018年上半年), in this sentence
    or, failing that, earlier in the paragraph."""
    if count < 2:
        return None
    year = s.group.year
    return period_list(s.previous, year, count) or period_list(s.group.periods, year, count)


def level(s: Sentence, found: re.Match[str], start: int, end: int, text: str = "") -> None:
    """城镇登记失业率为0.84%, 筛查率均达到100% (one per name); 劣Ⅴ类水体比例分别为4.4%、4.4%、2.6%
    after a list of periods, one with dated figures."""
    if s.one_month:
        return  # 11月份，全县规模以上工业实现产销率91.6%: that month's level
    unit = found["unit"].replace("每", "/")
    percent = unit in ("%", "％")
    head = found["name"]
    rest = _MORE_PERCENTS.match(text, found.end()) if percent and found["both"] == "分别" else None
    figures = [found["num"], *re.findall(say.N, rest.group())] if rest else []
    dated = _periods(s, len(figures))
    name = clean(head).replace("累计", "")
    if dated is not None and rest is not None and substantive(name):
        item = Drafted(name, s.line, "", s.section, kind="level")
        item.dated = {d: f"{f}%" for d, f in zip(dated, figures, strict=True)}
        item.guesses.append(Message.of("guess.level"))
        s.level = s.add(item, min(start, s.previous_at), start + rest.end())
        return
    earlier = _YEAR_IN_NAME.search(head)
    if earlier is not None and s.group.year and int(earlier["year"]) < s.group.year:
        return  # 今年公布我市2012年…下降率为4.94%: an earlier year's figure
    if len(figures) > 1:  # 贡献率分别为3.3%、75.2%和21.5%: a figure for each named part, or none
        names = listed(head, len(figures)) or []
    else:
        names = (listed(head, 2) if found["both"] else None) or [clean(head)]
        figures = [found["num"]] * len(names)
    for name, figure in zip(names, figures, strict=False):
        name = name.replace("累计", "")
        if not substantive(name) or say.SHARE.search(name):
            continue
        item = Drafted(name, s.line, "", s.section, kind="level")
        item.actual = figure + ("%" if percent else "")
        item.unit = None if percent else unit
        if "失业" in name:
            item.direction = "lower"
            item.guesses.append(Message.of("guess.lower"))
        item.guesses.append(Message.of("guess.level"))
        s.level = s.add(item, start, end)
        if s.planned:
            _planned_target(s, item)


def planned(s: Sentence, text: str, start: int) -> bool:
    """In a clause after 全年目标是: a level's target (新农合参合率稳定在95%以上), kept for the
    level the sentence reports later."""
    found = PLANNED.search(PLAN_OPENS.split(text)[-1].strip())
    if found is None:
        return False
    name = clean(found["name"])
    if substantive(name):
        s.planned.append((name, found["num"] + "%" + (found["post"] or ""), start))
    return True


def _planned_target(s: Sentence, item: Drafted) -> None:
    """The target stated earlier in the sentence for a level of the same name."""
    for index, (name, target, start) in enumerate(s.planned):
        if name in item.name or item.name in name or _shared(name, item.name) >= 2:
            item.target = target
            s.spans[id(item)] = (min(start, s.spans[id(item)][0]), s.spans[id(item)][1])
            del s.planned[index]
            return


def _shared(one: str, other: str) -> int:
    pairs = {one[i : i + 2] for i in range(len(one) - 1)}
    return len(pairs & {other[i : i + 2] for i in range(len(other) - 1)})


def goal(s: Sentence, found: re.Match[str], end: int) -> bool:
    """规划期末目标为下降20%: the target of the sentence's last level, a decline (its figures all
    falls) naming it after the fall (…下降, figures and target positive)."""
    item = s.level
    if item is None or item.target is not None or not found["pct"]:
        return False
    figures = list(item.dated.values()) if item.dated else [item.actual or ""]
    if not all(figure.endswith("%") for figure in figures):
        return False
    if found["way"] in ("下降", "降低"):
        if not all(figure.startswith("-") for figure in figures):
            return False
        item.name = item.name.removesuffix("增长") + "下降"
        if item.dated:
            item.dated = {d: v.removeprefix("-") for d, v in item.dated.items()}
        elif item.actual is not None:
            item.actual = item.actual.removeprefix("-")
    item.target = found["num"] + "%"
    s.extend(item, end)
    return True


def level_target(s: Sentence, target: re.Match[str], end: int) -> None:
    """低于5.5%左右的预期目标: the target of the level before it."""
    item = s.level
    assert item is not None
    actual = item.actual or next(iter((item.dated or {}).values()), "")
    if item.target is not None or actual.endswith("%") != target["num"].endswith(("%", "％")):
        return
    number = target["num"].rstrip("%％") + ("%" if actual.endswith("%") else "")
    post = target["post"] or ""
    if target["pre"] in ("低于", "控制在", "不超过", "不高于") and not post:
        item.target = f"控制在{number}以内"
    else:
        item.target = number + post
    if item.gap is None and target["pre"] in ("高于", "低于", "好于", "优于"):
        item.gap = "低于" if target["pre"] == "低于" else "高于"  # the side it stands on
    s.extend(item, end)


def signed(sign: str, figure: str) -> str:
    if figure.startswith("-"):
        return figure + "%" if not sign else figure[1:] + "%"
    return f"{sign}{figure}%"


def _growth(name: str) -> str:
    """A growth rate's name: what it measures, then 增长 — never 增速增长 (投资增速同比下降…)."""
    return re.sub(r"(?:增速|增幅|增长率|增长)$", "", name) + "增长"


def _period_free(name: str) -> str:
    return clean(
        re.sub(r"(?:今年)?(?:(?:第)?一季度|上半年|前三季度|1-[0-9]+月)(?:和|、)?", "", name)
    )

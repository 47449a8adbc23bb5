"""What a figure measures, in the report's words: the words before the figure, without the
time, place and verb words around them (上半年全县地区生产总值完成 → 地区生产总值)."""

from __future__ import annotations

import re

from planaudit.core import phrasings as say

_TIME = (
    r"(?:今年|本年|去年|上年)?(?:上半年|下半年|以来|年初以来|全年|年内|同期|截至目前|目前)"
    r"|(?:1|一)\s*[-—–~～至到]\s*(?:1[0-2]|[1-9])\s*月份?|前三季度|(?:第)?[一二三四]季度"
    r"|截[至止](?:20[0-9]{2}年)?(?:1[0-2]|[1-9])月(?:[1-3]?[0-9]日|底|末|份)?|(?:1[0-2]|[1-9])月份?(?:末|底)?"
    r"|20[0-9]{2}年(?:度)?|今年|本年度?"
)
_PLACE = r"(?:全|我|本)(?:国|省|市|州|盟|县|区|旗|镇|乡|街道)|各(?:地|区|县|市|乡镇)"
_FILLER = (
    r"其中|累计|共计|合计|总计|共|已经|已|预计|初步核算|据初步核算"
    r"|(?:按)?(?:可比价格?|可比口径|不变价)(?:格)?计算|全年|当年|实现了?|完成了?|达到|新(?=增|建)"
)
_CLAUSE_WORDS = (
    r"(?:同比|环比)?(?:增长|下降|增速)|截至|截止|超额|超|设置的?|完成率"
    r"|目前|月份|月底|月末|[0-9]+|[%％.]"
)
_NOT_SUBSTANTIVE = re.compile(rf"(?:{_FILLER}|{_CLAUSE_WORDS}|{_TIME})+")
"""A name made of nothing but the words of a clause (截至, 累计, 已, 超额, 9月份设置的, 环比增长):
no name."""
_LEAD = re.compile(
    rf"^(?:[，,、：:\s“”\"'（(的]|[一二三四五六七八九十]+是|{_TIME}|{_PLACE}|现(?=已|累计|共|完成|在)|其中|累计|共计|共|已经|已|预计"
    r"|据初步核算|初步核算|按(?:可比价格?|不变价)计算)+"
)
_TAIL = re.compile(
    r"(?:[，,、：:\s“”\"'（(]|同比|比上年同期|比去年同期|较上年同期|比上年|较上年|名义|实际|分别|均|共|累计|合计|总计"
    r"|已经|已|完成了?|实现了?|达到|达|为|是|约|近|超过|共计|共有|新增(?=$)|增加(?=$))+$"
)
_INNER_PERIOD = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:1|一)\s*[-—–~～至到]\s*(?:1[0-2]|[1-9])\s*月份?"
)
"""重点建设项目1-3月项目投资: a period inside a name."""
_INNER_VERB = re.compile(r"(?:共|累计|已)?(?:完成|实现)(?=.)")
_NUMBERING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十]+[)）、.．]|[（(]?[0-9]{1,3}[)）、.．](?![0-9])|[0-9]{1,3}\s+|[#＃*]+|其中[：:]?)\s*"
)
_COUNT = re.compile(
    r"^[0-9]+(?:\.[0-9]+)?(?:万|亿)?(?:个|项|家|件|所|条|座|处|批)(?=[\u4e00-\u9fff]{2})"
)
"""The count a name opens with (63个新开工重点项目): what is counted is the name."""
_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
MAX_NAME = 40
"""Characters in a drafted name: more is a piece of a sentence, not a name."""


def clean(text: str, limit: int | None = MAX_NAME) -> str:
    """The name in `text`: leading time, place and filler words and trailing verbs removed, a
    verb inside (重点项目共完成投资) taken out when something stands on both sides of it."""
    name = _COUNT.sub("", _NUMBERING.sub("", text.strip()))
    for _ in range(3):
        trimmed = _COUNT.sub("", _TAIL.sub("", _LEAD.sub("", name)))  # 今年9件市级民生实事
        if trimmed == name:
            break
        name = trimmed
    name = _INNER_PERIOD.sub("", name)
    inner = _INNER_VERB.sub("", name)
    if len(inner) >= 2:
        name = inner
    name = _SPACED.sub("", name.strip("“”\"'：:，,、 （("))  # 新增 7069张 公办养老床位
    if name.count("“") != name.count("”"):
        name = re.sub(r"[“”]", "", name)  # 乙”项目投资: the title's quotes cut at a comma
    if name.count("（") != name.count("）") or name.count("(") != name.count(")"):
        name = re.sub(r"[（(][^）)]*$", "", name).strip()
    return name if limit is None or len(name) <= limit else name[-limit:]


def row_name(cell: str) -> str:
    """A table row's name: its numbering (一、, （一）, 1、, 其中：) taken off, and the spaces
    that pad it (海 口 市, 洋  浦) closed up."""
    name = _NUMBERING.sub("", cell.strip())
    name = _NUMBERING.sub("", name).strip()
    words = name.split()
    return "".join(words) if len(words) > 1 and all(len(w) == 1 for w in words) else name


_MEASURED_NOISE = re.compile(
    rf"^(?:附表|表)[0-9一二三四五六七八九十]*[:：、.．\s]*|{_TIME}|各(?:[省市县区州盟旗乡镇街道]|[（(][^）)]*[)）])+"
    r"|分(?:地区|县区|县市|市县|区县|乡镇)"
    r"|(?:的|及|和|与)?(?:(?:增长|增速|增幅|完成|执行|进展)(?:情况)?|情况)(?:统计|一览)?表?$"
    r"|(?:及|和|与)?(?:增长|增速|增幅)?(?:排名|排位)$|(?:统计|一览)?表$"
)


MAX_MEASURED = 10
"""Characters in what a table's title says it measures (地区生产总值, 规模以上工业增加值): more is
the title of a report (重点民生实事项目完成进度)."""


def measured(title: str) -> str:
    """What a table of places measures, from its title (附表：2018年上半年各市县地区生产总值及增速
    → 地区生产总值), or "" where the title names nothing."""
    name = title.strip()
    for _ in range(4):
        trimmed = _MEASURED_NOISE.sub("", name).strip()
        if trimmed == name:
            break
        name = trimmed
    name = re.sub(r"[（(][^）)]*[)）]|^(?:全|我|本)(?:国|省|市|州|县|区)", "", name).strip()
    plain = len(name) <= MAX_MEASURED and not re.search(r"[0-9，,。；;（()）]", name)
    return name if plain and substantive(name) else ""


def substantive(name: str) -> bool:
    """A name that says what is measured, not a stray word."""
    return len(name) >= 2 and not _NOT_SUBSTANTIVE.fullmatch(name)


FIRST_FIGURE = re.compile(rf"(?<![A-Za-z0-9.\-—–~～]){say.N}(?![0-9]*\s*[-—–~～至到月年日季号])")
"""The first figure of a clause, not a date (1-6月, 2018年) nor a part of a name (PM2.5): the
words before it name what the clause is about."""
DOING = re.compile(r"加快|加速|有序|稳步|顺利|扎实|全面|持续|积极|进展|推进|建设|实施|开展")
"""How a clause says a thing is going (现代产业项目加快建设): what comes before is its name."""
_LIST = re.compile(r"、|以及|及|和|与")
_SPLIT_WORDS = re.compile(r"[0-9一二三四五六七八九十]+(?:个|项|类)(?:行业|产业|指标|项目|门类)?.*$")


def _completed(names: list[str]) -> list[str]:
    """中、西部地区 → 中部地区, 西部地区; 一、二、三产业 → each …产业: single characters before
    a name that opens with one take the rest of it."""
    *first, last = names or [""]
    if first and len(last) > 1 and all(len(name) == 1 for name in first):
        return [name + last[1:] for name in first] + [last]
    return names


def listed(head: str, count: int) -> list[str] | None:
    """The names of a list (汽车制造业、食品制造业、燃气生产和供应业三个行业增加值): split on 、
    first, on 和/及 too when that gives `count` names; None unless exactly `count`."""
    text = _SPLIT_WORDS.sub("", clean(head, limit=None))
    for pattern in ("、", _LIST.pattern):
        names = _completed([clean(n) for n in re.split(pattern, text) if n.strip()])
        if len(names) == count and all(n and not FIRST_FIGURE.fullmatch(n) for n in names):
            return names
    return None


_NOUN = re.compile(r"(?:排放量|总量|增加值|收入|产量|总额|总值|投资|浓度|指数|价格)$")
"""What the last name of a list may carry for all of them (化学需氧量、二氧化硫排放量)."""


def shared_noun(names: list[str]) -> list[str]:
    """化学需氧量、氨氮、氮氧化物排放量 → each …排放量: the noun the last name ends with, for the
    names before it that have none."""
    noun = _NOUN.search(names[-1])
    if noun is None or len(names) < 2:
        return names
    return [n if _NOUN.search(n) else n.strip() + noun.group() for n in names[:-1]] + names[-1:]


_OPENING_TITLE = re.compile(r"^\s*[“\"](?P<name>[^”\"]{2,30})[”\"](?:项目|工程|行动)?\s*$")


def opening_title(sentence: str) -> str:
    """The item a sentence opens by naming in quotes, before its first comma (“老旧小区改造”项目，
    截至9月底，…): what its clauses of bare words and a figure are of."""
    first = re.split(r"[，,]", sentence, maxsplit=1)[0]
    title = _OPENING_TITLE.match(first)
    return title["name"].strip("“”‘’\"'") if title else ""

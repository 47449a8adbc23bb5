"""How reports say what was done: the phrasings `draft` builds indicators from and `verify` lists
uncited figures by — one grammar, so that the two never disagree about what a figure of progress
is.

- a stated rate: a lead word (完成, 占, 为, 达到), what the rate is of — ending in a plan word
  (计划, 预算, 目标, 任务, 总量, 总投资) with at most a few words around it — then 的 and the rate:
  完成年计划的41.8%, 占全年计划投资的X%, 完成年度目标任务的X%, 为年度任务的X%, 完成总量的X%;
  or a rate word: 完成率X%, 开工率达X%, 执行率为X%;
- a distance to the target or the pace: 低于目标1.8个百分点, 超时序进度3.5个百分点,
  比序时进度快2个百分点;
- a growth rate: 同比增长9.3%, 下降24%, 增速为6.1%, and lists (分别增长34%和10.5%);
- a level judged against a target: 城镇登记失业率为0.84%, PM2.5平均浓度为57微克/立方米;
- an amount of progress: a progress verb and a quantity (新增学位1.4万余个, 完成投资90.5亿元);
- a target stated beside progress: 年度投资计划647.4亿元, 全年计划新建10所; a count that is the
  year's target, reached: 完成安装100台的年度目标; never a schedule point (…30%的节点目标);
- the turn to the measures to come (二、下半年工作安排), after which figures are targets.

Numbers are the figures grammar of `planaudit.numbers` (ASCII digits, thousands commas).
"""

from __future__ import annotations

import re
from itertools import pairwise

from planaudit.core.running_text import MAGNITUDE as MAGNITUDE
from planaudit.core.running_text import TEXT_NUMBER

N = TEXT_NUMBER
PERCENT = "[%％]"

COUNT_UNITS = (
    "个|项|套|户|辆|处|座|家|片|条|所|块|张|间|台|件|次|场|批|只|头|册|盏|口|眼|栋|幢|宗|床|篇|部"
    "|艘|架|列|班|份|本|棵|株|对|组|名|位|支|起|例|类|种|门|路|根|级|轮|把|座次|户次|人次"
)
"""Units of things counted: 万 stays with the number (1.4万余个, 1.1万套)."""
MEASURE_UNITS = (
    "亿美元|万美元|美元|元|吨标准煤|标准煤|吨|公斤|千克|千瓦时|千瓦|兆瓦|平方公里|平方千米|平方米|立方米"
    "|公顷|亩|公里|千米|米|人(?!次)|天|小时|分钟|微克/立方米|微克每立方米|毫克/升|标箱"
)
"""Units of things measured: 万 and 亿 belong to the unit (万元, 亿元, 万平方米, 万人)."""
UNIT = rf"(?:{MAGNITUDE})?(?:{MEASURE_UNITS})|(?:{COUNT_UNITS})(?!百分点|月|工作日|季度|百分比)"
QUANTITY = re.compile(
    rf"(?P<num>{N})(?P<mag>{MAGNITUDE})?(?P<more>余|多)?"
    rf"(?P<unit>(?:{MEASURE_UNITS})|(?:{COUNT_UNITS})(?!百分点|月|工作日|季度))"
)
"""A figure with its unit: 11.3亿元, 521.25万平方米, 1.4万余个, 1966个."""

_RATE_LEAD = "(?:已|共|累计|总计)?(?:完成了?|实现了?|占|为|达到|达|相当于|是)"
_PLAN_WORD = "(?:计划|预算|目标|任务|总量|总投资|总额|工程量|工作量)"
RATE = re.compile(
    rf"{_RATE_LEAD}(?P<of>[^，,。；;：:、%％0-9]{{0,10}}?"
    rf"(?:(?P<before>{N}(?:{MAGNITUDE})?(?:{UNIT}))[^，,。；;：:、%％0-9]{{0,4}}?)?"
    rf"{_PLAN_WORD}(?!收入|支出|内)[^，,。；;：:、%％0-9的（(]{{0,4}}?)"
    rf"(?:(?P<target>{N}(?:{MAGNITUDE})?(?:{UNIT}))|[（(](?P<inside>[^（()）。；;]{{1,80}})[)）])?"
    rf"的?(?<![均都]在)(?P<rate>{N}){PERCENT}(?P<more>(?:[、和及与]{N}{PERCENT})*)"
)
"""完成年计划的41.8%, 占预算的52.6%, 占年度计划119.35%, 完成年度投资计划的69%,
完成年度目标1.2万人的66.7% and 占今年88641户任务数的80.26% (`target` / `before` the target printed
inside), 已超额完成年度目标（50场）的180% and
分别完成年度目标（维修改造锅炉146台、供热管网改造40公里）的80.8%、58.5% (`inside` the targets in
brackets, one per rate), 分别完成总任务量的97%、100%和83%
(`more` holds the rest of a list); not a range over several (完成年投资计划均在71%以上), nor a
share of an amount named after a budget (占一般公共预算收入的78.7%)."""
RATE_WORD = re.compile(
    r"(?:完成|执行|开工|开复工|开、复工|复工|动工|竣工|完工|(?:基本)?建成|投产|到位|办结|兑现|签约|履约"
    r"|拨付|支付|落地)"
    rf"(?:率|比例|进度)(?:已|均|均已)?(?:分别)?(?:达到|达|为|是)?\s?(?P<rate>{N}){PERCENT}"
    rf"(?P<more>(?:[、和及与]{N}{PERCENT})*)"
)
"""完成率96.13%, 开工率达55.4%, 开复工率92%, 开工率为 98.4%, 完成比例为60% — the rate of a
verb of progress (not 入住率, a level)."""
PAREN_RATE = re.compile(rf"[（(](?P<rate>{N}){PERCENT}[)）]")
"""The rate a bulletin puts in brackets after a count: 已完成120条(95%)."""

SCHEDULE_POINT = re.compile(
    rf"{N}(?:{MAGNITUDE})?(?:[%％]|{UNIT})?的?(?:节点|时序|阶段性?|月度|季度)(?:目标|任务)"
)
"""A figure set as a point on the year's schedule (超额完成9月份设置的累计完成总工程量30%的节点目标,
…改造20公里的节点目标, 完成60%的时序目标): a target of a date, never a rate done nor progress."""

_PACE = (
    "(?:时序|序时|时间|均衡|计划)进度|(?:年初)?(?:计划|预期|目标)(?:增速|增幅|增长|速度)"
    "|(?:年度|全年|预期|计划|调控)?目标(?:值)?"
)
"""What a distance is to: the pace (序时进度), the planned growth (计划增速) or the target."""
_AHEAD = ("高", "超", "快", "领先", "多")
GAP = re.compile(
    rf"(?P<side>高于|低于|超过|超出|高出|超|快于|慢于|落后于?|领先于?|滞后于?|差|欠)"
    rf"(?P<ref>(?:[^，,。；;0-9（()）%％]{{2,16}}?(?:及|和|、))?[^，,。；;0-9（()）%％]{{0,6}}?"
    rf"(?:{_PACE})(?:任务)?)"
    rf"(?:[（(](?P<against>[^）)]{{0,20}})[）)])?(?P<minus>[-−])?(?P<num>{N})个?百分点"
    rf"|比(?P<ref2>{_PACE})(?:[（(][^）)]{{0,20}}[）)])?"
    rf"(?P<side2>高出|高|低|快|慢|超出|超|落后|领先|多|少)了?(?P<num2>{N})个?百分点"
)
"""低于目标1.8个百分点, 超时序进度3.5个百分点, 低于时序进度(16.67%)3.82个百分点,
比序时进度快2个百分点, 低于计划增速2.2个百分点, 欠区级奋斗目标任务（24.93亿元）11.2个百分点 (the
target it is against in brackets: `against`)."""
SIDES = re.compile(
    r"(?P<what>增速|增幅|降幅|涨幅)(?:均|都|分别|也)?"
    r"(?P<side>高于|低于|快于|慢于|超过|超出|好于|落后于)(?:年初)?(?:计划|预期)(?:目标|增速|水平)?"
    r"(?=$|[，,。；;])"
)
"""…、进出口总值、城镇居民人均可支配收入增速均高于计划: the side the growths named before it stand
on, without a figure."""

_GROWTH_WORD = "增长|下降|减少|增加|回落|上涨|上升|降低|下滑|回升|比增|比降|增|降"
_FALL = ("下降", "减少", "回落", "降低", "下滑", "比降", "降")
GROWTH = re.compile(
    rf"(?P<base>同比|比上年同期|比去年同期|较上年同期|较去年同期|比上年|较上年|比去年|较去年|环比)?"
    rf"(?P<how>名义|实际)?(?P<list>分别)?(?P<way>{_GROWTH_WORD})(?P<num>-?{N}){PERCENT}"
    rf"(?P<more>(?:[、和及与]-?{N}{PERCENT})*)"
    rf"|(?P<word>增速|增幅|涨幅|降幅)(?:分别)?(?:为|达到|达|是)?(?P<num2>-?{N}){PERCENT}"
    rf"(?P<more2>(?:[、和及与]-?{N}{PERCENT})*)"
)
"""同比增长9.3%, 下降24%, 增长-16%, 比增16.6%, 分别增长34%和10.5%, 增速为-6.3%."""
RANKING = re.compile(r"(?:居|排|列)[^（(，,]{0,8}第[0-9一二三四五六七八九十]+[位名][（(][^）)]*$")
"""Inside the brackets after a ranking, figures are other places'
(居全省第14位（泰安下降6.9%…）)."""
GROWTH_TARGET = re.compile(r"(?:左右|以上|以内)?(?:的)?[^，,。；;：:0-9%％]{0,4}?(?:目标|预期)")
"""What follows a growth rate that is a target, not a result: 增长6%目标任务,
增长6.5%左右的预期目标, 年均增长8.5%左右的规划目标."""
_OTHER_WAY = re.compile(r"[（(][^（()）]*$")
"""A bracket opened right after a growth and still open: the same growth another way."""
NOT_GROWTH = re.compile(r"(?:两|三|四|五)年平均|环比|月份|单月|当月|剔除")
"""A growth rate for comparison, not the indicator's own: 两年平均增长5.3%, 环比增长0.38%,
剔除该因素年均增长9.6% (a figure adjusted)."""

LEVEL = re.compile(
    rf"(?P<name>[^，,。；;：:]{{1,40}}?(?:率|浓度|均值|指数|比重|比例|占比|比率|满意度|天数|系数|覆盖面|盖度))"
    rf"(?:累计)?(?:平均)?(?:实际)?(?P<both>均|分别)?(?:为|达到|达|是|保持在|控制在|稳定在|降至|降到|下降到|下降至|提高到|提高至|"
    rf"提升至|提升到|升至|(?<=率))(?P<num>{N})(?P<unit>{PERCENT}|{UNIT})"
    r"(?!(?:左右|以上|以内|以下)?的?[^，,。；;：:0-9%％]{0,4}?目标)"
)
"""城镇登记失业率为0.84%, PM2.5累计平均浓度为57微克/立方米, 服务业占GDP比重达到38%, and a rate
with its figure right after it (常住人口城镇化率54.6%); not a target (…培训率80%的年度目标)."""

SHARE = re.compile(r"比重|占比|比例|构成|产销率")
"""A share (服务业占GDP比重) or a ratio of two of the quantity's own figures (产销率: sold of
made) is a level a plan judges only where a target is stated for it."""

PROGRESS_VERB = re.compile(
    "完成|实现|新增|新建|新开工|开复工|复工|开工|竣工|完工|投用|投产|建成|建设|改造|拆除|腾退|拆迁|筹集|治理|发放|培训|救助|帮扶"
    "|接种|安置|解决|整治|新认定|引进|招引|签约|实施|达到|提供|资助|受理|办理|投入|拨付|修缮|铺设|种植"
    "|造林|植树|转移|吸纳|开展|举办|送|惠及|服务|累计"
)
"""Verbs that make an amount a figure of progress (新增学位1.4万余个, 竣工8807套)."""
TARGET = re.compile(
    r"(?P<word>(?:年度|全年|本年度?|年|今年)?(?:投资|建设)?(?:计划|目标任务|目标|任务|预算)"
    r"(?:投资|任务|目标|数)?)(?:为|是|达)?"
    rf"(?P<verb>[^，,。；;：:0-9]{{0,20}}?)(?P<quantity>{N}(?:{MAGNITUDE})?(?:余|多)?(?:{UNIT}))"
)
"""A target stated beside the progress: 年度投资计划647.4亿元, 全年计划新建10所, 目标任务5000人."""

TARGET_REACHED = re.compile(
    rf"(?:已经?|提前|超额|全面)?完成(?:了)?(?P<verb>[^，,。；;0-9的]{{0,8}}?)"
    rf"(?P<quantity>{N}(?:{MAGNITUDE})?(?:{UNIT}))的(?:年度|全年|今年)(?:目标|任务)(?:任务)?\s*$"
)
"""于8月份完成安装100台的年度目标: a count that is the year's target, reached — done of that
target, not a rate nor a plain amount."""


CLAUSE = re.compile(
    r"(?:[^。；;！？!?\n,，：:%％]|[%％](?![0-9])|(?<=[0-9]),(?=[0-9]{3}(?![0-9]))|:(?=\s))+[%％]?"
)
"""A clause: text between commas and sentence ends, a thousands comma (139,615) kept inside
its number; a percentage followed by a figure ends one (占年度计划的75%124个新建项目…: the
page lost its comma)."""

_HEADING_MARK = r"(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])"
MEASURES = re.compile(
    rf"^[ \t\u3000]*(?:{_HEADING_MARK}[^\n]{{0,40}}?"
    r"(?:措施|安排|打算|下一步|下半年|工作重点|重点工作|意见和建议|建议|展望)[^\n]{0,40}"
    r"|(?:下半年|下一步|下阶段)[^\n，,。；;]{0,16}(?:措施|安排|打算|工作|重点))[ \t\u3000]*$",
    re.MULTILINE,
)
"""Where a report turns from what was done to what will be done (二、完成全年计划的主要措施,
三、下半年工作安排, 下一步工作打算): its figures after that are targets, not progress."""


def growth_sign(way: str) -> str:
    """ "-" for a fall (下降24% is -24%), "" for a rise."""
    return "-" if way in _FALL or way == "降幅" else ""


def gap_sign(side: str) -> str:
    """ "" when the report says ahead of (超, 高于, 快于), "-" when behind (低于, 落后, 差)."""
    return "" if side.startswith(_AHEAD) else "-"


def growths(clause: str) -> list[re.Match[str]]:
    """The clause's growth rates of its own (not 两年平均, 环比 or a single month's, nor a
    growth target: 地区生产总值年度增长6%目标任务, nor the same growth measured another way in
    brackets: 名义增长9%（扣除价格因素实际增长11%））."""
    found = []
    before = None
    for m in GROWTH.finditer(clause):
        other_way = before is not None and _OTHER_WAY.match(clause, before.end(), m.start())
        before = m
        if (
            not other_way
            and not NOT_GROWTH.search(clause[: m.start() + 4])
            and not GROWTH_TARGET.match(clause, m.end())
            and not RANKING.search(clause, 0, m.start())
        ):
            found.append(m)
    return found


def progress_figure(clause: str) -> str | None:
    """The phrase of a clause of the account of progress that states a figure a plan file would
    cite — a stated rate, a distance to the target or the pace, a growth rate, a level, or a
    count against the count it is part of (126条…已完成120条（95%）), a count that is the year's
    target reached (完成安装100台的年度目标) — as `draft` reads it; None
    for a clause without one (plain amounts, 新建沼气池24.8万口, are not audited: no target),
    nor for a schedule point (…30%的节点目标: a target of a date, not a figure done)."""
    if SCHEDULE_POINT.search(clause):
        return None
    for pattern in (RATE, RATE_WORD, PAREN_RATE, GAP, LEVEL, TARGET_REACHED):
        match = pattern.search(clause)
        if match is not None and not (pattern is LEVEL and SHARE.search(match["name"])):
            return match.group()
    found = growths(clause)
    if found:
        return found[0].group()
    quantities = list(QUANTITY.finditer(clause))
    for first, second in pairwise(quantities):
        if first["unit"] == second["unit"] and PROGRESS_VERB.search(
            clause, first.end(), second.start()
        ):
            return clause[first.start() : second.end()]
    return None

"""What a sentence says is done, with or without a figure: an item (已全部完工,
已提前完成总目标任务, 已于2014年5月30日通车试运营, 已实现…的年度目标), all of a count
(146个续建项目已全面复工; 本年度计划新开工项目12个，已全部开工), the year's task
(…，超额完成年度目标任务; 完成自治区下达任务), a level held within its bound
(森林覆盖率稳定在33%以上): each a milestone done."""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import date

from planaudit.core import phrasings as say
from planaudit.draft import quantities as q
from planaudit.draft.model import Drafted
from planaudit.draft.names import MAX_NAME, clean, opening_title, substantive
from planaudit.draft.state import Sentence
from planaudit.lang import Message

_ITEM_DONE = re.compile(
    r"已(?:全部|全面|提前|基本|如期)?(?:完成|完工|建成|竣工|投用|投入使用|办结|开通|通车)"
    r"|(?:提前|超额|全面)完成(?:了)?(?:全年|年度|总)?(?:目标)?任务"
    r"|已于(?:(?P<year>20[0-9]{2})年)?(?P<month>1[0-2]|[1-9])月(?P<day>[1-3]?[0-9])日"
    r"[^，,。；;]{0,12}?(?:完成|建成|竣工|投用|开通|通车|运营|启用|开工)"
    r"|已(?:全面)?实现[^，,。；;]{0,30}?的?(?:年度|全年)目标"
)
"""An item reported done: 已全部完工, 已提前完成总目标任务, 已于2014年5月30日通车试运营."""
_ENDS_DONE = re.compile(
    r"(?P<how>(?:现|目前)?(?:已经?|均已|已)(?P<all>全部|全面|提前|基本|如期|按期|初步)?)"
    r"(?P<verb>完成|完工|建成|竣工|投用|投入使用|交付使用|办结|开通|通车|启用)"
    r"(?:并[^，,。；;0-9]{1,6})?\s*$"
    r"|(?P<how2>(?:并|已经?|均已|已)?(?P<all2>全部|全面))"
    r"(?P<verb2>开工|复工|开复工|下达|拨付|到位|投产|完成|建成|竣工|完工|开通)(?:建设)?\s*$"
    r"|(?P<verb3>实现了?)(?P<reached>[^，,。；;0-9]{0,10}?(?:全覆盖|清零))\s*$"
)
"""A clause that ends on its subject being done: 第一实验幼儿园建设工程已竣工, 资金已全部下达,
146个续建项目已全面复工, 现已完工并投入使用, 206户“零就业”家庭实现动态清零; 开工, 下达, 到位
only of all (已全部开工)."""
_SHARE_DONE = re.compile(
    rf"^\s*(?P<rate>{say.N})[%％]的(?P<what>[^，,。；;0-9]{{2,30}}?)(?:已经?|均已)"
    r"(?P<verb>建成|完成|完工|竣工|开工|投用|投入使用)"
)
"""14%的“互联网+教育”示范区建设项目已建成并投入使用: the share of the items done."""
_UNDER_WAY = re.compile(
    r"^(?P<what>[^，,。；;0-9]{2,30}?)(?:目前)?正在(?:组织|抓紧|积极)?"
    r"(?P<stage>研究制定|研究起草|研究|制定|起草|征求意见|编制|审核|审批|论证|招标|设计|报批)"
    r"[^，,。；;0-9]{0,8}$"
)
"""新业态从业人员职业伤害保障制度正在研究制定: a measure not yet done, at a stage of its making."""
_LIST_MARK = re.compile(r"^(?:规划的|计划的|年度|今年|全年|其中|此外|同时)+")
_TASK_DONE = re.compile(
    r"(?:超额|提前|全面|已经?)完成(?:了)?(?:全年|年度|今年)(?:目标)?任务(?!的)"
    r"|(?:^|(?<=[，,]))完成(?:了)?(?:全年|年度|今年)[^，,。；;0-9的]{0,4}?任务(?=$|[，,。；;])"
    r"|完成(?:了)?(?:国家|省|市|州|县|区|自治区|上级|兵团)下达(?:的)?(?:年度|全年)?(?:目标)?任务"
)
"""A sentence that reports its task done: …，超额完成年度目标任务; …5元，完成年度调整任务 (a
clause of its own); 主要污染物减排指标完成自治区下达任务."""
_HELD = re.compile(
    rf"(?P<name>[^，,。；;：:0-9]{{2,30}}?)(?:稳定在|保持在|控制在|维持在)(?P<num>{say.N})"
    rf"(?:[%％]|{say.UNIT})?(?P<bound>以上|以内|以下)"
)
"""森林覆盖率稳定在33%以上: a level said to hold within its bound, a milestone done — unless the
sentence states it as a target (全年目标是新农合参合率稳定在95%以上)."""
_NOT_A_SUBJECT = re.compile(rf"{say.N}|项目$|工程$|任务$|^(?:其中|目前|全部|均|都|上半年)")
"""What a sentence reported done names when it is not the item itself (上半年已全部完工,
全市7.4万口山坪塘整治工作已提前完成…): the item's title names it."""
_ALL_OF_THEM = re.compile(
    r"^\s*(?:已经?|均已)(?:全部|全面)(?:完成|建成|开工|竣工|投产|复工|完工|实现)\s*$"
)
"""…项目12个，已全部开工: every one of the count before done."""
_ITEM_TASK = re.compile(
    rf"^\s*(?:[一二三四五六七八九十]+是|[（(]?[0-9]{{1,3}}[)）.．、])[^，,。；;0-9]{{2,30}}"
    rf"(?P<quantity>{say.N}(?:{say.MAGNITUDE})?(?:{say.UNIT}))\s*$"
)
"""二是改造农村危房500户，已全部完成: a numbered item's task, a count, then all of it done."""
_COUNT = re.compile(rf"^{say.N}(?:{say.MAGNITUDE})?(?:余|多)?(?:{say.UNIT})")
"""The count a done item's name opens with (20所新建幼儿园): the name is what is counted."""
_LISTED_KIND = re.compile(rf"^.*等(?:{say.N}|[一二三四五六七八九十]+)(?:个|项|家|所|条|处)(?=.)")
"""秦晋大酒店、西卓子井田、山阳井田等8个市级重点建设项目: what all of them are."""
_TRAILING_COUNT = re.compile(rf"(?<=[\u4e00-\u9fff]){say.N}(?:个|项|家|所|条|处)$")
"""…农产品加工重点项目12个: the count of the items done, not their name."""
_GENERIC = re.compile(
    rf"(?<![0-9.]){say.N}(?![0-9.]|(?:{say.MAGNITUDE})?(?:{say.UNIT})?及?以[上下])|^(?:其中|目前|全部|均|都|上半年|其他|其余|部分|一批|各项|多数)|^(?:项目|工程|任务|工作)$"
)
"""A subject that names no item of its own (上半年已全部完工, 其他一批项目正在加快推进)."""
_STEP = re.compile(
    r"(?:方案|设计|勘验|勘察|勘探|招标|招投标|评审|选址|前期工作|前期|手续|论证|立项|调研|摸底|测绘"
    r"|征求意见)(?:制定|编制|工作|阶段)?$"
)
"""A step toward an item (点位勘验、建设方案制定已完成), not the item done."""
_YEAR_WORDS = re.compile(r"(?:本|今)?年度?|全年|计划|目标|任务")
_COUNTED = re.compile(rf"\s*{say.N}")
"""已完工6所: how many are done, not the item."""
_SOME = re.compile(r"(?:绝)?大(?:部分|多数)|部分|多数|少数|个别|其余|其他|全部|所有|各(?:项|类)")
"""A share of the items, not one (大部分项目, 绝大多数事项)."""
_PLAN_WORDS = re.compile(r"目标|任务|计划")
_ON_PACE = re.compile(r"过半|序时进度|时序进度|双过半")
"""A sentence that says the task stands at the pace (时间过半、任务过半): half done, not done."""
_PURPOSE = re.compile(r"(?:^|[^0-9])(?:为|以|确保|力争|争取|为了)[^，,。；;0-9]{0,4}$")
"""为全面完成年度目标任务打下了坚实基础: the task is what the work is for, not what was done."""
_COUNT_OF_TASKS = re.compile(
    rf"{say.N}(?:个|项|件)(?:事项|项目|实事|任务|指标)?(?:已|均已|已经)?[^0-9]{{0,4}}$"
)
"""其中24个事项已…: how many tasks are done, not one."""


def sentence(s: Sentence, stop: int) -> None:
    """An item or the year's task the sentence (up to `stop`) reports done, where it has no
    figure of its own."""
    found = _ITEM_DONE.finditer(s.text, 0, stop) if "已" in s.text or "完成" in s.text else ()
    done = next((d for d in found if not _COUNTED.match(s.text, d.end())), None)
    if done is not None and _not_done(s.text[: done.start()]):
        done = None
    if done is not None and not any(i.judged for i in s.found):
        subject = clean(s.text[: done.start()])
        if substantive(subject) and not _NOT_A_SUBJECT.search(subject):
            item = Drafted(subject, s.line, "", s.section, kind="milestone", done=True)
            item.guesses.append(Message.of("guess.done"))
            if done["month"]:  # 已于5月20日建成投用: the day it was done
                year = int(done["year"] or s.group.year)
                with suppress(ValueError):
                    item.done_on = date(year, int(done["month"]), int(done["day"]))
            s.add(item, len(s.text) - len(s.text.lstrip()), done.end())
        elif s.group.done is None:
            s.group.done, s.group.done_quote = done, s.text.strip().rstrip("。；;")
    task_done = _TASK_DONE.search(s.text, 0, stop) if "任务" in s.text else None
    if task_done and not s.group.title and not any(i.judged for i in s.found):
        _task_done(s, task_done)


def clause(s: Sentence, text: str, start: int, end: int) -> bool:
    """A clause that reports a milestone done, with nothing more to read in it."""
    reached = say.TARGET_REACHED.search(text) if "目标" in text or "任务" in text else None
    if reached is not None and (quantity := say.QUANTITY.search(reached["quantity"])):
        title = opening_title(s.text)
        name = title or clean(text[: reached.start()] + reached["verb"])
        if substantive(name):
            item = q.cumulative(name, quantity, s.line, s.section)
            item.target, item.plain = item.actual, False
            s.add(item, start if not title else 0, end)
            return True
    all_of = _ALL_OF_THEM.match(text) if "全" in text else None
    task = say.TARGET.search(s.previous) or _ITEM_TASK.match(s.previous)
    if all_of is not None and task is not None:
        name = clean(_YEAR_WORDS.sub("", s.previous[: task.start("quantity")]))
        if substantive(name):  # 本年度计划新开工项目12个，已全部开工
            item = Drafted(name, s.line, "", s.section, kind="milestone", done=True)
            item.guesses.append(Message.of("guess.all_done", quantity=task["quantity"]))
            s.add(item, s.previous_at, end)
            return True
    held = _HELD.fullmatch(text.strip()) if "在" in text else None
    if held is not None and not _PLAN_WORDS.search(s.text, 0, start + held.start("num")):
        item = Drafted(text.strip(), s.line, "", s.section, kind="milestone", done=True)
        item.guesses.append(Message.of("guess.within_bound"))
        s.add(item, start, end)
        return True
    return False


def ended(s: Sentence, text: str, start: int, end: int) -> bool:
    """A clause that ends on its subject being done (资金已全部下达; a list, 20所新建幼儿园、
    15万平方米校舍已全部开工: one milestone each), a share of its items done (14%的…项目已建成), or
    a measure under way (…制度正在研究制定): milestones, or the share as a stated rate."""
    if "%" in text or "％" in text:
        share = _SHARE_DONE.match(text)
        if share is None:
            return False
        item = Drafted(clean(share["what"]) + share["verb"], s.line, "", s.section)
        item.stated = share["rate"] + "%"
        item.guesses.append(Message.of("guess.share_of_items"))
        s.add(item, start, end)
        return True
    under_way = _UNDER_WAY.match(text.strip()) if "正在" in text else None
    if under_way is not None:
        return _milestone(s, [clean(under_way["what"])], "", start, end, done=False)
    found = _ENDS_DONE.search(text) if "已" in text or "全" in text or "实现" in text else None
    if found is None:
        return False
    subject = _LISTED_KIND.sub("", _TRAILING_COUNT.sub("", text[: found.start()]))
    names = [_LIST_MARK.sub("", clean(n, limit=None)) for n in subject.split("、")]
    if len(names) < 2 or not all(_COUNT.match(n) for n in names):
        names = [_LIST_MARK.sub("", clean(subject, limit=None))]  # one, or a list of counted items
    names = [_COUNT.sub("", n) for n in names]  # 20所新建幼儿园、15万平方米…校舍已全部开工
    if found["verb3"]:
        return _milestone(s, [names[0] + found["reached"]], "", start, end)
    every = found["all"] or found["all2"] or ""
    return _milestone(s, names, every + (found["verb"] or found["verb2"]), start, end)


def _milestone(
    s: Sentence, names: list[str], verb: str, start: int, end: int, done: bool = True
) -> bool:
    """One milestone per name, quoting the clause; False where a name is not one."""
    if not all(substantive(n) and len(n) <= MAX_NAME and not _GENERIC.search(n) for n in names):
        return False
    if done and any(_STEP.search(n) for n in names):
        return True  # read: a step done is not the item done
    for name in names:
        item = Drafted(name + verb, s.line, "", s.section, kind="milestone", done=done)
        item.guesses.append(Message.of("guess.done" if done else "guess.under_way"))
        s.add(item, start, end)
    return True


def _not_done(before: str) -> bool:
    """实现“时间过半、任务过半”，为全面完成年度目标任务打下了基础: on pace, and the task what the
    work is for — not done."""
    own = re.split(r"[，,；;]", before)[-1]
    return _ON_PACE.search(before) is not None or _PURPOSE.search(own) is not None


def _task_done(s: Sentence, done: re.Match[str]) -> None:
    """关闭煤矿42个、退出产能347万吨，超额完成年度目标任务: a task reported done — not a count of
    tasks done (其中24个事项已提前完成全年任务)."""
    before = s.text[: done.start()]
    own = re.split(r"[，,；;]", before)[-1]
    if _COUNT_OF_TASKS.search(own) or _SOME.match(own.strip()):
        return  # 大部分项目已完成年度目标任务: how many, not which
    if _not_done(before):
        return
    figures = rf"{say.N}(?:{say.MAGNITUDE})?(?:余|多)?(?:{say.UNIT}|[%％])?"
    clauses = [c for c in re.split(r"[，,]", before) if c.strip()]
    counted = clauses[-1:] if clauses and re.search(figures, clauses[-1]) else clauses
    pieces = (clean(re.sub(figures, "", clean(p))) for c in counted for p in c.split("、"))
    what = [piece for piece in pieces if substantive(piece)]
    if not what:
        return
    item = Drafted("、".join(what), s.line, "", s.section, kind="milestone")
    item.done = True
    item.guesses.append(Message.of("guess.year_task_done"))
    item.guesses.append(Message.of("guess.name_from_sentence"))
    s.add(item, 0, done.end())
    s.found = [i for i in s.found if not i.plain]

"""What a sentence says is done, with or without a figure: an item (已全部完工,
已提前完成总目标任务, 已于2014年5月30日通车试运营, 已实现…的年度目标), all of a count
(146个续建项目已全面复工; 本年度计划新开工项目12个，已全部开工), the year's task
(…，超额完成年度目标任务; 完成自治区下达任务), a level held within its bound
(森林覆盖率稳定在33%以上): each a milestone done."""

from __future__ import annotations

import re

from planaudit import phrasings as say
from planaudit.draft.model import Drafted
from planaudit.draft.names import clean, substantive
from planaudit.draft.state import Sentence

_ITEM_DONE = re.compile(
    r"已(?:全部|全面|提前|基本|如期)?(?:完成|完工|建成|竣工|投用|投入使用|办结|开通|通车)"
    r"|(?:提前|超额|全面)完成(?:了)?(?:全年|年度|总)?(?:目标)?任务"
    r"|已于(?P<year>20[0-9]{2})年(?P<month>1[0-2]|[1-9])月(?P<day>[1-3]?[0-9])日"
    r"[^，,。；;]{0,12}?(?:完成|建成|竣工|投用|开通|通车|运营|启用|开工)"
    r"|已(?:全面)?实现[^，,。；;]{0,30}?的?(?:年度|全年)目标"
)
"""An item reported done: 已全部完工, 已提前完成总目标任务, 已于2014年5月30日通车试运营."""
_ALL_DONE = re.compile(
    rf"^\s*(?P<count>{say.N}(?:{say.MAGNITUDE})?(?:{say.COUNT_UNITS}))(?P<what>[^，,。；;0-9]{{2,30}}?)"
    r"(?:已经?|均已|已经全部)(?:全部|全面|如期|提前|按期)(?P<verb>完成|完工|建成|竣工|复工|开工|投用|投产|"
    r"交付|到位|办结|通车|开通)\s*$"
)
"""146个续建项目已全面复工: every one of a count done, a milestone."""
_TASK_DONE = re.compile(
    r"(?:超额|提前|全面|已经?)完成(?:了)?(?:全年|年度|今年)(?:目标)?任务"
    r"|完成(?:了)?(?:国家|省|市|州|县|区|自治区|上级|兵团)下达(?:的)?(?:年度|全年)?(?:目标)?任务"
)
"""A sentence that reports its task done: …，超额完成年度目标任务; 主要污染物减排指标完成自治区下达
任务."""
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
_YEAR_WORDS = re.compile(r"(?:本|今)?年度?|全年|计划|目标|任务")
_PLAN_WORDS = re.compile(r"目标|任务|计划")
_COUNT_OF_TASKS = re.compile(
    rf"{say.N}(?:个|项|件)(?:事项|项目|实事|任务|指标)?(?:已|均已|已经)?[^0-9]{{0,4}}$"
)
"""其中24个事项已…: how many tasks are done, not one."""


def sentence(s: Sentence, stop: int) -> None:
    """An item or the year's task the sentence (up to `stop`) reports done, where it has no
    figure of its own."""
    done = _ITEM_DONE.search(s.text, 0, stop) if "已" in s.text or "完成" in s.text else None
    if done is not None and not any(i.judged for i in s.found):
        subject = clean(s.text[: done.start()])
        if substantive(subject) and not _NOT_A_SUBJECT.search(subject):
            item = Drafted(subject, s.line, "", s.section, kind="milestone", done=True)
            item.guesses.append("done: the report says it is done")
            s.add(item, len(s.text) - len(s.text.lstrip()), done.end())
        elif s.group.done is None:
            s.group.done, s.group.done_quote = done, s.text.strip().rstrip("。；;")
    task_done = _TASK_DONE.search(s.text, 0, stop) if "任务" in s.text else None
    if task_done and not s.group.title and not any(i.judged for i in s.found):
        _task_done(s, task_done)


def clause(s: Sentence, text: str, start: int, end: int) -> bool:
    """A clause that reports a milestone done, with nothing more to read in it."""
    all_of = _ALL_OF_THEM.match(text) if "全" in text else None
    if all_of is not None and (task := say.TARGET.search(s.previous)):
        name = clean(_YEAR_WORDS.sub("", s.previous[: task.start("quantity")]))
        if substantive(name):  # 本年度计划新开工项目12个，已全部开工
            item = Drafted(name, s.line, "", s.section, kind="milestone", done=True)
            item.guesses.append(f"done: all {task['quantity']} are said to be done")
            s.add(item, s.previous_at, end)
            return True
    held = _HELD.fullmatch(text.strip()) if "在" in text else None
    if held is not None and not _PLAN_WORDS.search(s.text, 0, start + held.start("num")):
        item = Drafted(text.strip(), s.line, "", s.section, kind="milestone", done=True)
        item.guesses.append("done: the report says the level holds within its bound")
        s.add(item, start, end)
        return True
    return False


def count_done(s: Sentence, text: str, start: int, end: int) -> bool:
    """146个续建项目已全面复工: every one of a count done."""
    all_done = _ALL_DONE.match(text) if "已" in text else None
    if all_done is None:
        return False
    item = Drafted(clean(all_done["what"]) + all_done["verb"], s.line, "", s.section)
    item.kind, item.done = "milestone", True
    item.guesses.append(f"done: all {all_done['count']} are said to be done")
    s.add(item, start, end)
    return True


def _task_done(s: Sentence, done: re.Match[str]) -> None:
    """关闭煤矿42个、退出产能347万吨，超额完成年度目标任务: a task reported done — not a count of
    tasks done (其中24个事项已提前完成全年任务)."""
    before = s.text[: done.start()]
    own = re.split(r"[，,；;]", before)[-1]
    if _COUNT_OF_TASKS.search(own):
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
    item.guesses.append("done: the report says the year's task is done")
    item.guesses.append("name: made from what the sentence reports; give the task's name")
    s.add(item, 0, done.end())
    s.found = [i for i in s.found if not i.plain]

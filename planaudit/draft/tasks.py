"""A row of a task table (民生实事, 重点项目): the task is a sentence with its counts
(新建公用和专用电动汽车充电桩350个，其中农村185个), the progress a sentence with what is done
(新建公共充电桩99个，其中农村79个。), the rate a bare percentage (形象进度 28%) or a rate in words.

The task's count is the row's target — where it has one, or others only as its parts (350个，
其中农村185个); several counts (新建公办园5所，新增学位1000个) make the rate the whole task's — and
each count of the task takes
the progress's count of its unit that something was done to (a verb of progress before it, no
word of planning: 已确定13家 is not 13 built), where the counts of that unit pair one to one. The
other counts of the task are indicators of their own where the progress gives their figure."""

from __future__ import annotations

import calendar
import re
from datetime import date

from planaudit.core import phrasings as say
from planaudit.draft import quantities as q
from planaudit.draft.model import Drafted
from planaudit.draft.names import clean, substantive
from planaudit.lang import Message

_DONE = re.compile(
    r"已(?:全部|全面|提前|基本)?(?:完成|建成|竣工|完工|投用|投入使用|投产|开通|通车|办结|实现)"
    r"|全面完成|提前完成"
)
_OPENING = re.compile(r"^\s*(?:目前|现在?|截至目前|该项目|项目|工程)?[，,]?\s*")
"""What a progress cell may open with before it says the task is done (目前已完成…)."""
_LEAD_PERCENT = re.compile(rf"(?:^|\s)(?P<rate>{say.N})[%％]")
_PLANNING = re.compile(r"计划|拟|确定|预计|目标|力争|将")
_CLAUSE_START = re.compile(r"[，,。；;：:\s]")


def read(item: Drafted, name: str, task: str, progress: str) -> list[Drafted]:
    """Fill the row's indicator from its task and progress; return the indicators of the task's
    other counts."""
    counts = list(say.QUANTITY.finditer(task or name))
    rate = (
        say.RATE_WORD.search(progress)
        or say.RATE.search(progress)
        or say.PAREN_RATE.search(progress)
        or _LEAD_PERCENT.search(progress.strip())
    )
    pairs = _pairs(counts, progress)
    item.name = name.rstrip("。；; ")
    text = task or name
    parts = all(
        text[: count.start()].rstrip().endswith("其中") or "其中" in _clause_of(text, count)
        for count in counts[1:]
    )
    whole = len(counts) == 1 or (len(counts) > 1 and parts)  # 350个，其中农村185个
    if whole:
        _fill(item, counts[0], pairs.get(0))
    if rate is not None:
        item.stated = rate["rate"] + "%"
    if item.actual is None and rate is None and _DONE.match(_OPENING.sub("", progress)):
        item.kind, item.done, item.unit, item.target = "milestone", True, None, None
        item.guesses.append(Message.of("guess.column_done"))
    extras = []
    for index, count in enumerate(counts):
        if (index or not whole) and index in pairs:
            extra = Drafted(_count_name(task or name, count), item.line, item.source, item.section)
            extra.from_table, extra.owner = True, item.owner
            _fill(extra, count, pairs[index])
            extra.guesses.append(Message.of("guess.task_words"))
            extras.append(extra)
    return extras


_STEP = re.compile(r"^\s*(?P<month>1[0-2]|[1-9])月(?:份|底|末)?[:：]\s*(?P<step>[^。；;]+)")


def step(item: Drafted, planned: str, year: int | None) -> Drafted | None:
    """A task reported done in a table that plans a step each month (月度工作计划 | 落实情况:
    已完成): the month's step is done (4月：制定并下发工作方案), not the year's task — a milestone
    due at that month's end, named by the task and the step; none where the step names no month
    (8月底前…确保完成年度任务) or the year is not known."""
    found = _STEP.match(planned)
    if found is None or year is None:
        return None
    month = int(found["month"])
    item.name = f"{item.name}：{found['step'].strip()}（{month}月）"
    item.due = date(year, month, calendar.monthrange(year, month)[1])
    return item


def _fill(item: Drafted, target: re.Match[str], actual: re.Match[str] | None) -> None:
    item.unit = q.unit(target)
    item.target = target["num"].replace(",", "") + (target["mag"] or "")
    if actual is not None:
        item.actual = (
            actual["num"].replace(",", "") + (actual["mag"] or "") + (actual["more"] or "")
        )


def _pairs(counts: list[re.Match[str]], progress: str) -> dict[int, re.Match[str]]:
    """Task count index → the progress count done of its unit, where the counts of that unit
    pair one to one (or a single task count has a single count done)."""
    done = [found for found in say.QUANTITY.finditer(progress) if _was_done(progress, found)]
    pairs: dict[int, re.Match[str]] = {}
    for unit in {q.unit(count) for count in counts}:
        wanted = [i for i, count in enumerate(counts) if q.unit(count) == unit]
        found = [count for count in done if q.unit(count) == unit]
        if len(wanted) == len(found):
            pairs.update(zip(wanted, found, strict=True))
    return pairs


def _was_done(progress: str, count: re.Match[str]) -> bool:
    """A verb of progress stands before the count in its sentence, and no word of planning in
    its clause (已确定13家, 计划新建…)."""
    before = progress[: count.start()]
    clause = before[max((m.end() for m in _CLAUSE_START.finditer(before)), default=0) :]
    sentence = re.split(r"[。；;]", before)[-1]
    return say.PROGRESS_VERB.search(sentence) is not None and not _PLANNING.search(clause)


def _clause_of(text: str, count: re.Match[str]) -> str:
    """The words of the clause a count stands in, up to the count."""
    return re.split(r"[，,。；;、]", text[: count.start()])[-1]


def _count_name(task: str, count: re.Match[str]) -> str:
    """The words of the count's clause (其中农村185个 → 农村, 全年计划服务青少年1.24万人次 →
    服务青少年)."""
    start = max((m.end() for m in re.finditer(r"[，,。；;、]", task[: count.start()])), default=0)
    end = re.search(r"[，,。；;、]|$", task[count.end() :])
    stop = count.end() + (end.start() if end else 0)
    words = task[start : count.start()] + task[count.end() : stop]
    name = clean(re.sub(r"^(?:其中|全年计划|全年|计划)", "", words.strip()))
    return name if substantive(name) else clean(task)

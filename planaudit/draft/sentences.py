"""The account of progress read line by line: `(一)…` headings give the sections, each line's
sentences are read clause by clause (`clauses`), and the sentences of one item — a numbered task,
a 民生实事, a paragraph — are read together (`groups`), so that a target stated in the item's
title (2606个撤并村通公路（2013—2017年）) or in a sentence of its own (年度投资计划647.4亿元)
goes to the amount it belongs to."""

from __future__ import annotations

import re
from collections.abc import Callable

from planaudit.core import phrasings as say
from planaudit.draft import clauses, levels
from planaudit.draft.groups import ITEM_MARK, Group
from planaudit.draft.model import Drafted
from planaudit.draft.names import clean
from planaudit.draft.state import Sentence

_HEADING = re.compile(
    r"^[ \t\u3000]*(?P<mark>[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．])"
    r"[ \t\u3000]*(?P<title>[^。；;！？\n]{1,40}?)[ \t\u3000]*(?:[。；;！？]|$)"
)
_PROGRESS = re.compile(r"[，,%％]|已|累计|同比")
"""A heading's words that report progress: the line is an item's sentence, not a heading."""
_WHOLE_ACCOUNT = re.compile(r"执行情况|完成情况|进展情况|运行情况|基本情况|总体情况|实施情况")
_SENTENCE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
_NEXT_STEPS = re.compile(r"^[ \t\u3000]*(?:下一步|下阶段|下步)[，,：:]")
"""A paragraph on the next steps (下一步，…将…): plans, not progress."""
_YEAR_TASK = re.compile(
    r"[^，,。；;：:0-9]{2,30}?(?:年度|全年|今年)(?:目标)?(?:任务|计划|目标)(?:是|为)?[：:]?"
)
"""村邮站建设年度计划建设800个，…: a sentence that opens on its item's task for the year starts
an item of its own."""
_TASK_LABEL = re.compile(
    r"^[ \t\u3000]*(?:目标任务|年度目标|年度任务|全年目标|工作目标|建设任务|建设目标|任务目标|目标)"
    r"[：:][ \t\u3000]*"
)
"""目标任务：新建幼儿园12所 — a bulletin's item stating its task under a label: the target."""
_PROGRESS_LABEL = re.compile(
    r"^[ \t\u3000]*(?:(?:目前)?(?:完成|进展|推进|落实|实施|进度|工作进展)情况|工作进展|进展|进度"
    r"|形象进度)[：:][ \t\u3000]*"
)
"""完成情况：已完成8所 — its progress under a label: the label names nothing."""
_ORDINAL = re.compile(r"^[ \t\u3000]*[一二三四五六七八九十]+是")
"""一是…；二是…: a bulletin's items, each an item of its own."""
MAX_GROUP = 40
"""Sentences of one item at most: a longer paragraph is read 40 sentences at a time, so that
matching its targets to its amounts costs its length, not its length squared."""

MAX_SPANS = 8
"""Lists of tasks looked at for one line."""

Lines = Callable[[int], int]


def read(
    account: str, line: Lines, skip: set[int], year: int, tasks: list[tuple[int, int]]
) -> list[Drafted]:
    """The indicators of the account's sentences; `skip` holds the lines read as tables, `tasks`
    the spans that list the year's tasks (read for targets, not progress: their sentences are
    left out)."""
    spans = sorted(tasks)
    next_span = 0
    found: list[Drafted] = []
    section: str | None = None
    headed = False  # a section heading seen: growth rates before it are the main indicators
    offset = 0
    for number, raw_line in enumerate(account.splitlines(keepends=True), start=1):
        start = 0
        if number not in skip and not _NEXT_STEPS.match(raw_line):
            heading = _HEADING.match(raw_line)
            group = Group(year)
            if heading and _PROGRESS.search(heading["title"]):
                start = heading.start("title")  # （五）市级重点项目135个，已开工128个: an item
            elif heading:
                title = heading["title"].replace("“", "").replace("”", "")
                if not _WHOLE_ACCOUNT.search(title):
                    section, headed = title, True
                start = heading.end()
                if say.QUANTITY.search(title):  # （一）新建幼儿园10所。: the item's task
                    group.title_of(title, number, numbered=True)
            growth_section = section or (None if headed else "主要经济指标")
            first = True
            while next_span < len(spans) and spans[next_span][1] <= offset:
                next_span += 1
            listed = [
                (a - offset, b - offset)
                for a, b in spans[next_span : next_span + MAX_SPANS]
                if a < offset + len(raw_line)
            ]
            for sentence in _SENTENCE.finditer(raw_line, start):
                if any(a <= sentence.start() < b for a, b in listed):
                    continue  # a list of the year's tasks: targets, not progress
                text = sentence.group()
                begin = sentence.start()
                labelled = _TASK_LABEL.match(text) or _PROGRESS_LABEL.match(text)
                if labelled:
                    text, begin = text[labelled.end() :], begin + labelled.end()
                numbered = ITEM_MARK.match(text) is not None
                tasked = group.touched and _YEAR_TASK.match(text) is not None
                if (numbered and group.touched) or tasked or group.sentences >= MAX_GROUP:
                    found += group.close()
                    group = Group(year, totals=group.totals)
                group.sentences += 1
                at = line(offset + begin)
                tasked_so = labelled is not None and labelled.re is _TASK_LABEL
                if tasked_so and group.title and not group.targets and not group.subject:
                    group.subject = clean(group.title)  # 二是城镇老旧小区改造。目标任务：…
                group.labelled = group.labelled or tasked_so
                planned = levels.PLANNED.search(text.strip().rstrip("。；;")) if tasked_so else None
                if planned is not None:
                    group.level_target(text, planned)
                    continue
                titled = tasked_so or _ORDINAL.match(text) is not None
                if (numbered or first or tasked_so) and group.title_of(text, at, titled):
                    first = False
                    continue
                first = False
                clauses.read(Sentence(text, at, section, group, growth_section))
            found += group.close()
        offset += len(raw_line)
    return found

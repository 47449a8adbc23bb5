"""What reading one sentence keeps from clause to clause: the indicators it has found and the
spans they quote, the subject a later clause's growth is named after, the last amount a stated
rate may still take as its actual."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planaudit.draft.groups import Group
from planaudit.draft.model import Drafted


@dataclass
class Sentence:
    text: str
    line: int
    section: str | None
    group: Group
    growth_section: str | None = None
    """Growth rates before the first heading are the main economic indicators (主要经济指标)."""
    found: list[Drafted] = field(default_factory=list)
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    subject: str = ""
    subject_at: int = 0
    """Where the clause that named the subject begins: a growth named after it quotes from there."""
    counted_to: int = 0
    """Where a count done of a total read whole (共38项（…），其中5项已完成) ends: its clauses are
    not read again."""
    naming: bool = False
    """The clauses since 分别是 after a count name the items counted (…7个，分别是A已竣工，…)."""
    topic: str = ""
    """The first subject the sentence names (千万元以上重点建设项目71个，总投资…): what its
    targets stated in words of the plan alone are of."""
    single: bool = False
    """The subject's clause speaks of a single month or quarter (第二季度完成投资116.32亿元)."""
    one_month: bool = False
    """The sentence opens on one month (10月份，…): its growth rates are that month's."""
    previous: str = ""
    previous_at: int = 0
    cumulative: Drafted | None = None
    level: Drafted | None = None
    amount: tuple[re.Match[str], str, int, int] | None = None
    """A verbless amount (进出口总额4784.5亿元) a stated rate may still take as its actual."""
    amounts: list[Drafted] = field(default_factory=list)
    """The amounts of the sentence in order, for a list of rates that follows (分别占计划的…)."""
    pending: Drafted | None = None
    """That amount as an indicator, kept by the group for a named target."""
    total: re.Match[str] | None = None
    planning: bool = False
    """The clauses since 全年目标是… state targets, until 目前… turns to progress."""
    planned: list[tuple[str, str, int]] = field(default_factory=list)
    """Levels' targets stated so (新农合参合率稳定在95%以上): name, target, where its clause
    starts."""
    of_a_kind: bool = False
    """The clause before counted the plan's items of a kind (正常推进的有4项): a share that follows
    is theirs."""
    listed: list[str] = field(default_factory=list)
    """The names of the last list of rates, for a list that follows without names."""

    def add(self, item: Drafted, start: int, end: int) -> Drafted:
        """A new indicator, quoting the sentence from `start` to `end`."""
        self.found.append(item)
        self.spans[id(item)] = (start, end)
        return item

    def extend(self, item: Drafted, end: int) -> None:
        """The indicator's quote runs on to `end`."""
        if id(item) in self.spans:
            self.spans[id(item)] = (self.spans[id(item)][0], max(end, self.spans[id(item)][1]))

"""What a draft holds: the plan's title and dates, and its indicators with the guesses a person
must check."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from planaudit.lang import Message


@dataclass(eq=False)
class Drafted:
    """One indicator of the draft; `guesses` are the comments a person must check. Two are the
    same only if they are one object (found twice in a text, they are two indicators)."""

    name: str
    line: int
    source: str
    section: str | None = None
    kind: str = "cumulative"
    unit: str | None = None
    actual: str | None = None
    stated: str | None = None
    target: str | None = None
    gap: str | None = None
    """The distance to the target or the pace the report states, signed (`-1.8`)."""
    direction: str | None = None
    annual_only: bool = False
    binding: bool = False
    owner: str | None = None
    dated: dict[date, str] | None = None
    """Figures of several dates (一季度和上半年分别增长9.3%、9.2%), in place of `actual`."""
    at: date | None = None
    """The date its paragraph says its figure stands at (1-7月，…), where it says one."""
    updates: dict[date, str] | None = None
    """The figure at later dates than the report's (（1-7月份，…同比增长75.2%）): with `actual`,
    it makes `dated` once the report's date is known."""
    period: tuple[date, date] | None = None
    """The indicator's own period where it is not the plan's (2013—2017年)."""
    due: date | None = None
    done: bool | None = None
    done_on: date | None = None
    guesses: list[Message] = field(default_factory=list)
    context: str = ""
    """The quoted clauses and the one before: the words a target is matched by."""
    plain: bool = False
    borrowed: bool = False
    """Its name is taken from the sentence's subject: the clause names no object of its own."""
    from_table: bool = False
    """A row of an indicator table: kept with its figure alone, as tables list what is audited."""
    """An amount with neither a rate nor a target yet: kept only if a target is found for it."""
    weak: bool = False
    """Such an amount with no verb of progress before it (其中农村富余劳动力非农就业4.95万个): it
    takes a target only where the target's words are nearly its own."""

    @property
    def judged(self) -> bool:
        """Whether a plan file could judge it: a target, a stated rate, a level or a milestone."""
        return (
            self.kind != "cumulative"
            or self.target is not None
            or self.stated is not None
            or self.gap is not None
            or self.from_table
        )


@dataclass
class Draft:
    plan: str
    start: date
    end: date
    as_of: date
    source: str
    indicators: list[Drafted]
    guesses: list[Message]
    """Guesses about the plan itself (its title, period, as_of)."""

    @property
    def year(self) -> int | None:
        """The plan's calendar year, or None for a period of another span."""
        calendar_year = (self.start.month, self.start.day, self.end.month, self.end.day)
        if self.start.year == self.end.year and calendar_year == (1, 1, 12, 31):
            return self.start.year
        return None

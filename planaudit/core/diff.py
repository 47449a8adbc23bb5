"""What changed between two versions of a plan file: targets raised or lowered, indicators added
or removed, kind / direction / binding changed, figures restated, statuses moved. Once the period
is being reported on (the new version has an as_of in it), a change that makes the plan easier to
pass — a target cut, an indicator dropped, a binding indicator demoted, a figure rewritten — is
flagged: moving the goalposts. Pure: two validated plans in, changes out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from planaudit.core.audit import audit_plan, is_chinese
from planaudit.core.model import Indicator, Plan
from planaudit.core.numbers import Figure
from planaudit.core.pace import elapsed, scheduled
from planaudit.core.results.diff import Change, PlanDiff, What
from planaudit.core.terms import Dated, Direction, Kind, Status


@dataclass(frozen=True)
class Version:
    """One version of a plan file: the plan, where its indicators stand, its audit date."""

    path: str
    plan: Plan
    lines: tuple[int, ...]
    as_of: date | None


def compare(old: Version, new: Version) -> PlanDiff:
    """Every change from `old` to `new`, plan-level first, then indicator by indicator in the
    new file's order, removed indicators last."""
    during = new.as_of is not None and new.as_of >= new.plan.span.start
    changes = list(_plan_changes(old, new, during))
    statuses_old = _statuses(old)
    statuses_new = _statuses(new)
    matched = _match(old.plan.indicators, new.plan.indicators)
    for new_index, indicator in enumerate(new.plan.indicators):
        line = new.lines[new_index]
        old_index = matched.get(new_index)
        if old_index is None:
            changes.append(_change(What.ADDED, indicator, None, _target(indicator), False, line))
            continue
        before = old.plan.indicators[old_index]
        changes += _indicator_changes(before, indicator, old, new, line, during)
        then, now = statuses_old[old_index], statuses_new[new_index]
        if then is not None and now is not None and then is not now:
            changes.append(_change(What.STATUS, indicator, then.value, now.value, False, line))
    taken = set(matched.values())
    for old_index, indicator in enumerate(old.plan.indicators):
        if old_index not in taken:
            line = old.lines[old_index]
            removed = _change(What.REMOVED, indicator, _target(indicator), None, during, line)
            changes.append(removed)
    return PlanDiff(old.path, new.path, new.plan.plan, is_chinese(new.plan.plan), tuple(changes))


def file_added(new: Version) -> PlanDiff:
    change = Change(What.FILE_ADDED, None, None, None, None, False, 1)
    return PlanDiff("", new.path, new.plan.plan, is_chinese(new.plan.plan), (change,))


def file_removed(old: Version) -> PlanDiff:
    """A plan file removed: all its targets go with it."""
    change = Change(What.FILE_REMOVED, None, None, None, None, True, 1)
    return PlanDiff(old.path, "", old.plan.plan, is_chinese(old.plan.plan), (change,))


def _change(
    what: What,
    indicator: Indicator,
    before: str | None,
    after: str | None,
    flagged: bool,
    line: int,
) -> Change:
    return Change(
        what, indicator.name, indicator.id, before, after, flagged, line, indicator.effective_unit
    )


def _match(old: list[Indicator], new: list[Indicator]) -> dict[int, int]:
    """New index → old index: by `id` where both versions give one, then by name where one of
    the two has no id."""
    matched: dict[int, int] = {}
    by_id = {indicator.id: i for i, indicator in enumerate(old) if indicator.id is not None}
    for index, indicator in enumerate(new):
        if indicator.id is not None and indicator.id in by_id:
            matched[index] = by_id[indicator.id]
    taken = set(matched.values())
    by_name: dict[str, int] = {}
    for i, indicator in enumerate(old):
        if i not in taken:
            by_name.setdefault(indicator.name, i)
    for index, indicator in enumerate(new):
        if index in matched or indicator.name not in by_name:
            continue
        candidate = old[by_name[indicator.name]]
        if indicator.id is None or candidate.id is None:  # two different ids: two indicators
            matched[index] = by_name.pop(indicator.name)
    return matched


def _statuses(version: Version) -> list[Status | None]:
    if version.as_of is None:
        return [None] * len(version.plan.indicators)
    try:
        report = audit_plan(version.plan, version.path, version.lines, version.as_of)
    except ValueError:  # as_of before the period: nothing to judge
        return [None] * len(version.plan.indicators)
    return [result.status for result in report.indicators]


def _plan_changes(old: Version, new: Version, during: bool) -> list[Change]:
    changes = []
    if old.plan.plan != new.plan.plan:
        changes.append(Change(What.TITLE, None, None, old.plan.plan, new.plan.plan, False, 1))
    before, after = old.plan.span, new.plan.span
    if before != after:
        longer = during and (after.start < before.start or after.end > before.end)
        changes.append(Change(What.PERIOD, None, None, str(before), str(after), longer, 1))
    if old.plan.tolerance != new.plan.tolerance:
        looser = during and new.plan.tolerance > old.plan.tolerance
        changes.append(
            Change(
                What.TOLERANCE,
                None,
                None,
                _plain(old.plan.tolerance),
                _plain(new.plan.tolerance),
                looser,
                1,
            )
        )
    if old.as_of != new.as_of:
        back = during and old.as_of is not None and new.as_of is not None and new.as_of < old.as_of
        changes.append(Change(What.AS_OF, None, None, _day(old.as_of), _day(new.as_of), back, 1))
    return changes


def _indicator_changes(
    old: Indicator, new: Indicator, then: Version, now: Version, line: int, during: bool
) -> list[Change]:
    changes = []

    def add(what: What, before: str | None, after: str | None, eases: bool = False) -> None:
        """`eases`: the change makes the plan easier to pass, flagged once the period is being
        reported on (before that, changing targets is planning, not moving goalposts)."""
        changes.append(_change(what, new, before, after, eases and during, line))

    if old.name != new.name:
        add(What.RENAMED, old.name, new.name)
    higher = new.good_direction is Direction.HIGHER
    old_fixed, new_fixed = old.fixed_target, new.fixed_target
    if old_fixed is not None and new_fixed is not None:
        was, is_ = old_fixed.figure.value, new_fixed.figure.value
        if is_ < was:
            add(What.TARGET_LOWERED, old_fixed.text, new_fixed.text, higher)
        elif is_ > was:
            add(What.TARGET_RAISED, old_fixed.text, new_fixed.text, not higher)
        elif old_fixed.text != new_fixed.text:
            add(What.TARGET_WORDING, old_fixed.text, new_fixed.text)
    elif old.target is not None and new.target is not None:
        if _target(old) != _target(new):  # {same_as: ID} to another, or to or from a figure
            add(What.TARGET_WORDING, _target(old), _target(new))
    elif old.target is not None:
        add(What.TARGET_REMOVED, _target(old), None, True)
    elif new.target is not None:
        add(What.TARGET_ADDED, None, _target(new))
    if old.effective_unit != new.effective_unit:
        add(What.UNIT, old.effective_unit, new.effective_unit)
    if old.kind is not new.kind:
        add(What.KIND, old.kind.value, new.kind.value, True)
    if old.good_direction is not new.good_direction:
        add(What.DIRECTION, old.good_direction.value, new.good_direction.value, True)
    if old.binding != new.binding:
        add(What.BINDING, _yes(old.binding), _yes(new.binding), old.binding)
    if old.annual_only != new.annual_only:
        add(What.ANNUAL_ONLY, _yes(old.annual_only), _yes(new.annual_only), new.annual_only)
    if old.schedule != new.schedule:
        add(What.SCHEDULE, _listed(old.schedule), _listed(new.schedule), _eases_pace(old, new, now))
    if old.band != new.band:
        wider = new.band is not None and (old.band is None or new.band > old.band)
        add(What.BAND, _plain(old.band), _plain(new.band), wider)
    cumulative = new.kind is Kind.CUMULATIVE and old.kind is Kind.CUMULATIVE
    for key in (Dated.ACTUAL, Dated.STATED):
        reported_then, reported_now = getattr(old, key), getattr(new, key)
        single = reported_then is not None and not isinstance(reported_then, dict)
        series = (_series(reported_then, then.as_of), _series(reported_now, now.as_of))
        for what, before, after, eases in _figure_changes(*series, single, cumulative):
            add(What(f"{key}_{what}"), before, after, eases)
    return changes


def _series(reported: Figure | dict[date, Figure] | None, as_of: date | None) -> dict[date, Figure]:
    """An indicator's figures for one key by report date. A single figure stands at the
    version's as_of (at `UNDATED` without one): a slot that moves with as_of."""
    if reported is None:
        return {}
    if isinstance(reported, dict):
        return dict(reported)
    return {as_of or UNDATED: reported}


UNDATED = date.min
"""Where a single figure stands in a version without an as_of."""


def _figure_changes(
    old: dict[date, Figure], new: dict[date, Figure], single: bool, cumulative: bool
) -> list[tuple[str, str | None, str | None, bool]]:
    """Every figure that changed, whatever as_of did: (kind of change, before, after, whether it
    eases the plan). A figure rewritten at a date both versions have is a restatement; a later
    report is a new figure (one that fell, for a cumulative indicator); the latest figure now
    at an earlier date — as_of moved back — and a dated figure dropped are changes to look at.
    `single`: the old version gave one undated figure, whose slot moves to the new figure."""
    found: list[tuple[str, str | None, str | None, bool]] = []
    for day in sorted(old.keys() & new.keys()):
        if old[day].value != new[day].value:
            found.append(("restated", _at(day, old[day]), _at(day, new[day]), True))
    paired: set[date] = set()
    last_old, last_new = max(old, default=None), max(new, default=None)
    if last_old is not None and last_new is not None and last_new > last_old:
        before, after = old[last_old], new[last_new]
        if before.value != after.value:
            fell = cumulative and after.value < before.value
            what = "fell" if fell else "reported"
            found.append((what, _at(last_old, before), _at(last_new, after), fell))
        paired |= {last_new, last_old} if single else {last_new}
    elif last_old is not None and last_new is not None and last_new < last_old:
        before, after = old[last_old], new[last_new]
        if before.value != after.value:
            found.append(("moved_back", _at(last_old, before), _at(last_new, after), True))
        if before.value != after.value or single:
            paired |= {last_new, last_old}
    for day in sorted(old.keys() - new.keys() - paired):
        found.append(("removed", _at(day, old[day]), None, True))
    for day in sorted(new.keys() - old.keys() - paired):
        found.append(("reported", None, _at(day, new[day]), False))
    return found


def _eases_pace(old: Indicator, new: Indicator, now: Version) -> bool:
    """A new schedule that expects less at the new version's date than the old one did."""
    if now.as_of is None or now.as_of < now.plan.span.start:
        return old.schedule is not None or new.schedule is not None
    pace = elapsed(now.plan.span, now.as_of)
    before = scheduled(old.schedule, pace) if old.schedule else pace
    after = scheduled(new.schedule, pace) if new.schedule else pace
    return after < before


def _target(indicator: Indicator) -> str | None:
    """What the indicator promised: its target as written ({same_as: ID} for another's
    figure), or a milestone's due date."""
    if indicator.fixed_target is not None:
        return indicator.fixed_target.text
    if indicator.same_as is not None:
        return f"{{same_as: {indicator.same_as}}}"
    return _day(indicator.due) if indicator.kind is Kind.MILESTONE else None


def _at(day: date, figure: Figure) -> str:
    """A dated figure as written in a plan file (`2018-06-30: 55`); undated, the figure alone."""
    return figure.text if day == UNDATED else f"{day.isoformat()}: {figure.text}"


def _day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _plain(value: Decimal | None) -> str | None:
    return None if value is None else f"{value.normalize():f}"


def _yes(value: bool) -> str:
    return "true" if value else "false"


def _listed(values: list[Decimal] | None) -> str | None:
    return None if values is None else "[" + ", ".join(f"{v.normalize():f}" for v in values) + "]"

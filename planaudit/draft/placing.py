"""Where the cells of a table's row go when the row has fewer cells than its header: a page that
prints an empty cell as nothing at all (`| 2家 | 100% |` under 目标任务 | 完成情况 | 完成率) leaves
no mark of it, and reading the row's cells in order would shift a rate into the progress column.
The cells are placed by their shapes instead — a percentage (≤ 200 %) in a rate or growth column,
an amount in a target or progress column (of the same unit, a target no smaller than a count
done of it), words in the name, owner, note or a task's columns — and a row whose cells can be
placed more than one way is left out: precision first."""

from __future__ import annotations

import re
from itertools import combinations

from planaudit.core import phrasings as say
from planaudit.draft.columns import Cell, Row, empty, figure

_OPTIONAL = {"rate", "growth", "points", "gap", "note", "owner", "unknown", "ignore"}
_OPTIONAL |= {"growth target"}
_WORDS = {"name", "group", "owner", "note", "unknown", "ignore", "step", "target", "actual"}
"""Columns a cell of words may stand in (a task's target and its progress may be words)."""
_AMOUNTS = {"target", "actual", "index", "ignore"}
_UNIT = re.compile(rf"^(?:{say.UNIT}|[%％])$")
_PERCENTS = {"rate", "growth", "points", "gap", "growth target", "target", "actual"}
MAX_RATE = 200
"""A stated rate above this is no share of a task done (a figure of another column)."""
MAX_MISSING = 3
"""Cells a row may lack: more is not a row of this table."""


def trailing(missing: list[str], row: Row) -> bool:
    """A row that stops short of the header (产业园道路 | 8000 | 2100, its rate cell empty): the
    columns it lacks are ones a row may leave empty, and it ends on a figure."""
    return set(missing) <= _OPTIONAL and figure(row[-1].text) is not None


def placed(roles: list[str], row: Row) -> tuple[Row | None, bool]:
    """`row` widened to the header's columns with empty cells where its cells cannot stand, or
    None unless exactly one placing of its figures fits (where several do, the cells that ended
    early, or a lone amount beside a rate in %, 2家 | 100%, the task's target: the progress is the
    cell a page leaves out); and whether several
    placings fit, or none (the row is then left out, never shifted)."""
    missing = len(roles) - len(row)
    if not 0 < missing <= MAX_MISSING or len(roles) > 12:
        return None, False
    fits: list[tuple[int, ...]] = []
    for skipped in combinations(range(len(roles)), missing):
        kept = [i for i in range(len(roles)) if i not in skipped]
        fit = all(_fits(roles[i], cell.text) for i, cell in zip(kept, row, strict=True))
        if fit and _agrees(roles, kept, row):
            fits.append(skipped)
    several = len({_figures(roles, s, row) for s in fits}) > 1
    at_end = tuple(range(len(row), len(roles)))
    if several and at_end in fits:
        fits = [at_end]  # 6 | 4.4 | 73.3 and nothing after: the row's cells ended early
    elif several:
        lone = [s for s in fits if _lone_target(roles, s, row)]
        fits = lone if len({_figures(roles, s, row) for s in lone}) == 1 else []
    if not fits or "name" in [roles[i] for i in fits[0]]:
        return None, True  # none fits, or several: the row is left out
    cells = iter(row)
    blank = Cell("", row[0].line, row[0].raw)
    return [blank if i in fits[0] else next(cells) for i in range(len(roles))], False


def _fits(role: str, text: str) -> bool:
    if empty(text):
        return role != "name"
    if _UNIT.match(text.strip()):
        return role == "unit"
    shape = figure(text)
    if shape is None:
        return role in _WORDS
    share = not shape["sign"] and float(shape["num"].replace(",", "")) <= MAX_RATE
    if shape["pct"]:
        return role in _PERCENTS and (role != "rate" or share)
    bare = not shape["unit"] and not shape["pre"] and not shape["post"]
    return role in _AMOUNTS or (bare and (role in ("growth", "points", "gap") or share))


def _agrees(roles: list[str], kept: list[int], row: Row) -> bool:
    """A percentage in a target or progress column only where the other is one too (a level in
    %), never beside a rate column left empty; an amount done of the same unit as its target."""
    at = dict(zip((roles[i] for i in kept), (c.text for c in row), strict=True))
    target, actual = figure(at.get("target", "")), figure(at.get("actual", ""))
    for one, other in ((target, actual), (actual, target)):
        if one is not None and one["pct"] and (other is None or not other["pct"]):
            return False
    if target is not None and actual is not None and target["unit"] and actual["unit"]:
        return bool(target["unit"] == actual["unit"])
    return True


def _figures(roles: list[str], skipped: tuple[int, ...], row: Row) -> tuple[tuple[str, str], ...]:
    kept = [i for i in range(len(roles)) if i not in skipped]
    return tuple(
        (roles[i], cell.text) for i, cell in zip(kept, row, strict=True) if figure(cell.text)
    )


def _lone_target(roles: list[str], skipped: tuple[int, ...], row: Row) -> bool:
    """The placing where a row's one amount is the target and its progress column is empty."""
    placing = _figures(roles, skipped, row)
    kinds = [role for role, _ in placing]
    in_percent = any(
        role == "rate" and text.rstrip().endswith(("%", "％")) for role, text in placing
    )
    return in_percent and "target" in kinds and "actual" in [roles[i] for i in skipped]

"""`make fidelity`: how well `draft` reads real reports, and `verify` accepts faithful plans.

The corpus (tests/corpus/<slug>/) holds real reports as published (report.txt), where each came
from (about.yaml), and the plan a person made from each (gold.yaml). Every report is drafted as a
user would draft it, the draft is read back by the loader as a user's `check` would read it, and
compared with the gold plan figure by figure:

- recall: gold indicators whose figure (actual) or stated rate the draft recovers — or, for one
  the report gives no such figure for, its stated distance (低于计划, 高于0.1个百分点) or its
  target, under a like name; a milestone, by its due date or a like name (a bracketed period
  aside);
- precision: drafted indicators whose figures (actual, stated rate, stated distance, target) and
  kind are all the gold indicator's — a drafted indicator that matches none is wrong;
- targets: gold targets the draft recovers (on indicators it matched);
- as_of: the draft's date is the gold's;
- verify: mismatches `verify` reports on the gold plan against its own report (all are false).

Figures are compared in base units (11.3 亿元 is 1130000000 元), so a draft that keeps a unit's
magnitude elsewhere than the gold does is still right. Goals (issue 11): recall ≥ 0.85, precision
≥ 0.95, as_of right on every report, no false mismatch.

`--detail SLUG` lists what one report's draft missed and got wrong.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from planaudit.core import verify  # noqa: E402
from planaudit.core.errors import PlanError  # noqa: E402
from planaudit.core.model import Indicator  # noqa: E402
from planaudit.core.terms import Kind  # noqa: E402
from planaudit.draft import draft, to_yaml  # noqa: E402
from planaudit.io.loader import LoadedPlan, load, parse  # noqa: E402
from planaudit.io.source import read_text  # noqa: E402

GOALS = {"recall": Decimal("0.85"), "precision": Decimal("0.95")}
MAGNITUDES = (
    *(("万亿", Decimal(10) ** 12), ("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4)),
    *(("萬億", Decimal(10) ** 12), ("億", Decimal(10) ** 8), ("萬", Decimal(10) ** 4)),
)
"""A unit's magnitude, in simplified or traditional characters (億元 on a page in traditional
characters, which the draft reads in simplified ones)."""


@dataclass(frozen=True)
class Figures:
    """What the comparison looks at in one indicator, in base units."""

    name: str
    kind: Kind
    actual: Decimal | None
    stated: Decimal | None
    target: Decimal | None
    due: date | None
    gap: tuple[int, Decimal | None] | None = None
    """The stated distance: its side (-1, 0, +1) and its signed figure where one is printed."""

    @classmethod
    def of(cls, indicator: Indicator, as_of: date) -> Figures:
        scale = _scale(indicator.unit)
        actual = indicator.latest_actual(as_of)
        stated = indicator.latest_stated(as_of)
        target = indicator.target
        figure = getattr(target, "figure", None)  # a same_as target has no figure of its own
        gap = indicator.latest_gap(as_of)
        return cls(
            name=indicator.name,
            kind=indicator.kind,
            actual=actual.value * scale if actual is not None else None,
            stated=stated.value if stated is not None else None,
            target=figure.value * scale if figure is not None else None,
            due=indicator.due,
            gap=(gap.side, gap.figure.value if gap.figure else None) if gap else None,
        )

    def recovered_by(self, other: Figures) -> bool:
        """`other` carries this indicator's figure or stated rate (a milestone: its due date)."""
        if self.kind is Kind.MILESTONE:
            return other.kind is Kind.MILESTONE and (
                (self.due is not None and other.due == self.due)
                or _dice(self.name, other.name) >= 0.5
            )
        if self.actual is None and self.stated is None:
            return (
                other.kind is self.kind
                and _dice(self.name, other.name) >= 0.5
                and (
                    (self.gap is not None and other.gap == self.gap)
                    or (self.target is not None and other.target == self.target)
                )
            )
        return (self.actual is not None and other.actual == self.actual) or (
            self.stated is not None and other.stated == self.stated
        )

    def right_as(self, gold: Figures) -> bool:
        """Every figure this drafted indicator gives is the gold's, and so is its kind."""
        return self.kind is gold.kind and all(
            mine is None or mine == theirs
            for mine, theirs in (
                (self.actual, gold.actual),
                (self.stated, gold.stated),
                (self.target, gold.target),
                (self.gap, gold.gap),
            )
        )


def _scale(unit: str | None) -> Decimal:
    for prefix, factor in MAGNITUDES:
        if unit and unit.startswith(prefix) and len(unit) > len(prefix):
            return factor
    return Decimal(1)


def _dice(a: str, b: str) -> float:
    """How alike two names are (pairs of characters shared), a bracketed period aside."""
    a, b = (re.sub(r"[（(][^（()）]*[0-9][^（()）]*[)）]", "", name) for name in (a, b))
    pairs_a = {a[i : i + 2] for i in range(len(a) - 1)}
    pairs_b = {b[i : i + 2] for i in range(len(b) - 1)}
    if not pairs_a or not pairs_b:
        return 1.0 if a == b else 0.0
    return 2 * len(pairs_a & pairs_b) / (len(pairs_a) + len(pairs_b))


@dataclass
class Outcome:
    """One report's figures."""

    slug: str
    form: str
    gold: int
    drafted: int = 0
    recovered: int = 0
    right: int = 0
    targets: int = 0
    targets_recovered: int = 0
    as_of_right: bool = False
    mismatches: int = 0
    problem: str = ""
    """Why the draft could not be compared (nothing drafted, or it does not load)."""
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


def _match(gold: list[Figures], drafted: list[Figures]) -> dict[int, int]:
    """Gold index → drafted index, one to one: the pairs that share a figure, best first (more
    figures and kind in common, then closer names)."""
    scored = []
    for g, wanted in enumerate(gold):
        for d, found in enumerate(drafted):
            if wanted.recovered_by(found):
                score = sum(
                    mine is not None and mine == theirs
                    for mine, theirs in (
                        (found.actual, wanted.actual),
                        (found.stated, wanted.stated),
                        (found.target, wanted.target),
                        (found.gap, wanted.gap),
                    )
                ) + (found.kind is wanted.kind)
                scored.append((-score, -_dice(wanted.name, found.name), g, d))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, g, d in sorted(scored):
        if g not in pairs and d not in taken:
            pairs[g] = d
            taken.add(d)
    return pairs


def measure(folder: Path) -> Outcome:
    about = yaml.safe_load((folder / "about.yaml").read_text(encoding="utf-8")) or {}
    gold_plan = load((folder / "gold.yaml").relative_to(ROOT))
    text = read_text(folder / "report.txt")
    as_of = gold_plan.plan.as_of or gold_plan.plan.span.end
    gold = [Figures.of(indicator, as_of) for indicator in gold_plan.plan.indicators]
    outcome = Outcome(folder.name, str(about.get("form", "")), len(gold))
    outcome.mismatches = len(verify.mismatches(gold_plan.plan, text))
    outcome.targets = sum(figures.target is not None for figures in gold)
    made = draft(text, str(folder / "report.txt"), as_of.year)
    outcome.as_of_right = made.as_of == as_of
    drafted_plan = _read_back(made, outcome)
    if drafted_plan is None:
        outcome.missed = [figures.name for figures in gold]
        return outcome
    drafted = [Figures.of(indicator, made.as_of) for indicator in drafted_plan.plan.indicators]
    outcome.drafted = len(drafted)
    pairs = _match(gold, drafted)
    outcome.recovered = len(pairs)
    matched = {d: g for g, d in pairs.items()}
    for d, found in enumerate(drafted):
        g = matched.get(d)
        if g is not None and found.right_as(gold[g]):
            outcome.right += 1
        else:
            versus = f"  ≠ gold {_shown(gold[g])}" if g is not None else ""
            outcome.wrong.append(_shown(found) + versus)
    for g, wanted in enumerate(gold):
        if g not in pairs:
            outcome.missed.append(_shown(wanted))
        elif wanted.target is not None and drafted[pairs[g]].target == wanted.target:
            outcome.targets_recovered += 1
    return outcome


def _measured(folder: Path) -> Outcome:
    """`measure`, or an outcome that says why the gold plan itself cannot be read."""
    try:
        return measure(folder)
    except PlanError as error:
        outcome = Outcome(folder.name, "", 0)
        outcome.problem = f"the gold plan is invalid: {error.problems[0]}"
        return outcome


def _read_back(made: object, outcome: Outcome) -> LoadedPlan | None:
    """The draft as `check` would read it, or None with the reason in `outcome.problem`."""
    if not getattr(made, "indicators", None):
        outcome.problem = "nothing drafted"
        return None
    try:
        return parse(to_yaml(made), f"draft of {outcome.slug}")  # type: ignore[arg-type]
    except PlanError as error:
        outcome.problem = f"the draft does not load: {error.problems[0]}"
        return None


def _shown(figures: Figures) -> str:
    shown = [f"{figures.name} [{figures.kind.value}]"]
    for key in ("actual", "stated", "target", "due", "gap"):
        value = getattr(figures, key)
        if isinstance(value, tuple):
            value = value[1] if value[1] is not None else ("低于", "持平", "高于")[value[0] + 1]
        if value is not None:
            shown.append(f"{key}={value.normalize() if isinstance(value, Decimal) else value}")
    return " ".join(shown)


def _ratio(part: int, whole: int) -> Decimal | None:
    return Decimal(part) / Decimal(whole) if whole else None


def _share(part: int, whole: int) -> str:
    ratio = _ratio(part, whole)
    return "   –" if ratio is None else f"{ratio:.2f}"


def reports(only: str | None = None) -> Iterator[Path]:
    os.chdir(ROOT)  # paths in messages are relative to the repository, as in the tests
    for folder in sorted(CORPUS.iterdir()) if CORPUS.is_dir() else []:
        if (folder / "gold.yaml").is_file() and (only is None or folder.name == only):
            yield folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--detail", metavar="SLUG", help="list one report's misses and errors")
    args = parser.parse_args(argv)
    outcomes = [_measured(folder) for folder in reports(args.detail)]
    if not outcomes:
        print(f"no report with a gold.yaml under {CORPUS}", file=sys.stderr)
        return 2
    print(f"{'report':<34} {'form':<12} gold draft recall precis targets as_of verify")
    for o in outcomes:
        targets = f"{o.targets_recovered}/{o.targets}"
        print(
            f"{o.slug:<34} {o.form:<12} {o.gold:>4} {o.drafted:>5} {_share(o.recovered, o.gold):>6}"
            f" {_share(o.right, o.drafted):>6} {targets:>7} {'yes' if o.as_of_right else 'NO':>5}"
            f" {o.mismatches:>6}" + (f"  ({o.problem})" if o.problem else "")
        )
    total = Outcome("pooled", "", sum(o.gold for o in outcomes))
    for key in ("drafted", "recovered", "right", "targets", "targets_recovered", "mismatches"):
        setattr(total, key, sum(getattr(o, key) for o in outcomes))
    dates = sum(o.as_of_right for o in outcomes)
    print(
        f"{'pooled (' + str(len(outcomes)) + ' reports)':<47} {total.gold:>4} {total.drafted:>5} "
        f"{_share(total.recovered, total.gold):>6} {_share(total.right, total.drafted):>6} "
        f"{total.targets_recovered:>3}/{total.targets:<3} {dates:>2}/{len(outcomes):<2} "
        f"{total.mismatches:>6}"
    )
    recall = _ratio(total.recovered, total.gold) or Decimal(0)
    precision = _ratio(total.right, total.drafted) or Decimal(0)
    print(
        f"goals: recall ≥ {GOALS['recall']} ({'met' if recall >= GOALS['recall'] else 'not met'}),"
        f" precision ≥ {GOALS['precision']}"
        f" ({'met' if precision >= GOALS['precision'] else 'not met'}),"
        f" as_of right on every report ({'met' if dates == len(outcomes) else 'not met'}),"
        f" no false mismatch ({'met' if total.mismatches == 0 else 'not met'})"
    )
    if args.detail:
        for o in outcomes:
            print(f"\nmissed ({len(o.missed)}):", *o.missed, sep="\n  ")
            print(f"wrong ({len(o.wrong)}):", *o.wrong, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())

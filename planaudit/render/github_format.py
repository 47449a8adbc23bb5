"""GitHub Actions workflow commands: an annotation on the plan file's line for each finding,
most severe first (GitHub shows only about ten of each kind per step)."""

from __future__ import annotations

from collections.abc import Sequence

from planaudit.core.errors import Problem
from planaudit.core.results.plans import PlanReport, Rollup
from planaudit.lang import text
from planaudit.render.findings import Level, ci_path, indicator_level
from planaudit.render.markdown_format import severity
from planaudit.render.registry import Renderer, RenderOptions
from planaudit.render.words import literal, words_for, words_for_rollup

_COMMANDS = {Level.ERROR: "error", Level.WARNING: "warning", Level.NOTE: "notice"}


def escape_data(text: str) -> str:
    return literal(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{kind} {props}::{escape_data(message)}"


class FormatRenderer(Renderer[PlanReport, Rollup]):
    """Annotations are sorted by severity across all plans, so they wait for the footer; only
    the flagged indicators are kept."""

    reports_errors = True

    def __init__(self, options: RenderOptions) -> None:
        super().__init__(options)
        self._findings: list[tuple[int, tuple[int, int], int, str]] = []
        self._notices: list[str] = []

    def plan(self, plan: PlanReport) -> str:
        words = words_for(plan, self.options.lang)
        path = ci_path(plan.path)
        for result in plan.indicators:
            if not result.flagged:
                continue
            level = indicator_level(result, self.options.fail_on)
            kind = _COMMANDS[level]
            title = f"{literal(result.name)}: {words.status_of(result)}"
            title += "".join(f" {alert}" for _, alert in words.alerts(result))
            line = command(kind, words.finding(result), file=path, line=result.line, title=title)
            order = len(self._findings)
            self._findings.append((list(Level).index(level), severity(result), order, line))
        self._notices.append(
            command("notice", words.verdict(plan), file=path, title=literal(plan.plan))
        )
        return ""

    def footer(self, errors: Sequence[Problem], rollup: Rollup | None = None) -> str:
        lines = [
            command("error", problem.message, file=ci_path(problem.path), line=problem.line,
                    col=problem.column, title=text("ci.invalid_plan_title"))
            for problem in errors
        ]  # fmt: skip
        lines += [finding[-1] for finding in sorted(self._findings)]
        lines += self._notices
        if rollup is not None:
            lines.append(_rollup_notice(rollup, self.options))
        return "".join(f"{line}\n" for line in lines)


def _rollup_notice(rollup: Rollup, options: RenderOptions) -> str:
    words = words_for_rollup(rollup, options.lang)
    plans = "; ".join(
        f"{words.plan_label(line.plan, line.path, line.shared_title)} {line.flagged}"
        for line in rollup.plans[:5]
    )
    behind = "; ".join(f"{literal(name)} {count}" for name, count in rollup.most_behind[:5])
    message = f"{words.flagged}: {plans}"
    if behind:
        message += f" — {words.most_behind_title}: {behind}"
    return command("notice", message, title=words.rollup_title)

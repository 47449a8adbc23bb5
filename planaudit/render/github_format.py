"""GitHub Actions workflow commands: an annotation on the plan file's line for each finding,
most severe first (GitHub shows only about ten of each kind per step)."""

from __future__ import annotations

from planaudit.render import RenderOptions
from planaudit.render.markdown_format import severity
from planaudit.render.words import literal, words_for
from planaudit.report import FailOn, IndicatorResult, PlanReport, Report


def escape_data(text: str) -> str:
    return literal(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{kind} {props}::{escape_data(message)}"


def render(report: Report, options: RenderOptions) -> str:
    lines = [
        command("error", problem.message, file=problem.path, line=problem.line, col=problem.column,
                title="planaudit: invalid plan file")
        for problem in report.errors
    ]  # fmt: skip
    findings = [
        (_kind(result, options), severity(result), plan, result)
        for plan in report.plans
        for result in plan.indicators
        if result.flagged
    ]
    findings.sort(key=lambda found: (found[0] != "error", found[1]))
    for kind, _, plan, result in findings:
        words = words_for(plan, options.lang)
        title = f"{literal(result.name)}: {words.status_word(result.status)}"
        if result.serious:
            title += f" {words.serious}"
        if result.stated_consistent is False:
            title += f" {words.mismatch}"
        lines.append(
            command(kind, words.finding(result), file=plan.path, line=result.line, title=title)
        )
    lines += [_notice(plan, options) for plan in report.plans]
    return "".join(f"{line}\n" for line in lines)


def _kind(result: IndicatorResult, options: RenderOptions) -> str:
    """An error for what fails the run or is behind, missed or misstated; else a warning."""
    if result.fails(options.fail_on) or result.fails(FailOn.BEHIND):
        return "error"
    return "warning"


def _notice(plan: PlanReport, options: RenderOptions) -> str:
    words = words_for(plan, options.lang)
    return command("notice", words.verdict(plan.summary), file=plan.path, title=literal(plan.plan))

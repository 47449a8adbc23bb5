"""JUnit XML for the test tabs of GitLab, Jenkins and Azure DevOps: a testsuite per plan, a
testcase per indicator; a failure at the --fail-on level fails, what is not judged is skipped.
Valid against junit-10.xsd (Jenkins validates against it): no attribute it does not declare, so
an indicator's file and line go into the text of its failure as `path:line:`."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from planaudit.core.errors import Problem
from planaudit.core.results.indicators import IndicatorResult
from planaudit.core.results.plans import PlanReport, Rollup
from planaudit.core.terms import Status
from planaudit.lang import text
from planaudit.render.registry import Renderer, RenderOptions
from planaudit.render.words import Words, literal, words_for

NOT_JUDGED = (Status.NO_TARGET, Status.NO_DATA, Status.ANNUAL_ONLY, Status.PENDING)


class FormatRenderer(Renderer[PlanReport, Rollup]):
    """The root element carries totals, so the suites wait, as text, for the footer."""

    reports_errors = True

    def __init__(self, options: RenderOptions) -> None:
        super().__init__(options)
        self._suites: list[str] = []
        self._totals = {"tests": 0, "failures": 0, "errors": 0}

    def _add(self, suite: ET.Element) -> None:
        for key in self._totals:
            self._totals[key] += int(suite.get(key, "0"))
        ET.indent(suite, level=1)
        self._suites.append("  " + ET.tostring(suite, encoding="unicode") + "\n")

    def plan(self, plan: PlanReport) -> str:
        self._add(_suite(plan, words_for(plan, self.options.lang), self.options))
        return ""

    def footer(self, errors: Sequence[Problem], rollup: Rollup | None = None) -> str:
        if errors:
            self._add(_invalid_files(errors))
        totals = " ".join(f'{key}="{value}"' for key, value in self._totals.items())
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<testsuites name="planaudit" {totals}>\n' + "".join(self._suites) + "</testsuites>\n"
        )


def _suite(plan: PlanReport, words: Words, options: RenderOptions) -> ET.Element:
    suite = ET.Element("testsuite", name=literal(plan.plan), file=literal(plan.path))
    properties = ET.SubElement(suite, "properties")
    verdict = plan.summary.verdict
    for name, value in (
        ("as_of", plan.as_of.isoformat()),
        ("elapsed", f"{plan.elapsed:.2f}"),
        ("verdict", "null" if verdict is None else str(verdict).lower()),
        ("summary", words.verdict(plan)),
    ):
        ET.SubElement(properties, "property", name=name, value=value)
    failures = skipped = 0
    for result in plan.indicators:
        case = ET.SubElement(
            suite,
            "testcase",
            name=literal(result.name),
            classname=literal(result.section or plan.plan),
        )
        sentence = f"{literal(result.name)}: {words.finding(result)}"
        located = f"{literal(plan.path)}:{result.line}: {sentence}"
        if result.fails(options.fail_on):
            failures += 1
            kind = _failure_type(result)
            failure = ET.SubElement(case, "failure", message=sentence, type=kind)
            failure.text = located
        elif result.status in NOT_JUDGED:
            skipped += 1
            ET.SubElement(case, "skipped", message=words.status_of(result))
        elif result.flagged:
            ET.SubElement(case, "system-out").text = located
    suite.set("tests", str(len(plan.indicators)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    return suite


def _invalid_files(errors: Sequence[Problem]) -> ET.Element:
    suite = ET.Element("testsuite", name=text("ci.invalid_plans_suite"))
    for problem in errors:
        case = ET.SubElement(
            suite,
            "testcase",
            name=f"{literal(problem.path)}:{problem.line}:{problem.column}",
            classname="planaudit",
        )
        ET.SubElement(case, "error", message=literal(problem.message), type="invalid")
    suite.set("tests", str(len(errors)))
    suite.set("failures", "0")
    suite.set("errors", str(len(errors)))
    suite.set("skipped", "0")
    return suite


def _failure_type(result: IndicatorResult) -> str:
    """The status when it is flagged, else which figures disagree."""
    if result.status.flagged:
        return result.status.value
    if result.stated_consistent is False:
        return "stated_mismatch"
    if result.stated_gap_consistent is False:
        return "stated_gap_mismatch"
    return "parts_mismatch" if result.parts_consistent is False else "restatement"

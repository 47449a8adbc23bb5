"""GitLab Code Quality (artifacts:reports:codequality): a JSON array with an issue for each
finding, which GitLab shows in the merge request and the pipeline's Code Quality tab, new issues
apart from those the target branch already has. Each plan's issues are written as it is
audited, so thousands of plans stream."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from planaudit.core.errors import Problem
from planaudit.core.results.plans import PlanReport, Rollup
from planaudit.core.terms import FindingKind
from planaudit.render.findings import Finding, Level, indicator_findings, problem_findings
from planaudit.render.registry import Renderer
from planaudit.render.words import words_for

_SEVERITIES = {Level.ERROR: "major", Level.WARNING: "minor", Level.NOTE: "info"}
_SERIOUS = {Level.ERROR: "critical", Level.WARNING: "major", Level.NOTE: "minor"}
"""A binding (约束性) indicator's findings, one step up."""
_INVALID = "blocker"
"""A plan file that could not be audited at all."""


class FormatRenderer(Renderer[PlanReport, Rollup]):
    independent = True
    reports_errors = True
    _first = True

    def header(self) -> str:
        return "["

    def text(self, plan: PlanReport) -> str:
        words = words_for(plan, self.options.lang)
        findings = indicator_findings(plan, words, self.options.fail_on)
        return ",\n  ".join(_dumps(_issue(finding)) for finding in findings)

    def place(self, text: str) -> str:
        if not text:
            return ""
        separator = "\n  " if self._first else ",\n  "
        self._first = False
        return separator + text

    def footer(self, errors: Sequence[Problem], rollup: Rollup | None = None) -> str:
        invalid = ",\n  ".join(_dumps(_issue(finding)) for finding in problem_findings(errors))
        text = self.place(invalid)
        return text + ("]\n" if self._first else "\n]\n")


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _issue(finding: Finding) -> dict[str, Any]:
    if finding.kind is FindingKind.INVALID_PLAN:
        severity = _INVALID
    else:
        severity = (_SERIOUS if finding.serious else _SEVERITIES)[finding.level]
    return {
        "description": finding.message,
        "check_name": f"planaudit/{finding.kind.value}",
        "fingerprint": finding.fingerprint,
        "severity": severity,
        "location": {"path": finding.path, "lines": {"begin": finding.line}},
    }

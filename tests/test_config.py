"""The configuration file: where it is found, what it may hold, how the command line and the
environment override it, and what `planaudit config` says of each value."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from planaudit.cli.app import app
from planaudit.cli.config import COMMANDS, CONFIG_ENV
from tests.conftest import ROOT

PLAN = (ROOT / "plans" / "riverside-fy2018.yaml").read_text(encoding="utf-8")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository of plans, the working directory in a folder below its root."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "riverside.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    monkeypatch.delenv(CONFIG_ENV, raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def test_every_key_is_an_option_of_its_command():
    from typer.main import get_command

    group = get_command(app)
    for command, keys in COMMANDS.items():
        params = {param.name: param for param in group.commands[command].params}  # type: ignore[attr-defined]
        for key, spec in keys.items():
            assert spec.param in params, (command, key)
            if key != "paths":
                assert f"--{key}" in params[spec.param].opts, (command, key)
        assert {"config", "no_config"} <= set(params)


def test_without_a_file_every_value_is_its_default(repo):
    assert run("config", "validate") == (
        0,
        "# no configuration file (none from here up)\n"
        "\n"
        "[validate]\n"
        'paths = ["plans"]  # default\n'
        "max-size = 10      # default\n"
        'encoding = "auto"  # default\n'
        "quiet = false      # default\n",
        "",
    )


SHARED_AND_CHECK = """\
# the team's settings
fail-on = "watch"
tolerance = 2
paths = ["plans"]

[check]
format = "markdown"
jobs = 1
"""


def test_the_nearest_file_upward_its_lines_and_the_command_line_over_it(repo):
    (repo / ".planaudit.toml").write_text(SHARED_AND_CHECK, encoding="utf-8")
    assert run("config", "check", "--tolerance", "3.5") == (
        0,
        "# configuration file: ../.planaudit.toml (the nearest from here up)\n"
        "\n"
        "[check]\n"
        'paths = ["../plans"]  # ../.planaudit.toml:4\n'
        'format = "markdown"   # ../.planaudit.toml:7\n'
        'fail-on = "watch"     # ../.planaudit.toml:2\n'
        "tolerance = 3.5       # command line\n"
        'lang = "auto"         # default\n'
        "# only is not set     # default\n"
        "forecast = false      # default\n"
        "recovery-factor = 2   # default\n"
        "max-size = 10         # default\n"
        'encoding = "auto"     # default\n'
        "jobs = 1              # ../.planaudit.toml:8\n"
        "quiet = false         # default\n"
        "no-color = false      # default\n",
        "",
    )


def test_check_runs_with_the_file_and_the_command_line_overrides_it(repo):
    (repo / ".planaudit.toml").write_text(SHARED_AND_CHECK, encoding="utf-8")
    code, out, err = run("check")  # paths, format and fail-on from the file
    assert (code, err) == (1, "")  # two watches fail under fail-on = "watch"
    assert out.startswith("## Riverside County Capital Programme FY2018-19\n")
    assert "../plans/riverside.yaml" in out
    code, out, err = run("check", "--fail-on", "behind", "--format", "json")
    assert (code, err) == (0, "")
    assert out.startswith('{\n  "schema_version": 1,')
    assert run("check", "--no-config")[0] == 2  # plans/ under docs/: no such folder


def test_a_command_table_overrides_the_shared_value_only_for_its_command(repo):
    (repo / ".planaudit.toml").write_text(
        'lang = "zh"\nmax-size = 2\n[history]\nlang = "en"\n', encoding="utf-8"
    )
    code, out, _ = run("config", "history")
    assert code == 0
    assert 'lang = "en"        # ../.planaudit.toml:4\n' in out
    assert "max-size = 2       # ../.planaudit.toml:2\n" in out
    assert 'lang = "zh"        # ../.planaudit.toml:1\n' in run("config", "diff")[1]


def test_pyproject_table_is_read_and_a_pyproject_without_it_passed_over(repo):
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "plans"\n\n[tool.planaudit]\nfail-on = "never"\n\n'
        "[tool.planaudit.validate]\nmax-size = 0.5\n",
        encoding="utf-8",
    )
    (repo / "docs" / "pyproject.toml").write_text('[project]\nname = "docs"\n', encoding="utf-8")
    assert run("config", "validate") == (
        0,
        "# configuration file: ../pyproject.toml (the nearest from here up)\n"
        "\n"
        "[validate]\n"
        'paths = ["plans"]  # default\n'
        "max-size = 0.5     # ../pyproject.toml:8\n"
        'encoding = "auto"  # default\n'
        "quiet = false      # default\n",
        "",
    )
    assert 'fail-on = "never"       # ../pyproject.toml:5\n' in run("config", "check")[1]


def test_in_one_folder_the_own_file_wins_and_says_so(repo):
    (repo / "pyproject.toml").write_text('[tool.planaudit]\nlang = "en"\n', encoding="utf-8")
    (repo / ".planaudit.toml").write_text('lang = "zh"\n', encoding="utf-8")
    code, out, _ = run("config", "diff")
    assert code == 0
    assert out.startswith(
        "# configuration file: ../.planaudit.toml (the nearest from here up)\n"
        "# ../pyproject.toml has [tool.planaudit] too: not read, .planaudit.toml wins\n"
    )
    assert 'lang = "zh"        # ../.planaudit.toml:1\n' in out


def test_the_nearest_folder_wins(repo):
    (repo / ".planaudit.toml").write_text('lang = "zh"\n', encoding="utf-8")
    (repo / "docs" / "pyproject.toml").write_text(
        '[tool.planaudit]\nlang = "en"\n', encoding="utf-8"
    )
    assert 'lang = "en"        # pyproject.toml:2\n' in run("config", "diff")[1]


def test_config_option_and_environment_name_the_file(repo, monkeypatch):
    (repo / "team.toml").write_text("max-size = 3\n", encoding="utf-8")
    (repo / ".planaudit.toml").write_text("max-size = 4\n", encoding="utf-8")
    assert run("config", "draft", "--config", "../team.toml") == (
        0,
        "# configuration file: ../team.toml (--config)\n"
        "\n[draft]\nmax-size = 3       # ../team.toml:1\n"
        'encoding = "auto"  # default\n',
        "",
    )
    monkeypatch.setenv(CONFIG_ENV, "../team.toml")
    assert run("config", "draft")[:2] == (
        0,
        "# configuration file: ../team.toml (PLANAUDIT_CONFIG)\n"
        "\n[draft]\nmax-size = 3       # ../team.toml:1\n"
        'encoding = "auto"  # default\n',
    )
    assert run("check", "--config", "../.planaudit.toml", "--max-size", "x")[0] == 2
    assert run("config", "--no-config", "draft") == (  # the command line beats the environment
        0,
        "# no configuration file (--no-config)\n\n[draft]\n"
        'max-size = 10      # default\nencoding = "auto"  # default\n',
        "",
    )


def test_config_and_no_config_together_is_a_usage_error(repo):
    code, out, err = run("validate", "--config", "x.toml", "--no-config")
    assert (code, out) == (2, "")
    assert "give --config FILE or --no-config, not both" in err


BAD = """\
fail_on = "watch"
tolerance = "2"
jobs = 1.5

[check]
lang = "fr"
format = "sarif"
max-size = 0

[chek]
format = "json"
"""


def test_every_problem_of_a_file_is_located_and_nothing_runs(repo):
    (repo / ".planaudit.toml").write_text(BAD, encoding="utf-8")
    assert run("check") == (
        2,
        "",
        "../.planaudit.toml:1:1: unknown key 'fail_on'; did you mean 'fail-on'?\n"
        "../.planaudit.toml:2:1: tolerance: must be a number, not a string\n"
        "../.planaudit.toml:3:1: jobs: must be an integer, not a number\n"
        "../.planaudit.toml:6:1: lang: 'fr' is not one of auto, zh, en\n"
        "../.planaudit.toml:8:1: max-size: 0 is not a number from 0.001 to 1000\n"
        "../.planaudit.toml:10:1: unknown key 'chek'; did you mean 'check'?\n",
    )


def test_a_format_every_command_cannot_give_belongs_in_a_command_table(repo):
    (repo / ".planaudit.toml").write_text('format = "sarif"\n', encoding="utf-8")
    assert run("validate") == (
        2,
        "",
        "../.planaudit.toml:1:1: format: 'sarif' is not one of table, json, markdown\n",
    )
    (repo / ".planaudit.toml").write_text('[check]\nformat = "sarif"\n', encoding="utf-8")
    assert 'format = "sarif"' in run("config", "check")[1]


def test_invalid_toml_is_located(repo):
    (repo / ".planaudit.toml").write_text('lang = "zh"\nfail-on = \n', encoding="utf-8")
    assert run("validate") == (
        2,
        "",
        "../.planaudit.toml:2:11: invalid TOML: Invalid value\n",
    )


def test_a_broken_pyproject_of_another_tool_is_not_our_error(repo):
    (repo / "pyproject.toml").write_text("[project\n", encoding="utf-8")
    assert run("config", "validate")[0] == 0


def test_a_config_file_that_cannot_be_read(repo):
    assert run("validate", "--config", "missing.toml") == (
        2,
        "",
        "missing.toml:1:1: cannot read: No such file or directory\n",
    )


def test_the_readme_example_is_what_planaudit_config_prints(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("<!-- config: .planaudit.toml -->\n```toml\n", 1)[1].split("```")[0]
    args, shown = readme.split("<!-- config sample: planaudit ", 1)[1].split(" -->\n```toml\n")
    (tmp_path / ".planaudit.toml").write_text(example, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(CONFIG_ENV, raising=False)
    assert run(*args.split()) == (0, shown.split("```")[0], "")

"""Shell completion, typer's own: `--install-completion`, `--show-completion`, and what the
shell is offered, asked the way the installed scripts ask (the completion environment
variables)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from planaudit.cli.app import app

FORMATS = ["table", "json", "markdown", "csv", "junit", "github", "sarif", "gitlab", "html", "xlsx"]


def complete(shell: str, line: str, **env: str) -> tuple[int, str, str]:
    """What `planaudit` answers a shell completing `line` (its last word, maybe empty)."""
    words = line.split(" ")
    asked = {"_PLANAUDIT_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        asked |= {"COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    else:
        asked |= {"_TYPER_COMPLETE_ARGS": line}
    result = CliRunner().invoke(app, [], env=asked | env, prog_name="planaudit")
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _env(cli_env, monkeypatch):
    monkeypatch.delenv("PLANAUDIT_CONFIG", raising=False)


def test_bash_completes_check_format_with_the_formats():
    assert complete("bash", "planaudit check --format ") == (0, "\n".join(FORMATS) + "\n", "")
    assert complete("bash", "planaudit check -f j") == (0, "json\njunit\n", "")


def test_zsh_completes_check_format_with_the_formats():
    listed = "\n".join(f'"{name}"' for name in FORMATS)
    assert complete("zsh", "planaudit check --format ") == (
        0,
        f"_arguments '*: :(({listed}))'\n",
        "",
    )


def test_options_commands_and_enum_values_complete():
    assert complete("bash", "planaudit check --fo") == (0, "--format\n--forecast\n", "")
    assert complete("bash", "planaudit hi") == (0, "history\n", "")
    assert complete("bash", "planaudit check --fail-on ") == (0, "behind\nwatch\nnever\n", "")
    assert complete("bash", "planaudit history --format ") == (0, "table\njson\nmarkdown\n", "")


def test_completion_says_nothing_of_a_bad_configuration_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".planaudit.toml").write_text("bogus = 1\n", encoding="utf-8")
    assert complete("bash", "planaudit check --fail-on w") == (0, "watch\n", "")


def test_show_completion_prints_the_script_to_install(monkeypatch):
    # the shell named, not detected: the options then take it as a value
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    result = CliRunner().invoke(app, ["--show-completion", "bash"], prog_name="planaudit")
    assert (result.exit_code, result.stdout, result.stderr) == (0, BASH_SCRIPT, "")


BASH_SCRIPT = """\
_planaudit_completion() {
    local IFS=$'
'
    COMPREPLY=( $( env COMP_WORDS="${COMP_WORDS[*]}" \\
                   COMP_CWORD=$COMP_CWORD \\
                   _PLANAUDIT_COMPLETE=complete_bash $1 ) )
    return 0
}

complete -o default -F _planaudit_completion planaudit
"""


def test_the_options_are_in_the_help():
    help_text = CliRunner().invoke(app, ["--help"], prog_name="planaudit").stdout
    assert "--install-completion" in help_text
    assert "--show-completion" in help_text

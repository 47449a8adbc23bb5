"""`-` for standard input: plan files for check, validate, history and diff, the report for draft
and verify; named <stdin> wherever a path is shown; the size limit and the encodings apply; a
terminal with nothing piped, or `-` twice, is a usage error."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from planaudit.cli.app import app
from tests.conftest import ROOT, usage_line_apart
from tests.workbook import cell_values

PATH = "plans/chaoyang-2018.yaml"
PLAN = (ROOT / PATH).read_bytes()
REPORT_PATH = "reports/chaoyang-2018-h1.txt"
REPORT = (ROOT / REPORT_PATH).read_bytes()


@pytest.fixture(autouse=True)
def _env(cli_env, monkeypatch):
    monkeypatch.delenv("PLANAUDIT_CONFIG", raising=False)


def run(*args: str, given: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=given)
    return result.exit_code, result.stdout, result.stderr


# How each format writes the name <stdin>, where it shows a path.
SHOWN = {
    "markdown": "&lt;stdin&gt;",
    "junit": "&lt;stdin&gt;",
    "html": "&lt;stdin&gt;",
    "sarif": "%3Cstdin%3E",
}


@pytest.mark.parametrize(
    "format",
    ["table", "json", "markdown", "csv", "junit", "github", "sarif", "gitlab", "html"],
)
def test_check_reads_a_plan_from_stdin_named_stdin_in_every_format(format):
    code, out, err = run("check", "-", "-f", format, given=PLAN)
    from_file = run("check", PATH, "-f", format)
    assert from_file[0] == code == 1
    assert (err, from_file[2]) == ("", "")
    assert PATH not in out
    expected = from_file[1].replace(PATH, SHOWN.get(format, "<stdin>"))
    assert _unhashed(out) == _unhashed(expected)


def _unhashed(text: str) -> str:
    """SARIF and GitLab fingerprints hash the path too: the rest must be the same."""
    return re.sub("[0-9a-f]{32,64}", "HASH", text)


def test_a_workbook_names_stdin(tmp_path):
    assert run("check", "-", "-f", "xlsx", "-o", str(tmp_path / "r.xlsx"), given=PLAN)[0] == 1
    assert run("check", PATH, "-f", "xlsx", "-o", str(tmp_path / "f.xlsx"))[0] == 1
    from_file = str(cell_values(tmp_path / "f.xlsx")).replace(PATH, "<stdin>")
    assert str(cell_values(tmp_path / "r.xlsx")) == from_file
    assert "<stdin>" in from_file


def test_stdin_beside_files_and_folders():
    code, out, err = run("check", "plans/riverside-fy2018.yaml", "-", "-f", "csv", given=PLAN)
    assert (code, err) == (1, "")
    paths = {line.split(",")[0] for line in out.splitlines()[1:]}
    assert paths == {"plans/riverside-fy2018.yaml", "<stdin>"}


def test_validate_and_its_problems_name_stdin():
    assert run("validate", "-", given=PLAN) == (0, "", "1 plan file valid\n")
    assert run("validate", "-", given=b"plan: x\nyear: 2018\nindicators: []\n") == (
        2,
        "",
        "<stdin>:3:13: indicators must not be empty: list at least one\n",
    )


def test_the_size_limit_applies_to_stdin():
    assert run("validate", "-", "--max-size", "0.001", given=PLAN) == (
        2,
        "",
        "<stdin>:1:1: the file is larger than 0.001 MB, the size limit (raise it with "
        "--max-size)\n",
    )


def test_the_encodings_apply_to_stdin():
    gb = PLAN.decode("utf-8").encode("gb18030")
    assert run("validate", "-", given=gb) == (
        0,
        "",
        "planaudit: <stdin>: read as GB18030 (not UTF-8)\n1 plan file valid\n",
    )
    code, out, err = run("validate", "-", "--encoding", "utf-8", given=gb)
    assert (code, out) == (2, "")
    assert err.startswith("<stdin>:2:3: the file is not UTF-8: it looks like GBK/GB18030")


def test_history_reads_stdin():
    code, out, err = run("history", "-", "-f", "json", given=PLAN)
    assert (code, err) == (0, "")
    assert out == run("history", PATH, "-f", "json")[1].replace(PATH, "<stdin>")


def test_diff_reads_one_side_from_stdin(tmp_path):
    old = tmp_path / "old.yaml"
    old.write_bytes(PLAN.replace(b"target: 1000", b"target: 1200"))
    code, out, err = run("diff", str(old), "-", "-f", "json", given=PLAN)
    assert (code, err) == (1, "")
    expected = run("diff", str(old), PATH, "-f", "json")[1]
    assert out == expected.replace(PATH, "<stdin>")
    assert usage_line_apart(run("diff", "--since", "HEAD", "-", given=PLAN)) == (
        2,
        "",
        "Usage: …\n"
        "Try 'planaudit diff -h' for help.\n\n"
        "Error: Invalid value: - (standard input) is not a file at a git revision: with "
        "--since, name files\n",
    )


def test_diff_takes_an_encoding(tmp_path):
    gb = PLAN.decode("utf-8").encode("gb18030")
    (tmp_path / "old.yaml").write_bytes(gb.replace(b"target: 1000", b"target: 1200"))
    (tmp_path / "new.yaml").write_bytes(gb)
    old, new = str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml")
    code, out, err = run("diff", old, new, "--encoding", "gb18030", "-f", "json")
    assert (code, err) == (1, "")
    assert out == run("diff", old, "-", "-f", "json", given=PLAN)[1].replace("<stdin>", new)
    notices = f"planaudit: {old}: read as GB18030 (not UTF-8)\n"
    notices += f"planaudit: {new}: read as GB18030 (not UTF-8)\n"
    assert run("diff", old, new, "-f", "json") == (1, out, notices)
    code, out, err = run("diff", old, new, "--encoding", "utf-8")
    assert (code, out) == (2, "")
    assert err.startswith(f"{old}:2:3: the file is not UTF-8")


def test_draft_reads_the_report_from_stdin():
    code, out, err = run("draft", "-", given=REPORT)
    from_file = run("draft", REPORT_PATH)
    assert code == from_file[0] == 0
    assert out == from_file[1].replace(REPORT_PATH, "<stdin>")
    assert err == from_file[2].replace(REPORT_PATH, "<stdin>")
    assert "<stdin>" in out and "<stdin>" in err


def test_verify_reads_the_report_from_stdin():
    code, out, err = run("verify", PATH, "-r", "-", given=REPORT)
    from_file = run("verify", PATH, "-r", REPORT_PATH)
    assert (code, err) == (from_file[0], from_file[2])
    assert out == from_file[1].replace(REPORT_PATH, "<stdin>")
    assert "<stdin>:" in out


TWICE = "Error: Invalid value for '{}': - (standard input) can stand for one file only\n"


@pytest.mark.parametrize(
    ("args", "param"),
    [
        (["check", "-", "-"], "PATH"),
        (["validate", "plans", "-", "-"], "PATH"),
        (["verify", "-", "-r", "-"], "PLAN"),
        (["verify", PATH, "-r", "-", "-t", "-"], "--targets' / '-t"),
    ],
)
def test_stdin_twice_is_a_usage_error(args, param):
    name = args[0]
    assert usage_line_apart(run(*args, given=PLAN)) == (
        2,
        "",
        f"Usage: …\nTry 'planaudit {name} -h' for help.\n\n" + TWICE.format(param),
    )


def _on_a_terminal(*args: str, lang: str = "C.UTF-8") -> tuple[int, str, str]:
    """planaudit with a terminal (a pseudo-terminal nobody types into) as its stdin."""
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "planaudit", *args],
            stdin=follower,
            capture_output=True,
            text=True,
            timeout=60,
            cwd=ROOT,
            env={
                **os.environ,
                "COLUMNS": "120",
                "LANG": lang,
                "LC_ALL": lang,
                "PLANAUDIT_LANG": "",
            },
        )
    finally:
        os.close(follower)
        os.close(leader)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize(
    ("args", "param"),
    [
        (["check", "-"], "PATH"),
        (["draft", "-"], "REPORT.txt"),
    ],
)
def test_a_terminal_with_nothing_piped_is_a_usage_error_not_a_wait(args, param):
    assert usage_line_apart(_on_a_terminal(*args)) == (
        2,
        "",
        f"Usage: …\nTry 'python -m planaudit {args[0]} -h' for help."
        f"\n\nError: Invalid value for '{param}': - reads standard input, but it is a terminal: "
        "pipe a file in, or name the file\n",
    )


def test_a_terminal_with_nothing_piped_is_a_usage_error_in_chinese_too():
    assert usage_line_apart(_on_a_terminal("check", "-", lang="zh_CN.UTF-8")) == (
        2,
        "",
        "用法：…\n运行“python -m planaudit check -h”查看帮助。\n\n"
        "错误：“路径” 的取值无效：- 表示读取标准输入，但标准输入是终端：请用管道传入文件，"
        "或直接给出文件名\n",
    )

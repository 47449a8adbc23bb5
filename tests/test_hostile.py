"""Hostile and broken input: nothing crashes, nothing is lost, nothing runs (docs/security.md)."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from planaudit import pipeline
from planaudit.errors import PlanError
from planaudit.loader import parse
from tests.conftest import ROOT, run

HEADER = "plan: 测试计划\nyear: 2018\nas_of: 2018-06-30\nindicators:\n"


pytestmark = pytest.mark.usefixtures("cli_env")


def test_a_5_mb_comment_line_is_just_a_comment(tmp_path):
    plan = tmp_path / "long.yaml"
    plan.write_text("# " + "x" * 5_000_000 + "\n" + HEADER + "  - name: a\n    target: 1\n")
    result = run("check", str(plan), "-f", "json")
    assert (result.exit_code, result.stderr) == (0, "")


def test_a_5_mb_name_is_refused_by_name(tmp_path):
    plan = tmp_path / "long.yaml"
    plan.write_text(HEADER + "  - name: " + "x" * 5_000_000 + "\n", encoding="utf-8")
    result = run("check", str(plan))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"{plan}:5:11: name is too long (5,000,000 characters; limit 500)\n"


def test_the_size_limit(tmp_path):
    plan = tmp_path / "big.yaml"
    plan.write_bytes(b"# " + b"x" * 10_000_000 + b"\n")
    message = "the file is larger than 10 MB, the size limit (raise it with --max-size)"
    assert run("validate", str(plan)).stderr == f"{plan}:1:1: {message}\n"
    result = run("validate", str(plan), "--max-size", "20")
    assert (result.exit_code, result.stderr) == (2, f"{plan}:1:1: the file is empty: a plan "
                                                   "needs plan, year and indicators\n")  # fmt: skip


def test_a_device_is_not_read(tmp_path):
    result = run("check", "/dev/zero")
    assert (result.exit_code, result.stderr) == (2, "/dev/zero:1:1: not a regular file\n")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('  - name: "a\\x07b"\n', "5:11: control character U+0007 is not allowed in text"),
        ('  - name: "a\\u202eb"\n', "5:11: control character U+202E is not allowed in text"),
        ("  - name: a\x1bb\n", "5:12: control character U+001B is not allowed in a plan file"),
    ],
)
def test_control_characters_are_refused(text, message):
    with pytest.raises(PlanError) as caught:
        parse(HEADER + text, "p.yaml")
    assert [str(p) for p in caught.value.problems] == [f"p.yaml:{message}"]


def test_a_lone_surrogate_is_located():
    with pytest.raises(PlanError) as caught:
        parse(HEADER + "  - name: a\ud800b\n", "p.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "p.yaml:5:12: U+D800 is not a character (a lone surrogate)"
    ]


def test_billion_laughs_is_refused_quickly_and_in_bounded_memory():
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]"
               for i in range(12)]  # fmt: skip
    with pytest.raises(PlanError) as caught:
        parse("\n".join(levels) + "\n", "bomb.yaml")
    messages = {p.message for p in caught.value.problems}
    assert "aliases (*name) are not allowed in plan files: write the value out" in messages


def test_no_tag_runs_code(tmp_path):
    marker = tmp_path / "ran"
    plan = tmp_path / "evil.yaml"
    plan.write_text(
        HEADER + f"  - name: !!python/object/apply:os.system ['touch {marker}']\n"
        f"    note: !!python/object/new:subprocess.check_output [['touch', '{marker}']]\n"
    )
    result = run("check", str(plan))
    assert result.exit_code == 2 and not marker.exists()
    assert result.stderr == (
        f"{plan}:5:11: the YAML tag !!python/object/apply:os.system is not allowed in plan files\n"
        f"{plan}:6:11: the YAML tag !!python/object/new:subprocess.check_output is not allowed in "
        "plan files\n"
    )


def _fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        str(p.relative_to(folder)): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime_ns,
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_plan_files_are_never_written(tmp_path):
    for plan in (ROOT / "plans").glob("*.yaml"):
        (tmp_path / plan.name).write_bytes(plan.read_bytes())
    (tmp_path / "bad.yaml").write_text("plan: [unclosed\n")
    before = _fingerprint(tmp_path)
    for format in ("table", "json", "markdown", "csv", "junit", "github"):
        assert run("check", str(tmp_path), "-f", format).exit_code == 2
    assert run("validate", str(tmp_path)).exit_code == 2
    assert _fingerprint(tmp_path) == before


def test_ctrl_c_exits_130_with_one_line(monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "load", interrupted)
    result = run("check", str(ROOT / "plans"))
    assert (result.exit_code, result.stdout, result.stderr) == (130, "", "planaudit: interrupted\n")


def _big_plan(folder: Path, indicators: int) -> Path:
    rows = "".join(f"  - name: 指标{i}\n    target: 100\n    actual: {i % 100}\n"
                   for i in range(indicators))  # fmt: skip
    plan = folder / "big.yaml"
    plan.write_text(HEADER + rows, encoding="utf-8")
    return plan


def test_a_closed_pipe_ends_quietly(tmp_path):
    plan = _big_plan(tmp_path, 3000)
    command = f"{sys.executable} -m planaudit check {plan} --format json | head -c 100 > /dev/null"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.stderr == ""
    assert result.returncode in (0, 1)


def test_a_real_interrupt(tmp_path):
    """SIGINT while the audit runs: one line, exit 130."""
    plan = _big_plan(tmp_path, 20_000)
    process = subprocess.Popen(
        [sys.executable, "-c", "import signal, os, threading;"
         "threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGINT)).start();"
         "from planaudit.cli import main; import sys; sys.argv=['planaudit','check',"
         f"{str(plan)!r}]; main()"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        env={**os.environ, "COLUMNS": "120"},
        # A shell's background job starts with SIGINT ignored; a terminal's Ctrl-C does not.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    _, stderr = process.communicate(timeout=120)
    assert (process.returncode, stderr) == (130, "planaudit: interrupted\n")

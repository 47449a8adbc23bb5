"""Hostile and broken input: nothing crashes, nothing is lost, nothing runs (docs/security.md)."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from planaudit.core import run as pipeline
from planaudit.core.errors import PlanError
from planaudit.io.loader import parse
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
        [sys.executable, "-c", "import signal, os, sys\n"
         "from planaudit.core import run as pipeline\n"
         "audit = pipeline.audit_file\n"
         "def interrupted(*args):  # Ctrl-C as the audit starts, however slow the machine\n"
         "    os.kill(os.getpid(), signal.SIGINT)\n"
         "    return audit(*args)\n"
         "pipeline.audit_file = interrupted\n"
         "from planaudit.cli.app import main\n"
         f"sys.argv = ['planaudit', 'check', {str(plan)!r}]\n"
         "main()\n"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        env={**os.environ, "COLUMNS": "120"},
        # A shell's background job starts with SIGINT ignored; a terminal's Ctrl-C does not.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    _, stderr = process.communicate(timeout=120)
    assert (process.returncode, stderr) == (130, "planaudit: interrupted\n")


# --output never destroys what it writes to (issue 10)


def _device(folder: Path) -> Path:
    """A character device like /dev/null: made with mknod as root (as CI runs), where renaming
    over it would replace the system's own; otherwise /dev/null itself, which only root could
    replace."""
    if os.geteuid() != 0:
        return Path(os.devnull)
    device = folder / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return device


def _socket(folder: Path) -> Path:
    path = folder / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "fifo"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (_device, "is not a regular file (a device, FIFO or socket): --output writes only files"),
        (_fifo, "is not a regular file (a device, FIFO or socket): --output writes only files"),
        (_socket, "is not a regular file (a device, FIFO or socket): --output writes only files"),
    ],
)
def test_output_writes_only_regular_files(tmp_path, make, why):
    target = make(tmp_path)
    kind = stat.S_IFMT(target.stat().st_mode)
    before = sorted(tmp_path.iterdir())
    result = run("check", "plans/chaoyang-2018.yaml", "-o", str(target))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"planaudit: --output {target}: {why}\n"
    assert stat.S_IFMT(target.stat().st_mode) == kind
    assert sorted(tmp_path.iterdir()) == before


def test_output_refuses_hard_links_and_read_only_files(tmp_path):
    plan = tmp_path / "p.yaml"
    plan.write_text(HEADER + "  - name: a\n    target: 10\n    actual: 5\n", encoding="utf-8")
    linked, other = tmp_path / "linked.txt", tmp_path / "other.txt"
    linked.write_text("kept")
    os.link(linked, other)
    locked = tmp_path / "locked.txt"
    locked.write_text("kept")
    locked.chmod(0o444)
    for target, why in (
        (linked, "has other hard links, which replacing it would cut loose"),
        (locked, "is read-only"),
        (tmp_path, "is a directory"),
    ):
        result = run("check", str(plan), "-o", str(target))
        assert (result.exit_code, result.stderr) == (2, f"planaudit: --output {target}: {why}\n")
    assert (linked.read_text(), other.read_text(), locked.read_text()) == ("kept",) * 3
    assert os.stat(linked).st_ino == os.stat(other).st_ino
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "linked.txt", "locked.txt", "other.txt", "p.yaml"]  # fmt: skip


def test_output_writes_through_a_symbolic_link(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real.name)
    result = run("check", "plans/riverside-fy2018.yaml", "-f", "json", "-o", str(link))
    assert (result.exit_code, result.stderr) == (0, "")
    assert link.is_symlink() and os.readlink(link) == "real.json"
    assert json.loads(real.read_text(encoding="utf-8"))["plans"][0]["path"].endswith(".yaml")
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to("nowhere.json")
    result = run("check", "plans/riverside-fy2018.yaml", "-o", str(dangling))
    why = "a symbolic link to a file that does not exist"
    assert (result.exit_code, result.stderr) == (2, f"planaudit: --output {dangling}: {why}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dangling.json", "link.json", "real.json"]


@pytest.mark.parametrize(
    "command",
    [
        ["check", "{plan}", "-o", "{plan}"],
        ["check", "{folder}", "-o", "{alias}"],
        ["history", "{plan}", "-o", "{plan}"],
        ["diff", "{plan}", "{plan}", "-o", "{alias}"],
        ["draft", "{report}", "-o", "{report}", "--force"],
    ],
)
def test_an_output_that_is_an_input_is_refused(tmp_path, command):
    folder = tmp_path / "plans"
    folder.mkdir()
    plan = folder / "a.yaml"
    plan.write_text(HEADER + "  - name: a\n    target: 10\n    actual: 5\n", encoding="utf-8")
    alias = tmp_path / "alias.yaml"
    alias.symlink_to(plan)
    report = tmp_path / "r.txt"
    report.write_bytes((ROOT / "reports" / "chaoyang-2018-h1.txt").read_bytes())
    before = _fingerprint(tmp_path)
    names = {"plan": plan, "folder": folder, "alias": alias, "report": report}
    args = [part.format(**names) for part in command]
    result = run(*args)
    given = args[args.index("-o") + 1]
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(
        f"planaudit: --output {given}: is one of the inputs: the report would replace it\n"
    )
    assert _fingerprint(tmp_path) == before


def test_an_output_error_names_the_path_given(tmp_path):
    folder = tmp_path / "gone"
    result = run("check", "plans/riverside-fy2018.yaml", "-o", str(folder / "r.txt"))
    assert (result.exit_code, result.stderr) == (
        2,
        f"planaudit: --output {folder}/r.txt: cannot write in {folder}: No such file or "
        "directory\n",
    )


# Non-regular inputs are refused before a byte is read: a FIFO would wait for a writer forever.


@pytest.mark.parametrize(
    "command",
    [
        ["check", "{fifo}"],
        ["validate", "{fifo}"],
        ["history", "{fifo}"],
        ["diff", "plans/chaoyang-2018.yaml", "{fifo}"],
        ["verify", "{fifo}", "-r", "reports/chaoyang-2018-h1.txt"],
        ["verify", "plans/chaoyang-2018.yaml", "-r", "{fifo}"],
        ["draft", "{fifo}"],
    ],
)
def test_a_fifo_is_refused_by_every_command(tmp_path, command):
    fifo = _fifo(tmp_path)
    args = [part.format(fifo=fifo) for part in command]
    done = subprocess.run(
        [sys.executable, "-m", "planaudit", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=60, check=False,
    )  # fmt: skip
    refused = f"{fifo}:1:1: not a regular file\n"
    assert (done.returncode, done.stdout, done.stderr) == (2, "", refused)


def test_a_fifo_in_a_folder_is_reported(tmp_path):
    (tmp_path / "a.yaml").write_text(HEADER + "  - name: a\n    target: 10\n", encoding="utf-8")
    os.mkfifo(tmp_path / "b.yaml")
    result = run("validate", str(tmp_path))
    assert (result.exit_code, result.stderr) == (2, f"{tmp_path}/b.yaml:1:1: not a regular file\n")


# Signals clean up like Ctrl-C: no temporary file, no worker left, the shell's exit code.


def _big_folder(folder: Path, files: int = 4, indicators: int = 20_000) -> Path:
    rows = "".join(f"  - name: 指标{i}\n    target: 100\n    actual: {i % 100}\n"
                   for i in range(indicators))  # fmt: skip
    plans = folder / "plans"
    plans.mkdir()
    for number in range(files):
        (plans / f"p{number}.yaml").write_text(HEADER + rows, encoding="utf-8")
    return plans


def _gone(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_signal_cleans_up_like_ctrl_c(tmp_path, signum, code):
    plans = _big_folder(tmp_path)
    report = tmp_path / "report.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "planaudit", "check", str(plans), "-f", "json", "-j", "2",
         "-o", str(report)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        start_new_session=True,  # its own process group: the workers are found by it
    )  # fmt: skip
    _wait_for_workers(process.pid)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=120)
    name = signal.Signals(signum).name
    assert (process.returncode, stderr) == (code, f"planaudit: stopped by {name}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plans"]
    assert _wait(lambda: _gone(process.pid))


def _wait_for_workers(pid: int) -> None:
    """Until the process has started its worker processes (it is then well into the audit)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    assert _wait(lambda: len(children.read_text().split()) >= 2)


def _wait(condition: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_terminated_check_does_not_leave_a_pipe_reader_waiting(tmp_path):
    """`check | wc -c` with SIGTERM to planaudit: wc sees the end of the pipe at once (no worker
    holds it), and no half of a JSON document went down it."""
    plans = _big_folder(tmp_path)
    command = f"{sys.executable} -m planaudit check {plans} -f json -j 2 | wc -c"
    shell = subprocess.Popen(["bash", "-c", command], stdout=subprocess.PIPE, text=True,
                             cwd=ROOT, start_new_session=True)  # fmt: skip
    children = Path(f"/proc/{shell.pid}/task/{shell.pid}/children")

    def python_child() -> int | None:
        """The pipeline's python, once bash has exec'd it (a child forked but not yet exec'd
        still has bash's command line: waiting for two children is not enough on a busy
        machine)."""
        for pid in children.read_text().split():
            try:
                if Path(f"/proc/{pid}/cmdline").read_bytes().startswith(sys.executable.encode()):
                    return int(pid)
            except FileNotFoundError:
                continue
        return None

    assert _wait(lambda: python_child() is not None)
    planaudit = python_child()
    assert planaudit is not None
    _wait_for_workers(planaudit)
    os.kill(planaudit, signal.SIGTERM)
    out, _ = shell.communicate(timeout=120)
    assert out.strip() == "0"
    assert _wait(lambda: _gone(shell.pid))


# Bad option values are usage errors


@pytest.mark.parametrize(
    ("option", "value", "allowed"),
    [
        ("--max-size", "inf", "0.001 to 1000"),
        ("--max-size", "nan", "0.001 to 1000"),
        ("--max-size", "1e308", "0.001 to 1000"),
        ("--max-size", "100000", "0.001 to 1000"),
        ("--max-size", "0", "0.001 to 1000"),
        ("--tolerance", "inf", "0 to 100"),
        ("--tolerance", "nan", "0 to 100"),
        ("--tolerance", "-1", "0 to 100"),
        ("--recovery-factor", "inf", "1 to 1000"),
        ("--tolerance", "abc", "0 to 100"),  # not the library's "Input should be a valid number"
        ("--recovery-factor", "两倍", "1 to 1000"),
        ("--max-size", "", "0.001 to 1000"),
    ],
)
def test_absurd_option_values_are_usage_errors(option, value, allowed):
    result = run("check", "plans", option, value)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(
        f"Error: Invalid value for '{option}': {value} is not a number from {allowed}\n"
    )


@pytest.mark.parametrize("value", ["x", "-1", "1.5"])
def test_jobs_that_are_not_a_whole_number_are_usage_errors(value):
    result = run("check", "plans", "--jobs", value)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(
        f"Error: Invalid value for '--jobs' / '-j': {value} is not a whole number of 0 or more\n"
    )

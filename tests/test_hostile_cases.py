"""The failures of issue 10, each a case: the files in cases/hostile/ through every format, and
what needs a real file system or locale (names that are not UTF-8, `::` names, links, encodings).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from planaudit.cli.app import app
from planaudit.core import run as pipeline
from planaudit.core.errors import PlanError, Problem
from planaudit.io import discover
from planaudit.io.source import decode
from tests.conftest import ROOT, run

HOSTILE = Path(__file__).parent / "cases" / "hostile"
CASES = sorted(HOSTILE.glob("*.yaml"))
FORMATS = ["table", "json", "markdown", "csv", "junit", "github", "sarif", "gitlab", "html"]
FORMULA = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[-+]?[0-9][0-9,]*(\.[0-9]+)?%?")

pytestmark = pytest.mark.usefixtures("cli_env")


def gfm() -> MarkdownIt:
    """CommonMark with GitHub's tables, strikethrough and autolinks (linkify)."""
    parser = MarkdownIt("gfm-like")
    assert parser.linkify is not None
    parser.linkify.set({"fuzzy_link": False, "fuzzy_email": True})  # as GFM: no bare domains
    return parser


def assert_inert_markdown(text: str) -> None:
    """No raw HTML (an `<!--` would hide the rest), no link, image or autolink anywhere."""
    tokens = gfm().parse(text)
    assert not [t for t in tokens if t.type.startswith("html")], "raw HTML in the Markdown"
    children = [c for t in tokens if t.type == "inline" for c in t.children or []]
    kinds = {c.type for c in children}
    assert not kinds & {"link_open", "image", "html_inline"}, kinds
    assert not re.search(r"@\w|://|\bwww\.\w", text), "a mention or bare link"


def assert_inert_csv(text: str) -> None:
    """No cell starts a formula, read with `,` as written or with `;` or a tab as a European
    spreadsheet would; a plain number (-10.9%) is a figure, not a formula."""
    for delimiter in (",", ";", "\t"):
        for row in csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=delimiter):
            for cell in row:
                start = cell.lstrip(" ")
                if start.startswith(FORMULA) and not PLAIN_NUMBER.fullmatch(cell):
                    pytest.fail(f"a formula in a cell read with {delimiter!r}: {cell!r}")


def assert_inert(format: str, text: str) -> None:
    if format in ("json", "sarif", "gitlab"):
        json.loads(text)
    elif format == "junit":
        ET.fromstring(text.encode("utf-8"))  # expat: refuses what XML 1.0 forbids
    elif format == "markdown":
        assert_inert_markdown(text)
    elif format == "csv":
        assert_inert_csv(text)
    elif format == "github":
        assert all(line.startswith(("::error ", "::warning ", "::notice "))
                   for line in text.splitlines())  # fmt: skip
    assert "\x1b" not in text
    commands = [line for line in text.splitlines() if line.lstrip().startswith("::")]
    assert format == "github" or not commands


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
@pytest.mark.parametrize("format", FORMATS)
def test_hostile_case(case, format, monkeypatch):
    """Each case gives its exact diagnostics (or none), never exit 3, in every format, and a
    report that stays inert: valid JSON and XML, no HTML or link in Markdown, no formula."""
    monkeypatch.chdir(HOSTILE)
    result = CliRunner().invoke(app, ["check", case.name, "-f", format, "--forecast"])
    expected = (HOSTILE / f"{case.stem}.stderr").read_text(encoding="utf-8")
    assert (result.exit_code, result.stderr) == (2 if expected else 1, expected)
    assert_inert(format, result.stdout)


def test_there_is_a_case_for_each_failure():
    assert len(CASES) >= 14
    assert all((HOSTILE / f"{case.stem}.stderr").exists() for case in CASES)


def test_an_html_comment_hides_nothing():
    """`unit: "% <!--"` used to hide the rest of the report behind an HTML comment."""
    result = run("check", str(HOSTILE / "markdown-injection.yaml"), "-f", "markdown")
    html = gfm().render(result.stdout)
    assert "shown after the comment" in html and "<!--" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize("command", ["history", "diff"])
def test_history_and_diff_markdown_are_inert(command, tmp_path):
    plan = HOSTILE / "markdown-injection.yaml"
    changed = tmp_path / "new.yaml"
    changed.write_text(plan.read_text(encoding="utf-8").replace("100", "50"), encoding="utf-8")
    args = [str(plan), str(changed)] if command == "diff" else [str(plan)]
    result = run(command, *args, "-f", "markdown")
    assert result.exit_code in (0, 1) and result.stderr == ""
    assert_inert_markdown(result.stdout)


def _planaudit(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "planaudit", *args],
        capture_output=True, cwd=cwd, env={**os.environ, "COLUMNS": "120", **env}, check=False,
    )  # fmt: skip


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path):
    name = os.fsdecode(b"\xff\xfe.yaml")
    (tmp_path / name).write_text((ROOT / "plans" / "riverside-fy2018.yaml").read_text())
    (tmp_path / os.fsdecode(b"bad\xff.yaml")).write_text("plan: [\n")
    for format in FORMATS:
        done = _planaudit("check", ".", "-f", format, cwd=tmp_path)
        assert done.returncode == 2
        out = done.stdout.decode("utf-8")  # strict: raw bytes would fail here
        assert_inert(format, out)
        shown = unquote(out) if format == "sarif" else out  # SARIF's URIs are %-encoded
        assert "\\xff\\xfe.yaml" in shown.replace("\\\\", "\\")
        assert done.stderr.decode("utf-8").startswith("bad\\xff.yaml:2:1: ")
    done = _planaudit("check", ".", "-f", "json", "-o", "r.json", cwd=tmp_path)
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [plan["path"] for plan in report["plans"]] == ["\\xff\\xfe.yaml"]


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "gbk"])
def test_a_terminal_that_cannot_show_the_marks(encoding):
    """The table in ASCII marks and bars where the terminal's encoding has none; Chinese it
    cannot show is escaped; JSON, CSV and JUnit stay UTF-8."""
    done = _planaudit("check", "plans/chaoyang-2018.yaml", PYTHONIOENCODING=encoding)
    assert (done.returncode, done.stderr) == (1, b"")
    table = done.stdout.decode(encoding)
    assert "│" not in table or encoding == "gbk"
    assert "✗ 滞后" not in table and "x " in table and "░" not in table
    if encoding == "gbk":
        assert "新增改造绿地" in table and "x 滞后" in table
    diff = _planaudit("diff", "tests/cases/diff/old.yaml", "tests/cases/diff/new.yaml",
                      PYTHONIOENCODING=encoding)  # fmt: skip
    assert diff.returncode == 1 and diff.stderr == b""
    for format in ("json", "csv", "junit"):
        done = _planaudit("check", "plans/chaoyang-2018.yaml", "-f", format,
                          PYTHONIOENCODING=encoding)  # fmt: skip
        assert done.returncode == 1
        assert "朝阳区" in done.stdout.decode("utf-8")


def test_a_name_that_github_reads_as_a_command_never_starts_a_line(tmp_path):
    (tmp_path / "::stop-commands::tok.yaml").write_text("plan: [\n")
    (tmp_path / "::notice::x.yaml").write_text(
        (ROOT / "plans" / "riverside-fy2018.yaml").read_text()
    )
    for format in FORMATS:
        done = _planaudit("check", "::stop-commands::tok.yaml", "::notice::x.yaml", "-f", format,
                          cwd=tmp_path)  # fmt: skip
        for stream in (done.stdout, done.stderr):
            lines = stream.decode("utf-8").splitlines()
            ours = ("::error ", "::warning ", "::notice ")
            commands = [line for line in lines if line.lstrip().startswith("::")]
            assert [line for line in commands if not line.startswith(ours)] == []
        assert done.stderr.decode().startswith("./::stop-commands::tok.yaml:2:1: YAML syntax")


def test_links_out_of_a_searched_folder_are_not_followed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:$6$salt$secrethash:19000:0:99999:7:::\n")
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.yaml").write_text((ROOT / "plans" / "riverside-fy2018.yaml").read_text())
    (plans / "s.yaml").symlink_to(secret)
    (plans / "inside.yaml").symlink_to("a.yaml")
    (plans / "out").symlink_to(tmp_path)
    result = run("check", str(plans), "-f", "json")
    out = "a symbolic link out of the folder searched: not followed (name it to audit what it " \
          "points to)"  # fmt: skip
    assert result.stderr == f"{plans}/out:1:1: {out}\n{plans}/s.yaml:1:1: {out}\n"
    assert [p["path"] for p in json.loads(result.stdout)["plans"]] == [
        f"{plans}/a.yaml", f"{plans}/inside.yaml"]  # fmt: skip
    named = run("check", str(plans / "s.yaml"))
    assert named.stderr == f"{plans}/s.yaml:1:1: this is not a plan file: it has no plan or " \
                           "indicators (its keys: …)\n"  # fmt: skip
    assert "secret" not in result.stdout + result.stderr + named.stdout + named.stderr


def test_an_unreadable_folder_is_reported(tmp_path, monkeypatch):
    """Root reads any folder, so the refusal is made where os.walk would meet it."""
    (tmp_path / "a.yaml").write_text("plan: x\n")
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> object:
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    problems: list[Problem] = []
    assert discover.plan_files([tmp_path], problems) == [tmp_path / "a.yaml"]
    assert [str(p) for p in problems] == [
        f"{tmp_path}/locked:1:1: cannot read this folder: Permission denied"
    ]


def test_a_truncated_utf8_file_is_not_taken_for_gbk():
    with pytest.raises(PlanError) as caught:
        decode("plan: 朝阳区计划".encode()[:-1], "p.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "p.yaml:1:19: the file ends in the middle of a UTF-8 character: it was cut short"
    ]


@pytest.mark.parametrize("format", ["json", "csv"])
def test_an_internal_error_leaves_no_half_document(format, monkeypatch):
    """The second plan fails: nothing of the first is left on stdout to look like a report."""
    audited = pipeline.audit_plan  # type: ignore[attr-defined]
    calls = []

    def second_fails(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("boom")
        return audited(*args, **kwargs)

    monkeypatch.setattr(pipeline, "audit_plan", second_fails)
    result = run("check", "plans", "-f", format)
    assert (result.exit_code, result.stdout) == (3, "")


def test_a_file_name_xml_forbids_makes_valid_junit(tmp_path):
    (tmp_path / "a\ufffe.yaml").write_text((ROOT / "plans" / "riverside-fy2018.yaml").read_text())
    result = run("check", str(tmp_path / "a\ufffe.yaml"), "-f", "junit", "--fail-on", "watch")
    assert result.exit_code == 1
    suite = ET.fromstring(result.stdout.encode("utf-8")).find("testsuite")
    assert suite is not None and suite.get("file") == f"{tmp_path}/a\\ufffe.yaml"


def test_a_sheet_name_is_cut_as_excel_counts_it():
    """Found by the fuzz run: a title starting with 𐀀 (two UTF-16 units) made a 32-unit sheet
    name, which xlsxwriter refuses (exit 3)."""
    from planaudit.render.xlsx_format import sheet_name

    name = sheet_name("𐀀Riverside County Capital Programme FY2018-19", set())
    assert name == "𐀀Riverside County Capital Prog"
    assert len(name.encode("utf-16-le")) // 2 == 31

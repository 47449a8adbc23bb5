"""Start-up stays lean (issue 13, item 6): what a run imports, read from `sys.modules` after the
real entry point ran in a fresh interpreter. Every module named here is one that some command
needs, so each list says which command pays for it; a module that moves or is renamed fails
`test_every_module_named_exists`, so that no list goes quietly stale."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PLAN = str(ROOT / "plans" / "chaoyang-2018.yaml")

RUN = (
    "import json, sys\n"
    "sys.argv = ['planaudit', *sys.argv[1:]]\n"
    "from planaudit.__main__ import main\n"
    "code = 0\n"
    "try:\n"
    "    main()\n"
    "except SystemExit as stop:\n"
    "    code = stop.code or 0\n"
    "sys.stderr.write(f'\\nIMPORTED {code} ' + json.dumps(sorted(sys.modules)) + '\\n')\n"
)
"""The console script's `main`, and then what it left imported (on stderr, after its own)."""

NOT_FOR_THE_TABLE = {
    # other commands: draft, diff (and git), history, verify, schema
    "planaudit.draft",
    "planaudit.core.diff",
    "planaudit.io.revision",
    "planaudit.core.versions",
    "planaudit.core.history",
    "planaudit.core.verify",
    "planaudit.core.running_text",
    "planaudit.core.schema",
    # other formats and their libraries
    "planaudit.render.json_format",
    "planaudit.render.csv_format",
    "planaudit.render.markdown_format",
    "planaudit.render.html_format",
    "planaudit.render.html_views",
    "planaudit.render.xlsx_format",
    "planaudit.render.xlsx_cells",
    "planaudit.render.junit_format",
    "planaudit.render.github_format",
    "planaudit.render.sarif_format",
    "planaudit.render.gitlab_format",
    "planaudit.render.verdict_format",
    "planaudit.render.history_formats",
    "planaudit.render.diff_formats",
    "planaudit.render.verify_formats",
    "jinja2",
    "markupsafe",
    "xlsxwriter",
    "xml.etree.ElementTree",
    # a configuration file's reader, without a configuration file
    "tomllib",
    # what explains a plan that pydantic refused, for a valid plan
    "planaudit.io.validation",
    # worker processes, for large inputs only
    "concurrent.futures.process",
    "multiprocessing.pool",
}
"""What `check` of one small plan, as a table, must not import."""

NOT_FOR_HELP = {"pydantic", "yaml", "rich", "planaudit.core.model", "planaudit.render.words"}
"""`--help` prints typer's help: no plan is read, no table drawn."""

NOT_FOR_VALIDATE = {"rich", "planaudit.render.words", "planaudit.core.audit", "tomllib"}
"""`validate` reads plans and says what is wrong with them: no audit, no table."""


def imported(*arguments: str, cwd: Path = ROOT) -> tuple[int, str, str, set[str]]:
    """Exit code, standard output and error, and the modules imported of one run."""
    done = subprocess.run(
        [sys.executable, "-c", RUN, *arguments], cwd=cwd, capture_output=True, text=True
    )
    err, _, after = done.stderr.rpartition("\nIMPORTED ")
    code, modules = after.split(" ", 1)
    return int(code), done.stdout, err, set(json.loads(modules))


def test_every_module_named_exists() -> None:
    for name in sorted(NOT_FOR_THE_TABLE | NOT_FOR_HELP | NOT_FOR_VALIDATE):
        assert importlib.util.find_spec(name) is not None, name


def test_check_as_a_table_imports_no_other_command_nor_format() -> None:
    code, out, err, modules = imported("check", PLAN, "--fail-on", "never")
    real = subprocess.run(
        [sys.executable, "-m", "planaudit", "check", PLAN, "--fail-on", "never"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert (code, out, err, real.returncode, real.stderr) == (0, real.stdout, "", 0, "")
    assert "planaudit.render.table_format" in modules  # the run did render a table
    assert sorted(NOT_FOR_THE_TABLE & modules) == []


@pytest.mark.parametrize(
    ("format", "module"),
    [("json", "planaudit.render.json_format"), ("markdown", "planaudit.render.markdown_format")],
)
def test_a_format_asked_for_is_imported(format: str, module: str) -> None:
    """The other side of the list: the same run with another format does import it."""
    _, _, _, modules = imported("check", PLAN, "--fail-on", "never", "--format", format)
    assert module in modules
    assert "planaudit.render.table_format" not in modules


def test_a_configuration_file_is_read_with_tomllib(tmp_path: Path) -> None:
    (tmp_path / ".planaudit.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    code, _, _, modules = imported("check", PLAN, cwd=tmp_path)
    assert code == 0  # the file was read: without it, chaoyang's indicators behind fail the run
    assert "tomllib" in modules


def test_help_imports_neither_pydantic_nor_yaml_nor_rich() -> None:
    code, out, err, modules = imported("--help")
    assert (code, err) == (0, "")
    assert out.startswith("Usage: planaudit")
    assert sorted(NOT_FOR_HELP & modules) == []


def test_validate_imports_no_renderer() -> None:
    code, out, err, modules = imported("validate", PLAN)
    assert (code, out, err) == (0, "", "1 plan file valid\n")
    assert "planaudit.core.model" in modules
    assert sorted(NOT_FOR_VALIDATE & modules) == []

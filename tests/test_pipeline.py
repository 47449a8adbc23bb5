"""The fast paths give the same answers as the plain ones: parallel = serial, byte for byte."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from benchmarks.generate import generate
from planaudit.cli import app as cli
from planaudit.core import run as pipeline
from planaudit.io import parallel as processes
from planaudit.render.registry import Format
from tests.conftest import run
from tests.workbook import cell_values


@pytest.fixture(scope="module")
def plan_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("plans")
    generate(folder, files=24, indicators=30, seed=7)
    (folder / "broken.yaml").write_text("plan: x\nyear: 2018\nindicators: [\n")
    return folder


@pytest.mark.parametrize("format", list(Format))
def test_parallel_output_is_serial_output(plan_set, format, monkeypatch, tmp_path):
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.setattr(processes, "PARALLEL_MIN_BYTES", 0)
    workbooks = [tmp_path / "serial.xlsx", tmp_path / "parallel.xlsx"]
    runs = [
        CliRunner().invoke(
            cli.app,
            ["check", str(plan_set), "-f", format.value, "-j", jobs]
            + (["-o", str(workbook)] if format is Format.XLSX else []),
        )
        for jobs, workbook in zip(("1", "2"), workbooks, strict=True)
    ]
    serial, parallel = runs
    assert serial.exit_code == parallel.exit_code == 2
    if format is Format.XLSX:
        assert cell_values(workbooks[0]) == cell_values(workbooks[1]) != []
    else:
        assert serial.stdout == parallel.stdout and serial.stdout
    problem = (
        f"{plan_set / 'broken.yaml'}:4:1: YAML syntax: did not find expected node content "
        "(while parsing a flow node at line 4, column 1)\n"
    )
    assert serial.stderr == parallel.stderr == problem


def test_small_inputs_stay_in_one_process(plan_set, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a process pool for a small input")

    monkeypatch.setattr(processes, "_in_parallel", no_pool)
    settings = pipeline.Settings(None, None, 10_000_000)
    results = list(pipeline.start(pipeline.Request((plan_set,), settings, jobs=2)))
    assert len(results) == 25


def test_the_generator_is_seeded(tmp_path):
    first = generate(tmp_path / "a", files=2, indicators=5, seed=3)
    second = generate(tmp_path / "b", files=2, indicators=5, seed=3)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert b"kind: level" in b"".join(p.read_bytes() for p in generate(tmp_path / "c", 3, 40))


@pytest.mark.usefixtures("cli_env")
def test_the_collector_is_tuned_for_the_run_only():
    """The cycle collector is tuned while a check runs, and left as it was: a program that runs
    planaudit in its own process (these tests) keeps its own settings."""
    before = (gc.get_threshold(), gc.get_freeze_count())
    result = run("check", "plans/chaoyang-2018.yaml", "--fail-on", "never")
    assert (result.exit_code, result.stderr) == (0, "")
    assert (gc.get_threshold(), gc.get_freeze_count()) == before

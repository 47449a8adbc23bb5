"""Plan files → Plan or located problems. Each file in cases/invalid is a case: its .stderr
beside it holds the exact diagnostics `planaudit check` must print."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from planaudit.cli.app import app
from planaudit.core.errors import PlanError
from planaudit.io import loader, yaml_nodes
from planaudit.io.loader import load, parse

INVALID = Path(__file__).parent / "cases" / "invalid"
CASES = sorted([*INVALID.glob("*.yaml"), *INVALID.glob("*.yml")])


def problems_of(text: str) -> list[str]:
    with pytest.raises(PlanError) as caught:
        parse(text, "p.yaml")
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
@pytest.mark.parametrize("format", ["table", "json"])
def test_invalid_case(case, format, monkeypatch):
    monkeypatch.chdir(INVALID)
    result = CliRunner().invoke(app, ["check", case.name, "--format", format])
    expected = (INVALID / f"{case.stem}.stderr").read_text(encoding="utf-8")
    assert (result.exit_code, result.stderr) == (2, expected)
    if format == "json":
        errors = json.loads(result.stdout)["errors"]
        assert [f"{e['path']}:{e['line']}:{e['column']}: {e['message']}\n" for e in errors] == [
            f"{line}\n" for line in expected.splitlines()
        ]
    else:
        assert result.stdout == ""


CHINESE = sorted(INVALID.glob("*.zh.stderr"))


@pytest.mark.parametrize("expected", CHINESE, ids=[path.name for path in CHINESE])
@pytest.mark.parametrize("format", ["table", "json"])
def test_invalid_case_in_chinese(expected, format, monkeypatch):
    """A representative set, read as a Chinese planning officer reads it: the same problems,
    at the same places, in Chinese (--lang zh), in stderr and in the JSON report's errors."""
    monkeypatch.chdir(INVALID)
    case = expected.name.removesuffix(".zh.stderr") + ".yaml"
    result = CliRunner().invoke(app, ["check", case, "--format", format, "--lang", "zh"])
    said = expected.read_text(encoding="utf-8")
    assert (result.exit_code, result.stderr) == (2, said)
    english = (INVALID / case).with_suffix(".stderr").read_text(encoding="utf-8")
    assert [line.split(": ")[0] for line in said.splitlines()] == [
        line.split(": ")[0] for line in english.splitlines()
    ]
    if format == "json":
        errors = json.loads(result.stdout)["errors"]
        assert [f"{e['path']}:{e['line']}:{e['column']}: {e['message']}\n" for e in errors] == [
            f"{line}\n" for line in said.splitlines()
        ]


def test_there_are_many_cases():
    assert len(CASES) >= 40
    assert len(CHINESE) >= 15
    assert all((INVALID / f"{case.stem}.stderr").exists() for case in CASES)


VALID = """\
plan: 测试计划
year: 2018
as_of: 2018-06-30
indicators:
  - name: 绿化
    target: 1000
    actual: 55

  - name: 学位
    target: 不低于1.7万
"""


def test_indicator_lines_are_kept():
    loaded = parse(VALID, "p.yaml")
    assert [loaded.line_of(0), loaded.line_of(1)] == [5, 9]


def test_every_problem_of_a_file_in_one_run():
    text = VALID.replace("year: 2018", "yaer: 2018\nyear: 2018\nyear: 2019").replace(
        "target: 1000", "target: 一千\n    bindng: true"
    )
    assert problems_of(text) == [
        "p.yaml:2:1: unknown key 'yaer'; did you mean 'year'?",
        "p.yaml:4:1: duplicate key 'year' (first at line 3, column 1)",
        "p.yaml:8:13: target: cannot read '一千': write digits, optionally with 万/亿/% or "
        'thousands commas (1.7万, 6.5%, "2,000"), with wording such as 以上, 不低于, 以内, '
        "控制在…以内, 左右, 力争, 确保",
        "p.yaml:9:5: unknown key 'bindng'; did you mean 'binding'?",
    ]


def test_yes_and_no_are_booleans_not_numbers_or_text():
    assert problems_of(VALID.replace("actual: 55", "actual: yes")) == [
        "p.yaml:7:13: actual: expected a number, got the boolean true"
    ]
    assert problems_of(VALID.replace("name: 绿化", "name: no")) == [
        "p.yaml:5:11: name must be text, got the boolean false"
    ]


def test_a_stated_rate_keeps_its_printed_precision():
    loaded = parse(VALID.replace("actual: 55", "stated: 91.70"), "p.yaml")
    stated = loaded.plan.indicators[0].stated
    assert stated is not None and not isinstance(stated, dict)
    assert (stated.text, stated.decimals) == ("91.70", 2)


def test_a_datetime_is_not_a_date():
    assert problems_of(VALID.replace("as_of: 2018-06-30", "as_of: 2018-06-30 12:00:00")) == [
        "p.yaml:3:8: as_of: expected a date such as 2018-06-30, not a date and time "
        "(2018-06-30 12:00:00)"
    ]


def test_quoted_dates_are_dates():
    loaded = parse(VALID.replace("as_of: 2018-06-30", 'as_of: "2018-06-30"'), "p.yaml")
    assert str(loaded.plan.as_of) == "2018-06-30"


def test_utf8_bom_and_utf16_and_crlf(tmp_path):
    for name, data in {
        "bom.yaml": b"\xef\xbb\xbf" + VALID.encode(),
        "utf16.yaml": VALID.encode("utf-16"),
        "crlf.yaml": VALID.replace("\n", "\r\n").encode(),
    }.items():
        path = tmp_path / name
        path.write_bytes(data)
        loaded = load(path)
        assert loaded.plan.plan == "测试计划"
        assert loaded.line_of(1) == 9


def test_deep_nesting_is_bounded():
    text = VALID + "    note: " + "[" * 100 + "]" * 100 + "\n"
    messages = problems_of(text)
    assert messages == [
        "p.yaml:11:11: note must be text, got a list",
        "p.yaml:11:73: nesting deeper than 64 levels (limit: depth)",
    ]


def test_pure_python_loader_gives_the_same_result(monkeypatch):
    fast = parse(VALID, "p.yaml")
    monkeypatch.setattr(loader, "Loader", yaml.SafeLoader)
    slow = parse(VALID, "p.yaml")
    assert fast.plan == slow.plan
    assert {loc: fast.locate(loc) for loc in fast.positions} == {
        loc: slow.locate(loc) for loc in slow.positions
    }
    case = (INVALID / "wrong-types.yaml").read_text()
    with pytest.raises(PlanError) as caught:
        parse(case, "wrong-types.yaml")
    expected = (INVALID / "wrong-types.stderr").read_text().splitlines()
    assert [str(p) for p in caught.value.problems] == expected


SCALARS = st.text(max_size=12) | st.sampled_from(
    ["", "~", "null", "yes", "No", "on", "OFF", "1_000", "0x1F", "0o17", "1:20", "1.5e3", ".inf",
     "-.Inf", ".NaN", "2018-06-30", "2018-6-3 12:00", "<<", "=", "6.5%", "1.7万", "0b101"]
)  # fmt: skip


@given(SCALARS, st.booleans(), st.booleans())
def test_the_lean_resolver_resolves_as_pyyaml_does(value, plain, quoted):
    ours = yaml_nodes.Loader("")
    reference = yaml.SafeLoader("")
    for kind in (yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode):
        expected = reference.resolve(kind, value, (plain, quoted))  # type: ignore[no-untyped-call]
        assert ours.resolve(kind, value, (plain, quoted)) == expected

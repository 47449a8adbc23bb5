"""Plan files and reports in GB18030 (GBK): read when given, or when the bytes leave no doubt,
with a notice naming the encoding; refused with advice when uncertain."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from planaudit.cli.app import app
from planaudit.io.source import Kind, certainly_gb18030
from tests.conftest import ROOT

PLAN = (ROOT / "plans" / "chaoyang-2018.yaml").read_text(encoding="utf-8")
REPORT = (ROOT / "reports" / "chaoyang-2018-h1.txt").read_text(encoding="utf-8")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("PLANAUDIT_CONFIG", raising=False)
    (tmp_path / "gb.yaml").write_bytes(PLAN.encode("gb18030"))
    (tmp_path / "utf8.yaml").write_text(PLAN, encoding="utf-8")
    return tmp_path


def test_a_certain_gb18030_plan_is_read_with_a_notice(folder):
    assert run("validate", "gb.yaml") == (
        0,
        "",
        "planaudit: gb.yaml: read as GB18030 (not UTF-8)\n1 plan file valid\n",
    )
    code, out, err = run("check", "gb.yaml", "-f", "json")
    assert (code, err) == (1, "planaudit: gb.yaml: read as GB18030 (not UTF-8)\n")
    assert out == run("check", "utf8.yaml", "-f", "json")[1].replace("utf8.yaml", "gb.yaml")
    assert run("history", "gb.yaml")[2] == "planaudit: gb.yaml: read as GB18030 (not UTF-8)\n"


def test_utf8_only_refuses_it_with_the_advice(folder):
    code, out, err = run("validate", "gb.yaml", "--encoding", "utf-8")
    assert (code, out) == (2, "")
    assert err.startswith(
        "gb.yaml:2:3: the file is not UTF-8: it looks like GBK/GB18030 (it would read '朝阳区"
    )
    assert "give --encoding gb18030 if it is" in err


def test_a_configuration_file_sets_the_encoding(folder):
    (folder / ".planaudit.toml").write_text('encoding = "utf-8"\n', encoding="utf-8")
    assert run("validate", "gb.yaml")[0] == 2
    assert run("validate", "gb.yaml", "--encoding", "auto")[0] == 0


def test_given_gb18030_reads_an_uncertain_file_without_a_notice(folder):
    short = "plan: 测试计划\nyear: 2018\nas_of: 2018-06-30\nindicators:\n"
    short += "  - name: 绿地\n    target: 10\n    actual: 5\n"
    (folder / "short.yaml").write_bytes(short.encode("gb18030"))
    assert run("validate", "short.yaml")[0] == 2  # four characters: too few to be certain
    assert run("validate", "short.yaml", "--encoding", "gb18030") == (0, "", "1 plan file valid\n")


def test_given_gb18030_says_where_the_bytes_are_not(folder):
    (folder / "bad.yaml").write_bytes("plan: 计划\n".encode("gb18030") + b"year: \x81\x20\n")
    assert run("validate", "bad.yaml", "--encoding", "gb18030") == (
        2,
        "",
        "bad.yaml:2:7: not valid GB18030 (byte 0x81), as --encoding says\n",
    )


def test_a_report_in_gb18030_drafts_as_its_utf8_text(folder):
    (folder / "gb.txt").write_bytes(REPORT.encode("gb18030"))
    (folder / "utf8.txt").write_text(REPORT, encoding="utf-8")
    code, out, err = run("draft", "gb.txt")
    assert (code, err.splitlines()[0]) == (0, "planaudit: gb.txt: read as GB18030 (not UTF-8)")
    assert out == run("draft", "utf8.txt")[1].replace("utf8.txt", "gb.txt")
    code, _, err = run("verify", "gb.yaml", "-r", "gb.txt")
    assert err == (
        "planaudit: gb.yaml: read as GB18030 (not UTF-8)\n"
        "planaudit: gb.txt: read as GB18030 (not UTF-8)\n"
    )


CHINESE = "plan: 朝阳区2018年国民经济和社会发展计划\nyear: 2018\n"


@pytest.mark.parametrize(
    ("raw", "kind", "certain"),
    [
        (CHINESE.encode("gb18030"), Kind.PLAN, True),
        (CHINESE.encode("utf-8"), Kind.PLAN, False),  # valid UTF-8: never a guess
        (CHINESE.encode("utf-8")[:-8], Kind.PLAN, False),  # cut short mid-character
        (CHINESE.encode("utf-8")[:20], Kind.PLAN, False),
        (
            "year: 2018\nnote: 国民经济和社会发展\n".encode("gb18030"),
            Kind.PLAN,
            False,
        ),  # no plan key
        ("国民经济和社会发展计划执行情况".encode("gb18030"), Kind.REPORT, True),
        ("plan: 计划\n".encode("gb18030"), Kind.PLAN, False),  # two characters: too few
        (
            "plan: Développement économique régional à Montréal\n".encode("latin-1"),
            Kind.PLAN,
            False,
        ),
        (
            "plan: Développement économique régional à Montréal\n".encode("cp1252"),
            Kind.REPORT,
            False,
        ),
        (
            "plan: 丂丄丅丆丏丒丗丟丠両丣並丩丮丯丱\n".encode("gb18030"),
            Kind.PLAN,
            False,
        ),  # rare: not GB2312
        ("plan: ЖЗИЙКЛМНОПРСТУФХ\n".encode("gb18030"), Kind.PLAN, False),  # not Chinese
    ],
)
def test_what_counts_as_certain(raw, kind, certain):
    assert certainly_gb18030(raw, kind) is certain

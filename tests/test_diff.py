"""planaudit diff: what changed between two versions of a plan, and which changes move the
goalposts."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from planaudit.core.diff import Version, compare
from planaudit.core.results.diff import Change, What
from tests.conftest import ROOT, plan_of, run

OLD, NEW = "tests/cases/diff/old.yaml", "tests/cases/diff/new.yaml"
GOLDEN = Path(__file__).parent / "golden"
JUNE_30 = date(2018, 6, 30)


def changes(
    old: list[dict[str, Any]], new: list[dict[str, Any]], as_of: date | None = JUNE_30
) -> list[tuple[What, str | None, str | None, bool]]:
    """(what, before, after, flagged) of each change between two plans of these indicators."""
    versions = []
    for indicators in (old, new):
        plan = plan_of(*indicators)
        versions.append(Version("p.yaml", plan, tuple(range(1, len(indicators) + 1)), as_of))
    return [(c.what, c.before, c.after, c.flagged) for c in compare(*versions).changes]


GREEN = {"name": "绿化", "target": 1000, "actual": 500}


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ({**GREEN, "target": 800}, [(What.TARGET_LOWERED, "1000", "800", True)]),
        ({**GREEN, "target": 1200}, [(What.TARGET_RAISED, "1000", "1200", False),
                                     (What.STATUS, "on_track", "behind", False)]),
        ({**GREEN, "target": "1000以上"}, [(What.TARGET_WORDING, "1000", "1000以上", False)]),
        ({**GREEN, "target": None}, [(What.TARGET_REMOVED, "1000", None, True),
                                     (What.STATUS, "on_track", "no_target", False)]),
        ({**GREEN, "binding": True}, [(What.BINDING, "false", "true", False)]),
        ({**GREEN, "annual_only": True}, [(What.ANNUAL_ONLY, "false", "true", True),
                                          (What.STATUS, "on_track", "annual_only", False)]),
        ({**GREEN, "direction": "lower"}, [(What.DIRECTION, "higher", "lower", True)]),
        ({**GREEN, "kind": "level"}, [(What.KIND, "cumulative", "level", True),
                                      (What.STATUS, "on_track", "behind", False)]),
        ({**GREEN, "schedule": [10, 20, 60, 100]}, [(What.SCHEDULE, None, "[10, 20, 60, 100]",
                                                    True)]),
        ({**GREEN, "schedule": [30, 60, 80, 100]}, [(What.SCHEDULE, None, "[30, 60, 80, 100]",
                                                    False),
                                                   (What.STATUS, "on_track", "behind", False)]),
        ({**GREEN, "unit": "公顷"}, [(What.UNIT, None, "公顷", False)]),
        ({**GREEN, "actual": 450}, [(What.ACTUAL_RESTATED, "2018-06-30: 500", "2018-06-30: 450",
                                     True), (What.STATUS, "on_track", "behind", False)]),
        (GREEN, []),
    ],
)  # fmt: skip
def test_one_indicator_changed(new, found):
    assert changes([GREEN], [new]) == found


def test_a_target_in_step_with_another_indicator_and_one_printed_with_its_unit():
    gdp = {"name": "GDP", "id": "gdp", "kind": "level", "actual": "6.5%"}
    income = {"name": "收入", "kind": "level", "target": "6.5%", "actual": "6.6%"}
    in_step = {**income, "target": {"same_as": "gdp"}}
    assert changes([gdp, income], [gdp, in_step]) == [
        (What.TARGET_WORDING, "6.5%", "{same_as: gdp}", False)
    ]
    assert changes([gdp, in_step], [gdp, {**income, "target": None}]) == [
        (What.TARGET_REMOVED, "{same_as: gdp}", None, True),
        (What.STATUS, "on_track", "no_target", False),
    ]
    # the unit written apart or printed with the figure is the same plan
    apart = {"name": "新增学位", "unit": "个", "target": "不低于1.7万", "actual": "1.4万余"}
    printed = {"name": "新增学位", "target": "不低于1.7万个", "actual": "1.4万余个"}
    assert changes([apart], [printed]) == []


def test_a_wider_band_is_a_looser_level_target():
    level = {"name": "增长", "kind": "level", "target": "6.5%左右", "actual": "6.3%"}
    assert changes([level], [{**level, "band": "0.5"}]) == [(What.BAND, None, "0.5", True)]
    banded = {**level, "band": "0.5"}
    assert changes([banded], [{**level, "band": "0.3"}]) == [(What.BAND, "0.5", "0.3", False)]
    assert changes([banded], [{**level, "band": "0.8"}]) == [(What.BAND, "0.5", "0.8", True)]


def test_a_cap_raised_is_the_cap_loosened():
    cap = {"name": "重污染天数", "target": "不超过19", "actual": 5}
    assert changes([cap], [{**cap, "target": "不超过25"}]) == [
        (What.TARGET_RAISED, "不超过19", "不超过25", True)
    ]
    assert changes([cap], [{**cap, "target": "不超过15"}]) == [
        (What.TARGET_LOWERED, "不超过19", "不超过15", False)
    ]


def test_before_the_period_is_reported_on_nothing_is_moving_the_goalposts():
    draft = {"name": "绿化", "target": 1000}
    assert changes([draft], [{**draft, "target": 800}], as_of=None) == [
        (What.TARGET_LOWERED, "1000", "800", False)
    ]
    assert changes([draft, {"name": "学位", "target": 5}], [draft], as_of=None) == [
        (What.REMOVED, "5", None, False)
    ]


def test_indicators_are_matched_by_id_then_by_name():
    old = [{"name": "绿化", "id": "green", "target": 1000}, {"name": "学位", "target": 5}]
    new = [{"name": "学位", "target": 5}, {"name": "新增绿地", "id": "green", "target": 1000}]
    assert changes(old, new) == [(What.RENAMED, "绿化", "新增绿地", False)]
    new = [{"name": "绿化", "id": "parks", "target": 1000}, {"name": "学位", "target": 5}]
    assert changes(old, new) == [  # an id that changed is another indicator, whatever its name
        (What.ADDED, None, "1000", False),
        (What.REMOVED, "1000", None, True),
    ]


def test_dated_figures_restated_fallen_or_newly_reported():
    old = [{**GREEN, "actual": {"2018-03-31": 200, "2018-06-30": 500}}]
    restated = [{**GREEN, "actual": {"2018-03-31": 250, "2018-06-30": 500}}]
    assert changes(old, restated) == [
        (What.ACTUAL_RESTATED, "2018-03-31: 200", "2018-03-31: 250", True)
    ]
    fell = [{**GREEN, "actual": {"2018-03-31": 200, "2018-06-30": 500, "2018-09-30": 480}}]
    assert changes(old, fell, as_of=date(2018, 9, 30)) == [
        (What.ACTUAL_FELL, "2018-06-30: 500", "2018-09-30: 480", True)
    ]
    grew = [{**GREEN, "actual": {"2018-03-31": 200, "2018-06-30": 500, "2018-09-30": 800}}]
    assert changes(old, grew, as_of=date(2018, 9, 30)) == [
        (What.ACTUAL_REPORTED, "2018-06-30: 500", "2018-09-30: 800", False),
        (What.STATUS, "behind", "on_track", False),  # 50 % then 80 %, at a pace of 75 %
    ]
    stated = [{"name": "拆迁", "stated": {"2018-06-30": "60%"}}]
    assert (
        changes(stated, [{"name": "拆迁", "stated": {"2018-06-30": "50%"}}])
        == [
            (What.STATED_RESTATED, "2018-06-30: 60%", "2018-06-30: 50%", True),
            (What.STATUS, "on_track", "on_track", False),
        ][:1]
    )


JUNE_20 = date(2018, 6, 20)
JOBS = {"name": "城镇新增就业", "unit": "人", "target": 40000}


def moved(
    old: list[dict[str, Any]], old_as_of: date | None, new: list[dict[str, Any]],
    new_as_of: date | None,
) -> list[tuple[What, str | None, str | None, bool]]:  # fmt: skip
    """(what, before, after, flagged) between two versions, each audited at its own as_of."""
    versions = [
        Version("p.yaml", plan_of(*indicators), tuple(range(1, len(indicators) + 1)), as_of)
        for indicators, as_of in ((old, old_as_of), (new, new_as_of))
    ]
    return [(c.what, c.before, c.after, c.flagged) for c in compare(*versions).changes]


@pytest.mark.parametrize(
    ("old", "old_as_of", "new", "new_as_of", "found"),
    [
        # the case: the figure is listed, and as_of moved back is itself flagged
        (20612, JUNE_30, 12000, JUNE_20, [
            (What.AS_OF, "2018-06-30", "2018-06-20", True),
            (What.ACTUAL_MOVED_BACK, "2018-06-30: 20612", "2018-06-20: 12000", True),
            (What.STATUS, "on_track", "behind", False),  # 30.00 % against 47.22 %
        ]),
        # as_of moved back, the figure as it was: only the date, to look at
        (20612, JUNE_30, 20612, JUNE_20, [(What.AS_OF, "2018-06-30", "2018-06-20", True)]),
        # a later report: a new figure, nothing flagged
        (20612, JUNE_20, 21000, JUNE_30, [
            (What.AS_OF, "2018-06-20", "2018-06-30", False),
            (What.ACTUAL_REPORTED, "2018-06-20: 20612", "2018-06-30: 21000", False),
        ]),
        # a later report with a lower cumulative figure: it fell
        (20612, JUNE_20, 12000, JUNE_30, [
            (What.AS_OF, "2018-06-20", "2018-06-30", False),
            (What.ACTUAL_FELL, "2018-06-20: 20612", "2018-06-30: 12000", True),
            (What.STATUS, "on_track", "behind", False),
        ]),
        # the same report date, another figure: a restatement
        (20612, JUNE_30, 12000, JUNE_30, [
            (What.ACTUAL_RESTATED, "2018-06-30: 20612", "2018-06-30: 12000", True),
            (What.STATUS, "on_track", "behind", False),
        ]),
        # no as_of in the old version: its figure has no date, and comes before any that has
        (20612, None, 12000, JUNE_30, [
            (What.AS_OF, None, "2018-06-30", False),
            (What.ACTUAL_FELL, "20612", "2018-06-30: 12000", True),
        ]),
        # neither version has an as_of: nothing is being reported on, nothing is flagged
        (20612, None, 12000, None, [(What.ACTUAL_RESTATED, "20612", "12000", False)]),
    ],
)  # fmt: skip
def test_every_changed_figure_whatever_as_of_does(old, old_as_of, new, new_as_of, found):
    assert moved([{**JOBS, "actual": old}], old_as_of, [{**JOBS, "actual": new}], new_as_of) == (
        found
    )


@pytest.mark.parametrize(
    ("new", "found"),
    [
        # the latest report taken out: the figure that counts is an earlier one
        ({"2018-03-31": 8000}, [
            (What.ACTUAL_MOVED_BACK, "2018-06-30: 20612", "2018-03-31: 8000", True),
            (What.STATUS, "on_track", "behind", False),
        ]),
        # a report in the middle taken out
        ({"2018-06-30": 20612}, [(What.ACTUAL_REMOVED, "2018-03-31: 8000", None, True)]),
        # an earlier report added
        ({"2018-01-31": 2000, "2018-03-31": 8000, "2018-06-30": 20612},
         [(What.ACTUAL_REPORTED, None, "2018-01-31: 2000", False)]),
    ],
)  # fmt: skip
def test_dated_figures_taken_out_or_added(new, found):
    before = {**JOBS, "actual": {"2018-03-31": 8000, "2018-06-30": 20612}}
    assert moved([before], JUNE_30, [{**JOBS, "actual": new}], JUNE_30) == found


def test_every_kind_of_change_has_its_words_and_its_row_in_the_docs():
    from planaudit.lang import Language, catalog

    docs = (ROOT / "docs" / "diff.md").read_text(encoding="utf-8")
    for what in What:
        assert all(f"change.{what.value}" in catalog(lang) for lang in Language)
        assert f"`{what.value}`" in docs


def test_the_plan_itself():
    old = Version("old.yaml", plan_of(GREEN, tolerance=0), (1,), JUNE_30)
    longer = plan_of(GREEN, tolerance=2, period={"start": "2018-01-01", "end": "2019-03-31"})
    found = compare(old, Version("new.yaml", longer, (1,), JUNE_30)).changes
    assert found == (
        Change(What.PERIOD, None, None, "2018-01-01 – 2018-12-31", "2018-01-01 – 2019-03-31",
               True, 1),
        Change(What.TOLERANCE, None, None, "0", "2", True, 1),
    )  # 50 % against a pace of 40.00 % (6 of 15 months): on track either way  # fmt: skip


pytestmark = pytest.mark.usefixtures("cli_env")


def test_two_files_as_a_table():
    result = run("diff", OLD, NEW)
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout == (GOLDEN / "diff.txt").read_text(encoding="utf-8")


def test_two_files_as_json_and_markdown():
    report = json.loads(run("diff", OLD, NEW, "--format", "json").stdout)
    assert report["errors"] == []
    (plan,) = report["plans"]
    assert (plan["old"], plan["new"], plan["flagged"]) == (OLD, NEW, 5)
    assert plan["changes"][2] == {
        "change": "target_lowered", "id": "green", "name": "新增改造绿地（含复垦）",
        "before": "1000", "after": "600", "flagged": True, "line": 5, "unit": "公顷",
    }  # fmt: skip
    assert plan["changes"][-1] == {
        "change": "removed", "id": None, "name": "城镇登记失业率", "before": "3%以内",
        "after": None, "flagged": True, "line": 26, "unit": None,
    }  # fmt: skip
    markdown = run("diff", OLD, NEW, "--format", "markdown", "--lang", "en").stdout
    assert markdown.startswith(
        f"## 朝阳区2018年计划\n\n{OLD} → {NEW}\n\n"
        "| Indicator | Change | Before | After | Flag |\n| --- | --- | --- | --- | --- |\n"
        "|  | as of | 2018-06-30 | 2018-09-30 |  |\n"
    )
    assert (
        "| 新增改造绿地（含复垦） | **target lowered** | 1000 公顷 | 600 公顷 | ✗ |\n" in markdown
    )
    assert "| PM2.5平均浓度 | **binding** | yes | no | ✗ |\n" in markdown
    assert "| 新增学位 | status | on track | behind |  |\n" in markdown
    assert markdown.endswith("\n**13 changes, 5 flagged (a target cut, an indicator dropped…).**\n")


def test_a_figure_changed_while_as_of_moved_back_fails_the_run(tmp_path):
    text = (ROOT / OLD).read_text(encoding="utf-8")
    assert "as_of: 2018-06-30" in text and "actual: 1966\n" in text
    older = tmp_path / "old.yaml"
    older.write_text(text, encoding="utf-8")
    newer = tmp_path / "new.yaml"
    newer.write_text(
        text.replace("as_of: 2018-06-30", "as_of: 2018-06-20").replace(
            "actual: 1966\n", "actual: 1200\n"
        ),
        encoding="utf-8",
    )
    result = run("diff", str(older), str(newer), "--lang", "en", "--format", "markdown")
    assert (result.exit_code, result.stderr) == (1, "")
    assert "|  | **as of** | 2018-06-30 | 2018-06-20 | ✗ |\n" in result.stdout
    row = "| 建设居住区停车位 | **actual moved back** | 2018-06-30: 1966 个 | 2018-06-20: 1200 个 |"
    assert f"{row} ✗ |\n" in result.stdout


def test_the_same_plan_twice_has_no_changes():
    result = run("diff", OLD, OLD)
    assert result.exit_code == 0
    assert result.stdout == f"朝阳区2018年计划  ({OLD} → {OLD})\n无变化。\n"


def test_bad_usage_and_a_broken_file(tmp_path):
    assert run("diff", OLD).exit_code == 2
    broken = tmp_path / "broken.yaml"
    broken.write_text("plan: x\nyear: 2018\nindicators: []\n", encoding="utf-8")
    result = run("diff", OLD, str(broken))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"{broken}:3:13: indicators must not be empty: list at least one\n"


def _git(repo: Path, *args: str) -> None:
    identity = ["-c", "user.name=planaudit", "-c", "user.email=planaudit@example.org"]
    subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git repository whose first commit holds the old plan and one more, and whose working
    tree holds the new plan, a plan added and one removed."""
    for name in list(os.environ):
        if name.startswith("GIT_"):  # as set inside a git hook: they would point elsewhere
            monkeypatch.delenv(name)
    root = Path(__file__).resolve().parent.parent
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "chaoyang.yaml").write_bytes((root / OLD).read_bytes())
    (plans / "riverside.yaml").write_bytes((root / "plans/riverside-fy2018.yaml").read_bytes())
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "plans as approved")
    (plans / "chaoyang.yaml").write_bytes((root / NEW).read_bytes())
    (plans / "riverside.yaml").unlink()
    (plans / "new.yaml").write_text(
        "plan: New plan\nyear: 2018\nindicators:\n  - name: Trees\n    target: 100\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_since_a_git_revision(repo):
    result = run("diff", "--since", "HEAD", "--format", "json")
    assert (result.exit_code, result.stderr) == (1, "")
    plans = json.loads(result.stdout)["plans"]
    assert [(p["old"], p["new"], p["flagged"]) for p in plans] == [
        ("HEAD:plans/chaoyang.yaml", "plans/chaoyang.yaml", 5),
        (None, "plans/new.yaml", 0),
        ("HEAD:plans/riverside.yaml", None, 1),
    ]
    assert [c["change"] for c in plans[0]["changes"]][:3] == ["as_of", "renamed", "target_lowered"]
    assert plans[2]["changes"] == [
        {"change": "file_removed", "id": None, "name": None, "before": None, "after": None,
         "flagged": True, "line": 1, "unit": None},
    ]  # fmt: skip
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "second half")
    unchanged = run("diff", "--since", "HEAD", "plans/")
    message = "No plan file under plans changed since HEAD.\n"
    assert (unchanged.exit_code, unchanged.stdout, unchanged.stderr) == (0, message, "")
    assert json.loads(run("diff", "--since", "HEAD", "-f", "json").stdout)["plans"] == []
    again = run("diff", "--since", "HEAD~1", "plans/chaoyang.yaml")
    assert again.exit_code == 1
    assert again.stdout.startswith(
        "朝阳区2018年计划  (HEAD~1:plans/chaoyang.yaml → plans/chaoyang.yaml)\n"
    )


def test_since_a_revision_whose_file_is_too_large(repo):
    result = run("diff", "--since", "HEAD", "--max-size", "0.001")  # 1,000 bytes
    assert result.exit_code == 2
    assert result.stderr == (
        "HEAD:plans/riverside.yaml:1:1: the file is larger than 0.001 MB, the size limit "
        "(raise it with --max-size)\n"
    )
    assert result.stdout.startswith("朝阳区2018年计划  (HEAD:plans/chaoyang.yaml")  # the rest


def test_since_a_revision_that_is_not_there(repo, tmp_path_factory):
    result = run("diff", "--since", "v9.9")
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr == "planaudit: --since v9.9: 'v9.9' is not a commit of this git repository\n"
    )
    assert run("diff", "--since", "--all").exit_code == 2
    os.chdir(tmp_path_factory.mktemp("elsewhere"))
    outside = run("diff", "--since", "HEAD")
    assert outside.exit_code == 2
    assert outside.stderr.startswith("planaudit: --since HEAD: not a git repository")


def test_since_asks_the_repository_of_the_path_given(repo, tmp_path_factory):
    """Run from another repository (or none): the plans' own repository answers."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    _git(elsewhere, "init", "-q")
    os.chdir(elsewhere)
    plans = repo / "plans"
    result = run("diff", "--since", "HEAD", str(plans), "--format", "json")
    assert (result.exit_code, result.stderr) == (1, "")
    shown = os.path.relpath(plans)
    found = json.loads(result.stdout)["plans"]
    assert [(p["old"], p["new"]) for p in found] == [
        (f"HEAD:{shown}/chaoyang.yaml", str(plans / "chaoyang.yaml")),  # new: as named
        (None, str(plans / "new.yaml")),
        (f"HEAD:{shown}/riverside.yaml", None),
    ]
    one = run("diff", "--since", "HEAD", str(plans / "chaoyang.yaml"))
    assert one.exit_code == 1 and one.stderr == ""
    assert one.stdout.startswith(f"朝阳区2018年计划  (HEAD:{shown}/chaoyang.yaml → ")

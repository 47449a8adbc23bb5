"""planaudit verify: the plan says what its report says."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from planaudit.verify import numbers_in
from tests.conftest import run

pytestmark = pytest.mark.usefixtures("cli_env")

REPORT = "reports/chaoyang-2018-h1.txt"


def test_the_bundled_plan_matches_its_report():
    result = run("verify", "plans/chaoyang-2018.yaml", "--report", REPORT)
    assert (result.exit_code, result.stderr) == (0, "")
    uncited = [
        (26, "两类企业上半年区级财政收入分别增长34%和10.5%"),
        (26, "新设外商投资企业378家,同比增长40%"),
        (26, "合同利用外资41亿美元,同比增长52%"),
        (26, "进出口总额4784.5亿元,同比增长22%"),
        (28, "区级财政收入同比增长15.3%"),
        (28, "规模以上文创企业营业收入同比增长9.5%"),
        (30, "新认定中关村高新技术企业244家,同比增长95.2%"),
        (30, "技术合同成交额同比增长103.2%"),
        (36, "安全生产事故数和死亡人数分别下降25%和26.3%"),
        (36, "重点食品抽检合格率达98.5%以上"),
        (38, "PM2.5累计平均浓度为57微克/立方米,同比下降14.9%"),
        (44, "企业非常满意度达到72%"),
    ]  # the growth rates and levels the hand-made plan does not track, with what they measure
    assert result.stdout == "".join(
        f"{REPORT}:{line}: a progress figure no indicator cites: {clause}\n"
        for line, clause in uncited
    ) + ("22 quotes checked: 0 mismatches; 12 progress figures in the report not cited.\n")


def test_a_misquote_and_a_figure_the_quote_does_not_carry(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "plan: 朝阳区\nyear: 2018\nas_of: 2018-06-30\nindicators:\n"
        "  - name: 拆除违法建设\n    actual: 520\n    stated: 91.77%\n"
        "    source: 拆除违法建设521.25万平方米,完成年度任务的91.77%\n"
        "  - name: 绿化\n    target: 1000\n    actual: 55\n"
        "    source: 完成绿化55公顷…实现新增改造绿地1000公顷以上\n",
        encoding="utf-8",
    )
    result = run("verify", str(plan), "--report", REPORT)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [
        f"{plan}:5: 拆除违法建设: actual 520 is not among the quote's figures",
        f"{plan}:9: 绿化: quote not in the report: '实现新增改造绿地1000公顷以上'",
    ]
    assert result.stdout.endswith("2 quotes checked: 2 mismatches; 22 progress figures in the "
                                  "report not cited.\n")  # fmt: skip


def test_a_missing_report_is_a_located_error():
    result = run("verify", "plans/chaoyang-2018.yaml", "--report", "nowhere.txt")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "nowhere.txt:1:1: cannot read: No such file or directory\n"


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("拆除违法建设521.25万平方米", {"521.25", "5212500"}),
        ("全年新增学位不低于1.7万个", {"1.7", "17000"}),
        ("同比下降10.9%", {"10.9"}),
        ("建设2,000个", {"2000"}),
    ],
)
def test_numbers_in_a_quote(text, values):
    assert numbers_in(text) == {D(v) for v in values}

"""The HTML page as markup: inert plan text, nothing loaded, streamed, trend lines. What it looks
like in a browser is tested in test_browser.py; its exact text in test_render.py's golden file."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from planaudit.core.results.plans import Report
from planaudit.render.registry import Format, Lang, RenderOptions, render
from planaudit.render.words import literal
from tests import sample
from tests.conftest import ROOT, run

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
HOSTILE_NAMES = [
    "<script>alert(1)</script>",
    "a|b `code` **b** [x](http://e)",
    "{{7*7}} {% raw %}${7*7}",
    "=cmd|' /C calc'!A0",
    '"><img src=x onerror=alert(1)></title></style>',
    "&amp; &lt; \x1b[31mred\u202e",
]


class Page(HTMLParser):
    """Each element's tag and attributes, and the text of the elements asked for."""

    def __init__(self, text: str, keep: tuple[str, ...] = ("title", "h1", "th")) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[str, list[str]] = {tag: [] for tag in keep}
        self._open: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.texts:
            self.texts[tag].append("")
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for tag in self._open:
            self.texts[tag][-1] += data


def _hostile(name: str) -> Report:
    rows = tuple(replace(r, name=name, section=name, unit=name) for r in sample.CHINESE_ROWS)
    return Report((replace(sample.CHINESE, plan=name, path=name, indicators=rows),), ())


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_plan_text_is_text(name):
    page = Page(render(Format.HTML, _hostile(name), RenderOptions()))
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "img", "iframe", "object", "embed", "link", "a", "b", "base"}
    assert page.texts["title"] == page.texts["h1"] == [literal(name)]
    names = [text for text in page.texts["th"] if text.startswith(literal(name))]
    assert len(names) >= 2 * len(sample.CHINESE_ROWS)  # the chart's rows and the table's
    assert "49" not in "".join(page.texts["h1"])


def test_the_page_loads_nothing_and_runs_nothing():
    text = render(Format.HTML, sample.REPORT, RenderOptions(forecast=True))
    page = Page(text)
    (policy,) = [a for tag, a in page.tags if tag == "meta" and a.get("http-equiv")]
    assert policy == {"http-equiv": "Content-Security-Policy", "content": CSP}
    attributes = {name for _, attrs in page.tags for name in attrs}
    assert not attributes & {"src", "href", "srcset", "action", "style"}
    assert not [name for name in attributes if name.startswith("on")]
    assert "@import" not in text and "url(http" not in text and "<script" not in text


def test_lang_chooses_the_words():
    english = render(Format.HTML, sample.REPORT, RenderOptions(lang=Lang.EN))
    chinese = render(Format.HTML, sample.REPORT, RenderOptions(lang=Lang.ZH))
    assert "Completion against the pace" in english and "完成率与序时进度" not in english
    assert "完成率与序时进度" in chinese and "Completion against the pace" not in chinese
    assert (
        english.count('lang="en"') == 4 and chinese.count('lang="zh-CN"') == 4
    )  # page, 2, roll-up


def test_a_run_with_no_readable_plan_is_still_a_whole_page(tmp_path, cli_env):
    bad = tmp_path / "bad.yaml"
    bad.write_text("plan: x\n", encoding="utf-8")
    result = run("check", str(bad), "--format", "html")  # to a file: not written (test_cli)
    assert result.exit_code == 2
    text = result.stdout
    assert text.startswith("<!DOCTYPE html>\n") and text.endswith("</main>\n</body>\n</html>\n")
    assert "<section" not in text


def test_several_plans_one_head_a_section_each_then_the_roll_up(cli_env):
    result = run("check", "plans/", "--format", "html")
    text = result.stdout
    assert text.count("<!DOCTYPE html>") == text.count("<title>") == 1
    assert "<title>朝阳区2018年国民经济和社会发展计划</title>" in text
    assert text.count('<section class="plan"') == 2 and text.count('<section class="rollup"') == 1
    assert text.index('<section class="rollup"') > text.rindex('<section class="plan"')


def test_dated_figures_draw_a_trend_line(cli_env):
    text = run("check", "tests/cases/history/quarterly.yaml", "--format", "html").stdout
    assert (
        '<svg class="trend" width="100" height="20" viewBox="0 0 100 20" role="img" '
        'aria-label="2018-03-31 30.00%, 2018-06-30 98.30%"><polyline points="2.0,13.2 98.0,2.3"/>'
    ) in text


def test_check_in_table_format_does_not_import_jinja_or_xlsxwriter():
    script = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from planaudit.cli.app import app\n"
        "CliRunner().invoke(app, ['check', 'plans/chaoyang-2018.yaml'])\n"
        "print(sorted(m for m in ('jinja2', 'xlsxwriter', 'markupsafe') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, check=True)  # fmt: skip
    assert out.stdout == "[]\n"

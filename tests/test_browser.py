"""The HTML report as a person sees it, in a real browser: Debian's Chromium driven by Playwright
(no browser download). The page loads with no console error and no request, every bar is as
wide as its completion, hostile names show as text; a screenshot and a PDF of the bundled plan
are written to artifacts/ (kept by CI; docs/html-report.png is the screenshot, committed)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, run

CHROMIUM = Path(os.environ.get("PLANAUDIT_CHROMIUM", "/usr/bin/chromium"))
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Without the background-networking flags Chromium keeps trying to reach Google's hosts."""
ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: the browser tests need Debian's chromium "
                    "(apt-get install chromium; .ci/run installs it)")  # fmt: skip
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:  # each launch has a new, empty profile
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


class Visit:
    """A page opened from a file:// URL, with every request counted and refused and every
    console message, page error and dialog kept."""

    def __init__(self, browser: Any, path: Path, width: int = 1000) -> None:
        self.requests: list[str] = []
        self.problems: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": 1400})
        self.page.route("**/*", self._refuse)
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.on("dialog", lambda dialog: self.problems.append(f"dialog: {dialog.message}"))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)

    def _refuse(self, route: Any) -> None:
        if route.request.url == self.url:
            route.continue_()
        else:
            route.abort()

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"console {message.type}: {message.text}")


def _html(tmp_path: Path, *args: str) -> Path:
    target = tmp_path / "report.html"
    result = run("check", *args, "--format", "html", "--output", str(target))
    assert result.exit_code in (0, 1), result.stderr
    return target


GEOMETRY = """() => [...document.querySelectorAll('section.plan')].map(section => ({
  title: section.querySelector('h1').textContent,
  bars: [...section.querySelectorAll('tr[data-id]')].filter(row => row.querySelector('svg.bullet'))
    .map(row => {
      const box = element => element.getBoundingClientRect();
      const track = box(row.querySelector('.track')), fill = box(row.querySelector('.fill'));
      const pace = row.querySelector('.pace');
      return {id: row.dataset.id, chart: !!row.closest('figure.chart'), track: track.width,
              fill: fill.width, left: fill.left - track.left,
              pace: pace ? box(pace).left + box(pace).width / 2 - track.left : null};
    }),
}))"""


def test_the_bundled_plans_in_a_browser(browser, tmp_path, cli_env):
    visit = Visit(browser, _html(tmp_path, "plans/"))
    assert visit.problems == []
    assert visit.requests == [visit.url]  # the page itself and nothing else
    assert visit.page.locator("script").count() == 0
    report = json.loads(run("check", "plans/", "--format", "json").stdout)
    figures = {
        plan["plan"]: {i["id"]: (i["completion"], i["expected"]) for i in plan["indicators"]}
        for plan in report["plans"]
    }
    shown = visit.page.evaluate(GEOMETRY)
    assert [plan["title"] for plan in shown] == list(figures)
    for plan in shown:
        charted = {bar["id"] for bar in plan["bars"] if bar["chart"]}
        expected = {i for i, (done, pace) in figures[plan["title"]].items()
                    if done is not None and pace is not None}  # fmt: skip
        assert charted == expected and charted
        for bar in plan["bars"]:
            completion, pace = figures[plan["title"]][bar["id"]]
            track = bar["track"]  # the 0–100 % part of the chart
            assert bar["left"] == pytest.approx(0, abs=0.5)
            assert bar["fill"] == pytest.approx(track * max(0, completion) / 100, abs=0.75)
            assert bar["pace"] == pytest.approx(track * pace / 100, abs=0.75)


HOSTILE = [
    "<script>alert(1)</script>",
    "a|b `code` {{7*7}} ${7*7}",
    "=cmd|' /C calc'!A0",
    '"><img src=x onerror=alert(1)>',
]


def test_hostile_names_show_as_text(browser, tmp_path, cli_env):
    lines = ["plan: '<script>alert(1)</script>'", "year: 2018", "as_of: 2018-06-30",
             "indicators:"]  # fmt: skip
    for number, name in enumerate(HOSTILE):
        quoted = json.dumps(name)
        lines += [f"  - name: {quoted}", f"    section: {quoted}", f"    unit: {quoted}",
                  "    target: 100", f"    actual: {number * 20}"]  # fmt: skip
    plan = tmp_path / "hostile.yaml"
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    visit = Visit(browser, _html(tmp_path, str(plan)))
    page = visit.page
    assert visit.problems == [] and visit.requests == [visit.url]
    assert page.locator("script, img").count() == 0
    assert page.title() == page.locator("h1").inner_text() == "<script>alert(1)</script>"
    for name in HOSTILE:
        names = page.locator("figure.chart th.name").filter(has_text=name)
        assert names.count() == 1, name
        assert page.locator("tr.group th").filter(has_text=name).count() == 2  # chart, table
    assert "a|b `code` {{7*7}} ${7*7}" in page.locator("main").inner_text()  # not evaluated


def test_a_screenshot_and_a_pdf_of_the_bundled_plan(browser, tmp_path, cli_env):
    """Made in every run, for people to look at (CI keeps artifacts/; the README shows
    docs/html-report.png, a copy of the screenshot)."""
    ARTIFACTS.mkdir(exist_ok=True)
    visit = Visit(browser, _html(tmp_path, "plans/chaoyang-2018.yaml"))
    assert visit.problems == []
    screenshot = ARTIFACTS / "html-report.png"
    visit.page.screenshot(path=str(screenshot))
    visit.page.screenshot(path=str(ARTIFACTS / "html-report-full.png"), full_page=True)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pdf = ARTIFACTS / "chaoyang-2018.pdf"
    visit.page.emulate_media(media="print")
    visit.page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = data.count(b"/Type /Page\n") + data.count(b"/Type /Page>") + data.count(b"/Type /Page/")
    assert pages >= 2  # the chart and the table of 22 indicators fill more than one A4 page
    header_rows = visit.page.evaluate(
        "() => getComputedStyle(document.querySelector('table.indicators thead')).display"
    )
    assert header_rows == "table-header-group"  # repeated on every printed page

"""One self-contained HTML page for the meeting pack: per plan the verdict, a bullet chart of
completion against the pace, the table, the forecast, the change since the previous report and
its trend lines; for several plans a roll-up chart. Charts are inline SVG drawn here; the page
has no script and loads nothing (its Content-Security-Policy forbids it), and prints on A4.

The page is written as it is made: each plan's section is rendered alone (in a worker process
for large inputs), so a report of thousands of plans never sits whole in memory. Plan text goes
through Jinja2's autoescaping and `literal`, never into markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, Template

from planaudit import __version__
from planaudit.core.errors import Problem
from planaudit.core.results.plans import PlanReport, Rollup
from planaudit.render.html_views import plan_view, rollup_view
from planaudit.render.registry import Renderer
from planaudit.render.words import words_for, words_for_rollup

_FIRST_SECTION = re.compile(r'<section class="plan" lang="([a-zA-Z-]+)" aria-label="([^"]*)"')


@cache
def _template() -> Template:
    """The page's macros, compiled once per process. Autoescaping makes every value text."""
    environment = Environment(
        loader=PackageLoader("planaudit.render", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment.get_template("report.html.j2")


def _macro(name: str, **values: Any) -> str:
    return str(getattr(_template().module, name)(**values))


class FormatRenderer(Renderer[PlanReport, Rollup]):
    """The page's head is written with the first plan (its title and language are that plan's);
    each plan is a section; the footer adds the roll-up and closes the page."""

    independent = True
    _started = False

    def text(self, plan: PlanReport) -> str:
        words = words_for(plan, self.options.lang)
        return _macro("plan", plan=plan_view(plan, words, self.options.forecast), words=words)

    def place(self, text: str) -> str:
        if self._started:
            return text
        self._started = True
        found = _FIRST_SECTION.match(text)
        lang, title = found.groups() if found else ("en", "planaudit")
        return _macro("head", lang=lang, title=_unescaped(title), version=__version__) + text

    def footer(self, errors: Sequence[Problem], rollup: Rollup | None = None) -> str:
        start = ""
        if not self._started:  # no plan could be read: still a whole page
            self._started = True
            start = _macro("head", lang="en", title="planaudit", version=__version__)
        view = None
        if rollup is not None:
            view = rollup_view(rollup, words_for_rollup(rollup, self.options.lang))
        return start + _macro("foot", rollup=view)


def _unescaped(attribute: str) -> str:
    """The title as the first section's attribute holds it, back to text (autoescaped again)."""
    return html.unescape(attribute)

"""`check --quiet` on the terminal: for each plan that fails at --fail-on, its verdict line after
its path; nothing for a plan that passes, so a run where nothing fails prints nothing."""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.text import Text

from planaudit.core.errors import Problem
from planaudit.core.results.plans import PlanReport, Rollup
from planaudit.render.registry import Renderer
from planaudit.render.table_format import console_for
from planaudit.render.words import literal, words_for


class FormatRenderer(Renderer[PlanReport, Rollup]):
    independent = True

    def text(self, plan: PlanReport) -> str:
        if not plan.fails(self.options.fail_on):
            return ""
        words = words_for(plan, self.options.lang)
        line = Text(f"{literal(plan.path)}: ")
        line.append(words.verdict(plan), style="bold red")
        buffer = io.StringIO()
        console_for(buffer, self.options).print(line, soft_wrap=True)  # one line, for grep
        return buffer.getvalue()

    def footer(self, errors: Sequence[Problem], rollup: Rollup | None = None) -> str:
        return ""

"""The report of `planaudit verify`: a line per mismatch and per uncited progress figure, each
located as compilers locate their messages (`file:line: …`), then a line of counts."""

from __future__ import annotations

from planaudit.core.errors import one_line
from planaudit.core.results.verify import Verification
from planaudit.render.registry import Renderer
from planaudit.render.words import uncited_figure, verify_counts


class Text(Renderer[Verification, None]):
    def text(self, item: Verification) -> str:
        lines = [
            f"{item.path}:{item.lines[m.index]}: {one_line(m.name)}: {m.message}"
            for m in item.mismatches
        ]
        lines += [
            f"{item.report}:{u.line}: {uncited_figure(one_line(u.sentence))}" for u in item.uncited
        ]
        lines.append(verify_counts(item.quotes, len(item.mismatches), len(item.uncited)))
        return "".join(f"{line}\n" for line in lines)

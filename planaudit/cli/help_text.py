"""Help text wrapped by display width, as Chinese is set: a wide (Chinese) character takes two
columns, a line breaks between words or between any two Chinese characters — never before a
closing mark nor after an opening one — and a bracketed note ([必填]) stays whole. Text with no
wide character is wrapped by the CLI library's own function, so English help reads as it
always has. (Report text is broken by render/line_break.py, which keeps figures whole too.)"""

from __future__ import annotations

import re
from functools import cache

from typer._click.formatting import wrap_text

_WIDE_CHARACTERS = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
)


@cache
def _wide() -> re.Pattern[str]:
    """A wide (Chinese) character; compiled when help or an error is first written, not at every
    start (its ranges take about 4 ms to compile)."""
    return re.compile(f"[{_WIDE_CHARACTERS}]")


@cache
def _token() -> re.Pattern[str]:
    """A run of spaces, a bracketed note kept whole ([必填], [默认：0]), a wide character, a
    word."""
    return re.compile(rf"\s+|\[[^\]\s]*\]|[{_WIDE_CHARACTERS}]|[^\s{_WIDE_CHARACTERS}]+")


_NO_LINE_START = set("，。、；：？！）》」』〉】,.;:?!)]…")
_NO_LINE_END = set("（《「『〈【([")


def width(shown: str) -> int:
    """Terminal columns of `shown`: a wide (Chinese) character takes two."""
    return len(shown) + len(_wide().findall(shown))


def wrapped(shown: str, columns: int, first: str = "", rest: str = "") -> str:
    """`shown` wrapped to `columns` by display width, a paragraph at a time (blank lines between
    paragraphs kept), breaking between words or between any two Chinese characters — never
    before a closing mark nor after an opening one. Text without a wide character is wrapped
    by the library's own function, so that English help reads as the library prints it."""
    if not _wide().search(shown):
        return wrap_text(shown, columns, first, rest, preserve_paragraphs=True)
    paragraphs = [" ".join(part.split("\n")) for part in shown.split("\n\n")]
    return "\n\n".join(_fill(part, columns, first, rest) for part in paragraphs)


def _fill(paragraph: str, columns: int, first: str, rest: str) -> str:
    lines: list[str] = []
    line, used, space = first, width(first), False
    for token in _token().findall(paragraph.strip()):
        if token.isspace():
            space = True
            continue
        gap = " " if space and line.strip() else ""
        space = False
        needed = width(gap) + width(token)
        holds_text = line.strip() != ""
        fits = used + needed <= columns
        closing = token[0] in _NO_LINE_START
        if closing and holds_text and not fits and _wide().fullmatch(line[-1:]):
            # a closing mark never opens a line: the character it closes goes down with it
            carried, line = line[-1], line[:-1]
            if line.strip():
                lines.append(line.rstrip())
                line, used, gap = rest + carried, width(rest) + width(carried), ""
            else:
                line += carried
        elif holds_text and not fits and not closing:
            carried = ""
            if line and line[-1] in _NO_LINE_END:  # an opening mark goes to the next line
                carried, line = line[-1], line[:-1]
            lines.append(line.rstrip())
            line, used, gap = rest + carried, width(rest) + width(carried), ""
        line += gap + token
        used += width(gap) + width(token)
    lines.append(line.rstrip())
    return "\n".join(lines)

"""Pages as mirror sites republish them: converted to traditional characters, with the pinyin
of the characters the converter thought rare glued in after them (重點(diǎn)建設(shè)項(xiàng)目).

The draft reads such a page in simplified characters with the glosses taken out — the phrasings
are written in simplified characters — and quotes it as it stands: every quote is mapped back to
the page's own text, glosses and traditional characters included. A page in simplified
characters is read as it is.

A space a page left inside a figure (68. 8亿元, 同比增长5.8 %) is taken out the same way: read as
68.8亿元 and 5.8%, quoted as printed."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[)）]")
"""(diǎn) after the character it glosses — or （diǎn）, where its brackets were made full-width."""
_CJK = re.compile(r"[\u4e00-\u9fff]")
MIN_GLOSSES = 3
"""Glosses a page has before they are taken for a converter's, not the report's own words."""
MIN_TRADITIONAL = 0.02
"""Share of a page's characters that are traditional for the page to be read as traditional."""
SAMPLE = 20_000
"""Characters of a page looked at to tell its script."""
_SPACE_IN_FIGURE = re.compile(r"(?<=[0-9]\.)[ \u3000]+(?=[0-9])|(?<=[0-9])[ \u3000]+(?=[%％])")
"""68. 8亿元, 5.8 %: spaces inside a figure."""
NEAR = 4000
"""Characters around an indicator's line where its quote is looked for first."""


@dataclass
class Page:
    """A page as read (`text`) and as published (`original`), and where each character read
    stands in the original."""

    text: str
    original: str
    where: list[int]
    converted: bool = True
    """Read in simplified characters or without glosses (not only without spaces in figures)."""

    def quoted(self, quote: str, near: int) -> str:
        """`quote` (pieces of `text` joined with …) as the original prints it."""
        return "…".join(self._piece(piece, near) for piece in quote.split("…"))

    def _piece(self, piece: str, near: int) -> str:
        if not piece:
            return piece
        start = self.text.find(piece, max(0, near - NEAR), near + NEAR)
        if start < 0:
            start = self.text.find(piece)
        if start < 0:
            return piece
        end = start + len(piece) - 1
        return self.original[self.where[start] : self.where[end] + 1]


def read(report: str) -> Page | None:
    """The page to read in place of `report`, or None when it reads as it is."""
    glosses = list(_GLOSS.finditer(report))
    if len(glosses) < MIN_GLOSSES:
        glosses = []
    cut = sorted([*glosses, *_SPACE_IN_FIGURE.finditer(report)], key=lambda m: m.start())
    keep: list[int] = []
    at = 0
    for gloss in cut:
        keep.extend(range(at, gloss.start()))
        at = gloss.end()
    keep.extend(range(at, len(report)))
    cjk = Counter(_CJK.findall(report, 0, SAMPLE))
    changed = sum(count for char, count in cjk.items() if _simplified(char) != char)
    traditional = changed >= 5 and changed >= MIN_TRADITIONAL * cjk.total()
    if not cut and not traditional:
        return None
    text = "".join(report[i] for i in keep)
    if traditional:
        text = "".join(_simplified(ch) for ch in text)
    return Page(text, report, keep, bool(glosses) or traditional)


@lru_cache(maxsize=65536)
def _simplified(char: str) -> str:
    """The simplified form of one character (itself where the conversion would not give one)."""
    if not _CJK.match(char):
        return char
    converted: str = _converter().convert(char)
    return converted if len(converted) == 1 else char


@lru_cache(maxsize=1)
def _converter() -> _Converter:
    import opencc  # only for pages in traditional characters

    converter: _Converter = opencc.OpenCC("t2s.json")
    return converter


class _Converter(Protocol):
    """The part of opencc.OpenCC the draft uses."""

    def convert(self, text: str) -> str: ...

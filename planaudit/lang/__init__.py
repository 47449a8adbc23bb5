"""The language layer: every sentence a user can meet is a message id with its arguments, looked
up in one catalog per language (`planaudit/lang/en/`, `zh/`: data, a dictionary each, by topic) and
rendered by `text`. Adding a language is one new catalog and one member of `Language`.

Which language speaks: `--lang zh|en` where a command has it; else `PLANAUDIT_LANG=zh|en`; else,
for a report, the plan's own language, and for help, usage errors and diagnostics the locale
(`LC_ALL`, then `LC_MESSAGES`, then `LANG`: `zh*` is Chinese).

Only the standard library, and a catalog is imported when first needed: the launcher imports
this module before it guards the import of everything else, and start-up stays lean.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import import_module
from typing import Any

ENV = "PLANAUDIT_LANG"
"""The environment variable that forces the language (zh or en) where the locale would choose."""


class Language(StrEnum):
    """The languages with a catalog (a module of this package named by the value)."""

    EN = "en"
    ZH = "zh"


def from_environment(environ: Mapping[str, str] = os.environ) -> Language:
    """PLANAUDIT_LANG, else the locale's language (the first of LC_ALL, LC_MESSAGES, LANG that
    is set, as gettext reads them); English unless Chinese."""
    forced = environ.get(ENV, "").strip().lower()
    if forced in Language.__members__.values():
        return Language(forced)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return Language.ZH if value.lower().startswith("zh") else Language.EN
    return Language.EN


def forced(environ: Mapping[str, str] = os.environ) -> Language | None:
    """The language PLANAUDIT_LANG forces, if it does."""
    value = environ.get(ENV, "").strip().lower()
    return Language(value) if value in Language.__members__.values() else None


def for_plan(chinese: bool, wanted: Language | None = None) -> Language:
    """The language of a report: the one asked for (--lang zh|en, `wanted`), else under auto the
    plan's own: Chinese for a plan whose own text is Chinese (`chinese`), English for any other."""
    if wanted is not None:
        return wanted
    return Language.ZH if chinese else Language.EN


_chosen: list[Language] = []


def language() -> Language:
    """The language of this run's own words (help, usage errors, diagnostics, messages)."""
    if not _chosen:
        _chosen.append(from_environment())
    return _chosen[0]


def choose(chosen: Language | None) -> None:
    """Speak `chosen` from now on (a command's --lang zh|en); None goes back to the
    environment's choice."""
    _chosen[:] = [chosen] if chosen is not None else []


@cache
def catalog(lang: Language) -> Mapping[str, str]:
    """The messages of `lang`, by id (imported on first use)."""
    messages: Mapping[str, str] = import_module(f"planaudit.lang.{lang.value}").MESSAGES
    return messages


def text(message_id: str, lang: Language | None = None, /, **args: Any) -> str:
    """The message `message_id` in `lang` (else this run's language), its placeholders filled."""
    template = catalog(lang or language())[message_id]
    return template.format(**args)


def counted(message_id: str, count: object, lang: Language | None = None, /, **args: Any) -> str:
    """The message `message_id` in the form its language gives `count` of a thing: the id's
    `.one` form for one, `.other` for any other count (the Chinese forms are the same)."""
    return text(f"{message_id}.{'one' if count == 1 else 'other'}", lang, **args)


@dataclass(frozen=True)
class Message:
    """A message not yet rendered: its id and arguments. Diagnostics travel as these (across
    processes too) and are rendered in the run's language where they are printed."""

    id: str
    args: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, message_id: str, /, **args: Any) -> Message:
        return cls(message_id, tuple(args.items()))

    def render(self, lang: Language | None = None) -> str:
        return text(self.id, lang, **{name: _rendered(value, lang) for name, value in self.args})

    def __str__(self) -> str:
        return self.render()


def say(message_id: str, /, **args: Any) -> Message:
    """A message to render later, in the language of the place that prints it."""
    return Message.of(message_id, **args)


def _rendered(value: Any, lang: Language | None) -> Any:
    """An argument that is a message itself (a clause) is rendered in the same language; a
    tuple is a list, joined as the language joins one (`a, b` / `a、b`)."""
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, tuple):
        separator = text("list.separator", lang)
        return separator.join(str(_rendered(item, lang)) for item in value)
    return value


def quote(value: str, limit: int | None = None) -> Message:
    """Text from a file, quoted in a message (each catalog says how: 'x' in English, as Python
    writes it, escapes and all; “x” in Chinese), cut to `limit` characters."""
    cut = value if limit is None or len(value) <= limit else value[:limit]
    return Message.of("quote", text=cut, more="…" if cut is not value else "")


class Said(ValueError):
    """A ValueError that is a catalog message: pydantic keeps the exception in a validation
    error's context, so the loader renders the message (in the run's language) where it prints
    it. `str()` gives it in the run's language."""

    def __init__(self, message_id: str, /, **args: Any) -> None:
        super().__init__(message_id)
        self.said = Message.of(message_id, **args)

    def __str__(self) -> str:
        return str(self.said)

"""YAML text → nodes → plain data, each value's place kept and what PyYAML lets through
silently (duplicate keys) or dangerously (tags that build objects, aliases, YAML 1.1's octal
and sexagesimal numbers) refused as a located problem. Nothing in the file is executed."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

import yaml

from planaudit.core.consistency import Location
from planaudit.core.errors import (
    PER_KIND,
    UNSAFE_TEXT,
    Problem,
    kind_of_said,
    more_like_this,
    shown,
    type_name,
)
from planaudit.lang import Message, quote, say

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class Loader(_BaseLoader):
    """The safe loader with a leaner resolver: plan files use no path resolvers, so the composer's
    calls to descend and ascend do nothing, and a plain scalar's tag depends on its text alone."""

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    _plain_tags: ClassVar[dict[str, str]] = {}
    """Tags of plain scalars already resolved: keys and many values repeat in every file."""

    def resolve(
        self,
        kind: Any,
        value: Any,
        implicit: Any,
        _scalar: type = yaml.ScalarNode,
        _cached: dict[str, str] = _plain_tags,  # the shared cache, bound as a local for speed
    ) -> str:
        """Called by the composer for every node: kept to a dictionary lookup."""
        if kind is _scalar and implicit[0]:
            tag = _cached.get(value)
            if tag is None:
                tag = self._resolve_plain(value)
                if len(_cached) < 4096 and len(value) <= 64:  # keys, common values: few, short
                    _cached[value] = tag
            return tag
        return str(super().resolve(kind, value, implicit))  # type: ignore[no-untyped-call]

    def _resolve_plain(self, value: str) -> str:
        resolvers = self.yaml_implicit_resolvers.get(value[:1], [])
        for tag, regexp in [*resolvers, *self.yaml_implicit_resolvers.get(None, [])]:
            if regexp.match(value):
                return str(tag)
        return str(self.DEFAULT_SCALAR_TAG)


MAX_DEPTH = 64
_TAG = "tag:yaml.org,2002:"
_STR = f"{_TAG}str"
_FLOAT = f"{_TAG}float"
_INT = f"{_TAG}int"
_YAML11_NUMBER = re.compile(r"[-+]?(0[0-9_]+|0[bx].*|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$")
"""What YAML 1.1 reads as a number that is not the number it shows: 010 (octal 8), 0x1F, 0b101,
1:30 (sexagesimal, 90)."""
_MERGE = f"{_TAG}merge"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_COLLECTION_TAGS = {f"{_TAG}map", f"{_TAG}seq"}
CONSTRUCTOR = yaml.constructor.SafeConstructor()

Position = tuple[int, int]
"""1-based line and column."""
Mark = Any
"""A YAML mark (pure-Python or libyaml's): 0-based .line and .column; made a Position only when
a problem or a line is asked for."""


def nearest(positions: dict[Location, Any], loc: Location) -> Position:
    """The position of `loc`, or of the nearest key or value that holds it."""
    while loc not in positions and loc:
        loc = loc[:-1]
    mark = positions.get(loc)
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class Walker:
    """Turns a node tree into plain data, recording positions and collecting problems."""

    def __init__(self, path: str, unsafe: bool = True, aliases: bool = True) -> None:
        self.path = path
        self.unsafe = unsafe
        """The text has characters that no string may hold: look for them in each string."""
        self.aliases = aliases
        """The text may hold aliases (it has a `*`): a node met twice is one."""
        self.problems: list[Problem] = []
        self._kinds: dict[str, list[Any]] = {}
        """Per kind of problem: how many, and where the last one listed stands."""
        self.values: dict[Location, Mark] = {}
        """Where each value stands, and each key, at (*its location, "[key]")."""
        self.dropped: list[Location] = []
        """Where a value was refused here: the model's complaints about its absence are noise."""
        self._seen: set[int] = set()
        self.aliased = False
        """An alias was met; the composed nodes no longer say where, so `parse` looks again."""

    def report(self, at: Mark, message: Message | str) -> None:
        """A problem at `at`; past PER_KIND of a kind only counted (a file of a million refused
        tags costs a counter, not a million messages)."""
        seen = self._kinds.setdefault(kind_of_said(message), [0, at])
        seen[0] += 1
        if seen[0] <= PER_KIND:
            seen[1] = at
            self.problems.append(Problem(self.path, at.line + 1, at.column + 1, message))

    def counted(self) -> list[Problem]:
        """The problems listed, and a line for each kind counting those not listed."""
        return self.problems + [
            Problem(self.path, at.line + 1, at.column + 1, more_like_this(count - PER_KIND))
            for count, at in self._kinds.values()
            if count > PER_KIND
        ]

    def drop(self, loc: Location, at: Mark, message: Message) -> None:
        self.report(at, message)
        self.dropped.append(loc)

    def data(self, node: yaml.Node, loc: Location) -> Any:
        if self.aliases:
            if id(node) in self._seen:
                self.dropped.append(loc)
                self.aliased = True
                return None
            self._seen.add(id(node))
        self.values[loc] = node.start_mark
        if len(loc) > MAX_DEPTH:
            self.drop(loc, node.start_mark, say("yaml.too_deep", limit=MAX_DEPTH))
            return None
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR and not self.unsafe:
                return node.value  # most values: text with nothing to check
            return self._scalar(node, loc)
        if node.tag not in _COLLECTION_TAGS:
            self.drop(loc, node.start_mark, _tag_message(node.tag))
            return None
        if isinstance(node, yaml.SequenceNode):
            return [self.data(item, (*loc, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)
        return self._mapping(node, loc)

    def _mapping(self, node: yaml.MappingNode, loc: Location) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_seen: dict[Any, Mark] = {}
        for key_node, value_node in node.value:
            at = key_node.start_mark
            if key_node.tag == _STR and not self.unsafe:
                key = key_node.value  # nearly every key: plain text with nothing to check
            elif not isinstance(key_node, yaml.ScalarNode):
                self.report(at, say("yaml.key_not_text"))
                continue
            elif key_node.tag == _MERGE:
                self.report(at, say("yaml.merge_key"))
                continue
            else:
                key = self._scalar(key_node, loc)
                if isinstance(key, bool) or (key is None and key_node.value):
                    key = key_node.value  # YAML 1.1 reads `on:`, `no:`, `null:` as non-text
                elif type(key) is date:  # a report date: as text, so that problems name it
                    key = key.isoformat()

            if key is None:
                continue
            same = str(key).strip() if isinstance(key, (str, date)) else key
            if same in first_seen:  # 2018-06-30 and "2018-06-30" are one report date
                at_first = first_seen[same]
                line, column = at_first.line + 1, at_first.column + 1
                duplicate = say(
                    "yaml.duplicate_key", key=quote(key_node.value), line=line, column=column
                )
                self.report(at, duplicate)
                continue
            first_seen[same] = at
            child = (*loc, str(key))
            self.values[(*child, "[key]")] = at
            result[key] = self.data(value_node, child)
        return result

    def _scalar(self, node: yaml.ScalarNode, loc: Location) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self.drop(loc, node.start_mark, _tag_message(node.tag))
            return None
        if node.tag == _STR:
            bad = self.unsafe and UNSAFE_TEXT.search(node.value)
            if bad:
                self.report(
                    node.start_mark,
                    say("yaml.control_character_in_text", code=f"{ord(bad.group()):04X}"),
                )
            return node.value
        if node.tag in (_INT, _FLOAT) and _YAML11_NUMBER.match(node.value):
            self.drop(loc, node.start_mark, _yaml11_message(node))
            return None
        if node.tag == _FLOAT:
            try:
                return Decimal(node.value.replace("_", ""))
            except InvalidOperation:
                pass  # .inf, .nan, 1:30.5 — YAML's own reading; numbers.py refuses non-finite ones
        try:
            # The tag's own constructor: construct_object would keep every node it ever saw.
            return CONSTRUCTOR.yaml_constructors[node.tag](CONSTRUCTOR, node)
        except (ValueError, OverflowError, yaml.YAMLError) as error:
            said = "yaml.cannot_read_date" if node.tag == f"{_TAG}timestamp" else "yaml.cannot_read"
            reason = _REASONS.get(str(error)) or str(error)
            self.drop(loc, node.start_mark, say(said, value=shown(node.value), reason=reason))
            return None


_NAME_LIKE = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]{0,23}")


def key_shown(key: Any) -> str:
    """A key of a file that is not a plan, as a message names it: a name (services, jobs) as
    it is, anything else (a line of /etc/shadow read as a key) as `…`."""
    return key if isinstance(key, str) and _NAME_LIKE.fullmatch(key) else "…"


def what(data: Any) -> Message:
    """What a file that is not a mapping holds, without quoting it (it may be any file)."""
    return say("type.some_text") if isinstance(data, str) else type_name(data)


def _yaml11_message(node: yaml.ScalarNode) -> Message:
    text = node.value
    try:
        read = say("yaml.read_as", value=CONSTRUCTOR.yaml_constructors[node.tag](CONSTRUCTOR, node))
    except (ValueError, yaml.YAMLError):
        read = say("yaml.read_as_another")
    digits = text.lstrip("+-").lstrip("0_")
    meant = digits if digits.isdigit() else say("yaml.decimal_digits")
    return say("yaml.yaml11_number", text=text, read=read, meant=meant)


def _tag_message(tag: str) -> Message:
    shown = "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag
    return say("yaml.tag", tag=shown)


_REASONS = {
    "month must be in 1..12": say("reason.month"),
    "day is out of range for month": say("reason.day"),
    "year 0 is out of range": say("reason.year_0"),
}
"""What Python says of a date that does not exist, in the catalogs' words."""

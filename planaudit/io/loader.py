"""Plan file → Plan. Every failure becomes a located Problem; nothing in the file is executed.

YAML is composed into nodes (which keep their line and column), checked for what PyYAML lets
through silently (duplicate keys) or dangerously (tags that build objects, aliases), turned into
plain data, then validated by the model in `plan.py`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, ClassVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from planaudit.core.consistency import Location, consistency_problems
from planaudit.core.errors import (
    MORE,
    PER_KIND,
    UNSAFE_TEXT,
    PlanError,
    Problem,
    capped,
    excerpt,
    kind_of,
    line_and_column,
    more_like_this,
    shown_path,
)
from planaudit.core.model import Indicator, PeriodSpan, Plan
from planaudit.core.numbers import type_name
from planaudit.core.values import UNION_TAGS
from planaudit.io.source import MAX_BYTES, Encoding, read_source

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):
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
_CONSTRUCTOR = yaml.constructor.SafeConstructor()

Position = tuple[int, int]
"""1-based line and column."""
Mark = Any
"""A YAML mark (pure-Python or libyaml's): 0-based .line and .column; made a Position only when
a problem or a line is asked for."""


@dataclass(frozen=True)
class LoadedPlan:
    """A valid plan and where each of its keys stands in the file."""

    path: str
    plan: Plan
    positions: dict[Location, Mark] = field(repr=False)
    read_as: str | None = None
    """The encoding the file was read in without being asked (GB18030), for a notice."""

    def locate(self, loc: Location) -> Position:
        return _nearest(self.positions, loc)

    def problem(self, loc: Location, message: str) -> Problem:
        line, column = self.locate(loc)
        return Problem(self.path, line, column, message)

    def line_of(self, index: int) -> int:
        return self.locate(("indicators", index))[0]

    def lines(self) -> list[int]:
        """The line of each indicator, in order."""
        return [self.line_of(index) for index in range(len(self.plan.indicators))]


def _nearest(positions: dict[Location, Any], loc: Location) -> Position:
    """The position of `loc`, or of the nearest key or value that holds it."""
    while loc not in positions and loc:
        loc = loc[:-1]
    mark = positions.get(loc)
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class _Walker:
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

    def report(self, at: Mark, message: str) -> None:
        """A problem at `at`; past PER_KIND of a kind only counted (a file of a million refused
        tags costs a counter, not a million messages)."""
        seen = self._kinds.setdefault(kind_of(message), [0, at])
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

    def drop(self, loc: Location, at: Mark, message: str) -> None:
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
            self.drop(
                loc, node.start_mark, f"nesting deeper than {MAX_DEPTH} levels (limit: depth)"
            )
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
                self.report(at, "a key must be plain text, not a list or mapping")
                continue
            elif key_node.tag == _MERGE:
                self.report(at, "merge keys (<<) are not allowed in plan files: write the keys out")
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
                self.report(
                    at, f"duplicate key {key_node.value!r} (first at line {line}, column {column})"
                )
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
                    f"control character U+{ord(bad.group()):04X} is not allowed in text",
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
            return _CONSTRUCTOR.yaml_constructors[node.tag](_CONSTRUCTOR, node)
        except (ValueError, OverflowError, yaml.YAMLError) as error:
            what = " as a date" if node.tag == f"{_TAG}timestamp" else ""
            self.drop(loc, node.start_mark, f"cannot read {excerpt(node.value)}{what}: {error}")
            return None


_NAME_LIKE = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]{0,23}")


def _key_shown(key: Any) -> str:
    """A key of a file that is not a plan, as a message names it: a name (services, jobs) as
    it is, anything else (a line of /etc/shadow read as a key) as `…`."""
    return key if isinstance(key, str) and _NAME_LIKE.fullmatch(key) else "…"


def _what(data: Any) -> str:
    """What a file that is not a mapping holds, without quoting it (it may be any file)."""
    return "text" if isinstance(data, str) else type_name(data)


def _yaml11_message(node: yaml.ScalarNode) -> str:
    text = node.value
    try:
        read = f"as {_CONSTRUCTOR.yaml_constructors[node.tag](_CONSTRUCTOR, node)}"
    except (ValueError, yaml.YAMLError):
        read = "as another number"
    digits = text.lstrip("+-").lstrip("0_")
    meant = digits if digits.isdigit() else "the number in decimal digits"
    return f'YAML reads {text} {read}, not as written: write {meant}, or quote it ("{text}")'


def _tag_message(tag: str) -> str:
    shown = "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag
    return f"the YAML tag {shown} is not allowed in plan files"


def load(path: Path, max_bytes: int = MAX_BYTES, encoding: Encoding = Encoding.AUTO) -> LoadedPlan:
    """Read and validate one plan file; raise PlanError with all its problems."""
    source = read_source(path, max_bytes, encoding)
    loaded = parse(source.text, shown_path(path))
    return replace(loaded, read_as=source.detected) if source.detected else loaded


def load_each(
    files: Iterable[Path],
    max_bytes: int,
    problems: list[Problem],
    encoding: Encoding = Encoding.AUTO,
) -> Iterator[LoadedPlan]:
    """Each file that loads, in order; the problems of a file that does not are added to
    `problems`, and the next file is read."""
    for path in files:
        try:
            yield load(path, max_bytes, encoding)
        except PlanError as error:
            problems += error.problems


def parse(text: str, path: str) -> LoadedPlan:
    """Validate plan text; `path` is only used to name it in problems."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        raise PlanError([_syntax_problem(path, text, error)]) from None
    except yaml.reader.ReaderError:
        raise PlanError([_unprintable_problem(path, text)]) from None
    except yaml.YAMLError as error:
        raise PlanError([Problem(path, 1, 1, f"YAML: {error}")]) from None
    except RecursionError:
        raise PlanError([Problem(path, 1, 1, "nesting too deep to read (limit: depth)")]) from None
    except UnicodeEncodeError as error:  # a lone surrogate: text that no file decodes to
        line, column = line_and_column(text, error.start)
        message = f"U+{ord(text[error.start]):04X} is not a character (a lone surrogate)"
        raise PlanError([Problem(path, line, column, message)]) from None
    if root is None:
        raise PlanError(
            [Problem(path, 1, 1, "the file is empty: a plan needs plan, year and indicators")]
        )
    # Strings can hold what the text shows as such, or as an escape in double quotes (\x07).
    unsafe = "\\" in text or UNSAFE_TEXT.search(text) is not None
    walker = _Walker(path, unsafe, "*" in text)
    data = walker.data(root, ())
    start = root.start_mark
    del root  # the nodes: a file of millions of items holds gigabytes of them
    if walker.aliased:
        _report_aliases(walker, text)
    if not isinstance(data, dict):
        walker.report(
            start,
            f"a plan file is a mapping of keys (plan:, year:, indicators:), "
            f"but this file holds {_what(data)}",
        )
        raise PlanError(walker.counted())
    if not walker.problems and not {"plan", "indicators"} & set(data):
        keys = ", ".join(_key_shown(key) for key in list(data)[:3])
        more = ", …" if len(data) > 3 else ""
        message = f"this is not a plan file: it has no plan or indicators (its keys: {keys}{more})"
        raise PlanError([Problem(path, 1, 1, message)])
    positions = walker.values
    try:
        plan = Plan.model_validate(data)
    except ValidationError as error:
        details, complete = _first_errors(error, data)
        dropped = set(walker.dropped)
        found: list[Problem] = []
        for detail in details:
            checked = _problem(path, positions, detail)
            if not any(checked.loc[:end] in dropped for end in range(len(checked.loc) + 1)):
                found.append(checked.located)
        if complete:
            for located in found:
                walker.report(_Mark(located), located.message)
            raise PlanError(walker.counted()) from None
        # Only the first errors were read: list the first of each kind, and say how many in all.
        listed = [problem for problem in capped(found) if not problem.message.startswith(MORE)]
        if listed:
            last = max(listed)
            total = f"{MORE}more: validation found {error.error_count():,} problems in all"
            listed.append(Problem(path, last.line, last.column, total))
        raise PlanError(walker.counted() + listed) from None
    loaded = LoadedPlan(path, plan, positions)
    for loc, message in consistency_problems(plan):
        walker.report(_Mark(loaded.problem(loc, message)), message)
    if walker.problems:
        raise PlanError(walker.counted())
    return loaded


@dataclass(frozen=True)
class _Mark:
    """A problem's place as a YAML mark (0-based), for the walker's count of problems."""

    line: int
    column: int

    def __init__(self, problem: Problem) -> None:
        object.__setattr__(self, "line", problem.line - 1)
        object.__setattr__(self, "column", problem.column - 1)


MAX_DETAILS = 1000
"""Validation errors read in full; past this many, only the first ones are (see _first_errors)."""


def _first_errors(error: ValidationError, data: dict[str, Any]) -> tuple[list[ErrorDetails], bool]:
    """The validation errors to list, and whether they are all of them. Reading a million
    errors costs gigabytes, so past MAX_DETAILS the plan is validated again with its lists and
    mappings cut to their first items (64, 256, … until that finds enough): the errors found
    there are the first of the file."""
    if error.error_count() <= MAX_DETAILS:
        return error.errors(include_url=False), True
    items, longest = 64, _longest(data)
    while True:
        try:
            Plan.model_validate(_cut(data, items))
        except ValidationError as found:
            if found.error_count() >= PER_KIND * 4 or items >= longest:
                return found.errors(include_url=False)[:MAX_DETAILS], False
        items *= 4


def _longest(value: Any) -> int:
    """The number of entries of the longest list or mapping in `value`."""
    if isinstance(value, list | dict):
        inner = value if isinstance(value, list) else value.values()
        return max([len(value), *(_longest(item) for item in inner)])
    return 0


def _cut(value: Any, items: int) -> Any:
    """`value` with every list and mapping in it cut to its first `items` entries."""
    if isinstance(value, list):
        return [_cut(item, items) for item in value[:items]]
    if isinstance(value, dict):
        return {key: _cut(item, items) for key, item in list(value.items())[:items]}
    return value


def _report_aliases(walker: _Walker, text: str) -> None:
    """Where each alias stands: only the event stream knows, so it is read again, on error only."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            walker.report(
                event.start_mark,
                "aliases (*name) are not allowed in plan files: write the value out",
            )


def _unprintable_problem(path: str, text: str) -> Problem:
    """YAML refuses the whole stream for one unprintable character; say which and where.
    (The C reader counts bytes, the Python one characters: find the character itself.)"""
    found = yaml.reader.Reader.NON_PRINTABLE.search(text)
    index = found.start() if found else 0
    line, column = line_and_column(text, index)
    code = ord(text[index]) if found else 0
    return Problem(
        path, line, column, f"control character U+{code:04X} is not allowed in a plan file"
    )


def _syntax_problem(path: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = error.problem or error.context or "invalid YAML"
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        message = "a tab cannot indent YAML: use spaces"
    elif message.startswith("mapping values are not allowed"):
        message += " (is this line indented like the keys beside it, or does a value need quotes?)"
    elif error.context and error.context_mark and error.context_mark is not mark:
        where = error.context_mark
        message += f" ({error.context} at line {where.line + 1}, column {where.column + 1})"
    return Problem(path, line, column, f"YAML syntax: {message}")


@dataclass(frozen=True)
class _ModelProblem:
    loc: Location
    located: Problem


def _problem(path: str, positions: dict[Location, Mark], detail: ErrorDetails) -> _ModelProblem:
    loc: Location = tuple(
        part if isinstance(part, int) else str(part)
        for part in detail["loc"]
        if part not in UNION_TAGS
    )
    kind = detail["type"]
    if kind == "plan_rule":
        loc = (*loc, str((detail.get("ctx") or {})["key"]))
    elif kind == "extra_forbidden" or loc[-1:] == ("[key]",):
        loc = (*loc[:-1], loc[-1], "[key]") if loc[-1:] != ("[key]",) else loc
    line, column = _nearest(positions, loc)
    return _ModelProblem(loc, Problem(path, line, column, _message(kind, loc, detail)))


def _key_name(loc: Location) -> str:
    names = [part for part in loc if part != "[key]"]
    if not names:
        return "the plan"
    last = names[-1]
    if isinstance(last, int):
        parent = names[-2] if len(names) > 1 else "list"
        return f"item {last + 1} of {parent}"
    return str(last)


def _owner_fields(loc: Location) -> Iterable[str]:
    """The keys allowed beside the key at `loc`, for a "did you mean"."""
    inside = [part for part in loc[:-2] if part != "[key]"]
    model: type[BaseModel] = Plan
    if inside[-1:] == ["period"]:  # the plan's period, or an indicator's own
        model = PeriodSpan
    elif inside[:1] == ["indicators"]:
        model = Indicator
    return model.model_fields


def _message(kind: str, loc: Location, detail: ErrorDetails) -> str:
    key = _key_name(loc)
    raw = detail.get("input")
    got = type_name(raw)
    if kind == "plan_rule":
        return detail["msg"]
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(key, list(_owner_fields(loc)), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"unknown key {key!r}{hint}"
    if kind == "missing":
        return f"missing required key {key!r}"
    if kind == "value_error":
        message = detail["msg"].removeprefix("Value error, ")
        return f"{key}: {message}"
    if kind in ("enum", "literal_error"):
        expected = (detail.get("ctx") or {}).get("expected", "")
        choices = [c.strip(" '") for c in str(expected).replace(" or ", ",").split(",")]
        close = difflib.get_close_matches(str(raw), choices, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        allowed = choices[0] if len(choices) == 1 else f"one of {', '.join(choices)}"
        return f"{key} must be {allowed}; got {got}{hint}"
    expectations = {
        "string_type": "text",
        "bool_type": "true or false",
        "int_type": "a whole number",
        "int_from_float": "a whole number",
        "model_type": "a mapping of keys",
        "model_attributes_type": "a mapping of keys",
        "dict_type": "a mapping of keys",
        "list_type": "a list",
    }
    if kind in expectations:
        return f"{key} must be {expectations[kind]}, got {got}"
    if kind == "string_too_long":
        limit = (detail.get("ctx") or {}).get("max_length")
        return f"{key} is too long ({len(str(raw)):,} characters; limit {limit:,})"
    if kind in ("too_short", "string_too_short"):
        return f"{key} must not be empty" + (": list at least one" if key == "indicators" else "")
    message = detail["msg"]
    return f"{key}: {message[:1].lower()}{message[1:]}"

"""Plan file → Plan. Every failure becomes a located Problem; nothing in the file is executed.

YAML is composed into nodes (which keep their line and column), checked for what PyYAML lets
through silently (duplicate keys) or dangerously (tags that build objects, aliases), turned into
plain data, then validated by the model in `plan.py`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, ClassVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from planaudit.errors import UNSAFE_TEXT, PlanError, Problem, line_and_column
from planaudit.numbers import type_name
from planaudit.plan import UNION_TAGS, Indicator, Location, PeriodSpan, Plan, consistency_problems
from planaudit.source import MAX_BYTES, read_text

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
                if len(_cached) < 4096:  # full of the first files' keys and common values
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
        self.values: dict[Location, Mark] = {}
        """Where each value stands, and each key, at (*its location, "[key]")."""
        self.dropped: list[Location] = []
        """Where a value was refused here: the model's complaints about its absence are noise."""
        self._seen: set[int] = set()
        self.aliased = False
        """An alias was met; the composed nodes no longer say where, so `parse` looks again."""

    def report(self, at: Mark, message: str) -> None:
        self.problems.append(Problem(self.path, at.line + 1, at.column + 1, message))

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
            if key in first_seen:
                line, column = first_seen[key].line + 1, first_seen[key].column + 1
                self.report(
                    at, f"duplicate key {key_node.value!r} (first at line {line}, column {column})"
                )
                continue
            first_seen[key] = at
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
            self.drop(loc, node.start_mark, f"cannot read {node.value!r}{what}: {error}")
            return None


def _tag_message(tag: str) -> str:
    shown = "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag
    return f"the YAML tag {shown} is not allowed in plan files"


def load(path: Path, max_bytes: int = MAX_BYTES) -> LoadedPlan:
    """Read and validate one plan file; raise PlanError with all its problems."""
    return parse(read_text(path, max_bytes), str(path))


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
    if walker.aliased:
        walker.problems += _alias_problems(path, text)
    if not isinstance(data, dict):
        walker.report(
            root.start_mark,
            f"a plan file is a mapping of keys (plan:, year:, indicators:), "
            f"but this file holds {type_name(data)}",
        )
        raise PlanError(walker.problems)
    if not walker.problems and not {"plan", "indicators"} & set(data):
        keys = ", ".join(map(str, list(data)[:5]))
        message = f"this is not a plan file: it has no plan or indicators (its keys: {keys})"
        raise PlanError([Problem(path, 1, 1, message)])
    positions = walker.values
    try:
        plan = Plan.model_validate(data)
    except ValidationError as error:
        for detail in error.errors():
            problem = _problem(path, positions, detail)
            if not any(problem.loc[: len(d)] == d for d in walker.dropped):
                walker.problems.append(problem.located)
        raise PlanError(walker.problems) from None
    loaded = LoadedPlan(path, plan, positions)
    walker.problems += [loaded.problem(loc, message) for loc, message in consistency_problems(plan)]
    if walker.problems:
        raise PlanError(walker.problems)
    return loaded


def _alias_problems(path: str, text: str) -> list[Problem]:
    """Where each alias stands: only the event stream knows, so it is read again, on error only."""
    return [
        Problem(
            path,
            event.start_mark.line + 1,
            event.start_mark.column + 1,
            "aliases (*name) are not allowed in plan files: write the value out",
        )
        for event in yaml.parse(text, Loader=_Loader)
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None
    ]


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
    if kind == "enum":
        expected = (detail.get("ctx") or {}).get("expected", "")
        choices = [c.strip(" '") for c in str(expected).replace(" or ", ",").split(",")]
        close = difflib.get_close_matches(str(raw), choices, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"{key} must be one of {', '.join(choices)}; got {got}{hint}"
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

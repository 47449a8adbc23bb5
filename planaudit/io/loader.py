"""Plan file → Plan. Every failure becomes a located Problem; nothing in the file is executed.

YAML is composed into nodes (which keep their line and column) and turned into plain data by
`yaml_nodes`, then validated by the model (`core/model.py`), whose errors `validation` locates
and words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml
from pydantic import ValidationError

from planaudit.core.consistency import Location, consistency_problems, plan_hints
from planaudit.core.errors import (
    MORE,
    UNSAFE_TEXT,
    PlanError,
    Problem,
    capped,
    line_and_column,
    shown_path,
)
from planaudit.core.model import Plan
from planaudit.io.source import MAX_BYTES, Encoding, read_source
from planaudit.io.yaml_nodes import Loader, Mark, Position, Walker, key_shown, nearest, what
from planaudit.lang import Message, say


@dataclass(frozen=True)
class LoadedPlan:
    """A valid plan and where each of its keys stands in the file."""

    path: str
    plan: Plan
    positions: dict[Location, Mark] = field(repr=False)
    read_as: str | None = None
    """The encoding the file was read in without being asked (GB18030), for a notice."""
    hints: tuple[Problem, ...] = ()
    """What is valid but most likely not meant (core.consistency.plan_hints), located: notes
    printed beside the report, never errors."""

    def locate(self, loc: Location) -> Position:
        return nearest(self.positions, loc)

    def problem(self, loc: Location, message: Message) -> Problem:
        line, column = self.locate(loc)
        return Problem(self.path, line, column, message)

    def line_of(self, index: int) -> int:
        return self.locate(("indicators", index))[0]

    def lines(self) -> list[int]:
        """The line of each indicator, in order."""
        return [self.line_of(index) for index in range(len(self.plan.indicators))]


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
        return _parse(text, path)
    except PlanError as error:
        hint = _full_width_colon(path, text)
        if hint is None or any(
            (found.line, found.column) == (hint.line, hint.column) for found in error.problems
        ):
            raise
        raise PlanError([hint, *error.problems]) from None


_FULL_WIDTH_COLON = re.compile(
    r"^[ \t]*(?:-[ \t]+)*([A-Za-z_][A-Za-z0-9_]*)[ \t]*(：|:\u3000)", re.M
)
"""A key written with a full-width colon (`name：`), or a colon and a full-width space
(`name:\u3000`): YAML reads neither as a key, and its own error comes later and elsewhere."""


def _full_width_colon(path: str, text: str, before: int | None = None) -> Problem | None:
    """Where a key is followed by a full-width colon (the last one before `before`, a 0-based
    index, else the first in the file), as a problem located at the colon."""
    found = list(_FULL_WIDTH_COLON.finditer(text, 0, len(text) if before is None else before))
    if not found:
        return None
    match = found[-1] if before is not None else found[0]
    key, colon = match.group(1, 2)
    if colon == "：":
        line, column = line_and_column(text, match.start(2))
        return Problem(path, line, column, say("yaml.full_width_colon", key=key))
    line, column = line_and_column(text, match.start(2) + 1)
    return Problem(path, line, column, say("yaml.full_width_space", key=key))


def _parse(text: str, path: str) -> LoadedPlan:
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        raise PlanError([_syntax_problem(path, text, error)]) from None
    except yaml.reader.ReaderError:
        raise PlanError([_unprintable_problem(path, text)]) from None
    except yaml.YAMLError as error:
        raise PlanError([Problem(path, 1, 1, say("yaml.error", error=str(error)))]) from None
    except RecursionError:
        raise PlanError([Problem(path, 1, 1, say("yaml.too_deep_to_read"))]) from None
    except UnicodeEncodeError as error:  # a lone surrogate: text that no file decodes to
        line, column = line_and_column(text, error.start)
        message = say("yaml.lone_surrogate", code=f"{ord(text[error.start]):04X}")
        raise PlanError([Problem(path, line, column, message)]) from None
    if root is None:
        raise PlanError([Problem(path, 1, 1, say("plan.empty_file"))])
    # Strings can hold what the text shows as such, or as an escape in double quotes (\x07).
    unsafe = "\\" in text or UNSAFE_TEXT.search(text) is not None
    walker = Walker(path, unsafe, "*" in text)
    data = walker.data(root, ())
    start = root.start_mark
    del root  # the nodes: a file of millions of items holds gigabytes of them
    if walker.aliased:
        _report_aliases(walker, text)
    if not isinstance(data, dict):
        walker.report(
            start,
            say("plan.not_a_mapping", what=what(data)),
        )
        raise PlanError(walker.counted())
    if not walker.problems and not {"plan", "indicators"} & set(data):
        keys = tuple(key_shown(key) for key in list(data)[:3]) + (("…",) if len(data) > 3 else ())
        message = say("plan.not_a_plan", keys=keys)
        raise PlanError([Problem(path, 1, 1, message)])
    positions = walker.values
    try:
        plan = Plan.model_validate(data)
    except ValidationError as error:
        from planaudit.io.validation import first_errors, model_problem  # only a bad plan needs it

        details, complete = first_errors(error, data)
        dropped = set(walker.dropped)
        found: list[Problem] = []
        for detail in details:
            checked = model_problem(path, positions, detail)
            if not any(checked.loc[:end] in dropped for end in range(len(checked.loc) + 1)):
                found.append(checked.located)
        if complete:
            for located in found:
                walker.report(_Mark(located), located.said)
            raise PlanError(walker.counted()) from None
        # Only the first errors were read: list the first of each kind, and say how many in all.
        listed = [problem for problem in capped(found) if not problem.counts_more]
        if listed:
            last = max(listed)
            total = say(f"{MORE}_in_all", count=f"{error.error_count():,}")
            listed.append(Problem(path, last.line, last.column, total))
        raise PlanError(walker.counted() + listed) from None
    loaded = LoadedPlan(path, plan, positions)
    for loc, message in consistency_problems(plan):
        walker.report(_Mark(loaded.problem(loc, message)), message)
    if walker.problems:
        raise PlanError(walker.counted())
    hints = tuple(loaded.problem(loc, message) for loc, message in plan_hints(plan))
    return replace(loaded, hints=hints) if hints else loaded


@dataclass(frozen=True)
class _Mark:
    """A problem's place as a YAML mark (0-based), for the walker's count of problems."""

    line: int
    column: int

    def __init__(self, problem: Problem) -> None:
        object.__setattr__(self, "line", problem.line - 1)
        object.__setattr__(self, "column", problem.column - 1)


def _report_aliases(walker: Walker, text: str) -> None:
    """Where each alias stands: only the event stream knows, so it is read again, on error only."""
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            walker.report(event.start_mark, say("yaml.alias"))


def _unprintable_problem(path: str, text: str) -> Problem:
    """YAML refuses the whole stream for one unprintable character; say which and where.
    (The C reader counts bytes, the Python one characters: find the character itself.)"""
    found = yaml.reader.Reader.NON_PRINTABLE.search(text)
    index = found.start() if found else 0
    line, column = line_and_column(text, index)
    code = ord(text[index]) if found else 0
    return Problem(path, line, column, say("yaml.control_character", code=f"{code:04X}"))


def _syntax_problem(path: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    if mark is not None:
        # YAML stops where a key with a full-width colon makes the next line wrong: say the cause.
        end = text.find("\n", mark.index)
        hint = _full_width_colon(path, text, len(text) if end < 0 else end)
        if hint is not None:
            return hint
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = _pyyaml(error.problem or error.context or "invalid YAML")
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        message = say("yaml.syntax", problem=say("yaml.tab"))
    elif (error.problem or error.context or "").startswith("mapping values are not allowed"):
        message = say("yaml.syntax_mapping_values", problem=problem)
    elif error.context and error.context_mark and error.context_mark is not mark:
        where = error.context_mark
        message = say(
            "yaml.syntax_in_context",
            problem=problem,
            context=_pyyaml(error.context),
            line=where.line + 1,
            column=where.column + 1,
        )
    else:
        message = say("yaml.syntax", problem=problem)
    return Problem(path, line, column, message)


_PYYAML = {
    "invalid YAML": "pyyaml.invalid",
    "mapping values are not allowed here": "pyyaml.mapping_values_here",
    "mapping values are not allowed in this context": "pyyaml.mapping_values_context",
    "did not find expected ',' or ']'": "pyyaml.expected_comma_bracket",
    "did not find expected ',' or '}'": "pyyaml.expected_comma_brace",
    "found unexpected end of stream": "pyyaml.end_of_stream",
    "but found another document": "pyyaml.another_document",
    "could not find expected ':'": "pyyaml.expected_colon",
    "did not find expected key": "pyyaml.expected_key",
    "did not find expected node content": "pyyaml.expected_node",
    "did not find expected '-' indicator": "pyyaml.expected_dash",
    "found character that cannot start any token": "pyyaml.cannot_start_token",
    "found undefined tag handle": "pyyaml.undefined_tag_handle",
    "found unknown escape character": "pyyaml.unknown_escape",
    "block sequence entries are not allowed in this context": "pyyaml.sequence_entries",
    "found unexpected ':'": "pyyaml.unexpected_colon",
    "expected a single document in the stream": "pyyaml.single_document",
    "while parsing a flow sequence": "pyyaml.in_flow_sequence",
    "while parsing a flow mapping": "pyyaml.in_flow_mapping",
    "while parsing a block mapping": "pyyaml.in_block_mapping",
    "while parsing a block collection": "pyyaml.in_block_collection",
    "while parsing a block node": "pyyaml.in_block_node",
    "while parsing a flow node": "pyyaml.in_flow_node",
    "while scanning a quoted scalar": "pyyaml.in_quoted_scalar",
    "while scanning a simple key": "pyyaml.in_simple_key",
    "while scanning a plain scalar": "pyyaml.in_plain_scalar",
    "while scanning a block scalar": "pyyaml.in_block_scalar",
}
"""PyYAML's words (it has no message ids), and the catalogs' ids for them; others are shown as
PyYAML wrote them."""


def _pyyaml(words: str) -> Message | str:
    found = _PYYAML.get(words)
    return say(found) if found else words

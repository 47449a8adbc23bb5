"""The house's one-way flow, as its imports show it (those inside functions count too):
cli → core / io → render, and nothing back up."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "planaudit"


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(path): path for path in PACKAGE.rglob("*.py")}


@cache
def imports(module: str) -> frozenset[str]:
    """The planaudit modules `module` imports anywhere in its text."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return frozenset(name for name in found if name in MODULES and name != module)


def reached(module: str) -> set[str]:
    """Every planaudit module that importing `module` may import, itself left out."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        for name in imports(todo.pop()):
            if name not in seen:
                seen.add(name)
                todo.append(name)
    seen.discard(module)
    return seen


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_the_modules_are_found():
    assert {"planaudit.cli.app", "planaudit.core.run", "planaudit.io.loader"} <= set(MODULES)
    assert "planaudit.core.model" in reached("planaudit.core.run")


@pytest.mark.parametrize("module", sorted(MODULES))
def test_nothing_imports_the_command_line(module):
    if _in(module, "planaudit.cli") or module == "planaudit.__main__":
        return
    assert not [name for name in imports(module) if _in(name, "planaudit.cli")]


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _in(m, "planaudit.render")))
def test_renderers_see_results_never_the_plan_model_or_files(module):
    assert {"planaudit.core.model", "planaudit.core.audit"}.isdisjoint(reached(module))
    assert not [name for name in reached(module) if _in(name, "planaudit.io")]


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _in(m, "planaudit.core")))
def test_the_core_never_renders_or_writes_a_report(module):
    beyond = reached(module)
    assert not [name for name in beyond if _in(name, "planaudit.render")]
    assert "planaudit.io.output" not in beyond


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _in(m, "planaudit.io")))
def test_files_in_and_out_never_render(module):
    assert not [name for name in reached(module) if _in(name, "planaudit.render")]


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _in(m, "planaudit.core.results")))
def test_results_stand_alone(module):
    """What every renderer reads imports nothing but the shared terms, errors and dates."""
    allowed = {"planaudit.core", "planaudit.core.errors", "planaudit.core.pace", "planaudit.lang"}
    allowed |= {"planaudit.core.terms"} | {m for m in MODULES if _in(m, "planaudit.core.results")}
    assert reached(module) <= allowed | {"planaudit"}

"""A workbook read back as a person's spreadsheet program would read it (openpyxl)."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]


def load(path: Path) -> Any:
    """The workbook; openpyxl warns that it drops the data bar's Excel 2010 extension."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", ".*extension is not supported", UserWarning)
        return openpyxl.load_workbook(path)


def cell_values(path: Path) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """Each sheet's name and its rows of values."""
    return [(sheet.title, list(sheet.iter_rows(values_only=True))) for sheet in load(path)]

"""Where a report goes: stdout, or a file written whole or not at all."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from types import TracebackType
from typing import IO


class Output:
    """Write chunks as they are made. For a file, they go to a temporary file beside it, renamed
    over it only when the whole report is written: an existing file survives any failure."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._temporary: Path | None = None
        self._stream: IO[str] = sys.stdout

    def __enter__(self) -> Output:
        if self.path is not None:
            handle = tempfile.NamedTemporaryFile(
                "w",
                encoding="utf-8",
                newline="",
                dir=self.path.resolve().parent,
                prefix=f".{self.path.name}.",
                delete=False,
            )
            self._temporary = Path(handle.name)
            self._stream = handle
        return self

    def write(self, text: str) -> None:
        if text:
            self._stream.write(text)

    def write_bytes(self, data: bytes) -> None:
        """A binary document (a workbook), after any text: to the same temporary file, renamed
        into place like a text report."""
        self._stream.flush()
        self._stream.buffer.write(data)  # type: ignore[attr-defined]

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.path is None or self._temporary is None:
            self._stream.flush()
            return
        self._stream.close()
        if kind is not None:
            self._temporary.unlink(missing_ok=True)
            return
        try:
            self._temporary.chmod(_new_file_mode(self.path))
            os.replace(self._temporary, self.path)
        except BaseException:
            self._temporary.unlink(missing_ok=True)
            raise


def _new_file_mode(path: Path) -> int:
    """The mode `path` has, or would get from open(): temporary files are private (0600)."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask

"""Where a report goes: stdout, or a regular file written whole or not at all.

`--output` is a path a user typed, often in a CI script that runs as root: it must never destroy
what is there. So a file is written to a temporary file beside it and renamed over it only when
the whole report is written, and only a regular file is ever replaced: a device, FIFO, socket or
directory is refused (renaming over `/dev/null` would replace the system's `/dev/null`), a file
with other hard links is refused (a rename would cut them loose), a read-only file is refused,
and a file that is one of the run's inputs is refused (the report would replace the plan). A
symbolic link is written through: its target is replaced, the link stays.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import IO

from planaudit.core.errors import shown_path

SPOOL_BYTES = 1024 * 1024
"""A whole document on stdout is kept in memory up to this size, then in a temporary file."""
ASCII_MARKS = str.maketrans(
    {
        "✓": "v", "✗": "x", "·": ".", "≠": "#", "…": ".", "→": ">", "│": "|", "█": "#",
        "▉": "=", "▊": "=", "▋": "=", "▌": "=", "▍": "-", "▎": "-", "▏": "-", "░": ".",
        "▁": "_", "▂": "_", "▃": "-", "▄": "-", "▅": "=", "▆": "=", "▇": "#",
        "━": "=", "─": "-", "┃": "|", "┏": "+", "┓": "+", "┗": "+", "┛": "+", "┳": "+",
        "┻": "+", "╋": "+", "┡": "+", "┩": "+", "╇": "+", "┌": "+", "┐": "+", "└": "+",
        "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+", "╭": "+", "╮": "+",
        "╰": "+", "╯": "+",
    }
)  # fmt: skip
"""A table's marks, bars and borders in ASCII, one character for one so that columns stay
aligned: for a terminal whose encoding has no ✓ or ░ (GBK, Latin-1, ASCII)."""


def degrade(text: str, encoding: str) -> str:
    """`text` with the marks `encoding` cannot write replaced by ASCII ones; what is left that it
    cannot write (a Chinese name on an ASCII terminal) is escaped by the caller."""
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        pass
    except LookupError:
        return text
    unwritable = {}
    for char in set(text):
        try:
            char.encode(encoding)
        except UnicodeEncodeError:
            unwritable[ord(char)] = ASCII_MARKS.get(ord(char), char)
    return text.translate(unwritable)


class OutputError(Exception):
    """An --output target that must not or cannot be written; the message names the path as
    the user gave it, never the temporary file."""


def _refuse(path: Path, why: str) -> OutputError:
    return OutputError(f"--output {shown_path(path)}: {why}")


def _target(path: Path, inputs: Iterable[Path]) -> tuple[Path, os.stat_result | None]:
    """The file a report for `path` replaces (a symbolic link's target) and its status, or
    OutputError when it must not be replaced."""
    try:
        link = path.lstat()
    except FileNotFoundError:
        return path, None
    except OSError as error:
        raise _refuse(path, f"cannot use it: {error.strerror}") from None
    target = path
    if stat.S_ISLNK(link.st_mode):
        target = Path(os.path.realpath(path))
        if not target.exists():
            raise _refuse(path, "a symbolic link to a file that does not exist")
    status = target.stat()
    if stat.S_ISDIR(status.st_mode):
        raise _refuse(path, "is a directory")
    if not stat.S_ISREG(status.st_mode):
        raise _refuse(
            path, "is not a regular file (a device, FIFO or socket): --output writes only files"
        )
    if status.st_nlink > 1:
        raise _refuse(path, "has other hard links, which replacing it would cut loose")
    if not status.st_mode & 0o222:
        raise _refuse(path, "is read-only")
    for given in inputs:
        try:
            same = os.path.samefile(given, target)
        except OSError:
            continue
        if same:
            raise _refuse(path, "is one of the inputs: the report would replace it")
    return target, status


class NothingToWrite(Exception):
    """Raised inside an Output to leave its file as it was: nothing could be read, and the
    format has no way to say so (an existing report is not replaced by an empty one)."""


class Output:
    """Write chunks as they are made. For a file, they go to a temporary file beside it, renamed
    over it only when the whole report is written: an existing file survives any failure.

    Reports are UTF-8 whatever the locale, except a table on stdout: it is written in the
    terminal's encoding, with ASCII marks and bars where that encoding has none of its own."""

    def __init__(
        self,
        path: Path | None,
        inputs: Iterable[Path] = (),
        table: bool = False,
        whole: bool = False,
    ) -> None:
        """`inputs`: the files the report is made from, which it must not replace. `table`: a
        terminal table, written in stdout's own encoding. `whole`: a document that a reader
        must get whole or not at all (JSON, CSV): on stdout it is kept (in memory, or on disk
        past a few megabytes) until it is complete, so an internal error leaves nothing."""
        self.path = path
        self._inputs = inputs
        self._table = table
        self._whole = whole
        self._temporary: Path | None = None
        self._target: Path | None = None
        self._status: os.stat_result | None = None
        self._stream: IO[str] | None = None
        self._spool: IO[bytes] | None = None

    def __enter__(self) -> Output:
        if self.path is None:
            if self._whole:
                self._spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)
            return self
        self._target, self._status = _target(self.path, self._inputs)
        folder = self._target.parent
        try:
            handle = tempfile.NamedTemporaryFile(
                "w",
                encoding="utf-8",
                errors="backslashreplace",
                newline="",
                dir=folder,
                prefix=f".{self._target.name[:80]}.",
                delete=False,
            )
        except OSError as error:
            why = f"cannot write in {shown_path(folder)}: {error.strerror}"
            raise _refuse(self.path, why) from None
        self._temporary = Path(handle.name)
        self._stream = handle
        return self

    def write(self, text: str) -> None:
        if not text:
            return
        if self._stream is None:
            self._to_stdout(text)
            return
        try:
            self._stream.write(text)
        except OSError as error:
            assert self.path is not None
            raise _refuse(self.path, f"cannot write: {error.strerror}") from None

    def write_bytes(self, data: bytes) -> None:
        """A binary document (a workbook), after any text: to the same temporary file, renamed
        into place like a text report."""
        if self._stream is None:
            if self._spool is not None:
                self._spool.write(data)
            else:
                _write_stdout(data)
            return
        try:
            self._stream.flush()
            self._stream.buffer.write(data)  # type: ignore[attr-defined]
        except OSError as error:
            assert self.path is not None
            raise _refuse(self.path, f"cannot write: {error.strerror}") from None

    def _to_stdout(self, text: str) -> None:
        encoding = "utf-8"
        if self._table:
            encoding = _known(getattr(sys.stdout, "encoding", None) or "utf-8")
            text = degrade(text, encoding)
        data = text.encode(encoding, "backslashreplace")
        if self._spool is not None:
            self._spool.write(data)
        else:
            _write_stdout(data)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._stream is None or self._temporary is None:
            try:
                if kind is None and self._spool is not None:
                    self._spool.seek(0)
                    while chunk := self._spool.read(SPOOL_BYTES):
                        _write_stdout(chunk)
            finally:
                if self._spool is not None:
                    self._spool.close()
            if kind is None:
                sys.stdout.flush()
            return
        assert self.path is not None and self._target is not None
        try:
            self._stream.close()
            if kind is not None:
                return
            self._temporary.chmod(_new_file_mode(self._status))
            if self._status is not None and os.geteuid() == 0:
                os.chown(self._temporary, self._status.st_uid, self._status.st_gid)
            os.replace(self._temporary, self._target)
        except OSError as failure:
            if kind is None:
                raise _refuse(self.path, f"cannot write: {failure.strerror}") from None
        finally:
            self._temporary.unlink(missing_ok=True)


def _known(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return "utf-8"


def _write_stdout(data: bytes) -> None:
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a stream replaced by one that takes text only (an embedding program)
        sys.stdout.write(data.decode("utf-8", "backslashreplace"))
        return
    buffer.write(data)
    buffer.flush()


def _new_file_mode(status: os.stat_result | None) -> int:
    """The mode the replaced file had, or a new file would get from open(): temporary files are
    private (0600)."""
    if status is not None:
        return status.st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask

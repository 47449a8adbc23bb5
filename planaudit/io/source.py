"""Bytes on disk → text: the size limit and the encodings a plan file may arrive in.

UTF-8 (with or without a BOM) and UTF-16 with a BOM are read. A file in GBK/GB18030, still common
from Windows tools in Chinese offices, is refused with a message naming the encoding and how to
convert it: guessing an encoding risks mojibake in a report, which is worse than a clear refusal.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from planaudit.core.errors import PlanError, Problem, line_and_column, shown_path

MAX_BYTES = 10 * 1000 * 1000
"""10 MB: a plan of thousands of indicators is well under 1 MB."""
CHUNK = 1 << 20
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """The file's text, or PlanError naming what is wrong with it.

    Only a regular file is read: it is opened without blocking and checked before a byte is
    read, so a FIFO (which would wait for a writer forever) or a device is refused. It is read in
    chunks, so a generous --max-size costs nothing until a file is that large."""
    name = shown_path(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise PlanError([Problem(name, 1, 1, f"cannot read: {error.strerror}")]) from None
    with os.fdopen(descriptor, "rb", buffering=0) as handle:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise PlanError([Problem(name, 1, 1, "not a regular file")])
        if status.st_size > max_bytes:
            raise PlanError([Problem(name, 1, 1, _too_large(max_bytes))])
        chunks, size = [], 0
        try:
            while size <= max_bytes and (chunk := handle.read(min(CHUNK, max_bytes + 1 - size))):
                chunks.append(chunk)
                size += len(chunk)
        except OSError as error:
            raise PlanError([Problem(name, 1, 1, f"cannot read: {error.strerror}")]) from None
    if size > max_bytes:  # it grew while it was read
        raise PlanError([Problem(name, 1, 1, _too_large(max_bytes))])
    return decode(b"".join(chunks), name)


def _too_large(max_bytes: int) -> str:
    limit = f"{max_bytes / 1_000_000:g} MB"
    return f"the file is larger than {limit}, the size limit (raise it with --max-size)"


def decode(raw: bytes, name: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            message = "the file starts like UTF-16 but is not valid UTF-16: save it as UTF-8"
            raise PlanError([Problem(name, 1, 1, message)]) from None
    if b"\x00" in raw:
        line, column = line_and_column(raw, raw.index(b"\x00"))
        message = "NUL byte: this is a binary file, or UTF-16 without a BOM, not a plan file"
        raise PlanError([Problem(name, line, column, message)])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = line_and_column(raw, error.start)
        raise PlanError([Problem(name, line, column, _not_utf8(raw, error.start))]) from None


def _not_utf8(raw: bytes, offset: int) -> str:
    """What to say of bytes that are not UTF-8. GBK/GB18030 is advised only when the file is
    not UTF-8 cut short (a UTF-8 file truncated mid-character is valid up to its last bytes)
    and reads as Chinese in GB18030."""
    if _truncated_utf8(raw, offset):
        return "the file ends in the middle of a UTF-8 character: it was cut short"
    try:
        as_gb = raw.decode("gb18030")
    except UnicodeDecodeError:
        as_gb = ""
    chinese = _CJK_RUN.search(as_gb)
    if chinese:
        sample = chinese.group()[:12]
        return (
            f"the file is not UTF-8: it looks like GBK/GB18030 (it would read {sample!r}); "
            "convert it to UTF-8, e.g. iconv -f GB18030 -t UTF-8 old.yaml > new.yaml, or save it "
            "as UTF-8 in your editor"
        )
    return f"the file is not UTF-8 (byte 0x{raw[offset]:02X}): save it as UTF-8"


def _truncated_utf8(raw: bytes, offset: int) -> bool:
    """The only bytes that are not UTF-8 are an incomplete character at the very end."""
    tail = raw[offset:]
    if len(tail) >= 4:
        return False
    try:
        tail.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.reason == "unexpected end of data"
    return False

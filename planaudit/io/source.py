"""Bytes on disk → text: the size limit and the encodings a plan file or a report may arrive in.

UTF-8 (with or without a BOM) and UTF-16 with a BOM are read. GB18030 (which covers GBK and
GB2312), still common from WPS and Excel on Windows in Chinese offices, is read when it is given
(`--encoding gb18030`) or when the bytes leave no doubt (`certainly_gb18030`), and the reader is
told which; a file that might be GB18030 but is not certain is refused with a message naming the
encoding and how to convert it: mojibake in a report is worse than a clear refusal.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from planaudit.core.errors import PlanError, Problem, line_and_column, os_reason, shown_path
from planaudit.lang import Message, quote, say

STDIN = Path("-")
"""`-` in place of a file: standard input, read like a file (the size limit and the encodings
apply) and named `<stdin>` (core.errors.shown_path). Where a command reads files, any one of
them may be `-`."""
MAX_BYTES = 10 * 1000 * 1000
"""10 MB: a plan of thousands of indicators is well under 1 MB."""
CHUNK = 1 << 20
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")


class Encoding(StrEnum):
    AUTO = "auto"
    """UTF-8 (a BOM accepted), UTF-16 with a BOM, GB18030 when certain."""
    UTF8 = "utf-8"
    """UTF-8 or UTF-16 with a BOM, never a guess."""
    GB18030 = "gb18030"


class Kind(StrEnum):
    """What the text should look like, for telling GB18030 with certainty."""

    PLAN = "plan"
    REPORT = "report"


@dataclass(frozen=True)
class Source:
    text: str
    detected: str | None = None
    """"GB18030" when the file was read so without being asked: the reader is told."""


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    return read_source(path, max_bytes).text


def read_source(
    path: Path,
    max_bytes: int = MAX_BYTES,
    encoding: Encoding = Encoding.AUTO,
    kind: Kind = Kind.PLAN,
) -> Source:
    """The file's text, or PlanError naming what is wrong with it.

    Only a regular file is read: it is opened without blocking and checked before a byte is
    read, so a FIFO (which would wait for a writer forever) or a device is refused. It is read in
    chunks, so a generous --max-size costs nothing until a file is that large. `-` is standard
    input."""
    name = shown_path(path)
    if path == STDIN:
        return decode(_read_stdin(name, max_bytes), name, encoding, kind)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise PlanError([Problem(name, 1, 1, _cannot_read(error))]) from None
    with os.fdopen(descriptor, "rb", buffering=0) as handle:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise PlanError([Problem(name, 1, 1, say("file.not_regular"))])
        if status.st_size > max_bytes:
            raise PlanError([Problem(name, 1, 1, _too_large(max_bytes))])
        raw = _read_chunks(handle, name, max_bytes)  # a file that grows as it is read
    return decode(raw, name, encoding, kind)


def _read_stdin(name: str, max_bytes: int) -> bytes:
    """Standard input's bytes: a pipe has no size to check first, so it is read up to one byte
    past the limit. (A terminal with nothing piped is refused before: cli.inputs.)"""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise PlanError([Problem(name, 1, 1, say("file.stdin_closed"))])
    return _read_chunks(stream, name, max_bytes)


def _read_chunks(handle: BinaryIO, name: str, max_bytes: int) -> bytes:
    """Up to `max_bytes` of `handle`, or PlanError when there are more."""
    chunks, size = [], 0
    try:
        while size <= max_bytes and (chunk := handle.read(min(CHUNK, max_bytes + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise PlanError([Problem(name, 1, 1, _cannot_read(error))]) from None
    if size > max_bytes:
        raise PlanError([Problem(name, 1, 1, _too_large(max_bytes))])
    return b"".join(chunks)


def _too_large(max_bytes: int) -> Message:
    return say("file.too_large", limit=f"{max_bytes / 1_000_000:g}")


def _cannot_read(error: OSError) -> Message:
    return say("file.cannot_read", why=os_reason(error))


def decode(
    raw: bytes, name: str, encoding: Encoding = Encoding.AUTO, kind: Kind = Kind.PLAN
) -> Source:
    if encoding is Encoding.GB18030:
        try:
            return Source(raw.decode("gb18030").removeprefix("\ufeff"))
        except UnicodeDecodeError as error:
            line, column = line_and_column(raw, error.start)
            message = say("file.not_gb18030", byte=f"{raw[error.start]:02X}")
            raise PlanError([Problem(name, line, column, message)]) from None
    return (
        Source(_decode_unicode(raw, name)) if _unicode(raw) else _guess(raw, name, encoding, kind)
    )


def _unicode(raw: bytes) -> bool:
    """UTF-16 with a BOM, or bytes that are valid UTF-8."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _guess(raw: bytes, name: str, encoding: Encoding, kind: Kind) -> Source:
    """Bytes that are not UTF-8: GB18030 when certain and allowed, else a located refusal."""
    if encoding is Encoding.AUTO and b"\x00" not in raw and certainly_gb18030(raw, kind):
        return Source(raw.decode("gb18030"), detected="GB18030")
    return Source(_decode_unicode(raw, name))  # raises, with the advice


_PLAN_KEY = re.compile(r"^(plan|indicators)\s*:", re.MULTILINE)


def certainly_gb18030(raw: bytes, kind: Kind) -> bool:
    """GB18030 beyond doubt: not UTF-8 (nor UTF-8 cut short), valid GB18030, and what it reads
    is Chinese as an office writes it — at least 8 non-ASCII characters, at least half of them
    Chinese characters and at least 95 in 100 in GB2312, the common characters and punctuation
    (Latin-1 or other text misread as GB18030 gives rare characters) — and, for a plan file, a
    top-level `plan:` or `indicators:` key."""
    try:
        raw.decode("utf-8")
        return False
    except UnicodeDecodeError as error:
        if _truncated_utf8(raw, error.start):
            return False
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    wide = [char for char in text if not char.isascii()]
    chinese = sum(1 for char in wide if "\u3400" <= char <= "\u9fff")
    common = sum(1 for char in wide if _in_gb2312(char))
    if len(wide) < 8 or chinese * 2 < len(wide) or common * 100 < len(wide) * 95:
        return False
    return kind is not Kind.PLAN or _PLAN_KEY.search(text) is not None


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _decode_unicode(raw: bytes, name: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            message = say("file.bad_utf16")
            raise PlanError([Problem(name, 1, 1, message)]) from None
    if b"\x00" in raw:
        line, column = line_and_column(raw, raw.index(b"\x00"))
        message = say("file.nul")
        raise PlanError([Problem(name, line, column, message)])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = line_and_column(raw, error.start)
        raise PlanError([Problem(name, line, column, _not_utf8(raw, error.start))]) from None


def _not_utf8(raw: bytes, offset: int) -> Message:
    """What to say of bytes that are not UTF-8. GBK/GB18030 is advised only when the file is
    not UTF-8 cut short (a UTF-8 file truncated mid-character is valid up to its last bytes)
    and reads as Chinese in GB18030."""
    if _truncated_utf8(raw, offset):
        return say("file.cut_short")
    try:
        as_gb = raw.decode("gb18030")
    except UnicodeDecodeError:
        as_gb = ""
    chinese = _CJK_RUN.search(as_gb)
    if chinese:
        sample = chinese.group()[:12]
        return say("file.gbk", sample=quote(sample))
    return say("file.not_utf8", byte=f"{raw[offset]:02X}")


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

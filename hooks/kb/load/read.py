"""Read the data file as text: only a regular file, at most `MAX_BYTES`, UTF-8 without BOM."""

from __future__ import annotations

import math
import stat
from pathlib import Path

from kb.errors import DataError, file_error

# Room for well over 10,000 bilingual records (about 3.7 KB each); a larger file is an accident.
MAX_BYTES = 64 * 1024 * 1024
NOT_UTF8 = "the file is not valid UTF-8 text here; save it with UTF-8 encoding"


def _too_large(size: int, file: str) -> DataError:
    shown = math.ceil(size / 1024 / 1024 * 10) / 10  # rounded up: never "64.0 MB" when over
    msg = f"the file is {shown:.1f} MB; the limit is {MAX_BYTES // 1024 // 1024} MB"
    return file_error(file, 1, 1, msg)


def decode(raw: bytes, file: str) -> tuple[str | None, list[DataError]]:
    """The text of the bytes `raw`, or why they are not a data file's text."""
    if len(raw) > MAX_BYTES:
        return None, [_too_large(len(raw), file)]
    if raw.startswith(b"\xef\xbb\xbf"):
        msg = "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"
        return None, [file_error(file, 1, 1, msg)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        col = len(raw[line_start : exc.start].decode("utf-8")) + 1  # characters, not bytes
        return None, [file_error(file, line, col, NOT_UTF8)]
    if not text.strip():
        return None, [file_error(file, 1, 1, "the file is empty")]
    return text, []


def read_text(path: Path, display: str) -> tuple[str | None, list[DataError]]:
    """The text of the file at `path`, or why it cannot be read as YAML text. Only a
    regular file is read (never a device such as /dev/zero or a named pipe), and never
    more than `MAX_BYTES` of it."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            msg = "this is not a regular file (a device, folder or pipe); use a text file"
            return None, [file_error(display, 1, 1, msg)]
        if info.st_size > MAX_BYTES:  # refuse before reading it into memory
            return None, [_too_large(info.st_size, display)]
        with path.open("rb") as handle:
            raw = handle.read(info.st_size + 1)  # + 1: a file that grew meanwhile
            if len(raw) > MAX_BYTES:
                return None, [_too_large(len(raw), display)]
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return None, [file_error(display, 1, 1, f"cannot read the file: {reason}")]
    return decode(raw, display)

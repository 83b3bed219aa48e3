"""Parse ``git log -z --raw`` output into records that commit data cannot forge.

Every header field is NUL-terminated (``%x00``) and read by position, and NUL is the one
byte a commit message or identity cannot hold, so a subject or author containing any
other byte (0x1E, newlines, ``:``, a hexadecimal string) stays inside its field. Each
header starts with the commit id; each raw entry starts with ``:`` (``::`` for a
merge's combined entry) and is followed by exactly one path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ictgov.errors import RevisionError

_OBJECT_ID = re.compile(rb"[0-9a-f]{40}(?:[0-9a-f]{24})?\Z")


class LogFormatError(RevisionError):
    """git's log output did not have the shape asked for (a git bug or a changed git)."""


def header_format(fields: tuple[str, ...]) -> str:
    """The ``--format`` for a commit id followed by *fields* (``%an`` ...), each NUL-ended."""
    return "--format=" + "".join(f"{f}%x00" for f in ("%H", *fields))


@dataclass(frozen=True, slots=True)
class RawEntry:
    """One ``--raw`` line: modes and blob ids of each parent side, then the result."""

    modes: tuple[str, ...]
    oids: tuple[str, ...]
    path: bytes

    @property
    def old_mode(self) -> str:
        """The mode before (in the first parent for a merge)."""
        return self.modes[0]

    @property
    def new_mode(self) -> str:
        """The mode after."""
        return self.modes[-1]

    @property
    def old(self) -> str:
        """The blob before (in the first parent for a merge)."""
        return self.oids[0]

    @property
    def new(self) -> str:
        """The blob after."""
        return self.oids[-1]


@dataclass(frozen=True, slots=True)
class LogRecord:
    """One commit: its id, the header fields asked for, and its raw entries."""

    sha: str
    fields: tuple[str, ...]
    entries: tuple[RawEntry, ...]


def parse_raw_meta(meta: bytes) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Modes and object ids of ``:m m o o S`` or a merge's ``::m m m o o o SS``."""
    text = meta.decode("ascii", "replace")
    colons = len(text) - len(text.lstrip(":"))
    parts = text[colons:].split(" ")
    sides = colons + 1
    if len(parts) < 2 * sides:
        raise LogFormatError(f"git log: unexpected raw entry {text[:80]!r}")
    return tuple(parts[:sides]), tuple(parts[sides : 2 * sides])


def parse_log(raw: bytes, field_count: int) -> Iterator[LogRecord]:
    """Records of *raw*, made with ``header_format`` of *field_count* fields, ``-z --raw``."""
    tokens = raw.split(b"\0")
    i, n = 0, len(tokens)
    sha: str | None = None
    fields: tuple[str, ...] = ()
    entries: list[RawEntry] = []
    while i < n:
        token = tokens[i].lstrip(b"\n")
        if not token:
            i += 1
        elif token.startswith(b":"):
            if sha is None or i + 1 >= n:
                raise LogFormatError("git log: a changed file without its commit")
            modes, oids = parse_raw_meta(token)
            entries.append(RawEntry(modes, oids, tokens[i + 1]))
            i += 2
        elif _OBJECT_ID.match(token):
            if sha is not None:
                yield LogRecord(sha, fields, tuple(entries))
            if i + field_count >= n:
                raise LogFormatError("git log: a commit with fewer fields than asked for")
            sha = token.decode("ascii")
            fields = tuple(
                t.decode("utf-8", "replace") for t in tokens[i + 1 : i + 1 + field_count]
            )
            entries = []
            i += 1 + field_count
        else:
            raise LogFormatError(f"git log: unexpected output {token[:80]!r}")
    if sha is not None:
        yield LogRecord(sha, fields, tuple(entries))

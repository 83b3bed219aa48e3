"""A parsed file as plain JSON for the parse cache: its YAML data, findings, suppressions.

JSON, not pickle: reading a cache file can only ever give back data, never run
code. YAML 1.2 core-schema data is already JSON's kinds of value (strings,
numbers, booleans, null, lists, maps; ``.inf`` and ``.nan`` as Python's json
writes them) except for mapping keys that are not strings (``1: x``), which JSON
would silently turn into strings: such a mapping is written as a list of pairs
under the one key ``PAIRS``, and only the entries that hold such a mapping are
encoded and decoded value by value.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from ictgov.diagnostics import Diagnostic
from ictgov.load.document import parse_document

#: The key of a mapping written as pairs (also used when a real key is this string).
PAIRS = "\0pairs"


@dataclass(frozen=True, slots=True)
class Parsed:
    """What parsing one file gave, before validation (the cached part of loading)."""

    #: True when the data is ready to validate (no syntax error, not empty ...).
    ready: bool
    data: Any
    problems: tuple[Diagnostic, ...]
    suppressions: dict[int, frozenset[str]]


def content_key(path: str, raw: bytes) -> str:
    """What a parsed file depends on: its path (its kind) and its bytes."""
    h = hashlib.blake2b(digest_size=20)
    h.update(path.encode("utf-8", "surrogateescape") + b"\0")  # names need not be UTF-8
    h.update(raw)
    return h.hexdigest()


def parse(path: str, raw: bytes, max_bytes: int) -> Parsed:
    """Parse (not validate) one file, without positions."""
    doc, ready = parse_document(path, raw, max_bytes=max_bytes, positions=False)
    return Parsed(ready, doc.data, tuple(doc.diagnostics), doc.suppressions)


def _has_odd_keys(value: Any) -> bool:
    """Whether a mapping somewhere in *value* has a key JSON cannot keep (rare)."""
    if type(value) is dict:
        for key, item in value.items():
            if type(key) is not str or key == PAIRS:
                return True
            if type(item) in (dict, list) and _has_odd_keys(item):
                return True
    elif type(value) is list:
        return any(type(item) in (dict, list) and _has_odd_keys(item) for item in value)
    return False


def encode_data(value: Any) -> Any:
    """YAML data -> JSON-ready data (mappings with other keys than strings as pairs)."""
    if isinstance(value, dict):
        if all(type(k) is str and k != PAIRS for k in value):
            return {k: encode_data(v) for k, v in value.items()}
        return {PAIRS: [[encode_data(k), encode_data(v)] for k, v in value.items()]}
    if isinstance(value, list):
        return [encode_data(v) for v in value]
    return value


def decode_data(value: Any) -> Any:
    """The inverse of ``encode_data``."""
    if isinstance(value, dict):
        if len(value) == 1 and PAIRS in value:
            return {_hashable(decode_data(k)): decode_data(v) for k, v in value[PAIRS]}
        return {k: decode_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode_data(v) for v in value]
    return value


def _hashable(key: Any) -> Any:
    # A key was hashable when it was parsed; JSON gives back lists for tuples.
    return tuple(_hashable(k) for k in key) if isinstance(key, list) else key


def to_json(parsed: Parsed) -> list[Any]:
    """One cache entry: ``[ready, data, problems, suppressions, encoded]``.

    Data is encoded only when it needs to be (``encoded`` says so), so that most
    entries are read back by the json module alone, with no Python per value.
    """
    encoded = _has_odd_keys(parsed.data)
    return [
        parsed.ready,
        encode_data(parsed.data) if encoded else parsed.data,
        [d.as_dict() for d in parsed.problems],
        [[line, sorted(codes)] for line, codes in parsed.suppressions.items()],
        encoded,
    ]


def from_json(entry: Any) -> Parsed | None:
    """A cache entry read back; None when it is not one."""
    try:
        ready, data, problems, suppressions, encoded = entry
        return Parsed(
            bool(ready),
            decode_data(data) if encoded else data,
            tuple(Diagnostic.from_dict(p) for p in problems),
            {int(line): frozenset(codes) for line, codes in suppressions},
        )
    except (TypeError, ValueError, KeyError):
        return None

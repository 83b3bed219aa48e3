"""One file: bytes -> text -> YAML data with positions -> validated model.

``load_document`` is a pure function of (path, bytes): the basis of the parse cache
and of reading blobs from git, where unchanged blobs need not be parsed again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from ictgov.diagnostics import (
    FILE_EMPTY,
    FILE_ENCODING,
    FILE_TOO_LARGE,
    FILE_UNKNOWN,
    YAML_ALIASES,
    YAML_DUPLICATE_KEY,
    YAML_SYNTAX,
    Diagnostic,
)
from ictgov.i18n import N_
from ictgov.load.errors import validation_diagnostics
from ictgov.load.source import DATA_DIR
from ictgov.load.sourcemap import SourceMap
from ictgov.load.yaml12 import parse_yaml
from ictgov.model.base import StrictModel
from ictgov.model.files import FileKind, expected_locations, kind_for

#: Larger files are refused unreadable: nobody writes a 5 MB measure by hand.
DEFAULT_MAX_BYTES = 5_000_000

_SUPPRESS = re.compile(r"#\s*ictgov:\s*(disable|disable-file)\s*=\s*([A-Za-z0-9_.,\- ]+)")
_YAML_PROBLEM_CODES = {
    "syntax": YAML_SYNTAX,
    "duplicate-key": YAML_DUPLICATE_KEY,
    "aliases": YAML_ALIASES,
}


@dataclass
class Document:
    """A loaded file, valid or not. ``model`` is None when the file did not validate."""

    path: str
    kind: FileKind | None
    data: Any = None
    source_map: SourceMap = field(default_factory=SourceMap)
    model: StrictModel | None = None
    #: Valid items of a list file (goals, bodies ...) even when a sibling item is invalid.
    items: list[BaseModel] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: line -> codes or names disabled there; line 0 holds file-wide suppressions.
    suppressions: dict[int, frozenset[str]] = field(default_factory=dict)
    text: str = ""


def data_relpath(path: str) -> str:
    """``data/measures/x.yaml`` -> ``measures/x.yaml``."""
    prefix = DATA_DIR + "/"
    return path[len(prefix) :] if path.startswith(prefix) else path


def find_suppressions(text: str) -> dict[int, frozenset[str]]:
    """Lines carrying ``# ictgov: disable=CODE[,CODE]`` (or ``disable-file=``)."""
    if "ictgov:" not in text:
        return {}
    out: dict[int, set[str]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _SUPPRESS.search(line)
        if match:
            target = 0 if match.group(1) == "disable-file" else number
            codes = {c.strip() for c in match.group(2).split(",") if c.strip()}
            out.setdefault(target, set()).update(codes)
    return {line: frozenset(codes) for line, codes in out.items()}


def decode(path: str, raw: bytes) -> tuple[str | None, Diagnostic | None]:
    """UTF-8 text of a file (a BOM is allowed), or a diagnostic at the first bad byte."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, FILE_ENCODING.at(
            N_(
                "byte 0x{byte} is not UTF-8; save the file as UTF-8 (in Excel or Notepad: "
                "'Save as' -> encoding UTF-8)"
            ),
            path,
            line,
            column,
            args={"byte": f"{raw[exc.start]:02x}"},
        )
    return text, None


def load_document(path: str, raw: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Parse and validate one file. Never raises for bad input."""
    doc, valid_yaml = parse_document(path, raw, max_bytes=max_bytes)
    if valid_yaml:
        validate_document(doc)
    return doc


def parse_document(
    path: str, raw: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES, positions: bool = True
) -> tuple[Document, bool]:
    """Read one file up to its YAML data; True when that data is ready for validation.

    Split from validation so that the parse cache can keep parsed data and redo
    only the (cheaper) validation.
    """
    kind = kind_for(data_relpath(path))
    doc = Document(path=path, kind=kind)
    if kind is None:
        doc.diagnostics.append(
            FILE_UNKNOWN.at(
                N_("ictgov does not know what this file holds; files live at {places}"),
                path,
                args={"places": expected_locations()},
            )
        )
        return doc, False
    if len(raw) > max_bytes:
        doc.diagnostics.append(
            FILE_TOO_LARGE.at(
                N_(
                    "the file is {size} bytes, over the limit of {limit}; split it, or raise "
                    "max_file_bytes in [tool.ictgov] if it really must be this large"
                ),
                path,
                args={"size": len(raw), "limit": max_bytes},
            )
        )
        return doc, False
    text, problem = decode(path, raw)
    if problem is not None or text is None:
        doc.diagnostics.append(problem or FILE_ENCODING.at(N_("unreadable text"), path))
        return doc, False
    doc.text = text
    doc.suppressions = find_suppressions(text)
    parsed = parse_yaml(text, positions=positions)
    doc.data, doc.source_map = parsed.data, parsed.source_map
    for prob in parsed.problems:
        code = _YAML_PROBLEM_CODES[prob.kind]
        doc.diagnostics.append(code.at(prob.message, path, prob.line, prob.column, args=prob.args))
    if any(p.kind != "duplicate-key" for p in parsed.problems):
        return doc, False
    if parsed.data is None:
        doc.diagnostics.append(
            FILE_EMPTY.at(
                N_("the file holds no data; write the data here, or delete the file"), path
            )
        )
        return doc, False
    return doc, True


def validate_document(doc: Document) -> None:
    """Validate a parsed document's data into its model (and items), adding diagnostics."""
    if doc.kind is not None:
        _validate(doc, doc.kind)


def _validate(doc: Document, kind: FileKind) -> None:
    data = doc.data
    if kind.list_key and isinstance(data, dict) and isinstance(data.get(kind.list_key), list):
        # Validate items one by one: one bad goal must not hide the valid ones.
        item_model = get_args(kind.model.model_fields[kind.list_key].annotation)[0]
        items = data[kind.list_key]
        wrapper = {**data, kind.list_key: []}
        try:
            doc.model = kind.model.model_validate(wrapper)
        except ValidationError as exc:
            doc.diagnostics.extend(
                validation_diagnostics(exc, kind.model, doc.path, doc.source_map)
            )
        for index, item in enumerate(items):
            try:
                doc.items.append(item_model.model_validate(item))
                _set_source(doc.items[-1], doc.path, (kind.list_key, index))
            except ValidationError as exc:
                doc.diagnostics.extend(
                    validation_diagnostics(
                        exc, item_model, doc.path, doc.source_map, (kind.list_key, index)
                    )
                )
        if doc.model is not None:
            setattr(doc.model, kind.list_key, list(doc.items))
        return
    try:
        doc.model = kind.model.model_validate(data)
    except ValidationError as exc:
        doc.diagnostics.extend(validation_diagnostics(exc, kind.model, doc.path, doc.source_map))
        return
    _set_source(doc.model, doc.path, ())
    for index, promise in enumerate(getattr(doc.model, "value_promises", None) or []):
        _set_source(promise, doc.path, ("value_promises", index))


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where an entity lives: its file and its path inside the file's data."""

    file: str
    base: tuple[str | int, ...]


def _set_source(model: BaseModel, file: str, base: tuple[str | int, ...]) -> None:
    if hasattr(model, "_source"):
        model._source = SourceRef(file, base)

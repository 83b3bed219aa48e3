"""``ictgov lint --fix``: the safe fixes, applied without touching anything else in the file.

A safe fix has exactly one right answer: a Finnish or Swedish word for an enum value
(``status: käynnissä`` -> ``in_progress``) or a boolean (``done: kyllä`` -> ``true``), a
Finnish date (``26.4.2019`` -> ``2019-04-26``), a code written as a number (``code: 1.10``,
which YAML reads as 1.1) quoted from its source text (``"1.10"``), and a Finnish or Swedish
key name (``tila:`` -> ``status:``). Each fix replaces one scalar token where the source map
says it is, so comments, quoting and layout elsewhere stay as they were. A file is
written only if it still parses afterwards and has fewer errors than before; a file that
does not parse is left alone, and the report says why.
"""

from __future__ import annotations

import difflib
import enum
import re
import types
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from ictgov.diagnostics import Diagnostic
from ictgov.edit.atomic import Snapshot, atomic_write
from ictgov.edit.words import BOOLEANS, KEYS, VALUES
from ictgov.load import Document, load_document
from ictgov.load.source import FsSource
from ictgov.model.files import kind_for

_FINNISH_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
#: Text fields people write as numbers: YAML would read ``1.10`` as 1.1.
_WRITTEN_AS_TEXT = frozenset({"code", "municipality_code", "business_id", "record_number", "time"})
_PARSE_CODES = frozenset({"YM01", "YM02", "YM03", "YM04", "YM05", "YM06", "YM07", "YM08", "YM09"})


@dataclass(frozen=True)
class Fix:
    """One token to replace: where, what was there, what goes there, and why."""

    line: int
    column: int
    old: str
    new: str
    what: str


@dataclass
class FileFixes:
    """The fixes of one file and what became of them."""

    path: str
    fixes: list[Fix]
    before: str
    after: str
    written: bool = False
    skipped: str | None = None

    def diff(self) -> str:
        """A unified diff of the change, for ``--fix --diff``."""
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True),
            self.after.splitlines(keepends=True),
            f"a/{self.path}",
            f"b/{self.path}",
        )
        return "".join(lines)


@dataclass
class FixReport:
    """Every file that had something to fix."""

    files: list[FileFixes] = field(default_factory=list)

    @property
    def fixed(self) -> int:
        """How many fixes were applied (or, without writing, would be)."""
        return sum(len(f.fixes) for f in self.files if f.skipped is None)


def fix_tree(root: Path, *, write: bool, max_bytes: int = 5_000_000) -> FixReport:
    """Find and (with *write*) apply the safe fixes in every data file under *root*."""
    report = FixReport()
    for rel in FsSource(root).list_files():
        kind = kind_for(rel.removeprefix("data/"))
        if kind is None:
            continue
        path = root / rel
        try:
            snapshot = Snapshot.read(path)
        except OSError:
            continue
        doc = load_document(rel, snapshot.raw, max_bytes=max_bytes)
        if _unparseable(doc.diagnostics):
            if any(d.severity == "error" for d in doc.diagnostics):
                report.files.append(
                    FileFixes(rel, [], doc.text, doc.text, skipped="it does not parse as YAML")
                )
            continue
        fixes = plan_fixes(doc, kind.model)
        if not fixes:
            continue
        after = apply_fixes(doc.text, fixes)
        result = FileFixes(rel, fixes, doc.text, after)
        report.files.append(result)
        new_doc = load_document(rel, after.encode("utf-8"), max_bytes=max_bytes)
        if _unparseable(new_doc.diagnostics) or _errors(new_doc) >= _errors(doc):
            result.skipped = "the fixes would not make it better, so it was left as it was"
            continue
        if write:
            atomic_write(path, _encoded(after, snapshot.raw), snapshot)
            result.written = True
    return report


def _unparseable(diagnostics: list[Diagnostic]) -> bool:
    return any(d.code in _PARSE_CODES and d.severity == "error" for d in diagnostics)


def _errors(doc: Document) -> int:
    return sum(1 for d in doc.diagnostics if d.severity == "error")


def _encoded(text: str, original: bytes) -> bytes:
    """UTF-8, keeping a byte order mark the file had."""
    bom = b"\xef\xbb\xbf" if original.startswith(b"\xef\xbb\xbf") else b""
    return bom + text.encode("utf-8")


def plan_fixes(doc: Document, model: type[BaseModel]) -> list[Fix]:
    """The safe fixes of one parsed document, walking its data along its model."""
    fixes: list[Fix] = []
    _walk_model(doc, model, doc.data, (), fixes)
    return fixes


def _walk_model(
    doc: Document, model: type[BaseModel], data: Any, path: tuple[Any, ...], out: list[Fix]
) -> None:
    if not isinstance(data, dict):
        return
    fields = model.model_fields
    for key, value in data.items():
        name = key
        if isinstance(key, str) and key not in fields:
            target = KEYS.get(key.strip().lower())
            if target in fields and target not in data:
                line, column = doc.source_map.key_at((*path, key))
                out.append(Fix(line, column, key, target, f"key {key!r} -> {target!r}"))
                name = target
            else:
                continue
        annotation = fields[name].annotation if name in fields else None
        _walk_value(doc, name, annotation, value, (*path, key), out)


def _walk_value(
    doc: Document, name: str, annotation: Any, value: Any, path: tuple[Any, ...], out: list[Fix]
) -> None:
    options = _flatten(annotation)
    models = [t for t in options if isinstance(t, type) and issubclass(t, BaseModel)]
    lists = [t for t in options if get_origin(t) is list]
    if isinstance(value, dict) and models:
        _walk_model(doc, models[0], value, path, out)
        return
    if isinstance(value, list) and lists:
        (inner,) = get_args(lists[0]) or (Any,)
        for index, item in enumerate(value):
            _walk_value(doc, name, inner, item, (*path, index), out)
        return
    fix = _scalar_fix(doc, name, options, value, path)
    if fix is not None:
        out.append(fix)


def _flatten(annotation: Any) -> list[Any]:
    """The types a field accepts: unions and Annotated unwrapped, None dropped."""
    if get_origin(annotation) is Annotated:
        return _flatten(get_args(annotation)[0])
    if get_origin(annotation) in (Union, types.UnionType):
        return [t for arg in get_args(annotation) for t in _flatten(arg)]
    return [] if annotation is type(None) else [annotation]


def _scalar_fix(
    doc: Document, name: str, options: list[Any], value: Any, path: tuple[Any, ...]
) -> Fix | None:
    line, column = doc.source_map.value_at(path)
    raw = _token(doc.text, line, column)
    if raw is None:
        return None
    enums = [t for t in options if isinstance(t, type) and issubclass(t, enum.Enum)]
    if enums and isinstance(value, str):
        allowed = {str(member.value) for member in enums[0]}
        word = VALUES.get(name, {}).get(" ".join(value.lower().split()))
        if value not in allowed and word in allowed:
            return Fix(line, column, raw, word, f"{name}: {value!r} -> {word}")
        return None
    if bool in options and isinstance(value, str):
        truth = BOOLEANS.get(value.strip().lower())
        if truth is not None:
            new = "true" if truth else "false"
            return Fix(line, column, raw, new, f"{name}: {value!r} -> {new}")
        return None
    if date in options and isinstance(value, str):
        match = _FINNISH_DATE.match(value)
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                iso = date(year, month, day).isoformat()
            except ValueError:
                return None
            return Fix(line, column, raw, iso, f"{name}: {value!r} -> {iso}")
        return None
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    if str in options and numeric and name in _WRITTEN_AS_TEXT:
        quoted = '"' + raw.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return Fix(line, column, raw, quoted, f"{name}: {raw} -> {quoted} (kept as written)")
    return None


def _token(text: str, line: int, column: int) -> str | None:
    """The scalar token that starts at 1-based *line*, *column*, as written in the file."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    rest = lines[line - 1][column - 1 :]
    if not rest or rest[0] in "|>&*!{[":
        return None  # block scalars, anchors, tags and flow collections are not touched
    if rest[0] in "\"'":
        end = rest.find(rest[0], 1)
        return rest[: end + 1] if end > 0 else None
    match = re.match(r"[^#,\]}]*?(?=\s+#|\s*[,\]}]|\s*$)", rest)
    return match.group(0) if match and match.group(0) else None


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """*text* with each fix's token replaced, from the end so positions stay right."""
    lines = text.splitlines(keepends=True)
    for fix in sorted(fixes, key=lambda f: (f.line, f.column), reverse=True):
        current = lines[fix.line - 1]
        start = fix.column - 1
        if current[start : start + len(fix.old)] != fix.old:
            continue  # the source map and the text disagree: leave it
        lines[fix.line - 1] = current[:start] + fix.new + current[start + len(fix.old) :]
    return "".join(lines)

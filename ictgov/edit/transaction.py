"""One edit of one file, from the bytes read to the bytes written.

``prepare`` reads the file once (that snapshot is what the write is checked
against), refuses a file that does not parse or validate, lets a planner decide
the operations, has an engine write them and validates the result with the same
loader every other command uses. ``commit`` writes prepared edits atomically.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ictgov.config import Config
from ictgov.diagnostics import YAML_ALIASES, YAML_DUPLICATE_KEY, YAML_SYNTAX, Diagnostic
from ictgov.edit.atomic import Snapshot, atomic_write, atomic_write_many
from ictgov.edit.checks import errors_of, format_diagnostic, new_errors
from ictgov.edit.engine import TextFormat, UnparseableFileError, decode, edit_text, encode
from ictgov.edit.measure import Plan
from ictgov.errors import IctgovError, InvalidEditError, UnsafePathError
from ictgov.i18n.speak import _
from ictgov.load import Document, load_document
from ictgov.load.document import data_relpath, find_suppressions, validate_document
from ictgov.load.yaml12 import ParsedYaml
from ictgov.model.files import kind_for

_PARSE_CODES = {YAML_SYNTAX.code, YAML_DUPLICATE_KEY.code, YAML_ALIASES.code, "YM03"}


class RefusedEditError(InvalidEditError):
    """An edit would add errors; carries them for reports."""

    def __init__(self, message: str, diagnostics: list[Diagnostic]) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics


def _listing(diagnostics: Iterable[Diagnostic]) -> str:
    return "\n".join("  " + format_diagnostic(d) for d in diagnostics)


@dataclass
class FileEdit:
    """A prepared edit: the snapshot it is based on, old and new text, what changes."""

    path: Path
    relpath: str
    snapshot: Snapshot
    fmt: TextFormat
    old_text: str
    new_text: str
    engine: str
    changes: list[str] = field(default_factory=list)
    old_doc: Document | None = None
    new_doc: Document | None = None

    @property
    def changed(self) -> bool:
        """Whether the file's text changes at all."""
        return self.new_text != self.old_text

    @property
    def new_raw(self) -> bytes:
        """The bytes to write, in the file's own encoding details."""
        return encode(self.new_text, self.fmt)

    def diff(self) -> str:
        """A unified diff of the edit, as ``git diff`` would show it."""
        return "".join(
            difflib.unified_diff(
                self.old_text.splitlines(keepends=True),
                self.new_text.splitlines(keepends=True),
                fromfile=f"a/{self.relpath}",
                tofile=f"b/{self.relpath}",
            )
        )


def repository_path(root: Path, path: Path) -> str:
    """*path* relative to the repository, a symlink under its own name (not its target's).

    Refuses a file whose target lies outside the repository: editing it would write there.
    """
    real_root = root.resolve()
    if not path.resolve().is_relative_to(real_root):
        raise UnsafePathError(
            _(
                "{path} leads outside the repository (to {target}); ictgov edits only "
                "files inside it"
            ).format(path=path, target=path.resolve())
        )
    return (path.parent.resolve() / path.name).relative_to(real_root).as_posix()


def read_document(root: Path, path: Path, max_bytes: int) -> tuple[Snapshot, Document]:
    """Read a file once and load it; refuse a file that does not parse or validate."""
    relpath = repository_path(root, path)
    try:
        snapshot = Snapshot.read(path)
    except OSError as exc:
        raise IctgovError(
            _("{file}: cannot read the file ({problem})").format(
                file=relpath, problem=exc.strerror or exc
            )
        ) from None
    doc = load_document(relpath, snapshot.raw, max_bytes=max_bytes)
    errors = errors_of(doc.diagnostics)
    if any(d.code in _PARSE_CODES for d in errors):
        raise UnparseableFileError(
            _("{file} cannot be read, so ictgov will not rewrite it; fix it first:").format(
                file=relpath
            )
            + "\n"
            + _listing(errors)
        )
    if errors:
        raise RefusedEditError(
            _("{file} has errors; fix them first (ictgov lint shows them):").format(file=relpath)
            + "\n"
            + _listing(errors),
            errors,
        )
    return snapshot, doc


def _reuse(path: Path, root: Path, doc: Document, max_bytes: int) -> tuple[Snapshot, Document]:
    """The snapshot of *path*, and *doc* if it was loaded from exactly these bytes."""
    try:
        snapshot = Snapshot.read(path)
    except OSError as exc:
        raise IctgovError(
            _("{file}: cannot read the file ({problem})").format(
                file=doc.path, problem=exc.strerror or exc
            )
        ) from None
    try:
        same = snapshot.raw.decode("utf-8-sig") == doc.text and not errors_of(doc.diagnostics)
    except UnicodeDecodeError:
        same = False
    if same and doc.model is not None:
        return snapshot, doc
    return read_document(root, path, max_bytes)


def _validated(
    relpath: str, text: str, raw: bytes, parsed: ParsedYaml | None, max_bytes: int
) -> Document:
    """The edited content as a Document, reusing the engine's parse of it."""
    if parsed is None or len(raw) > max_bytes or parsed.problems:
        return load_document(relpath, raw, max_bytes=max_bytes)
    doc = Document(path=relpath, kind=kind_for(data_relpath(relpath)), text=text)
    doc.data, doc.source_map = parsed.data, parsed.source_map
    doc.suppressions = find_suppressions(text)
    validate_document(doc)
    return doc


def prepare(
    root: Path,
    path: Path,
    planner: Callable[[Document], Plan],
    *,
    max_bytes: int = 5_000_000,
    loaded: Document | None = None,
) -> FileEdit:
    """Plan and apply an edit in memory; validate the new content with the model.

    *loaded* is the file's document from a tree loaded earlier: it is used if the
    file still holds the same bytes, which saves parsing it again.
    """
    if loaded is not None:
        snapshot, doc = _reuse(path, root, loaded, max_bytes)
    else:
        snapshot, doc = read_document(root, path, max_bytes)
    text, fmt = decode(snapshot.raw)
    plan = planner(doc)
    edited = edit_text(text, plan.ops, data=doc.data)
    # A measure file may be a symlink inside the repository: write its target, so the
    # link stays a link (os.replace on the link itself would turn it into a file).
    edit = FileEdit(
        path.resolve(), doc.path, snapshot, fmt, text, edited.text, edited.engine, plan.changes, doc
    )
    if edit.changed:
        edit.new_doc = _validated(doc.path, edit.new_text, edit.new_raw, edited.parsed, max_bytes)
        errors = errors_of(edit.new_doc.diagnostics)
        if errors:
            raise RefusedEditError(
                _("the change would make {file} invalid, so nothing was written:").format(
                    file=doc.path
                )
                + "\n"
                + _listing(errors),
                errors,
            )
    else:
        edit.new_doc = doc
    return edit


def lint_refusals(
    root: Path,
    config: Config,
    today: date,
    edits: Iterable[FileEdit],
    loaded: Mapping[str, Document] | None = None,
) -> dict[str, list[Diagnostic]]:
    """Errors lint would report that the edits add, by file (*loaded*: documents read already)."""
    changed = [e for e in edits if e.changed and e.old_doc is not None and e.new_doc is not None]
    if not changed:
        return {}
    old = {e.relpath: e.old_doc for e in changed if e.old_doc is not None}
    new = {e.relpath: e.new_doc for e in changed if e.new_doc is not None}
    return new_errors(root, config, today, old, new, loaded)


def check_lint(root: Path, config: Config, today: date, edits: Iterable[FileEdit]) -> None:
    """Raise RefusedEditError listing the errors if the edits would add any."""
    refusals = lint_refusals(root, config, today, edits)
    if refusals:
        found = [d for ds in refusals.values() for d in ds]
        raise RefusedEditError(
            _("refused: lint would report an error after this change, so nothing was written:")
            + "\n"
            + _listing(found),
            found,
        )


def commit(edits: Iterable[FileEdit]) -> list[str]:
    """Write every changed edit, each file atomically; return the files written."""
    changed = [e for e in edits if e.changed]
    if len(changed) == 1:
        atomic_write(changed[0].path, changed[0].new_raw, changed[0].snapshot)
    elif changed:
        atomic_write_many([(e.path, e.new_raw, e.snapshot) for e in changed])
    return [e.relpath for e in changed]

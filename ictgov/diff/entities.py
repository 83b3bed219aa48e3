"""The entities of loaded documents as plain data, ready to be matched by id.

A diff works on what each entity *means*: its validated model dumped to JSON data,
defaults left out, so writing ``status: planned`` where it was implicit is no change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ictgov.i18n import N_
from ictgov.load import Document

#: Entity kinds in report order, named by the plural the data uses.
KINDS: tuple[str, ...] = (
    "strategy",
    "goals",
    "organisations",
    "bodies",
    "roles",
    "projects",
    "stakeholder_groups",
    "categories",
    "measures",
    "meetings",
    "rounds",
)
SINGULAR = {
    "strategy": N_("strategy"),
    "goals": N_("goal"),
    "organisations": N_("organisation"),
    "bodies": N_("body"),
    "roles": N_("role"),
    "projects": N_("project"),
    "stakeholder_groups": N_("stakeholder group"),
    "categories": N_("category"),
    "measures": N_("measure"),
    "meetings": N_("meeting"),
    "rounds": N_("reporting round"),
}
_FILE_KIND = {
    "strategy": "strategy",
    "goals": "goals",
    "organisations": "organisations",
    "bodies": "bodies",
    "roles": "roles",
    "projects": "projects",
    "stakeholders": "stakeholder_groups",
    "categories": "categories",
    "measure": "measures",
    "meeting": "meetings",
    "round": "rounds",
}

TreeData = dict[str, dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Entry:
    """One entity of one version: where it is, its model and its data."""

    kind: str
    id: str
    file: str
    model: BaseModel
    data: dict[str, Any]


def dump(model: BaseModel) -> dict[str, Any]:
    """The entity as plain JSON data, without the values that are just defaults."""
    return model.model_dump(mode="json", exclude_defaults=True)


def entity_kind(doc: Document) -> str | None:
    """The entity kind a document holds (``measures`` ...), or None for unknown files."""
    return _FILE_KIND.get(doc.kind.name) if doc.kind is not None else None


def entries_of(doc: Document) -> list[Entry]:
    """The valid entities of one document."""
    kind = entity_kind(doc)
    if kind is None or doc.kind is None:
        return []
    models: list[BaseModel] = (
        list(doc.items) if doc.kind.list_key else ([doc.model] if doc.model is not None else [])
    )
    return [Entry(kind, str(getattr(m, "id", "")), doc.path, m, dump(m)) for m in models]


def entity_ids(doc: Document) -> set[str]:
    """Ids of the valid entities of one document (cheaper than ``entries_of``)."""
    if doc.kind is None:
        return set()
    models = list(doc.items) if doc.kind.list_key else [doc.model] if doc.model else []
    return {str(getattr(m, "id", "")) for m in models}


def unreadable_ids(doc: Document) -> set[tuple[str, str]]:
    """(kind, id) of entities the file declares but that did not validate."""
    kind = entity_kind(doc)
    if kind is None or doc.kind is None or not isinstance(doc.data, dict):
        return set()
    if doc.kind.list_key:
        valid = {getattr(i, "id", None) for i in doc.items}
        raw = doc.data.get(doc.kind.list_key)
        items = raw if isinstance(raw, list) else []
        return {
            (kind, i["id"])
            for i in items
            if isinstance(i, dict) and isinstance(i.get("id"), str) and i["id"] not in valid
        }
    if doc.model is None and isinstance(doc.data.get("id"), str):
        return {(kind, doc.data["id"])}
    return set()


def index(documents: Iterable[Document]) -> dict[tuple[str, str], Entry]:
    """Entities by (kind, id); the first file in path order wins a duplicated id."""
    out: dict[tuple[str, str], Entry] = {}
    for doc in sorted(documents, key=lambda d: d.path):
        for entry in entries_of(doc):
            out.setdefault((entry.kind, entry.id), entry)
    return out


def snapshot(documents: Iterable[Document]) -> TreeData:
    """All entities as ``{kind: {id: data}}``: the plain data a diff is exact about."""
    out: TreeData = {kind: {} for kind in KINDS}
    for (kind, entity_id), entry in index(documents).items():
        out[kind][entity_id] = entry.data
    return out


def text_of(value: Any, lang: str = "fi") -> str:
    """A ``Text`` in the reader's language, falling back to any language given."""
    if isinstance(value, dict):
        for key in (lang, "fi", "en", "sv"):
            if isinstance(value.get(key), str):
                return str(value[key])
        return next((str(v) for v in value.values()), "")
    return "" if value is None else str(value)

"""A whole strategy tree: every entity, validated, with where it came from.

Checks and views read a ``Tree``; they never open files. Invalid files contribute
their diagnostics and whatever items did validate, so one typo does not hide the
rest of the strategy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ictgov.diagnostics import FILE_UNREADABLE, NO_DATA, Diagnostic
from ictgov.i18n import N_
from ictgov.load.document import DEFAULT_MAX_BYTES, Document, SourceRef, load_document
from ictgov.load.explain import entity_names, suggest_ids
from ictgov.load.source import TreeSource
from ictgov.load.sourcemap import DataPath, format_path
from ictgov.model import (
    Body,
    Category,
    Entity,
    Goal,
    MajorProject,
    Measure,
    Meeting,
    Organisation,
    Role,
    Round,
    StakeholderGroup,
    Strategy,
)
from ictgov.model.files import (
    BODIES,
    CATEGORIES,
    GOALS,
    MEASURE,
    MEETING,
    ORGANISATIONS,
    PROJECTS,
    ROLES,
    ROUND,
    STAKEHOLDERS,
    STRATEGY,
)


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file, for a diagnostic or an editor link."""

    file: str
    line: int
    column: int
    path: str


@dataclass
class Tree:
    """One version of the strategy: entities by kind, the documents, load diagnostics."""

    label: str = "working tree"
    strategy: Strategy | None = None
    goals: list[Goal] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)
    #: Posts with duties that are not bodies (``data/strategy/roles.yaml``).
    roles: list[Role] = field(default_factory=list)
    projects: list[MajorProject] = field(default_factory=list)
    stakeholder_groups: list[StakeholderGroup] = field(default_factory=list)
    #: Categories measures may belong to (``data/strategy/categories.yaml``), as written.
    categories: list[Category] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    #: Reporting rounds: records of the follow-up itself, not items of the strategy.
    rounds: list[Round] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Ids declared in files that did not validate: references to them are not "dangling".
    unvalidated_ids: set[str] = field(default_factory=set)

    def entities(self) -> Iterator[Entity]:
        """Every entity with an id, in a stable order."""
        if self.strategy is not None:
            yield self.strategy
            yield from self.strategy.value_promises
        yield from self.goals
        yield from self.organisations
        yield from self.bodies
        yield from self.roles
        yield from self.projects
        yield from self.stakeholder_groups
        yield from self.categories
        yield from self.measures
        yield from self.meetings

    @cached_property
    def by_id(self) -> dict[str, Entity]:
        """Entities by id; the first wins when ids collide (a lint rule reports that)."""
        out: dict[str, Entity] = {}
        for entity in self.entities():
            out.setdefault(str(getattr(entity, "id", "")), entity)
        return out

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, of any kind."""
        return self.by_id.get(entity_id)

    @cached_property
    def goal_by_id(self) -> dict[str, Goal]:
        """Goals by id."""
        return {g.id: g for g in self.goals}

    @cached_property
    def measure_by_id(self) -> dict[str, Measure]:
        """Measures by id."""
        return {m.id: m for m in self.measures}

    @cached_property
    def category_by_id(self) -> dict[str, Category]:
        """Categories by id."""
        return {c.id: c for c in self.categories}

    @cached_property
    def body_by_id(self) -> dict[str, Body]:
        """Bodies by id."""
        return {b.id: b for b in self.bodies}

    @cached_property
    def organisation_by_id(self) -> dict[str, Organisation]:
        """Organisations by id."""
        return {o.id: o for o in self.organisations}

    def source_of(self, entity: Any) -> SourceRef | None:
        """The file and base path an entity was read from."""
        ref = getattr(entity, "_source", None)
        return ref if isinstance(ref, SourceRef) else None

    def locate(self, entity: Any, *path: str | int, key: bool = False) -> Location | None:
        """Where ``entity.<path>`` is written: its value, or its key with ``key=True``."""
        ref = self.source_of(entity)
        if ref is None:
            return None
        full: DataPath = ref.base + tuple(path)
        doc = self.documents.get(ref.file)
        if doc is None:
            return Location(ref.file, 1, 1, format_path(full))
        line, column = doc.source_map.key_at(full) if key else doc.source_map.value_at(full)
        return Location(ref.file, line, column, format_path(full))


def build_tree(documents: Iterable[Document], label: str = "working tree") -> Tree:
    """Assemble a tree from loaded documents (in path order)."""
    tree = Tree(label=label)
    collectors: dict[str, Callable[[Document], None]] = {
        STRATEGY.name: lambda d: setattr(tree, "strategy", d.model),
        GOALS.name: lambda d: tree.goals.extend(d.items),  # type: ignore[arg-type]
        ORGANISATIONS.name: lambda d: tree.organisations.extend(d.items),  # type: ignore[arg-type]
        BODIES.name: lambda d: tree.bodies.extend(d.items),  # type: ignore[arg-type]
        ROLES.name: lambda d: tree.roles.extend(d.items),  # type: ignore[arg-type]
        PROJECTS.name: lambda d: tree.projects.extend(d.items),  # type: ignore[arg-type]
        STAKEHOLDERS.name: lambda d: tree.stakeholder_groups.extend(d.items),  # type: ignore[arg-type]
        CATEGORIES.name: lambda d: tree.categories.extend(d.items),  # type: ignore[arg-type]
        MEASURE.name: lambda d: tree.measures.append(d.model),  # type: ignore[arg-type]
        MEETING.name: lambda d: tree.meetings.append(d.model),  # type: ignore[arg-type]
        ROUND.name: lambda d: tree.rounds.append(d.model),  # type: ignore[arg-type]
    }
    for doc in documents:
        tree.documents[doc.path] = doc
        tree.diagnostics.extend(doc.diagnostics)
        if doc.kind is None:
            continue
        if doc.model is not None or (doc.kind.list_key and doc.items):
            collectors[doc.kind.name](doc)
        _remember_ids(tree, doc)
    if tree.diagnostics:
        tree.diagnostics = suggest_ids(tree.diagnostics, entity_names(tree.entities()))
    if tree.strategy is None and not any(
        d.kind is not None and d.kind.name == STRATEGY.name for d in tree.documents.values()
    ):
        tree.diagnostics.append(
            NO_DATA.at(
                N_("there is no data/strategy/strategy.yaml; run 'ictgov init' or create it"),
                "data/strategy/strategy.yaml",
            )
        )
    return tree


def _remember_ids(tree: Tree, doc: Document) -> None:
    """Keep ids of invalid items so that references to them do not cascade into errors."""
    data = doc.data
    if not isinstance(data, dict):
        return
    kind = doc.kind
    assert kind is not None
    if kind.list_key:
        valid = {getattr(i, "id", None) for i in doc.items}
        for item in data.get(kind.list_key) or []:
            if (
                isinstance(item, dict)
                and isinstance(item.get("id"), str)
                and item["id"] not in valid
            ):
                tree.unvalidated_ids.add(item["id"])
    elif doc.model is None and isinstance(data.get("id"), str):
        tree.unvalidated_ids.add(data["id"])


def load_documents(
    source: TreeSource,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    loader: Callable[[str, bytes], Document] | None = None,
) -> list[Document]:
    """Read and load every file of *source*; unreadable files become diagnostics."""
    load = loader or (lambda path, raw: load_document(path, raw, max_bytes=max_bytes))
    docs: list[Document] = []
    for path in source.list_files():
        try:
            raw = source.read(path)
        except OSError as exc:
            doc = Document(path=path, kind=None)
            doc.diagnostics.append(
                FILE_UNREADABLE.at(
                    N_("cannot read the file ({error}); check it"),
                    path,
                    args={"error": str(exc.strerror or exc)},
                )
            )
            docs.append(doc)
            continue
        docs.append(load(path, raw))
    for problem in source.problems():
        doc = Document(path=problem.file, kind=None)
        doc.diagnostics.append(problem)
        docs.append(doc)
    return docs


def load_tree(source: TreeSource, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Tree:
    """Load a whole tree from a source (working tree or git revision)."""
    return build_tree(load_documents(source, max_bytes=max_bytes), label=source.label)

"""Everything about one item, for ``ictgov show ID``: its fields and what relates to it.

One function, :func:`item_detail`, finds the item of any kind and gathers what a
reader asks next: a measure's dependencies and the decisions about it, a goal's
measures, a body's members and the measures it runs or follows, an organisation's
measures, a meeting's decisions and actions. :func:`detail_data` is its JSON form.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel

from ictgov.load import Tree
from ictgov.model import (
    Body,
    Category,
    Goal,
    MajorProject,
    Measure,
    Meeting,
    Organisation,
    Role,
    StakeholderGroup,
    Strategy,
    UpdateEntry,
    ValuePromise,
)
from ictgov.verdicts.cadence import meetings_per_year
from ictgov.verdicts.participation import participant_ids
from ictgov.views.decisions import DecisionRef, OpenAction, decisions_by_concern, open_actions
from ictgov.views.overview import GoalView, MeasureView, Overview, build_overview, code_key
from ictgov.views.text import plain

#: Kind names by model class: stable keys for JSON, shown in words through the
#: ``kind`` labels of :mod:`ictgov.i18n.labels`.
KIND_NAMES: dict[type[BaseModel], str] = {
    Strategy: "strategy",
    ValuePromise: "value promise",
    Goal: "goal",
    Organisation: "organisation",
    Body: "body",
    Role: "role",
    MajorProject: "project",
    StakeholderGroup: "stakeholder group",
    Measure: "measure",
    Meeting: "meeting",
    Category: "category",
}

#: Fields that have a section of their own, so the field list leaves them out.
SECTION_FIELDS: dict[str, frozenset[str]] = {
    "measure": frozenset({"updates", "indicator", "depends_on", "budget"}),
    "project": frozenset({"budget"}),
    "goal": frozenset({"indicator"}),
    "body": frozenset({"members", "tasks", "cadence"}),
    "meeting": frozenset({"items", "attendees"}),
    "strategy": frozenset({"value_promises"}),
}


@dataclass(frozen=True)
class Dependency:
    """Something a measure waits for: another measure or a major project (or a bad id)."""

    id: str
    measure: MeasureView | None = None
    project: MajorProject | None = None


@dataclass(frozen=True)
class Decision:
    """A decision with its meeting, and its follow-up actions' state as of today."""

    ref: DecisionRef
    actions: tuple[OpenAction, ...] = ()


@dataclass
class Detail:
    """One item and what relates to it; sections that do not apply stay empty."""

    kind: str
    entity: BaseModel
    file: str | None
    today: date
    lang: str = "fi"
    content_lang: str = "fi"
    stale_after_days: int = 120
    #: (dotted path, value) of every field that is set, texts in the reader's language.
    fields: list[tuple[str, Any]] = field(default_factory=list)
    measure: MeasureView | None = None
    goal: GoalView | None = None
    goals: list[Goal] = field(default_factory=list)
    updates: list[UpdateEntry] = field(default_factory=list)
    dependencies: list[Dependency] = field(default_factory=list)
    dependents: list[MeasureView] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    #: Measures the item is responsible for / takes part in / is depended on by.
    measures: list[MeasureView] = field(default_factory=list)
    #: Measures a body follows up.
    following: list[MeasureView] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    #: A body's meetings held per year, up to today (as its cadence is judged).
    held_per_year: dict[int, int] = field(default_factory=dict)
    bodies: list[Body] = field(default_factory=list)
    actions: list[OpenAction] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)


def known_ids(tree: Tree) -> list[str]:
    """Every id ``show`` can find."""
    return sorted(tree.by_id)


def suggest(tree: Tree, wanted: str, n: int = 3) -> list[str]:
    """The closest known ids, for a did-you-mean."""
    return difflib.get_close_matches(wanted, known_ids(tree), n=n, cutoff=0.6)


def by_code(tree: Tree, code: str) -> Measure | None:
    """The measure with this code (``1.6``) if exactly one has it: people read codes."""
    found = with_code(tree, code)
    return found[0] if len(found) == 1 and isinstance(found[0], Measure) else None


def with_code(tree: Tree, code: str) -> list[Any]:
    """The measures with this code, else the goals with it (two: an ambiguous code)."""
    wanted = code.strip()
    measures: list[Any] = [m for m in tree.measures if str(m.code).strip() == wanted]
    found = measures or [g for g in tree.goals if str(g.code).strip() == wanted]
    if found:
        return found
    # Typed in lower case (``l1.2`` for ``L1.2``): a code is read aloud, not spelled.
    folded = wanted.casefold()
    measures = [m for m in tree.measures if str(m.code).strip().casefold() == folded]
    return measures or [g for g in tree.goals if str(g.code).strip().casefold() == folded]


def _flatten(value: Any, prefix: str, lang: str, content_lang: str) -> list[tuple[str, Any]]:
    """(dotted path, value) of every set field; texts in the reader's language.

    Dates, enum values, flags and ids stay typed: the renderer writes them for the reader
    (20.11.2023, "käynnissä", a name beside an id).
    """
    if value is None or value is False or value == [] or value == {}:
        return []  # unset, empty or off: nothing to tell
    if isinstance(value, BaseModel):
        out: list[tuple[str, Any]] = []
        for name in type(value).model_fields:
            out += _flatten(getattr(value, name), f"{prefix}.{name}", lang, content_lang)
        return out
    if isinstance(value, dict) and set(value) <= {"fi", "sv", "en"}:
        return [(prefix, plain(value, lang, content_lang))]
    if isinstance(value, list):
        if all(isinstance(v, str | int | float | date) for v in value):
            return [(prefix, list(value))]
        out = []
        for index, item in enumerate(value):
            out += _flatten(item, f"{prefix}[{index}]", lang, content_lang)
        return out
    if isinstance(value, date | bool | int | float) or hasattr(value, "value"):
        return [(prefix, value)]
    return [(prefix, str(value))]


def field_list(
    entity: BaseModel, lang: str, content_lang: str, skip: frozenset[str] = frozenset()
) -> list[tuple[str, Any]]:
    """Every set field of *entity* as (dotted path, value), in model order."""
    out: list[tuple[str, Any]] = []
    for name in type(entity).model_fields:
        if name in skip:
            continue
        out += _flatten(getattr(entity, name), name, lang, content_lang)
    return out


def participants(tree: Tree, measure: Measure) -> list[str]:
    """A measure's participating organisations; all members when it names none."""
    return list(participant_ids(measure, tree.organisations))


def item_detail(
    tree: Tree,
    item_id: str,
    today: date,
    *,
    stale_after_days: int = 120,
    lang: str = "fi",
    overview: Overview | None = None,
) -> Detail | None:
    """Everything about the item with this id, or None if there is none."""
    coded = with_code(tree, item_id)
    entity = tree.get(item_id) or (coded[0] if len(coded) == 1 else None)
    if entity is None:
        return None
    overview = overview or build_overview(tree, today, stale_after_days)
    content_lang = tree.strategy.language if tree.strategy else lang
    views = {v.id: v for v in overview.measures}
    kind = KIND_NAMES.get(type(entity), type(entity).__name__.lower())
    source = tree.source_of(entity)
    detail = Detail(
        kind=kind,
        entity=entity,
        file=source.file if source else None,
        today=today,
        lang=lang,
        content_lang=content_lang,
        stale_after_days=stale_after_days,
        fields=field_list(entity, lang, content_lang, SECTION_FIELDS.get(kind, frozenset())),
    )
    concerning = decisions_by_concern(tree)
    actions = open_actions(tree, today)

    def decisions_of(target: str) -> list[Decision]:
        return [
            Decision(ref, tuple(a for a in actions if a.item is ref.item))
            for ref in concerning.get(target, [])
        ]

    detail.decisions = decisions_of(str(getattr(entity, "id", item_id)))
    if isinstance(entity, Measure):
        _measure(tree, entity, detail, views)
    elif isinstance(entity, Goal):
        detail.goal = next((g for g in overview.goals if g.goal.id == entity.id), None)
    elif isinstance(entity, Body):
        detail.measures = [v for v in overview.measures if v.measure.responsible == entity.id]
        detail.following = [v for v in overview.measures if v.measure.followed_by == entity.id]
        detail.meetings = sorted(
            (m for m in tree.meetings if m.body == entity.id), key=lambda m: (m.date, m.id)
        )
        detail.held_per_year = meetings_per_year(detail.meetings, today).get(entity.id, {})
        detail.bodies = [b for b in tree.bodies if b.reports_to == entity.id]
        detail.actions = [a for a in actions if a.action.responsible == entity.id]
    elif isinstance(entity, Organisation):
        detail.measures = [
            v for v in overview.measures if entity.id in participants(tree, v.measure)
        ]
        detail.following = [v for v in overview.measures if v.measure.responsible == entity.id]
        detail.bodies = [
            b
            for b in tree.bodies
            if b.organisation == entity.id or any(m.organisation == entity.id for m in b.members)
        ]
        detail.actions = [a for a in actions if a.action.responsible == entity.id]
    elif isinstance(entity, Meeting):
        detail.actions = [a for a in actions if a.meeting is entity]
    elif isinstance(entity, MajorProject):
        detail.measures = [
            v for v in overview.measures if entity.id in v.measure.depends_on.projects
        ]
    elif isinstance(entity, Strategy):
        detail.goals = sorted(tree.goals, key=lambda g: code_key(g.code))
        approval = entity.approval.decisions if entity.approval else []
        refs = []
        for ref in approval:
            meeting = next((m for m in tree.meetings if m.id == ref.meeting), None)
            items = meeting.items if meeting else []
            item = next((i for i in items if i.section == ref.section), None)
            if meeting is not None and item is not None:
                refs.append(Decision(DecisionRef(meeting, item)))
        seen = {id(d.ref.item) for d in detail.decisions}
        detail.decisions += [d for d in refs if id(d.ref.item) not in seen]
    elif isinstance(entity, Category):
        detail.measures = [v for v in overview.measures if v.measure.category == entity.id]
    elif isinstance(entity, ValuePromise):
        detail.goals = [g for g in tree.goals if entity.id in g.value_promises]
    detail.names = _names(tree, lang, content_lang)
    return detail


def _measure(tree: Tree, measure: Measure, detail: Detail, views: dict[str, MeasureView]) -> None:
    detail.measure = views.get(measure.id)
    detail.goals = [tree.goal_by_id[g] for g in measure.goals if g in tree.goal_by_id]
    detail.updates = sorted(measure.updates, key=lambda u: u.date, reverse=True)
    projects = {p.id: p for p in tree.projects}
    detail.dependencies = [
        Dependency(dep, measure=views.get(dep)) for dep in measure.depends_on.measures
    ] + [Dependency(dep, project=projects.get(dep)) for dep in measure.depends_on.projects]
    detail.dependents = [v for v in views.values() if measure.id in v.measure.depends_on.measures]


def _names(tree: Tree, lang: str, content_lang: str) -> dict[str, str]:
    names: dict[str, str] = {}
    for entity in tree.entities():
        title = getattr(entity, "name", None) or getattr(entity, "title", None)
        entity_id = getattr(entity, "id", None)
        if isinstance(entity_id, str) and title is not None:
            names.setdefault(entity_id, plain(title, lang, content_lang))
    return names


# --- JSON -------------------------------------------------------------------


def _mv(view: MeasureView, lang: str, content_lang: str) -> dict[str, Any]:
    m = view.measure
    return {
        "id": m.id,
        "code": m.code,
        "title": plain(m.title, lang, content_lang),
        "status": m.status.value,
        "health": m.health.value if m.health else None,
        "progress": m.progress,
        "attention": [r.value for r in view.reasons],
    }


def _decision(d: Decision, lang: str, content_lang: str) -> dict[str, Any]:
    item, meeting = d.ref.item, d.ref.meeting
    return {
        "meeting": meeting.id,
        "body": meeting.body,
        "date": meeting.date.isoformat(),
        "section": item.section,
        "title": plain(item.title, lang, content_lang),
        "record_number": item.record_number,
        "resolution": item.resolution.value if item.resolution else None,
        "decision": plain(item.decision, lang, content_lang) or None,
        "open_actions": [
            {"what": plain(a.action.what, lang, content_lang), "overdue": a.overdue}
            for a in d.actions
        ],
    }


def detail_data(detail: Detail) -> dict[str, Any]:
    """The detail as plain data: the item's own fields under ``item``, the rest beside it."""
    lang, content_lang = detail.lang, detail.content_lang
    out: dict[str, Any] = {
        "kind": detail.kind,
        "id": getattr(detail.entity, "id", None),
        "file": detail.file,
        "today": detail.today.isoformat(),
        "item": detail.entity.model_dump(mode="json", exclude_none=True),
        "decisions": [_decision(d, lang, content_lang) for d in detail.decisions],
    }
    if detail.measure is not None:
        v = detail.measure
        out["facts"] = {
            "last_update": v.last_update.isoformat() if v.last_update else None,
            "days_since_update": v.days_since_update,
            "stale": v.stale,
            "overdue": v.overdue,
            "days_overdue": v.days_overdue,
            "attention": [r.value for r in v.reasons],
        }
        out["dependencies"] = [
            {
                "id": d.id,
                "kind": "measure" if d.measure else "project" if d.project else None,
                **({"status": d.measure.measure.status.value} if d.measure else {}),
            }
            for d in detail.dependencies
        ]
        out["dependents"] = [x.id for x in detail.dependents]
    if detail.goal is not None:
        out["rollup"] = {
            "progress": None if detail.goal.progress is None else round(detail.goal.progress, 1),
            "by_status": {s.value: n for s, n in detail.goal.by_status.items()},
            "by_health": {h.value: n for h, n in detail.goal.by_health.items()},
        }
        out["measures"] = [_mv(v, lang, content_lang) for v in detail.goal.measures]
    if detail.measures and detail.goal is None:
        out["measures"] = [_mv(v, lang, content_lang) for v in detail.measures]
    if detail.following:
        out["following"] = [_mv(v, lang, content_lang) for v in detail.following]
    if detail.meetings:
        out["meetings"] = [{"id": m.id, "date": m.date.isoformat()} for m in detail.meetings]
    if detail.bodies:
        out["bodies"] = [b.id for b in detail.bodies]
    if detail.goals:
        out["goals"] = [g.id for g in detail.goals]
    if detail.actions:
        out["actions"] = [
            {
                "meeting": a.meeting.id,
                "section": a.item.section,
                "what": plain(a.action.what, lang, content_lang),
                "responsible": a.action.responsible,
                "due": a.action.due.isoformat() if a.action.due else None,
                "overdue": a.overdue,
                "days_overdue": a.days_overdue,
            }
            for a in detail.actions
        ]
    return out

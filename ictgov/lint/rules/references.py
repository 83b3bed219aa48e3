"""References between items: every id that is named must exist."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ictgov.diagnostics import Diagnostic, Severity
from ictgov.i18n import N_
from ictgov.i18n.messages import msg
from ictgov.i18n.vocabulary import id_for
from ictgov.lint.rule import LintContext, Rule, entity_label
from ictgov.load import Tree
from ictgov.load.explain import entity_names
from ictgov.model import Person
from ictgov.verdicts.references import Target, targets

Path = tuple[str | int, ...]


def _references(tree: Tree) -> Iterator[tuple[Any, Path, str, str]]:
    """Every reference in the tree: (entity, path of the value, id, kind of target)."""
    strategy = tree.strategy
    if strategy is not None and strategy.approval is not None:
        for i, decision in enumerate(strategy.approval.decisions):
            yield strategy, ("approval", "decisions", i, "meeting"), decision.meeting, "meeting"
    for goal in tree.goals:
        for i, vp in enumerate(goal.value_promises):
            yield goal, ("value_promises", i), vp, "value promise"
    for organisation in tree.organisations:
        if organisation.parent is not None:
            yield organisation, ("parent",), organisation.parent, "organisation"
        for i, agreement in enumerate(organisation.provides_to):
            at: Path = ("provides_to", i, "customer")
            yield organisation, at, agreement.customer, "organisation"
    for role in tree.roles:
        if role.organisation is not None:
            yield role, ("organisation",), role.organisation, "organisation"
        for i, org_id in enumerate(role.serves):
            yield role, ("serves", i), org_id, "organisation"
        if role.reports_to is not None:
            yield role, ("reports_to",), role.reports_to, "body"
        if role.person is not None and role.person.organisation is not None:
            yield role, ("person", "organisation"), role.person.organisation, "organisation"
    for body in tree.bodies:
        if body.reports_to is not None:
            yield body, ("reports_to",), body.reports_to, "body"
        if body.appointed_by is not None:
            yield body, ("appointed_by",), body.appointed_by, "body"
        if body.organisation is not None:
            yield body, ("organisation",), body.organisation, "organisation"
        for i, member in enumerate(body.members):
            if member.organisation is not None:
                yield body, ("members", i, "organisation"), member.organisation, "organisation"
    for project in tree.projects:
        if project.responsible is not None:
            yield project, ("responsible",), project.responsible, "body or organisation"
    for m in tree.measures:
        for i, goal_id in enumerate(m.goals):
            yield m, ("goals", i), goal_id, "goal"
        if m.responsible is not None:
            yield m, ("responsible",), m.responsible, "body or organisation"
        if m.followed_by is not None:
            yield m, ("followed_by",), m.followed_by, "body"
        for i, org in enumerate(m.participants or ()):
            yield m, ("participants", i), org, "organisation"
        if m.category is not None:
            yield m, ("category",), m.category, "category"
        for i, dep in enumerate(m.depends_on.measures):
            yield m, ("depends_on", "measures", i), dep, "measure"
        for i, proj in enumerate(m.depends_on.projects):
            yield m, ("depends_on", "projects", i), proj, "project"
        for i, contact in enumerate(m.contacts):
            if contact.organisation is not None:
                yield m, ("contacts", i, "organisation"), contact.organisation, "organisation"
    for meeting in tree.meetings:
        yield meeting, ("body",), meeting.body, "body"
        for i, att in enumerate(meeting.attendees):
            if att.organisation is not None:
                yield meeting, ("attendees", i, "organisation"), att.organisation, "organisation"
        for i, item in enumerate(meeting.items):
            for j, target in enumerate(item.concerns):
                yield meeting, ("items", i, "concerns", j), target, "item"
            for key in ("preparer", "presenter"):
                person = getattr(item, key)
                if person is not None and person.organisation is not None:
                    where: Path = ("items", i, key, "organisation")
                    yield meeting, where, person.organisation, "organisation"
            for j, action in enumerate(item.actions):
                if action.responsible is not None:
                    path: Path = ("items", i, "actions", j, "responsible")
                    yield meeting, path, action.responsible, "body or organisation"
                assignee = action.assignee
                if isinstance(assignee, Person) and assignee.organisation is not None:
                    path = ("items", i, "actions", j, "assignee", "organisation")
                    yield meeting, path, assignee.organisation, "organisation"

    for rnd in tree.rounds:
        for i, request in enumerate(rnd.requests):
            yield rnd, ("requests", i, "owner"), request.owner, "body or organisation"
            for key in ("measures", "stale", "overdue"):
                for j, measure_id in enumerate(getattr(request, key)):
                    yield rnd, ("requests", i, key, j), measure_id, "measure"
            for j, answer in enumerate(request.answers):
                for k, measure_id in enumerate(answer.changed):
                    yield rnd, ("requests", i, "answers", j, "changed", k), measure_id, "measure"


class DanglingReference(Rule):
    """A reference to an id that no item has.

    Checked everywhere one item names another: a measure's ``goals``,
    ``responsible``, ``followed_by``, ``participants``, ``category`` and
    ``depends_on``; a body's ``reports_to``, ``appointed_by`` and its members'
    organisations; a meeting's ``body``, attendees' organisations, agenda items'
    ``concerns`` and actions' ``responsible``; a goal's ``value_promises``; the
    strategy's approving decisions; a reporting round's owners and measures; an
    organisation's ``parent`` and the ``customer`` of each agreement in ``provides_to``;
    a role's ``organisation``, ``serves`` and ``reports_to``; the ``organisation`` of a
    contact, preparer, presenter, assignee or role holder. A unit (``type: unit``) is an
    organisation, so it may be ``responsible`` for a measure or an action. Ids declared
    in a file that failed validation count as existing, so one typo does not cascade.
    Fix the id, or add the missing item.

    **Bad** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g3]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    ```

    **Good** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    ```
    """

    code = "RF01"
    name = "references.dangling"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Look every reference up among the items of the kinds it may name."""
        index = targets(tree.entities(), tree.unvalidated_ids)
        names = entity_names(tree.entities())
        for entity, path, value, kind in _references(tree):
            if index.resolves(value, Target(kind)):
                continue
            known = index.known(Target(kind))
            meant = id_for(value, {k: names.get(k, ()) for k in known})
            if meant is not None and known and len(known) <= 30:
                hint = msg(
                    N_("did you mean '{id}'? The ones that exist: {ids}"),
                    id=meant,
                    ids=sorted(known),
                )
            elif meant is not None:
                hint = msg(N_("did you mean '{id}'?"), id=meant)
            elif known and len(known) <= 30:
                hint = msg(N_("the ones that exist: {ids}"), ids=sorted(known))
            elif kind == "category":
                hint = msg(N_("declare it in data/strategy/categories.yaml"))
            else:
                hint = msg(N_("fix the id, or add the missing item"))
            yield self.at(
                tree,
                entity,
                path,
                N_("{item} refers to {kind} '{value}', which does not exist; {hint}"),
                item=entity_label(entity),
                kind=msg(_KINDS.get(kind, kind)),
                value=value,
                hint=hint,
            )


#: The kinds a reference names, as a message says them.
_KINDS: dict[str, str] = {
    "goal": N_("goal"),
    "value promise": N_("value promise"),
    "body": N_("body"),
    "organisation": N_("organisation"),
    "body or organisation": N_("body or organisation"),
    "measure": N_("measure"),
    "project": N_("project"),
    "category": N_("category"),
    "meeting": N_("meeting"),
    "item": N_("item"),
}


class DecisionSection(Rule):
    """The strategy's approval names a meeting section (§) that the minutes lack.

    ``approval.decisions`` points at ``{meeting: ID, section: N}``: the meeting must
    have an agenda item with that section number, so that the approval can be read
    in the minutes. Fix the section number or add the agenda item to the meeting.

    **Bad** (`data/strategy/strategy.yaml`):

    ```yaml
    id: test-strategy
    title: Testistrategia
    language: fi
    period: {start: 2023, end: 2027}
    vision: {text: Sujuva arki, horizon: 2040}
    value_promises:
      - {id: vp1, title: Sujuva arki}
    approval:
      decisions:
        - {meeting: board-2023-11-20, section: 13}
    ```

    **Good** (`data/strategy/strategy.yaml`):

    ```yaml
    id: test-strategy
    title: Testistrategia
    language: fi
    period: {start: 2023, end: 2027}
    vision: {text: Sujuva arki, horizon: 2040}
    value_promises:
      - {id: vp1, title: Sujuva arki}
    approval:
      decisions:
        - {meeting: board-2023-11-20, section: 12}
    ```
    """

    code = "RF02"
    name = "references.decision-section"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Find the agenda item of every approving decision."""
        strategy = tree.strategy
        if strategy is None or strategy.approval is None:
            return
        meetings = {m.id: m for m in tree.meetings}
        for i, decision in enumerate(strategy.approval.decisions):
            meeting = meetings.get(decision.meeting)
            if meeting is None:  # dangling meeting: RF01 says so
                continue
            sections = sorted({item.section for item in meeting.items})
            if decision.section not in sections:
                listed: Any = (
                    ", ".join(f"§ {s}" for s in sections)
                    if sections
                    else msg(N_("no agenda items"))
                )
                yield self.at(
                    tree,
                    strategy,
                    ("approval", "decisions", i, "section"),
                    N_(
                        "meeting '{id}' has no § {section} (it has {listed}); fix the section "
                        "number"
                    ),
                    id=meeting.id,
                    section=decision.section,
                    listed=listed,
                )


RULES = (DanglingReference, DecisionSection)

"""Who owns which measures, in which language, and at which address they are reached.

An owner is the body or organisation a measure names as ``responsible``. Its
address comes, first found wins, from ``[round.recipients]`` of the configuration,
then from the contacts of its measures that have an e-mail, then from the body's
chair, secretary or any member with an e-mail. An owner with no address still gets
a workbook and a message file, to be delivered by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ictgov.config import RoundConfig
from ictgov.exchange.tables import natural_key
from ictgov.load import Tree
from ictgov.model import Body, Measure, MemberRole
from ictgov.views.text import plain


@dataclass
class Owner:
    """One owner of measures: who, in which language, where to write, which measures."""

    id: str
    name: str
    language: str
    addresses: list[str] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)


def _body_addresses(body: Body) -> list[str]:
    order = {MemberRole.CHAIR: 0, MemberRole.SECRETARY: 1}
    members = sorted(body.members, key=lambda m: order.get(m.role, 2))
    return [m.email for m in members if m.email][:1]


def addresses_for(
    owner_id: str, measures: list[Measure], tree: Tree, config: RoundConfig
) -> list[str]:
    """The owner's addresses, from the first source that has one (see the module docstring)."""
    configured = config.recipients.get(owner_id)
    if configured:
        return [a.strip() for a in configured.split(",") if a.strip()]
    found: list[str] = []
    for measure in measures:
        for contact in measure.contacts:
            if contact.email and contact.email not in found:
                found.append(contact.email)
    if found:
        return found
    body = tree.body_by_id.get(owner_id)
    return _body_addresses(body) if body is not None else []


def owner_name(owner_id: str, tree: Tree, lang: str) -> str:
    """The owner's name in *lang*, or its id when the tree does not know it."""
    content = tree.strategy.language if tree.strategy else "fi"
    entity = tree.body_by_id.get(owner_id) or tree.organisation_by_id.get(owner_id)
    if entity is None:
        return owner_id
    return plain(entity.name, lang, content) or owner_id


def owners(
    tree: Tree,
    config: RoundConfig,
    default_language: str,
    *,
    only: set[str] | None = None,
) -> tuple[list[Owner], list[Measure]]:
    """Owners in id order with their measures in code order, and the measures nobody owns."""
    by_owner: dict[str, list[Measure]] = {}
    orphans: list[Measure] = []
    for measure in sorted(tree.measures, key=lambda m: (natural_key(m.code), m.id)):
        if measure.responsible is None:
            orphans.append(measure)
        elif only is None or measure.responsible in only:
            by_owner.setdefault(measure.responsible, []).append(measure)
    out: list[Owner] = []
    for owner_id in sorted(by_owner):
        measures = by_owner[owner_id]
        lang = config.languages.get(owner_id, default_language)
        out.append(
            Owner(
                owner_id,
                owner_name(owner_id, tree, lang),
                lang,
                addresses_for(owner_id, measures, tree, config),
                measures,
            )
        )
    return out, orphans

"""How a cooperation is organised beyond its bodies: roles, units and service agreements.

A service-provider city and a customer town name posts (an operational coordinator,
an ICT account manager for the town), units (the ICT unit of the city) and the
agreement under which one serves the other. Pages show them with every id resolved.
"""

from __future__ import annotations

from dataclasses import dataclass

from ictgov.load import Tree
from ictgov.model import Organisation, Role, ServiceAgreement
from ictgov.views.report import Ref, resolve


@dataclass(frozen=True)
class RoleView:
    """A role with its organisation, the organisations it serves and its body resolved."""

    role: Role
    organisation: Ref | None
    serves: tuple[Ref, ...]
    reports_to: Ref | None

    @property
    def id(self) -> str:
        """The role's id."""
        return self.role.id


@dataclass(frozen=True)
class Service:
    """One organisation provides services to another under an agreement."""

    provider: Ref
    customer: Ref
    agreement: ServiceAgreement


@dataclass(frozen=True)
class OrganisationLinks:
    """What the page of one organisation adds about the cooperation model."""

    parent: Ref | None
    units: tuple[Organisation, ...]
    provides: tuple[Service, ...]
    receives: tuple[Service, ...]
    roles: tuple[RoleView, ...]

    @property
    def empty(self) -> bool:
        """Whether there is nothing to show."""
        return not (self.parent or self.units or self.provides or self.receives or self.roles)


@dataclass(frozen=True)
class Cooperation:
    """Roles in file order, every service relation, and each organisation's links."""

    roles: tuple[RoleView, ...]
    services: tuple[Service, ...]
    organisations: dict[str, OrganisationLinks]


def role_view(tree: Tree, role: Role) -> RoleView:
    """One role with its references resolved."""
    return RoleView(
        role=role,
        organisation=resolve(tree, role.organisation) if role.organisation else None,
        serves=tuple(resolve(tree, i) for i in role.serves),
        reports_to=resolve(tree, role.reports_to) if role.reports_to else None,
    )


def build_cooperation(tree: Tree) -> Cooperation:
    """Resolve roles, units and agreements once for every page."""
    roles = tuple(role_view(tree, r) for r in tree.roles)
    services = tuple(
        Service(resolve(tree, org.id), resolve(tree, agreement.customer), agreement)
        for org in tree.organisations
        for agreement in org.provides_to
    )
    links = {
        org.id: OrganisationLinks(
            parent=resolve(tree, org.parent) if org.parent else None,
            units=tuple(o for o in tree.organisations if o.parent == org.id),
            provides=tuple(s for s in services if s.provider.id == org.id),
            receives=tuple(s for s in services if s.customer.id == org.id),
            roles=tuple(
                r for r in roles if r.role.organisation == org.id or org.id in r.role.serves
            ),
        )
        for org in tree.organisations
    }
    return Cooperation(roles, services, links)

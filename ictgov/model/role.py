"""Roles that are posts, not bodies: an operational coordinator, an ICT account manager.

A cooperation model names people's posts and their duties as well as its groups;
the roles live in ``data/strategy/roles.yaml`` next to ``bodies.yaml``.
"""

from __future__ import annotations

from pydantic import Field

from ictgov.model.base import Entity, Id, Person, Text


class Role(Entity):
    """A post with duties in the cooperation, held by one person at a time."""

    id: Id = Field(description="Stable id of the role, e.g. 'account-manager-orivesi'.")
    post: Text = Field(description="Name of the post, e.g. 'ICT-asiakkuuspäällikkö'.")
    organisation: Id | None = Field(
        default=None,
        description="Id of the organisation (or unit) where the post sits, e.g. 'tampere-ict'.",
    )
    serves: list[Id] = Field(
        default_factory=list,
        description="Ids of the organisations the role is named for, e.g. [orivesi] for an "
        "account manager of a customer town.",
    )
    reports_to: Id | None = Field(
        default=None, description="Id of the body the role reports to, e.g. 'steering-group'."
    )
    person: Person | None = Field(
        default=None,
        description="Who holds the post now; name, e-mail and phone are left out of public pages.",
    )
    description: Text | None = Field(default=None, description="What the role is for, in brief.")
    duties: list[Text] = Field(
        default_factory=list,
        description="Duties, one per line, e.g. 'Valmistelee ohjausryhmän kokoukset'.",
    )

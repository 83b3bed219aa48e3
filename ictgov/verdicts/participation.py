"""Which organisations take part in a measure.

A measure may list its ``participants``; when it lists none, the whole region takes
part: the lead organisation and the members (not partners). The measure page, the
organisation pages and ``ictgov show`` all read this.
"""

from __future__ import annotations

from collections.abc import Iterable

from ictgov.model import Measure, Organisation, OrgRole

#: Roles that take part in every measure that names no participants.
DEFAULT_ROLES = frozenset({OrgRole.LEAD, OrgRole.MEMBER})


def default_participants(organisations: Iterable[Organisation]) -> tuple[Organisation, ...]:
    """The lead and the members, in their order: who takes part when nobody is named."""
    return tuple(o for o in organisations if o.role in DEFAULT_ROLES)


def participant_ids(measure: Measure, organisations: Iterable[Organisation]) -> tuple[str, ...]:
    """The ids of the organisations taking part in *measure* (named, else the default)."""
    if measure.participants is not None:
        return tuple(measure.participants)
    return tuple(o.id for o in default_participants(organisations))

"""``round status``: who has answered, who has not, and what is still stale.

Addresses are never part of it: the status is something to show the steering group.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ictgov.load import Tree
from ictgov.model import MessageKind, Round
from ictgov.round.owners import owner_name
from ictgov.views.overview import measure_view


@dataclass(frozen=True)
class OwnerState:
    """One owner's place in the round."""

    owner: str
    name: str
    measures: int
    sent: bool
    reminded: int
    answered: date | None
    #: Their measures that are stale today.
    stale: tuple[str, ...]


@dataclass(frozen=True)
class RoundState:
    """The round as of *today*."""

    round: Round
    today: date
    owners: tuple[OwnerState, ...]

    @property
    def answered(self) -> list[str]:
        """Owner ids that have answered."""
        return [o.owner for o in self.owners if o.answered is not None]

    @property
    def pending(self) -> list[str]:
        """Owner ids that have not answered."""
        return [o.owner for o in self.owners if o.answered is None]

    @property
    def stale(self) -> list[str]:
        """Measures of the round that are still stale."""
        return [m for o in self.owners for m in o.stale]

    def as_dict(self) -> dict[str, Any]:
        """Plain data for ``--format json`` (no addresses)."""
        return {
            "round": self.round.id,
            "started": self.round.started.isoformat(),
            "due": self.round.due.isoformat(),
            "today": self.today.isoformat(),
            "answered": self.answered,
            "pending": self.pending,
            "stale": self.stale,
            "owners": [
                {
                    "owner": o.owner,
                    "name": o.name,
                    "measures": o.measures,
                    "sent": o.sent,
                    "reminders": o.reminded,
                    "answered": o.answered.isoformat() if o.answered else None,
                    "stale": list(o.stale),
                }
                for o in self.owners
            ],
        }


def round_state(
    rnd: Round, tree: Tree, today: date, stale_after_days: int, lang: str
) -> RoundState:
    """Each owner's state, judged on the tree as it is now."""
    out: list[OwnerState] = []
    for request in rnd.requests:
        stale = tuple(
            m
            for m in request.measures
            if m in tree.measure_by_id
            and measure_view(tree.measure_by_id[m], today, stale_after_days).stale
        )
        answered = min((a.date for a in request.answers), default=None)
        out.append(
            OwnerState(
                request.owner,
                owner_name(request.owner, tree, lang),
                len(request.measures),
                any(d.kind is MessageKind.REQUEST for d in request.sent),
                sum(1 for d in request.sent if d.kind is MessageKind.REMINDER),
                answered,
                stale,
            )
        )
    return RoundState(rnd, today, tuple(out))


def state_lines(state: RoundState, lang: str) -> list[str]:
    """The status as lines of plain text in *lang*, for the coordinator and the steering group."""
    from ictgov.round.words import Words

    words = Words(lang)
    lines = [
        words.gettext(
            "Reporting round {round}, due {due}: {answered} of {owners} owners have answered.",
            round=state.round.id,
            due=words.date(state.round.due),
            answered=len(state.answered),
            owners=len(state.owners),
        )
    ]
    for o in state.owners:
        if o.answered is not None:
            mark = words.gettext("answered {date}", date=words.date(o.answered))
        elif o.sent:
            mark = words.gettext("sent, no answer yet")
        else:
            mark = words.gettext("not sent")
        lines.append(f"  {o.name} ({o.owner}): {mark}")
        if o.stale:
            text = words.gettext("still no recent update: {measures}", measures=", ".join(o.stale))
            lines.append(f"    {text}")
    return lines

"""Meetings of bodies: agenda items, decisions and the follow-up actions they assign."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from ictgov.model.base import PERSONAL, Entity, Id, IsoDate, Person, StrictModel, Text
from ictgov.model.budget import Budget


class Resolution(StrEnum):
    """How an agenda item was resolved."""

    PASSED = "passed"  # hyväksyttiin
    PASSED_MODIFIED = "passed_modified"  # hyväksyttiin muutettuna
    PASSED_VOTED = "passed_voted"  # hyväksyttiin äänestyksen jälkeen
    REJECTED = "rejected"
    NOTED = "noted"  # merkittiin tiedoksi
    RETURNED = "returned"  # palautettiin valmisteltavaksi
    TABLED = "tabled"  # pantiin pöydälle
    REMOVED = "removed"  # poistettiin esityslistalta


class AttendeeRole(StrEnum):
    """Role of an attendee in the meeting."""

    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    DEPUTY = "deputy"
    SECRETARY = "secretary"
    PRESENTER = "presenter"
    EXPERT = "expert"
    OTHER = "other"


class Attendee(StrictModel):
    """Someone present at a meeting, by post and optionally by name."""

    post: Text | None = None
    name: str | None = Field(default=None, json_schema_extra=PERSONAL)
    organisation: Id | None = None
    role: AttendeeRole = AttendeeRole.MEMBER
    present: bool = True


class Action(StrictModel):
    """A follow-up the decision assigns: a decision nobody carries out is what we catch."""

    what: Text
    responsible: Id | None = Field(default=None, description="Body or organisation that does it.")
    assignee: str | Person | None = Field(
        default=None,
        description="Who does it: a name ('Maija Virtanen') or a person "
        "({post: ..., name: ..., email: ..., phone: ...}); public pages keep only the post.",
        json_schema_extra=PERSONAL,
    )
    due: IsoDate | None = None
    done: bool = False
    done_date: IsoDate | None = None
    note: Text | None = None


class AgendaItem(StrictModel):
    """One section (§) of the minutes."""

    section: int = Field(ge=1, description="Section number (§).")
    title: Text
    record_number: str | None = Field(
        default=None, description="Record number (diaarinumero), e.g. 553/00.04.01/2023."
    )
    preparer: Person | None = None
    presenter: Person | None = None
    background: Text | None = None
    proposal: Text | None = None
    decision: Text | None = None
    resolution: Resolution | None = None
    remarks: Text | None = None
    concerns: list[Id] = Field(
        default_factory=list, description="Ids of strategy items the item concerns."
    )
    actions: list[Action] = Field(default_factory=list)
    budget: Budget | None = Field(
        default=None,
        description="Money the item decides, e.g. {funder: Orivesi, years: [{year: 2025, "
        "decided: 40000}]}.",
    )


class Meeting(Entity):
    """One file under ``data/meetings/``: one meeting of one body."""

    id: Id
    body: Id
    date: IsoDate
    time: str | None = Field(default=None, pattern=r"^\d{1,2}[:.]\d{2}$")
    place: Text | None = None
    attendees: list[Attendee] = Field(default_factory=list)
    items: list[AgendaItem] = Field(default_factory=list)
    minutes_url: str | None = None

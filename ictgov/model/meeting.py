"""Meetings of bodies: agenda items, decisions and the follow-up actions they assign."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from ictgov.model.base import PERSONAL, Entity, Id, IsoDate, StrictModel, Text


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


class Person(StrictModel):
    """A preparer or presenter: the post always, the name when given."""

    post: Text
    name: str | None = Field(default=None, json_schema_extra=PERSONAL)


class Action(StrictModel):
    """A follow-up the decision assigns: a decision nobody carries out is what we catch."""

    what: Text
    responsible: Id | None = Field(default=None, description="Body or organisation that does it.")
    assignee: str | None = Field(default=None, json_schema_extra=PERSONAL)
    due: IsoDate | None = None
    done: bool = False
    done_date: IsoDate | None = None
    note: Text | None = None


class Dissent(StrictModel):
    """A member who left a dissenting opinion (eriävä mielipide) on the decision."""

    post: Text | None = Field(default=None, description="The member's post, e.g. 'Jäsen'.")
    name: str | None = Field(
        default=None,
        json_schema_extra=PERSONAL,
        description="The member's name as the minutes give it, e.g. 'Maija Virtanen'.",
    )
    text: Text | None = Field(
        default=None, description="The dissent in short, e.g. 'Olisi hylännyt esityksen.'"
    )


class Vote(StrictModel):
    """How the decision was reached: unanimously, or by a vote with its counts."""

    unanimous: bool = Field(
        default=False,
        description="True when decided without a vote, e.g. 'yksimielisesti'.",
    )
    ayes: int | None = Field(
        default=None, ge=0, description="Votes for the proposal that won, e.g. 7."
    )
    noes: int | None = Field(default=None, ge=0, description="Votes against it, e.g. 4.")
    blank: int | None = Field(default=None, ge=0, description="Blank votes, e.g. 0.")
    dissents: list[Dissent] = Field(
        default_factory=list, description="Dissenting opinions left on the decision."
    )

    @model_validator(mode="after")
    def _unanimous_or_counted(self) -> Vote:
        counted = any(n is not None for n in (self.ayes, self.noes, self.blank))
        if self.unanimous and counted:
            raise ValueError(
                "a unanimous decision has no vote counts: remove ayes, noes and blank, "
                "or set unanimous: false"
            )
        if not self.unanimous and not counted:
            raise ValueError(
                "give the vote counts (ayes, noes, blank), or unanimous: true when there "
                "was no vote"
            )
        return self


class Attachment(StrictModel):
    """An attachment (liite) of an agenda item, by title and optionally a link."""

    title: Text = Field(description="The attachment's title, e.g. 'Liite 1 ICT-strategia'.")
    url: str | None = Field(
        default=None, description="Where it can be read, e.g. 'https://example.fi/liite1.pdf'."
    )


class AgendaItem(StrictModel):
    """One section (§) of the minutes."""

    section: int = Field(ge=1, description="Section number (§).")
    title: Text
    additional: bool = Field(
        default=False,
        description="True for an additional item (lisäpykälä) taken up outside the agenda.",
    )
    record_number: str | None = Field(
        default=None, description="Record number (diaarinumero), e.g. 553/00.04.01/2023."
    )
    preparer: Person | None = None
    presenter: Person | None = None
    background: Text | None = None
    proposal: Text | None = None
    decision: Text | None = None
    resolution: Resolution | None = None
    vote: Vote | None = Field(
        default=None,
        description="Unanimous, or the vote counts and dissents, e.g. {ayes: 7, noes: 4}.",
    )
    remarks: Text | None = None
    attachments: list[Attachment] = Field(
        default_factory=list,
        description="Attachments of the item, each a title and optionally a link (url).",
    )
    concerns: list[Id] = Field(
        default_factory=list, description="Ids of strategy items the item concerns."
    )
    actions: list[Action] = Field(default_factory=list)


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

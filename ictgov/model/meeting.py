"""Meetings of bodies: agenda items, decisions and the follow-up actions they assign."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ictgov.model.base import (
    PERSONAL,
    DescribedEnum,
    Entity,
    Id,
    IsoDate,
    Person,
    StrictModel,
    Text,
)
from ictgov.model.budget import Budget


class Resolution(DescribedEnum):
    """How an agenda item was resolved."""

    __descriptions__: ClassVar[dict[str, str]] = {
        "passed": "Approved (hyväksyttiin) as proposed.",
        "passed_modified": "Approved with changes (hyväksyttiin muutettuna).",
        "passed_voted": "Approved after a vote (hyväksyttiin äänestyksen jälkeen).",
        "rejected": "Rejected (hylättiin).",
        "noted": "Noted (merkittiin tiedoksi): for information, nothing decided.",
        "returned": "Returned for further preparation (palautettiin valmisteltavaksi).",
        "tabled": "Tabled (pantiin pöydälle): postponed to a later meeting.",
        "removed": "Removed from the agenda (poistettiin esityslistalta).",
    }

    PASSED = "passed"  # hyväksyttiin
    PASSED_MODIFIED = "passed_modified"  # hyväksyttiin muutettuna
    PASSED_VOTED = "passed_voted"  # hyväksyttiin äänestyksen jälkeen
    REJECTED = "rejected"
    NOTED = "noted"  # merkittiin tiedoksi
    RETURNED = "returned"  # palautettiin valmisteltavaksi
    TABLED = "tabled"  # pantiin pöydälle
    REMOVED = "removed"  # poistettiin esityslistalta


class AttendeeRole(DescribedEnum):
    """Role of an attendee in the meeting."""

    __descriptions__: ClassVar[dict[str, str]] = {
        "chair": "Chair (puheenjohtaja) of the meeting.",
        "vice_chair": "Vice chair (varapuheenjohtaja).",
        "member": "Member (jäsen).",
        "deputy": "Deputy member (varajäsen) standing in for a member.",
        "secretary": "Secretary (sihteeri) who writes the minutes.",
        "presenter": "Presenter (esittelijä) of items.",
        "expert": "Invited expert (asiantuntija).",
        "other": "Anyone else present.",
    }

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

    post: Text | None = Field(
        default=None, description="The attendee's post, e.g. 'CIO of Orivesi'."
    )
    name: str | None = Field(
        default=None,
        json_schema_extra=PERSONAL,
        description="The attendee's name (left out of public reports).",
    )
    organisation: Id | None = Field(
        default=None, description="Id of the attendee's organisation, from organisations.yaml."
    )
    role: AttendeeRole = Field(
        default=AttendeeRole.MEMBER,
        description="Role in the meeting, e.g. chair, member, secretary; default member.",
    )
    present: bool = Field(
        default=True,
        description="Whether the attendee was there; false for an invited member who was absent.",
    )


class Action(StrictModel):
    """A follow-up action (jatkotoimi) that a decision assigns: what, who, by when, done."""

    what: Text = Field(description="What must be done, in a sentence.")
    responsible: Id | None = Field(
        default=None,
        description="Id of the body or organisation that does it, from bodies.yaml or "
        "organisations.yaml.",
    )
    assignee: str | Person | None = Field(
        default=None,
        description="Who does it: a name ('Maija Virtanen') or a person "
        "({post: ..., name: ..., email: ..., phone: ...}); public pages keep only the post.",
        json_schema_extra=PERSONAL,
    )
    due: IsoDate | None = Field(default=None, description="Deadline, e.g. 2024-03-31.")
    done: bool = Field(
        default=False, description="Set to true once the action has been carried out."
    )
    done_date: IsoDate | None = Field(
        default=None, description="When it was done, e.g. 2024-03-15; set done: true too."
    )
    note: Text | None = Field(default=None, description="Anything to know about the action.")


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
            raise PydanticCustomError(
                "vote_unanimous_counted",
                "a unanimous decision has no vote counts: remove ayes, noes and blank, "
                "or set unanimous: false",
            )
        if not self.unanimous and not counted:
            raise PydanticCustomError(
                "vote_not_counted",
                "give the vote counts (ayes, noes, blank), e.g. {example}, or unanimous: true "
                "when there was no vote",
                {"example": "{ayes: 7, noes: 4, blank: 0}"},
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

    section: int = Field(ge=1, description="Section number (pykälä, §), e.g. 256.")
    title: Text = Field(description="Title of the item as in the minutes.")
    additional: bool = Field(
        default=False,
        description="True for an additional item (lisäpykälä) taken up outside the agenda.",
    )
    record_number: str | None = Field(
        default=None, description="Record number (diaarinumero), e.g. 553/00.04.01/2023."
    )
    preparer: Person | None = Field(
        default=None, description="Who prepared the item (valmistelija)."
    )
    presenter: Person | None = Field(
        default=None, description="Who presented the item (esittelijä)."
    )
    background: Text | None = Field(
        default=None, description="Background of the item, as in the minutes."
    )
    proposal: Text | None = Field(default=None, description="The proposal (päätösehdotus).")
    decision: Text | None = Field(default=None, description="The decision (päätös), word for word.")
    resolution: Resolution | None = Field(
        default=None,
        description="How the item ended, e.g. passed, noted, returned, tabled.",
    )
    vote: Vote | None = Field(
        default=None,
        description="Unanimous, or the vote counts and dissents, e.g. {ayes: 7, noes: 4}.",
    )
    remarks: Text | None = Field(
        default=None, description="Remarks recorded in the minutes, e.g. a disqualification."
    )
    attachments: list[Attachment] = Field(
        default_factory=list,
        description="Attachments of the item, each a title and optionally a link (url).",
    )
    concerns: list[Id] = Field(
        default_factory=list,
        description="Ids of the strategy items it concerns: measures, goals or the strategy, "
        "e.g. [ensimmainen-toimenpide].",
    )
    actions: list[Action] = Field(
        default_factory=list, description="Follow-up actions the decision assigns."
    )
    budget: Budget | None = Field(
        default=None,
        description="Money the item decides, e.g. {funder: Orivesi, years: [{year: 2025, "
        "decided: 40000}]}.",
    )


class Meeting(Entity):
    """One file under ``data/meetings/``: one meeting of one body."""

    id: Id = Field(
        description="Id of the meeting, the same as the file name without .yaml, "
        "e.g. ohjausryhma-2024-03-01."
    )
    body: Id = Field(description="Id of the body (toimielin) that met, from bodies.yaml.")
    date: IsoDate = Field(description="Date of the meeting, e.g. 2023-11-20.")
    time: str | None = Field(
        default=None,
        pattern=r"^\d{1,2}[:.]\d{2}$",
        description="Start time, e.g. '14:00' or '9.30'; quote it.",
    )
    place: Text | None = Field(default=None, description="Where, e.g. 'City hall' or 'Teams'.")
    attendees: list[Attendee] = Field(default_factory=list, description="Who was present, by post.")
    items: list[AgendaItem] = Field(
        default_factory=list, description="The agenda items, one per section (§)."
    )
    minutes_url: str | None = Field(
        default=None, description="Address of the published minutes (pöytäkirja), if any."
    )

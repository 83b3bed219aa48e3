"""A reporting round: who was asked to report on which measures, by when, and what came back.

Twice a year the coordinator asks every measure owner for a status update. The
round file (``data/rounds/<id>.yaml``) is the record of that: written by
``ictgov round start``, appended to as messages go out and answers come back, and
versioned with the rest of the strategy so the steering group can see who answered.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from ictgov.model.base import PERSONAL, DescribedEnum, Entity, Id, IsoDate, Lang, StrictModel, Text


class MessageKind(DescribedEnum):
    """Why a message went out."""

    __descriptions__: ClassVar[dict[str, str]] = {
        "request": "The first request for a status update.",
        "reminder": "A reminder to an owner who has not answered yet.",
    }

    REQUEST = "request"
    REMINDER = "reminder"


class Delivery(StrictModel):
    """One message accepted by the mail server for one address."""

    kind: MessageKind = Field(description="Why it was sent: request or reminder.")
    to: str = Field(json_schema_extra=PERSONAL, description="The e-mail address it was sent to.")
    date: IsoDate = Field(description="When it was sent, e.g. 2024-04-02.")


class Answer(StrictModel):
    """One returned workbook, collected."""

    date: IsoDate = Field(description="When the answer was collected, e.g. 2024-04-20.")
    file: str = Field(description="Name of the returned file.")
    sha256: str = Field(
        pattern="^[0-9a-f]{64}$",
        description="Fingerprint of the file, so the same file counts once; written by ictgov.",
    )
    changed: list[Id] = Field(default_factory=list, description="Ids of the measures it changed.")


class Request(StrictModel):
    """What one owner was asked: their measures, and what of them was stale or overdue."""

    owner: Id = Field(description="Id of the responsible body or organisation that was asked.")
    language: Lang = Field(
        description="Language of the message and workbook: fi, sv or en.",
        json_schema_extra={"enumDescriptions": ["Finnish.", "Swedish.", "English."]},
    )
    measures: list[Id] = Field(min_length=1, description="Ids of the owner's measures.")
    stale: list[Id] = Field(
        default_factory=list, description="Ids of the measures that had no recent update."
    )
    overdue: list[Id] = Field(
        default_factory=list, description="Ids of the measures past their planned end."
    )
    to: list[str] = Field(
        default_factory=list,
        json_schema_extra=PERSONAL,
        description="E-mail addresses the request goes to.",
    )
    workbook: str = Field(
        pattern=r"^[^/\\]+\.xlsx$",
        description="File name of the owner's workbook in the round folder (no folder part).",
    )
    sent: list[Delivery] = Field(default_factory=list, description="Messages sent, by date.")
    answers: list[Answer] = Field(
        default_factory=list, description="Workbooks returned and collected."
    )


class Round(Entity):
    """One file under ``data/rounds/``: one reporting round."""

    id: Id = Field(
        description="Id of the round, the same as the file name without .yaml, e.g. 2024-spring."
    )
    title: Text | None = Field(default=None, description="Name of the round, e.g. 'Spring 2024'.")
    started: IsoDate = Field(description="When the round started, e.g. 2024-04-02.")
    due: IsoDate = Field(description="When the answers are due, e.g. 2024-04-30.")
    requests: list[Request] = Field(
        default_factory=list, description="One request per owner asked."
    )

    def request_for(self, owner: str) -> Request | None:
        """The request to *owner*, if the round has one."""
        return next((r for r in self.requests if r.owner == owner), None)

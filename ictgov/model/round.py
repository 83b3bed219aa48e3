"""A reporting round: who was asked to report on which measures, by when, and what came back.

Twice a year the coordinator asks every measure owner for a status update. The
round file (``data/rounds/<id>.yaml``) is the record of that: written by
``ictgov round start``, appended to as messages go out and answers come back, and
versioned with the rest of the strategy so the steering group can see who answered.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from ictgov.model.base import PERSONAL, Entity, Id, IsoDate, Lang, StrictModel, Text


class MessageKind(StrEnum):
    """Why a message went out."""

    REQUEST = "request"
    REMINDER = "reminder"


class Delivery(StrictModel):
    """One message accepted by the mail server for one address."""

    kind: MessageKind
    to: str = Field(json_schema_extra=PERSONAL)
    date: IsoDate


class Answer(StrictModel):
    """One returned workbook, collected."""

    date: IsoDate
    file: str = Field(description="Name of the returned file.")
    sha256: str = Field(pattern="^[0-9a-f]{64}$", description="So the same file counts once.")
    changed: list[Id] = Field(default_factory=list, description="Measures it changed.")


class Request(StrictModel):
    """What one owner was asked: their measures, and what of them was stale or overdue."""

    owner: Id = Field(description="The responsible body or organisation.")
    language: Lang
    measures: list[Id] = Field(min_length=1)
    stale: list[Id] = Field(default_factory=list)
    overdue: list[Id] = Field(default_factory=list)
    to: list[str] = Field(default_factory=list, json_schema_extra=PERSONAL)
    workbook: str = Field(
        pattern=r"^[^/\\]+\.xlsx$",
        description="File name of the owner's workbook in the round folder (no folder part).",
    )
    sent: list[Delivery] = Field(default_factory=list)
    answers: list[Answer] = Field(default_factory=list)


class Round(Entity):
    """One file under ``data/rounds/``: one reporting round."""

    id: Id
    title: Text | None = None
    started: IsoDate
    due: IsoDate
    requests: list[Request] = Field(default_factory=list)

    def request_for(self, owner: str) -> Request | None:
        """The request to *owner*, if the round has one."""
        return next((r for r in self.requests if r.owner == owner), None)

"""Shared building blocks of the data model: strict models, ids, texts, dates, links.

Every model forbids unknown keys so that a typo (``staus:``) is an error with a
location rather than a silently ignored field.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    PrivateAttr,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

LANGS: tuple[str, ...] = ("fi", "sv", "en")
Lang = Literal["fi", "sv", "en"]

ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
_ID_RE = re.compile(ID_PATTERN)

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=80),
    Field(description="Stable identifier: lowercase letters, digits, '-', '_' and '.'."),
]

#: Codes people read and type ("1.10", "3", "A2"): letters, digits, '.', '-', '_', at most
#: 20 characters, starting with a letter or digit. Codes end up in file names, command
#: lines and templates, so ' ', '-rf', '../x' and '{{7*7}}' are refused.
CODE_PATTERN = r"^[A-Za-z0-9ÅÄÖåäö][A-Za-z0-9ÅÄÖåäö._-]{0,19}$"
CODE_HINT = (
    "codes use letters, digits and '.', '-' or '_', start with a letter or digit and "
    "have at most 20 characters, e.g. '1.10'"
)

ItemCode = Annotated[
    str,
    StringConstraints(pattern=CODE_PATTERN),
    Field(description="Short human code, e.g. '1.3': letters, digits, '.', '-' and '_'."),
]

#: Marks a field that holds a personal name or e-mail; `--public` output leaves it out.
PERSONAL: dict[str, Any] = {"x-personal": True}


def is_valid_id(value: str) -> bool:
    """Whether *value* is a well-formed id (used by the CLI before touching files)."""
    return bool(_ID_RE.match(value)) and len(value) <= 80


def _check_text(value: Any) -> str | dict[str, str]:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        if not value:
            raise PydanticCustomError(
                "text_empty", "a map of languages needs at least one of fi, sv, en"
            )
        for lang, text in value.items():
            if lang not in LANGS:
                raise PydanticCustomError(
                    "text_language",
                    "unknown language {lang!r}: use fi, sv or en",
                    {"lang": str(lang)},
                )
            if not isinstance(text, str):
                raise PydanticCustomError(
                    "text_type",
                    "the {lang} text must be a string; put quotes around it",
                    {"lang": lang},
                )
        return dict(value)
    raise PydanticCustomError(
        "text_type", "expected a text, or a map of languages (fi, sv, en) to texts"
    )


_TEXT_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string"},
        {
            "type": "object",
            "properties": {lang: {"type": "string"} for lang in LANGS},
            "additionalProperties": False,
            "minProperties": 1,
        },
    ],
    "description": "A text, or a map of languages (fi, sv, en) to texts.",
}

Text = Annotated[str | dict[str, str], PlainValidator(_check_text), WithJsonSchema(_TEXT_SCHEMA)]
"""A text in one language, or the same text in several: ``{fi: ..., sv: ..., en: ...}``."""


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _iso_date(value: Any) -> Any:
    """Accept only ISO dates; pydantic would otherwise read ``20231120`` as a timestamp."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            if not _ISO_DATE.match(value.strip()):
                raise ValueError(value)
            return date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError(
                "date_format", "expected a date as YYYY-MM-DD, e.g. 2024-03-31"
            ) from None
    raise PydanticCustomError("date_type", "expected a date as YYYY-MM-DD, e.g. 2024-03-31")


IsoDate = Annotated[date, BeforeValidator(_iso_date)]

Year = Annotated[int, Field(ge=1900, le=2200)]
Percent = Annotated[int, Field(ge=0, le=100, description="Per cent, 0-100.")]


class StrictModel(BaseModel):
    """Base of every model: unknown keys are errors, values are validated on assignment."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        str_strip_whitespace=False,
        use_enum_values=False,
        defer_build=True,
    )


class Entity(StrictModel):
    """A model that knows where it was read from, so checks can point at its lines."""

    _source: Any = PrivateAttr(default=None)


class Link(StrictModel):
    """A link to a document or page. Only http, https and mailto are ever rendered as links."""

    title: Text | None = None
    url: Annotated[str, StringConstraints(min_length=1, max_length=2000)]


class Status(StrEnum):
    """Lifecycle of a measure."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    ON_HOLD = "on_hold"
    DISCONTINUED = "discontinued"


class Health(StrEnum):
    """How an in-progress measure is doing against its plan."""

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"


class Person(StrictModel):
    """A person by post, and optionally by name, e-mail and phone (personal data).

    The post is what public pages keep (``--public`` drops the rest): a reader may
    know that the ICT account manager of Orivesi answers, not who that is today.
    """

    post: Text | None = Field(
        default=None, description="Post or title, e.g. 'ICT-asiakkuuspäällikkö, Orivesi'."
    )
    name: str | None = Field(
        default=None, description="Full name, e.g. 'Maija Virtanen'.", json_schema_extra=PERSONAL
    )
    email: str | None = Field(
        default=None,
        description="E-mail address, e.g. 'maija.virtanen@orivesi.fi'.",
        json_schema_extra=PERSONAL,
    )
    phone: str | None = Field(
        default=None,
        description="Telephone number as people write it, e.g. '040 123 4567'.",
        json_schema_extra=PERSONAL,
    )
    organisation: Id | None = Field(
        default=None, description="Id of the organisation the person works for, e.g. 'orivesi'."
    )


class Contact(Person):
    """Someone to ask about a measure: a person (post, and name, e-mail, phone if given)."""

"""Shared building blocks of the data model: strict models, ids, texts, dates, links.

Every model forbids unknown keys so that a typo (``staus:``) is an error with a
location rather than a silently ignored field.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    PlainValidator,
    PrivateAttr,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import CoreSchema, PydanticCustomError

LANGS: tuple[str, ...] = ("fi", "sv", "en")
Lang = Literal["fi", "sv", "en"]

ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
_ID_RE = re.compile(ID_PATTERN)

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=80),
    Field(
        description="Stable identifier (id): lowercase letters a-z, digits and '-', '_' or '.', "
        "e.g. tampere or g1; other files refer to the item by it, so do not change it."
    ),
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
    Field(
        description="Short human code, e.g. '1.3': letters, digits, '.', '-' and '_'; "
        "quote it so that 1.10 is not read as a number."
    ),
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
            "properties": {
                lang: {"type": "string", "description": f"The text in {name}."}
                for lang, name in zip(LANGS, ("Finnish", "Swedish", "English"), strict=True)
            },
            "additionalProperties": False,
            "minProperties": 1,
        },
    ],
    "description": "A text, or the same text in several languages: fi, sv and en under "
    "each other, e.g. fi: Sujuva arki, sv: En smidig vardag.",
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

Year = Annotated[int, Field(ge=1900, le=2200, description="A year, e.g. 2027.")]
Percent = Annotated[
    int, Field(ge=0, le=100, description="Per cent, a whole number 0-100 without %, e.g. 40.")
]


class DescribedEnum(StrEnum):
    """A set of allowed values, each explained in the JSON Schema.

    ``__descriptions__`` maps each value to a sentence; the schema gets it as
    ``enumDescriptions`` (one per value, in order), which the YAML extension of VS Code
    shows in completion lists and when hovering over the value. A plain ``enum`` stays
    beside it, so validators and the error message ("Value is not accepted. Valid values:
    ...") are the same as without descriptions.
    """

    __descriptions__: ClassVar[dict[str, str]] = {}

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        schema = handler(core_schema)
        target = handler.resolve_ref_schema(schema)
        target["enumDescriptions"] = [cls.__descriptions__.get(str(m), "") for m in cls]
        return schema


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

    title: Text | None = Field(default=None, description="The link text people see.")
    url: Annotated[str, StringConstraints(min_length=1, max_length=2000)] = Field(
        description="Address of the page, e.g. https://www.tampere.fi/ict-strategia."
    )


class Status(DescribedEnum):
    """Lifecycle of a measure."""

    __descriptions__: ClassVar[dict[str, str]] = {
        "planned": "Planned: decided but not started yet.",
        "in_progress": "In progress: work has started.",
        "completed": "Completed: done; set the actual end date in the schedule.",
        "on_hold": "On hold: paused for now, to be continued later.",
        "discontinued": "Discontinued: will not be carried out; say why in a note.",
    }

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    ON_HOLD = "on_hold"
    DISCONTINUED = "discontinued"


class Health(DescribedEnum):
    """How an in-progress measure is doing against its plan."""

    __descriptions__: ClassVar[dict[str, str]] = {
        "on_track": "On track: going as planned (green).",
        "at_risk": "At risk: delays or problems that can still be handled (yellow).",
        "off_track": "Off track: will not reach its target as planned without new decisions (red).",
    }

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

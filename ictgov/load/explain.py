"""What a Pydantic error means, in plain words: what is expected here, with an example.

The people who write the files are municipal staff, not programmers: "Input should be
a valid integer, unable to parse string as an integer" tells them nothing. Each error
type (and, where it helps, each field) gets its own message, kept as a msgid and plain
arguments (:mod:`ictgov.i18n.messages`) so it is shown in the reader's language. No
text of Pydantic's ever reaches the reader: an error type not listed here gets a
general "this value is not what is expected here".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from ictgov.diagnostics import SCHEMA_INVALID, Diagnostic
from ictgov.i18n import N_
from ictgov.i18n.messages import MSGID, msg
from ictgov.i18n.vocabulary import id_for, value_for
from ictgov.model.base import CODE_PATTERN, ID_PATTERN

Message = dict[str, Any]

#: How an id is written; its ``value`` argument lets ``suggest_ids`` look the value up.
ID_FORM = N_("ids use lowercase letters a-z, digits and '-', '_' or '.', e.g. 'evaka-rollout'")


_INT = {"int_type", "int_parsing", "int_from_float", "int_parsing_size"}
_FLOAT = {"float_type", "float_parsing", "finite_number", "decimal_parsing", "decimal_type"}
_BOOL = {"bool_type", "bool_parsing"}
_DATE = {
    "date_type",
    "date_parsing",
    "date_format",
    "date_from_datetime_parsing",
    "date_from_datetime_inexact",
    "datetime_type",
    "datetime_parsing",
}
_LIST = {"list_type", "tuple_type", "set_type", "frozen_set_type", "iterable_type"}
_MAPPING = {"dict_type", "model_type", "model_attributes_type"}
_RANGE = {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}
#: A Finnish or Swedish date: 26.4.2019, 26.04.2019, 26/4/2019.
_LOCAL_DATE = re.compile(r"\s*(\d{1,2})[./](\d{1,2})[./](\d{4})\s*\Z")
_NUMBER = re.compile(r"-?\d+")


def _field(loc: tuple[Any, ...]) -> str:
    """The last key of *loc*: the field the value belongs to (``progress``)."""
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return ""


def _iso_from_local(value: Any) -> str | None:
    """``2019-04-26`` for ``26.4.2019``, or None when *value* is no such date."""
    match = _LOCAL_DATE.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _allowed(ctx: dict[str, Any]) -> list[str]:
    """The allowed values of an enum or literal error (``'a', 'b' or 'c'``)."""
    return re.findall(r"'([^']*)'", str(ctx.get("expected", "")))


def _whole_number(field: str, value: Any, ctx: dict[str, Any]) -> Message:
    if field == "progress":
        digits = _NUMBER.search(str(value)) if value is not None else None
        example = digits.group() if digits and 0 <= int(digits.group()) <= 100 else "40"
        return msg(
            N_("progress is a whole number from 0 to 100 without %, e.g. 'progress: {example}'"),
            example=example,
        )
    if isinstance(value, float) and not value.is_integer():
        return msg(
            N_("write a whole number here, without decimals, e.g. '{field}: 4'"), field=field
        )
    return msg(N_("write a whole number here, e.g. '{field}: 4'"), field=field or "value")


def _range(kind: str, field: str, ctx: dict[str, Any], value: Any) -> Message:
    if field == "progress":
        return _whole_number(field, value, ctx)
    limit = next(iter(v for k, v in ctx.items() if k in {"gt", "ge", "lt", "le"}), "?")
    msgid = {
        "greater_than": N_("the number must be greater than {limit}"),
        "greater_than_equal": N_("the number must be at least {limit}"),
        "less_than": N_("the number must be less than {limit}"),
        "less_than_equal": N_("the number must be at most {limit}"),
    }[kind]
    return msg(msgid, limit=limit)


def problem(kind: str, loc: tuple[Any, ...], value: Any, ctx: dict[str, Any]) -> Message:
    """What is wrong with *value* at *loc*, and how to write it right, as a message."""
    field = _field(loc)
    if kind in _INT:
        return _whole_number(field, value, ctx)
    if kind in _RANGE:
        return _range(kind, field, ctx, value)
    if kind in _BOOL:
        meant = value_for(field, value, boolean=True)
        if meant is not None:
            return msg(
                N_("write true or false; '{value}' means '{field}: {meant}'"),
                value=str(value),
                field=field,
                meant=meant,
            )
        return msg(N_("write true or false, e.g. '{field}: true'"), field=field or "done")
    if kind in _DATE:
        iso = _iso_from_local(value)
        if iso is not None:
            return msg(
                N_("write the date as year-month-day: '{value}' is '{iso}'"),
                value=str(value).strip(),
                iso=iso,
            )
        return msg(N_("write a date as year-month-day, e.g. 2019-04-26"))
    if kind in {"enum", "literal_error"}:
        allowed = _allowed(ctx)
        meant = value_for(field, value, allowed)
        if meant is not None and meant != value:
            return msg(
                N_(
                    "'{value}' is not one of the allowed values; did you mean '{meant}'? "
                    "Allowed: {allowed}"
                ),
                value=str(value),
                meant=meant,
                allowed=allowed,
            )
        return msg(N_("write one of the allowed values: {allowed}"), allowed=allowed)
    if kind in _LIST:
        return msg(
            N_("write a list here: '{field}: [a, b]', or one item per line starting with '- '"),
            field=field or "items",
        )
    if kind in _MAPPING:
        return msg(N_("write keys and values here (like 'id: ...'), one per line"))
    if kind in _FLOAT:
        return msg(N_("write a number here, e.g. '{field}: 2.5'"), field=field or "value")
    if kind in {"string_type", "text_type"}:
        if isinstance(value, bool | int | float):
            return msg(
                N_("write a text here; put quotes around it, e.g. '{field}: \"{value}\"'"),
                field=field or "code",
                value=str(value).lower() if isinstance(value, bool) else str(value),
            )
        return msg(N_("write a text here (or texts by language: fi, sv, en)"))
    if kind == "string_too_short" or kind == "too_short" or kind == "text_empty":
        return msg(N_("this must not be empty; write something here"))
    if kind in {"string_too_long", "too_long"}:
        return msg(N_("this is too long: at most {n}"), n=ctx.get("max_length", "?"))
    if kind == "text_language":
        return msg(N_("unknown language '{lang}': use fi, sv or en"), lang=str(ctx.get("lang", "")))
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern")
        if pattern == ID_PATTERN:
            return msg(ID_FORM, value=value if isinstance(value, str) else str(value))

        if pattern == CODE_PATTERN:
            return msg(
                N_(
                    "codes use letters, digits and '.', '-' or '_', start with a letter or digit "
                    "and have at most 20 characters, e.g. '1.10'"
                )
            )
        return msg(N_("this is not written in the expected form"))
    if kind == "period_order":
        return msg(
            N_(
                "the period ends before it starts; the first year comes first, "
                "e.g. '{{start: {start}, end: {end}}}'"
            ),
            start=min(ctx.get("start", 2023), ctx.get("end", 2027)),
            end=max(ctx.get("start", 2023), ctx.get("end", 2027)),
        )
    if kind == "value_error" and "period" in loc:
        return msg(N_("the period ends before it starts; check start and end"))
    if kind == "range_order":
        return msg(
            N_("in a range the smaller number comes first, e.g. '{field}: {example}'"),
            field=str(ctx.get("field", "meetings_per_year")),
            example=str(ctx.get("example", "2-4")),
        )
    if kind == "vote_unanimous_counted":
        return msg(
            N_(
                "a unanimous decision has no vote counts: remove ayes, noes and blank, "
                "or write 'unanimous: false'"
            )
        )
    if kind == "vote_not_counted":
        return msg(
            N_(
                "write the vote counts, e.g. 'vote: {example}', or 'vote: {{unanimous: true}}' "
                "when there was no vote"
            ),
            example=str(ctx.get("example", "{ayes: 7, noes: 4, blank: 0}")),
        )
    if field in EXAMPLES:
        return msg(
            N_("this value is not what is expected here; write it like '{field}: {example}'"),
            field=field,
            example=EXAMPLES[field],
        )
    return msg(N_("this value is not what is expected here; compare it with docs/format.md"))


def entity_names(entities: Iterable[object]) -> dict[str, list[str]]:
    """Each item's id -> its names and titles in every language (to match a name to an id)."""
    out: dict[str, list[str]] = {}
    for entity in entities:
        ident = getattr(entity, "id", None)
        if not isinstance(ident, str):
            continue
        names = out.setdefault(ident, [])
        for attr in ("name", "title", "short_name", "abbreviation"):
            value = getattr(entity, attr, None)
            texts = value.values() if isinstance(value, dict) else [value]
            names.extend(t for t in texts if isinstance(t, str) and t)
    return out


def suggest_ids(
    diagnostics: Iterable[Diagnostic], names: Mapping[str, Iterable[str]]
) -> list[Diagnostic]:
    """*diagnostics*, where a reference written as a name (``Porin kaupunki``) names its id.

    A file is validated alone, so only the whole tree knows the ids; this second look
    turns "ids use lowercase letters" into "did you mean 'pori'?" when one matches.
    An item's own ``id`` is left alone: it names no other item.
    """
    out: list[Diagnostic] = []
    for d in diagnostics:
        found = d.args.get("problem") if d.code == SCHEMA_INVALID.code else None
        if (
            isinstance(found, dict)
            and found.get(MSGID) == ID_FORM
            and d.path.rsplit(".", 1)[-1] != "id"
        ):
            value = str(found.get("args", {}).get("value", ""))
            meant = id_for(value, names)
            if meant is not None:
                better = msg(
                    N_(
                        "'{value}' is not an id; did you mean '{id}'? Ids are written in lower case"
                    ),
                    value=value,
                    id=meant,
                )
                d = replace(d, args={**d.args, "problem": better})
        out.append(d)
    return out


#: What a value of a common field looks like, for "add 'date: 2019-04-26'".
EXAMPLES: dict[str, str] = {
    "date": "2019-04-26",
    "due": "2019-04-26",
    "planned_start": "2019-04-26",
    "planned_end": "2019-04-26",
    "progress": "40",
    "done": "false",
    "status": "in_progress",
    "goals": "[g1]",
    "section": "12",
    "code": '"1.10"',
    "start": "2023",
    "end": "2027",
    "meetings_per_year": "4",
}


def example_of(key: str) -> str:
    """An example value of the field *key* (``...`` when there is no one example)."""
    return EXAMPLES.get(key, "...")

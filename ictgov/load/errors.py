"""Turn Pydantic validation errors into diagnostics at the exact key or value."""

from __future__ import annotations

import types
import typing
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ictgov.diagnostics import (
    SCHEMA_INVALID,
    SCHEMA_MISSING,
    SCHEMA_UNKNOWN_KEY,
    Diagnostic,
)
from ictgov.i18n import N_
from ictgov.i18n.messages import msg
from ictgov.i18n.vocabulary import key_for
from ictgov.load.explain import example_of, problem
from ictgov.load.sourcemap import DataPath, SourceMap, format_path


def _unwrap(tp: Any) -> list[Any]:
    """The concrete alternatives of an annotation (strips Annotated and unions)."""
    origin = get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(get_args(tp)[0])
    if origin is Union or origin is types.UnionType:
        out: list[Any] = []
        for arg in get_args(tp):
            out.extend(_unwrap(arg))
        return out
    return [tp]


def model_at(model: type[BaseModel], loc: DataPath) -> type[BaseModel] | None:
    """The model class that describes the mapping at *loc*, if there is one."""
    current: list[Any] = [model]
    for part in loc:
        nxt: list[Any] = []
        for tp in current:
            for alt in _unwrap(tp):
                if isinstance(part, int) and get_origin(alt) is list:
                    nxt.extend(get_args(alt)[:1])
                elif isinstance(alt, type) and issubclass(alt, BaseModel):
                    field = alt.model_fields.get(str(part))
                    if field is not None:
                        nxt.append(field.annotation)
        if not nxt:
            return None
        current = nxt
    for tp in current:
        for alt in _unwrap(tp):
            if isinstance(alt, type) and issubclass(alt, BaseModel):
                return alt
    return None


def _clean_loc(loc: tuple[Any, ...]) -> DataPath:
    """Drop Pydantic's internal parts (``[key]``, validator tags) from an error location."""
    return tuple(
        p for p in loc if isinstance(p, int) or not (str(p).startswith(("[", "function-")))
    )


def _flow(value: Any) -> str:
    """*value* as YAML flow style, the way the file writes it: ``{noes: 2, unanimous: true}``."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return str(value)


def _show(value: Any) -> str:
    text = _flow(value) if isinstance(value, dict | list | tuple) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _where(full: DataPath) -> Any:
    return format_path(full) or msg(N_("the top level"))


def validation_diagnostics(
    error: ValidationError,
    model: type[BaseModel],
    file: str,
    smap: SourceMap,
    prefix: DataPath = (),
) -> list[Diagnostic]:
    """One diagnostic per Pydantic error, each pointing at the offending key or value.

    The message says in plain words what is expected (:mod:`ictgov.load.explain`);
    Pydantic's own sentences are never shown.
    """
    out: list[Diagnostic] = []
    for err in error.errors(include_url=False):
        loc = _clean_loc(err["loc"])
        full = prefix + loc
        kind = err["type"]
        if kind == "extra_forbidden":
            key = str(loc[-1]) if loc else "?"
            owner = model_at(model, loc[:-1])
            allowed = sorted(owner.model_fields) if owner else []
            meant = key_for(key, allowed)
            hint = (
                msg(N_("did you mean '{key}'?"), key=meant)
                if meant
                else msg(N_("the keys allowed here: {keys}"), keys=allowed)
                if allowed
                else msg(N_("remove it"))
            )
            line, col = smap.key_at(full)
            out.append(
                SCHEMA_UNKNOWN_KEY.at(
                    N_("unknown key '{key}'; {hint}"),
                    file,
                    line,
                    col,
                    format_path(full),
                    args={"key": key, "hint": hint},
                )
            )
        elif kind == "missing":
            key = str(loc[-1]) if loc else "?"
            line, col = smap.value_at(full[:-1])
            out.append(
                SCHEMA_MISSING.at(
                    N_("the key '{key}' is missing from {where}; add '{key}: {example}'"),
                    file,
                    line,
                    col,
                    format_path(full),
                    args={"key": key, "where": _where(full[:-1]), "example": example_of(key)},
                )
            )
        else:
            line, col = smap.value_at(full)
            out.append(
                SCHEMA_INVALID.at(
                    N_("{where}: {problem} (it says {got})"),
                    file,
                    line,
                    col,
                    format_path(full),
                    args={
                        "where": _where(full),
                        "problem": problem(kind, loc, err.get("input"), err.get("ctx") or {}),
                        "got": _show(err.get("input")),
                    },
                )
            )
    return out

"""Turn Pydantic validation errors into diagnostics at the exact key or value."""

from __future__ import annotations

import difflib
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
from ictgov.load.sourcemap import DataPath, SourceMap, format_path
from ictgov.model.base import CODE_HINT, CODE_PATTERN, ID_PATTERN


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


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def validation_diagnostics(
    error: ValidationError,
    model: type[BaseModel],
    file: str,
    smap: SourceMap,
    prefix: DataPath = (),
) -> list[Diagnostic]:
    """One diagnostic per Pydantic error, each pointing at the offending key or value."""
    out: list[Diagnostic] = []
    for err in error.errors(include_url=False):
        loc = _clean_loc(err["loc"])
        full = prefix + loc
        where = format_path(full) or "the top level"
        kind = err["type"]
        if kind == "extra_forbidden":
            key = str(loc[-1]) if loc else "?"
            owner = model_at(model, loc[:-1])
            allowed = sorted(owner.model_fields) if owner else []
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint = (
                f"did you mean {close[0]!r}?"
                if close
                else f"allowed keys here: {', '.join(allowed)}"
                if allowed
                else "remove it"
            )
            line, col = smap.key_at(full)
            out.append(
                SCHEMA_UNKNOWN_KEY.at(
                    f"unknown key {key!r}; {hint}", file, line, col, format_path(full)
                )
            )
        elif kind == "missing":
            key = str(loc[-1]) if loc else "?"
            parent = format_path(full[:-1]) or "the top level"
            line, col = smap.value_at(full[:-1])
            out.append(
                SCHEMA_MISSING.at(
                    f"missing required key {key!r} in {parent}; add it",
                    file,
                    line,
                    col,
                    format_path(full),
                )
            )
        elif kind == "model_type" and not loc:
            line, col = smap.value_at(full)
            out.append(
                SCHEMA_INVALID.at(
                    f"expected a mapping of keys (like 'id: ...') at {where}, "
                    f"found {type(err['input']).__name__}",
                    file,
                    line,
                    col,
                    format_path(full),
                )
            )
        else:
            line, col = smap.value_at(full)
            message = err["msg"]
            if kind in {"string_type"} and isinstance(err["input"], (int, float, bool)):
                message += "; put quotes around it"
            elif (
                kind == "string_pattern_mismatch"
                and err.get("ctx", {}).get("pattern") == ID_PATTERN
            ):
                message = (
                    "ids use lowercase letters a-z, digits and '-', '_' or '.', "
                    "e.g. 'evaka-rollout'"
                )
            elif (
                kind == "string_pattern_mismatch"
                and err.get("ctx", {}).get("pattern") == CODE_PATTERN
            ):
                message = CODE_HINT
            out.append(
                SCHEMA_INVALID.at(
                    f"{where}: {message} (got {_show(err['input'])})",
                    file,
                    line,
                    col,
                    format_path(full),
                )
            )
    return out

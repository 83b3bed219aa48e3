"""Text in, edited text out: the exact engine first, ruamel.yaml round-trip second.

Whichever engine writes the text, the result is read back with the fast loader
and must equal the original data with the operations applied; an engine whose
output differs in any value is not trusted, so a formatting surprise can never
turn into a data change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ictgov.edit import patch
from ictgov.edit.eof import with_final_newline
from ictgov.edit.ops import Op, apply_plain
from ictgov.edit.render import Style
from ictgov.errors import IctgovError
from ictgov.load.yaml12 import ParsedYaml, parse_yaml

BOM = "\ufeff"


class UnparseableFileError(IctgovError):
    """The file is not valid YAML: it is never rewritten."""


class EditFailedError(IctgovError):
    """No engine could make the edit so that the file reads back as intended."""


@dataclass(frozen=True, slots=True)
class TextFormat:
    """How a file encodes its text: kept exactly when it is written back."""

    bom: bool = False
    #: ``"\r\n"`` when every line ends so (the text is then edited with ``\n``).
    newline: str = "\n"


def decode(raw: bytes) -> tuple[str, TextFormat]:
    """UTF-8 text with LF line ends (when the file uses CRLF throughout) and its format."""
    text = raw.decode("utf-8")
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    crlf = text.count("\r\n")
    if crlf and crlf == text.count("\n"):
        return text.replace("\r\n", "\n"), TextFormat(bom, "\r\n")
    return text, TextFormat(bom, "\n")


def encode(text: str, fmt: TextFormat) -> bytes:
    """Bytes in the file's own format: its BOM and line ends."""
    if fmt.newline == "\r\n":
        text = text.replace("\n", "\r\n")
    return ((BOM if fmt.bom else "") + text).encode("utf-8")


@dataclass(frozen=True, slots=True)
class Edited:
    """The new text, which engine wrote it (``patch`` or ``roundtrip``) and its parse."""

    text: str
    engine: str
    parsed: ParsedYaml | None = None


Engine = Callable[[str, list[Op], Style, Any], str]


def _patch(text: str, ops: list[Op], style: Style, root: Any) -> str:
    return patch.apply(text, ops, style, root)


def _roundtrip(text: str, ops: list[Op], style: Style, root: Any) -> str:
    from ictgov.edit import roundtrip  # ruamel.yaml is loaded only when needed

    return roundtrip.apply(text, ops, style)


ENGINES: dict[str, Engine] = {"patch": _patch, "roundtrip": _roundtrip}


def _unparseable(parsed: ParsedYaml) -> UnparseableFileError:
    problem = parsed.problems[0] if parsed.problems else None
    where = f" (line {problem.line}, column {problem.column}: {problem.message})" if problem else ""
    return UnparseableFileError(
        f"the file is not valid YAML{where}; ictgov does not rewrite a file it cannot "
        "read. Fix it first (ictgov lint shows where)."
    )


def edit_text(
    text: str,
    ops: list[Op],
    *,
    engines: tuple[str, ...] = ("patch", "roundtrip"),
    data: Any = None,
) -> Edited:
    """Apply *ops* to *text*; the first engine whose output reads back as intended wins.

    *data* is the text's data if the caller has parsed it already (saves a parse).
    """
    if data is None:
        parsed = parse_yaml(text)
        if parsed.problems or parsed.data is None:
            raise _unparseable(parsed)
        data = parsed.data
    if not ops:
        return Edited(text, "none")
    text = with_final_newline(text, data)
    expected = apply_plain(data, ops)
    root = patch.compose(text)
    style = patch.detect_style(text, root)
    reasons: list[str] = []
    for name in engines:
        try:
            new_text = ENGINES[name](text, ops, style, root)
        except patch.Declined as exc:
            reasons.append(f"{name}: {exc}")
            continue
        check = parse_yaml(new_text)
        if check.problems or check.data != expected:
            reasons.append(f"{name}: the result does not read back as intended")
            continue
        return Edited(new_text, name, check)
    raise EditFailedError(
        "could not make this edit without risking other content of the file ("
        + "; ".join(reasons)
        + "); edit the file by hand"
    )

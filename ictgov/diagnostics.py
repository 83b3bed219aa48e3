"""The one shape every finding has, from a YAML syntax error to a missed meeting cadence."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from ictgov.i18n import LANGUAGES, N_, translations
from ictgov.i18n.messages import render


class Severity(StrEnum):
    """How serious a finding is. Ordered: error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Larger is more severe, for comparisons with ``--fail-on``."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]


#: Severity words as a reader sees them (the codes ``error`` ... stay in JSON and SARIF).
SEVERITY_WORDS: dict[str, str] = {
    "error": N_("error"),
    "warning": N_("warning"),
    "info": N_("info"),
}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding at a place: code (``RF01``), dotted name, severity, and how to fix it.

    The message is kept as data (``msgid``, an English template, and ``args``) and
    put into words only when shown (:meth:`text`), so one result, cached as JSON,
    can be read in Finnish, Swedish or English.
    """

    code: str
    name: str
    severity: Severity
    msgid: str
    file: str
    line: int = 1
    column: int = 1
    path: str = ""
    end_line: int | None = None
    end_column: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    args: dict[str, Any] = field(default_factory=dict, hash=False)

    @property
    def message(self) -> str:
        """The message in English (for logs, tests and callers that speak no language)."""
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        """The message in *lang* (``fi``, ``sv`` or ``en``)."""
        return render(self.msgid, self.args, lang)

    def sort_key(self) -> tuple[str, int, int, str]:
        """Files in order, then position, then code: stable output for golden tests."""
        return (self.file, self.line, self.column, self.code)

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        """Plain data for JSON: language-free (``msgid`` and ``args``) unless *lang* is given.

        With *lang*, ``message`` holds the text in that language instead (what the JSON
        reporter prints); without, the result is what :meth:`from_dict` reads back.
        """
        data = asdict(self)
        data["severity"] = self.severity.value
        if not data["extra"]:
            del data["extra"]
        if lang is not None:
            del data["msgid"], data["args"]
            data["message"] = self.text(lang)
        elif not data["args"]:
            del data["args"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Diagnostic:
        """The inverse of ``as_dict()``: how the caches read findings back from JSON."""
        return cls(**{**data, "severity": Severity(data["severity"])})


def describe(d: Diagnostic, lang: str = "en") -> str:
    """``file:line:col: severity CODE message`` in *lang*: one finding for any command."""
    return (
        f"{d.file}:{d.line}:{d.column}: {severity_word(d.severity, lang)} {d.code} {d.text(lang)}"
    )


def severity_word(severity: Severity, lang: str = "en") -> str:
    """``virhe``, ``fel``, ``error``: the severity as a reader of *lang* calls it."""
    return translations(lang if lang in LANGUAGES else "en").gettext(SEVERITY_WORDS[severity.value])


@dataclass(frozen=True, slots=True)
class Code:
    """A diagnostic code with its name, default severity and one-line summary."""

    code: str
    name: str
    severity: Severity
    summary: str

    def at(
        self,
        msgid: str,
        file: str,
        line: int = 1,
        column: int = 1,
        path: str = "",
        *,
        args: dict[str, Any] | None = None,
        **extra: Any,
    ) -> Diagnostic:
        """A diagnostic of this code at a place; *msgid* is filled with *args* when shown."""
        return Diagnostic(
            self.code,
            self.name,
            self.severity,
            msgid,
            file,
            line,
            column,
            path,
            extra=extra,
            args=dict(args or {}),
        )


E, W = Severity.ERROR, Severity.WARNING

# Codes raised while reading files, before any rule runs. The lint engine registers
# these alongside its rules so configuration can select, ignore or re-grade them.
YAML_SYNTAX = Code("YM01", "yaml.syntax", E, "The file is not valid YAML.")
YAML_DUPLICATE_KEY = Code("YM02", "yaml.duplicate-key", E, "A key appears twice in one mapping.")
FILE_ENCODING = Code("YM03", "file.encoding", E, "The file is not UTF-8 text.")
FILE_EMPTY = Code("YM04", "file.empty", E, "The file holds no data.")
FILE_TOO_LARGE = Code("YM05", "file.too-large", E, "The file exceeds the size limit.")
FILE_OUTSIDE = Code("YM06", "file.outside-tree", E, "A symlink points outside the repository.")
YAML_ALIASES = Code("YM07", "yaml.alias-limit", E, "Aliases expand beyond the safe limit.")
FILE_UNKNOWN = Code("YM08", "file.unknown", W, "A YAML file in a place no kind of file lives.")
FILE_UNREADABLE = Code("YM09", "file.unreadable", E, "The file could not be read.")
SCHEMA_UNKNOWN_KEY = Code("SC01", "schema.unknown-key", E, "A key the model does not know.")
SCHEMA_INVALID = Code("SC02", "schema.invalid-value", E, "A value of the wrong type or range.")
SCHEMA_MISSING = Code("SC03", "schema.missing-key", E, "A required key is missing.")
NO_DATA = Code("SC04", "schema.no-strategy", E, "The tree has no strategy file.")

LOAD_CODES: tuple[Code, ...] = (
    YAML_SYNTAX,
    YAML_DUPLICATE_KEY,
    FILE_ENCODING,
    FILE_EMPTY,
    FILE_TOO_LARGE,
    FILE_OUTSIDE,
    YAML_ALIASES,
    FILE_UNKNOWN,
    FILE_UNREADABLE,
    SCHEMA_UNKNOWN_KEY,
    SCHEMA_INVALID,
    SCHEMA_MISSING,
    NO_DATA,
)

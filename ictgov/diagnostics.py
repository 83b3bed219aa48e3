"""The one shape every finding has, from a YAML syntax error to a missed meeting cadence."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How serious a finding is. Ordered: error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Larger is more severe, for comparisons with ``--fail-on``."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding at a place: code (``RF01``), dotted name, severity, and how to fix it."""

    code: str
    name: str
    severity: Severity
    message: str
    file: str
    line: int = 1
    column: int = 1
    path: str = ""
    end_line: int | None = None
    end_column: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def sort_key(self) -> tuple[str, int, int, str]:
        """Files in order, then position, then code: stable output for golden tests."""
        return (self.file, self.line, self.column, self.code)

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        data = asdict(self)
        data["severity"] = self.severity.value
        if not data["extra"]:
            del data["extra"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Diagnostic:
        """The inverse of ``as_dict``: how the caches read findings back from JSON."""
        return cls(**{**data, "severity": Severity(data["severity"])})


@dataclass(frozen=True, slots=True)
class Code:
    """A diagnostic code with its name, default severity and one-line summary."""

    code: str
    name: str
    severity: Severity
    summary: str

    def at(
        self,
        message: str,
        file: str,
        line: int = 1,
        column: int = 1,
        path: str = "",
        **extra: Any,
    ) -> Diagnostic:
        """A diagnostic of this code at a place."""
        return Diagnostic(
            self.code, self.name, self.severity, message, file, line, column, path, extra=extra
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

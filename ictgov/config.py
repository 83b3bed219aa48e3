"""Project configuration: ``[tool.ictgov]`` in ``pyproject.toml`` or ``ictgov.toml``.

Found by walking up from the working directory; the directory that holds it (or a
``data/strategy/`` folder) is the repository root. Command-line options win.

This module is the one reference for every setting: each field has a description,
a default and an example, from which ``docs/settings.md`` (``python -m tools.docs_gen``)
and the commented ``ictgov.toml`` that ``ictgov init`` writes are made. Two spellings
are accepted: the lint settings under ``[lint]`` or at the top level (``fail_on =
"warning"``, as linters usually have them), and at the top level ``-`` for ``_``
(``stale-after-days``).
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from ictgov.diagnostics import Severity
from ictgov.errors import ConfigError, RootNotFoundError
from ictgov.invocation import CONFIG_FILE, PYPROJECT, parse_today, today_source
from ictgov.invocation import find_root as root_above
from ictgov.model.base import StrictModel
from ictgov.safefs import read_regular


class LintConfig(StrictModel):
    """Which rules run and how severe they are."""

    select: list[str] = Field(
        default_factory=list,
        description="Run only these rules, by code, name, family or group; empty: all rules.",
        examples=[["RF", "ST01"]],
    )
    ignore: list[str] = Field(
        default_factory=list,
        description="Never report these rules, by code, name, family or group.",
        examples=[["DT02"]],
    )
    severity: dict[str, Severity] = Field(
        default_factory=dict,
        description="Change how severe a rule's findings are: rule code -> error, warning or info.",
        examples=[{"CM02": "warning"}],
    )
    fail_on: Severity = Field(
        default=Severity.ERROR,
        description="Findings at or above this severity make 'ictgov lint' (and CI) fail: "
        "error, warning or info.",
        examples=["warning"],
    )


class SmtpSecurity(StrEnum):
    """How the connection to the mail server is protected."""

    NONE = "none"
    STARTTLS = "starttls"
    TLS = "tls"


class RoundConfig(StrictModel):
    """``[round]``: the mail server and addresses of ``ictgov round``.

    The password is never read from here: only from ``ICTGOV_SMTP_PASSWORD`` or the
    system keyring, so that no secret ends up in the repository.
    """

    smtp_host: str = Field(
        default="localhost",
        description="The mail server that sends the round's messages.",
        examples=["smtp.example.fi"],
    )
    smtp_port: int = Field(
        default=0,
        ge=0,
        le=65535,
        description="Port of the mail server; 0 means the usual one: 25, 587 with starttls, "
        "465 with tls.",
        examples=[587],
    )
    smtp_security: SmtpSecurity = Field(
        default=SmtpSecurity.STARTTLS,
        description="How the connection to the mail server is protected: starttls, tls or none.",
        examples=["tls"],
    )
    smtp_user: str | None = Field(
        default=None,
        description="User name at the mail server, if it asks for one; the password comes "
        "from ICTGOV_SMTP_PASSWORD or the system keyring, never from this file.",
        examples=["ict-strategia"],
    )
    sender: str | None = Field(
        default=None,
        description="From address of the messages.",
        examples=["ict-strategia@example.fi"],
    )
    recipients: dict[str, str] = Field(
        default_factory=dict,
        description="Owner id -> e-mail address; wins over the addresses in the data.",
        examples=[{"ohjausryhma": "ohjausryhma@example.fi"}],
    )
    languages: dict[str, str] = Field(
        default_factory=dict,
        description="Owner id -> fi, sv or en: the language of that owner's messages and "
        "workbook (default: language).",
        examples=[{"pedersore": "sv"}],
    )


class Config(StrictModel):
    """Everything configurable, with the defaults a new repository gets."""

    language: str = Field(
        default="fi",
        pattern="^(fi|sv|en)$",
        description="Language of reports, messages and the editors' field descriptions: "
        "fi, sv or en. Not set: the strategy's language.",
        examples=["sv"],
    )
    stale_after_days: int = Field(
        default=120,
        ge=1,
        description="A measure in progress with no update for longer than this many days is stale.",
        examples=[90],
    )
    on_track_late_after_days: int = Field(
        default=90,
        ge=0,
        description="A measure reported on track but more days than this past its planned "
        "end contradicts itself (lint ST05, attention list), e.g. 90.",
        examples=[90],
    )
    max_file_bytes: int = Field(
        default=5_000_000,
        ge=1_000,
        description="Largest data file ictgov reads, in bytes; a larger file is reported, "
        "not read.",
        examples=[10_000_000],
    )
    default_branch: str = Field(
        default="main",
        description="The branch that holds the approved state of the strategy: what "
        "'ictgov diff' compares against.",
        examples=["master"],
    )
    lint: LintConfig = Field(
        default_factory=LintConfig, description="Which rules run and how severe they are."
    )
    render: dict[str, object] = Field(
        default_factory=dict,
        description="Reserved for options of 'ictgov render'; none are read yet.",
        examples=[{}],
    )
    round: RoundConfig = Field(
        default_factory=RoundConfig,
        description="The mail server and addresses of 'ictgov round'.",
    )
    record_number_patterns: list[str] = Field(
        default_factory=list,
        description="Regular expressions for record numbers of your case-management system, "
        "beyond the known formats.",
        examples=[["^ABC-\\d+/\\d{4}$"]],
    )
    ictgov_requirement: str | None = Field(
        default=None,
        description="The pinned ictgov that 'ictgov init' writes to requirements-ictgov.txt: "
        "a full commit, a hashed archive, or ==version with ictgov_index_url.",
        examples=["ictgov @ git+https://git.example.fi/ict/ictgov@<full 40-hex commit>"],
    )
    ictgov_index_url: str | None = Field(
        default=None,
        description="The package index an 'ictgov==X.Y.Z' requirement is installed from.",
        examples=["https://pypi.example.fi/simple"],
    )
    #: Where the configuration was read from, for messages.
    source: str | None = None

    @property
    def language_set(self) -> str | None:
        """The language the configuration file sets, or None when it sets none.

        Only a language set on purpose outranks the strategy's own language.
        """
        return self.language if "language" in self.model_fields_set else None


#: Fields of :class:`Config` that are not settings (filled in by ictgov).
INTERNAL_FIELDS = frozenset({"source"})
#: Settings whose default is "not set": only a language set on purpose outranks the
#: strategy's own (:attr:`Config.language_set`).
UNSET = frozenset({"language"})
#: Settings that are tables of their own: ``[lint]`` and ``[round]``.
SECTIONS: dict[str, type[StrictModel]] = {"lint": LintConfig, "round": RoundConfig}


@dataclass(frozen=True)
class Setting:
    """One setting of ``ictgov.toml``: where it goes, what it means, its default, an example."""

    section: str | None
    name: str
    description: str
    default: Any
    example: Any
    #: Its JSON Schema, for the type shown in the reference.
    schema: dict[str, Any]

    @property
    def key(self) -> str:
        """``stale_after_days`` or ``lint.fail_on``."""
        return f"{self.section}.{self.name}" if self.section else self.name


def settings() -> list[Setting]:
    """Every setting, top-level ones first, then ``[lint]`` and ``[round]``, in model order."""
    out: list[Setting] = []
    tables: list[tuple[str | None, type[StrictModel]]] = [(None, Config), *SECTIONS.items()]
    for section, model in tables:
        props = model.model_json_schema()["properties"]
        for name, info in model.model_fields.items():
            if name in INTERNAL_FIELDS or (section is None and name in SECTIONS):
                continue
            default = None if name in UNSET else info.get_default(call_default_factory=True)
            examples = info.examples or [default]
            out.append(
                Setting(section, name, info.description or "", default, examples[0], props[name])
            )
    return out


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def toml_value(value: Any) -> str:
    """*value* written as TOML: ``120``, ``"main"``, ``["RF"]``, ``{ CM02 = "warning" }``.

    A string with a backslash (a regular expression) becomes a literal string in quotes.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, StrEnum):
        value = value.value
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        if "\\" in value and "'" not in value and "\n" not in value:
            return f"'{value}'"  # a literal string: regular expressions stay readable
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        pairs = (
            f"{k if _BARE_KEY.match(k) else json.dumps(k, ensure_ascii=False)} = {toml_value(v)}"
            for k, v in value.items()
        )
        return "{ " + ", ".join(pairs) + " }"
    raise TypeError(f"no TOML for {value!r}")


def _read_toml(path: Path) -> dict[str, object]:
    if not path.resolve().is_relative_to(path.parent.resolve()):
        raise ConfigError(
            f"{path} is a symlink to {path.resolve()}, outside the repository; ictgov reads "
            "nothing outside it: copy the file into the repository instead"
        )
    try:
        return tomllib.loads(read_regular(path).decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None


def _section(path: Path) -> dict[str, object] | None:
    """The ictgov table of a config file, or None when the file has none."""
    data = _read_toml(path)
    if path.name == PYPROJECT:
        tool = data.get("tool")
        section = tool.get("ictgov") if isinstance(tool, dict) else None
        return section if isinstance(section, dict) else None
    tool = data.get("tool")
    ictgov = tool.get("ictgov") if isinstance(tool, dict) else None
    return ictgov if isinstance(ictgov, dict) else data


def find_root(start: Path | None = None) -> Path:
    """The repository root: the nearest directory upwards with config or ``data/strategy/``."""
    here = (start or Path.cwd()).resolve()
    found = root_above(here)
    if found is not None:
        return found
    raise RootNotFoundError(
        f"no strategy repository found in {here} or above it (looked for {CONFIG_FILE}, "
        f"[tool.ictgov] in {PYPROJECT}, or a data/strategy/ folder); "
        "run the command inside one, pass --root DIR, or create one with 'ictgov init'"
    )


def resolve_root(root: Path | None) -> Path:
    """``--root`` if given (it must exist), else the root found from the working directory."""
    if root is None:
        return find_root()
    if not root.is_dir():
        raise RootNotFoundError(f"--root {root}: no such directory")
    return root.resolve()


def load_config(root: Path) -> Config:
    """Read the configuration of the repository at *root* (defaults if there is none)."""
    for name in (CONFIG_FILE, PYPROJECT):
        path = root / name
        if not path.is_file():
            continue
        section = _section(path)
        if section is None:
            continue
        try:
            config = Config.model_validate({**_flatten_lint(section)})
        except ValidationError as exc:
            raise ConfigError(_config_message(path, exc)) from None
        return config.model_copy(update={"source": str(path)})
    return Config()


_LINT_KEYS = set(LintConfig.model_fields)


def _flatten_lint(section: dict[str, object]) -> dict[str, object]:
    """Allow lint keys at the top level too (``select = [...]``) as linters usually do."""
    out = dict(section)
    lint = dict(out.pop("lint", {}) or {})  # type: ignore[call-overload]
    for key in list(out):
        if key.replace("-", "_") in _LINT_KEYS:
            lint[key.replace("-", "_")] = out.pop(key)
    out = {k.replace("-", "_"): v for k, v in out.items()}
    if lint:
        out["lint"] = lint
    return out


def _config_message(path: Path, exc: ValidationError) -> str:
    problems = []
    for err in exc.errors(include_url=False):
        where = ".".join(str(p) for p in err["loc"])
        if err["type"] == "extra_forbidden":
            known = sorted(Config.model_fields) + sorted(_LINT_KEYS)
            close = difflib.get_close_matches(str(err["loc"][-1]), known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(f"unknown setting {where!r}{hint}")
        else:
            problems.append(f"{where}: {err['msg']}")
    return f"{path}: " + "; ".join(problems)


def resolve_today(value: str | None) -> date:
    """``--today``, else ``$ICTGOV_TODAY``, else the real date: reproducible when asked."""
    day = parse_today(value)
    if day is None:
        raw, source = today_source(value)
        raise ConfigError(f"{source}: {raw!r} is not a date; use YYYY-MM-DD")
    return day

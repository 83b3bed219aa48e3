"""Project configuration: ``[tool.ictgov]`` in ``pyproject.toml`` or ``ictgov.toml``.

Found by walking up from the working directory; the directory that holds it (or a
``data/strategy/`` folder) is the repository root. Command-line options win.
"""

from __future__ import annotations

import difflib
import tomllib
from datetime import date
from enum import StrEnum
from pathlib import Path

from pydantic import Field, ValidationError

from ictgov.diagnostics import Severity
from ictgov.errors import ConfigError, RootNotFoundError
from ictgov.invocation import CONFIG_FILE, PYPROJECT, parse_today, today_source
from ictgov.invocation import find_root as root_above
from ictgov.model.base import StrictModel
from ictgov.safefs import read_regular


class LintConfig(StrictModel):
    """Which rules run and how severe they are."""

    select: list[str] = Field(default_factory=list, description="Only these codes/names/groups.")
    ignore: list[str] = Field(default_factory=list, description="Never report these.")
    severity: dict[str, Severity] = Field(
        default_factory=dict, description="Re-grade a rule: {'CM02': 'warning'}."
    )
    fail_on: Severity = Severity.ERROR


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

    smtp_host: str = "localhost"
    smtp_port: int = Field(default=0, ge=0, le=65535, description="0: 25, 587 or 465 by security.")
    smtp_security: SmtpSecurity = SmtpSecurity.STARTTLS
    smtp_user: str | None = None
    sender: str | None = Field(default=None, description="From address of the messages.")
    recipients: dict[str, str] = Field(
        default_factory=dict, description="Owner id -> e-mail address; wins over the data."
    )
    languages: dict[str, str] = Field(
        default_factory=dict, description="Owner id -> fi, sv or en (default: 'language')."
    )


class Config(StrictModel):
    """Everything configurable, with the defaults a new repository gets."""

    stale_after_days: int = Field(
        default=120, ge=1, description="A measure in progress with no update for longer is stale."
    )
    max_file_bytes: int = Field(default=5_000_000, ge=1_000)
    default_branch: str = "main"
    language: str = Field(default="fi", pattern="^(fi|sv|en)$")
    lint: LintConfig = Field(default_factory=LintConfig)
    render: dict[str, object] = Field(default_factory=dict)
    round: RoundConfig = Field(default_factory=RoundConfig)
    record_number_patterns: list[str] = Field(
        default_factory=list,
        description="Regular expressions for record numbers of your case-management system, "
        "beyond the known formats, e.g. ['^ABC-\\d+/\\d{4}$'].",
    )
    ictgov_requirement: str | None = Field(
        default=None,
        description="The pinned ictgov that 'ictgov init' writes to requirements-ictgov.txt.",
    )
    ictgov_index_url: str | None = Field(
        default=None, description="The index an 'ictgov==X.Y.Z' requirement comes from."
    )
    #: Where the configuration was read from, for messages.
    source: str | None = None

    @property
    def language_set(self) -> str | None:
        """The language the configuration file sets, or None when it sets none.

        Only a language set on purpose outranks the strategy's own language.
        """
        return self.language if "language" in self.model_fields_set else None


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

"""``ictgov init``: a new strategy repository that passes ``ictgov lint`` at once.

It holds a minimal valid tree (strategy, one goal, one organisation, one body,
one measure) in the chosen language, the JSON Schemas editors use (their descriptions
in that language too), an ``ictgov.toml`` showing every setting, a README for
the repository's users, ``.gitignore``, ``requirements-ictgov.txt`` (the one pinned
ictgov that CI and the pre-commit hook install, see ``pinning``), a pre-commit hook
and, if asked, CI files. An existing file is never overwritten: with ``force`` a non-empty folder
is accepted and the files already there are kept.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ictgov import __version__
from ictgov.edit.atomic import atomic_create
from ictgov.errors import IctgovError
from ictgov.i18n.speak import _
from ictgov.safefs import FolderWriter
from ictgov.scaffold.pinning import REQUIREMENTS_FILE, Pin, decide, installed_direct_url
from ictgov.scaffold.settings_file import settings_file
from ictgov.scaffold.slug import slugify
from ictgov.scaffold.templating import render

LANGUAGES = ("fi", "sv", "en")
CI_PROVIDERS = ("github", "gitlab", "azure")

#: The starting content in each language: placeholders a coordinator replaces.
TEXTS: dict[str, dict[str, str]] = {
    "fi": {
        "name": "ICT-strategia",
        "vision": "Kirjoita tähän strategian visio.",
        "value_promise": "Sujuva arki",
        "goal": "Ensimmäinen strateginen tavoite",
        "organisation_id": "vastuukunta",
        "organisation": "Vastuukunta",
        "body_id": "ohjausryhma",
        "body": "Ohjausryhmä",
        "measure_id": "ensimmainen-toimenpide",
        "measure": "Ensimmäinen toimenpide",
        "indicator": "Ohjausryhmä seuraa toteutumista neljännesvuosittain.",
    },
    "sv": {
        "name": "IKT-strategi",
        "vision": "Skriv strategins vision här.",
        "value_promise": "En smidig vardag",
        "goal": "Första strategiska målet",
        "organisation_id": "ansvarskommun",
        "organisation": "Ansvarskommun",
        "body_id": "styrgrupp",
        "body": "Styrgrupp",
        "measure_id": "forsta-atgarden",
        "measure": "Första åtgärden",
        "indicator": "Styrgruppen följer upp genomförandet varje kvartal.",
    },
    "en": {
        "name": "ICT strategy",
        "vision": "Write the vision of the strategy here.",
        "value_promise": "A smooth everyday life",
        "goal": "First strategic goal",
        "organisation_id": "lead-municipality",
        "organisation": "Lead municipality",
        "body_id": "steering-group",
        "body": "Steering group",
        "measure_id": "first-measure",
        "measure": "First measure",
        "indicator": "The steering group follows the implementation quarterly.",
    },
}


@dataclass
class InitResult:
    """Files written and files kept because they already existed."""

    root: Path
    pin: Pin
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def ci_files(provider: str) -> dict[str, str]:
    """The CI workflow files for *provider*, as the package ships them."""
    from ictgov.scaffold.ci_templates import ci_files as packaged

    return packaged(provider)


def schema_files(language: str = "en") -> dict[str, str]:
    """``schemas/<kind>.schema.json`` -> text, in *language*, as ``ictgov schema`` writes them."""
    from ictgov.schema import SCHEMA_DIR, rendered_schemas

    return {f"{SCHEMA_DIR}/{name}": text for name, text in rendered_schemas(lang=language).items()}


def decide_pin(dest: Path) -> Pin:
    """The pinned ictgov for a repository at *dest*: its own config if it has one."""
    from ictgov.config import load_config
    from ictgov.invocation import CONFIG_FILE

    config = load_config(dest) if dest.is_dir() else None
    if config is None or config.source is None:
        return decide(None, None, CONFIG_FILE, direct_url=installed_direct_url())
    return decide(
        config.ictgov_requirement,
        config.ictgov_index_url,
        config.source,
        direct_url=installed_direct_url(),
    )


def planned_files(name: str, language: str, today: date, pin: Pin) -> dict[str, str]:
    """Every file of a new repository (without CI), by path."""
    texts = TEXTS[language]
    context = {
        "pin": pin,
        "requirements_file": REQUIREMENTS_FILE,
        "version": __version__,
        "name": name,
        "language": language,
        "year": today.year,
        "today": today.isoformat(),
        "strategy_id": slugify(name, "strategy"),
        "t": texts,
    }
    files = {
        "ictgov.toml": settings_file(language),
        "README.md": render(f"init/README.{language}.md.j2", **context),
        ".gitignore": render("init/gitignore.j2", **context),
        REQUIREMENTS_FILE: pin.requirements_txt(),
        ".pre-commit-config.yaml": render("init/pre-commit-config.yaml.j2", **context),
        ".vscode/extensions.json": render("init/vscode-extensions.json.j2", **context),
        "data/strategy/strategy.yaml": render("init/strategy.yaml.j2", **context),
        "data/strategy/goals.yaml": render("init/goals.yaml.j2", **context),
        "data/strategy/organisations.yaml": render("init/organisations.yaml.j2", **context),
        "data/strategy/bodies.yaml": render("init/bodies.yaml.j2", **context),
        f"data/measures/{texts['measure_id']}.yaml": render("init/measure.yaml.j2", **context),
    }
    files.update(schema_files(language))
    return files


def init_repository(
    dest: Path,
    *,
    name: str | None = None,
    language: str = "fi",
    ci: str | None = None,
    force: bool = False,
    today: date,
    pin: Pin | None = None,
) -> InitResult:
    """Create a strategy repository in *dest* (see the module docstring).

    *pin* is the ictgov to install; by default ``decide_pin(dest)`` chooses it.
    """
    if language not in LANGUAGES:
        raise IctgovError(
            _("--language {value!r}: use one of {choices}").format(
                value=language, choices=", ".join(LANGUAGES)
            )
        )
    if ci is not None and ci not in CI_PROVIDERS:
        raise IctgovError(
            _("--ci {value!r}: use one of {choices}").format(
                value=ci, choices=", ".join(CI_PROVIDERS)
            )
        )
    if dest.exists() and not dest.is_dir():
        raise IctgovError(
            _("{path} is a file, not a folder; give the name of a new folder").format(path=dest)
        )
    if dest.is_dir() and any(p.name != ".git" for p in dest.iterdir()) and not force:
        raise IctgovError(
            _(
                "{path} is not empty; choose an empty folder, or give --force to add the "
                "missing files (existing files are never overwritten)"
            ).format(path=dest)
        )
    pin = pin or decide_pin(dest)
    files = planned_files(name or TEXTS[language]["name"], language, today, pin)
    result = InitResult(dest, pin)
    if ci is not None:
        files.update(ci_files(ci))
    dest.mkdir(parents=True, exist_ok=True)
    writer = FolderWriter(dest)  # never through a symlink: data -> /elsewhere is refused
    for relpath, text in files.items():
        path = writer.path(relpath)
        if os.path.lexists(path):
            result.kept.append(relpath)
            continue
        atomic_create(path, text.encode("utf-8"))
        result.written.append(relpath)
    return result

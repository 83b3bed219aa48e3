"""JSON Schema for each kind of file, generated from the Pydantic models.

Editors (VS Code with the YAML extension, anything using yaml-language-server) read
a ``# yaml-language-server: $schema=../../schemas/<kind>.schema.json`` line at the
top of a data file and then complete keys and flag typos while the user types. The
schemas are committed under ``schemas/`` and shipped inside the package for
``ictgov init``; the output is deterministic (sorted keys, trailing newline) so that
a test can tell when the committed copies are stale.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from ictgov.model.files import KINDS, FileKind
from ictgov.safefs import FolderWriter, check_target_folder

#: The JSON Schema dialect Pydantic generates (``$defs``, ``prefixItems``).
DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: Where the committed schemas are published; ``$id`` is this plus the file name.
BASE_URL = "https://raw.githubusercontent.com/ictgov/ictgov/main/schemas/"
#: Folder of the committed schemas at the repository root.
SCHEMA_DIR = "schemas"
SUFFIX = ".schema.json"


#: What each kind of file holds, in a sentence: the schema's and the docs' description.
KIND_SUMMARIES: dict[str, str] = {
    "strategy": "The strategy itself: title, period, vision with its horizon, value promises, "
    "the decisions that approved it, prioritised development areas.",
    "goals": "The strategic goals of the period, each with an optional indicator.",
    "organisations": "Member organisations (municipalities) and other parties of the strategy.",
    "bodies": "Governance bodies: level, reporting line, members by post, tasks, meeting cadence.",
    "projects": "Major projects outside the strategy that its schedule depends on.",
    "stakeholders": "Stakeholder groups, their influence and the channels that reach them.",
    "categories": "Categories of measures (e.g. the areas of a programme): id, name, "
    "description and order; a measure names at most one.",
    "measure": "One measure (toimenpide): goals, who does it and who follows it, status, "
    "health, progress, schedule, dependencies, indicator and the update log.",
    "round": "One reporting round: the owners asked for a status update, their measures, "
    "the due date, the messages sent and the answers collected.",
    "meeting": "One meeting of one body: attendees and agenda items with their proposals, "
    "decisions, resolutions and the follow-up actions the decisions assign.",
}


def schema_filename(kind: str) -> str:
    """``measure`` -> ``measure.schema.json``."""
    return f"{kind}{SUFFIX}"


def _where(kind: FileKind) -> str:
    if kind.one_per_item:
        return f"data/{kind.location}/<id>.yaml, one file per {kind.name}"
    return f"data/{kind.location}"


def schema_for(kind: FileKind) -> dict[str, Any]:
    """The JSON Schema of one kind of file, with ``$schema``, ``$id``, title and description."""
    schema = kind.model.model_json_schema(mode="validation")
    summary = KIND_SUMMARIES.get(kind.name) or " ".join((kind.model.__doc__ or "").split())
    return {
        "$schema": DIALECT,
        "$id": BASE_URL + schema_filename(kind.name),
        **schema,
        "title": f"ictgov {kind.name} file",
        "description": f"{summary} Location: {_where(kind)}.",
    }


def schemas_by_kind() -> dict[str, dict[str, Any]]:
    """Kind name -> its JSON Schema, for every kind in :data:`ictgov.model.files.KINDS`."""
    return {kind.name: schema_for(kind) for kind in KINDS}


def dumps(schema: dict[str, Any]) -> str:
    """The canonical text of a schema: sorted keys, two-space indent, trailing newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def rendered_schemas(kinds: list[str] | None = None) -> dict[str, str]:
    """File name -> canonical text, for the given kinds (default: all)."""
    schemas = schemas_by_kind()
    wanted = kinds if kinds is not None else list(schemas)
    return {schema_filename(k): dumps(schemas[k]) for k in wanted}


def write_schemas(dest: Path, kinds: list[str] | None = None) -> list[Path]:
    """Write the schemas into *dest* (created if missing); return the files written.

    Files whose content is already current are left untouched (same mtime), so a
    build that regenerates schemas does not dirty the tree.
    """
    check_target_folder(dest, "the schema folder")  # a committed schemas/ symlink ...
    writer = FolderWriter(dest)  # ... or schemas/x.json -> ~/.bashrc is not followed
    return [
        writer.write(name, text.encode("utf-8")) for name, text in rendered_schemas(kinds).items()
    ]


def stale_schemas(dest: Path, kinds: list[str] | None = None) -> list[str]:
    """File names in *dest* that are missing or differ from what the models generate."""
    out: list[str] = []
    for name, text in rendered_schemas(kinds).items():
        path = dest / name
        try:
            current = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current != text:
            out.append(name)
    return out


def packaged_schema_dir() -> Path:
    """The copy of the schemas shipped inside the package (``ictgov/schemas/``)."""
    return Path(str(resources.files("ictgov") / SCHEMA_DIR))

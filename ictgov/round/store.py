"""The round file ``data/rounds/<id>.yaml``: read, validated, written atomically.

The round commands rewrite the whole file (it is written by ictgov, not by hand),
but only through :mod:`ictgov.edit.atomic`: a crash leaves the old or the new
file, and a file changed meanwhile (a ``git pull``) is never overwritten. ``send``
saves after every message, so an interrupted round resumes where it stopped.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from ictgov.edit.atomic import Snapshot, atomic_create, atomic_write
from ictgov.errors import IctgovError
from ictgov.load.document import load_document
from ictgov.model import Round, is_valid_id

FOLDER = "data/rounds"
HEADER = "# yaml-language-server: $schema=../../schemas/round.schema.json\n"
_DATE_KEYS = {"date", "started", "due"}


def relpath(round_id: str) -> str:
    """``data/rounds/<id>.yaml``, after checking the id cannot leave the folder."""
    if not is_valid_id(round_id):
        raise IctgovError(
            f"{round_id!r} is not a valid round id; use lowercase letters, digits, '-' and '_', "
            "e.g. 2026-autumn"
        )
    return f"{FOLDER}/{round_id}.yaml"


def _dates(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: _dates(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates(v) for v in value]
    if key in _DATE_KEYS and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def render(rnd: Round) -> bytes:
    """The file's text: the schema line, then the round as block-style YAML."""
    data = _dates(rnd.model_dump(mode="json", exclude_defaults=True))
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    yaml.width = 4096
    yaml.allow_unicode = True
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return (HEADER + buffer.getvalue()).encode("utf-8")


@dataclass
class Stored:
    """A round as read from its file, with the snapshot a later write is checked against."""

    round: Round
    path: Path
    snapshot: Snapshot | None


def read(root: Path, round_id: str) -> Stored:
    """The round *round_id* of the repository at *root*; a clear error if it is not valid."""
    path = root / relpath(round_id)
    if not path.is_file():
        known = ", ".join(list_ids(root)) or "none yet; start one with 'ictgov round start'"
        raise IctgovError(f"no round {round_id!r} (rounds: {known})")
    snapshot = Snapshot.read(path)
    doc = load_document(relpath(round_id), snapshot.raw)
    if not isinstance(doc.model, Round):
        problems = "; ".join(f"{d.line}:{d.column}: {d.message}" for d in doc.diagnostics)
        raise IctgovError(f"{relpath(round_id)} is not a valid round file: {problems}")
    return Stored(doc.model, path, snapshot)


def list_ids(root: Path) -> list[str]:
    """Ids of the rounds under ``data/rounds/``."""
    folder = root / FOLDER
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []


def latest(root: Path) -> str:
    """The id of the round started last (what ``round send`` etc. take without an id)."""
    best: tuple[date, str] | None = None
    for round_id in list_ids(root):
        started = read(root, round_id).round.started  # a broken round file is said, not skipped
        if best is None or (started, round_id) > best:
            best = (started, round_id)
    if best is None:
        raise IctgovError("there is no reporting round yet; start one with 'ictgov round start'")
    return best[1]


def save(stored: Stored) -> Stored:
    """Write the round (validated again first); create the file if it is new."""
    data = render(stored.round)
    Round.model_validate(stored.round.model_dump())
    if stored.snapshot is None:
        atomic_create(stored.path, data)
    else:
        atomic_write(stored.path, data, stored.snapshot)
    return Stored(stored.round, stored.path, Snapshot.read(stored.path))

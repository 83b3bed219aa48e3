"""Find the file of a measure by its id without loading the tree.

Conventionally ``data/measures/<id>.yaml``; failing that, a file of that name in a
sub-folder; failing that, the one file whose text declares ``id: <id>``. Only the
candidate is parsed, so finding a measure among thousands takes milliseconds.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from ictgov.errors import IctgovError
from ictgov.load.source import DATA_DIR
from ictgov.model.files import MEASURE, YAML_SUFFIXES


class UnknownIdError(IctgovError):
    """No file declares the id."""


def measures_dir(root: Path) -> Path:
    """``<root>/data/measures``."""
    return root / DATA_DIR / MEASURE.location


def _declares(path: Path, pattern: re.Pattern[bytes]) -> bool:
    try:
        return pattern.search(path.read_bytes()) is not None
    except OSError:
        return False


def _id_pattern(measure_id: str) -> re.Pattern[bytes]:
    quoted = re.escape(measure_id.encode())
    return re.compile(rb"(?m)^id:[ \t]*([\"']?)" + quoted + rb"\1[ \t]*(?:#.*)?\r?$")


def measure_files(root: Path) -> list[Path]:
    """Every YAML file under ``data/measures`` (sub-folders included), sorted."""
    base = measures_dir(root)
    if not base.is_dir():
        return []
    return sorted(p for p in base.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file())


def find_measure_file(root: Path, measure_id: str) -> Path:
    """The file that declares measure *measure_id*; UnknownIdError with suggestions if none."""
    pattern = _id_pattern(measure_id)
    base = measures_dir(root)
    for suffix in YAML_SUFFIXES:
        candidate = base / f"{measure_id}{suffix}"
        if candidate.is_file() and _declares(candidate, pattern):
            return candidate
    files = measure_files(root)
    for path in files:
        if path.stem == measure_id and _declares(path, pattern):
            return path
    for path in files:
        if _declares(path, pattern):
            return path
    close = difflib.get_close_matches(measure_id, [p.stem for p in files], n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise UnknownIdError(
        f"no measure with id {measure_id!r} under {DATA_DIR}/{MEASURE.location}/{hint} "
        "('ictgov status' lists the measures)"
    )

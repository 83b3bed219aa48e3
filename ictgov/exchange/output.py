"""Export files written whole or not at all.

An export replaces last week's file that Power BI or a macro reads. Written in place,
a full disk or a file-size limit would leave it cut short; written to a temporary
file in the same folder and renamed (``ictgov.edit.atomic``), the old file stays
until the new one is complete and flushed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ictgov.edit.atomic import Snapshot, atomic_create, atomic_write
from ictgov.errors import IctgovError


def write_file(path: Path, data: bytes | Callable[[], bytes]) -> None:
    """Create or replace *path* with *data* atomically; IctgovError saying what is left.

    *data* may be a function making the bytes: building a workbook writes temporary
    files too, and its failure is reported the same way.
    """
    existed = path.exists()
    if path.is_dir():
        raise IctgovError(f"{path} is a folder; give a file name to write the export to")
    try:
        if callable(data):
            data = data()
        if existed:
            atomic_write(path, data, Snapshot.read(path))
        else:
            atomic_create(path, data)
    except OSError as exc:
        kept = "the previous file is unchanged" if existed else "nothing was written"
        raise IctgovError(
            f"{path}: cannot write the export ({exc.strerror or exc}); {kept}. Free some "
            "space (or raise the file-size limit) and run the export again"
        ) from None

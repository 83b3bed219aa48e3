"""Find the file of a measure by its id without loading the tree.

Conventionally ``data/measures/<id>.yaml``; failing that, a file of that name in a
sub-folder; failing that, the one file whose text declares ``id: <id>``. Only the
candidate is parsed, so finding a measure among thousands takes milliseconds.
"""

from __future__ import annotations

import difflib
import re
import stat
from pathlib import Path
from typing import NoReturn

from ictgov.errors import IctgovError
from ictgov.i18n.speak import _
from ictgov.load.source import DATA_DIR, FsSource
from ictgov.model.files import MEASURE, MEETING, YAML_SUFFIXES
from ictgov.safefs import read_regular


class UnknownIdError(IctgovError):
    """No file declares the id."""


def measures_dir(root: Path) -> Path:
    """``<root>/data/measures``."""
    return root / DATA_DIR / MEASURE.location


def _declares(path: Path, pattern: re.Pattern[bytes]) -> bool:
    try:
        return pattern.search(read_regular(path)) is not None
    except OSError:
        return False


def _id_pattern(measure_id: str) -> re.Pattern[bytes]:
    quoted = re.escape(measure_id.encode())
    # A file saved by Windows Notepad starts with a byte order mark before 'id:'.
    return re.compile(
        rb"(?m)^(?:\xef\xbb\xbf)?id:[ \t]*([\"']?)" + quoted + rb"\1[ \t]*(?:#.*)?\r?$"
    )


def measure_files(root: Path) -> list[Path]:
    """Every YAML file under ``data/measures`` (sub-folders included), sorted.

    Listed as the loader lists them: regular files, and symlinks only to regular
    files inside the repository; never a FIFO, never a folder behind a symlink.
    """
    prefix = f"{DATA_DIR}/{MEASURE.location}/"
    return [root / rel for rel in FsSource(root).list_files() if rel.startswith(prefix)]


def _is_safe_file(root: Path, path: Path) -> bool:
    """A regular file, or a symlink to one, inside the repository (no folder symlinks)."""
    try:
        if path.parent.is_symlink() or path.parent.parent.is_symlink():
            return False
        if not path.is_symlink():
            return stat.S_ISREG(path.lstat().st_mode)
        return path.resolve().is_relative_to(root.resolve()) and path.is_file()
    except OSError:
        return False


_CODE_LINE = re.compile(rb"(?m)^code:[ \t]*([\"']?)([^\"'#\r\n]*?)\1[ \t]*(?:#.*)?\r?$")
_ID_LINE = re.compile(
    rb"(?m)^(?:\xef\xbb\xbf)?id:[ \t]*([\"']?)([^\"'#\r\n]*?)\1[ \t]*(?:#.*)?\r?$"
)


def find_measure(root: Path, key: str) -> tuple[Path, str]:
    """The file and id of the measure whose id, or else whose code (``1.10``), is *key*.

    Owners know their measure by its code, which ``status`` and the reports show; the id
    is what the file name says. A code that two files declare is ambiguous, not a guess.
    """
    try:
        return find_measure_file(root, key), key
    except UnknownIdError as missing:
        found: list[tuple[Path, str]] = []
        for path in measure_files(root):
            try:
                data = read_regular(path)
            except OSError:
                continue
            code, ident = _CODE_LINE.search(data), _ID_LINE.search(data)
            if code and ident and code.group(2).decode("utf-8", "replace") == key:
                found.append((path, ident.group(2).decode("utf-8", "replace")))
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            files = ", ".join(str(p.relative_to(root)) for p, _ in found)
            raise UnknownIdError(
                _(
                    "code {code!r} is ambiguous: {files} all declare it; give the id instead "
                    "({ids})"
                ).format(code=key, files=files, ids=", ".join(i for _f, i in found))
            ) from None
        raise missing from None


def find_measure_file(root: Path, measure_id: str) -> Path:
    """The file that declares measure *measure_id*; UnknownIdError with suggestions if none."""
    pattern = _id_pattern(measure_id)
    base = measures_dir(root)
    for suffix in YAML_SUFFIXES:
        candidate = base / f"{measure_id}{suffix}"
        if _is_safe_file(root, candidate) and _declares(candidate, pattern):
            return candidate
    files = measure_files(root)
    return _declaring(files, measure_id) or _unknown(
        files,
        measure_id,
        _("no measure with id or code {id!r} under {folder}").format(
            id=measure_id, folder=f"{DATA_DIR}/{MEASURE.location}/"
        ),
        _("'ictgov status' lists the codes; 'ictgov show CODE' shows a measure's id"),
    )


def _declaring(files: list[Path], item_id: str) -> Path | None:
    """The file that declares *item_id*, trying the one named after it first."""
    pattern = _id_pattern(item_id)
    for path in [p for p in files if p.stem == item_id] + files:
        if _declares(path, pattern):
            return path
    return None


def _unknown(files: list[Path], item_id: str, what: str, where: str) -> NoReturn:
    close = difflib.get_close_matches(item_id, [p.stem for p in files], n=3)
    hint = _("; did you mean {ids}?").format(ids=", ".join(close)) if close else ""
    raise UnknownIdError(f"{what}{hint} ({where})")


def find_meeting_file(root: Path, meeting_id: str) -> Path:
    """The file under ``data/meetings`` that declares *meeting_id*; suggestions if none."""
    prefix = f"{DATA_DIR}/{MEETING.location}/"
    files = [root / rel for rel in FsSource(root).list_files() if rel.startswith(prefix)]
    return _declaring(files, meeting_id) or _unknown(
        files,
        meeting_id,
        _("no meeting with id {id!r} under {folder}").format(id=meeting_id, folder=prefix),
        _("'ictgov action list' shows the meetings that have actions"),
    )

"""Where each key and value of a parsed file came from (1-based line and column)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

PathPart = str | int
DataPath = tuple[PathPart, ...]


class Position(NamedTuple):
    """Line and column of a key and of its value (for list items both are the item).

    A named tuple rather than a dataclass: a file has one per key, and tuples are
    several times cheaper to create than dataclass instances.
    """

    key_line: int
    key_column: int
    value_line: int
    value_column: int


@dataclass(slots=True)
class SourceMap:
    """Maps a data path such as ``("updates", 2, "date")`` to its position in the file."""

    positions: dict[DataPath, Position] = field(default_factory=dict)

    def add(self, path: DataPath, position: Position) -> None:
        """Record where *path* is."""
        self.positions[path] = position

    def find(self, path: DataPath) -> tuple[Position, bool]:
        """Position of *path*, or of its nearest recorded ancestor; flag says if exact."""
        probe = tuple(path)
        while probe:
            pos = self.positions.get(probe)
            if pos is not None:
                return pos, probe == tuple(path)
            probe = probe[:-1]
        return self.positions.get((), Position(1, 1, 1, 1)), not path

    def key_at(self, path: DataPath) -> tuple[int, int]:
        """Line and column of the key of *path* (the nearest ancestor's if missing)."""
        pos, _ = self.find(path)
        return pos.key_line, pos.key_column

    def value_at(self, path: DataPath) -> tuple[int, int]:
        """Line and column of the value of *path* (the nearest ancestor's if missing)."""
        pos, _ = self.find(path)
        return pos.value_line, pos.value_column


def format_path(path: DataPath) -> str:
    """``("updates", 2, "date")`` -> ``updates[2].date``: how users read data paths."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out

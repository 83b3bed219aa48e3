"""Carry an edit made on a re-emitted document back onto the original text.

ruamel.yaml re-emits the whole document, normalising what it does not model (odd
indentation, spacing after colons, ``---``). With ``base`` = the unedited document
re-emitted and ``edited`` = the edited one re-emitted, the lines that differ between
``base`` and ``edited`` are the edit; they are applied to the original text where
the surrounding lines match, so the normalisation never reaches the file.
"""

from __future__ import annotations

from difflib import SequenceMatcher


class SpliceFailed(Exception):
    """The edit touches lines that the re-emitter also normalised."""


def _line_map(base: list[str], original: list[str]) -> dict[int, int]:
    matcher = SequenceMatcher(None, base, original, autojunk=False)
    out: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            out[block.a + offset] = block.b + offset
    return out


def splice(original: str, base: str, edited: str) -> str:
    """*original* with the ``base`` -> ``edited`` change applied (all texts use LF line ends)."""
    if base == original:
        return edited
    orig_lines = original.splitlines(keepends=True)
    base_lines = base.splitlines(keepends=True)
    edit_lines = edited.splitlines(keepends=True)
    bare = [line.rstrip("\r\n") for line in orig_lines]
    mapping = _line_map([line.rstrip("\n") for line in base_lines], bare)
    replacements: list[tuple[int, int, list[str]]] = []
    matcher = SequenceMatcher(None, base_lines, edit_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        new = edit_lines[j1:j2]
        if i1 < i2:
            mapped = [mapping.get(i) for i in range(i1, i2)]
            if None in mapped or mapped != list(range(mapped[0] or 0, (mapped[0] or 0) + i2 - i1)):
                raise SpliceFailed("the edit overlaps normalised lines")
            start = mapped[0]
            assert start is not None
            replacements.append((start, start + i2 - i1, new))
        elif i1 > 0 and (i1 - 1) in mapping:
            at = mapping[i1 - 1] + 1
            replacements.append((at, at, new))
        elif i1 in mapping:
            replacements.append((mapping[i1], mapping[i1], new))
        elif i1 == 0:
            replacements.append((0, 0, new))
        else:
            raise SpliceFailed("no anchor for an insertion")
    out = list(orig_lines)
    for start, end, new in sorted(replacements, key=lambda r: r[0], reverse=True):
        if start > 0 and start == len(out) and not out[-1].endswith("\n"):
            out[-1] += "\n"
        out[start:end] = new
    return "".join(out)

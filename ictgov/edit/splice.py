"""Carry an edit made on a re-emitted document back onto the original text.

ruamel.yaml re-emits the whole document, normalising what it does not model (odd
spacing, indentation, ``---``). With ``base`` = the unedited document re-emitted and
``edited`` = the edited one re-emitted, lines that are the same in all three texts
are anchors. Between two anchors, if ``base`` and ``edited`` agree the original
lines are kept as they were; if they differ, that stretch holds the edit and the
re-emitted lines are used. The normalisation thus reaches the file only in the
few lines around an actual change.
"""

from __future__ import annotations

import itertools
from difflib import SequenceMatcher


def _pairs(a: list[str], b: list[str]) -> dict[int, int]:
    """Index in *a* -> index in *b* of the lines the two texts share (monotonic)."""
    out: dict[int, int] = {}
    for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for offset in range(block.size):
            out[block.a + offset] = block.b + offset
    return out


def _is_filler(line: str) -> bool:
    """Blank and comment-only lines: ruamel.yaml may drop them, and they hold no data."""
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _region(base: list[str], orig: list[str], edited: list[str]) -> list[str]:
    """A stretch that holds an edit: re-emitted lines where changed, original ones elsewhere.

    Lines that correspond (same text in ``base`` and ``orig``) keep their original
    form; original blank and comment lines that the re-emission dropped are kept in
    place. Other original lines that differ were normalised by the re-emission and
    are replaced by their re-emitted form.
    """
    if len(base) == len(orig):
        out: list[str] = []
        for tag, i1, i2, j1, j2 in SequenceMatcher(
            None, base, edited, autojunk=False
        ).get_opcodes():
            out.extend(orig[i1:i2] if tag == "equal" else edited[j1:j2])
        return out
    to_orig = _pairs([line.rstrip("\n") for line in base], [line.rstrip("\r\n") for line in orig])
    out = []
    next_orig = 0

    def keep_fillers_before(index: int) -> None:
        nonlocal next_orig
        out.extend(line for line in orig[next_orig:index] if _is_filler(line))
        next_orig = index

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, base, edited, autojunk=False).get_opcodes():
        if tag == "equal":
            for offset, b in enumerate(range(i1, i2)):
                o = to_orig.get(b)
                if o is not None and o >= next_orig:
                    keep_fillers_before(o)
                    out.append(orig[o])
                    next_orig = o + 1
                else:
                    out.append(edited[j1 + offset])
        else:
            for b in range(i1, i2):
                o = to_orig.get(b)
                if o is not None and o >= next_orig:
                    keep_fillers_before(o)
                    next_orig = o + 1  # the original of a replaced line goes
            out.extend(edited[j1:j2])
    keep_fillers_before(len(orig))
    return out


def splice(original: str, base: str, edited: str) -> str:
    """*original* with the ``base`` -> ``edited`` change applied (all texts use LF)."""
    if base == original:
        return edited
    orig_lines = original.splitlines(keepends=True)
    base_lines = base.splitlines(keepends=True)
    edit_lines = edited.splitlines(keepends=True)
    bare = [line.rstrip("\r\n") for line in orig_lines]
    to_orig = _pairs([line.rstrip("\n") for line in base_lines], bare)
    to_edit = _pairs(base_lines, edit_lines)
    anchors = [(-1, -1, -1)]
    for b in range(len(base_lines)):
        if b in to_orig and b in to_edit:
            o, e = to_orig[b], to_edit[b]
            if o > anchors[-1][1] and e > anchors[-1][2]:
                anchors.append((b, o, e))
    anchors.append((len(base_lines), len(orig_lines), len(edit_lines)))
    out: list[str] = []
    for (b0, o0, e0), (b1, o1, e1) in itertools.pairwise(anchors):
        base_seg, orig_seg = base_lines[b0 + 1 : b1], orig_lines[o0 + 1 : o1]
        edit_seg = edit_lines[e0 + 1 : e1]
        if base_seg == edit_seg:
            out.extend(orig_seg)  # untouched: keep the original text
        else:
            out.extend(_region(base_seg, orig_seg, edit_seg))
        if b1 < len(base_lines):
            out.append(orig_lines[o1])
    for index in range(len(out) - 1):  # an original last line may now be followed by more
        if not out[index].endswith("\n"):
            out[index] += "\n"
    return "".join(out)

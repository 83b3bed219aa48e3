"""A tree whose texts are hostile to layout and reading order, for the render tests.

Every text of the bundled data gets one of :data:`SPICES` added in turn: a word of 500
letters, bidirectional overrides and isolates, markup, carriage returns, line and
paragraph separators and other control characters. Ids, codes, dates and links stay,
so the pages and their links are the same as for the bundled data.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pydantic import BaseModel

from ictgov.load import Tree
from ictgov.model import Link

LONG_WORD = "Tietohallintoyhteistyösopimusvalmisteluryhmä" * 11  # 495 letters
SPICES = (
    " " + LONG_WORD,
    " \u202eesrever\u202c ja \u202e jatkuu",  # an override left open, as in an agenda title
    " <b>lihava</b> **tähdet** _alaviiva_ [linkki](#x) `koodi` <!-- kommentti -->",
    "\r- luetteloon?\r| taulukkoon | ?",
    "\r\n# otsikko?\u2028> lainaus?\u2029+ kohta",
    " \u2067עברית\u2069 \u200fאבג\u200e \u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    " sarkain\tja\x0bpystysarkain\x0cja\x1bESC\x7f\x85",
    " https://esimerkki.example/" + "a" * 300,
)
#: Fields that hold ids, codes, dates, addresses, languages or numbers, not prose.
KEEP = frozenset(
    {
        "id",
        "code",
        "goals",
        "responsible",
        "followed_by",
        "participants",
        "organisation",
        "reports_to",
        "body",
        "concerns",
        "measures",
        "projects",
        "value_promises",
        "meeting",
        "language",
        "time",
        "municipality_code",
        "business_id",
        "record_number",
        "email",
        "url",
        "minutes_url",
        "section",
        "unit",
    }
)


def _spiced(value: Any, n: list[int]) -> Any:
    if isinstance(value, Link):
        return value
    if isinstance(value, BaseModel):
        update = {
            name: _spiced(getattr(value, name), n)
            for name in type(value).model_fields
            if name not in KEEP
        }
        return value.model_copy(update=update)
    if type(value) is str:  # not the enumerations (statuses), which are str too
        n[0] += 1
        return value + SPICES[n[0] % len(SPICES)]
    if isinstance(value, dict):
        return {k: _spiced(v, n) for k, v in value.items()}
    if isinstance(value, list):
        return [_spiced(v, n) for v in value]
    return value


def hostile_text_tree(tree: Tree) -> Tree:
    """*tree* with every prose text spiced (see the module docstring)."""
    n = [0]

    def each(items: list[Any]) -> list[Any]:
        return [_spiced(i, n) for i in items]

    return replace(
        tree,
        strategy=_spiced(tree.strategy, n),
        goals=each(tree.goals),
        organisations=each(tree.organisations),
        bodies=each(tree.bodies),
        projects=each(tree.projects),
        stakeholder_groups=each(tree.stakeholder_groups),
        measures=each(tree.measures),
        meetings=each(tree.meetings),
    )

"""Redaction for pages published outside the organisation (``render --public``).

Every model field marked ``json_schema_extra=PERSONAL`` (names, e-mails, phone
numbers) is emptied by walking the models and their field metadata (a personal
field that holds a whole person, like an action's ``assignee``, keeps its post), so a field added to
the model later is redacted by marking it, not by remembering this module. Posts
stay: a reader may know the CIO of Tampere answers, not who that is today.

Free text can mention people too, so every text is also searched
(``ictgov.views.personal``): e-mail addresses in any disguise (``(at)``, ``[at]``,
`` at ``, ``ät``, ``%40`` in a URL) and Finnish phone numbers are masked; links to an
address (``mailto:``, or a URL holding one) are dropped; and every name found in a
personal field anywhere in the data is masked wherever it recurs, in any case and any
Finnish or Swedish inflected form ("Juha Kuusiston", "Marjatta Liljalle"), except the
words of posts. The update log's ``by`` is a post ("Tietohallintojohtaja, Tampere"),
so it stays, masked like any text if it names a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from typing import Any

from pydantic import BaseModel

from ictgov.load import Tree
from ictgov.model import PERSONAL, Link
from ictgov.views.personal import EMAIL_RE, mask_contacts, names_pattern

#: What replaces an e-mail address or a personal name found in free text.
MASK = "[…]"
#: "Juha Kuusisto" is masked token by token; the reader sees one mask for one person.
_ADJACENT_MASKS = re.compile(rf"{re.escape(MASK)}(?:\s+{re.escape(MASK)})+")
_PERSONAL_KEY = next(iter(PERSONAL))


@cache
def personal_fields(model: type[BaseModel]) -> frozenset[str]:
    """Names of the fields of *model* marked as personal data."""
    out = set()
    for name, info in model.model_fields.items():
        extra = info.json_schema_extra
        if isinstance(extra, dict) and extra.get(_PERSONAL_KEY):
            out.add(name)
    return frozenset(out)


def _walk(value: Any) -> Iterator[tuple[BaseModel, str, Any]]:
    """Every (model, field name, value) below *value*, depth first."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            child = getattr(value, name)
            yield value, name, child
            yield from _walk(child)
    elif isinstance(value, list | tuple):
        for child in value:
            yield from _walk(child)
    elif isinstance(value, dict):
        for child in value.values():
            yield from _walk(child)


def personal_values(tree: Tree) -> tuple[set[str], set[str]]:
    """(names, posts) found in the tree: the values of personal fields, and of ``post``."""
    names: set[str] = set()
    posts: set[str] = set()
    for entity in tree.entities():
        for model, name, value in _walk(entity):
            if name in personal_fields(type(model)) and isinstance(value, str) and value.strip():
                names.add(value.strip())
            elif name == "post":
                texts = value.values() if isinstance(value, dict) else [value]
                posts.update(t.strip() for t in texts if isinstance(t, str))
    return names, posts


class _Redactor:
    """Copies models with personal fields emptied and personal text masked."""

    def __init__(self, names: set[str], posts: set[str]) -> None:
        people = {n for n in names if not EMAIL_RE.fullmatch(n)}
        self.names = names_pattern(people, keep=posts)

    def text(self, value: str) -> str:
        out = mask_contacts(value, MASK)
        if self.names is not None:
            out = _ADJACENT_MASKS.sub(MASK, self.names.sub(MASK, out))
        return out

    def value(self, value: Any) -> Any:
        if isinstance(value, BaseModel):
            return self.model(value)
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.value(v) for v in value if not _is_mailto(v)]
        if isinstance(value, tuple):
            return tuple(self.value(v) for v in value)
        if isinstance(value, dict):
            return {k: self.value(v) for k, v in value.items()}
        return value

    def model(self, model: BaseModel) -> Any:
        personal = personal_fields(type(model))
        update: dict[str, Any] = {}
        for name in type(model).model_fields:
            current = getattr(model, name)
            if name in personal and isinstance(current, BaseModel):
                new = self.model(current)  # a person (an assignee): its post stays
            elif name in personal:
                new = None
            elif name in _KEPT_FIELDS:
                new = current
            elif _is_mailto(current):
                new = None
            else:
                new = self.value(current)
            if new != current:
                update[name] = new
        if not update:
            return model
        # model_copy keeps private attributes (where the entity was read from).
        return model.model_copy(update=update)


#: Fields holding ids, codes and addresses: never text about people, never masked.
_KEPT_FIELDS = frozenset(
    {
        "goals",
        "responsible",
        "followed_by",
        "participants",
        "organisation",
        "reports_to",
        "parent",
        "customer",
        "serves",
        "body",
        "concerns",
        "measures",
        "projects",
        "value_promises",
        "meeting",
        "code",
        "record_number",
        "time",
        "minutes_url",
        "language",
        "unit",
        "business_id",
        "municipality_code",
        "url",
        "id",
    }
)


def _is_mailto(value: Any) -> bool:
    """A link to a person: ``mailto:``, or a URL with an address in it (``?to=a%40b.fi``)."""
    if not isinstance(value, Link):
        return False
    url = value.url.strip()
    return url.lower().startswith("mailto:") or EMAIL_RE.search(url) is not None


def redact(tree: Tree) -> Tree:
    """A copy of *tree* fit for publishing: no names, no e-mail addresses; posts stay."""
    names, posts = personal_values(tree)
    redactor = _Redactor({n for n in names if n not in posts}, posts)

    def each(items: list[Any]) -> list[Any]:
        return [redactor.model(item) for item in items]

    return replace(
        tree,
        strategy=redactor.model(tree.strategy) if tree.strategy is not None else None,
        goals=each(tree.goals),
        organisations=each(tree.organisations),
        bodies=each(tree.bodies),
        roles=each(tree.roles),
        projects=each(tree.projects),
        stakeholder_groups=each(tree.stakeholder_groups),
        categories=each(tree.categories),
        measures=each(tree.measures),
        meetings=each(tree.meetings),
        documents={},
        diagnostics=list(tree.diagnostics),
        unvalidated_ids=set(tree.unvalidated_ids),
    )

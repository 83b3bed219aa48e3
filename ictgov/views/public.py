"""Redaction for pages published outside the organisation (``render --public``).

Every model field marked ``json_schema_extra=PERSONAL`` (names, e-mails, ``by``)
is emptied by walking the models and their field metadata, so a field added to
the model later is redacted by marking it, not by remembering this module. Posts
stay: a reader may know the CIO of Tampere answers, not who that is today.

Free text can mention people too. Two more safeguards catch the common cases:
e-mail addresses anywhere in the text are masked, ``mailto:`` links are dropped,
and the names found in personal fields are masked wherever they recur in other
text, unless the data itself uses the same words as a post.
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

#: What replaces an e-mail address or a personal name found in free text.
MASK = "[…]"
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
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

    def __init__(self, names: set[str]) -> None:
        emails = {n for n in names if EMAIL_RE.fullmatch(n)}
        people = sorted(names - emails, key=len, reverse=True)
        alternatives = "|".join(re.escape(n) for n in people if len(n) >= 3)
        self.names = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if alternatives else None

    def text(self, value: str) -> str:
        out = EMAIL_RE.sub(MASK, value)
        return self.names.sub(MASK, out) if self.names is not None else out

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
            if name in personal:
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
    return isinstance(value, Link) and value.url.strip().lower().startswith("mailto:")


def redact(tree: Tree) -> Tree:
    """A copy of *tree* fit for publishing: no names, no e-mail addresses; posts stay."""
    names, posts = personal_values(tree)
    redactor = _Redactor({n for n in names if n not in posts})

    def each(items: list[Any]) -> list[Any]:
        return [redactor.model(item) for item in items]

    return replace(
        tree,
        strategy=redactor.model(tree.strategy) if tree.strategy is not None else None,
        goals=each(tree.goals),
        organisations=each(tree.organisations),
        bodies=each(tree.bodies),
        projects=each(tree.projects),
        stakeholder_groups=each(tree.stakeholder_groups),
        measures=each(tree.measures),
        meetings=each(tree.meetings),
        documents={},
        diagnostics=list(tree.diagnostics),
        unvalidated_ids=set(tree.unvalidated_ids),
    )

"""Text that will be published: no personal data, no invisible characters."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ictgov.diagnostics import Diagnostic, Severity
from ictgov.i18n import N_
from ictgov.i18n.messages import msg
from ictgov.lint.rule import LintContext, Rule
from ictgov.load import Tree
from ictgov.views.personal import has_personal_data, names_pattern
from ictgov.views.public import personal_fields, personal_values

#: Fields holding ids, addresses and numbers, not prose.
_NOT_PROSE = frozenset({"id", "url", "minutes_url", "record_number", "business_id", "email"})
#: Characters that change how text around them is shown (the "Trojan Source" class).
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def texts(entity: BaseModel) -> Iterator[tuple[tuple[str | int, ...], str, BaseModel]]:
    """Every string below *entity* with its data path and the model that holds it."""
    yield from _texts(entity, ())


def _texts(value: Any, path: tuple[str | int, ...]) -> Iterator[Any]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            child = getattr(value, name)
            if isinstance(child, str):
                yield (*path, name), child, value
            else:
                yield from _texts(child, (*path, name))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            if isinstance(child, str):
                continue  # lists of strings are ids and tags
            yield from _texts(child, (*path, index))
    elif isinstance(value, dict):  # a text in several languages
        for lang, child in value.items():
            if isinstance(child, str):
                yield (*path, lang), child, None


class PersonalDataInText(Rule):
    """A text that reports publish holds an e-mail address, a phone number or a name.

    ``render --public`` masks what it recognises, but the coordinator should see it
    before CI publishes anything: write the post ("Tietohallintojohtaja") instead of a
    person's name, and put contact details in ``contacts:``, whose fields are personal
    data and never published.

    **Bad** (`data/measures/m-beta.yaml`):

    ```yaml
    id: m-beta
    code: "2.1"
    title: Beeta
    goals: [g2]
    responsible: mgmt
    followed_by: mgmt
    status: completed
    progress: 100
    schedule:
      planned_start: 2024-01-01
      planned_end: 2024-12-31
      actual_end: 2024-11-30
    depends_on:
      measures: [m-alpha]
    indicator:
      description: Johtoryhmä seuraa. Lisätietoja puh. 040 123 4567.
    updates:
      - date: 2024-11-30
        status: completed
        progress: 100
        note: Valmis.
    ```

    **Good** (`data/measures/m-beta.yaml`):

    ```yaml
    id: m-beta
    code: "2.1"
    title: Beeta
    goals: [g2]
    responsible: mgmt
    followed_by: mgmt
    status: completed
    progress: 100
    schedule:
      planned_start: 2024-01-01
      planned_end: 2024-12-31
      actual_end: 2024-11-30
    depends_on:
      measures: [m-alpha]
    indicator:
      description: Johtoryhmä seuraa. Lisätietoja antaa tietohallintojohtaja.
    updates:
      - date: 2024-11-30
        status: completed
        progress: 100
        note: Valmis.
    ```
    """

    code = "TX01"
    name = "text.personal-data"
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Search every published text for addresses, phone numbers and known names."""
        names, posts = personal_values(tree)
        pattern = names_pattern(names - posts, keep=posts)
        for entity in tree.entities():
            for path, value, holder in texts(entity):
                words = [p for p in path if isinstance(p, str)]
                # In a text of several languages the last part is the language: see its field.
                field = words[-2] if holder is None and len(words) > 1 else words[-1]
                if field in _NOT_PROSE or field == "post":
                    continue
                if holder is not None and field in personal_fields(type(holder)):
                    continue
                found = has_personal_data(value, pattern)
                if found is not None:
                    yield self.at(
                        tree,
                        entity,
                        path,
                        N_(
                            "{field} holds {what}, which a public report shows masked; write "
                            "the post instead of a name, and contact details under contacts:"
                        ),
                        field=field,
                        what=_article(found),
                    )


class InvisibleCharacter(Rule):
    r"""A text holds a bidirectional control or another invisible control character.

    U+202E and its kin reverse how the text after them is shown (the "Trojan Source"
    trick), and control characters hide in text pasted from other programs. Delete the
    character; if a language really needs a direction mark, the report sets it.

    **Bad** (`data/measures/m-beta.yaml`):

    ```yaml
    id: m-beta
    code: "2.1"
    title: "Beeta \u202e"
    goals: [g2]
    responsible: mgmt
    followed_by: mgmt
    status: completed
    progress: 100
    schedule:
      planned_start: 2024-01-01
      planned_end: 2024-12-31
      actual_end: 2024-11-30
    depends_on:
      measures: [m-alpha]
    indicator:
      description: Johtoryhmä seuraa.
    updates:
      - date: 2024-11-30
        status: completed
        progress: 100
        note: Valmis.
    ```

    **Good** (`data/measures/m-beta.yaml`):

    ```yaml
    id: m-beta
    code: "2.1"
    title: Beeta
    goals: [g2]
    responsible: mgmt
    followed_by: mgmt
    status: completed
    progress: 100
    schedule:
      planned_start: 2024-01-01
      planned_end: 2024-12-31
      actual_end: 2024-11-30
    depends_on:
      measures: [m-alpha]
    indicator:
      description: Johtoryhmä seuraa.
    updates:
      - date: 2024-11-30
        status: completed
        progress: 100
        note: Valmis.
    ```
    """

    code = "TX02"
    name = "text.invisible-character"
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Look for bidi controls and control characters other than tab and newline."""
        for entity in tree.entities():
            for path, value, _holder in texts(entity):
                bad = next((c for c in value if _invisible(c)), None)
                if bad is not None:
                    yield self.at(
                        tree,
                        entity,
                        path,
                        N_("the text holds the invisible character U+{code} ({name}); delete it"),
                        code=f"{ord(bad):04X}",
                        name=unicodedata.name(bad, "control"),
                    )


#: What TX01 found, as a message says it.
_FOUND: dict[str, str] = {
    "e-mail address": N_("an e-mail address"),
    "phone number": N_("a phone number"),
    "name": N_("a name"),
}


def _article(found: str) -> dict[str, Any]:
    return msg(_FOUND.get(found, N_("personal data")))


def _invisible(char: str) -> bool:
    if char in _BIDI:
        return True
    return unicodedata.category(char) == "Cc" and char not in "\t\n\r"


RULES = (PersonalDataInText, InvisibleCharacter)

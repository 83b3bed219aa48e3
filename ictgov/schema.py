"""JSON Schema for each kind of file, generated from the Pydantic models.

Editors (VS Code with the YAML extension, anything using yaml-language-server) read
a ``# yaml-language-server: $schema=../../schemas/<kind>.schema.json`` line at the
top of a data file and then complete keys and flag typos while the user types. The
schemas are committed under ``schemas/`` and shipped inside the package for
``ictgov init``; the output is deterministic (sorted keys, trailing newline) so that
a test can tell when the committed copies are stale.

Every property and every allowed value has a description, which the editor shows on
hover. The packaged schemas are English; a strategy repository gets them in its own
language (``language``): each English description is a message id of the ``schema``
gettext domain (``ictgov/i18n/locale/<lang>/LC_MESSAGES/schema.po``), and the property
titles become the keys themselves, so that the hover reads ``planned_start`` and a
Finnish or Swedish explanation rather than an English heading. Update the catalogues
after changing a description::

    python -m tools.docs_gen          # writes ictgov/i18n/schema.pot (and the docs)
    pybabel update -i ictgov/i18n/schema.pot -d ictgov/i18n/locale -D schema \
        --no-fuzzy-matching -w 100
    (translate the empty msgstr in fi and sv)
    pybabel compile -d ictgov/i18n/locale -D schema
"""

from __future__ import annotations

import gettext
import json
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ictgov.i18n import LOCALE_DIR, N_
from ictgov.model.files import KINDS, FileKind
from ictgov.safefs import FolderWriter, check_target_folder

#: The JSON Schema dialect Pydantic generates (``$defs``, ``prefixItems``).
DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: Where the committed schemas are published; ``$id`` is this plus the file name.
BASE_URL = "https://raw.githubusercontent.com/ictgov/ictgov/main/schemas/"
#: Folder of the committed schemas at the repository root.
SCHEMA_DIR = "schemas"
SUFFIX = ".schema.json"
#: The gettext domain of schema and settings descriptions (apart from the interface's).
SCHEMA_DOMAIN = "schema"
#: The language of the message ids: schemas in it need no catalogue.
SOURCE_LANGUAGE = "en"
#: Keys whose string value (or list of strings) is text a person reads in the editor.
TEXT_KEYS = ("description", "enumDescriptions")
#: Keys holding data values, not schema: never walked for texts.
_VALUE_KEYS = frozenset({"default", "enum", "const", "examples", "pattern"})


#: What each kind of file holds, in a sentence: the schema's and the docs' description.
KIND_SUMMARIES: dict[str, str] = {
    "strategy": "The strategy itself: title, period, vision with its horizon, value promises, "
    "the decisions that approved it, prioritised development areas. A cooperation model may "
    "leave out the period and the vision: then no date or budget year is checked against a "
    "period.",
    "goals": "The strategic goals of the period, each with an optional indicator.",
    "organisations": "Member organisations (municipalities), their units (an ICT unit of a "
    "city, with its parent) and other parties; who provides services to whom, under which "
    "agreement.",
    "bodies": "Governance bodies: level, reporting line, members by post, tasks, meeting cadence.",
    "roles": "Posts with duties that are not bodies (an operational coordinator, an ICT account "
    "manager for a customer town): post, organisation, whom it serves, the person, duties.",
    "projects": "Major projects outside the strategy that its schedule depends on.",
    "stakeholders": "Stakeholder groups, their influence and the channels that reach them.",
    "categories": "Categories of measures (e.g. the areas of a programme): id, name, "
    "description and order; a measure names at most one.",
    "measure": "One measure (toimenpide): goals, who does it and who follows it, status, "
    "health, progress, schedule, dependencies, indicator, the update log and the budget.",
    "round": "One reporting round: the owners asked for a status update, their measures, "
    "the due date, the messages sent and the answers collected.",
    "meeting": "One meeting of one body: attendees and agenda items with their proposals, "
    "decisions, resolutions and the follow-up actions the decisions assign.",
}


def schema_filename(kind: str) -> str:
    """``measure`` -> ``measure.schema.json``."""
    return f"{kind}{SUFFIX}"


#: Where a file lives, after the kind's summary in the schema's description.
LOCATION_ONE = N_("Location: {path}.")
LOCATION_EACH = N_("Location: {path}, one file per item, named by its id.")


def _summary(kind: FileKind) -> str:
    return KIND_SUMMARIES.get(kind.name) or " ".join((kind.model.__doc__ or "").split())


def _location(kind: FileKind, translate: Callable[[str], str]) -> str:
    if kind.one_per_item:
        return translate(LOCATION_EACH).format(path=f"data/{kind.location}/<id>.yaml")
    return translate(LOCATION_ONE).format(path=f"data/{kind.location}")


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The schema descriptions in *lang* (English, the message ids, needs none)."""
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{SCHEMA_DOMAIN}.mo"
    try:
        with path.open("rb") as f:
            return gettext.GNUTranslations(f)
    except FileNotFoundError:
        raise ValueError(f"no schema descriptions in {lang!r}; use fi, sv or en") from None


def _texts(node: Any, *, root: bool = True) -> Iterator[tuple[Any, Any]]:
    """(container, key or index) of every description below *node*, the root's excepted."""
    if isinstance(node, list):
        for value in node:
            yield from _texts(value, root=False)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key == "properties" and isinstance(value, dict):  # field names: each a schema
            for field in value.values():
                yield from _texts(field, root=False)
        elif key in _VALUE_KEYS:
            continue
        elif key in TEXT_KEYS and isinstance(value, str):
            if not root:
                yield node, key
        elif key in TEXT_KEYS and isinstance(value, list):
            yield from ((value, i) for i, v in enumerate(value) if isinstance(v, str))
        elif isinstance(value, dict | list):
            yield from _texts(value, root=False)


def _keys_as_titles(node: Any) -> None:
    """Every property's title becomes its key: the hover's heading is what the file says."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                for name, prop in value.items():
                    if isinstance(prop, dict):
                        prop["title"] = name
                        _keys_as_titles(prop)
            elif key not in _VALUE_KEYS:
                _keys_as_titles(value)
    elif isinstance(node, list):
        for value in node:
            _keys_as_titles(value)


def _push_down(node: dict[str, Any], text: Any, title: Any) -> None:
    for key in ("anyOf", "oneOf"):
        for alternative in node.get(key, []):
            if isinstance(alternative, dict) and alternative.get("type") != "null":
                alternative["description"] = text
                if title is not None:
                    alternative["title"] = title
                _push_down(alternative, text, title)


def _field_texts_first(node: Any) -> None:
    """Give each alternative of a field (``anyOf``) the field's own description and title.

    Editors built on the JSON language service (VS Code's YAML extension) show the first
    description among the schemas a value matches, and an alternative matches before
    the field does: without this, hovering ``responsible`` would show the generic text
    of an id, and ``title`` that of a text, rather than what the field means.
    """
    if isinstance(node, dict):
        if isinstance(node.get("description"), str):
            _push_down(node, node["description"], node.get("title"))
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                for field in value.values():
                    _field_texts_first(field)
            elif key not in _VALUE_KEYS:
                _field_texts_first(value)
    elif isinstance(node, list):
        for value in node:
            _field_texts_first(value)


def _model_schema(kind: FileKind) -> dict[str, Any]:
    schema = kind.model.model_json_schema(mode="validation")
    _field_texts_first(schema)
    return schema


def schema_for(kind: FileKind, lang: str = SOURCE_LANGUAGE) -> dict[str, Any]:
    """The JSON Schema of one kind of file, with ``$schema``, ``$id``, title and description.

    In *lang* other than English every description is translated (one left
    untranslated stays English) and property titles are the keys.
    """
    schema = _model_schema(kind)
    translate = catalogue(lang).gettext
    if lang != SOURCE_LANGUAGE:
        for container, key in list(_texts(schema)):
            container[key] = translate(container[key])
        _keys_as_titles(schema)
        _field_texts_first(schema)  # the alternatives take the titles too
    return {
        "$schema": DIALECT,
        "$id": BASE_URL + schema_filename(kind.name),
        **schema,
        "title": f"ictgov {kind.name} file",
        "description": f"{translate(_summary(kind))} {_location(kind, translate)}",
    }


def schemas_by_kind(lang: str = SOURCE_LANGUAGE) -> dict[str, dict[str, Any]]:
    """Kind name -> its JSON Schema, for every kind in :data:`ictgov.model.files.KINDS`."""
    return {kind.name: schema_for(kind, lang) for kind in KINDS}


def schema_messages() -> list[str]:
    """Every English text of every schema: the message ids of the ``schema`` domain."""
    found: set[str] = {LOCATION_ONE, LOCATION_EACH}
    for kind in KINDS:
        schema = _model_schema(kind)
        found.update(container[key] for container, key in _texts(schema))
        found.add(_summary(kind))
    return sorted(found)


def dumps(schema: dict[str, Any]) -> str:
    """The canonical text of a schema: sorted keys, two-space indent, trailing newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def rendered_schemas(kinds: list[str] | None = None, lang: str = SOURCE_LANGUAGE) -> dict[str, str]:
    """File name -> canonical text, for the given kinds (default: all), in *lang*."""
    schemas = schemas_by_kind(lang)
    wanted = kinds if kinds is not None else list(schemas)
    return {schema_filename(k): dumps(schemas[k]) for k in wanted}


def write_schemas(
    dest: Path, kinds: list[str] | None = None, lang: str = SOURCE_LANGUAGE
) -> list[Path]:
    """Write the schemas in *lang* into *dest* (created if missing); return the files written.

    Files whose content is already current are left untouched (same mtime), so a
    build that regenerates schemas does not dirty the tree.
    """
    check_target_folder(dest, "the schema folder")  # a committed schemas/ symlink ...
    writer = FolderWriter(dest)  # ... or schemas/x.json -> ~/.bashrc is not followed
    return [
        writer.write(name, text.encode("utf-8"))
        for name, text in rendered_schemas(kinds, lang).items()
    ]


def stale_schemas(
    dest: Path, kinds: list[str] | None = None, lang: str = SOURCE_LANGUAGE
) -> list[str]:
    """File names in *dest* that are missing or differ from what the models generate."""
    out: list[str] = []
    for name, text in rendered_schemas(kinds, lang).items():
        path = dest / name
        try:
            current = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current != text:
            out.append(name)
    return out


def packaged_schema_dir() -> Path:
    """The copy of the schemas shipped inside the package (``ictgov/schemas/``)."""
    return Path(str(resources.files("ictgov") / SCHEMA_DIR))

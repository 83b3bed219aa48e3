"""JSON Schemas: generated from the models, deterministic, and committed up to date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ictgov.load import parse_yaml
from ictgov.model.files import KINDS, kind_for
from ictgov.schema import (
    DIALECT,
    dumps,
    packaged_schema_dir,
    rendered_schemas,
    schemas_by_kind,
    stale_schemas,
    write_schemas,
)

REPO = Path(__file__).resolve().parents[2]
MINIMAL = REPO / "tests" / "fixtures" / "minimal"


def test_one_schema_per_kind_with_id_title_and_description() -> None:
    schemas = schemas_by_kind()
    assert sorted(schemas) == sorted(k.name for k in KINDS)
    for name, schema in schemas.items():
        assert schema["$schema"] == DIALECT
        assert schema["$id"].endswith(f"/{name}.schema.json")
        assert schema["title"] == f"ictgov {name} file"
        assert schema["description"]
        assert schema["additionalProperties"] is False  # unknown keys flagged in editors


def test_field_descriptions_and_personal_markers_come_from_the_models() -> None:
    measure = schemas_by_kind()["measure"]
    assert "number in the strategy document" in measure["properties"]["code"]["description"]
    assert measure["$defs"]["Contact"]["properties"]["name"]["x-personal"] is True
    by = measure["$defs"]["UpdateEntry"]["properties"]["by"]
    assert "x-personal" not in by and "by post" in by["description"]  # posts stay public
    assert measure["properties"]["status"]["default"] == "planned"


def test_output_is_deterministic_with_sorted_keys_and_trailing_newline() -> None:
    first, second = rendered_schemas(), rendered_schemas()
    assert first == second
    for text in first.values():
        assert text.endswith("}\n")
        assert dumps(json.loads(text)) == text  # already canonical: keys sorted


def test_write_schemas_writes_every_file_and_leaves_current_ones_alone(tmp_path: Path) -> None:
    written = write_schemas(tmp_path)
    assert sorted(p.name for p in written) == sorted(f"{k.name}.schema.json" for k in KINDS)
    stamp = (tmp_path / "measure.schema.json").stat().st_mtime_ns
    write_schemas(tmp_path)
    assert (tmp_path / "measure.schema.json").stat().st_mtime_ns == stamp
    assert stale_schemas(tmp_path) == []
    (tmp_path / "goals.schema.json").write_text("{}\n", encoding="utf-8")
    (tmp_path / "meeting.schema.json").unlink()
    assert stale_schemas(tmp_path) == ["goals.schema.json", "meeting.schema.json"]


def test_committed_schemas_are_current() -> None:
    """The packaged ones are English; the repository's own speak the example's language."""
    from ictgov.scaffold.schemas import repository_language

    lang = repository_language(REPO) or "en"
    assert lang == "fi"  # [tool.ictgov] language of the bundled example
    for folder, language in ((REPO / "schemas", lang), (packaged_schema_dir(), "en")):
        stale = stale_schemas(folder, lang=language)
        assert not stale, (
            f"stale schemas in {folder}: {stale}; regenerate with "
            f"'ictgov schema --root . --lang {lang}' and 'ictgov schema --out ictgov/schemas'"
        )


def test_the_minimal_fixture_validates_against_the_schemas() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schemas = schemas_by_kind()
    files = sorted((MINIMAL / "data").rglob("*.yaml"))
    assert files
    for path in files:
        kind = kind_for(path.relative_to(MINIMAL / "data").as_posix())
        assert kind is not None
        data = parse_yaml(path.read_text(encoding="utf-8")).data
        errors = list(jsonschema.Draft202012Validator(schemas[kind.name]).iter_errors(data))
        assert errors == [], (path, [e.message for e in errors])


def test_the_schema_rejects_an_unknown_key() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(schemas_by_kind()["measure"])
    data = {"id": "m", "code": "1", "title": "T", "goals": ["g1"], "staus": "planned"}
    assert any("staus" in e.message for e in validator.iter_errors(data))


def test_bundled_files_point_at_their_schema_and_validate(bundled_root: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schemas = schemas_by_kind()
    files = sorted((bundled_root / "data").rglob("*.yaml"))
    assert files
    for path in files:
        kind = kind_for(path.relative_to(bundled_root / "data").as_posix())
        assert kind is not None, path
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../../schemas/{kind.name}.schema.json"
        validator = jsonschema.Draft202012Validator(schemas[kind.name])
        errors = [e.message for e in validator.iter_errors(parse_yaml(text).data)]
        assert errors == [], (path.name, errors[:3])


def test_writing_schemas_never_follows_a_committed_symlink(tmp_path: Path) -> None:
    import os

    from ictgov.errors import UnsafePathError
    from ictgov.schema import write_schemas

    victim = tmp_path / "bashrc"
    victim.write_text("keep\n", encoding="utf-8")
    dest = tmp_path / "repo" / "schemas"
    dest.mkdir(parents=True)
    os.symlink(victim, dest / "measure.schema.json")
    write_schemas(dest)
    assert victim.read_text(encoding="utf-8") == "keep\n"
    assert not (dest / "measure.schema.json").is_symlink()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, tmp_path / "linked")
    with pytest.raises(UnsafePathError):
        write_schemas(tmp_path / "linked")
    assert list(elsewhere.iterdir()) == []


def _undescribed(node: object, path: str) -> list[str]:
    """Paths of properties (at any depth, ``$defs`` included) that have no description."""
    out: list[str] = []
    if isinstance(node, dict):
        for name, sub in (node.get("properties") or {}).items():
            if not (isinstance(sub, dict) and str(sub.get("description", "")).strip()):
                out.append(f"{path}/properties/{name}")
        for key, value in node.items():
            out += _undescribed(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _undescribed(value, f"{path}/{i}")
    return out


def _enums(node: object, path: str) -> list[tuple[str, dict[str, object]]]:
    out: list[tuple[str, dict[str, object]]] = []
    if isinstance(node, dict):
        if "enum" in node:
            out.append((path, node))
        for key, value in node.items():
            out += _enums(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _enums(value, f"{path}/{i}")
    return out


@pytest.mark.parametrize("name", sorted(p.name for p in packaged_schema_dir().glob("*.json")))
def test_every_property_of_every_schema_has_a_description(name: str) -> None:
    """Editors show the description on hover: a field added without one fails here.

    Describe it on the model field: ``Field(description="What it means, e.g. 2024-03-31.")``.
    """
    schema = json.loads((packaged_schema_dir() / name).read_text(encoding="utf-8"))
    missing = _undescribed(schema, name)
    assert not missing, "properties without a description (add Field(description=...)):\n" + (
        "\n".join(missing)
    )


@pytest.mark.parametrize("name", sorted(p.name for p in packaged_schema_dir().glob("*.json")))
def test_every_allowed_value_has_a_description(name: str) -> None:
    """Each enum value is explained (``enumDescriptions``): make the enum a DescribedEnum."""
    schema = json.loads((packaged_schema_dir() / name).read_text(encoding="utf-8"))
    for path, node in _enums(schema, name):
        described = node.get("enumDescriptions")
        assert isinstance(described, list) and len(described) == len(node["enum"]), (  # type: ignore[arg-type]
            f"{path}: no enumDescriptions; make the enum an ictgov.model.base.DescribedEnum "
            "and give every value a sentence in __descriptions__"
        )
        assert all(isinstance(d, str) and d.strip() for d in described), (
            f"{path}: a value without a description: {node['enum']} -> {described}"
        )


def _catalogue(lang: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    from ictgov.i18n import LOCALE_DIR

    with (LOCALE_DIR / lang / "LC_MESSAGES" / "schema.po").open("rb") as f:
        return {m.id: m.string for m in read_po(f, locale=lang) if m.id and not m.fuzzy}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_description_has_a_translation(lang: str) -> None:
    """Each English description (schemas and settings) is a msgid with a fi and sv text."""
    from tools.docs_gen import reference_messages

    have = _catalogue(lang)
    missing = [m for m in reference_messages() if not have.get(m)]
    assert not missing, (
        f"{len(missing)} descriptions lack a {lang} translation, e.g. {missing[:3]}; "
        "see ictgov/schema.py: python -m tools.docs_gen, pybabel update -D schema, "
        "translate, pybabel compile -D schema"
    )


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_translations_keep_their_placeholders_and_the_mo_is_current(lang: str) -> None:
    import re

    from ictgov.schema import catalogue

    compiled = catalogue(lang)
    for msgid, text in _catalogue(lang).items():
        assert set(re.findall(r"{\w+}", msgid)) == set(re.findall(r"{\w+}", text)), msgid
        assert compiled.gettext(msgid) == text, (
            f"schema.mo of {lang} is stale: pybabel compile -d ictgov/i18n/locale -D schema"
        )


def test_the_committed_template_lists_every_description() -> None:
    from babel.messages.pofile import read_po

    from tools.docs_gen import POT_PATH, reference_messages

    with (REPO / POT_PATH).open("rb") as f:
        committed = sorted(m.id for m in read_po(f) if m.id)
    assert committed == reference_messages(), (
        "ictgov/i18n/schema.pot is stale; regenerate it with 'python -m tools.docs_gen'"
    )


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_schema_in_finnish_or_swedish_has_every_text_translated(lang: str) -> None:
    from ictgov.schema import _texts

    english = schemas_by_kind()
    for kind, schema in schemas_by_kind(lang).items():
        texts = [container[key] for container, key in _texts(schema)]
        english_texts = {container[key] for container, key in _texts(english[kind])}
        assert texts and not [t for t in texts if t in english_texts], kind
        assert schema["description"] != english[kind]["description"]
        for defined in [schema, *schema.get("$defs", {}).values()]:
            for key, prop in defined.get("properties", {}).items():
                assert prop["title"] == key  # the hover's heading is what the file says


def test_a_field_named_description_is_translated_too() -> None:
    measure = schemas_by_kind("fi")["measure"]
    assert measure["properties"]["description"]["description"].startswith("Mitä tehdään")
    indicator = measure["$defs"]["Indicator"]["properties"]["description"]
    assert indicator["description"].startswith("Mittari")


def test_a_translated_schema_validates_like_the_english_one() -> None:
    def strip(node: object) -> object:
        if isinstance(node, dict):
            return {
                k: strip(v)
                for k, v in node.items()
                if k not in ("description", "enumDescriptions", "title")
            }
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    english = schemas_by_kind()
    for lang in ("fi", "sv"):
        assert strip(schemas_by_kind(lang)) == strip(english)


def _alternatives(node: object) -> list[tuple[dict[str, object], dict[str, object]]]:
    """(field, alternative) for every non-null alternative of a described field."""
    out: list[tuple[dict[str, object], dict[str, object]]] = []
    if isinstance(node, dict):
        for key in ("anyOf", "oneOf"):
            for alternative in node.get(key, []):
                if node.get("description") and alternative.get("type") != "null":
                    out.append((node, alternative))
        for value in node.values():
            out += _alternatives(value)
    elif isinstance(node, list):
        for value in node:
            out += _alternatives(value)
    return out


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_the_hover_shows_the_fields_own_description(lang: str) -> None:
    """The editor shows the first description a value matches, an alternative's first:
    each alternative of an optional field carries the field's own text."""
    measure = schemas_by_kind(lang)["measure"]
    pairs = _alternatives(measure)
    assert pairs
    for field, alternative in pairs:
        assert alternative["description"] == field["description"]
    responsible = measure["properties"]["responsible"]
    assert responsible["anyOf"][0]["description"] == responsible["description"]

"""Generate ``docs/format.md``, the data format reference, from the JSON Schemas.

It also writes the settings reference (``tools.settings_doc``) and the template of the
``schema`` catalogue, whose message ids are the schemas' and settings' descriptions.

The field tables come from :func:`ictgov.schema.schemas_by_kind`, which come from the
Pydantic models, so the page cannot drift from what the loader accepts; a test
regenerates it and fails when the committed page is stale. The examples below are
loaded by that test too, so every example in the docs is valid data.

    python -m tools.docs_gen [docs/format.md]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ictgov.model.base import _TEXT_SCHEMA, ID_PATTERN, Id
from ictgov.model.files import KINDS, FileKind
from ictgov.round.example import ROUND_EXAMPLE
from ictgov.schema import KIND_SUMMARIES, schema_filename, schemas_by_kind

DEFAULT_PATH = Path("docs") / "format.md"

#: A complete example of each kind of file: (path under the repository, YAML text).
EXAMPLES: dict[str, tuple[str, str]] = {
    "strategy": (
        "data/strategy/strategy.yaml",
        """\
# yaml-language-server: $schema=../../schemas/strategy.schema.json
id: region-ict-2023
title:
  fi: Seudun ICT-strategia 2023-2027
  en: Regional ICT strategy 2023-2027
short_title: ICT-strategia
owner: Kaupunkiseutu
language: fi              # language of plain (single-language) texts
description: Yhteinen suunta seudun tietohallinnolle.
period: {start: 2023, end: 2027}
vision:
  text: Sujuvaa arkea yhteisillä palveluilla.
  horizon: 2040
value_promises:
  - id: vp-smooth
    title: Sujuva arki
    description: Palvelut toimivat kuntarajoista riippumatta.
approval:
  decisions:
    - {meeting: board-2023-11-20, section: 256}
  note: Hyväksytty kaikissa jäsenkunnissa.
development_areas:
  - priority: 1
    title: Tietoturva
    tasks: [Yhteinen SIEM-palvelu]
previous_assessment: {score: 2.5, scale: 5, summary: Seuranta jäi vähäiseksi.}
links:
  - {title: Strategia (PDF), url: "https://example.fi/strategia.pdf"}
illustrative_note: Tilat ovat esimerkkejä.
""",
    ),
    "goals": (
        "data/strategy/goals.yaml",
        """\
# yaml-language-server: $schema=../../schemas/goals.schema.json
goals:
  - id: g1
    code: "1"
    title: Hyvin toimiva ICT-perusta
    description: Perustietotekniikka hankitaan yhdessä.
    value_promises: [vp-smooth]
    term: long                 # short (lyhyen aikavälin) or long (pitkän aikavälin)
    indicator:
      description: Yhteishankintojen osuus hankinnoista.
      unit: "%"
      direction: higher
      baseline: {value: 40, date: 2023-01-01}
      target: {value: 80, date: 2027-12-31}
""",
    ),
    "organisations": (
        "data/strategy/organisations.yaml",
        """\
# yaml-language-server: $schema=../../schemas/organisations.schema.json
organisations:
  - id: tampere
    name: {fi: Tampere, sv: Tammerfors}
    type: municipality
    role: lead                 # vastuukunta
    municipality_code: "837"   # quoted: codes keep their leading zeros
    business_id: "0211675-2"   # the check digit is verified
    website: {url: "https://www.tampere.fi"}
    provides_to:               # a service provider and its customers
      - customer: orivesi
        name: ICT-palvelusopimus 2024
        date: 2024-01-01
        link: {url: "https://www.tampere.fi/sopimukset/ict-orivesi"}
        services: [Työasemapalvelut, Käyttäjätuki]
  - id: tampere-ict
    name: Tampereen ICT-yksikkö
    type: unit                 # an organisational unit: may be responsible for a measure
    parent: tampere
  - id: orivesi
    name: Orivesi
    municipality_code: "562"
  - id: akaa
    name: Akaa
    municipality_code: "020"
""",
    ),
    "bodies": (
        "data/strategy/bodies.yaml",
        """\
# yaml-language-server: $schema=../../schemas/bodies.schema.json
bodies:
  - id: ict-management-group
    name: Seudullinen ICT-johtoryhmä
    short_name: ICT-johtoryhmä
    level: strategic
    organisation: tampere
    reports_to: regional-board
    description: Ohjaa strategian toimeenpanoa.
    members:
      - post: Tietohallintojohtaja, Tampere
        organisation: tampere
        role: chair
      - post: Hallintojohtaja, Akaa
        organisation: akaa
        role: member
        person: Maija Meikäläinen    # personal data: left out of public output
    tasks: [Seuraa toimenpiteiden etenemistä]
    cadence: {meetings_per_year: 4}
  - id: regional-board
    name: Seutuhallitus
    level: strategic
""",
    ),
    "roles": (
        "data/strategy/roles.yaml",
        """\
# yaml-language-server: $schema=../../schemas/roles.schema.json
roles:
  - id: operational-coordinator
    post: {fi: Operatiivinen koordinaattori, en: Operational coordinator}
    organisation: tampere-ict          # where the post sits: an organisation or a unit
    reports_to: steering-group         # a body
    person:                            # name, email and phone: left out of public output
      post: Operatiivinen koordinaattori
      name: Maija Meikäläinen
      email: maija.meikalainen@example.fi
      phone: 040 123 4567
    duties: [Valmistelee ohjausryhmän kokoukset]
  - id: account-manager-orivesi
    post: ICT-asiakkuuspäällikkö
    organisation: tampere-ict
    serves: [orivesi]                  # the customer organisations it is named for
    description: Oriveden yhteyshenkilö Tampereen ICT-yksikössä.
""",
    ),
    "projects": (
        "data/strategy/projects.yaml",
        """\
# yaml-language-server: $schema=../../schemas/projects.schema.json
projects:
  - id: basic-ict-procurement
    name: Perustietotekniikan hankinta
    description: Seudullinen kilpailutus.
    start: 2023-06-01
    end: 2025-12-31
    responsible: tampere
    links: [{url: "https://example.fi/hankinta"}]
""",
    ),
    "stakeholders": (
        "data/strategy/stakeholders.yaml",
        """\
# yaml-language-server: $schema=../../schemas/stakeholders.schema.json
stakeholder_groups:
  - id: decision-makers
    name: Päättäjät
    influence: high
    role: Ohjaus
    members: [Kuntien hallitukset]
    channels: [Kokoukset, Uutiskirje]
""",
    ),
    "categories": (
        "data/strategy/categories.yaml",
        """\
# yaml-language-server: $schema=../../schemas/categories.schema.json
categories:
  - id: data-platforms
    name: {fi: Tietoalustat, sv: Dataplattformar, en: Data platforms}
    description: Yhteiset tietoalustat ja rajapinnat.
    order: 1
""",
    ),
    "measure": (
        "data/measures/siem-service.yaml",
        """\
# yaml-language-server: $schema=../../schemas/measure.schema.json
id: siem-service
code: "1.11"
title: {fi: Yhteinen SIEM-palvelu, en: A shared SIEM service}
description: Tietoturvapoikkeamien havainnointi keskitetään.
goals: [g1]
category: data-platforms             # at most one, from strategy/categories.yaml
responsible: tampere                 # body or organisation that does it
followed_by: ict-management-group    # body that follows it up
participants: [tampere, akaa]        # default: all members
status: in_progress                  # planned, in_progress, completed, on_hold, discontinued
health: at_risk                      # on_track, at_risk, off_track (while in progress)
progress: 40
schedule:
  planned_start: 2024-01-01
  planned_end: 2026-06-30
  actual_start: 2024-02-01
depends_on:
  measures: []
  projects: [basic-ict-procurement]
tags: [security]
indicator:
  description: Ohjausryhmä seuraa käyttöönottoa.
  name: Liitetyt järjestelmät
  unit: kpl
  direction: higher
  target: {value: 50, date: 2026-06-30}
  values:
    - {date: 2024-12-31, value: 12, source: Palveluraportti}
notes: Riippuu perustietotekniikan hankinnasta.
links: [{title: Hankesuunnitelma, url: "https://example.fi/siem"}]
contacts:                            # name, email and phone: left out of public output
  - {post: Tietoturvapäällikkö, phone: 040 123 4567, organisation: tampere}
budget:                              # euros a year; lint checks the amounts
  funder: Tampere
  years:
    - {year: 2024, planned: 150000, decided: 120000, spent: 80000}
    - {year: 2025, planned: 100000}
updates:
  - date: 2024-02-01
    status: in_progress
    health: on_track
    progress: 10
    note: Käynnistetty.
  - date: 2024-10-15
    health: at_risk
    progress: 40
    note: Hankinta viivästyy.
    by: Tietoturvapäällikkö
illustrative: true
""",
    ),
    "meeting": (
        "data/meetings/board-2023-11-20.yaml",
        """\
# yaml-language-server: $schema=../../schemas/meeting.schema.json
id: board-2023-11-20
body: regional-board
date: 2023-11-20
time: "16:00"
place: Orivesi
attendees:
  - {post: Puheenjohtaja, role: chair}
  - {post: Kaupunginjohtaja, role: presenter}
items:
  - section: 256
    title: Seudullisen ICT-strategian hyväksyminen
    record_number: 553/00.04.01/2023
    preparer: {post: Hallintojohtaja}
    presenter: {post: Kaupunginjohtaja}
    background: Strategia valmisteltiin yhdessä jäsenkuntien kanssa.
    proposal: Hallitus hyväksyy strategian.
    decision: Hyväksyttiin.
    resolution: passed   # or passed_modified, passed_voted, rejected, noted, returned,
                         # tabled, removed
    concerns: [region-ict-2023]
    actions:
      - what: Laaditaan toimeenpanosuunnitelma.
        responsible: ict-management-group
        assignee: {post: Tietohallintojohtaja, name: Maija Meikäläinen, phone: 040 123 4567}
        due: 2024-03-31
        done: true
        done_date: 2024-03-15
minutes_url: "https://example.fi/poytakirja.pdf"
""",
    ),
    "round": ("data/rounds/2024-autumn.yaml", ROUND_EXAMPLE),
}

_STATUS_KEYS: tuple[tuple[str, str], ...] = (
    ("format", "version of this layout (1); it changes only when a key changes meaning"),
    ("today", "the date the view is relative to"),
    ("language", "language of the texts (`fi`, `sv`, `en`)"),
    (
        "filters",
        "`goal`, `owner`, `status`, `category` as given, or `null`; `tags` (a list, "
        "empty when not given)",
    ),
    (
        "strategy",
        "`id`, `title`, `period` (`start`, `end`; `null` without a period), `vision_horizon` "
        "(`null` without a vision), `language`; `null` if the strategy file did not load",
    ),
    (
        "summary",
        "`measures`, `progress` (mean %, discontinued measures left out), `by_status`, "
        "`by_health` (in-progress measures), `attention`, `stale`, `overdue`, "
        "`open_actions`, `overdue_actions`, `load_problems`, `budget` (the measures' budgets "
        "summed, each measure once), `projects_budget` (the major projects')",
    ),
    (
        "attention",
        "measures that need attention, most serious first: `id`, `code`, `title`, "
        "`reasons` (each `reason` = `off_track`, `overdue`, `at_risk` or `stale`, with "
        "`days` and `planned_end` or `last_update`)",
    ),
    (
        "goals",
        "`id`, `code`, `title`, `term` (`short`, `long` or `null`), `progress`, `measures` "
        "(ids), `by_status`, `by_health`, `budget` (the sum of its measures' budgets)",
    ),
    (
        "measures",
        "`id`, `code`, `title`, `goal` (the first goal), `goals`, `status`, `health`, "
        "`progress`, `owner` (responsible id), `owner_name`, `followed_by`, `last_update`, "
        "`days_since_update`, `planned_start`, `planned_end`, `actual_end`, `stale`, "
        "`overdue`, `days_overdue`, `attention` (reasons), `budget`, `category` (id or `null`), "
        "`tags`",
    ),
    ("unassigned", "ids of measures whose goals are all unknown"),
    (
        "categories",
        "roll-up per category of `data/strategy/categories.yaml`, in their `order`: `id`, "
        "`name`, `order`, `measures` (ids), `count`, `progress`, `by_status`, `by_health`, "
        "`overdue`, `attention`; empty when no categories are declared; with a filter, only "
        "categories that still have measures shown",
    ),
    ("uncategorised", "ids of measures shown that name no declared category"),
    (
        "actions",
        "open follow-up actions of decisions, most overdue first: `meeting`, `body`, `date`, "
        "`section`, `record_number`, `what`, `responsible`, `due`, `overdue`, "
        "`days_overdue`, `concerns`",
    ),
    (
        "trend",
        "only with `--trend`: one point per month from the git history of `data/measures/`, "
        "oldest first: `label` (`YYYY-MM`), `date`, `commit`, `measures`, `by_status`, "
        "`mean_progress` (per goal), `overall_progress`",
    ),
)

STATUS_JSON = "\n".join(
    [
        "## `ictgov status --format json`",
        "",
        "A stable object for scripts: keys are sorted, measures are ordered by code, dates are",
        "ISO (`YYYY-MM-DD`) or `null`, and nothing depends on the clock except `today` (set it",
        "with `--today` or `ICTGOV_TODAY`). With `--goal`, `--owner` or `--status`, counts and",
        "roll-ups cover the measures shown.",
        "",
        "A `budget` is `null` when no amount is given, else euros: `planned`, `decided`,",
        '`spent` (each `null` when no year gives it) and `by_year` (`"2025": {planned, decided,',
        "spent}`). A goal's budget counts each of its measures; the strategy's counts each",
        "measure once, so goal budgets may add up to more. Major projects are summed apart, and",
        "the money of decisions is not added (a decision often grants a measure's money).",
        "",
        "| key | what it holds |",
        "| --- | --- |",
        *(f"| `{key}` | {text} |" for key, text in _STATUS_KEYS),
    ]
)


COOPERATION: tuple[str, ...] = (
    "### A cooperation model: no period, no vision",
    "",
    "A cooperation model (a service-provider city and its customer towns) has goals but",
    "often no strategy period and no vision: leave `period` and `vision` out of",
    "`strategy.yaml` and mark goals `term: short` or `term: long`. Then no date or budget",
    "year is checked against a period (`dates.outside-period` and `budget.outside-period`",
    "stay quiet); a body's meeting cadence is judged from the year of its first recorded",
    "meeting; the timeline spans the dated measures and projects; the annual report still",
    "covers the last full calendar year before today unless `render --year` names another;",
    "the reports and `status` leave the period and vision out, and `status --format json`",
    "gives `null` for them. Posts that are not bodies go to `roles.yaml`; a unit (the ICT",
    "unit of a city) is an organisation with `type: unit` and a `parent`, and may be",
    "`responsible` for a measure or an action; `provides_to` records who serves whom.",
    "",
    "Money is euros: `budget` on a measure, a major project or an agenda item lists",
    "`planned`, `decided` and `spent` per `year`, with the `funder`. Lint: a negative",
    "amount and a year listed twice are errors; `spent` above `decided` and a year outside",
    "the period are warnings.",
    "",
)


def _is_null(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "null"


def type_name(schema: dict[str, Any], defs: dict[str, Any] | None = None) -> str:
    """A short human name of a JSON Schema type: ``text``, ``date``, ``list of id`` ...

    References to enums are spelled out; references to objects link to their table.
    """
    defs = defs or {}
    if "$ref" in schema:
        name = str(schema["$ref"]).rsplit("/", 1)[-1]
        if "enum" in defs.get(name, {}):
            return type_name(defs[name], defs)
        return f"[{name}](#{name.lower()})"
    options = schema.get("anyOf")
    if options:
        kinds = [o for o in options if not _is_null(o)]
        strings = [o for o in kinds if o.get("type") == "string"]
        maps = [o for o in kinds if o.get("type") == "object" and "fi" in o.get("properties", {})]
        if strings and maps and len(kinds) == 2:
            return "text"
        return " or ".join(type_name(o, defs) for o in kinds)
    if "enum" in schema:
        return "one of " + ", ".join(f"`{v}`" for v in schema["enum"])
    kind = schema.get("type")
    if kind == "string":
        if schema.get("format") == "date":
            return "date"
        if schema.get("pattern") == ID_PATTERN:
            return "id"
        return "string"
    if kind == "array":
        return "list of " + type_name(schema.get("items", {}), defs)
    if kind == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and high is not None:
            return f"integer {low}-{high}"
        return "integer" if low is None else f"integer ≥ {low}"
    if kind == "number":
        return "number"
    if kind == "boolean":
        return "true/false"
    if kind == "object":
        return "map"
    return "any"


def _default(schema: dict[str, Any], required: bool) -> str:
    if required:
        return "**required**"
    if "default" not in schema or schema["default"] is None:
        return ""
    value = schema["default"]
    if value == [] or value == {}:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"`{value}`"


#: Descriptions that only restate the type column.
_GENERIC = {
    str(_TEXT_SCHEMA["description"]),
    str(Id.__metadata__[1].description),  # type: ignore[attr-defined]
}


def _description(schema: dict[str, Any]) -> str:
    text = schema.get("description", "")
    if not text:
        for option in schema.get("anyOf", []):
            if option.get("description") and option.get("pattern") != ID_PATTERN:
                text = option["description"]
    if text in _GENERIC:
        text = ""
    if schema.get("x-personal") and "public" not in text:
        text = (text + " " if text else "") + "Personal data: left out of public output."
    return " ".join(str(text).split()).replace("|", "\\|")


def field_table(schema: dict[str, Any], defs: dict[str, Any] | None = None) -> list[str]:
    """A Markdown table of an object schema's properties, in model order."""
    required = set(schema.get("required", []))
    lines = ["| field | type | default | description |", "| --- | --- | --- | --- |"]
    for name, prop in schema.get("properties", {}).items():
        lines.append(
            f"| `{name}` | {type_name(prop, defs)} | {_default(prop, name in required)} "
            f"| {_description(prop)} |"
        )
    return lines


def _kind_section(kind: FileKind, schema: dict[str, Any], seen: set[str]) -> list[str]:
    where = f"data/{kind.location}/<id>.yaml" if kind.one_per_item else f"data/{kind.location}"
    path, example = EXAMPLES[kind.name]
    out = [
        f"## {kind.name}",
        "",
        f"`{where}`: {KIND_SUMMARIES[kind.name]} Schema: "
        f"[`schemas/{schema_filename(kind.name)}`](../schemas/{schema_filename(kind.name)}).",
        "",
        *field_table(schema, schema.get("$defs")),
        "",
    ]
    for name, definition in sorted(schema.get("$defs", {}).items()):
        if name in seen or definition.get("type") != "object":
            continue
        seen.add(name)
        doc = _description(definition)
        table = field_table(definition, schema.get("$defs"))
        out += [f"### {name}", "", *([doc, ""] if doc else []), *table, ""]
    for name, definition in sorted(schema.get("$defs", {}).items()):
        if name in seen or "enum" not in definition:
            continue
        seen.add(name)
        doc = _description(definition)
        meanings = definition.get("enumDescriptions") or [""] * len(definition["enum"])
        values = [f"- `{v}`: {m}" for v, m in zip(definition["enum"], meanings, strict=True)]
        out += [f"### {name}", "", *([doc, ""] if doc else []), *values, ""]
    out += [f"Example, `{path}`:", "", "```yaml", example.rstrip("\n"), "```", ""]
    return out


def render_format_doc() -> str:
    """The whole ``docs/format.md`` page."""
    schemas = schemas_by_kind()
    out = [
        "<!-- Generated by `python -m tools.docs_gen` from the models: do not edit by hand. -->",
        "",
        "# The data format",
        "",
        "A strategy repository keeps plain YAML under `data/`: the strategy and its parts in",
        "`data/strategy/`, one file per measure in `data/measures/`, one file per meeting in",
        "`data/meetings/`, one per reporting round in `data/rounds/`. Field names are English;",
        "texts are in the strategy's `language`, or a map of languages (`{fi: ..., sv: ...}`).",
        "Dates are ISO (`2024-03-31`). Ids are lowercase letters, digits, `-`, `_` and `.`.",
        "Unknown keys are errors (with a did-you-mean); personal data stays out of public output.",
        "",
        "Editors that use yaml-language-server (VS Code's YAML extension, for one) complete",
        "keys and flag mistakes when a file starts with its schema line, e.g.",
        "`# yaml-language-server: $schema=../../schemas/measure.schema.json`.",
        "`ictgov schema` writes the schemas; `ictgov schema --check` tells when they are stale.",
        "",
        "Kinds of file: " + ", ".join(f"[{k.name}](#{k.name})" for k in KINDS) + ".",
        "",
        *COOPERATION,
    ]
    seen: set[str] = set()
    out += [line for kind in KINDS for line in _kind_section(kind, schemas[kind.name], seen)]
    out.append(STATUS_JSON)
    return "\n".join(out).rstrip("\n") + "\n"


POT_PATH = Path("ictgov") / "i18n" / "schema.pot"


def reference_messages() -> list[str]:
    """Every English text of the ``schema`` domain: schema and settings descriptions."""
    from ictgov.config import settings
    from ictgov.scaffold.settings_file import messages
    from ictgov.schema import schema_messages

    found = {*schema_messages(), *(s.description for s in settings()), *messages()}
    return sorted(found)


def render_pot() -> str:
    """The ``schema`` domain's template, as ``pybabel update`` reads it."""
    from io import BytesIO

    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    catalog = Catalog(project="ictgov", version="0.1", charset="utf-8", fuzzy=False)
    for message in reference_messages():
        catalog.add(message)
    out = BytesIO()
    write_po(out, catalog, width=100, no_location=True, sort_output=True, omit_header=True)
    return out.getvalue().decode("utf-8")


def main(argv: list[str] | None = None) -> int:
    """Write the generated pages and the ``schema`` catalogue template.

    ``docs/format.md`` (or the path given), ``docs/settings.md``, ``docs/fi/asetukset.md``
    and ``ictgov/i18n/schema.pot``; paths are relative to the working directory, the
    repository root.
    """
    from tools.settings_doc import write_settings_docs

    args = sys.argv[1:] if argv is None else argv
    dest = Path(args[0]) if args else DEFAULT_PATH
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(render_format_doc(), encoding="utf-8", newline="\n")
    print(dest)
    for path in write_settings_docs():
        print(path)
    POT_PATH.write_text(render_pot(), encoding="utf-8", newline="\n")
    print(POT_PATH)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

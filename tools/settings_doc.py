"""Generate ``docs/settings.md`` and ``docs/fi/asetukset.md`` from ``ictgov/config.py``.

Every setting's description, default and example come from the configuration model
(:func:`ictgov.config.settings`), the Finnish descriptions from the ``schema`` gettext
catalogue, and the complete example file is the one ``ictgov init`` writes
(:func:`ictgov.scaffold.settings_file.settings_file`): the reference, the file and what
the configuration accepts cannot drift apart. ``python -m tools.docs_gen`` writes both
pages; a test fails when the committed ones are stale.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ictgov.config import Config, Setting, settings, toml_value
from ictgov.scaffold.settings_file import settings_file
from ictgov.schema import catalogue

PATHS: dict[str, Path] = {
    "en": Path("docs") / "settings.md",
    "fi": Path("docs") / "fi" / "asetukset.md",
}

#: The page's own words in each language; descriptions come from the catalogues.
PROSE: dict[str, dict[str, Any]] = {
    "en": {
        "title": "Settings",
        "intro": [
            "ictgov reads the settings of a strategy repository from `ictgov.toml` at its root,",
            "or from `[tool.ictgov]` in `pyproject.toml` (`ictgov.toml` wins when both exist; in",
            "`ictgov.toml` the settings may also sit under `[tool.ictgov]`). The file is found by",
            "walking up from the working directory. Command-line options win over settings.",
            "`ictgov init` writes an `ictgov.toml` that shows every setting below, commented in",
            "the strategy's language ([the whole file](#the-file-ictgov-init-writes)).",
        ],
        "spellings_title": "Two spellings",
        "spellings": [
            "Both of these are read the same way:",
            "",
            "- The lint settings (`select`, `ignore`, `severity`, `fail_on`) under `[lint]`,",
            "  as `ictgov init` writes them, or at the top level, as linters usually have them.",
            "- At the top level, `-` in place of `_`: `stale-after-days = 90`, `fail-on = ...`.",
        ],
        "spellings_example": [
            "[lint]",
            'fail_on = "warning"',
            'ignore = ["DT02"]',
        ],
        "spellings_same": "is the same as",
        "spellings_flat": [
            'fail_on = "warning"',
            'ignore = ["DT02"]',
        ],
        "top": "Top-level settings",
        "section": "`[{name}]`",
        "head": "| setting | type | default | example | description |",
        "required": "not set",
        "file_title": "The file ictgov init writes",
        "file_intro": "For a strategy in English (in Finnish and Swedish the comments are too):",
        "other": "Suomeksi: [asetukset](fi/asetukset.md).",
    },
    "fi": {
        "title": "Asetukset",
        "intro": [
            "ictgov lukee strategian repositorion asetukset sen juuressa olevasta tiedostosta",
            "`ictgov.toml` tai tiedoston `pyproject.toml` kohdasta `[tool.ictgov]`. Jos molemmat",
            "ovat olemassa, `ictgov.toml` ratkaisee; siinäkin asetukset voivat olla kohdan",
            "`[tool.ictgov]` alla. Tiedostoa etsitään työkansiosta ylöspäin. Komentorivin",
            "valinnat ohittavat asetukset. `ictgov init` kirjoittaa tiedoston `ictgov.toml`, jossa",
            "näkyvät kaikki alla luetellut asetukset strategian kielellä selitettyinä",
            "([koko tiedosto](#tiedosto-jonka-ictgov-init-kirjoittaa)).",
        ],
        "spellings_title": "Kaksi kirjoitustapaa",
        "spellings": [
            "Molemmat kirjoitustavat luetaan samoin:",
            "",
            "- Tarkistuksen asetukset (`select`, `ignore`, `severity`, `fail_on`) kohdan `[lint]`",
            "  alla, kuten `ictgov init` ne kirjoittaa, tai ylimmällä tasolla ilman otsikkoa.",
            "- Ylimmällä tasolla `-` merkin `_` sijaan: `stale-after-days = 90`, `fail-on = ...`.",
        ],
        "spellings_example": [
            "[lint]",
            'fail_on = "warning"',
            'ignore = ["DT02"]',
        ],
        "spellings_same": "tarkoittaa samaa kuin",
        "spellings_flat": [
            'fail_on = "warning"',
            'ignore = ["DT02"]',
        ],
        "top": "Ylimmän tason asetukset",
        "section": "`[{name}]`",
        "head": "| asetus | tyyppi | oletus | esimerkki | selitys |",
        "required": "ei asetettu",
        "file_title": "Tiedosto, jonka ictgov init kirjoittaa",
        "file_intro": "Suomenkieliselle strategialle:",
        "other": "In English: [settings](../settings.md).",
    },
}

#: Type words in Finnish (the English ones come from tools.docs_gen.type_name).
_TYPE_FI = (
    (r"^list of ", "luettelo: "),
    (r"^one of ", "jokin näistä: "),
    (r"\binteger\b", "kokonaisluku"),
    (r"\bstring\b", "teksti"),
    (r"\bmap\b", "taulukko"),
    (r"\btrue/false\b", "true/false"),
)


def _type(item: Setting, defs: dict[str, Any], lang: str) -> str:
    from tools.docs_gen import type_name

    text = type_name(item.schema, defs)
    if lang == "fi":
        for pattern, word in _TYPE_FI:
            text = re.sub(pattern, word, text)
    return text


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _row(item: Setting, defs: dict[str, Any], lang: str) -> str:
    words = PROSE[lang]
    default = words["required"] if item.default is None else f"`{toml_value(item.default)}`"
    description = catalogue(lang).gettext(item.description)
    return (
        f"| `{item.name}` | {_type(item, defs, lang)} | {default} "
        f"| `{_cell(toml_value(item.example))}` | {_cell(description)} |"
    )


def render_settings_doc(lang: str = "en") -> str:
    """The whole settings page in *lang* (``en`` or ``fi``)."""
    words = PROSE[lang]
    defs = Config.model_json_schema().get("$defs", {})
    out = [
        "<!-- Generated by `python -m tools.docs_gen` from ictgov/config.py: "
        "do not edit by hand. -->",
        "",
        f"# {words['title']}",
        "",
        *words["intro"],
        "",
        words["other"],
        "",
        f"## {words['spellings_title']}",
        "",
        *words["spellings"],
        "",
        "```toml",
        *words["spellings_example"],
        "```",
        "",
        f"{words['spellings_same']}",
        "",
        "```toml",
        *words["spellings_flat"],
        "```",
        "",
    ]
    section: str | None = "-"
    for item in settings():
        if item.section != section:
            section = item.section
            title = words["top"] if section is None else words["section"].format(name=section)
            table_head = words["head"]
            out += [f"## {title}", "", table_head, "| --- | --- | --- | --- | --- |"]
        out.append(_row(item, defs, lang))
    out = _with_blank_lines_after_tables(out)
    out += [
        f"## {words['file_title']}",
        "",
        words["file_intro"],
        "",
        "```toml",
        settings_file(lang).rstrip("\n"),
        "```",
    ]
    return "\n".join(out) + "\n"


def _with_blank_lines_after_tables(lines: list[str]) -> list[str]:
    """A blank line before each heading that follows a table row."""
    out: list[str] = []
    for line in lines:
        if line.startswith("## ") and out and out[-1].startswith("|"):
            out.append("")
        out.append(line)
    if out and out[-1].startswith("|"):
        out.append("")
    return out


def write_settings_docs(root: Path = Path()) -> list[Path]:
    """Write both pages under *root*; return their paths."""
    written = []
    for lang, path in PATHS.items():
        dest = root / path
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(render_settings_doc(lang), encoding="utf-8", newline="\n")
        written.append(dest)
    return written

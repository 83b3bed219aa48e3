"""Every word the command line writes has a Finnish and a Swedish translation.

The messages are extracted from the source as ``pybabel extract`` does (``babel.cfg``,
including every help text of the built app), so a new message that nobody extracted
and translated fails here, not in front of a Finnish reader.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from ictgov.cli.catalogue import cli_help_texts
from ictgov.i18n import LOCALE_DIR

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "ictgov" / "i18n" / "babel.cfg"
#: Source folders whose messages a person reads from the command line.
CLI_SOURCES = ("ictgov/cli/", "ictgov/commands/", "ictgov/edit/", "ictgov/scaffold/",
               "ictgov/exchange/", "ictgov/project.py")  # fmt: skip


@cache
def extracted() -> dict[tuple[str | None, str], str]:
    """(context, message id) -> the file it comes from, as pybabel extracts them."""
    with CONFIG.open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f, str(CONFIG))
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    found: dict[tuple[str | None, str], str] = {}
    for filename, _line, message, _comments, context in extract_from_dir(
        str(REPO), method_map, options_map, keywords=keywords
    ):
        msgid = message if isinstance(message, str) else message[0]
        found.setdefault((context, msgid), filename)
    return found


@cache
def translated(lang: str) -> dict[tuple[str | None, str], bool]:
    path = LOCALE_DIR / lang / "LC_MESSAGES" / "ictgov.po"
    with path.open("rb") as f:
        catalog = read_po(f)
    out = {}
    for message in catalog:
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        out[(message.context, msgid)] = bool(msgid) and all(strings)
    return out


def test_help_texts_are_extracted() -> None:
    ids = {msgid for _context, msgid in extracted()}
    assert not [text for text in cli_help_texts() if text not in ids]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_cli_message_is_translated(lang: str) -> None:
    cli = {
        key: where
        for key, where in extracted().items()
        if where.startswith(CLI_SOURCES) or where == "ictgov/cli/main.py"
    }
    assert len(cli) > 250  # help texts and messages: the extraction found them
    missing = [f"{where}: {msgid!r}" for (ctx, msgid), where in sorted(cli.items(), key=str)
               if not translated(lang).get((ctx, msgid))]  # fmt: skip
    assert not missing, "\n".join(missing)

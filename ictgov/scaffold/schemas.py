"""The JSON Schemas a strategy repository keeps in ``schemas/``, in the strategy's language.

Editors show each field's description on hover; in a Finnish strategy that text is
Finnish. The language is ``--lang``, else the repository's (``language`` in
ictgov.toml, else the strategy's ``language``), else English. Unlike messages, these are
files kept in git: who runs the command (``ICTGOV_LANG``, the locale) must not change
them, or ``ictgov schema --check`` in CI would disagree with a Swedish-speaking
colleague's commit.
"""

from __future__ import annotations

from pathlib import Path

from ictgov.config import load_config
from ictgov.i18n.language import FALLBACK, supported
from ictgov.load import load_document
from ictgov.safefs import read_regular

STRATEGY_FILE = Path("data") / "strategy" / "strategy.yaml"


def repository_language(root: Path) -> str | None:
    """The language the repository at *root* sets: its configuration's, else its strategy's.

    None when neither says (no configuration language and no readable strategy file).
    """
    config = load_config(root)
    if config.language_set:
        return config.language_set
    path = root / STRATEGY_FILE
    if not path.resolve().is_relative_to(root.resolve()):
        return None  # data/ -> elsewhere: nothing outside the repository is read
    try:
        raw = read_regular(path)
    except OSError:
        return None
    doc = load_document(STRATEGY_FILE.as_posix(), raw, max_bytes=config.max_file_bytes)
    language = getattr(doc.model, "language", None)
    return language if isinstance(language, str) else None


def schema_language(requested: str | None, root: Path) -> str:
    """The language of the schemas written into the repository at *root*."""
    return supported(requested) or supported(repository_language(root)) or FALLBACK

"""Messages kept as data until they are shown: an English msgid and plain arguments.

A finding is decided once and may be shown in any language later (the lint result
cache is JSON and language-free), so it carries ``msgid`` (an English template with
``{name}`` fields, marked with ``N_`` for extraction) and ``args`` (strings, numbers,
lists, or nested messages made by :func:`msg`). :func:`render` translates the template
and every nested message through the catalogue of the reader's language.
"""

from __future__ import annotations

from typing import Any

from ictgov.i18n import LANGUAGES, translations

#: The key that marks a nested message inside ``args``.
MSGID = "msgid"


def msg(msgid: str, /, **args: Any) -> dict[str, Any]:
    """A nested message: plain data (JSON as it is), translated when shown."""
    return {MSGID: msgid, "args": args}


def _value(value: Any, lang: str) -> Any:
    if isinstance(value, dict) and MSGID in value:
        return render(str(value[MSGID]), value.get("args") or {}, lang)
    if isinstance(value, list | tuple):
        return ", ".join(str(_value(v, lang)) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def render(msgid: str, args: dict[str, Any] | None = None, lang: str = "en") -> str:
    """*msgid* in *lang* with *args* filled in (each nested message translated too).

    An unknown language falls back to English; a catalogue entry whose fields do not
    match the arguments falls back to the English template rather than failing.
    """
    catalogue = translations(lang if lang in LANGUAGES else "en")
    template = catalogue.gettext(msgid) if msgid else msgid
    if not args:
        return template
    values = {k: _value(v, lang) for k, v in args.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return msgid.format(**values)


__all__ = ["MSGID", "msg", "render"]

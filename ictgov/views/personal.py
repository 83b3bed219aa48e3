"""Personal data in free text: names in any inflected form, e-mail addresses in disguise, phones.

Finnish inflects names: the minutes say "Juha Kuusiston esityksestä" and "Marjatta
Liljalle", never only "Kuusisto" and "Lilja". Rather than a morphology library, a name is
matched by its stems and any ending: each stem a Finnish or Swedish case form can start
with (``Virtanen`` -> ``Virtase-``, ``Lahti`` -> ``Lahde-``, ``Mäki`` -> ``Mäe-``), followed by
up to twelve letters, which covers the fifteen Finnish cases, the plural, the possessive
suffixes and the clitics (``Kuusistollekin``) as well as the Swedish genitive. Matching is
case-insensitive. A common word that happens to be a name (Koski, Lilja) is masked too in
public output: for personal data, a false alarm costs less than a miss.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Strong -> weak consonant grade (astevaihtelu) at the end of a stem.
_WEAK = (
    ("kk", "k"),
    ("pp", "p"),
    ("tt", "t"),
    ("nk", "ng"),
    ("mp", "mm"),
    ("lt", "ll"),
    ("rt", "rr"),
    ("nt", "nn"),
    ("ht", "hd"),
    ("k", ""),
    ("p", "v"),
    ("t", "d"),
)
_VOWELS = "aeiouyäöå"
_LETTERS = "a-zåäöéü"
#: A name token shorter than this is not masked on its own (initials, "Li").
MIN_TOKEN = 3


def name_stems(token: str) -> set[str]:
    """Lower-case stems every inflected form of the name *token* starts with."""
    word = token.lower()
    stems = {word}
    if word.endswith("nen") and len(word) > 4:  # Virtanen: Virtasen, Virtasta, Virtaseen
        stems |= {word[:-3] + "se", word[:-3] + "s"}
    if word.endswith("i") and len(word) > 3:  # Saari: Saaren, Saarta; Lahti: Lahden
        stems |= {word[:-1] + "e", word[:-1]}
    for stem in list(stems):
        weak = _weak_grade(stem)
        if weak:
            stems.add(weak)
    return {s for s in stems if len(s) >= MIN_TOKEN - 1}


def _weak_grade(stem: str) -> str | None:
    """The stem with its last consonant cluster in the weak grade (Lahte -> Lahde)."""
    if not stem or stem[-1] not in _VOWELS:
        return None
    body, vowel = stem.rstrip(_VOWELS), stem[len(stem.rstrip(_VOWELS)) :]
    for strong, weak in _WEAK:
        if body.endswith(strong) and len(body) > len(strong):
            return body[: -len(strong)] + weak + vowel
    return None


def names_pattern(names: Iterable[str], keep: Iterable[str] = ()) -> re.Pattern[str] | None:
    """One pattern for every token of every name, inflected; None if there are none.

    *keep* are words never masked (the words of posts, which stay public).
    """
    kept = {w.lower() for phrase in keep for w in re.findall(rf"[{_LETTERS}]+", phrase.lower())}
    stems: set[str] = set()
    for name in names:
        for token in re.findall(rf"[{_LETTERS}'-]+", name.lower()):
            token = token.strip("'-")
            if len(token) >= MIN_TOKEN and token not in kept:
                stems |= name_stems(token)
    if not stems:
        return None
    alternatives = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    ending = rf"(?:[:'’]?[{_LETTERS}]{{0,12}})"
    return re.compile(rf"(?<![\w@.])(?:{alternatives}){ending}(?![\w@])", re.IGNORECASE)


_AT = r"(?:@|\s?[\(\[\{<]\s?(?:at|ät|a)\s?[\)\]\}>]\s?|\s(?:at|ät)\s|\s?ät\s?|%40|&#0*64;)"
_DOT = r"(?:\.|\s?[\(\[\{<]\s?(?:dot|piste|punkt)\s?[\)\]\}>]\s?|\s(?:dot|piste|punkt)\s)"
#: An e-mail address, also written to fool harvesters: ``etunimi.sukunimi(at)kunta.fi``,
#: ``[at]``, `` at ``, ``ät``, ``(dot)``, and percent-encoded inside a URL (``%40``).
EMAIL_RE = re.compile(
    rf"[\w+-]+(?:{_DOT}[\w+-]+)*{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[a-z]{{2,24}}(?![\w-])",
    re.IGNORECASE,
)
#: A Finnish phone number as people write them: 040 123 4567, 040-1234567,
#: +358 40 123 4567, (03) 565 611, 03 5656 6111, 09 310 1691.
PHONE_RE = re.compile(
    r"(?<![\w+/.:-])(?:(?:\+|00)358[\s-]?\(?0?\d{1,3}\)?|\(?0\d{1,3}\)?)[\s-]?\d{2,4}(?:[\s-]?\d{2,4}){1,3}(?![\w/:-]|\.\d)"
)


def mask_contacts(text: str, mask: str) -> str:
    """*text* with every e-mail address (in any disguise) and phone number masked."""
    return PHONE_RE.sub(mask, EMAIL_RE.sub(mask, text))


def has_personal_data(text: str, names: re.Pattern[str] | None) -> str | None:
    """What personal data *text* holds ("e-mail address", "phone number", "name"), or None."""
    if EMAIL_RE.search(text):
        return "e-mail address"
    if PHONE_RE.search(text):
        return "phone number"
    if names is not None and names.search(text):
        return "name"
    return None

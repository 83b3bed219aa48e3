"""The Finnish and Swedish words people write where the data wants our English codes.

One vocabulary serves the lint hints (did you mean ...?) and ``lint --fix``. Field
names and values are English in the files, so that tools and schemas agree; the
people who write them think in Finnish or Swedish. ``lint --fix`` turns these words
into the codes, and only these: a word is listed here only when it means one value.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Mapping

#: Finnish and Swedish key names -> the field they mean (lower case, as written).
KEYS: dict[str, str] = {
    "tila": "status",
    "status_fi": "status",
    "tilannearvio": "health",
    "läge": "health",
    "lägesbedömning": "health",
    "edistyminen": "progress",
    "edistys": "progress",
    "framsteg": "progress",
    "vastuutaho": "responsible",
    "vastuu": "responsible",
    "ansvarig": "responsible",
    "aikataulu": "schedule",
    "tidsplan": "schedule",
    "otsikko": "title",
    "nimi": "name",
    "namn": "name",
    "titel": "title",
    "kuvaus": "description",
    "beskrivning": "description",
    "tavoitteet": "goals",
    "mål": "goals",
    "mittari": "indicator",
    "indikator": "indicator",
    "päivämäärä": "date",
    "pvm": "date",
    "datum": "date",
    "huomautus": "note",
    "muistiinpano": "note",
    "anmärkning": "note",
    "päivitykset": "updates",
    "uppdateringar": "updates",
    "koodi": "code",
    "kod": "code",
    "tehty": "done",
    "valmis": "done",
    "klar": "done",
    "määräaika": "due",
    "deadline": "due",
    "päätös": "decision",
    "beslut": "decision",
    "esitys": "proposal",
    "förslag": "proposal",
    "pykälä": "section",
    "paragraf": "section",
    "diaarinumero": "record_number",
    "dnro": "record_number",
    "diarienummer": "record_number",
    "toimielin": "body",
    "organ": "body",
    "jatkotoimet": "actions",
    "åtgärder": "actions",
    "asiat": "items",
    "kohdat": "items",
}

#: Enum field -> word -> value. Only words that mean exactly one value.
VALUES: dict[str, dict[str, str]] = {
    "status": {
        "suunniteltu": "planned",
        "suunnitteilla": "planned",
        "aloittamatta": "planned",
        "planerad": "planned",
        "käynnissä": "in_progress",
        "kaynnissa": "in_progress",
        "käynnistetty": "in_progress",
        "pågår": "in_progress",
        "pågående": "in_progress",
        "valmis": "completed",
        "valmistunut": "completed",
        "toteutettu": "completed",
        "slutförd": "completed",
        "klar": "completed",
        "keskeytetty": "on_hold",
        "tauolla": "on_hold",
        "vilande": "on_hold",
        "pausad": "on_hold",
        "lopetettu": "discontinued",
        "peruttu": "discontinued",
        "avbruten": "discontinued",
        "inställd": "discontinued",
    },
    "health": {
        "etenee hyvin": "on_track",
        "aikataulussa": "on_track",
        "suunnitellusti": "on_track",
        "enligt plan": "on_track",
        "riskissä": "at_risk",
        "riski": "at_risk",
        "i riskzonen": "at_risk",
        "risk": "at_risk",
        "jäljessä": "off_track",
        "myöhässä": "off_track",
        "efter": "off_track",
        "ligger efter": "off_track",
    },
    "resolution": {
        "hyväksyttiin": "passed",
        "hyväksytty": "passed",
        "godkändes": "passed",
        "hyväksyttiin muutettuna": "passed_modified",
        "hyväksyttiin äänestyksen jälkeen": "passed_voted",
        "hylättiin": "rejected",
        "förkastades": "rejected",
        "merkittiin tiedoksi": "noted",
        "tiedoksi": "noted",
        "antecknades": "noted",
        "palautettiin": "returned",
        "palautettiin valmisteltavaksi": "returned",
        "återremitterades": "returned",
        "pantiin pöydälle": "tabled",
        "bordlades": "tabled",
        "poistettiin esityslistalta": "removed",
    },
    "level": {
        "strateginen": "strategic",
        "strategisk": "strategic",
        "taktinen": "tactical",
        "taktisk": "tactical",
        "operatiivinen": "operational",
        "operativ": "operational",
    },
    "direction": {
        "suurempi": "higher",
        "kasvava": "higher",
        "högre": "higher",
        "pienempi": "lower",
        "laskeva": "lower",
        "lägre": "lower",
    },
}

#: Words for true and false, in Finnish, Swedish and English.
BOOLEANS: dict[str, bool] = {
    "kyllä": True,
    "joo": True,
    "tehty": True,
    "ja": True,
    "yes": True,
    "ei": False,
    "nej": False,
    "no": False,
}


def fold(text: str) -> str:
    """*text* as people may mistype it: lower case, no diacritics, no spaces or dashes.

    ``Projektiryhmä`` and ``projektiryhma`` fold alike; so do ``Porin kaupunki`` and
    ``porin-kaupunki``. Used to compare, never to write.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in plain if c.isalnum())


def key_for(word: str, allowed: Iterable[str]) -> str | None:
    """The key *word* (a Finnish or Swedish word, or a typo) most likely means, if allowed here.

    The vocabulary comes first (``tila`` is ``status``, not the look-alike ``title``);
    then a close spelling among *allowed*.
    """
    keys = list(allowed)
    meant = KEYS.get(word.strip().casefold())
    if meant is not None and meant in keys:
        return meant
    folded = {fold(k): k for k in keys}
    if fold(word) in folded:
        return folded[fold(word)]
    close = difflib.get_close_matches(word, keys, n=1, cutoff=0.6)
    return close[0] if close else None


def value_for(
    field: str, word: object, allowed: Iterable[str] = (), *, boolean: bool = False
) -> str | None:
    """The code a written value (``käynnissä``, ``Valmis``, ``kyllä``) means in *field*.

    Booleans answer ``true`` or ``false``; enums answer one of their values (from the
    vocabulary, or a close spelling of *allowed*).
    """
    if not isinstance(word, str):
        return None
    text = word.strip().casefold()
    if boolean:
        meant = BOOLEANS.get(text)
        return None if meant is None else ("true" if meant else "false")
    values = list(allowed)
    known = VALUES.get(field, {})
    meant_value = known.get(text) or {fold(k): v for k, v in known.items()}.get(fold(text))
    if meant_value is not None and (not values or meant_value in values):
        return meant_value
    by_fold = {fold(v): v for v in values}
    if fold(text) in by_fold:
        return by_fold[fold(text)]
    close = difflib.get_close_matches(text, values, n=1, cutoff=0.6)
    return close[0] if close else None


#: Words that say what kind of place a name is: "Tampereen kaupunki" is Tampere.
_PLACE_WORDS = ("kaupunki", "kunta", "stad", "kommun", "city", "municipality", "town")


def _place_names(value: str) -> list[str]:
    """Folded guesses at the place *value* names: without its kind, in the basic form.

    Finnish and Swedish write a city as the genitive of its name and a word of kind
    ("Porin kaupunki", "Tampereen kaupunki", "Björneborgs stad"): drop the word, then
    the genitive ending (``-n`` as in Porin, ``-en`` as in Tampereen, ``-s``).
    """
    words = value.split()
    if len(words) < 2 or fold(words[-1]) not in _PLACE_WORDS:
        return []
    stem = fold(" ".join(words[:-1]))
    return [stem] + [stem[: -len(end)] for end in ("n", "en", "s") if stem.endswith(end)]


def id_for(value: str, names: Mapping[str, Iterable[str]]) -> str | None:
    """The id *value* most likely means, matched against ids **and** names.

    *names* maps each existing id to the names and titles of its item. ``Porin
    kaupunki`` finds ``pori`` by its name, ``Kaupunginhallitus`` and ``projektiryhmä``
    their ids by case and diacritics, ``g11`` the id ``g1`` by spelling.
    """
    target = fold(value)
    if not target:
        return None
    ids: dict[str, str] = {}
    spellings: dict[str, str] = {}
    for ident, its_names in sorted(names.items()):
        ids.setdefault(fold(ident), ident)
        for spelling in its_names:
            spellings.setdefault(fold(spelling), ident)
    if target in ids:
        return ids[target]
    if target in spellings:
        return spellings[target]
    for guess in _place_names(value):
        if guess in ids or guess in spellings:
            return ids.get(guess) or spellings[guess]
    # A typo of an id is close in spelling; a name must be nearly the whole name.
    for pool, cutoff in ((ids, 0.6), (spellings, 0.85)):
        candidates = sorted(pool)
        if len(candidates) > 5000:  # keep a typo in a 20,000-measure tree cheap to report
            candidates = [c for c in candidates if c[:2] == target[:2]][:5000]
        close = difflib.get_close_matches(target, candidates, n=1, cutoff=cutoff)
        if close:
            return pool[close[0]]
    return None

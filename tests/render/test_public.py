"""``--public`` leaves out personal names and e-mail addresses; posts stay."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ictgov.model import Contact, Link
from ictgov.project import Project
from ictgov.views.public import MASK, personal_values, redact
from tests.conftest import TODAY
from tests.render.conftest import render

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def _names_and_posts(root: Path) -> tuple[set[str], set[str]]:
    names, posts = personal_values(Project.open(root).tree())
    return names, posts


def test_public_site_has_no_personal_data(minimal_root: Path) -> None:
    names, posts = _names_and_posts(minimal_root)
    assert {"Maija Meikäläinen", "Juha Kuusisto", "maija.meikalainen@example.fi"} <= names
    site = render(minimal_root, TODAY, public=True)
    for rel, text in site.items():
        for name in names - posts:
            assert name not in text, f"{rel} shows {name!r}"
        assert not EMAIL.search(text), f"{rel} shows an e-mail address"
    assert "Tietohallintojohtaja, Tampere" in site["fi/governance.html"]  # posts stay
    assert "Kaupunginjohtaja" in site["fi/meetings.html"]


def test_without_public_the_same_data_is_shown(minimal_root: Path) -> None:
    site = render(minimal_root, TODAY)
    everything = "".join(site.values())
    assert "Maija Meikäläinen" in everything
    assert "maija.meikalainen@example.fi" in everything


def test_public_single_file_and_markdown(minimal_root: Path) -> None:
    site = render(minimal_root, TODAY, public=True, single_file=True)
    assert "ictgov-fi.html" in site
    for text in site.values():
        assert "Meikäläinen" not in text
        assert not EMAIL.search(text)


def test_redact_masks_names_and_addresses_in_free_text(minimal_root: Path) -> None:
    tree = Project.open(minimal_root).tree()
    alpha = tree.measure_by_id["m-alpha"]
    tree.measures[tree.measures.index(alpha)] = alpha.model_copy(
        update={
            "notes": {"fi": "Kysy Maija Meikäläinen tai kirjaamo@example.fi", "en": "ok"},
            "links": [Link(url="mailto:kirjaamo@example.fi"), Link(url="https://example.fi")],
            "contacts": [Contact(post="CIO", name="Maija Meikäläinen", email="m@example.fi")],
        }
    )
    public = redact(tree)
    m = public.measure_by_id["m-alpha"]
    assert m.notes == {"fi": f"Kysy {MASK} tai {MASK}", "en": "ok"}
    assert [link.url for link in m.links] == ["https://example.fi"]
    assert m.contacts[0].post == "CIO"
    assert m.contacts[0].name is None and m.contacts[0].email is None
    assert public.source_of(m) is not None  # still knows where it came from
    # The original tree is untouched.
    assert tree.measure_by_id["m-alpha"].contacts[0].name == "Maija Meikäläinen"


def test_a_value_used_as_a_post_is_not_masked(minimal_root: Path) -> None:
    tree = Project.open(minimal_root).tree()
    board = tree.meetings[[m.id for m in tree.meetings].index("board-2023-11-20")]
    # "Kaupunginjohtaja" is a post: naming it in a note must survive redaction.
    item = board.items[0].model_copy(update={"remarks": "Kaupunginjohtaja esitteli."})
    tree.meetings[tree.meetings.index(board)] = board.model_copy(update={"items": [item]})
    public = redact(tree)
    kept = next(m for m in public.meetings if m.id == "board-2023-11-20")
    assert kept.items[0].remarks == "Kaupunginjohtaja esitteli."
    assert kept.attendees[0].name is None
    assert kept.items[0].presenter is not None and kept.items[0].presenter.name is None


def test_public_bundled_site_has_no_personal_data(bundled_root: Path) -> None:
    assert (bundled_root / "data" / "strategy" / "strategy.yaml").is_file(), "bundled data"
    from tests.conftest import BUNDLED_TODAY

    names, posts = _names_and_posts(bundled_root)
    site = render(bundled_root, BUNDLED_TODAY, public=True, languages=("fi", "en"))
    for rel, text in site.items():
        for name in names - posts:
            assert name not in text, f"{rel} shows {name!r}"
        assert not EMAIL.search(text), f"{rel} shows an e-mail address"


def test_public_site_leaves_out_inflected_names_disguised_addresses_and_phones(
    minimal_root: Path,
) -> None:
    """Names as Finnish inflects them, addresses written to dodge harvesters, phones."""
    tree = Project.open(minimal_root).tree()
    alpha = tree.measure_by_id["m-alpha"]
    hidden = (
        "Juha Kuusiston",
        "Kuusistolle",
        "Marjatta Liljalle",
        "Liljan",
        "etunimi.sukunimi(at)kunta.fi",
        "maija[at]kunta.fi",
        "juha at kunta.fi",
        "juha ät kunta.fi",
        "kirjaamo(at)kunta(dot)fi",
        "040 123 4567",
        "+358 40 123 4567",
        "050-1234567",
        "(03) 565 611",
    )
    note = (
        "Juha Kuusiston esitys; lähetä Kuusistolle ja Marjatta Liljalle, Liljan kopio. "
        "Osoitteet: etunimi.sukunimi(at)kunta.fi, maija[at]kunta.fi, juha at kunta.fi, "
        "juha ät kunta.fi, kirjaamo(at)kunta(dot)fi. Puh. 040 123 4567, +358 40 123 4567, "
        "050-1234567, (03) 565 611."
    )
    tree.measures[tree.measures.index(alpha)] = alpha.model_copy(
        update={
            "notes": note,
            "links": [
                Link(url="mailto:etunimi.sukunimi(at)kunta.fi", title="Sähköposti"),
                Link(url="https://kunta.fi/?to=maija[at]kunta.fi", title="Lomake"),
            ],
            "contacts": [
                Contact(post="Projektipäällikkö", name="Marjatta Lilja", email="m.lilja@kunta.fi")
            ],
        }
    )
    from ictgov.render.site import RenderOptions, render_site

    site = render_site(tree, TODAY, RenderOptions(public=True))
    page = site["fi/measures/m-alpha.html"] + site["fi/md/measures/m-alpha.md"]
    assert "Projektipäällikkö" in page  # the post stays
    for rel, text in site.items():
        unescaped = html.unescape(text.replace("\\", ""))  # Markdown and HTML escapes
        for value in (*hidden, "Lilja", "Kuusisto", "m.lilja"):
            assert value not in unescaped, f"{rel} shows {value!r}"

"""The status renderer on odd trees: no strategy, measures of unknown goals, nothing."""

from __future__ import annotations

from datetime import date

from ictgov.load import Tree
from ictgov.model import Goal, Measure
from ictgov.render.look import Look, reason_text
from ictgov.render.status_blocks import status_text
from ictgov.views.overview import Reason, build_overview, measure_view
from ictgov.views.status import Filters, status_report
from ictgov.views.status_json import status_data

TODAY = date(2024, 11, 1)


def report(t: Tree, filters: Filters | None = None, lang: str = "en") -> str:
    built = status_report(t, build_overview(t, TODAY), filters=filters, lang=lang)
    return status_text(built, width=80)


def test_without_a_strategy_and_with_an_unknown_goal() -> None:
    t = Tree()
    t.goals = [Goal(id="g1", code="1", title="Yksi")]
    t.measures = [
        Measure(id="a", code="1", title="Alfa", goals=["g1"]),
        Measure(id="b", code="2", title="Beeta", goals=["ghost"]),
    ]
    text = report(t)
    assert text.startswith("(The strategy file did not load.) Today 1 Nov 2024.\n")
    assert "MEASURES NOT LINKED TO A KNOWN GOAL (1)" in text
    finnish = report(t, lang="fi")
    assert finnish.startswith("(Strategiatiedosto ei latautunut.) Tänään 1.11.2024.\n")
    assert "TOIMENPITEET ILMAN TUNNETTUA TAVOITETTA (1)" in finnish
    data = status_data(status_report(t, build_overview(t, TODAY)))
    assert data["strategy"] is None
    assert data["unassigned"] == ["b"]


def test_an_empty_tree_and_a_filter_that_matches_nothing() -> None:
    assert "No measures yet." in report(Tree())
    t = Tree()
    t.measures = [Measure(id="a", code="1", title="Alfa", goals=["g1"])]
    assert "No measures match the filters." in report(t, Filters(owner="nobody"))
    assert "Inga åtgärder motsvarar filtren." in report(t, Filters(owner="nobody"), lang="sv")


def test_reason_words() -> None:
    m = Measure(id="a", code="1", title="A", goals=["g"], status="in_progress", health="at_risk")
    view = measure_view(m, TODAY, 120)
    look = Look(plain=True, lang="en")
    assert reason_text(view, Reason.STALE, 120, look) == "no update recorded (limit 120 days)"
    assert reason_text(view, Reason.STALE, 1, look) == "no update recorded (limit 1 day)"
    assert reason_text(view, Reason.AT_RISK, 120, look) == "at risk"
    fi, sv = Look(plain=True, lang="fi"), Look(plain=True, lang="sv")
    assert reason_text(view, Reason.STALE, 120, fi) == "ei kirjattuja päivityksiä (raja 120 päivää)"
    assert reason_text(view, Reason.AT_RISK, 120, sv) == "i riskzonen"
    updated = Measure(
        id="a", code="1", title="A", goals=["g"], status="in_progress", health="off_track",
        updates=[{"date": date(2024, 10, 31), "note": "x"}],
    )  # fmt: skip
    one_day = measure_view(updated, TODAY, 120)
    assert reason_text(one_day, Reason.OFF_TRACK, 120, look) == "off track, reported 1 day ago"
    assert reason_text(one_day, Reason.OFF_TRACK, 120, fi) == "jäljessä, ilmoitettu 1 päivä sitten"


def test_column_widths_follow_the_words_of_the_language() -> None:
    en, fi, sv = (Look(plain=True, lang=lang) for lang in ("en", "fi", "sv"))
    assert (en.status_width(), en.health_width()) == (14, 12)  # "x discontinued", "!! off track"
    assert fi.health_width() == len("+ etenee hyvin")
    assert sv.health_width() == len("!! ligger efter")
    assert fi.health_width("Tilannearvio-otsikko") == len("Tilannearvio-otsikko")


def test_bars_and_dates() -> None:
    plain, fancy = Look(plain=True), Look(plain=False)
    assert plain.bar(40)[0].text == "[###-----]  40\xa0%"
    assert "".join(s.text for s in fancy.bar(100)) == "████████ 100\xa0%"
    assert plain.bar(None)[0].text == "-"
    assert plain.date(date(2024, 3, 5)) == "5.3.2024"
    assert Look(plain=True, lang="sv").date(date(2024, 3, 5)) == "5.3.2024"
    assert Look(plain=True, lang="en").bar(7)[0].text == "[#-------]   7%"


def test_every_kind_of_item_has_a_label_in_every_language() -> None:
    from ictgov.i18n import LANGUAGES, translations
    from ictgov.i18n.labels import LABELS
    from ictgov.views.detail import KIND_NAMES

    assert set(KIND_NAMES.values()) <= set(LABELS["kind"])
    assert translations("fi").gettext(LABELS["kind"]["measure"]) == "toimenpide"
    for lang in LANGUAGES:
        look = Look(plain=True, lang=lang)
        assert all(look.label("kind", kind) for kind in KIND_NAMES.values())

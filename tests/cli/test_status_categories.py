"""``status --category`` / ``--tag`` and the per-category roll-up, on a national programme.

The programme fixture has 40 projects in 6 categories (9, 7, 7, 6, 6, 5 projects); its
states repeat every ten projects, so each category's figures can be counted by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ictgov.load import load_tree
from ictgov.load.source import FsSource
from ictgov.verdicts.progress import rollup
from tests.cli.conftest import assert_plain, check_golden, run

TODAY = "2026-02-01"


def status(root: Path, *args: str) -> str:
    result = run("status", "--root", str(root), "--today", TODAY, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def status_json(root: Path, *args: str) -> dict:
    return json.loads(status(root, "-f", "json", *args))


def test_every_category_has_a_roll_up_that_agrees_with_its_measures(
    programme_root: Path,
) -> None:
    data = status_json(programme_root)
    by_id = {m["id"]: m for m in data["measures"]}
    assert [c["id"] for c in data["categories"]] == [
        "asiointi",
        "tietoturva",
        "tiedolla-johtaminen",
        "infra",
        "yhteentoimivuus",
        "osaaminen",
    ]
    assert [c["count"] for c in data["categories"]] == [9, 7, 7, 6, 6, 5]
    assert sum(c["count"] for c in data["categories"]) == 40
    assert data["uncategorised"] == []
    for cat in data["categories"]:
        mine = [by_id[i] for i in cat["measures"]]
        assert all(m["category"] == cat["id"] for m in mine)
        assert cat["overdue"] == sum(m["overdue"] for m in mine)
        assert cat["attention"] == sum(bool(m["attention"]) for m in mine)
        for status_, n in cat["by_status"].items():
            assert n == sum(m["status"] == status_ for m in mine)
        counted = [m["progress"] for m in mine if m["status"] != "discontinued"]
        assert cat["progress"] == round(sum(counted) / len(counted), 1)


def test_infra_by_hand(programme_root: Path) -> None:
    """Infra (4.1-4.6): projects 22-27 of the cycle of ten states."""
    infra = next(c for c in status_json(programme_root)["categories"] if c["id"] == "infra")
    assert infra["by_status"] == {
        "planned": 1,
        "in_progress": 3,
        "completed": 1,
        "on_hold": 1,
        "discontinued": 0,
    }
    assert infra["by_health"] == {"on_track": 2, "at_risk": 0, "off_track": 1}
    assert infra["overdue"] == 2  # 4.1 (off track) and 4.4 (on track, 581 days late)
    assert infra["progress"] == round((20 + 0 + 100 + 70 + 25 + 80) / 6, 1)


def test_category_filter_narrows_measures_and_roll_up(programme_root: Path) -> None:
    data = status_json(programme_root, "--category", "infra")
    assert data["filters"]["category"] == "infra"
    assert {m["category"] for m in data["measures"]} == {"infra"}
    assert len(data["measures"]) == 6
    assert [c["id"] for c in data["categories"]] == ["infra"]
    assert data["summary"]["measures"] == 6


def test_category_text_shows_the_roll_up(programme_root: Path) -> None:
    text = status(programme_root, "--category", "infra", "--lang", "en")
    assert_plain(text)
    check_golden("status/programme-infra-en.txt", text)
    assert "Infrastructure and cloud [infra]" in text
    assert "6 measures: 1 planned, 3 in progress, 1 completed, 1 on hold" in text


def test_whole_programme_text(programme_root: Path) -> None:
    text = status(programme_root, "--lang", "fi")
    assert_plain(text)
    check_golden("status/programme.txt", text)


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["valtionavustus"], 10),
        (["valtionavustus", "kuntakokeilu"], 2),
    ],
)
def test_tags_narrow_together(programme_root: Path, tags: list[str], expected: int) -> None:
    args = [a for t in tags for a in ("--tag", t)]
    data = status_json(programme_root, *args)
    assert len(data["measures"]) == expected
    assert all(set(tags) <= set(m["tags"]) for m in data["measures"])
    assert data["filters"]["tags"] == tags


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--category", "infr"], "--category infr: no such category; did you mean 'infra'?"),
        (["--tag", "valtionavustu"], "did you mean 'valtionavustus'?"),
    ],
)
def test_unknown_filters_are_refused_with_the_closest_id(
    programme_root: Path, args: list[str], message: str
) -> None:
    result = run("status", "--root", str(programme_root), *args)
    assert result.exit_code == 2
    assert message in result.output


def test_category_without_categories_file_says_where_to_declare(minimal_root: Path) -> None:
    result = run("status", "--root", str(minimal_root), "--category", "x")
    assert result.exit_code == 2
    assert "data/strategy/categories.yaml" in result.output


def test_no_goal_stands_in_for_a_category(programme_root: Path) -> None:
    tree = load_tree(FsSource(programme_root))
    goal_ids = {g.id for g in tree.goals}
    assert len(tree.categories) == 6
    assert not goal_ids & {c.id for c in tree.categories}
    assert all(m.category in tree.category_by_id for m in tree.measures)
    assert rollup(tree.measures) is not None


def test_unknown_category_in_a_measure_is_a_dangling_reference(programme_root: Path) -> None:
    path = programme_root / "data/measures/p01-asiointi.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("category: asiointi", "category: asionti"),
        encoding="utf-8",
    )
    result = run("lint", "--root", str(programme_root), "--today", TODAY)
    assert result.exit_code == 1
    assert "RF01" in result.output
    assert "category 'asionti', which does not exist; did you mean 'asiointi'?" in result.output


def test_a_category_without_categories_file_says_where_to_declare_it(minimal_root: Path) -> None:
    path = minimal_root / "data/measures/m-alpha.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("goals: [g1]\n", "goals: [g1]\ncategory: infra\n"), "utf-8")
    result = run("lint", "--root", str(minimal_root), "--today", "2024-11-01")
    assert result.exit_code == 1
    assert (
        "refers to category 'infra', which does not exist; declare it in "
        "data/strategy/categories.yaml" in result.output
    )


def test_show_a_category_lists_its_measures(programme_root: Path) -> None:
    result = run("show", "infra", "--root", str(programme_root), "--today", TODAY, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Category Infrastructure and cloud" in result.stdout
    assert "MEASURES (6)" in result.stdout

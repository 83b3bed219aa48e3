"""``run_status``, ``run_show`` and ``open_tree``: commands as library calls, no CLI."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ictgov.commands.status import StatusOptions, run_status
from ictgov.errors import IctgovError, NothingLoadedError
from ictgov.model import Status
from ictgov.project import open_tree

TODAY = "2024-11-01"


def test_options_decide_today_filters_and_language(minimal_root: Path) -> None:
    outcome = run_status(
        StatusOptions(root=minimal_root, today=TODAY, status=Status.IN_PROGRESS, lang="en")
    )
    assert outcome.report.today == date(2024, 11, 1)
    assert outcome.report.lang == "en"
    assert {v.measure.status for v in outcome.report.measures} == {Status.IN_PROGRESS}
    assert outcome.warning is None and outcome.trend is None
    assert outcome.data()["today"] == TODAY and "trend" not in outcome.data()


def test_an_unknown_goal_or_owner_is_refused_with_the_closest_id(minimal_root: Path) -> None:
    with pytest.raises(IctgovError, match=r"--goal g11: no such goal; did you mean 'g1'\?"):
        run_status(StatusOptions(root=minimal_root, today=TODAY, goal="g11"))
    with pytest.raises(IctgovError, match="--owner nobody: no body or organisation"):
        run_status(StatusOptions(root=minimal_root, today=TODAY, owner="nobody"))


def test_a_broken_file_warns_and_the_rest_is_shown(minimal_root: Path) -> None:
    (minimal_root / "data" / "measures" / "m-beta.yaml").write_text("id: [\n", encoding="utf-8")
    opened = open_tree(minimal_root, None, TODAY)
    assert opened.problems == 1
    assert opened.warning is not None and "'ictgov lint' shows 1 problem" in opened.warning
    assert opened.warning.endswith("1 problem")


def test_nothing_loaded_is_an_error_not_an_empty_view(tmp_path: Path) -> None:
    (tmp_path / "data" / "strategy").mkdir(parents=True)
    with pytest.raises(NothingLoadedError, match="no strategy data could be loaded"):
        open_tree(tmp_path, None, TODAY)


def test_show_finds_an_item_by_id_or_code_and_refuses_one_that_names_nothing(
    minimal_root: Path,
) -> None:
    from ictgov.commands.show import ShowOptions, run_show

    by_code = run_show(ShowOptions(item_id="1.1", root=minimal_root, today=TODAY, lang="en"))
    assert by_code.detail.entity.id == "m-alpha" and by_code.detail.lang == "en"
    with pytest.raises(IctgovError, match="did you mean 'm-alpha'"):
        run_show(ShowOptions(item_id="m-alpa", root=minimal_root, today=TODAY))
    with pytest.raises(IctgovError, match="is not an id"):
        run_show(ShowOptions(item_id="Not An Id", root=minimal_root))

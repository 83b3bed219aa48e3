"""Small things a new user met: each fixed, each kept fixed here."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.edit.ops import SetValue
from ictgov.edit.patch import apply, compose, detect_style
from ictgov.model import Measure, Status
from ictgov.views.report import ScheduleState, schedule_state


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def uncomment(text: str) -> str:
    """What a person does with the example: remove "# " where the example starts."""
    return re.sub(r"^(\s*)# (- section|  )", r"\1\2", text, flags=re.MULTILINE)


def lint_errors(root: Path) -> str:
    _code, out, err = run("lint", "--root", str(root), "--today", "2024-12-11")
    return "\n".join(line for line in (out + err).splitlines() if " error " in line)


def test_new_meeting_note_follows_the_items_it_wrote(minimal_root: Path) -> None:
    code, _out, err = run("new", "meeting", "--body", "mgmt", "--date", "2024-12-10",
                         "--item", "A", "--item", "B", "--root", str(minimal_root))  # fmt: skip
    assert code == 0, err
    path = minimal_root / "data" / "meetings" / "mgmt-2024-12-10.yaml"
    text = path.read_text("utf-8")
    assert "has no sections" not in text
    assert "The last earlier section of mgmt in 2024 was § 2; § 3-4 are above." in text
    assert "Continue from § 5" in text
    # Uncommenting the example as the comment says gives a valid file with § 5.
    path.write_text(uncomment(text).replace("<title of the item>", "C"), encoding="utf-8")
    edited = path.read_text("utf-8")
    assert "  - section: 5\n    title: C\n" in edited
    path.write_text(
        "\n".join(line for line in edited.splitlines() if "<" not in line) + "\n", encoding="utf-8"
    )
    assert "mgmt-2024-12-10" not in lint_errors(minimal_root)


def test_new_meeting_without_items_explains_the_empty_list(minimal_root: Path) -> None:
    code, _, err = run("new", "meeting", "--body", "board", "--date", "2025-01-10",
                       "--root", str(minimal_root))  # fmt: skip
    assert code == 0, err
    path = minimal_root / "data" / "meetings" / "board-2025-01-10.yaml"
    text = path.read_text("utf-8")
    assert "board has no sections in 2025 yet." in text
    assert 'change "items: []" above to "items:"' in text
    done = uncomment(text).replace("items: []", "items:").replace("<title of the item>", "T")
    path.write_text(
        "\n".join(line for line in done.splitlines() if "<" not in line) + "\n", encoding="utf-8"
    )
    assert "  - section: 1\n    title: T\n" in path.read_text("utf-8")
    assert "board-2025-01-10" not in lint_errors(minimal_root)


def test_completing_a_new_measure_replaces_the_commented_schedule(minimal_root: Path) -> None:
    root = str(minimal_root)
    code, _, err = run("new", "measure", "--goal", "g1", "--title", "Uusi", "--root", root,
                       "--today", "2024-11-01")  # fmt: skip
    assert code == 0, err
    code, _, err = run("update", "uusi", "--status", "completed", "--root", root,
                       "--today", "2024-11-01")  # fmt: skip
    assert code == 0, err
    text = (minimal_root / "data" / "measures" / "uusi.yaml").read_text("utf-8")
    assert "# schedule:" not in text
    assert (
        "schedule:\n  actual_end: 2024-11-01\n  # planned_start: 2024-11-01\n"
        "  # planned_end: YYYY-MM-DD\nupdates:\n"
    ) in text


def test_a_starter_is_only_replaced_for_its_own_key() -> None:
    text = "id: x\nprogress: 0\n# schedule:\n#   planned_end: YYYY-MM-DD\n"
    root = compose(text)
    order = ("id", "progress", "schedule", "notes", "updates")
    out = apply(text, [SetValue(("notes",), "n", order)], detect_style(text, root))
    assert "# schedule:\n#   planned_end: YYYY-MM-DD\n" in out
    both = apply(
        text,
        [
            SetValue(("schedule",), {"actual_end": date(2024, 1, 2)}, order),
            SetValue(("updates",), [{"date": date(2024, 1, 2)}], order),
        ],
        detect_style(text, root),
    )
    assert both.index("schedule:") < both.index("updates:")
    assert "# schedule:" not in both


def test_show_plain_measure_reads_for_a_person(minimal_root: Path) -> None:
    root = str(minimal_root)
    run("new", "measure", "--goal", "g1", "--title", "Uusi", "--root", root,
        "--today", "2024-11-01")  # fmt: skip
    code, out, err = run("show", "uusi", "--root", root, "--today", "2024-11-01", "--lang", "fi")
    assert code == 0, err
    assert "- - -" not in out
    assert "suunniteltuja päiviä ei vielä ole" in out
    code, out, err = run("show", "m-alpha", "--root", root, "--today", "2024-11-01",
                         "--lang", "fi")  # fmt: skip
    assert code == 0, err
    fields = out.split("KENTÄT", 1)[1]
    assert "in_progress" not in fields and "käynnissä" in fields
    assert "2024-01-01" not in fields and "1.1.2024" in fields
    assert re.search(r"tavoitteet +\S.* \(g1\)", fields)
    assert "…" not in out  # piped: nothing is cut short


def test_status_goal_lists_goal_ids_only(minimal_root: Path) -> None:
    broken = minimal_root / "data" / "measures" / "m-broken.yaml"
    broken.write_text("id: m-broken\ncode: [\n", encoding="utf-8")
    code, _out, err = run("status", "--goal", "zzz", "--root", str(minimal_root), "--lang", "en",
                         "--today", "2024-11-01")  # fmt: skip
    assert code == 2
    assert "--goal zzz: no such goal (goals: g1" in err
    assert "m-broken" not in err


def test_an_on_hold_measure_is_not_called_closed() -> None:
    measure = Measure.model_validate(
        {"id": "m", "code": "1", "title": "T", "goals": ["g"], "status": Status.ON_HOLD}
    )
    assert schedule_state(measure, date(2024, 1, 1)) is ScheduleState.ON_HOLD
    from ictgov.i18n import translations
    from ictgov.i18n.labels import label_id

    assert translations("fi").gettext(label_id("schedule", "on_hold")) == "keskeytetty"

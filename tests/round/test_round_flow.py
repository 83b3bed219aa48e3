"""The whole round on the bundled data: start, send, collect returned workbooks, status, remind."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from ictgov.cli.main import app
from tests.round.conftest import ADDRESSES, Received, git

TODAY = "2026-11-21"
ROUND = "2026-autumn"


def run(root: Path, *args: str, today: str = TODAY) -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args, "--root", str(root), "--today", today])
    return result.exit_code, result.stdout + result.stderr


def folder(root: Path) -> Path:
    return root / "rounds" / ROUND


def workbook(root: Path, owner: str) -> Path:
    return folder(root) / f"{ROUND}-{owner}.xlsx"


def fill(source: Path, dest: Path, changes: dict[str, object]) -> Path:
    """Fill in the measures sheet as an owner would: column header -> value, first row."""
    book = load_workbook(source)
    sheet = book.worksheets[1]
    headers = {cell.value: cell.column_letter for cell in sheet[1]}
    for header, value in changes.items():
        cell = sheet[f"{headers[header]}2"]
        if isinstance(value, tuple):  # (value, number format), as Excel stores "90 %"
            value, cell.number_format = value
        cell.value = value
    book.save(dest)
    return dest


def measure_text(root: Path, measure_id: str) -> str:
    return (root / "data" / "measures" / f"{measure_id}.yaml").read_text("utf-8")


@pytest.fixture
def started(round_repo: Path) -> Path:
    code, out = run(round_repo, "round", "start", "--due", "2026-12-15")
    assert code == 0, out
    return round_repo


def test_start_writes_a_workbook_and_message_per_owner_and_records_the_round(
    started: Path,
) -> None:
    for owner in ADDRESSES:
        assert workbook(started, owner).is_file()
        assert workbook(started, owner).with_suffix(".eml").is_file()
    code, out = run(started, "lint")
    assert code == 0, out
    text = (started / "data" / "rounds" / f"{ROUND}.yaml").read_text("utf-8")
    assert "owner: tampere\n  language: sv\n" in text
    assert "due: 2026-12-15\n" in text


def test_the_workbook_speaks_the_owners_language(started: Path) -> None:
    book = load_workbook(workbook(started, "tampere"))
    assert book.sheetnames == ["Anvisningar", "Åtgärder", "Indikatorvärden"]
    sheet = book["Åtgärder"]
    headers = [c.value for c in sheet[1]]
    assert headers[:6] == ["id", "nummer", "namn", "status", "läge", "framsteg %"]
    assert sheet["D2"].value == "pågår"  # not in_progress
    dropdowns = [dv.formula1 for dv in sheet.data_validations.dataValidation]
    assert any("pågår" in f and "slutförd" in f for f in dropdowns if f)
    dated = [c for c in sheet[2] if c.is_date]
    assert dated and all(c.number_format == "d.m.yyyy" for c in dated)
    finnish = load_workbook(workbook(started, "evaka-steering-group"))
    assert finnish.sheetnames[1] == "Toimenpiteet"
    assert "15.12.2026" in " ".join(str(c.value) for c in finnish["Ohjeet"]["A"])


def test_send_collect_status_remind(started: Path, smtp_server: tuple[int, Received]) -> None:
    root = started
    _, received = smtp_server
    code, out = run(root, "round", "send")
    assert code == 0, out
    assert "6 sent" in out
    assert "@" not in out  # owners, never addresses
    for owner, address in ADDRESSES.items():
        got = received.to(address)
        assert len(got) == 1, owner
        names = [part.get_filename() for part in got[0].iter_attachments()]
        assert names == [f"{ROUND}-{owner}.xlsx"]
    swedish = received.to(ADDRESSES["tampere"])[0]
    assert "15.12.2026" in swedish["Subject"]
    assert "pågår" not in swedish["Subject"]
    assert "Hej" in swedish.get_body(("plain",)).get_content()

    # Again: nobody gets the same request twice.
    code, out = run(root, "round", "send")
    assert code == 0, out
    assert "6 already sent" in out
    assert len(received.messages) == 6

    # Four owners answer; two do not.
    back = root.parent / "returned"
    back.mkdir()
    fill(workbook(root, "tampere"), back / "tampere.xlsx", {"framsteg %": (0.75, "0 %")})
    fill(
        workbook(root, "evaka-steering-group"),
        back / "evaka.xlsx",
        {"uusi tilannekuvaus": "Kahdeksan kuntaa mukana."},
    )
    fill(workbook(root, "communications-cooperation"), back / "viestinta.xlsx", {})
    fill(workbook(root, "regional-ict-management-team"), back / "tiimi.xlsx", {})
    before = git(root, "rev-list", "--count", "HEAD")
    code, out = run(root, "round", "collect", str(back), "--commit", today="2026-11-28")
    assert code == 0, out
    assert int(git(root, "rev-list", "--count", "HEAD")) == int(before) + 1
    message = git(root, "log", "-1", "--format=%B")
    assert message.startswith(f"Reporting round {ROUND}: answers from ")
    assert "Tammerfors" in message
    assert git(root, "status", "--porcelain", "data") == ""
    assert "progress: 75" in measure_text(root, "basic-ict-procurement-rollout")
    assert "note: Kahdeksan kuntaa mukana." in measure_text(root, "evaka-cooperation")

    code, out = run(root, "round", "status", "--format", "json", today="2026-11-28")
    assert code == 0, out
    state = json.loads(out)
    assert sorted(state["pending"]) == [
        "regional-ict-management-group",
        "surrounding-municipalities-steering-group",
    ]
    assert len(state["answered"]) == 4
    assert "@" not in out

    code, out = run(root, "round", "remind", today="2026-12-10")
    assert code == 0, out
    reminded = {a for a, m in received.messages[6:]}
    assert reminded == {
        ADDRESSES["regional-ict-management-group"],
        ADDRESSES["surrounding-municipalities-steering-group"],
    }
    assert all("Muistutus" in m["Subject"] for _, m in received.messages[6:])
    code, out = run(root, "round", "remind", today="2026-12-10")
    assert len(received.messages) == 8  # at most once a day


def test_a_half_sent_round_resumes(started: Path, smtp_server: tuple[int, Received]) -> None:
    from datetime import date

    from ictgov.config import load_config
    from ictgov.load import FsSource, load_tree
    from ictgov.round import store
    from ictgov.round.send import SendOutcome, send_round

    root = started
    _, received = smtp_server
    received.refuse = {ADDRESSES["tampere"], ADDRESSES["regional-ict-management-team"]}
    config = load_config(root)
    tree = load_tree(FsSource(root))
    first = send_round(
        root, config, tree, ROUND, folder(root), today=date(2026, 11, 21), backoff=()
    )
    assert first.failed
    outcomes = {r.owner: r.outcome for r in first.results}
    assert outcomes["tampere"] is SendOutcome.PERMANENT_FAILURE
    recorded = store.read(root, ROUND).round
    assert sum(len(r.sent) for r in recorded.requests) == 4
    received.refuse = set()
    second = send_round(
        root, config, tree, ROUND, folder(root), today=date(2026, 11, 22), backoff=()
    )
    sent = sorted(r.owner for r in second.results if r.outcome is SendOutcome.SENT)
    assert sent == ["regional-ict-management-team", "tampere"]
    assert len(received.messages) == 6


def test_returned_files_that_must_change_nothing(started: Path) -> None:
    root = started
    before = {p.name: p.read_bytes() for p in (root / "data" / "measures").iterdir()}
    back = root.parent / "odd"
    back.mkdir()
    # Someone else's measures in Tampere's workbook.
    foreign = fill(workbook(root, "tampere"), back / "foreign.xlsx", {"id": "evaka-cooperation"})
    code, out = run(root, "round", "collect", str(foreign))
    assert code == 1
    assert "may change only the measures of tampere" in out
    assert "nothing was imported" in out
    # A workbook of another round.
    other = back / "other.xlsx"
    book = load_workbook(workbook(root, "tampere"))
    book.properties.keywords = "ictgov-round 2025-spring tampere"
    book.save(other)
    code, out = run(root, "round", "collect", str(other))
    assert code == 1 and "belongs to round '2025-spring'" in out
    # A value that is not allowed: rejected, nothing written.
    bad = fill(workbook(root, "tampere"), back / "bad.xlsx", {"framsteg %": 170})
    code, out = run(root, "round", "collect", str(bad))
    assert code == 1 and "between 0 and 100" in out
    assert {p.name: p.read_bytes() for p in (root / "data" / "measures").iterdir()} == before
    state = json.loads(run(root, "round", "status", "--format", "json")[1])
    assert state["answered"] == []


def test_csv_with_semicolons_twice_and_late(started: Path) -> None:
    root = started
    book = load_workbook(workbook(root, "evaka-steering-group"), data_only=True)
    sheet = book.worksheets[1]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    headers = rows[0]
    rows[1][headers.index("valmiusaste %")] = "85 %"
    path = root.parent / "evaka.csv"
    with path.open("w", encoding="cp1252", newline="") as handle:  # as older Excel saves CSV
        writer = csv.writer(handle, delimiter=";")
        for row in rows:
            writer.writerow(
                [
                    "" if v is None else (v.strftime("%d.%m.%Y") if hasattr(v, "strftime") else v)
                    for v in row
                ]
            )
    code, out = run(root, "round", "collect", str(path), today="2026-12-20")
    assert code == 0, out
    assert "late: the round was due 2026-12-15" in out
    assert "progress: 85" in measure_text(root, "evaka-cooperation")
    after = measure_text(root, "evaka-cooperation")
    code, out = run(root, "round", "collect", str(path), today="2026-12-21")
    assert code == 0, out
    assert "already collected" in out
    assert measure_text(root, "evaka-cooperation") == after


def test_a_workbook_that_lost_its_marker_is_known_by_its_measures(started: Path) -> None:
    # As another spreadsheet program may save it: no keywords, values retyped as text.
    root = started
    path = root.parent / "resaved.xlsx"
    book = load_workbook(workbook(root, "evaka-steering-group"))
    book.properties.keywords = None
    sheet = book.worksheets[1]
    headers = {cell.value: cell.column_letter for cell in sheet[1]}
    sheet[f"{headers['valmiusaste %']}2"] = "80 %"
    sheet[f"{headers['tila']}2"] = "Käynnissä"
    book.save(path)
    code, out = run(root, "round", "collect", str(path))
    assert code == 0, out
    assert "Seudullisen eVakan ohjausryhmä\tcollected" in out
    assert "progress: 80" in measure_text(root, "evaka-cooperation")
    state = json.loads(run(root, "round", "status", "--format", "json")[1])
    assert state["answered"] == ["evaka-steering-group"]


def test_the_round_shows_in_a_semantic_diff(started: Path) -> None:
    root = started
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "round started")
    back = root.parent / "back"
    back.mkdir()
    fill(workbook(root, "evaka-steering-group"), back / "e.xlsx", {"valmiusaste %": 90})
    code, out = run(root, "round", "collect", str(back), "--commit")
    assert code == 0, out
    code, out = run(root, "diff", "HEAD~2", "HEAD")
    assert code == 0, out
    assert "reporting round 2026-autumn" in out
    assert "evaka-cooperation" in out


def test_status_text_in_finnish_and_swedish(started: Path) -> None:
    code, out = run(started, "round", "status", "--lang", "fi")
    assert code == 0, out
    assert out.startswith("Raportointikierros 2026-autumn, määräpäivä 15.12.2026: 0/6 ")
    assert "ei lähetetty" in out and "@" not in out
    code, out = run(started, "round", "status", "--lang", "sv")
    assert "0 av 6 ansvariga har svarat" in out


def test_a_bad_address_is_reported_and_the_others_are_sent(
    round_repo: Path, smtp_server: tuple[int, Received]
) -> None:
    _, received = smtp_server
    config = round_repo / "ictgov.toml"
    text = config.read_text("utf-8").replace('"tampere@example.fi"', '"tampere at example.fi"')
    config.write_text(text, "utf-8")
    code, out = run(round_repo, "round", "start", "--due", "2026-12-15")
    assert code == 0, out
    code, out = run(round_repo, "round", "send")
    assert code == 1
    assert "tampere\tpermanent failure: 'tampere at example.fi' is not an e-mail address" in out
    assert "5 sent" in out
    assert len(received.messages) == 5


def test_a_round_file_cannot_point_outside_its_folder(round_repo: Path) -> None:
    assert run(round_repo, "round", "start", "--due", "2026-12-15")[0] == 0
    path = round_repo / "data" / "rounds" / f"{ROUND}.yaml"
    path.write_text(
        path.read_text("utf-8").replace(
            f"workbook: {ROUND}-tampere.xlsx", "workbook: ../../../secret.xlsx"
        ),
        "utf-8",
    )
    code, out = run(round_repo, "round", "remind", today="2026-12-10")
    assert code == 2
    assert "is not a valid round file" in out


def test_no_reminder_before_the_request(started: Path, smtp_server: tuple[int, Received]) -> None:
    _, received = smtp_server
    code, out = run(started, "round", "remind", today="2026-12-10")
    assert code == 0, out
    assert "6 request not sent yet" in out
    assert received.messages == []


def test_start_never_writes_through_a_symlinked_folder(round_repo: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (round_repo / "rounds").symlink_to(elsewhere, target_is_directory=True)
    code, out = run(round_repo, "round", "start", "--due", "2026-12-15")
    assert code == 2
    assert "symlink" in out
    assert list(elsewhere.iterdir()) == []
    assert not (round_repo / "data" / "rounds").exists()

"""Hostile repositories: commit data that tries to hide, forge or crash the history."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner
from vcs_repos import ALPHA, GitTree

from ictgov.cli.main import app
from ictgov.vcs.records import header_format, parse_log

runner = CliRunner()


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [args[0], "--root", str(root), *args[1:]])
    assert "Traceback" not in result.stdout + result.stderr
    assert "internal error" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


def git(root: Path, *args: str, stdin: bytes | None = None) -> str:
    out = subprocess.run(
        ["git", "-C", str(root), *args], input=stdin, capture_output=True, check=True
    )
    return out.stdout.decode("utf-8").strip()


# -- the log-record parser ------------------------------------------------------

_FIELD = st.text(st.characters(exclude_characters="\0", exclude_categories=["Cs"]), max_size=30)
_SHA = st.text("0123456789abcdef", min_size=40, max_size=40)
_PATH = st.binary(max_size=20).filter(lambda b: b"\0" not in b)


def _git_output(commits: list[tuple[str, list[str], list[bytes]]]) -> bytes:
    """Bytes as ``git log -z --raw`` with ``header_format`` writes them."""
    out = b""
    for sha, fields, paths in commits:
        out += b"".join(f.encode() + b"\0" for f in (sha, *fields))
        if paths:
            out += b"\0\n"
            out += b"".join(
                b":100644 100644 " + b"a" * 40 + b" " + b"b" * 40 + b" M\0" + p + b"\0"
                for p in paths
            )
        out += b"\0"
    return out


@given(st.lists(st.tuples(_SHA, st.lists(_FIELD, min_size=5, max_size=5), st.lists(_PATH))))
def test_any_subject_and_author_round_trip(
    commits: list[tuple[str, list[str], list[bytes]]],
) -> None:
    records = list(parse_log(_git_output(commits), 5))
    assert [(r.sha, list(r.fields), [e.path for e in r.entries]) for r in records] == commits


def test_header_format_ends_every_field_with_nul() -> None:
    assert header_format(("%an", "%s")) == "--format=%H%x00%an%x00%s%x00"


# -- 1. a subject or author with 0x1E ------------------------------------------


def test_separator_byte_in_subject_and_author_is_shown(story: GitTree) -> None:
    story.checkout("main")
    story.replace(ALPHA, "progress: 60\nschedule:", "progress: 65\nschedule:")
    story.commit("fix\x1eAAAA", "2024-04-01", ("Eve\x1eMallory", "eve@example.org"))
    code, out, err = run(story.root, "history", "m-alpha")
    assert code == 0, err
    assert "progress: 60 % → 65 %" in out
    code, out, _ = run(story.root, "history", "m-alpha", "--format", "json")
    newest = json.loads(out)["entries"][0]
    assert newest["subject"] == "fix\x1eAAAA"
    assert newest["author"] == "Eve\x1eMallory"
    code, out, _ = run(story.root, "history", "--format", "json")
    assert json.loads(out)["entries"][0]["subject"] == "fix\x1eAAAA"


# -- 2. an evil merge; a commit with invalid YAML ------------------------------


def _commit_merge(tree: GitTree, branch: str, day: str) -> None:
    """Merge *branch* with ``git commit`` at noon of *day* (whatever is staged goes in)."""
    env = {"GIT_AUTHOR_DATE": f"{day}T12:00:00+0000", "GIT_COMMITTER_DATE": f"{day}T12:00:00+0000"}
    tree.repo.git.add("--all", ".")
    tree.repo.git.commit("-q", "-m", f"Merge {branch}", env=env)


def test_change_inside_a_merge_commit_is_shown(story: GitTree) -> None:
    story.checkout("main")
    story.branch("side")
    story.replace(
        "data/measures/m-beta.yaml", "progress: 100\nschedule:", "progress: 95\nschedule:"
    )
    story.commit("Beta on a side branch", "2024-04-01")
    story.checkout("main")
    story.replace("data/strategy/goals.yaml", "    title: Toinen tavoite\n", "    title: Toinen!\n")
    story.commit("Goal on main", "2024-04-02")
    story.repo.git.merge("--no-ff", "--no-commit", "side")
    story.replace(ALPHA, "progress: 60\nschedule:", "progress: 99\nschedule:")
    _commit_merge(story, "side", "2024-04-03")
    code, out, err = run(story.root, "history", "m-alpha")
    assert code == 0, err
    assert "Merge side" in out and "progress: 60 % → 99 %" in out
    code, out, err = run(story.root, "history", "--format", "json")
    assert json.loads(out)["entries"][0]["subject"] == "Merge side"
    # the side branch's own change is told once, by its commit, not again by the merge
    code, out, err = run(story.root, "history", "m-beta")
    assert out.count("progress: 100 % → 95 %") == 1, out


def test_one_commit_with_invalid_yaml_does_not_end_the_history(story: GitTree) -> None:
    story.checkout("main")
    good = story.read(ALPHA)
    story.write(ALPHA, good.replace("progress: 60\n", "progress: [60\n"))
    story.commit("Broken", "2024-04-01")
    story.write(ALPHA, good.replace("progress: 60\n", "progress: 70\n"))
    story.commit("Fixed", "2024-04-02")
    code, out, err = run(story.root, "history", "m-alpha")
    assert code == 0, err
    assert "progress: 60 % → 70 %" in out
    assert "added" not in out.split("\n\n")[1]
    assert "progress: 40 % → 60 %" in out  # everything before is still there
    assert f"Note: commit {story.short('Broken')}: {ALPHA} is not valid YAML" in out
    code, out, _ = run(story.root, "history", "m-alpha", "--format", "json")
    data = json.loads(out)
    assert len(data["entries"]) == 3
    assert data["notes"] and story.short("Broken") in data["notes"][0]


def test_tree_history_notes_a_broken_file_instead_of_inventing_changes(story: GitTree) -> None:
    story.checkout("main")
    good = story.read(ALPHA)
    story.write(ALPHA, good.replace("progress: 60\n", "progress: [60\n"))
    story.commit("Broken", "2024-04-01")
    code, out, err = run(story.root, "history", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert "Broken" not in [e["subject"] for e in data["entries"]]
    assert any(story.short("Broken") in n for n in data["notes"])


# -- 3. malformed commit dates --------------------------------------------------

BAD_STAMPS = [
    "99999999999999999999 +9999",
    "1700000000 +0a00",
    "253402300800 +0000",
    "1700000000",
    "-5 +0000",
]


def _crafted_commit(tree: GitTree, stamp: str, subject: str) -> str:
    """Commit what is staged with a literal *stamp* for author and committer."""
    tree.repo.git.add("--all", ".")
    root = tree.root
    body = (
        f"tree {git(root, 'write-tree')}\nparent {git(root, 'rev-parse', 'HEAD')}\n"
        f"author Imported <i@example.org> {stamp}\ncommitter Imported <i@example.org> {stamp}\n"
        f"\n{subject}\n"
    )
    sha = git(
        root, "hash-object", "-t", "commit", "--literally", "-w", "--stdin", stdin=body.encode()
    )
    git(root, "update-ref", "refs/heads/main", sha)
    git(root, "reset", "-q", "--hard", sha)
    return sha


@pytest.mark.parametrize("stamp", BAD_STAMPS)
def test_malformed_commit_date_is_tolerated(story: GitTree, stamp: str) -> None:
    story.checkout("main")
    story.replace(ALPHA, "progress: 60\nschedule:", "progress: 66\nschedule:")
    sha = _crafted_commit(story, stamp, "Imported")
    story.replace(ALPHA, "progress: 66\nschedule:", "progress: 67\nschedule:")
    _crafted_commit(story, stamp, "Imported again")
    for args in (
        ["diff", "HEAD~2", "HEAD"],
        ["diff", "HEAD~1"],
        ["status", "--at", "HEAD~1"],
        ["status", "--at", "2024-12-31"],
        ["show", "m-alpha", "--at", "HEAD"],
        ["status", "--trend"],
    ):
        code, out, err = run(story.root, *args)
        assert code == 0, (args, err)
    code, out, err = run(story.root, "history", "m-alpha", "--format", "json")
    assert code == 0, err
    entry = next(e for e in json.loads(out)["entries"] if e["commit"] == sha)
    assert entry["date"] is None or entry["date"][:4].isdigit()
    code, out, err = run(story.root, "history", "m-alpha")
    assert code == 0, err
    assert "progress: 60 % → 66 %" in out


def test_unreadable_date_is_a_note(story: GitTree) -> None:
    story.checkout("main")
    story.replace(ALPHA, "progress: 60\nschedule:", "progress: 66\nschedule:")
    sha = _crafted_commit(story, "1700000000", "No zone")
    code, out, _ = run(story.root, "history", "m-alpha")
    assert f"date unknown  {sha[:7]}" in out
    assert f"Note: commit {sha[:7]} has a malformed date" in out
    code, out, _ = run(story.root, "diff", "HEAD~1", "HEAD")
    assert code == 0 and f"{sha[:7]} (2023-11-14)" in out  # no zone: read as UTC


def test_ident_day_reads_zones_and_refuses_nonsense() -> None:
    from datetime import date

    from ictgov.vcs.stamps import ident_day, iso_day

    assert ident_day(b"committer A <a@b> 1700000000 +0200") == date(2023, 11, 15)
    assert ident_day(b"committer A <a@b> 1700000000 -2300") == date(2023, 11, 13)
    assert ident_day(b"committer A <a@b> 1700000000 +0a00") == date(2023, 11, 14)
    assert ident_day(b"committer A <a@b> 99999999999999999999 +0000") is None
    assert ident_day(b"committer A <a@b>") is None
    assert iso_day("10000-01-01T00:00:00+00:00") is None
    assert iso_day("%aI") is None


# -- 4. repository configuration that runs programs; future dates ---------------


def test_fsmonitor_from_the_repository_config_never_runs(story: GitTree, tmp_path: Path) -> None:
    marker = tmp_path / "fsmonitor-ran"
    script = tmp_path / "fsmonitor.sh"
    script.write_text(f"#!/bin/sh\ntouch '{marker}'\n", encoding="utf-8")
    script.chmod(0o755)
    git(story.root, "config", "core.fsmonitor", str(script))
    git(story.root, "status", "--porcelain")
    assert marker.exists()  # git itself runs it: the test can fail
    marker.unlink()
    story.replace(ALPHA, "progress: 100\n", "progress: 99\n")  # dirty: diff asks git status
    for args in (["diff"], ["diff", "main"], ["history", "m-alpha"], ["status", "--at", "HEAD"]):
        code, _, err = run(story.root, *args)
        assert code in (0, 1), (args, err)
    assert not marker.exists()


def test_every_git_process_turns_off_fsmonitor_and_hooks() -> None:
    from ictgov.vcs.command import git_command

    argv = git_command(Path("/x"), "status")
    assert argv[:7] == [
        "git",
        "-c",
        "core.fsmonitor=false",
        "-c",
        f"core.hooksPath={os.devnull}",
        "-c",
        "core.untrackedCache=false",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["diff", "2099-01-01"],
        ["diff", "HEAD", "2099-01-01"],
        ["status", "--at", "2099-01-01"],
        ["lint", "--at", "2099-01-01"],
        ["show", "m-alpha", "--at", "2099-01-01"],
        ["export", "--at", "2099-01-01"],
    ],
)
def test_a_future_date_is_refused_alike(story: GitTree, args: list[str]) -> None:
    code, _, err = run(story.root, *args, "--today", "2024-11-01")
    assert code == 2, err
    assert "2099-01-01 is after today (2024-11-01)" in err


def test_a_date_up_to_today_is_accepted_by_both(story: GitTree) -> None:
    for args in (["diff", "2024-11-01"], ["status", "--at", "2024-11-01"]):
        code, _, err = run(story.root, *args, "--today", "2024-11-01")
        assert code in (0, 1), (args, err)


# -- 5. escape sequences in data; 6. mentions in the pull-request comment -------

#: Window title, clipboard write (OSC 52), a colour, a carriage return, a bidi override.
EVIL = "Alfa\\e]0;PWNED\\a\\e]52;c;ZXZpbA==\\a\\e[31mRED\\rX\\u202e"
RAW = ("\x1b", "\x07", "\r", "\u202e")


def _evil_title(tree: GitTree) -> None:
    tree.replace(ALPHA, "title: {fi: Alfa, en: Alpha}", f'title: {{fi: "{EVIL}", en: Alpha}}')


def _assert_visible(out: str) -> None:
    assert not any(c in out for c in RAW), repr(out)
    assert "x1b" in out and "PWNED" in out


def test_escape_sequences_in_data_are_shown_not_sent(story: GitTree) -> None:
    story.checkout("main")
    _evil_title(story)
    for args in (
        ["status", "--today", "2024-11-01", "--lang", "fi"],  # the evil title is the Finnish one
        ["show", "m-alpha", "--lang", "fi"],
        ["diff", "HEAD"],
        ["diff", "HEAD", "--format", "markdown"],
    ):
        code, out, err = run(story.root, *args)
        assert code in (0, 1), (args, err)
        _assert_visible(out)
    story.commit("Evil title", "2024-04-01")
    for args in (["history", "m-alpha"], ["history"], ["history", "--format", "markdown"]):
        code, out, err = run(story.root, *args)
        assert code == 0, (args, err)
        _assert_visible(out)
    for args in (["history", "m-alpha"], ["show", "m-alpha", "--lang", "fi"]):
        code, out, _ = run(story.root, *args, "--format", "json")
        assert any("\x1b]0;PWNED\x07" in s for s in _strings(json.loads(out))), args


def _strings(data: object) -> list[str]:
    """Every string in parsed JSON."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in _strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return []


def test_update_dry_run_shows_escapes(story: GitTree) -> None:
    story.checkout("main")
    note = "done\x1b]0;PWNED\x07\u202e"
    args = ["update", "m-alpha", "--progress", "70", "--note", note, "--dry-run"]
    code, out, err = run(story.root, *args, "--today", "2024-11-01")
    assert code == 0, err
    assert "\x1b" not in out and "\u202e" not in out


def test_markdown_diff_never_mentions_people_or_teams(story: GitTree) -> None:
    story.checkout("main")
    story.replace(
        ALPHA,
        "title: {fi: Alfa, en: Alpha}",
        'title: {fi: "Alfa @maija ja @octo-org/admins, maija@example.fi #12", en: Alpha}',
    )
    code, out, err = run(story.root, "diff", "HEAD", "--format", "markdown")
    assert code in (0, 1), err
    assert re.search(r"(?<![\w.+-])@[A-Za-z0-9]", out) is None, out
    assert "@&#8203;maija" in out and "@&#8203;octo-org/admins" in out
    assert "maija@example.fi" in out  # an e-mail address is left as it is
    assert re.search(r"#\d", out.replace("&#8203;", "\u200b")) is None

"""The pieces: revision checks, the cat-file reader, the blob cache, the log parser."""

from __future__ import annotations

import subprocess

import pytest
from vcs_repos import ALPHA, BETA, GitTree

from ictgov.errors import RevisionError
from ictgov.vcs.cache import BlobCache, blob_id
from ictgov.vcs.catfile import CatFile
from ictgov.vcs.log import log
from ictgov.vcs.repo import GitRepo, is_data_file
from ictgov.vcs.revisions import check_revision, looks_like_date, parse_date


@pytest.mark.parametrize(
    "rev",
    [
        "HEAD",
        "main",
        "HEAD~2",
        "HEAD^",
        "v1.0",
        "origin/main",
        "feature/ääkköset",
        "HEAD@{1}",
        "6e54055",
    ],
)
def test_good_revisions_pass(rev: str) -> None:
    assert check_revision(rev) == rev


@pytest.mark.parametrize(
    "rev",
    [
        "",
        "-x",
        "--all",
        "a..b",
        "a...b",
        "HEAD:x",
        ":/fix",
        "a b",
        "a\tb",
        "a\nb",
        "^a",
        "a^!",
        "a^@",
        "a*",
        "a?",
        "a[1]",
        "a\\b",
    ],
)
def test_bad_revisions_fail(rev: str) -> None:
    with pytest.raises(RevisionError):
        check_revision(rev, "BASE")


def test_dates() -> None:
    assert looks_like_date("2024-05-01") and not looks_like_date("2024-5-1")
    assert parse_date("2024-02-29", "--at").isoformat() == "2024-02-29"
    with pytest.raises(RevisionError, match="not a real date"):
        parse_date("2023-02-29", "--at")


def test_blob_id_matches_git(tmp_path: object) -> None:
    data = b"id: x\n\xc3\xa4\n"
    out = subprocess.run(
        ["git", "hash-object", "--stdin"], input=data, capture_output=True, check=True
    )
    assert blob_id(data) == out.stdout.decode().strip()


def test_catfile_reads_many_and_reports_missing(story: GitTree) -> None:
    with GitRepo.open(story.root) as repo:
        blobs = repo.list_tree(repo.resolve("HEAD")).blobs
        with CatFile(repo.toplevel, repo.env) as cat:
            many = cat.read_many(list(blobs.values()) * 3)
            assert set(many) == set(blobs.values())
            assert many[blobs[ALPHA]] == story.read(ALPHA).encode()
            assert cat.read("0" * 40) is None
            assert cat.read(blobs[ALPHA]) == story.read(ALPHA).encode()
            with pytest.raises(ValueError):
                cat.read_many(["--batch-all-objects"])
        cat.close()  # idempotent


def test_catfile_handles_more_than_one_chunk(story: GitTree) -> None:
    with GitRepo.open(story.root) as repo:
        oids = [blob_id(f"id: m{i}\n".encode()) for i in range(1200)]
        assert repo.catfile.read_many(oids) == {}  # all missing, none lost in chunking


def test_cache_parses_each_blob_once(story: GitTree) -> None:
    with GitRepo.open(story.root) as repo:
        head = repo.list_tree(repo.resolve("HEAD")).blobs
        base = repo.list_tree(repo.resolve("main")).blobs
        cache = BlobCache(repo.catfile.read_many)
        cache.documents(head)
        assert cache.parsed == len(head)
        cache.documents(base)
        changed = sum(1 for p, b in base.items() if head.get(p) != b)
        assert cache.parsed == len(head) + changed
        raw = {ALPHA: b"id: [broken\n"}
        docs = cache.documents({ALPHA: blob_id(raw[ALPHA])}, raw)
        assert docs[ALPHA].diagnostics[0].code == "YM01"


def test_missing_blob_becomes_a_diagnostic(story: GitTree) -> None:
    with GitRepo.open(story.root) as repo:
        doc = repo.cache.documents({ALPHA: "1" * 40})[ALPHA]
        assert doc.diagnostics[0].code == "YM09" and "missing" in doc.diagnostics[0].message


def test_log_lists_blobs_per_commit(story: GitTree) -> None:
    with GitRepo.open(story.root) as repo:
        commits = log(repo, repo.resolve("HEAD"))
        assert [c.subject for c in commits] == [
            "Alpha completed, beta moved",
            "Alpha: pilot done",
            "Initial strategy",
        ]
        newest = commits[0]
        assert newest.author == "Olli Outsider" and newest.email == "olli@example.org"
        assert newest.date.startswith("2024-06-01T12:00:00")
        assert {f.path for f in newest.files} == {
            ALPHA,
            BETA,
            "data/measures/beta-renamed.yaml",
            "data/meetings/mgmt-2024-09-01.yaml",
        }
        beta = newest.file(BETA)
        assert beta is not None and beta.old is not None and beta.new is None
        assert all(f.old is None for f in commits[-1].files)  # the root commit adds all
        assert "ictgov.toml" not in {f.path for f in commits[-1].files}


def test_is_data_file() -> None:
    assert is_data_file("data/measures/x.yaml") and is_data_file("data/strategy/goals.yml")
    assert not is_data_file("data/.hidden/x.yaml") and not is_data_file("data/x.txt")
    assert not is_data_file("other/x.yaml") and not is_data_file("data")

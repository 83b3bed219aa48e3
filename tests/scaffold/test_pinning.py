"""Which ictgov a new strategy repository installs: always pinned, never a bare name."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ictgov.errors import ConfigError
from ictgov.scaffold import pinning
from ictgov.scaffold.pinning import (
    CANONICAL_REPOSITORY,
    Pin,
    check_requirement,
    decide,
    from_checkout,
    from_direct_url,
    installed_direct_url,
    pip_git_url,
    release_pin,
    strip_credentials,
)

SHA = "0123456789abcdef0123456789abcdef01234567"
HASH = "ab" * 32


@pytest.fixture(autouse=True)
def _isolated_git(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    home = tmp_path_factory.mktemp("git-home")
    (home / "gitconfig").write_text("", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(home))


@pytest.mark.parametrize(
    "requirement",
    [
        f"ictgov @ git+https://git.example.fi/ict/ictgov@{SHA}",
        f"ictgov@git+ssh://git@git.example.fi/ict/ictgov.git@{SHA}",
        f"ictgov[xlsx] @ git+https://git.example.fi/ict/ictgov@{SHA}",
        f"ictgov @ https://files.example.fi/ictgov-0.2.0.tar.gz#sha256={HASH}",
    ],
)
def test_pinned_urls_are_accepted(requirement: str) -> None:
    pin = check_requirement(requirement, None, "/home/me/strategy/ictgov.toml")
    assert pin == Pin(requirement, None, "ictgov_requirement in ictgov.toml")
    assert "/home/me" not in pin.requirements_txt()
    assert pin.requirements_txt().splitlines()[-1] == requirement


def test_a_version_needs_the_index_it_comes_from() -> None:
    with pytest.raises(ConfigError, match="needs ictgov_index_url"):
        check_requirement("ictgov==0.2.0", None, "ictgov.toml")
    with pytest.raises(ConfigError, match="needs ictgov_index_url"):
        check_requirement("ictgov==0.2.0", "http://pypi.example.fi/simple", "ictgov.toml")
    pin = check_requirement("ictgov==0.2.0", "https://u:pw@pypi.example.fi/simple", "x")
    assert pin.index_url == "https://pypi.example.fi/simple"  # no password written
    assert pin.requirements_txt().splitlines()[-2:] == [
        "--index-url https://pypi.example.fi/simple",
        "ictgov==0.2.0",
    ]
    assert pin.pip_arguments() == ["--index-url=https://pypi.example.fi/simple", "ictgov==0.2.0"]


@pytest.mark.parametrize(
    "requirement",
    [
        "ictgov",
        "ictgov>=0.1",
        "ictgov~=0.2.0",
        "ictgov @ git+https://github.com/ictgov/ictgov@v0.1.0",  # a tag can move
        "ictgov @ git+https://github.com/ictgov/ictgov@0123456",  # a short commit
        "ictgov @ git+https://github.com/ictgov/ictgov",
        f"ictgov @ git+http://git.example.fi/ictgov@{SHA}",  # plain http
        f"evil @ git+https://git.example.fi/ictgov@{SHA}",  # another package
        "ictgov @ https://files.example.fi/ictgov-0.2.0.tar.gz",  # no hash
        f"ictgov @ git+https://git.example.fi/ictgov@{SHA} ; evil",
    ],
)
def test_unpinned_requirements_are_refused_with_the_file_named(requirement: str) -> None:
    with pytest.raises(ConfigError) as caught:
        check_requirement(requirement, "https://pypi.example.fi/simple", "/repo/ictgov.toml")
    assert str(caught.value).startswith("/repo/ictgov.toml: ")


def test_an_index_url_alone_or_with_a_url_pin_is_refused() -> None:
    with pytest.raises(ConfigError, match="without ictgov_requirement"):
        decide(None, "https://pypi.example.fi/simple", "ictgov.toml")
    with pytest.raises(ConfigError, match="only for"):
        check_requirement(f"ictgov @ git+https://h/ictgov@{SHA}", "https://i/simple", "x")


def test_credentials_never_reach_the_file() -> None:
    assert strip_credentials("https://ci:glpat-XYZ@git.example.fi/ict/ictgov") == (
        "https://git.example.fi/ict/ictgov"
    )
    assert (
        strip_credentials("https://token@git.example.fi:8443/x") == "https://git.example.fi:8443/x"
    )
    assert strip_credentials("ssh://git@git.example.fi/x.git") == "ssh://git@git.example.fi/x.git"
    assert strip_credentials("https://git.example.fi/x") == "https://git.example.fi/x"


@pytest.mark.parametrize(
    ("remote", "expected"),
    [
        ("git@github.com:ictgov/ictgov.git", "git+ssh://git@github.com/ictgov/ictgov.git"),
        ("https://ghp_secret@github.com/ictgov/ictgov", "git+https://github.com/ictgov/ictgov"),
        ("git+https://github.com/ictgov/ictgov", "git+https://github.com/ictgov/ictgov"),
        ("ssh://git@git.example.fi/ict/ictgov.git", "git+ssh://git@git.example.fi/ict/ictgov.git"),
        ("/home/me/src/ictgov", None),
        ("file:///home/me/src/ictgov", None),
        ("http://git.example.fi/ictgov", None),
    ],
)
def test_git_remotes_become_pip_urls(remote: str, expected: str | None) -> None:
    assert pip_git_url(remote) == expected


def test_a_vcs_install_gives_its_url_at_its_commit() -> None:
    record = {
        "url": "https://github.com/ictgov/ictgov.git",
        "vcs_info": {"vcs": "git", "commit_id": SHA, "requested_revision": "main"},
    }
    pin = from_direct_url(record)
    assert pin is not None
    assert pin.requirement == f"ictgov @ git+https://github.com/ictgov/ictgov.git@{SHA}"
    assert from_direct_url({**record, "vcs_info": {"vcs": "git", "commit_id": "abc"}}) is None
    assert from_direct_url({**record, "vcs_info": {"vcs": "hg", "commit_id": SHA}}) is None


def test_an_archive_install_gives_its_url_and_hash() -> None:
    url = "https://files.example.fi/ictgov-0.2.0-py3-none-any.whl"
    pin = from_direct_url({"url": url, "archive_info": {"hashes": {"sha256": HASH}}})
    assert pin is not None and pin.requirement == f"ictgov @ {url}#sha256={HASH}"
    local = {"url": "file:///tmp/ictgov.whl", "archive_info": {"hashes": {"sha256": HASH}}}
    assert from_direct_url(local) is None  # no other machine has that file
    assert from_direct_url({"url": url, "archive_info": {}}) is None


@pytest.mark.parametrize("record", [None, [], {}, {"url": 3}, {"url": "x", "what": {}}])
def test_unusable_records_give_nothing(record: Any) -> None:
    assert from_direct_url(record) is None


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def checkout(folder: Path, origin: str | None) -> str:
    folder.mkdir()
    git(folder, "init", "-q")
    (folder / "f.txt").write_text("x", encoding="utf-8")
    git(folder, "add", "f.txt")
    git(folder, "-c", "user.name=T", "-c", "user.email=t@example.fi", "commit", "-qm", "c")
    if origin:
        git(folder, "remote", "add", "origin", origin)
    return git(folder, "rev-parse", "HEAD")


def test_an_editable_install_from_a_checkout_gives_head_at_origin(tmp_path: Path) -> None:
    folder = tmp_path / "my ictgov"
    head = checkout(folder, "https://deploy:secret@git.example.fi/ict/ictgov.git")
    record = {"url": folder.as_uri(), "dir_info": {"editable": True}}
    pin = from_direct_url(record)
    assert pin is not None
    assert pin.requirement == f"ictgov @ git+https://git.example.fi/ict/ictgov.git@{head}"
    assert "secret" not in pin.requirements_txt()


def test_a_checkout_without_origin_or_commits_gives_nothing(tmp_path: Path) -> None:
    checkout(tmp_path / "lonely", None)
    assert from_checkout(tmp_path / "lonely") is None
    (tmp_path / "empty").mkdir()
    git(tmp_path / "empty", "init", "-q")
    git(tmp_path / "empty", "remote", "add", "origin", "https://git.example.fi/x")
    assert from_checkout(tmp_path / "empty") is None
    assert from_checkout(tmp_path / "not-there") is None


def test_the_fallback_is_the_release_tag_of_the_canonical_repository() -> None:
    pin = decide(None, None, "ictgov.toml", direct_url=None, version="1.2.3")
    assert pin == release_pin("1.2.3")
    assert pin.requirement == f"ictgov @ git+{CANONICAL_REPOSITORY}@v1.2.3"


def test_configuration_wins_over_the_installation() -> None:
    installed = {
        "url": "https://github.com/ictgov/ictgov",
        "vcs_info": {"vcs": "git", "commit_id": SHA},
    }
    configured = f"ictgov @ git+https://git.example.fi/ict/ictgov@{'f' * 40}"
    pin = decide(configured, None, "/r/ictgov.toml", direct_url=installed)
    assert pin.requirement == configured and pin.source == "ictgov_requirement in ictgov.toml"
    assert decide(None, None, "x", direct_url=installed).requirement.endswith(SHA)


class FakeDist:
    def __init__(self, text: str | None) -> None:
        self.text = text

    def read_text(self, name: str) -> str | None:
        assert name == "direct_url.json"
        return self.text


def test_installed_direct_url_takes_the_first_distribution_with_a_record() -> None:
    record = {"url": "file:///x", "dir_info": {}}
    dists: Any = [FakeDist(None), FakeDist(json.dumps(record)), FakeDist("{}")]
    assert installed_direct_url(dists) == record
    assert installed_direct_url([FakeDist("not json")]) is None  # type: ignore[list-item]
    assert installed_direct_url([]) is None


# Whatever an installation record says, what comes out is pinned (or nothing).
hex_text = st.text(alphabet="0123456789abcdef", min_size=0, max_size=70)
urls = st.one_of(
    st.sampled_from(
        [
            "https://github.com/ictgov/ictgov",
            "https://u:p@git.example.fi/x.git",
            "ssh://git@git.example.fi/x",
            "git@github.com:ictgov/ictgov.git",
            "file:///tmp/x",
            "http://git.example.fi/x",
        ]
    ),
    st.text(max_size=30),
)


@given(url=urls, commit=hex_text, vcs=st.sampled_from(["git", "hg"]))
def test_every_pin_from_a_vcs_record_passes_the_check(url: str, commit: str, vcs: str) -> None:
    pin = from_direct_url({"url": url, "vcs_info": {"vcs": vcs, "commit_id": commit}})
    if pin is not None:
        assert check_requirement(pin.requirement, None, "x").requirement == pin.requirement
        assert ":p@" not in pin.requirement


def test_the_module_decides_alone() -> None:
    """Nothing else in the package builds an ictgov requirement by hand."""
    package = Path(pinning.__file__).resolve().parents[1]
    offenders = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path.name != "pinning.py" and "git+https://github.com/ictgov" in path.read_text("utf-8")
    ]
    assert offenders == []

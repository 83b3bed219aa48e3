"""Which ictgov a new strategy repository installs: decided here, and only here.

No package named ``ictgov`` is published on PyPI, and the name is unclaimed: installing
it by bare name in a CI job that holds a write token would run whatever a stranger
registers under that name. ``ictgov init`` writes one pinned requirement
into ``requirements-ictgov.txt`` (every CI file and the pre-commit hook install from
it), chosen in this order:

1. ``ictgov_requirement`` in the strategy repository's configuration, checked to be
   pinned: a VCS URL at a full commit (``ictgov @ git+https://host/ictgov@<40 hex>``),
   an archive URL with its hash (``ictgov @ https://host/ictgov-1.0.tar.gz#sha256=...``),
   or ``ictgov==X.Y.Z`` together with ``ictgov_index_url``, the index it comes from;
2. how the running ictgov was installed (PEP 610 ``direct_url.json``): a VCS install
   gives its URL at its commit; an editable or local install from a git checkout
   gives that checkout's ``HEAD`` commit at its ``origin`` URL; a downloaded archive
   gives its URL and hash;
3. else the canonical repository at the running version's release tag
   (``git+https://github.com/ictgov/ictgov@v0.1.0``): every release is tagged
   ``v{version}`` there.

Never a bare name. Credentials in a URL (``https://user:token@host``) are dropped
before anything is written.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from ictgov import REPOSITORY_URL, __version__
from ictgov.errors import ConfigError

DIST_NAME = "ictgov"
CANONICAL_REPOSITORY = REPOSITORY_URL
REQUIREMENTS_FILE = "requirements-ictgov.txt"

_NAME = r"ictgov(?:\[[A-Za-z0-9_,.\- ]+\])?"
_COMMIT = r"(?:[0-9a-f]{40}|[0-9a-f]{64})"
_VCS_PIN = re.compile(rf"^{_NAME}\s*@\s*git\+(?:https|ssh|file)://\S+@{_COMMIT}$")
_ARCHIVE_PIN = re.compile(rf"^{_NAME}\s*@\s*https://\S+#sha256=[0-9a-f]{{64}}$")
_VERSION_PIN = re.compile(rf"^{_NAME}\s*===?\s*[0-9][0-9A-Za-z.+!\-]*$")
_FULL_COMMIT = re.compile(rf"^{_COMMIT}$")

#: Runs git in a folder and returns its output, or None when git fails.
Git = Callable[[Path, list[str]], str | None]


@dataclass(frozen=True, slots=True)
class Pin:
    """A pinned requirement, the index it needs (if any) and where it came from."""

    requirement: str
    index_url: str | None
    source: str

    def requirements_txt(self) -> str:
        """The text of ``requirements-ictgov.txt``: a comment, then pip's lines."""
        lines = [
            "# The ictgov that CI jobs and the pre-commit hook install, pinned so that a",
            "# package someone else publishes under the same name is never run here.",
            f"# Chosen from: {self.source}.",
            "# To update: point the line below at a newer commit or release (Renovate and",
            "# Dependabot can propose that) and change .pre-commit-config.yaml to match; or",
            "# set ictgov_requirement in ictgov.toml, delete both files and run",
            "# 'ictgov init --force', which writes them again and keeps every other file.",
        ]
        if self.index_url:
            lines.append(f"--index-url {self.index_url}")
        lines.append(self.requirement)
        return "\n".join(lines) + "\n"

    def pip_arguments(self) -> list[str]:
        """What to hand to ``pip install`` (pre-commit's ``additional_dependencies``)."""
        index = [f"--index-url={self.index_url}"] if self.index_url else []
        return [*index, self.requirement]


def check_requirement(requirement: str, index_url: str | None, where: str) -> Pin:
    """A configured requirement as a Pin, or a ConfigError saying what pinned means."""
    text = " ".join(requirement.split())
    source = f"ictgov_requirement in {Path(where).name}"  # no machine's path in the file
    if _VCS_PIN.match(text) or _ARCHIVE_PIN.match(text):
        if index_url:
            raise ConfigError(f"{where}: ictgov_index_url is only for an 'ictgov==X.Y.Z' pin")
        return Pin(text, None, source)
    if _VERSION_PIN.match(text):
        if not index_url or not index_url.startswith("https://"):
            raise ConfigError(
                f"{where}: {text!r} needs ictgov_index_url, the https:// index it is "
                "published on: the name ictgov is not claimed on PyPI"
            )
        return Pin(text, strip_credentials(index_url), source)
    raise ConfigError(
        f"{where}: ictgov_requirement {requirement!r} is not pinned; use "
        "'ictgov @ git+https://HOST/PATH@<full 40-hex commit>', "
        "'ictgov @ https://HOST/ictgov-X.Y.Z.tar.gz#sha256=<hash>', or 'ictgov==X.Y.Z' "
        "with ictgov_index_url"
    )


def strip_credentials(url: str) -> str:
    """*url* without a password or token; ``git@`` of an SSH URL stays."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    keep_user = parts.scheme in ("ssh", "git+ssh") and parts.password is None
    user = f"{parts.username}@" if keep_user and parts.username else ""
    return urlunsplit((parts.scheme, user + host, parts.path, parts.query, parts.fragment))


def pip_git_url(remote: str) -> str | None:
    """A git remote as pip's ``git+`` URL (scp-like ``git@host:path`` becomes ssh://)."""
    scp = re.match(r"^([\w.\-]+)@([\w.\-]+):(?!//)(.+)$", remote)
    if scp:
        remote = f"ssh://{scp.group(1)}@{scp.group(2)}/{scp.group(3).lstrip('/')}"
    if remote.startswith("git+"):
        remote = remote[4:]
    if urlsplit(remote).scheme not in ("https", "ssh"):
        return None  # a local path or plain http: no CI job could fetch it safely
    return "git+" + strip_credentials(remote)


def run_git(folder: Path, args: list[str]) -> str | None:
    """``git -C folder ARGS``, stripped; None when git is missing or says no."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=20,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def from_direct_url(data: object, git: Git = run_git) -> Pin | None:
    """The requirement a PEP 610 record describes, when another machine can install it."""
    if not isinstance(data, dict) or not isinstance(data.get("url"), str):
        return None
    url: str = data["url"]
    vcs = data.get("vcs_info")
    if isinstance(vcs, dict):
        commit = vcs.get("commit_id")
        if vcs.get("vcs") != "git" or not isinstance(commit, str):
            return None
        remote = pip_git_url(url)
        if remote is None or not _FULL_COMMIT.match(commit):
            return None
        return Pin(f"{DIST_NAME} @ {remote}@{commit}", None, "the installed ictgov (git)")
    archive = data.get("archive_info")
    if isinstance(archive, dict):
        hashes = archive.get("hashes") or {}
        digest = hashes.get("sha256") if isinstance(hashes, dict) else None
        if not url.startswith("https://") or not isinstance(digest, str):
            return None
        plain = strip_credentials(url.split("#", 1)[0])
        return Pin(f"{DIST_NAME} @ {plain}#sha256={digest}", None, "the installed ictgov archive")
    if isinstance(data.get("dir_info"), dict) and url.startswith("file://"):
        return from_checkout(Path(unquote(urlsplit(url).path)), git)
    return None


def from_checkout(folder: Path, git: Git = run_git) -> Pin | None:
    """A git checkout's ``HEAD`` at its ``origin``; None without either."""
    head = git(folder, ["rev-parse", "--verify", "HEAD^{commit}"])
    origin = git(folder, ["remote", "get-url", "origin"])
    if not head or not _FULL_COMMIT.match(head) or not origin:
        return None
    remote = pip_git_url(origin)
    if remote is None:
        return None
    return Pin(f"{DIST_NAME} @ {remote}@{head}", None, f"the ictgov checkout's HEAD ({remote})")


def installed_direct_url(dists: Iterable[metadata.Distribution] | None = None) -> object:
    """The parsed ``direct_url.json`` of the installed ictgov, or None."""
    found = metadata.distributions(name=DIST_NAME) if dists is None else dists
    for dist in found:
        text = dist.read_text("direct_url.json")
        if text:
            try:
                return json.loads(text)
            except ValueError:
                return None
    return None


def release_pin(version: str = __version__) -> Pin:
    """The canonical repository at the release tag of *version*."""
    return Pin(
        f"{DIST_NAME} @ git+{CANONICAL_REPOSITORY}@v{version}",
        None,
        f"the release tag v{version} of {CANONICAL_REPOSITORY}",
    )


def decide(
    requirement: str | None,
    index_url: str | None,
    where: str,
    *,
    direct_url: object = None,
    git: Git = run_git,
    version: str = __version__,
) -> Pin:
    """The pin: configured, else as installed, else the release tag (module docstring)."""
    if requirement:
        return check_requirement(requirement, index_url, where)
    if index_url:
        raise ConfigError(f"{where}: ictgov_index_url is set without ictgov_requirement")
    return from_direct_url(direct_url, git) or release_pin(version)

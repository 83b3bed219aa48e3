"""The CI workflows and the pre-commit hook: parsed, checked, and their ictgov commands
run on a fixture repository laid out as a CI checkout of a pull request."""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from vcs_repos import ALPHA, OUTSIDER, GitTree, minimal_repo

from ictgov.cli.main import app
from ictgov.diff.formats import MARKER
from ictgov.errors import ConfigError
from ictgov.history import sticky
from ictgov.load import parse_yaml
from ictgov.scaffold.ci_templates import PROVIDERS, TEMPLATES, ci_files

REPO = Path(__file__).resolve().parents[2]
MIRROR = {
    "github": REPO / "ci" / "github" / "ictgov.yml",
    "gitlab": REPO / "ci" / "gitlab" / ".gitlab-ci.yml",
    "azure": REPO / "ci" / "azure" / "azure-pipelines.yml",
}
runner = CliRunner()


def load(text: str) -> Any:
    parsed = parse_yaml(text)  # YAML 1.2: 'on:' stays a string key
    assert not parsed.problems
    return parsed.data


def workflow(provider: str) -> Any:
    (content,) = ci_files(provider).values()
    return load(content)


def test_ci_folder_mirrors_the_packaged_templates() -> None:
    for provider in PROVIDERS:
        (content,) = ci_files(provider).values()
        assert MIRROR[provider].read_text(encoding="utf-8") == content, (
            f"ci/ differs from ictgov/scaffold/ci/ for {provider}; copy the packaged file over"
        )


def test_ci_files_targets() -> None:
    assert list(ci_files("github")) == [".github/workflows/ictgov.yml"]
    assert list(ci_files("gitlab")) == [".gitlab-ci.yml"]
    assert list(ci_files("azure")) == ["azure-pipelines.yml"]
    assert set(TEMPLATES) == set(PROVIDERS)
    with pytest.raises(ConfigError, match="unknown CI provider 'jenkins'"):
        ci_files("jenkins")


CHECKOUT = "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683"
UPLOAD_PAGES = "actions/upload-pages-artifact@56afc609e74202658d3ffba0e8f6dda462b719fa"
DEPLOY_PAGES = "actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e"


def test_github_workflow() -> None:
    wf = workflow("github")
    assert set(wf["on"]) >= {"pull_request", "push"}
    assert wf["permissions"] == {}  # nothing by default; each job asks for what it needs
    review, publish = wf["jobs"]["review"], wf["jobs"]["publish"]
    assert review["if"] == "github.event_name == 'pull_request'"
    assert review["permissions"] == {"contents": "read", "pull-requests": "write"}
    steps = {s.get("name", s.get("uses", "")): s for s in review["steps"]}
    assert steps[CHECKOUT]["with"] == {"fetch-depth": 0, "persist-credentials": False}
    diff = steps["Semantic diff"]
    assert diff["if"] == "always()"
    assert diff["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    assert '>> "$GITHUB_STEP_SUMMARY"' in diff["run"]
    assert "${{" not in diff["run"]  # no expression is pasted into a shell script
    comment = steps["Pull-request comment (one, updated in place)"]
    assert "github.event.pull_request.head.repo.full_name == github.repository" in comment["if"]
    assert comment["run"] == "python -m ictgov.history.sticky github ictgov-diff.md"
    assert comment["env"] == {
        "GITHUB_TOKEN": "${{ github.token }}",
        "ICTGOV_PR_NUMBER": "${{ github.event.pull_request.number }}",
    }
    fork = steps["Notice for pull requests from forks"]
    assert "!= github.repository" in fork["if"] and "::notice" in fork["run"]
    assert "default_branch" in publish["if"]
    assert publish["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    uses = [s.get("uses", "") for s in publish["steps"]]
    assert UPLOAD_PAGES in uses and DEPLOY_PAGES in uses
    upload = next(s for s in publish["steps"] if s.get("uses") == UPLOAD_PAGES)
    assert upload["with"]["path"] == "site"


SHA_PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.\-]+/[\w.\-/]+@([0-9a-f]{40}) # v\d+\.\d+\.\d+$")


def test_github_actions_are_pinned_by_commit_and_checkouts_keep_no_token() -> None:
    (content,) = ci_files("github").values()
    uses = [line for line in content.splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert len(uses) == 8
    for line in uses:
        assert SHA_PINNED.match(line), f"not pinned to a full commit with its version: {line}"
    wf = workflow("github")
    for job in wf["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_gitlab_pipeline() -> None:
    wf = workflow("gitlab")
    assert wf["variables"]["GIT_DEPTH"] == "0"
    diff = wf["ictgov-diff"]
    assert diff["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert diff["script"][1] == "python -m ictgov.history.sticky gitlab ictgov-diff.md"
    assert diff["artifacts"]["when"] == "always"
    assert wf["pages"]["artifacts"]["paths"] == ["public"]
    assert wf["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]


def test_azure_pipeline() -> None:
    wf = workflow("azure")
    assert wf["steps"][0] == {"checkout": "self", "fetchDepth": "0", "persistCredentials": "false"}
    diff = next(s for s in wf["steps"] if "ictgov diff" in s.get("script", ""))
    assert "eq(variables['Build.Reason'], 'PullRequest')" in diff["condition"]
    assert diff["env"] == {"SYSTEM_ACCESSTOKEN": "$(System.AccessToken)"}
    publish = next(s for s in wf["steps"] if s.get("task") == "PublishPipelineArtifact@1")
    assert publish["inputs"]["artifact"] == "ictgov-site"


def test_pre_commit_hook() -> None:
    hooks = load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "ictgov-lint" and hook["entry"] == "ictgov lint"
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert hook["files"] == "^data/" and re.match(hook["files"], "data/measures/x.yaml")


# -- run the commands the workflows run ---------------------------------------------


def scripts(provider: str) -> list[str]:
    """Every shell script of a workflow (run:, script: and script lists)."""
    found: list[str] = []

    def walk(node: Any, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, str(k))
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key in ("run", "script"):
            found.append(node)

    walk(workflow(provider))
    return found


def commands(provider: str) -> list[str]:
    lines = [line.strip() for script in scripts(provider) for line in script.splitlines()]
    return [line for line in lines if line.startswith(("ictgov ", "python -m ictgov"))]


@pytest.fixture
def pull_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[GitTree]:
    """A checkout as CI makes it: HEAD merges the pull request into main (HEAD^1)."""
    tree = minimal_repo(tmp_path / "checkout")
    tree.branch("feature")
    tree.replace(ALPHA, "progress: 40\nschedule:", "progress: 50\nschedule:")
    tree.commit("Alpha progress", "2024-02-01", OUTSIDER)
    tree.checkout("main")
    tree.repo.git.merge("--no-ff", "-q", "-m", "Merge pull request", "feature")
    monkeypatch.chdir(tree.root)
    monkeypatch.setenv("ICTGOV_TODAY", "2024-11-01")
    yield tree
    tree.close()


def substitute(line: str, values: dict[str, str]) -> str:
    line = re.sub(r"\$\(([A-Za-z.]+)\)", lambda m: values[m.group(1)], line)
    return re.sub(r"\$\{?([A-Z_]+)\}?", lambda m: values[m.group(1)], line)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_workflow_commands_run(provider: str, pull_request: GitTree, tmp_path: Path) -> None:
    repo = pull_request.repo
    values = {
        "BASE_SHA": repo.git.rev_parse("HEAD^1"),
        "CI_MERGE_REQUEST_DIFF_BASE_SHA": repo.git.merge_base("HEAD^1", "HEAD^2"),
        "Build.ArtifactStagingDirectory": str(tmp_path / "staging"),
    }
    ran = []
    for line in commands(provider):
        args = shlex.split(substitute(line, values))
        target = None
        if ">" in args:
            target, args = args[args.index(">") + 1], args[: args.index(">")]
        if args[:3] == ["python", "-m", "ictgov.history.sticky"]:
            assert sticky.main(args[3:], env={}) == 0  # no token: a notice, not a failure
            continue
        result = runner.invoke(app, args[1:])
        ran.append(args[1])
        allowed = (0, 1) if args[1] == "lint" else (0,)
        assert result.exit_code in allowed, (line, result.stdout, result.stderr)
        if target is not None:
            Path(target).write_text(result.stdout, encoding="utf-8")
            assert result.stdout.startswith(MARKER)
            assert "progress: 40 % → 50 %" in result.stdout
            assert "RV04" in result.stdout  # the outsider is not a contact of m-alpha
        if args[1:3] == ["lint", "--format"] and result.stdout:
            assert any(
                out.startswith(("::error", "::warning")) for out in result.stdout.splitlines()
            )
        if args[1] == "render":
            out = Path(args[args.index("--out") + 1])
            assert any(out.rglob("*.html")), f"{line} rendered nothing"
    assert {"lint", "diff", "render"} <= set(ran)


# -- the sticky comment -------------------------------------------------------------


class FakeApi:
    """Answers by method and the longest matching URL prefix; records every call."""

    def __init__(self, answers: dict[tuple[str, str], Any]) -> None:
        self.answers = answers
        self.calls: list[tuple[str, str, dict[str, str], Any]] = []

    def __call__(self, method: str, url: str, headers: Any, body: Any) -> Any:
        self.calls.append((method, url, dict(headers), body))
        keys = [k for k in self.answers if k[0] == method and url.startswith(k[1])]
        return self.answers[max(keys, key=lambda k: len(k[1]))] if keys else None

    def writes(self) -> list[tuple[str, str, Any]]:
        return [(m, u, b) for m, u, _, b in self.calls if m != "GET"]


GITHUB_ENV = {
    "GITHUB_API_URL": "https://api.github.example",
    "GITHUB_REPOSITORY": "city/strategy",
    "ICTGOV_PR_NUMBER": "12",
    "GITHUB_TOKEN": "ghs_secret",
}
GH = "https://api.github.example/repos/city/strategy/issues"


def gh_comment(id_: int, login: str, body: str) -> dict[str, Any]:
    return {"id": id_, "user": {"login": login, "type": "User"}, "body": body}


def test_github_comment_is_updated_only_when_the_bot_wrote_it() -> None:
    comments = [
        gh_comment(1, "mallory", f"{MARKER}\nplease overwrite me"),  # a person quoting it
        gh_comment(2, "github-actions[bot]", "an unrelated bot comment"),
        gh_comment(3, "github-actions[bot]", f"{MARKER}\nold diff"),
    ]
    api = FakeApi({("GET", f"{GH}/12/comments"): comments})
    assert sticky.post_github("new", GITHUB_ENV, api) == "updated comment 3"
    assert api.writes() == [("PATCH", f"{GH}/comments/3", {"body": "new"})]
    _, url, headers, _ = api.calls[0]
    assert headers["Authorization"] == "Bearer ghs_secret"
    assert url == f"{GH}/12/comments?per_page=100&page=1"


def test_github_creates_a_comment_when_only_others_carry_the_marker() -> None:
    api = FakeApi({("GET", f"{GH}/12/comments"): [gh_comment(1, "mallory", MARKER)]})
    assert sticky.post_github("new", GITHUB_ENV, api) == "created a comment"
    assert api.writes() == [("POST", f"{GH}/12/comments", {"body": "new"})]
    api = FakeApi({("GET", f"{GH}/12/comments"): [gh_comment(4, "ictgov-app[bot]", MARKER)]})
    env = {**GITHUB_ENV, "ICTGOV_COMMENT_AUTHOR": "ictgov-app[bot]"}  # a GitHub App's token
    assert sticky.post_github("new", env, api) == "updated comment 4"


def test_github_pages_through_comments() -> None:
    page1 = [gh_comment(i, "someone", "hi") for i in range(100)]
    page2 = [gh_comment(200, "github-actions[bot]", MARKER)]
    api = FakeApi(
        {
            ("GET", f"{GH}/12/comments?per_page=100&page=1"): page1,
            ("GET", f"{GH}/12/comments?per_page=100&page=2"): page2,
        }
    )
    assert sticky.post_github("new", GITHUB_ENV, api) == "updated comment 200"


GITLAB_ENV = {
    "CI_API_V4_URL": "https://gitlab.example/api/v4",
    "CI_PROJECT_ID": "group/strategy",
    "CI_MERGE_REQUEST_IID": "7",
    "ICTGOV_GITLAB_TOKEN": "secret",
}
GL = "https://gitlab.example/api/v4/projects/group%2Fstrategy/merge_requests/7/notes"


def test_gitlab_note_is_updated_only_when_the_token_user_wrote_it() -> None:
    notes = [
        {"id": 3, "body": "hello", "author": {"id": 42}},
        {"id": 4, "body": f"{MARKER}\nfake", "author": {"id": 7}},  # someone else's
        {"id": 5, "body": f"{MARKER}\nold", "author": {"id": 42}},
    ]
    api = FakeApi({("GET", "https://gitlab.example/api/v4/user"): {"id": 42}, ("GET", GL): notes})
    assert sticky.post_gitlab("new", GITLAB_ENV, api) == "updated note 5"
    assert api.calls[-1] == ("PUT", f"{GL}/5", {"PRIVATE-TOKEN": "secret"}, {"body": "new"})
    api = FakeApi(
        {("GET", "https://gitlab.example/api/v4/user"): {"id": 42}, ("GET", GL): notes[:2]}
    )
    assert sticky.post_gitlab("new", GITLAB_ENV, api) == "created a note"
    assert api.writes() == [("POST", GL, {"body": "new"})]


def test_gitlab_refuses_when_the_token_has_no_identity() -> None:
    api = FakeApi({("GET", GL): [{"id": 5, "body": MARKER, "author": {"id": 42}}]})
    with pytest.raises(sticky.StickyError, match="/user"):
        sticky.post_gitlab("new", GITLAB_ENV, api)
    assert api.writes() == []


AZURE_ENV = {
    "SYSTEM_COLLECTIONURI": "https://dev.azure.example/org/",
    "SYSTEM_TEAMPROJECTID": "p",
    "BUILD_REPOSITORY_ID": "r",
    "SYSTEM_PULLREQUEST_PULLREQUESTID": "9",
    "SYSTEM_ACCESSTOKEN": "t",
}
AZ = "https://dev.azure.example/org/p/_apis/git/repositories/r/pullRequests/9/threads"
CONNECTION = ("GET", "https://dev.azure.example/org/_apis/connectionData")


def az_thread(id_: int, author: str, content: str) -> dict[str, Any]:
    return {"id": id_, "comments": [{"id": 1, "content": content, "author": {"id": author}}]}


def test_azure_thread_is_updated_only_when_the_build_service_started_it() -> None:
    threads = {"value": [az_thread(3, "person", f"{MARKER} x"), az_thread(4, "build", MARKER)]}
    api = FakeApi({CONNECTION: {"authenticatedUser": {"id": "build"}}, ("GET", AZ): threads})
    assert sticky.post_azure("new", AZURE_ENV, api) == "updated thread 4"
    method, url, headers, body = api.calls[-1]
    assert (method, url) == ("PATCH", f"{AZ}/4/comments/1?api-version=7.1")
    assert headers == {"Authorization": "Bearer t"} and body == {"content": "new"}
    api = FakeApi(
        {
            CONNECTION: {"authenticatedUser": {"id": "build"}},
            ("GET", AZ): {"value": threads["value"][:1]},
        }
    )
    assert sticky.post_azure("new", AZURE_ENV, api) == "created a thread"
    ((method, url, body),) = api.writes()
    assert method == "POST" and body["comments"][0]["content"] == "new"


def test_azure_refuses_without_connection_data() -> None:
    api = FakeApi({("GET", AZ): {"value": [az_thread(4, "build", MARKER)]}})
    with pytest.raises(sticky.StickyError, match="connectionData"):
        sticky.post_azure("new", AZURE_ENV, api)
    assert api.writes() == []


def test_sticky_never_fails_the_pipeline_unless_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = tmp_path / "d.md"
    body.write_text("x", encoding="utf-8")
    assert sticky.main(["gitlab", str(body)], env={}) == 0
    assert "ICTGOV_GITLAB_TOKEN" in capsys.readouterr().err
    assert sticky.main(["gitlab", str(body), "--strict"], env={}) == 1

    def broken(*_: Any) -> Any:
        raise sticky.StickyError("POST answered 403 Forbidden")

    assert sticky.main(["gitlab", str(body)], env=GITLAB_ENV, send=broken) == 0
    assert "403" in capsys.readouterr().err
    assert sticky.main(["github", str(body)], env={}) == 0
    assert "GITHUB_TOKEN" in capsys.readouterr().err
    assert sticky.main(["jenkins", str(body)], env={}) == 2
    assert sticky.main(["azure", str(tmp_path / "missing.md")], env={}) == 2
    assert os.environ.get("ICTGOV_GITLAB_TOKEN") is None


def test_this_repository_uses_the_github_template() -> None:
    own = (REPO / ".github" / "workflows" / "ictgov.yml").read_text(encoding="utf-8")
    (template,) = ci_files("github").values()
    body = "\n".join(
        line
        for line in own.splitlines()
        if not line.startswith("# This") and not line.startswith("# same")
    )
    assert body + "\n" == template
    own_requirements = (REPO / "requirements-ictgov.txt").read_text(encoding="utf-8")
    assert [ln for ln in own_requirements.splitlines() if not ln.startswith("#")] == ["."]

"""Post the Markdown diff as one sticky merge-request or pull-request comment.

``python -m ictgov.history.sticky github|gitlab|azure FILE`` finds the comment that carries
the hidden ``<!-- ictgov-diff -->`` marker *and was written by the token's own
identity*, and updates it, or creates one; so a pull request gets one comment however
often it is pushed. Matching the marker alone is not enough: anyone can paste the
marker into a comment of their own, and the job would then overwrite (or fail on) a
person's comment. The identity is GitHub's ``github-actions[bot]`` (or
``ICTGOV_COMMENT_AUTHOR``), GitLab's ``GET /user`` and Azure DevOps' ``connectionData``.
It never fails the pipeline for want of a token or permission (pass ``--strict`` for
that): it prints what to set up instead.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from typing import Any

from ictgov.diff.formats import MARKER

Send = Callable[[str, str, Mapping[str, str], Any], Any]


class StickyError(Exception):
    """The comment could not be posted: the message says what to set up."""


def send(method: str, url: str, headers: Mapping[str, str], body: Any = None) -> Any:
    """One JSON request; the decoded JSON answer (None when empty)."""
    data = json.dumps(body).encode("utf-8") if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    for key, value in {"Content-Type": "application/json", **headers}.items():
        request.add_header(key, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        raise StickyError(f"{method} {url} answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise StickyError(f"{method} {url} failed: {exc.reason}") from None
    return json.loads(text) if text.strip() else None


def _env(env: Mapping[str, str], *names: str) -> list[str]:
    missing = [n for n in names if not env.get(n)]
    if missing:
        raise StickyError(f"not set: {', '.join(missing)}")
    return [env[n] for n in names]


#: The identity of GitHub Actions' GITHUB_TOKEN, which cannot ask ``GET /user`` itself.
GITHUB_ACTIONS_BOT = "github-actions[bot]"


def post_github(body: str, env: Mapping[str, str], send: Send = send) -> str:
    """Create or update the pull-request comment; returns what was done."""
    if not env.get("GITHUB_TOKEN"):
        raise StickyError(
            "no GITHUB_TOKEN: give the step 'env: GITHUB_TOKEN: ${{ github.token }}' and the "
            "job 'permissions: pull-requests: write'"
        )
    repository, number, token = _env(env, "GITHUB_REPOSITORY", "ICTGOV_PR_NUMBER", "GITHUB_TOKEN")
    api = env.get("GITHUB_API_URL") or "https://api.github.com"
    author = env.get("ICTGOV_COMMENT_AUTHOR") or GITHUB_ACTIONS_BOT
    base = f"{api.rstrip('/')}/repos/{repository}/issues"
    headers = {
        "Authorization": f"Bearer {token}",
        "Accept": "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28",
    }
    page = 1
    while True:
        url = f"{base}/{number}/comments?per_page=100&page={page}"
        comments = send("GET", url, headers, None) or []
        for comment in comments:
            user = comment.get("user") or {}
            if user.get("login") == author and MARKER in str(comment.get("body", "")):
                send("PATCH", f"{base}/comments/{comment['id']}", headers, {"body": body})
                return f"updated comment {comment['id']}"
        if len(comments) < 100:
            break
        page += 1
    send("POST", f"{base}/{number}/comments", headers, {"body": body})
    return "created a comment"


def post_gitlab(body: str, env: Mapping[str, str], send: Send = send) -> str:
    """Create or update the merge-request note; returns what was done."""
    if not env.get("ICTGOV_GITLAB_TOKEN"):
        raise StickyError(
            "no ICTGOV_GITLAB_TOKEN: add a project access token with the 'api' scope as a "
            "masked CI/CD variable to get the diff as a merge-request note"
        )
    api, project, iid, token = _env(
        env, "CI_API_V4_URL", "CI_PROJECT_ID", "CI_MERGE_REQUEST_IID", "ICTGOV_GITLAB_TOKEN"
    )
    base = f"{api}/projects/{urllib.parse.quote(project, safe='')}/merge_requests/{iid}/notes"
    headers = {"PRIVATE-TOKEN": token}
    me = (send("GET", f"{api}/user", headers, None) or {}).get("id")
    if me is None:
        raise StickyError(f"GET {api}/user did not say whose token ICTGOV_GITLAB_TOKEN is")
    page = 1
    while True:
        notes = send("GET", f"{base}?per_page=100&page={page}", headers, None) or []
        for note in notes:
            author = note.get("author") or {}
            if author.get("id") == me and MARKER in str(note.get("body", "")):
                send("PUT", f"{base}/{note['id']}", headers, {"body": body})
                return f"updated note {note['id']}"
        if len(notes) < 100:
            break
        page += 1
    send("POST", base, headers, {"body": body})
    return "created a note"


def post_azure(body: str, env: Mapping[str, str], send: Send = send) -> str:
    """Create or update the pull-request comment thread; returns what was done."""
    if env.get("BUILD_REPOSITORY_PROVIDER", "TfsGit") != "TfsGit":
        raise StickyError("the repository is not in Azure Repos; see the job log for the diff")
    if not env.get("SYSTEM_ACCESSTOKEN"):
        raise StickyError(
            "no SYSTEM_ACCESSTOKEN: map it with 'env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)'"
        )
    collection, project, repo, pr, token = _env(
        env,
        "SYSTEM_COLLECTIONURI",
        "SYSTEM_TEAMPROJECTID",
        "BUILD_REPOSITORY_ID",
        "SYSTEM_PULLREQUEST_PULLREQUESTID",
        "SYSTEM_ACCESSTOKEN",
    )
    base = (
        f"{collection.rstrip('/')}/{project}/_apis/git/repositories/{repo}"
        f"/pullRequests/{pr}/threads"
    )
    version = "api-version=7.1"
    headers = {"Authorization": f"Bearer {token}"}
    connection = send("GET", f"{collection.rstrip('/')}/_apis/connectionData", headers, None)
    me = ((connection or {}).get("authenticatedUser") or {}).get("id")
    if not me:
        raise StickyError("connectionData did not say whose token SYSTEM_ACCESSTOKEN is")
    answer = send("GET", f"{base}?{version}", headers, None) or {}
    for thread in answer.get("value", []):
        comments = thread.get("comments") or []
        first = comments[0] if comments else {}
        author = first.get("author") or {}
        if author.get("id") == me and MARKER in str(first.get("content", "")):
            url = f"{base}/{thread['id']}/comments/{comments[0]['id']}?{version}"
            send("PATCH", url, headers, {"content": body})
            return f"updated thread {thread['id']}"
    thread_body = {
        "comments": [{"parentCommentId": 0, "content": body, "commentType": 1}],
        "status": "closed",  # informational: it must not block completing the pull request
    }
    send("POST", f"{base}?{version}", headers, thread_body)
    return "created a thread"


POSTERS: dict[str, Callable[[str, Mapping[str, str], Send], str]] = {
    "github": post_github,
    "gitlab": post_gitlab,
    "azure": post_azure,
}


def main(
    argv: list[str] | None = None, env: Mapping[str, str] | None = None, send: Send = send
) -> int:
    """Command line: ``python -m ictgov.history.sticky PROVIDER FILE [--strict]``."""
    args = list(sys.argv[1:] if argv is None else argv)
    strict = "--strict" in args
    args = [a for a in args if a != "--strict"]
    if len(args) != 2 or args[0] not in POSTERS:
        print(
            f"usage: python -m ictgov.history.sticky {{{','.join(POSTERS)}}} FILE [--strict]",
            file=sys.stderr,
        )
        return 2
    provider, path = args
    try:
        with open(path, encoding="utf-8") as handle:
            body = handle.read()
    except OSError as exc:
        print(f"ictgov sticky: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return 2
    try:
        done = POSTERS[provider](body, os.environ if env is None else env, send)
    except StickyError as exc:
        print(f"ictgov sticky: comment not posted: {exc}", file=sys.stderr)
        return 1 if strict else 0
    print(f"ictgov sticky: {done}")
    return 0


if __name__ == "__main__":  # pragma: no cover - exercised through main()
    raise SystemExit(main())

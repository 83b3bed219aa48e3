"""A stranger's templates: they cannot publish files from outside, hang, or exhaust memory.

Every repository is treated as a pull request from a stranger (issue 9). Each case
here ends in a clear error naming the file, exit code 2, no traceback, and nothing
from outside the repository in the output.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.render import limits
from ictgov.render.engine import TemplateProblem
from ictgov.render.loader import UnsafeTemplateError
from tests.conftest import TODAY
from tests.render.conftest import render

SENTINEL = "SENTINEL-outside-the-repository-7f3a"


def _outside(tmp_path: Path) -> Path:
    """A file outside the repository that must never be published."""
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SENTINEL + "\n", encoding="utf-8")
    return path


def _template(root: Path, name: str, text: str) -> Path:
    path = root / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _link(root: Path, name: str, target: Path) -> None:
    path = root / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)


def _cli(root: Path, out: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        app,
        ["render", "--root", str(root), "--out", str(out), "--today", TODAY.isoformat(), *extra],
    )
    return result.exit_code, result.output


def _published(out: Path) -> str:
    if not out.exists():
        return ""
    return "".join(p.read_text("utf-8", "replace") for p in out.rglob("*") if p.is_file())


# -- files: only regular files inside the repository's templates folder ------------------


def test_stylesheet_linked_outside_is_refused(minimal_root: Path, tmp_path: Path) -> None:
    _link(minimal_root, "html/style.css", _outside(tmp_path))
    out = tmp_path / "site"
    code, output = _cli(minimal_root, out, "--public")
    assert code == 2, output
    assert "templates/html/style.css" in output and "outside the templates folder" in output
    assert "Traceback" not in output and "internal error" not in output
    assert SENTINEL not in _published(out)


def test_include_of_a_link_outside_is_refused(minimal_root: Path, tmp_path: Path) -> None:
    _link(minimal_root, "html/leak.html", _outside(tmp_path))
    _template(
        minimal_root,
        "html/timeline.html",
        '{% extends "default:html/timeline.html" %}'
        '{% block content %}{% include "html/leak.html" %}{% endblock %}',
    )
    with pytest.raises(UnsafeTemplateError, match=r"templates/html/leak\.html"):
        render(minimal_root, TODAY, languages=("fi",), formats=("html",))
    out = tmp_path / "site"
    code, output = _cli(minimal_root, out, "--format", "html")
    assert code == 2, output
    assert SENTINEL not in output + _published(out)


def test_a_templates_folder_linked_outside_is_refused(minimal_root: Path, tmp_path: Path) -> None:
    outside = _outside(tmp_path).parent
    (outside / "html").mkdir()
    (outside / "html" / "style.css").write_text(SENTINEL, encoding="utf-8")
    (minimal_root / "templates").symlink_to(outside)
    with pytest.raises(UnsafeTemplateError, match="outside the repository"):
        render(minimal_root, TODAY, languages=("fi",), formats=("html",))


def test_a_fifo_is_refused_without_hanging(minimal_root: Path, tmp_path: Path) -> None:
    fifo = minimal_root / "templates" / "html" / "style.css"
    fifo.parent.mkdir(parents=True)
    os.mkfifo(fifo)
    start = time.monotonic()
    with pytest.raises(UnsafeTemplateError, match="not a regular file"):
        render(minimal_root, TODAY, languages=("fi",), formats=("html",))
    assert time.monotonic() - start < 30


def test_environment_secrets_are_not_published(minimal_root: Path, tmp_path: Path) -> None:
    """The attack of the issue, as CI runs it: a fresh process with a secret in its env."""
    secret = "ghp_SECRET_in_the_environment_91c2"
    _link(minimal_root, "html/style.css", Path("/proc/self/environ"))
    out = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "ictgov", "render", "--root", str(minimal_root), "--out",
         str(out), "--today", TODAY.isoformat(), "--public", "--lang", "fi"],
        env={**os.environ, "ICTGOV_TEST_TOKEN": secret},
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "templates/html/style.css" in result.stderr
    assert secret not in result.stdout + result.stderr + _published(out)


def test_links_inside_the_folder_still_work(minimal_root: Path) -> None:
    _template(minimal_root, "html/parts/note.html", "<p>Oma huomautus</p>")
    _link(
        minimal_root, "html/note.html", minimal_root / "templates" / "html" / "parts" / "note.html"
    )
    _template(
        minimal_root,
        "html/timeline.html",
        '{% extends "default:html/timeline.html" %}'
        '{% block content %}{% include "html/note.html" %}{{ super() }}{% endblock %}',
    )
    site = render(minimal_root, TODAY, languages=("fi",), formats=("html",))
    assert "<p>Oma huomautus</p>" in site["fi/timeline.html"]


# -- work: bounded in time, size and depth, with a clear message -------------------------

HOSTILE = {
    "nested range": "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}"
    "{% endfor %}",
    "huge range": "{{ range(10**9)|list|length }}",
    "string repetition": "{{ ('a' * 10**9)|length }}",
    "list repetition": "{{ ([1] * 10**9)|length }}",
    "doubling with +": "{% set a = 'a' * 999999 %}{% set a = a + a %}{{ a|length }}",
    "big power": "{{ (2 ** (10**9)) > 1 }}",
    "center": "{{ 'a'|center(10**9) }}",
    "str method": "{{ 'a'.ljust(10**9) }}",
    "indent": r"{{ 'a\nb'|indent(10**9) }}",
    "lipsum": "{{ lipsum(10**6) }}",
    "percent width": "{{ '%999999999d' % 1 }}",
    "format width": "{{ '{:>999999999}'.format(1) }}",
    "replace": "{{ ('a' * 100000)|replace('a', 'b' * 100000) }}",
    "macro recursion": "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    "xmlattr bad key": "{{ {'a b': 1}|xmlattr }}",
    "type error": "{{ 1 + 'a' }}",
    "division by zero": "{{ 1 // 0 }}",
    "endless output": "{# endless #}{% for i in range(99999) %}{% for j in range(10) %}"
    "{{ 'x' * 999999 }}{% endfor %}{% endfor %}",
}


@pytest.mark.parametrize("body", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_template_ends_in_a_clear_error(
    minimal_root: Path, tmp_path: Path, body: str
) -> None:
    _template(minimal_root, "html/timeline.html", f"<p>ok</p>\n{body}\n")
    out = tmp_path / "site"
    start = time.monotonic()
    code, output = _cli(minimal_root, out, "--format", "html", "--lang", "fi")
    assert time.monotonic() - start < 60
    assert code == 2, output
    assert "timeline.html" in output, output
    if "endless" not in body:  # stopped by the size of the output, not on a line
        assert "timeline.html:2" in output, output
    assert "internal error" not in output and "Traceback" not in output


def test_a_loop_that_calls_nothing_is_stopped_by_the_deadline(
    minimal_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "PAGE_SECONDS", 1.0)
    _template(
        minimal_root,
        "html/timeline.html",
        "{% set l = range(99999)|list %}\n"
        "{% for a in l %}{% for b in l %}{% for c in l %}{% endfor %}{% endfor %}{% endfor %}",
    )
    start = time.monotonic()
    with pytest.raises(TemplateProblem, match="seconds"):
        render(minimal_root, TODAY, languages=("fi",), formats=("html",))
    assert time.monotonic() - start < 30


def test_ordinary_template_work_is_not_refused(minimal_root: Path) -> None:
    _template(
        minimal_root,
        "html/timeline.html",
        "{% for i in range(1000) %}{{ i }}{% endfor %}|{{ 'ab' * 3 }}|{{ 2 ** 10 }}|"
        "{{ 'x'|center(9) }}|{{ '%05.1f' % 2.5 }}|{{ '{:>4}'.format(7) }}|"
        "{{ 'aa'|replace('a', 'bc') }}|{{ lipsum(1, false, 5, 10)|length > 0 }}",
    )
    site = render(minimal_root, TODAY, languages=("fi",), formats=("html",))
    assert site["fi/timeline.html"].endswith("999|ababab|1024|    x    |002.5|   7|bcbc|True")


def test_limits_hold_in_worker_processes(
    minimal_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Big sites render in forked workers: a hostile template fails there just as clearly."""
    monkeypatch.setenv("ICTGOV_RENDER_WORKERS", "2")
    _template(
        minimal_root,
        "md/measure.md",
        "ok\n{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}\n{{ ('a' * 10**9)|length }}",
    )
    with pytest.raises(TemplateProblem, match=r"measure\.md:2: macros call each other"):
        render(minimal_root, TODAY, formats=("md",))


def test_the_page_timer_leaves_an_outer_timer_running() -> None:
    import signal

    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.5)
        with limits.alarm(5.0):
            pass
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 0.5
        time.sleep(1.0)
        assert fired == [signal.SIGALRM]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

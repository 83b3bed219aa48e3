"""User templates: override built-ins by name, extend them with ``default:``, run sandboxed."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.render.engine import BUILTIN_PACKAGE, TemplateProblem
from tests.conftest import TODAY
from tests.render.conftest import render


def _user_template(root: Path, name: str, text: str) -> None:
    path = root / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _render_cli(root: Path, out: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        app,
        ["render", "--root", str(root), "--out", str(out), "--today", TODAY.isoformat(), *extra],
    )
    return result.exit_code, result.output


def test_user_template_extends_the_builtin_it_overrides(minimal_root: Path) -> None:
    _user_template(
        minimal_root,
        "html/overview.html",
        '{% extends "default:html/overview.html" %}'
        "{% block title %}Oma otsikko – {{ super() }}{% endblock %}",
    )
    _user_template(
        minimal_root,
        "md/overview.md",
        '{% extends "default:md/overview.md" %}{% block content %}# Oma\n\n{{ super() }}'
        "{% endblock %}",
    )
    site = render(minimal_root, TODAY, languages=("fi",))
    assert "<title>Oma otsikko – Yleiskuva – Testistrategia</title>" in site["fi/index.html"]
    assert "Vaatii huomiota" in site["fi/index.html"]  # the built-in content is still there
    assert site["fi/md/index.md"].count("# Oma") == 1
    assert "## Vaatii huomiota" in site["fi/md/index.md"]
    # Other pages keep the built-in template.
    assert "Oma otsikko" not in site["fi/timeline.html"]


def test_user_base_template_applies_to_builtin_pages(minimal_root: Path) -> None:
    _user_template(
        minimal_root,
        "html/base.html",
        '{% extends "default:html/base.html" %}'
        "{% block before_content %}<p>Intranet</p>{% endblock %}",
    )
    site = render(minimal_root, TODAY, languages=("fi",), formats=("html",))
    assert "<p>Intranet</p>" in site["fi/measures/m-alpha.html"]


@pytest.mark.parametrize(
    "body",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ site.tree.__class__ }}",
        "{{ page.__init__.__globals__ }}",
        "{{ site.tree.measures.append(1) }}",
        "{{ _.__self__ }}",
    ],
)
def test_sandbox_refuses_python_internals(minimal_root: Path, tmp_path: Path, body: str) -> None:
    _user_template(minimal_root, "html/overview.html", f"<p>{body}</p>\n")
    code, output = _render_cli(minimal_root, tmp_path / "site", "--format", "html")
    assert code == 2, output
    assert "error:" in output
    assert "overview.html" in output
    assert "not allowed in a template" in output or "unsafe" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "fi" / "index.html").exists()


def test_template_syntax_error_names_file_and_line(minimal_root: Path, tmp_path: Path) -> None:
    _user_template(minimal_root, "md/goal.md", "# ok\n\n{% if %}\n")
    code, output = _render_cli(minimal_root, tmp_path / "site", "--format", "md")
    assert code == 2
    assert "goal.md:3" in output
    assert "syntax" in output


def test_undefined_variable_is_an_error(minimal_root: Path) -> None:
    _user_template(minimal_root, "html/timeline.html", "{{ no_such_thing }}")
    with pytest.raises(TemplateProblem, match="no_such_thing"):
        render(minimal_root, TODAY, languages=("fi",), formats=("html",))


def test_missing_default_template_is_reported(minimal_root: Path) -> None:
    _user_template(minimal_root, "html/timeline.html", '{% extends "default:html/nope.html" %}')
    with pytest.raises(TemplateProblem, match="not found"):
        render(minimal_root, TODAY, languages=("fi",), formats=("html",))


def test_builtin_templates_are_found_through_the_package() -> None:
    from importlib.resources import files

    root = files(BUILTIN_PACKAGE)
    for kind in (
        "overview",
        "goal",
        "measure",
        "timeline",
        "responsibilities",
        "organisations",
        "organisation",
        "governance",
        "meetings",
        "annual",
    ):
        assert (root / "html" / f"{kind}.html").is_file()
        assert (root / "md" / f"{kind}.md").is_file()
    assert (root / "html" / "style.css").is_file()


def test_user_macros_reach_tables_and_references(minimal_root: Path) -> None:
    """Markup lives in templates only: a user's macros.html changes every table and link."""
    from importlib.resources import files

    rows = [
        ("html", '<tr>\n<th scope="row">', '<tr class="mine">\n<th scope="row">'),
        ("md", "| [{{ m.code }}", "| MINE [{{ m.code }}"),
    ]
    for fmt, row, mark in rows:
        builtin = (files(BUILTIN_PACKAGE) / fmt / f"macros.{fmt}").read_text(encoding="utf-8")
        assert builtin.count(row) == 1
        mine = builtin.replace(row, mark).replace("{% macro ref(r) %}", "{% macro ref(r) %}REF:")
        mine = mine.replace("{% macro ref(r) -%}", "{% macro ref(r) -%}REF:")
        _user_template(minimal_root, f"{fmt}/macros.{fmt}", mine)
    site = render(minimal_root, TODAY, languages=("fi",))
    assert (
        '<tr class="mine">' in site["fi/index.html"]
        or '<tr class="mine">' in site["fi/responsibilities.html"]
    )
    assert "REF:" in site["fi/measures/m-alpha.html"]
    assert "REF:" in site["fi/md/measures/m-alpha.md"]
    assert "| MINE [" in site["fi/md/responsibilities.md"]

"""``ictgov render`` end to end: every page type in every language, options, determinism."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from typer.testing import CliRunner, Result

from ictgov.cli.main import app
from tests.conftest import BUNDLED_TODAY, TODAY

PAGE_TYPES = (
    "index.html",
    "goals/*.html",
    "measures/*.html",
    "timeline.html",
    "responsibilities.html",
    "organisations.html",
    "organisations/*.html",
    "governance.html",
    "meetings.html",
    "annual-*.html",
)


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["render", *args])


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_bundled_data_renders_every_page_type_in_every_language(
    bundled_root: Path, tmp_path: Path
) -> None:
    assert (bundled_root / "data" / "strategy" / "strategy.yaml").is_file(), "bundled data"
    out = tmp_path / "site"
    result = run("--root", str(bundled_root), "--out", str(out), "--today", str(BUNDLED_TODAY))
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file() and (out / "style.css").is_file()
    for lang in ("fi", "sv", "en"):
        for pattern in PAGE_TYPES:
            assert list((out / lang).glob(pattern)), f"no {lang}/{pattern}"
            md = pattern.replace(".html", ".md")
            assert list((out / lang / "md").glob(md)), f"no {lang}/md/{md}"
        html = (out / lang / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in html
    measures = len(list((bundled_root / "data" / "measures").glob("*.yaml")))
    assert len(list((out / "fi" / "measures").glob("*.html"))) == measures


def test_rendering_twice_gives_identical_bytes(minimal_root: Path, tmp_path: Path) -> None:
    for name in ("a", "b"):
        result = run(
            "--root", str(minimal_root), "--out", str(tmp_path / name), "--today", str(TODAY)
        )
        assert result.exit_code == 0, result.output
        result = run(
            "--root",
            str(minimal_root),
            "--out",
            str(tmp_path / name / "single"),
            "--today",
            str(TODAY),
            "--single-file",
            "--public",
        )
        assert result.exit_code == 0, result.output
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert len(first) > 70
    assert first == second


def test_stamp_is_only_there_when_asked(minimal_root: Path, tmp_path: Path) -> None:
    run(
        "--root",
        str(minimal_root),
        "--out",
        str(tmp_path / "s"),
        "--today",
        str(TODAY),
        "--stamp",
        "--lang",
        "fi",
        "--format",
        "html",
    )
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", (tmp_path / "s/fi/index.html").read_text())
    run(
        "--root",
        str(minimal_root),
        "--out",
        str(tmp_path / "n"),
        "--today",
        str(TODAY),
        "--lang",
        "fi",
        "--format",
        "html",
    )
    assert "UTC" not in (tmp_path / "n/fi/index.html").read_text()


def test_lang_and_format_select_what_is_written(minimal_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run(
        "--root",
        str(minimal_root),
        "--out",
        str(out),
        "--today",
        str(TODAY),
        "--lang",
        "sv",
        "--format",
        "md",
    )
    assert result.exit_code == 0, result.output
    written = sorted(_files(out))
    assert all(p.startswith("sv/md/") or p == "index.md" for p in written), written
    assert "sv/md/measures/m-alpha.md" in written
    assert "(sv; md)" in result.output


def test_year_selects_the_annual_report(minimal_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    run(
        "--root",
        str(minimal_root),
        "--out",
        str(out),
        "--today",
        str(TODAY),
        "--year",
        "2024",
        "--lang",
        "en",
        "--format",
        "html",
    )
    report = (out / "en" / "annual-2024.html").read_text(encoding="utf-8")
    assert "Annual report 2024" in report
    assert "The year is not over yet" in report  # today is 2024-11-01
    assert 'href="annual-2024.html"' in (out / "en" / "index.html").read_text(encoding="utf-8")


def test_default_annual_year_is_the_last_full_year(minimal_root: Path, tmp_path: Path) -> None:
    run(
        "--root",
        str(minimal_root),
        "--out",
        str(tmp_path / "site"),
        "--today",
        "2025-01-15",
        "--lang",
        "fi",
        "--format",
        "html",
    )
    assert (tmp_path / "site" / "fi" / "annual-2024.html").is_file()


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.h1 = 0
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"] or "")
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"] or "")
        if tag == "link":
            self.links.append(a.get("href") or "")
        self.h1 += tag == "h1"


def test_single_file_is_self_contained(minimal_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run(
        "--root",
        str(minimal_root),
        "--out",
        str(out),
        "--today",
        str(TODAY),
        "--single-file",
        "--format",
        "html",
    )
    assert result.exit_code == 0, result.output
    assert sorted(_files(out)) == ["ictgov-en.html", "ictgov-fi.html", "ictgov-sv.html"]
    text = (out / "ictgov-fi.html").read_text(encoding="utf-8")
    parser = _Ids()
    parser.feed(text)
    assert parser.h1 == 1
    assert not parser.links, "no external stylesheet"
    assert "<style>" in text and ".badge" in text
    assert len(parser.ids) == len(set(parser.ids)), "ids are unique"
    for href in parser.hrefs:
        if href.startswith("#"):
            assert href[1:] in parser.ids, f"dangling anchor {href}"
        else:
            assert href.startswith(("http://", "https://", "mailto:", "ictgov-")), href
    for section in (
        "page-overview",
        "measure-m-alpha",
        "goal-g1",
        "organisation-tampere",
        "page-timeline",
        "page-governance",
        "page-meetings",
        "annual-2023",
        "body-mgmt",
        "meeting-board-2023-11-20",
    ):
        assert section in parser.ids, section


def test_no_data_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "data" / "strategy").mkdir(parents=True)
    result = run("--root", str(tmp_path), "--out", str(tmp_path / "site"))
    assert result.exit_code == 2
    assert "no strategy data to render" in result.output


def test_bad_today_is_a_usage_error(minimal_root: Path) -> None:
    result = run("--root", str(minimal_root), "--today", "yesterday")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_out_that_is_a_file_is_a_clear_error(minimal_root: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "site"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run("--root", str(minimal_root), "--out", str(blocker / "x"), "--today", str(TODAY))
    assert result.exit_code == 2
    assert "not a folder" in result.output and "internal error" not in result.output


def test_at_renders_the_data_as_it_was(minimal_root: Path, tmp_path: Path) -> None:
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
            cwd=minimal_root,
            check=True,
            capture_output=True,
        )

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "first")
    measure = minimal_root / "data" / "measures" / "m-beta.yaml"
    measure.write_text(measure.read_text(encoding="utf-8").replace("Beeta", "Uusi nimi"))
    out = tmp_path / "site"
    result = run(
        "--root",
        str(minimal_root),
        "--out",
        str(out),
        "--today",
        str(TODAY),
        "--at",
        "HEAD",
        "--lang",
        "fi",
        "--format",
        "md",
    )
    assert result.exit_code == 0, result.output
    assert "# 2.1 Beeta" in (out / "fi" / "md" / "measures" / "m-beta.md").read_text()
    result = run(
        "--root",
        str(minimal_root),
        "--out",
        str(out),
        "--today",
        str(TODAY),
        "--at",
        "no-such-rev",
        "--lang",
        "fi",
        "--format",
        "md",
    )
    assert result.exit_code == 2

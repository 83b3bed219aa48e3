"""The Finnish and Swedish guides: the data model page covers every model field, its
examples are valid data, and every link inside docs/fi and docs/sv resolves.

docs/fi/tietomalli.md is written by hand. Each kind of file has a heading that names the
kind in backticks, e.g. ``## Toimenpide (`measure`)``, and each nested model one that
names the model class, e.g. ``### Päivitysmerkintä (`UpdateEntry`)``; the table right under
it must list every field of the model as ``| `field` |``. Anchors follow GitHub's rules
(github-slugger): lowercase, punctuation dropped, spaces to dashes, ``-1`` ... for repeats.
"""

from __future__ import annotations

import enum
import inspect
import os
import re
import typing
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from ictgov.load import load_document
from ictgov.model.files import KINDS

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
TIETOMALLI = DOCS / "fi" / "tietomalli.md"
GUIDES = sorted([*(DOCS / "fi").glob("*.md"), *(DOCS / "sv").glob("*.md")])
GITHUB = re.compile(r"^https://github\.com/ictgov/ictgov/(?:blob|tree)/main/([^#?]*)(#.*)?$")
RAW = re.compile(r"^https://raw\.githubusercontent\.com/ictgov/ictgov/main/([^#?]*)$")


# --- Markdown helpers -------------------------------------------------------------------

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LINK = re.compile(r"!?\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


def prose_lines(text: str) -> list[tuple[int, str]]:
    """(line number, line) of the lines outside fenced code blocks."""
    out: list[tuple[int, str]] = []
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = _FENCE.match(line)
        if match:
            if fence is None:
                fence = match.group(1)
            elif match.group(1) == fence:
                fence = None
            continue
        if fence is None:
            out.append((number, line))
    return out


def heading_text(raw: str) -> str:
    """The text GitHub renders for a heading's Markdown source."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", raw)  # links and images -> their text
    text = text.replace("`", "")
    text = re.sub(r"(\*\*|__|\*)(.+?)\1", r"\2", text)  # emphasis markers
    return re.sub(r"<[^>]+>", "", text)  # inline HTML tags


def slug(text: str) -> str:
    """github-slugger: lowercase, drop all but letters, marks, digits, '_', '-', ' '."""
    kept = "".join(c for c in text.lower() if c in "-_ " or unicodedata.category(c)[0] in "LMN")
    return kept.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """Every heading anchor of a Markdown file, with GitHub's -1, -2 ... for repeats."""
    seen: dict[str, int] = {}
    out: set[str] = set()
    for _, line in prose_lines(path.read_text(encoding="utf-8")):
        match = _HEADING.match(line)
        if not match:
            continue
        base = slug(heading_text(match.group(2)))
        count = seen.get(base, 0)
        seen[base] = count + 1
        out.add(base if count == 0 else f"{base}-{count}")
    return out


def links(path: Path) -> list[tuple[int, str]]:
    """(line, target) of every Markdown link outside code blocks and code spans."""
    out: list[tuple[int, str]] = []
    for number, line in prose_lines(path.read_text(encoding="utf-8")):
        line = _CODE_SPAN.sub("", line)
        out += [(number, m.group(1)) for m in _LINK.finditer(line)]
    return out


def link_problem(source: Path, target: str) -> str | None:
    """Why a link does not resolve, or None when it does."""
    match = GITHUB.match(target) or RAW.match(target)
    if match:
        path_part = match.group(1)
        fragment = (match.group(2) or "") if match.re is GITHUB else ""
        resolved = (REPO / path_part).resolve()
    elif re.match(r"^[a-z][a-z0-9+.-]*:", target):
        return None  # another site or mailto: not checked here
    else:
        path_part, _, fragment = target.partition("#")
        fragment = "#" + fragment if fragment else ""
        resolved = source.resolve() if not path_part else (source.parent / path_part).resolve()
    if not resolved.exists():
        return f"{path_part} does not exist"
    if REPO.resolve() not in resolved.parents and resolved != REPO.resolve():
        return f"{path_part} is outside the repository"
    if fragment:
        if resolved.suffix != ".md":
            return f"anchor {fragment} on a file that is not Markdown"
        if fragment[1:] not in anchors(resolved):
            return f"no heading with anchor {fragment} in {resolved.relative_to(REPO)}"
    return None


# --- the models -------------------------------------------------------------------------


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    if inspect.isclass(annotation) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for arg in typing.get_args(annotation):
        found += _models_in(arg)
    return found


def _enums_in(annotation: Any) -> list[type[enum.Enum]]:
    found: list[type[enum.Enum]] = []
    if inspect.isclass(annotation) and issubclass(annotation, enum.Enum):
        found.append(annotation)
    for arg in typing.get_args(annotation):
        found += _enums_in(arg)
    return found


def documented_models() -> list[tuple[str, type[BaseModel]]]:
    """(name in the heading, model) for each kind of file and each model reachable from one.

    A kind's own model is named by the kind (``measure``), any other by its class.
    """
    by_kind = {kind.model: kind.name for kind in KINDS}
    order: list[type[BaseModel]] = []

    def walk(model: type[BaseModel]) -> None:
        if model in order:
            return
        order.append(model)
        for field in model.model_fields.values():
            for sub in _models_in(field.annotation):
                walk(sub)

    for kind in KINDS:
        walk(kind.model)
    return [(by_kind.get(model, model.__name__), model) for model in order]


def section(page: str, name: str) -> str:
    """The lines under the heading that names ``name`` in backticks, up to the next heading."""
    lines = page.splitlines()
    for i, line in enumerate(lines):
        match = _HEADING.match(line)
        if match and f"(`{name}`)" in match.group(2):
            rest: list[str] = []
            for following in lines[i + 1 :]:
                if _HEADING.match(following):
                    break
                rest.append(following)
            return "\n".join(rest)
    raise AssertionError(f"docs/fi/tietomalli.md has no heading naming (`{name}`)")


MODELS = documented_models()


# --- tests ------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "model"), MODELS, ids=[name for name, _ in MODELS])
def test_every_model_field_is_in_tietomalli(name: str, model: type[BaseModel]) -> None:
    body = section(TIETOMALLI.read_text(encoding="utf-8"), name)
    rows = {
        m.group(1): line
        for line in body.splitlines()
        if (m := re.match(r"^\|\s*`([A-Za-z_][A-Za-z0-9_]*)`\s*\|", line))
    }
    missing = [field for field in model.model_fields if field not in rows]
    assert not missing, f"docs/fi/tietomalli.md, ({name}): fields missing: {missing}"
    extra = sorted(set(rows) - set(model.model_fields))
    assert not extra, f"docs/fi/tietomalli.md, ({name}): fields the model lacks: {extra}"
    for field_name, field in model.model_fields.items():
        for enum_type in _enums_in(field.annotation):
            for member in enum_type:
                assert f"`{member.value}`" in rows[field_name], (name, field_name, member.value)


def test_the_walk_finds_the_nested_models() -> None:
    names = {name for name, _ in MODELS}
    assert {kind.name for kind in KINDS} <= names
    assert {"UpdateEntry", "Action", "AgendaItem", "Indicator", "Observation"} <= names


def _examples() -> list[tuple[str, str]]:
    text = TIETOMALLI.read_text(encoding="utf-8")
    pattern = re.compile(r"^Esimerkki, `([^`]+)`:\n\n```yaml\n(.*?)^```", re.M | re.S)
    return [(m.group(1), m.group(2)) for m in pattern.finditer(text)]


def test_every_kind_has_an_example() -> None:
    schemas = {re.search(r"schemas/(\w+)\.schema\.json", text) for _, text in _examples()}
    assert {m.group(1) for m in schemas if m} == {kind.name for kind in KINDS}


@pytest.mark.parametrize(("path", "text"), _examples(), ids=[p for p, _ in _examples()])
def test_each_tietomalli_example_loads_without_a_diagnostic(path: str, text: str) -> None:
    doc = load_document(path, text.encode("utf-8"))
    assert doc.kind is not None
    assert doc.diagnostics == [], [str(d) for d in doc.diagnostics]


def test_the_guides_exist_and_the_index_links_each() -> None:
    index = DOCS / "fi" / "README.md"
    targets = {target.partition("#")[0] for _, target in links(index)}
    for name in (
        "vastuuhenkilon-opas.md",
        "kokoussihteerin-opas.md",
        "koordinaattorin-opas.md",
        "tietomalli.md",
        "asetukset.md",
    ):
        assert (DOCS / "fi" / name).is_file(), name
        assert name in targets, f"docs/fi/README.md does not link {name}"
    assert (DOCS / "sv" / "README.md").is_file()


@pytest.mark.parametrize("path", GUIDES, ids=[str(p.relative_to(DOCS)) for p in GUIDES])
def test_every_link_in_the_guides_resolves(path: Path) -> None:
    problems = [
        f"{path.relative_to(REPO)}:{line}: {target}: {problem}"
        for line, target in links(path)
        if (problem := link_problem(path, target))
    ]
    assert not problems, "\n".join(problems)


def test_readme_points_to_the_finnish_guides_first() -> None:
    readme = REPO / "README.md"
    head = readme.read_text(encoding="utf-8").splitlines()[:12]
    pointer = "https://github.com/ictgov/ictgov/blob/main/docs/fi/README.md"
    assert any(pointer in line for line in head), "README.md: no Finnish pointer near the top"
    for line, target in links(readme):
        if "/docs/fi/" in target or "/docs/sv/" in target:
            assert GITHUB.match(target), f"README.md:{line}: {target} is not absolute"
            assert link_problem(readme, target) is None, (line, target)


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        (
            "Tapa 2: muokkaus selaimessa ja muutospyyntö",
            "tapa-2-muokkaus-selaimessa-ja-muutospyyntö",
        ),
        ("3. Asiat ja päätökset (§)", "3-asiat-ja-päätökset-"),
        ("Toimenpide (`measure`)", "toimenpide-measure"),
        ("Aamun tilannekatsaus: `ictgov status`", "aamun-tilannekatsaus-ictgov-status"),
        ("Installing a pinned ictgov", "installing-a-pinned-ictgov"),
        ("Jäsen (`Member`)", "jäsen-member"),
        ("`ictgov status --format json`", "ictgov-status---format-json"),
    ],
)
def test_slug_follows_github(heading: str, anchor: str) -> None:
    assert slug(heading_text(heading)) == anchor


# --- the commands the guides show ---------------------------------------------------------

#: The day the guides' example outputs were taken; their commands are run as of that day.
GUIDE_TODAY = "2026-12-03"


def guide_commands() -> list[tuple[str, str]]:
    """(guide, command) of each ``ictgov ...`` line in a ``sh`` block of the guides."""
    found: list[tuple[str, str]] = []
    for path in GUIDES:
        text = path.read_text(encoding="utf-8")
        for block in re.findall(r"^[ \t]*```sh\n(.*?)^[ \t]*```", text, re.M | re.S):
            for line in block.splitlines():
                line = line.strip()
                if line.startswith("ictgov ") and line not in {c for _, c in found}:
                    found.append((str(path.relative_to(DOCS)), line))
    return found


COMMANDS = guide_commands()


@pytest.fixture(scope="module")
def guide_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository of the bundled data, committed before the guides' ``--at`` dates,
    with the workbooks the guides import."""
    import shutil
    import subprocess

    from typer.testing import CliRunner

    from ictgov.cli.main import app

    root = tmp_path_factory.mktemp("guides") / "strategia"
    shutil.copytree(REPO / "data", root / "data", ignore=shutil.ignore_patterns(".ictgov-*"))
    shutil.copytree(REPO / "schemas", root / "schemas")
    (root / "ictgov.toml").write_text("stale_after_days = 120\n", encoding="utf-8")
    when = "2026-11-21T12:00:00+02:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Koordinaattori",
        "GIT_AUTHOR_EMAIL": "koordinaattori@example.fi",
        "GIT_COMMITTER_NAME": "Koordinaattori",
        "GIT_COMMITTER_EMAIL": "koordinaattori@example.fi",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "data"]):
        subprocess.run(["git", *args], cwd=root, check=True, env=env)
    for name in ("tilanne.xlsx", "status.xlsx"):
        result = CliRunner().invoke(
            app,
            ["export", "--format", "xlsx", "--out", str(root / name), "--root", str(root)],
            env={"ICTGOV_TODAY": GUIDE_TODAY},
        )
        assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def guide_repo(guide_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the template: the working directory while a command runs."""
    import shutil

    root = tmp_path / "strategia"
    shutil.copytree(guide_template, root, symlinks=True)
    monkeypatch.chdir(root)
    monkeypatch.setenv("ICTGOV_TODAY", GUIDE_TODAY)
    monkeypatch.setenv("ICTGOV_RENDER_WORKERS", "1")  # small site: no worker start-up
    return root


@pytest.mark.parametrize(("guide", "command"), COMMANDS, ids=[c for _, c in COMMANDS])
def test_every_command_in_the_guides_runs(guide: str, command: str, guide_repo: Path) -> None:
    import shlex

    from typer.testing import CliRunner

    from ictgov.cli.main import app

    result = CliRunner().invoke(app, shlex.split(command)[1:], env={"COLUMNS": "100"})
    assert result.exit_code == 0, f"{guide}: {command}\n{result.output}"


def test_the_guides_show_commands() -> None:
    assert len(COMMANDS) >= 20

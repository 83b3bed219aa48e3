"""The parse cache (``load.cache``) and the result cache (``lint.cache``) change nothing.

Every rule case of tests/fixtures/lint/cases is linted without cache, then cold and
warm through the caches: the findings, with their positions, must be the same.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from ictgov import cachedir
from ictgov.cachedir import CACHE_DIR
from ictgov.lint import cache
from ictgov.lint.run import LintOptions, lint
from ictgov.load import cache as parse_cache
from ictgov.load import parallel
from ictgov.load.plain import PAIRS, Parsed, from_json, to_json
from ictgov.project import Project
from tests.lint.helpers import CASE_TODAY, lint_root, located, make_tree
from tests.lint.test_cli import COMPLETED_AT_40
from tests.lint.test_rules import _cases

ST01_GAMMA = [("ST01", "data/measures/m-gamma.yaml", 8, 11)]


def _age(root: Path) -> None:
    """Make every file look older than the racy window, as files usually are."""
    old = time.time() - 60
    for path in [root, *root.rglob("*")]:
        if CACHE_DIR not in path.parts:
            os.utime(path, (old, old))


def _run(root: Path, **kwargs: Any) -> list[tuple[str, str, int, int]]:
    outcome = lint(LintOptions(root=root, today="2024-12-31", **kwargs))
    return located(outcome.result.diagnostics)


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    real = parse_cache.parse

    def counting(path: str, raw: bytes, max_bytes: int) -> parse_cache.Parsed:
        parsed.append(path)
        return real(path, raw, max_bytes)

    monkeypatch.setattr(parse_cache, "parse", counting)
    return parsed


@pytest.mark.parametrize("case", _cases())
def test_cached_runs_equal_the_plain_run(case: dict[str, Any], tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo", case.get("files"), case.get("config"))
    today = case.get("today", CASE_TODAY).isoformat()
    plain = lint(LintOptions(root=root, today=today, use_cache=False)).result.diagnostics
    assert plain == lint_root(root, case.get("today", CASE_TODAY))
    assert lint(LintOptions(root=root, today=today)).result.diagnostics == plain  # cold
    _age(root)
    (root / CACHE_DIR / cache.RESULT_FILE).unlink()
    assert lint(LintOptions(root=root, today=today)).result.diagnostics == plain  # parse cache
    assert lint(LintOptions(root=root, today=today)).result.diagnostics == plain  # result cache


def test_warm_load_parses_nothing_and_gives_the_same_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """status, show, export and render read the tree through the parse cache too."""
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    parsed = _count_parses(monkeypatch)
    project = Project.open(root)
    plain = project.tree(cached=False)
    cold = project.tree()
    assert len(parsed) == len(cold.documents) > 5
    _age(root)
    parsed.clear()
    warm = project.tree()
    assert parsed == []
    for tree in (cold, warm):
        assert tree.measures == plain.measures and tree.goals == plain.goals
        assert tree.strategy == plain.strategy and tree.meetings == plain.meetings
        assert [d.path for d in tree.documents.values()] == list(plain.documents)
        assert tree.diagnostics == plain.diagnostics
    measure = warm.measure_by_id["m-gamma"]
    assert warm.locate(measure, "progress") == plain.locate(measure, "progress")


def test_same_bytes_are_not_parsed_again_after_a_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """New time stamps, same content (``git checkout``): read and hashed, not parsed."""
    root = make_tree(tmp_path / "repo")
    Project.open(root).tree()
    parsed = _count_parses(monkeypatch)
    for path in (root / "data").rglob("*.yaml"):
        path.write_bytes(path.read_bytes())
    Project.open(root).tree()
    assert parsed == []


def test_changed_file_is_read_again(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo")
    _age(root)
    assert _run(root) == []
    measure = root / "data/measures/m-gamma.yaml"
    measure.write_text(COMPLETED_AT_40, encoding="utf-8")
    assert _run(root) == ST01_GAMMA
    measure.write_text(COMPLETED_AT_40.replace("progress: 40", "progress: 100"), encoding="utf-8")
    assert _run(root) == []
    measure.unlink()
    assert _run(root) == []


def test_the_result_cache_answers_only_an_unchanged_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    _age(root)
    assert _run(root) == ST01_GAMMA
    hits: list[bool] = []
    real = cache.probe

    def probe(request: cache.LintRequest) -> cache.CachedResult | None:
        hit = real(request)
        hits.append(hit is not None)
        return hit

    monkeypatch.setattr(cache, "probe", probe)
    assert _run(root) == ST01_GAMMA and hits == [True]
    assert _run(root, select=["CM"]) == [] and hits[-1] is False  # other options
    (root / "ictgov.toml").write_text("stale_after_days = 30\n", encoding="utf-8")
    with_config = _run(root)
    assert [f[0] for f in with_config] == ["FU01", "ST01"] and hits[-1] is False  # config
    _age(root)
    assert _run(root) == with_config and hits[-1] is False  # new time stamps: a full run
    assert _run(root) == with_config and hits[-1] is True  # which was remembered
    (root / "data/measures/m-new.yaml").write_text(
        COMPLETED_AT_40.replace("m-gamma", "m-new").replace('code: "3"', 'code: "4"'),
        encoding="utf-8",
    )
    assert len(_run(root)) == 3 and hits[-1] is False  # a new file


def test_corrupt_cache_files_are_ignored_and_rebuilt(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    _age(root)
    assert _run(root) == ST01_GAMMA
    cache_files = list((root / CACHE_DIR).rglob("*.json"))
    assert {p.name.split("-")[0] for p in cache_files} == {"files.json", "parse", "lint.json"}
    for garbage in (b"{garbage", b'{"kind": "x"}', b"", b"[1, 2]", json.dumps({"a": 1}).encode()):
        for path in (root / CACHE_DIR).rglob("*.json"):
            path.write_bytes(garbage)
        assert _run(root) == ST01_GAMMA
    for path in (root / CACHE_DIR).rglob("*.json"):  # right kind and folder, wrong payload
        record = json.loads(path.read_bytes())
        record["payload"] = {"files": {"x": [1]}, "key": 3, "m": ["bad"]}
        path.write_text(json.dumps(record), encoding="utf-8")
    assert _run(root) == ST01_GAMMA


def test_a_cache_from_another_folder_is_not_believed(tmp_path: Path) -> None:
    """A committed .ictgov-cache, even a well-formed one, cannot hide a finding."""
    done = COMPLETED_AT_40.replace("progress: 40", "progress: 100")
    clean = make_tree(tmp_path / "clean", {"data/measures/m-gamma.yaml": done})
    assert _run(clean) == []
    folder = next((clean / CACHE_DIR).glob("v*"))
    # The attacker's forgery: the bytes of the bad file, mapped to the clean file's data.
    bad = COMPLETED_AT_40.encode()
    good_key = parse_cache.content_key("data/measures/m-gamma.yaml", done.encode())
    bad_key = parse_cache.content_key("data/measures/m-gamma.yaml", bad)
    forged = 0
    for shard in folder.glob("parse-*.json"):
        record = json.loads(shard.read_bytes())
        if good_key in record["payload"]:
            record["payload"][bad_key] = record["payload"][good_key]
            shard.write_text(json.dumps(record), encoding="utf-8")
            forged += 1
    assert forged == 1
    attacked = make_tree(tmp_path / "attacked", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    shutil.copytree(clean / CACHE_DIR, attacked / CACHE_DIR)
    assert _run(attacked) == ST01_GAMMA


def test_other_code_version_uses_another_folder(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo")
    _run(root)
    old = parse_cache.ParseCache(root).folder()
    assert old is not None
    other = parse_cache.ParseCache(root, fingerprint="0123456789abcdef")
    other.load_documents(parse_cache.FsSource(root))
    assert other.folder() is not None and not old.exists()


def test_unwritable_cache_is_no_error(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    (root / CACHE_DIR).write_text("not a directory", encoding="utf-8")
    assert _run(root) == ST01_GAMMA
    assert _run(root, use_cache=False) == ST01_GAMMA
    assert (root / CACHE_DIR).read_text(encoding="utf-8") == "not a directory"


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    assert _run(root, use_cache=False) == ST01_GAMMA
    assert not (root / CACHE_DIR).exists()


def test_warm_run_of_unchanged_tree_skips_the_model(tmp_path: Path) -> None:
    """The point of the result cache: no data model, no YAML, no rules on a warm run.

    (pydantic itself is imported by Typer 0.29 to coerce options.)
    """
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    _age(root)
    code = (
        "import sys\n"
        "from ictgov.cli.main import app\n"
        "try:\n"
        f"    app(['lint', '--root', {str(root)!r}, '--today', '2024-12-31'])\n"
        "except SystemExit as exc:\n"
        "    print('exit', exc.code)\n"
        "heavy = ('yaml', 'ictgov.model', 'ictgov.lint.rule', 'ictgov.load')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert runs[0].stdout.splitlines()[-1] == str(
        sorted(["ictgov.lint.rule", "ictgov.load", "ictgov.model", "yaml"])
    )
    assert runs[1].stdout.splitlines()[-1] == "[]"
    assert runs[0].stdout.splitlines()[:-1] == runs[1].stdout.splitlines()[:-1]
    assert "exit 1" in runs[1].stdout and "ST01" in runs[1].stdout


def test_cache_files_are_json_that_never_runs_code(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    _run(root)
    files = [p for p in (root / CACHE_DIR).rglob("*") if p.is_file()]
    assert len(files) >= 4
    for path in files:
        if path.name != ".gitignore":
            assert json.loads(path.read_bytes())["kind"] in {"index", "parse", "lint"}


def test_yaml_data_round_trips_through_json() -> None:
    data = {
        "text": "ä",
        1: "int key",
        None: [1.5, math.inf, -math.inf, True, None],
        PAIRS: {"nested": {2: "x"}},
        "list": [{"a": {"b": [1, 2]}}],
    }
    for value in (data, {"x": [{"y": 1}]}, [1, {2: 3}], "plain", None):
        parsed = Parsed(True, value, (), {3: frozenset({"ST01"})})
        back = from_json(json.loads(json.dumps(to_json(parsed))))
        assert back == parsed
    nan = from_json(json.loads(json.dumps(to_json(Parsed(True, {"a": math.nan}, (), {})))))
    assert nan is not None and math.isnan(nan.data["a"])


def test_cache_folder_identity_binds_its_files(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    assert cachedir.write_json(folder / "x.json", "k", {"v": 1})
    assert cachedir.read_json(folder / "x.json", "k") == {"v": 1}
    assert cachedir.read_json(folder / "x.json", "other") is None
    shutil.copytree(folder, tmp_path / "b")
    assert cachedir.read_json(tmp_path / "b" / "x.json", "k") is None


@pytest.fixture
def in_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parse even a small tree in two worker processes, three files per task."""
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(parallel, "CHUNK", 3)
    monkeypatch.setattr(parallel, "workers", lambda: 2)


@pytest.mark.usefixtures("in_workers")
def test_parsing_in_workers_changes_nothing(tmp_path: Path) -> None:
    files = {
        "data/measures/m-gamma.yaml": COMPLETED_AT_40,
        "data/measures/m-broken.yaml": "id: [m-broken\n",
        "data/measures/m-odd.yaml": COMPLETED_AT_40.replace("m-gamma", "m-odd") + "7: seven\n",
    }
    root = make_tree(tmp_path / "repo", files)
    plain = lint(LintOptions(root=root, today="2024-12-31", use_cache=False)).result.diagnostics
    assert {d.code for d in plain} >= {"ST01", "YM01", "SC02"}  # 7: an int key
    assert lint(LintOptions(root=root, today="2024-12-31")).result.diagnostics == plain
    folder = parse_cache.ParseCache(root).folder()
    assert folder is not None and len(list(folder.glob("parse-*.json"))) >= 3  # by workers
    _age(root)
    (root / CACHE_DIR / cache.RESULT_FILE).unlink()
    assert lint(LintOptions(root=root, today="2024-12-31")).result.diagnostics == plain


@pytest.mark.usefixtures("in_workers")
def test_no_worker_processes_falls_back_to_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise OSError("no processes for you")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    assert _run(root) == ST01_GAMMA


_REAL_PARSE_CHUNK = parallel.parse_chunk


def _dies_on_gamma(root: str, paths: list[str], max_bytes: int, shard: str | None) -> str:
    if any("m-gamma" in p for p in paths):
        os._exit(3)  # as if the worker were killed
    return _REAL_PARSE_CHUNK(root, paths, max_bytes, shard)


@pytest.mark.usefixtures("in_workers")
def test_a_worker_that_dies_leaves_its_files_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "parse_chunk", _dies_on_gamma)
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    assert _run(root) == ST01_GAMMA


@pytest.mark.usefixtures("in_workers")
def test_a_checkout_sends_no_known_bytes_to_the_workers(tmp_path: Path) -> None:
    """New stats, same bytes: hashed here, not parsed again by workers into new shards."""
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    first = Project.open(root).tree()
    folder = parse_cache.ParseCache(root).folder()
    assert folder is not None
    shards = sorted(folder.glob("parse-*.json"))
    for path in (root / "data").rglob("*.yaml"):
        path.write_bytes(path.read_bytes())
    again = Project.open(root).tree()
    assert sorted(folder.glob("parse-*.json")) == shards
    assert [m.id for m in again.measures] == [m.id for m in first.measures]

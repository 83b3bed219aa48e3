"""``ictgov status`` answers an unchanged tree from its remembered answer (``ictgov.answers``).

Warm and cold give the same bytes; anything the answer depends on (a file's content,
a new file, the code, the configuration, today, the options, the language
environment) makes a full run; a symlink or a foreign cache is never trusted.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ictgov import answers, cachedir
from ictgov.cachedir import CACHE_DIR
from ictgov.cli.main import app
from ictgov.commands import status as status_command

TODAY = "2026-08-01"
ALPHA = "data/measures/m-alpha.yaml"


def _age(root: Path) -> None:
    """Date every file a minute back, as files in a checkout are (racy-git rule)."""
    old = time.time() - 60
    for path in [root, *root.rglob("*")]:
        if CACHE_DIR not in path.parts:
            os.utime(path, (old, old), follow_symlinks=False)


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records each status run as "full" or "remembered"."""
    seen: list[str] = []
    real = status_command.run_status

    def counting(options: status_command.StatusOptions) -> Any:
        seen.append("full")
        return real(options)

    monkeypatch.setattr(status_command, "run_status", counting)
    return seen


def _status(root: Path, *args: str, runs: list[str] | None = None) -> str:
    before = len(runs) if runs is not None else 0
    result = CliRunner().invoke(app, ["status", "--root", str(root), "--today", TODAY, *args])
    assert result.exit_code == 0, result.output
    if runs is not None and len(runs) == before:
        runs.append("remembered")
    return result.stdout


def test_warm_status_prints_exactly_what_the_cold_one_printed(
    minimal_root: Path, runs: list[str]
) -> None:
    _age(minimal_root)
    cold_text = _status(minimal_root, runs=runs)
    cold_json = _status(minimal_root, "--format", "json", runs=runs)
    warm_text = _status(minimal_root, runs=runs)
    warm_json = _status(minimal_root, "--format", "json", runs=runs)
    assert runs == ["full", "full", "remembered", "remembered"]
    assert warm_text == cold_text
    assert warm_json == cold_json
    assert json.loads(warm_json)["measures"]
    shutil.rmtree(minimal_root / CACHE_DIR)
    assert _status(minimal_root, runs=runs) == cold_text  # cold again, no cache at all
    assert runs[-1] == "full"


def test_a_changed_file_is_a_full_run(minimal_root: Path, runs: list[str]) -> None:
    _age(minimal_root)
    before = _status(minimal_root, "--format", "json", runs=runs)
    alpha = minimal_root / ALPHA
    alpha.write_text(
        alpha.read_text(encoding="utf-8").replace("progress: 40", "progress: 45"),
        encoding="utf-8",
    )
    _age(minimal_root)  # even with an old time stamp: the size and ctime changed
    after = _status(minimal_root, "--format", "json", runs=runs)
    assert runs == ["full", "full"]
    progress = {m["id"]: m["progress"] for m in json.loads(after)["measures"]}
    assert progress["m-alpha"] == 45 and before != after


def test_a_new_file_and_a_removed_file_are_full_runs(minimal_root: Path, runs: list[str]) -> None:
    _age(minimal_root)
    first = _status(minimal_root, runs=runs)
    new = minimal_root / "data/measures/m-gamma.yaml"
    new.write_text(
        (minimal_root / ALPHA)
        .read_text(encoding="utf-8")
        .replace("m-alpha", "m-gamma")
        .replace('code: "1.1"', 'code: "1.9"'),
        encoding="utf-8",
    )
    _age(minimal_root)
    assert "1.9" in _status(minimal_root, runs=runs)
    new.unlink()
    _age(minimal_root)
    assert _status(minimal_root, runs=runs) == first
    assert runs == ["full", "full", "full"]


def test_a_file_modified_just_now_is_not_trusted(minimal_root: Path, runs: list[str]) -> None:
    _age(minimal_root)
    os.utime(minimal_root / ALPHA)  # modified now: a later edit could keep this time stamp
    _status(minimal_root, runs=runs)
    _status(minimal_root, runs=runs)
    assert runs == ["full", "full"]


def test_other_code_is_another_key(
    minimal_root: Path, runs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _age(minimal_root)
    _status(minimal_root, runs=runs)
    monkeypatch.setattr(answers, "package_fingerprint", lambda: "a-new-model")
    _status(minimal_root, runs=runs)
    _status(minimal_root, runs=runs)
    assert runs == ["full", "full", "remembered"]


def test_the_fingerprint_covers_every_file_of_the_package(tmp_path: Path) -> None:
    """A model field, a view or a message catalogue changed: another fingerprint."""
    package = tmp_path / "ictgov"
    (package / "model").mkdir(parents=True)
    (package / "i18n" / "locale").mkdir(parents=True)
    model = package / "model" / "measure.py"
    model.write_text("class Measure: ...\n", encoding="utf-8")
    catalogue = package / "i18n" / "locale" / "fi.mo"
    catalogue.write_bytes(b"\x00")
    first = answers.package_fingerprint(package)
    model.write_text("class Measure:\n    budget: int\n", encoding="utf-8")
    second = answers.package_fingerprint(package)
    catalogue.write_bytes(b"\x01\x02")
    assert len({first, second, answers.package_fingerprint(package)}) == 3


@pytest.mark.parametrize(
    "change",
    ["options", "today", "config", "environment"],
)
def test_what_the_answer_depends_on_is_in_the_key(
    minimal_root: Path, runs: list[str], monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    _age(minimal_root)
    _status(minimal_root, runs=runs)
    args: list[str] = []
    if change == "options":
        args = ["--goal", "g1"]
    elif change == "today":
        args = ["--today", "2026-08-02"]  # the last --today counts
    elif change == "config":
        (minimal_root / "ictgov.toml").write_text("stale_after_days = 30\n", encoding="utf-8")
    else:
        monkeypatch.setenv("ICTGOV_LANG", "sv")
    _status(minimal_root, *args, runs=runs)
    _status(minimal_root, *args, runs=runs)
    assert runs == ["full", "full", "remembered"]


def test_answers_to_several_questions_are_kept(minimal_root: Path, runs: list[str]) -> None:
    _age(minimal_root)
    questions = [[], ["--format", "json"], ["--lang", "en"], ["--goal", "g1"]]
    for args in questions * 2:
        _status(minimal_root, *args, runs=runs)
    assert runs == ["full"] * 4 + ["remembered"] * 4
    kept = sorted((minimal_root / CACHE_DIR).glob("answers-status-*.txt"))
    assert len(kept) == answers.KEEP


def test_a_symlinked_data_file_is_never_remembered(minimal_root: Path, runs: list[str]) -> None:
    alpha = minimal_root / ALPHA
    target = minimal_root / "data" / "m-alpha.real"
    alpha.rename(target)
    alpha.symlink_to(target)
    _age(minimal_root)
    _status(minimal_root, runs=runs)
    _status(minimal_root, runs=runs)
    assert runs == ["full", "full"]
    assert not list((minimal_root / CACHE_DIR).glob("answers-*"))


def test_a_file_turned_into_a_symlink_is_a_full_run(minimal_root: Path, runs: list[str]) -> None:
    _age(minimal_root)
    _status(minimal_root, runs=runs)
    alpha = minimal_root / ALPHA
    target = minimal_root / "data" / "m-alpha.real"
    shutil.copy2(alpha, target)
    alpha.unlink()
    alpha.symlink_to(target)
    _age(minimal_root)
    _status(minimal_root, runs=runs)
    assert runs == ["full", "full"]


def test_a_symlinked_cache_folder_is_neither_read_nor_written(
    minimal_root: Path, tmp_path: Path, runs: list[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (minimal_root / CACHE_DIR).symlink_to(outside)
    _age(minimal_root)
    _status(minimal_root, runs=runs)
    _status(minimal_root, runs=runs)
    assert runs == ["full", "full"] and list(outside.iterdir()) == []


def test_a_cache_from_another_folder_is_not_believed(
    minimal_root: Path, tmp_path: Path, runs: list[str]
) -> None:
    """A committed .ictgov-cache with a forged answer cannot change what status says."""
    _age(minimal_root)
    honest = _status(minimal_root, runs=runs)
    for path in (minimal_root / CACHE_DIR).glob("answers-status-*.txt"):
        path.write_text("all is well\n", encoding="utf-8")  # the text no longer has its hash
    assert _status(minimal_root, runs=runs) == honest
    copy = tmp_path / "clone"
    shutil.copytree(minimal_root, copy, symlinks=True)
    _age(copy)
    assert _status(copy, runs=runs) == honest
    assert runs == ["full", "full", "full"]


def test_cache_files_are_json_or_text_vouched_for_never_pickle(
    minimal_root: Path, runs: list[str]
) -> None:
    _age(minimal_root)
    _status(minimal_root, runs=runs)
    record = cachedir.read_json(minimal_root / CACHE_DIR / "answers-status.json", "answers")
    assert set(record) == {"written", "dirs", "files", "answers"}
    assert set(record["files"]) >= {ALPHA, "data/strategy/strategy.yaml"}
    (text,) = (minimal_root / CACHE_DIR).glob("answers-status-*.txt")
    assert text.read_bytes()[:1] != b"\x80"  # not a pickle: the printed text itself
    assert text.read_text(encoding="utf-8") == _status(minimal_root, runs=runs)


def test_a_run_with_problems_is_not_remembered(minimal_root: Path, runs: list[str]) -> None:
    board = minimal_root / "data" / "meetings" / "board-2023-11-20.yaml"
    board.write_text(
        board.read_text(encoding="utf-8").replace("date: 2023-11-20", "date: 20.11.2023")
    )
    _age(minimal_root)
    for _ in range(2):
        result = CliRunner().invoke(app, ["status", "--root", str(minimal_root)])
        assert result.exit_code == 1
    assert not list((minimal_root / CACHE_DIR).glob("answers-*"))


def test_a_remembered_answer_loads_neither_yaml_nor_the_model(minimal_root: Path) -> None:
    import subprocess
    import sys

    _age(minimal_root)
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from ictgov.cli.main import app\n"
        f"args = ['status', '--root', {str(minimal_root)!r}, '--today', {TODAY!r}]\n"
        "r = CliRunner().invoke(app, args)\n"
        "assert r.exit_code == 0, r.output\n"
        "heavy = ('yaml', 'ictgov.model', 'ictgov.load', 'ictgov.views', 'ictgov.render')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert runs[0].stdout.strip() != "[]"
    assert runs[1].stdout.strip() == "[]"


def test_show_remembers_its_answers_too(
    minimal_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ictgov.commands import show as show_command

    full: list[str] = []
    real = show_command.run_show

    def counting(options: show_command.ShowOptions) -> Any:
        full.append(options.item_id)
        return real(options)

    monkeypatch.setattr(show_command, "run_show", counting)
    _age(minimal_root)

    def show(*args: str) -> str:
        base = ["show", "--root", str(minimal_root), "--today", TODAY]
        result = CliRunner().invoke(app, [*base, *args])
        assert result.exit_code == 0, result.output
        return result.stdout

    cold = [show("m-alpha"), show("m-alpha", "-f", "json"), show("m-beta")]
    warm = [show("m-alpha"), show("m-alpha", "-f", "json"), show("m-beta")]
    assert warm == cold and full == ["m-alpha", "m-alpha", "m-beta"]
    alpha = minimal_root / ALPHA
    alpha.write_text(alpha.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _age(minimal_root)
    assert show("m-alpha") == cold[0] and full[-1] == "m-alpha" and len(full) == 4


def test_export_to_standard_output_remembers_its_bytes(
    minimal_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ictgov.commands.export import ExportOptions, run_export
    from ictgov.project import Opened

    loads: list[int] = []
    real = Opened.basis.fget
    assert real is not None
    monkeypatch.setattr(Opened, "basis", property(lambda self: loads.append(1) or real(self)))
    _age(minimal_root)
    asked = [
        ExportOptions(fmt="json", root=minimal_root, today=TODAY),
        ExportOptions(fmt="csv", tables=("measures",), root=minimal_root, today=TODAY),
    ]
    cold = [run_export(options) for options in asked]
    warm = [run_export(options) for options in asked]
    assert [o.stdout for o in warm] == [o.stdout for o in cold] and len(loads) == 2
    assert isinstance(warm[0].stdout, str) and isinstance(warm[1].stdout, bytes)
    out = tmp_path / "export.json"
    for _ in range(2):  # a file is written every time: never answered from memory
        written = run_export(ExportOptions(fmt="json", out=out, root=minimal_root, today=TODAY))
        assert written.notes == (f"wrote {out}",)
    assert out.read_text(encoding="utf-8") == cold[0].stdout


def test_a_symlinked_configuration_is_never_remembered(minimal_root: Path, runs: list[str]) -> None:
    config = minimal_root / "ictgov.toml"
    real = minimal_root / "settings.toml"
    config.rename(real)
    config.symlink_to(real)  # the link's target could change under an unchanged link
    _age(minimal_root)
    _status(minimal_root, runs=runs)
    _status(minimal_root, runs=runs)
    assert runs == ["full", "full"]

"""``ictgov lint`` through the command line: exit codes, options, configuration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.lint.docs import rules_markdown
from tests.lint.helpers import make_tree

REPO = Path(__file__).resolve().parent.parent.parent
runner = CliRunner()

OVERDUE_ACTION = """\
id: mgmt-2024-06-01
body: mgmt
date: 2024-06-01
items:
  - section: 3
    title: Asia
    actions:
      - what: Tee.
        due: 2024-10-01
"""
COMPLETED_AT_40 = """\
id: m-gamma
code: "3"
title: G
goals: [g1]
responsible: mgmt
indicator: {description: Seurataan.}
status: completed
progress: 40
"""


def lint(root: Path, *args: str, today: str = "2024-12-31") -> tuple[int, str]:
    result = runner.invoke(app, ["lint", "--root", str(root), "--today", today, *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def warn_root(tmp_path: Path) -> Path:
    """A tree whose only finding is a warning (an overdue action, FU03)."""
    return make_tree(tmp_path / "repo", {"data/meetings/mgmt-2024-06-01.yaml": OVERDUE_ACTION})


@pytest.fixture
def error_root(tmp_path: Path) -> Path:
    """A tree with one error (ST01) and one warning (FU03)."""
    return make_tree(
        tmp_path / "repo",
        {
            "data/meetings/mgmt-2024-06-01.yaml": OVERDUE_ACTION,
            "data/measures/m-gamma.yaml": COMPLETED_AT_40,
        },
    )


def test_clean_tree_exits_0(tmp_path: Path) -> None:
    code, out = lint(make_tree(tmp_path / "repo"))
    assert code == 0
    assert out == "No problems found in 11 files.\n"


def test_minimal_fixture_on_suite_day_reports_late_records(tmp_path: Path) -> None:
    code, out = lint(make_tree(tmp_path / "repo"), today="2024-11-01")
    assert code == 1
    assert out.count("DT04") == 3


def test_error_exits_1_with_located_lines(error_root: Path) -> None:
    code, out = lint(error_root, "--no-cache")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(
        "data/measures/m-gamma.yaml:8:11: error ST01 [status.progress] measure 'm-gamma' is "
        "completed but its progress is 40 %"
    )
    assert lines[1].startswith("data/meetings/mgmt-2024-06-01.yaml:9:14: warning FU03 ")
    assert lines[2] == "Found 2 problems (1 error, 1 warning) in 13 files."


def test_warnings_exit_0_unless_fail_on_warning(warn_root: Path) -> None:
    assert lint(warn_root)[0] == 0
    assert lint(warn_root, "--fail-on", "warning")[0] == 1
    (warn_root / "ictgov.toml").write_text('fail_on = "warning"\n', encoding="utf-8")
    assert lint(warn_root)[0] == 1
    assert lint(warn_root, "--fail-on", "error")[0] == 0


@pytest.mark.parametrize(
    "args",
    [
        ["--select", "FU03"],
        ["--select", "followup"],
        ["--select", "FU"],
        ["--select", "ST01,followup.overdue-action"],
        ["--ignore", "status"],
        ["--ignore", "ST01", "--ignore", "DT04"],
    ],
)
def test_select_and_ignore_by_code_name_group_family(error_root: Path, args: list[str]) -> None:
    _, out = lint(error_root, *args)
    assert "FU03" in out
    assert ("ST01" in out) == ("ST01," in args[1])


def test_select_replaces_config_select_and_ignore_adds(error_root: Path) -> None:
    (error_root / "ictgov.toml").write_text('select = ["ST"]\n', encoding="utf-8")
    _, out = lint(error_root)
    assert "ST01" in out and "FU03" not in out
    _, out = lint(error_root, "--select", "FU03")
    assert "ST01" not in out and "FU03" in out
    (error_root / "ictgov.toml").write_text('ignore = ["ST01"]\n', encoding="utf-8")
    _, out = lint(error_root, "--ignore", "FU03")
    assert "ST01" not in out and "FU03" not in out


def test_config_regrades_a_rule(error_root: Path) -> None:
    (error_root / "ictgov.toml").write_text(
        '[lint]\nseverity = {ST01 = "warning", "followup" = "error"}\n', encoding="utf-8"
    )
    code, out = lint(error_root)
    assert code == 1
    assert "warning ST01" in out and "error FU03" in out
    (error_root / "ictgov.toml").write_text(
        '[lint]\nseverity = {ST01 = "warning"}\n', encoding="utf-8"
    )
    assert lint(error_root)[0] == 0


def test_load_codes_can_be_ignored_and_regraded(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo", {"data/notes/readme.yaml": "a: 1\n"})
    code, out = lint(root)
    assert (code, "warning YM08 [file.unknown]" in out) == (0, True)
    assert "YM08" not in lint(root, "--ignore", "file.unknown")[1]
    (root / "ictgov.toml").write_text('severity = {YM08 = "error"}\n', encoding="utf-8")
    assert lint(root)[0] == 1


@pytest.mark.parametrize(
    ("args", "config", "message"),
    [
        (["--select", "ST99"], None, "'ST99' names no lint rule"),
        (["--ignore", "status.progres"], None, "did you mean 'status.progress'?"),
        ([], 'severity = {NOPE = "error"}\n', "'NOPE' names no lint rule"),
        ([], 'severity = {ST01 = "fatal"}\n', "severity"),
        ([], "stale_after_days = 0\n", "stale_after_days"),
    ],
)
def test_bad_selectors_and_config_exit_2(
    error_root: Path, args: list[str], config: str | None, message: str
) -> None:
    if config is not None:
        (error_root / "ictgov.toml").write_text(config, encoding="utf-8")
    code, out = lint(error_root, *args)
    assert code == 2
    assert message in out


def test_bad_today_exits_2(tmp_path: Path) -> None:
    code, out = lint(make_tree(tmp_path / "repo"), today="31.12.2024")
    assert code == 2 and "YYYY-MM-DD" in out


def test_suppression_comments(error_root: Path) -> None:
    measure = error_root / "data/measures/m-gamma.yaml"
    text = measure.read_text(encoding="utf-8")
    measure.write_text(text.replace("progress: 40", "progress: 40  # ictgov: disable=ST01"))
    assert "ST01" not in lint(error_root)[1]
    measure.write_text(text.replace("progress: 40", "progress: 40 # ictgov: disable=CM01"))
    assert "ST01" in lint(error_root)[1]
    measure.write_text(text.replace("progress: 40", "progress: 40 # ictgov: disable=status"))
    assert "ST01" not in lint(error_root)[1]
    measure.write_text("# ictgov: disable-file=status.progress\n" + text)
    assert "ST01" not in lint(error_root)[1]
    other_line = "status: completed # ictgov: disable=ST01"
    measure.write_text(text.replace("status: completed", other_line))
    assert "ST01" in lint(error_root)[1], "a comment on another line suppresses nothing"


def test_findings_are_sorted_by_file_line_column(tmp_path: Path) -> None:
    files = {
        f"data/measures/m-{name}.yaml": COMPLETED_AT_40.replace("m-gamma", f"m-{name}")
        for name in ("zz", "aa", "mm")
    }
    _, out = lint(make_tree(tmp_path / "repo", files), "--format", "json")
    found = [(d["file"], d["line"]) for d in json.loads(out)["diagnostics"]]
    assert found == sorted(found) and len(found) == 3


def test_list_rules_formats() -> None:
    out = runner.invoke(app, ["lint", "--list-rules"]).output
    assert "RF01  error    references.dangling" in out
    assert "YM01" in out and "FU04" in out
    data = json.loads(runner.invoke(app, ["lint", "--list-rules", "--format", "json"]).output)
    assert {"code": "ST01", "name": "status.progress"}.items() <= data[
        [d["code"] for d in data].index("ST01")
    ].items()
    result = runner.invoke(app, ["lint", "--list-rules", "--format", "sarif"])
    assert result.exit_code == 2


def test_markdown_format_only_lists_rules(tmp_path: Path) -> None:
    code, out = lint(make_tree(tmp_path / "repo"), "--format", "markdown")
    assert code == 2 and "--list-rules" in out


def test_docs_rules_md_is_current() -> None:
    """Regenerate with: ictgov lint --list-rules --format markdown > docs/rules.md"""
    page = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == rules_markdown()


def test_a_crashing_rule_is_one_diagnostic_and_exit_2(
    error_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ictgov.lint.rules.status import HealthNotInProgress

    def boom(*args: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(HealthNotInProgress, "check", boom)
    code, out = lint(error_root, "--no-cache")
    assert code == 2
    assert "LN01 [lint.rule-crashed] rule ST02 (status.health) failed: ZeroDivisionError" in out
    assert "ST01" in out and "FU03" in out, "the other rules still report"


def test_at_is_passed_to_project_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ictgov.project import Project

    seen: list[str | None] = []
    real = Project.tree

    def tree(
        self: Project, at: str | None = None, today: object = None, *, cached: bool = True
    ) -> object:
        seen.append(at)
        return real(self, cached=cached)

    monkeypatch.setattr(Project, "tree", tree)
    code, _ = lint(make_tree(tmp_path / "repo"), "--at", "HEAD~1")
    assert (code, seen) == (0, ["HEAD~1"])


def test_lint_does_not_import_heavy_libraries(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = make_tree(tmp_path / "repo")
    code = (
        "import sys\n"
        "from ictgov.cli.main import app\n"
        f"try:\n    app(['lint', '--root', {str(root)!r}, '--today', '2024-12-31'])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('jinja2', 'git', 'ruamel.yaml') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("[]")


def test_bundled_data_has_no_errors(bundled_root: Path) -> None:
    """The issue's 'done when': ``ictgov lint`` on the bundled data exits 0."""
    from tests.conftest import BUNDLED_TODAY

    code, out = lint(bundled_root, today=BUNDLED_TODAY.isoformat())
    assert code == 0, out
    assert " error " not in out


def test_on_hold_past_planned_end_is_overdue_as_in_status(minimal_root: Path) -> None:
    """Lint FU02 and `ictgov status` decide overdue in one place (views.measure_view)."""
    path = minimal_root / "data/measures/m-alpha.yaml"
    text = path.read_text(encoding="utf-8").replace("status: in_progress", "status: on_hold")
    kept = [line for line in text.splitlines(keepends=True) if "health:" not in line]
    path.write_text("".join(kept), encoding="utf-8")
    from ictgov.cli.main import app

    result = CliRunner().invoke(
        app,
        [
            "lint",
            "--root",
            str(minimal_root),
            "--today",
            "2026-11-01",
            "--no-cache",
            "--format",
            "json",
            "--select",
            "FU02",
        ],
    )
    found = [(d["code"], d["file"]) for d in json.loads(result.stdout)["diagnostics"]]
    assert found == [("FU02", "data/measures/m-alpha.yaml")]

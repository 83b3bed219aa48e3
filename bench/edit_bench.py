"""Whole-process timings of ``ictgov update`` and ``ictgov import`` on a large tree.

Targets (issue 5), on the 2-core reference machine:

- ``ictgov update ID --status ...`` on a 1,000-measure tree: under 0.5 s;
- importing a 1,000-row spreadsheet: under 5 s.

The import is timed twice: with every row changed (each measure gets a new
progress value and note, so 1,000 files are edited, validated, linted and
written) and with the unchanged export (nothing is written). Median of N runs,
each on a fresh copy of the tree; ``ictgov --version`` is the start-up floor.

    python bench/edit_bench.py [--runs 5] [--measures 1000] [--check]

``--check`` exits 1 when a median is over its target.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

UPDATE_TARGET = 0.5
IMPORT_TARGET = 5.0


def ictgov_command() -> list[str]:
    """The installed console script, else ``python -m ictgov``."""
    script = shutil.which("ictgov")
    return [script] if script else [sys.executable, "-m", "ictgov"]


#: CPU seconds (user + system) of each child process timed, next to its wall time.
CPU: list[float] = []


def timed(args: Sequence[str], ok: tuple[int, ...] = (0,)) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(args, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if result.returncode not in ok:
        out = result.stdout.decode() + result.stderr.decode()
        raise SystemExit(f"{' '.join(args)} failed:\n{out}")
    return elapsed


def median(runs: int, once: Callable[[int], float]) -> tuple[float, float]:
    """Median wall time and median CPU time of *runs* runs."""
    CPU.clear()
    wall = statistics.median(once(i) for i in range(runs))
    return wall, statistics.median(CPU)


def generated_tree(dest: Path, measures: int) -> tuple[Path, str]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generate import BENCH_TODAY, generate_tree

    return generate_tree(dest, measures=measures), BENCH_TODAY.isoformat()


def changed_workbook(src: Path, dest: Path) -> int:
    """Every measure row of an exported workbook with a new progress and note."""
    from openpyxl import load_workbook

    workbook = load_workbook(src)
    sheet = workbook["measures"]
    header = [c.value for c in sheet[1]]
    status_col, progress_col = header.index("status") + 1, header.index("progress") + 1
    note_col = header.index("last_update_note") + 1
    rows = 0
    for row in range(2, sheet.max_row + 1):
        status = sheet.cell(row, status_col).value
        progress = int(sheet.cell(row, progress_col).value or 0)
        if status == "in_progress":
            sheet.cell(row, progress_col).value = min(progress + 1, 99)
        sheet.cell(row, note_col).value = f"Tilannekatsaus {row}: eteni suunnitellusti."
        rows += 1
    workbook.save(dest)
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--measures", type=int, default=1000)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    cmd = ictgov_command()
    with tempfile.TemporaryDirectory() as tmp:
        base, today = generated_tree(Path(tmp) / "tree", args.measures)
        ids = sorted(p.stem for p in (base / "data" / "measures").glob("*.yaml"))
        target_id = ids[len(ids) // 2]
        floor = median(args.runs, lambda _: timed([*cmd, "--version"]))

        def update(i: int) -> float:
            return timed(
                [*cmd, "update", target_id, "--status", "on_hold" if i % 2 else "in_progress",
                 "--note", f"Ajo {i}", "--root", str(base), "--today", today]
            )  # fmt: skip

        update_s = median(args.runs, update)
        export = Path(tmp) / "export.xlsx"
        timed([*cmd, "export", "-o", str(export), "--root", str(base)])
        workbook = Path(tmp) / "changed.xlsx"
        rows = changed_workbook(export, workbook)

        def import_run(path: Path) -> Callable[[int], float]:
            def once(i: int) -> float:
                copy = Path(tmp) / f"copy-{path.stem}-{i}"
                shutil.copytree(base, copy)
                try:
                    return timed([*cmd, "import", str(path), "--root", str(copy), "--today", today])
                finally:
                    shutil.rmtree(copy)

            return once

        import_changed = median(args.runs, import_run(workbook))
        import_same = median(args.runs, import_run(export))
    results = [
        ("ictgov --version (start-up floor)", floor, None),
        (f"update {target_id} --status --note ({args.measures} measures)", update_s, UPDATE_TARGET),
        (f"import {rows} rows, all changed", import_changed, IMPORT_TARGET),
        (f"import {rows} rows, unchanged", import_same, IMPORT_TARGET),
    ]
    print(f"{'what':<58} {'wall':>8} {'cpu':>8} {'target':>8}")
    failed = False
    for what, (wall, cpu), target in results:
        mark = ""
        if target is not None:
            mark = f"{target:>7.1f}s" + (" OVER" if wall > target else "")
            failed |= wall > target
        print(f"{what:<58} {wall:>7.3f}s {cpu:>7.3f}s {mark:>8}")
    print(f"(medians of {args.runs} runs, whole process, {sys.executable}; cpu = user + system)")
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

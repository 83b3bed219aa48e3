"""Whole-process timing of ``ictgov status`` (median of N runs, output piped).

Target (issue 2): under 0.3 s on the bundled tree on the 2-core reference machine.
Also times the JSON output, generated trees cold (no ``.ictgov-cache``) and warm (the
parse cache filled by the run before), and ``ictgov --version`` as the floor that
interpreter and Typer start-up alone cost. Issue 15: warm ``status`` on 20,000
measures within about 2x of warm ``lint`` (``bench/lint_bench.py``).

    python bench/status_bench.py [--runs 5] [--measures 1000,20000] [--check]

``--check`` exits 1 when the bundled-tree median is over the target.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 0.3
BUNDLED_TODAY = "2026-11-21"


def ictgov_command() -> list[str]:
    """The installed console script, else ``python -m ictgov``."""
    script = shutil.which("ictgov")
    return [script] if script else [sys.executable, "-m", "ictgov"]


#: CPU seconds (user + system) of the last measured command, median over its runs.
CPU: dict[str, float] = {}


def median_seconds(
    args: Sequence[str],
    runs: int,
    env: dict[str, str] | None = None,
    before: Callable[[], None] | None = None,
) -> float:
    """Median wall time of *runs* runs of *args*, stdout piped like ``| less``.

    Also records the median CPU time in :data:`CPU`: on a busy two-core machine the
    wall time grows with other people's work, the CPU time much less.
    """
    times, cpu = [], []
    for _ in range(runs):
        if before is not None:
            before()
        start_usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(args, capture_output=True, check=False, env=env)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - start_usage.ru_utime + after.ru_stime - start_usage.ru_stime)
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed:\n{result.stderr.decode()}")
    CPU[" ".join(args)] = statistics.median(cpu)
    return statistics.median(times)


def _age(root: Path) -> None:
    """Date the files a minute back, as in a checkout (the cache distrusts newer ones)."""
    past = time.time() - 60
    for directory, _, files in os.walk(root):
        os.utime(directory, (past, past))
        for name in files:
            os.utime(os.path.join(directory, name), (past, past))


def generated_tree(dest: Path, measures: int, categories: int = 0) -> tuple[Path, str]:
    """A synthetic tree from bench/generate.py, and the date it is consistent with."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generate import BENCH_TODAY, generate_tree

    tree = generate_tree(dest, measures=measures, categories=categories)
    return tree, BENCH_TODAY.isoformat()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--measures", default="1000", help="comma-separated tree sizes")
    parser.add_argument("--check", action="store_true")
    parser.add_argument(
        "--programme",
        default="300x10",
        help="a programme of MEASURESxCATEGORIES (issue 12): status, --category and JSON "
        "with the per-category roll-up; empty to skip",
    )
    args = parser.parse_args(argv)
    base = ictgov_command()
    rows: list[tuple[str, float, float]] = []

    def row(
        label: str,
        args_: Sequence[str],
        env: dict[str, str] | None = None,
        before: Callable[[], None] | None = None,
    ) -> float:
        wall = median_seconds(args_, args.runs, env, before)
        rows.append((label, wall, CPU[" ".join(args_)]))
        return wall

    row("ictgov --version (start-up floor)", [*base, "--version"])
    bundled = [*base, "status", "--root", str(REPO), "--today", BUNDLED_TODAY]
    bundled_text = row("status, bundled tree, text", bundled)
    row("status, bundled tree, json", [*bundled, "-f", "json"])
    with tempfile.TemporaryDirectory() as tmp:
        # PYTHONDONTWRITEBYTECODE=1 (set on some machines) recompiles every module on
        # every run; an installed package has its bytecode, so time that case too.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        median_seconds(bundled, 1, env)  # warm the bytecode cache
        row("status, bundled tree, text, bytecode cached", bundled, env)
    for measures in (int(n) for n in args.measures.split(",") if n):
        with tempfile.TemporaryDirectory() as tmp:
            root, today = generated_tree(Path(tmp) / "gen", measures)
            _age(root)
            big = [*base, "status", "--root", str(root), "--today", today]

            def drop_cache(root: Path = root) -> None:
                shutil.rmtree(root / ".ictgov-cache", ignore_errors=True)

            row(f"status, {measures} measures, text, cold", big, before=drop_cache)
            median_seconds(big, 1)  # fill the cache
            row(f"status, {measures} measures, text, warm", big)
            row(f"status, {measures} measures, json, warm", [*big, "-f", "json"])
    if args.programme:
        measures, categories = (int(n) for n in args.programme.split("x"))
        with tempfile.TemporaryDirectory() as tmp:
            root, today = generated_tree(Path(tmp) / "prog", measures, categories)
            _age(root)
            prog = [*base, "status", "--root", str(root), "--today", today]
            median_seconds(prog, 1)  # fill the cache
            label = f"programme {measures} in {categories} categories"
            row(f"status, {label}, text, warm", prog)
            row(f"status, {label}, json, warm", [*prog, "-f", "json"])
            row(f"status --category, {label}, warm", [*prog, "--category", "area-3"])
            out = Path(tmp) / "site"
            render = [*base, "render", "--root", str(root), "--today", today, "--out", str(out)]
            row(f"render md fi, {label}", [*render, "--format", "md", "--lang", "fi"])
    load = os.getloadavg()[0]
    print(f"median of {args.runs} runs, whole process, stdout piped ({' '.join(base)})")
    print(
        f"load average {load:.2f} on {os.cpu_count()} cores; "
        f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}"
    )
    print(f"  {'':<58} {'wall':>7} {'cpu':>7}")
    for label, wall, cpu in rows:
        print(f"  {label:<58} {wall:6.3f}s {cpu:6.3f}s")
    verdict = "meets" if bundled_text < TARGET_SECONDS else "MISSES"
    print(f"bundled tree {verdict} the {TARGET_SECONDS} s target")
    return 1 if args.check and bundled_text >= TARGET_SECONDS else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Time whole-process ``ictgov lint`` runs, cold (cache removed) and warm, on several trees.

Trees, generated in a temporary directory: the bundled example (``data/``), 1,000
and 20,000 synthetic measures, and a national roll-up (300 municipalities with 30
measures each). Each time is the median of ``--repeat`` runs (default 5) of the
installed ``ictgov`` command. Takes a few minutes on two cores::

    python bench/lint_bench.py [--repeat 5] [--only 1k,20k]

Generated files are dated a minute back, as files in a checkout usually are (the
cache does not trust files modified in the last two seconds).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import BENCH_TODAY, generate_tree

REPO = Path(__file__).resolve().parent.parent
BUNDLED_TODAY = "2026-11-21"


def _bundled(dest: Path) -> Path:
    shutil.copytree(REPO / "data", dest / "data")
    (dest / "ictgov.toml").write_text("stale_after_days = 120\n", encoding="utf-8")
    return dest


TREES: dict[str, tuple[str, Callable[[Path], Path], str]] = {
    "bundled": ("bundled example", _bundled, BUNDLED_TODAY),
    "1k": ("1,000 measures", lambda d: generate_tree(d, 1000), str(BENCH_TODAY)),
    "20k": ("20,000 measures", lambda d: generate_tree(d, 20_000), str(BENCH_TODAY)),
    "rollup": (
        "roll-up 300 x 30",
        lambda d: generate_tree(d, 9000, municipalities=300),
        str(BENCH_TODAY),
    ),
}


def _command() -> list[str]:
    found = shutil.which("ictgov")
    if found:
        return [found]
    return [sys.executable, "-c", "from ictgov.cli.main import main; main()"]


def _age(root: Path) -> None:
    past = time.time() - 60
    for directory, _, files in os.walk(root):
        os.utime(directory, (past, past))
        for name in files:
            os.utime(os.path.join(directory, name), (past, past))


def _run(cmd: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode == 2:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr.decode()}")
    return elapsed, done.returncode


def bench(name: str, work: Path, repeat: int) -> tuple[str, int, float, float, int]:
    label, make, today = TREES[name]
    root = make(work / name)
    _age(root)
    files = sum(1 for _ in (root / "data").rglob("*.yaml"))
    cmd = [*_command(), "lint", "--root", str(root), "--today", today]
    cold: list[float] = []
    for _ in range(repeat):
        shutil.rmtree(root / ".ictgov-cache", ignore_errors=True)
        elapsed, code = _run(cmd)
        cold.append(elapsed)
    warm = [_run(cmd)[0] for _ in range(repeat)]
    return label, files, statistics.median(cold), statistics.median(warm), code


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Benchmark 'ictgov lint'.")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", default=",".join(TREES), help="comma-separated tree names")
    args = parser.parse_args(argv)
    names = [n for n in args.only.split(",") if n]
    print(f"ictgov lint, whole process, median of {args.repeat}; {os.cpu_count()} CPUs")
    print(f"{'tree':<20} {'files':>7} {'cold s':>8} {'warm s':>8} {'exit':>5}")
    with tempfile.TemporaryDirectory(prefix="ictgov-bench-") as tmp:
        for name in names:
            label, files, cold, warm, code = bench(name, Path(tmp), args.repeat)
            print(f"{label:<20} {files:>7} {cold:>8.3f} {warm:>8.3f} {code:>5}", flush=True)


if __name__ == "__main__":
    main()

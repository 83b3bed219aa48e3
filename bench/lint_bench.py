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
import resource
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


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(cmd: list[str]) -> tuple[float, float, int]:
    """Wall time, CPU time (the command and its worker processes), exit code."""
    cpu = _cpu()
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode == 2:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr.decode()}")
    return elapsed, _cpu() - cpu, done.returncode


Row = tuple[str, int, float, float, float, float, int]


def bench(name: str, work: Path, repeat: int) -> Row:
    label, make, today = TREES[name]
    root = make(work / name)
    _age(root)
    files = sum(1 for _ in (root / "data").rglob("*.yaml"))
    cmd = [*_command(), "lint", "--root", str(root), "--today", today]
    cold: list[tuple[float, float, int]] = []
    for _ in range(repeat):
        shutil.rmtree(root / ".ictgov-cache", ignore_errors=True)
        cold.append(_run(cmd))
    warm = [_run(cmd) for _ in range(repeat)]

    def median(runs: list[tuple[float, float, int]], i: int) -> float:
        return statistics.median(r[i] for r in runs)

    code = cold[-1][2]
    return label, files, median(cold, 0), median(cold, 1), median(warm, 0), median(warm, 1), code


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Benchmark 'ictgov lint'.")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", default=",".join(TREES), help="comma-separated tree names")
    args = parser.parse_args(argv)
    names = [n for n in args.only.split(",") if n]
    load = os.getloadavg()[0]
    print(
        f"ictgov lint, whole process, median of {args.repeat}; {os.cpu_count()} CPUs, "
        f"load average {load:.2f} at start"
    )
    print("(cpu = user+sys of the command and its workers: what contention cannot inflate)")
    header = ("tree", "files", "cold s", "cold cpu", "warm s", "warm cpu", "exit")
    print("{:<20} {:>7} {:>8} {:>9} {:>8} {:>9} {:>5}".format(*header))
    with tempfile.TemporaryDirectory(prefix="ictgov-bench-") as tmp:
        for name in names:
            label, files, cold, cold_cpu, warm, warm_cpu, code = bench(name, Path(tmp), args.repeat)
            print(
                f"{label:<20} {files:>7} {cold:>8.3f} {cold_cpu:>9.3f} {warm:>8.3f} "
                f"{warm_cpu:>9.3f} {code:>5}",
                flush=True,
            )
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()

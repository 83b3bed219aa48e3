"""Warm ``status``, ``show``, ``export``, ``update`` and ``render`` beside warm ``lint``.

Issue 15: on a warm 20,000-measure tree every command that reads the working tree
should answer within about 2x of warm ``lint``, and ``render`` should stay under
1 GB. This generates one tree, warms the caches with one run of each command, then
runs the commands round-robin (``lint``, ``status``, ``show`` ... then again), so
that each row meets the same load on a shared machine (``update`` last: after it
changed a file, nothing is warm), and prints per command the
median wall and CPU seconds (the command and its worker processes), the ratio of
CPU to warm ``lint``'s, and the peak resident memory of the process::

    python bench/commands_bench.py [--measures 20000] [--runs 3] [--only status,show]
                                   [--keep DIR] [--render]

``show`` asks for a different measure each run (a warm ``show`` of another item is
what a person does); ``status`` asks the same question each run, as a person
opening the morning view does. ``update`` writes a new progress each run (through
the same path as a person's update, with its lint check). ``--render`` adds one
render of the whole site (HTML and Markdown, fi/sv/en) for its peak memory.
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

TODAY = str(BENCH_TODAY)


def _command() -> list[str]:
    found = shutil.which("ictgov")
    return [found] if found else [sys.executable, "-m", "ictgov"]


def _age(root: Path) -> None:
    """Date the files a minute back, as in a checkout (the caches distrust newer ones)."""
    past = time.time() - 60
    for directory, _, files in os.walk(root):
        os.utime(directory, (past, past))
        for name in files:
            os.utime(os.path.join(directory, name), (past, past))


def run_once(args: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (with reaped worker processes) and peak RSS in MB."""
    start = time.perf_counter()
    with subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as proc:
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        stderr = proc.stderr.read() if proc.stderr else b""
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}):\n{stderr.decode()}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def commands(root: Path, base: list[str]) -> dict[str, Callable[[int], list[str]]]:
    """Name -> the arguments of its run number *n*."""
    common = ["--root", str(root), "--today", TODAY]
    measures = sorted((root / "data" / "measures").glob("*.yaml"))
    running = next(p for p in measures if "\nstatus: in_progress" in p.read_text("utf-8"))
    return {
        "lint": lambda n: [*base, "lint", *common],
        "status": lambda n: [*base, "status", *common],
        "status json": lambda n: [*base, "status", *common, "--format", "json"],
        "show": lambda n: [*base, "show", measures[(n * 7919) % len(measures)].stem, *common],
        "export json": lambda n: [*base, "export", "--format", "json", *common],
        "export csv": lambda n: [*base, "export", "-f", "csv", "-t", "measures", *common],
        "update": lambda n: [
            *base,
            "update",
            running.stem,
            "--progress",
            str(10 + n % 80),
            "--note",
            f"benchmark run {n}",
            "--date",
            TODAY,
            *common,
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="", help="comma-separated commands (lint always)")
    parser.add_argument("--keep", type=Path, help="generate the tree here and keep it")
    parser.add_argument("--render", action="store_true", help="also one render, for memory")
    args = parser.parse_args(argv)
    base = _command()
    with tempfile.TemporaryDirectory() as tmp:
        dest = args.keep or Path(tmp) / "gen"
        root = dest if (dest / "data").is_dir() else generate_tree(dest, measures=args.measures)
        _age(root)
        table = commands(root, base)
        wanted = {w.strip() for w in args.only.split(",") if w.strip()}
        if wanted:
            table = {k: v for k, v in table.items() if k == "lint" or k in wanted}
        for _ in range(2):  # warm every cache (files aged: the caches trust them)
            for name, argv_of in table.items():
                if name != "update":
                    run_once(argv_of(-1))
        results: dict[str, list[tuple[float, float, int]]] = {name: [] for name in table}
        # update changes a file, after which nothing is warm: its runs come last.
        writers = [name for name in table if name == "update"]
        for n in range(args.runs):
            for name, argv_of in table.items():
                if name not in writers:
                    results[name].append(run_once(argv_of(n)))
        for name in writers:
            run_once(table[name](-1))  # its first run fills the cache of the edit
            results[name] = [run_once(table[name](n)) for n in range(args.runs)]
        render_row = None
        if args.render:
            out = Path(tmp) / "site"
            render_row = run_once([*base, "render", "--root", str(root), "--today", TODAY,
                                   "--out", str(out)])  # fmt: skip
    lint_cpu = statistics.median(c for _, c, _ in results["lint"])
    print(
        f"{args.measures} measures, warm, median of {args.runs} runs round-robin; load "
        f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; PYTHONDONTWRITEBYTECODE="
        f"{os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}"
    )
    print(f"  {'command':<14} {'wall':>8} {'cpu':>8} {'cpu/lint':>9} {'peak RSS':>9}")
    for name, rows in results.items():
        wall = statistics.median(w for w, _, _ in rows)
        cpu = statistics.median(c for _, c, _ in rows)
        peak = max(m for _, _, m in rows)
        print(f"  {name:<14} {wall:7.2f}s {cpu:7.2f}s {cpu / lint_cpu:8.1f}x {peak:6d} MB")
    if render_row is not None:
        wall, cpu, peak = render_row
        print(f"  {'render (once)':<14} {wall:7.2f}s {cpu:7.2f}s {'':>9} {peak:6d} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

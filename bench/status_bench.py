"""Whole-process timing of ``ictgov status`` (median of N runs, output piped).

Target (issue 2): under 0.3 s on the bundled tree on the 2-core reference machine.
Also times the JSON output and a generated 1,000-measure tree, and ``ictgov --version``
as the floor that interpreter and Typer start-up alone cost.

    python bench/status_bench.py [--runs 5] [--measures 1000] [--check]

``--check`` exits 1 when the bundled-tree median is over the target.
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
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 0.3
BUNDLED_TODAY = "2026-11-21"


def ictgov_command() -> list[str]:
    """The installed console script, else ``python -m ictgov``."""
    script = shutil.which("ictgov")
    return [script] if script else [sys.executable, "-m", "ictgov"]


def median_seconds(args: Sequence[str], runs: int, env: dict[str, str] | None = None) -> float:
    """Median wall time of *runs* runs of *args*, stdout piped like ``| less``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(args, capture_output=True, check=False, env=env)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed:\n{result.stderr.decode()}")
    return statistics.median(times)


def generated_tree(dest: Path, measures: int) -> tuple[Path, str]:
    """A synthetic tree from bench/generate.py, and the date it is consistent with."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generate import BENCH_TODAY, generate_tree

    return generate_tree(dest, measures=measures), BENCH_TODAY.isoformat()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--measures", type=int, default=1000)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    base = ictgov_command()
    rows: list[tuple[str, float]] = []
    rows.append(
        ("ictgov --version (start-up floor)", median_seconds([*base, "--version"], args.runs))
    )
    bundled = [*base, "status", "--root", str(REPO), "--today", BUNDLED_TODAY]
    bundled_text = median_seconds(bundled, args.runs)
    rows.append(("status, bundled tree, text", bundled_text))
    rows.append(("status, bundled tree, json", median_seconds([*bundled, "-f", "json"], args.runs)))
    with tempfile.TemporaryDirectory() as tmp:
        # PYTHONDONTWRITEBYTECODE=1 (set on some machines) recompiles every module on
        # every run; an installed package has its bytecode, so time that case too.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        median_seconds(bundled, 1, env)  # warm the bytecode cache
        rows.append(
            ("status, bundled tree, text, bytecode cached", median_seconds(bundled, args.runs, env))
        )
    with tempfile.TemporaryDirectory() as tmp:
        root, today = generated_tree(Path(tmp) / "gen", args.measures)
        big = [*base, "status", "--root", str(root), "--today", today]
        rows.append((f"status, {args.measures} measures, text", median_seconds(big, args.runs)))
        rows.append(
            (
                f"status, {args.measures} measures, json",
                median_seconds([*big, "-f", "json"], args.runs),
            )
        )
    print(f"median of {args.runs} runs, whole process, stdout piped ({' '.join(base)})")
    print(f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}")
    for label, seconds in rows:
        print(f"  {label:<46} {seconds:6.3f} s")
    verdict = "meets" if bundled_text < TARGET_SECONDS else "MISSES"
    print(f"bundled tree {verdict} the {TARGET_SECONDS} s target")
    return 1 if args.check and bundled_text >= TARGET_SECONDS else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Whole-process timing of the git-reading commands on a large generated history.

The repository: ``bench/generate.py``'s tree of 1,000 measures, then 2,000 commits
that each change one to three measures (notes, progress, an update-log entry). Each
window of 100 consecutive commits draws its measures from a pool of 50, so two
revisions 100 commits apart differ in about 50 files, as the issue asks. It is built
with one ``git fast-import`` stream (seconds, not minutes) and cached in
``bench/out/`` (gitignored); delete that folder to rebuild.

Targets (issue 4), median of N runs on the 2-core reference machine:
- ``ictgov history ID`` for one measure: under 0.5 s;
- ``ictgov diff A B`` 100 commits apart (about 50 files): under 0.5 s;
- ``ictgov status --at OLD`` within 20 % of ``ictgov status`` on the working tree.

    python bench/git_bench.py [--runs 5] [--check]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import BENCH_TODAY, generate_tree

OUT = Path(__file__).resolve().parent / "out"
MEASURES = 1000
COMMITS = 2000
WINDOW = 100
POOL = 50
SEED = 4
TARGET = 0.5
AUTHORS = (
    ("Maija Meikäläinen", "maija@example.fi"),
    ("Pekka Virtanen", "pekka@example.fi"),
    ("Liisa Korhonen", "liisa@example.fi"),
)
START = datetime(2023, 1, 2, 8, 0, tzinfo=UTC)


def _data(text: str) -> bytes:
    raw = text.encode("utf-8")
    return b"data %d\n" % len(raw) + raw + b"\n"


def _change(rng: random.Random, text: str, n: int, day: str) -> str:
    """One plausible edit of a measure: new notes, and progress up with a log entry."""
    text = re.sub(r"^notes: .*$", f"notes: Päivitys {n}.", text, count=1, flags=re.M)
    match = re.search(r"^progress: (\d+)$", text, flags=re.M)
    if match and "status: in_progress" in text:
        value = min(95, int(match.group(1)) + rng.choice((5, 10)))
        text = text[: match.start()] + f"progress: {value}" + text[match.end() :]
        text += f"  - date: {day}\n    progress: {value}\n    note: Eteni ({n}).\n"
    return text


def build(dest: Path) -> Path:
    """Generate the tree and its history with git fast-import; return the repository."""
    tree = dest.with_name(dest.name + "-tree")
    shutil.rmtree(tree, ignore_errors=True)
    shutil.rmtree(dest, ignore_errors=True)
    generate_tree(tree, measures=MEASURES)
    files = {
        p.relative_to(tree).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(tree.rglob("*"))
        if p.is_file()
    }
    measures = sorted(f for f in files if f.startswith("data/measures/"))
    rng = random.Random(SEED)
    stream = bytearray()

    def commit(n: int, message: str, changed: dict[str, str]) -> None:
        when = START + timedelta(hours=8 * n)
        name, email = AUTHORS[n % len(AUTHORS)]
        stamp = f"{int(when.timestamp())} +0000"
        stream.extend(f"commit refs/heads/main\nmark :{n + 1}\n".encode())
        stream.extend(f"author {name} <{email}> {stamp}\n".encode())
        stream.extend(f"committer {name} <{email}> {stamp}\n".encode())
        stream.extend(_data(message))
        if n:
            stream.extend(f"from :{n}\n".encode())
        for path, text in changed.items():
            stream.extend(f"M 100644 inline {path}\n".encode())
            stream.extend(_data(text))

    commit(0, "Strategy data", files)
    for n in range(1, COMMITS + 1):
        window = (n - 1) // WINDOW
        pool = measures[(window * POOL) % len(measures) :][:POOL]
        day = (START + timedelta(hours=8 * n)).date().isoformat()
        changed = {}
        for path in rng.sample(pool, rng.randint(1, 3)):
            files[path] = _change(rng, files[path], n, day)
            changed[path] = files[path]
        commit(n, f"Update {len(changed)} measure(s) ({n})", changed)
    dest.mkdir(parents=True)
    git = ["git", "-C", str(dest)]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "fast-import", "--quiet"], input=bytes(stream), check=True)
    subprocess.run([*git, "checkout", "-q", "-f", "main"], check=True)
    shutil.rmtree(tree)
    (dest / ".bench-complete").write_text(f"{MEASURES} {COMMITS} {SEED}\n", encoding="utf-8")
    return dest


def repository() -> Path:
    """The cached benchmark repository, built on first use."""
    dest = OUT / f"git-{MEASURES}-{COMMITS}-{SEED}"
    if not (dest / ".bench-complete").is_file():
        started = time.perf_counter()
        build(dest)
        print(f"built {dest} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return dest


def ictgov() -> list[str]:
    script = shutil.which("ictgov")
    return [script] if script else [sys.executable, "-m", "ictgov"]


def median_seconds(args: Sequence[str], cwd: Path, runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of the whole process.

    CPU time is reported too because wall time on a shared machine includes waiting
    for the processor; on an idle machine the two are close.
    """
    walls, cpus = [], []
    env = {**os.environ, "ICTGOV_TODAY": BENCH_TODAY.isoformat()}
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(args)} failed: {proc.stderr.decode()}")
    return statistics.median(walls), statistics.median(cpus)


def rev(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), "rev-parse", *args], capture_output=True, text=True, check=True
    ).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    repo = repository()
    cmd = ictgov()
    a, b = rev(repo, "HEAD~1100"), rev(repo, "HEAD~1000")
    files = subprocess.run(
        ["git", "-C", str(repo), "diff", "--name-only", a, b], capture_output=True, text=True
    ).stdout.split()
    old = rev(repo, "HEAD~1500")
    has_status = subprocess.run([*cmd, "status", "--help"], capture_output=True).returncode == 0
    status_cmd = "status" if has_status else "lint"
    rows = [
        ("history m-00120", [*cmd, "history", "m-00120"], TARGET),
        (f"diff A B (100 commits, {len(files)} files)", [*cmd, "diff", a, b], TARGET),
        ("diff A B --format markdown", [*cmd, "diff", a, b, "--format", "markdown"], TARGET),
        (f"{status_cmd} (working tree)", [*cmd, status_cmd], None),
        (f"{status_cmd} --at HEAD~1500", [*cmd, status_cmd, "--at", old], None),
        ("--version (start-up floor)", [*cmd, "--version"], None),
    ]
    results: dict[str, float] = {}
    cpu_times: dict[str, float] = {}
    failed = False
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; median of {args.runs}")
    print(f"{'command':44s} {'wall':>8s} {'cpu':>8s}")
    for label, command, target in rows:
        wall, cpu = median_seconds(command, repo, args.runs)
        results[label] = wall
        cpu_times[label] = cpu
        verdict = "" if target is None else ("ok" if wall < target else "SLOW")
        failed |= verdict == "SLOW"
        print(f"{label:44s} {wall:7.3f}s {cpu:7.3f}s  {verdict}")
    now, then = results[f"{status_cmd} (working tree)"], results[f"{status_cmd} --at HEAD~1500"]
    ratio = then / now
    within = ratio <= 1.2
    failed |= not within
    verdict = "ok" if within else "SLOW"
    print(f"{status_cmd} --at / {status_cmd} (wall): {ratio:.2f} ({verdict}: target <= 1.20)")
    cpu_ratio = (
        cpu_times[f"{status_cmd} --at HEAD~1500"] / cpu_times[f"{status_cmd} (working tree)"]
    )
    print(f"{status_cmd} --at / {status_cmd} (cpu):  {cpu_ratio:.2f}")
    return 1 if failed and args.check else 0


if __name__ == "__main__":
    raise SystemExit(main())

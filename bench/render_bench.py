"""Benchmark ``ictgov render`` on a generated tree of 1,000 measures.

Usage::

    python bench/render_bench.py [--measures 1000] [--repeat 3] [--format all|html|md]
                                 [--lang all|fi|sv|en]

The headline is the whole command as a user runs it: ``python -m ictgov render`` in a
fresh process (interpreter start-up, imports, loading the tree, computing the views,
rendering every page, writing the files), wall clock and CPU seconds of all its
processes, best and first of ``--repeat`` runs. The target is 2 s for 1,000 measures,
HTML and Markdown, in fi/sv/en. Below it, the same work in this process split into
loading, rendering and writing, to show where the time goes, and the load average
(other programs on the machine slow the wall clock down). Big sites are rendered by
the command and forked workers together, one per core (``ICTGOV_RENDER_WORKERS=1``
renders in one process).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import BENCH_TODAY, generate_tree

from ictgov.i18n import LANGUAGES
from ictgov.project import Project
from ictgov.render.site import FORMATS, RenderOptions, render_site, write_site

#: Seconds the whole command may take on 1,000 measures, HTML + Markdown, fi/sv/en.
TARGET = 2.0


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _command(root: Path, out: Path, args: argparse.Namespace) -> tuple[float, float]:
    """Wall and CPU seconds of one ``ictgov render`` run in a fresh process."""
    argv = [sys.executable, "-m", "ictgov", "render", "--root", str(root), "--out", str(out)]
    argv += ["--today", BENCH_TODAY.isoformat(), "--format", args.format, "--lang", args.lang]
    c0 = _cpu(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0, _cpu(resource.RUSAGE_CHILDREN) - c0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--measures", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--format", choices=["all", "html", "md"], default="all")
    parser.add_argument("--lang", choices=["all", *LANGUAGES], default="all")
    args = parser.parse_args(argv)
    options = RenderOptions(
        formats=FORMATS if args.format == "all" else (args.format,),
        languages=LANGUAGES if args.lang == "all" else (args.lang,),
    )
    with tempfile.TemporaryDirectory() as tmp:
        root = generate_tree(Path(tmp) / "repo", args.measures)
        runs = [_command(root, Path(tmp) / f"cli-{i}", args) for i in range(args.repeat)]
        project = Project.open(root)
        loads, renders, writes = [], [], []
        files: dict[str, str] = {}
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            tree = project.tree()
            t1 = time.perf_counter()
            files = render_site(tree, BENCH_TODAY, options, stale_after_days=120)
            t2 = time.perf_counter()
            write_site(files, Path(tmp) / "site")
            t3 = time.perf_counter()
            loads.append(t1 - t0)
            renders.append(t2 - t1)
            writes.append(t3 - t2)
    size = sum(len(text.encode("utf-8")) for text in files.values())
    best = min(runs)
    print(
        f"{args.measures} measures, {len(files)} files ({size / 1e6:.1f} MB), "
        f"formats {','.join(options.formats)}, languages {','.join(options.languages)}"
    )
    print(
        f"ictgov render best {best[0]:.3f} s (CPU {best[1]:.3f} s, all processes), "
        f"first {runs[0][0]:.3f} s; target {TARGET:.1f} s: "
        f"{'met' if best[0] <= TARGET else f'missed by {best[0] - TARGET:.3f} s'}"
    )
    print("in this process (already imported):")
    print(f"  load tree     best {min(loads):.3f} s")
    print(f"  render pages  best {min(renders):.3f} s, first {renders[0]:.3f} s")
    print(f"  write files   best {min(writes):.3f} s")
    print(f"load average  {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark ``ictgov render`` on a generated tree of 1,000 measures.

Usage::

    python bench/render_bench.py [--measures 1000] [--repeat 3] [--format all|html|md]
                                 [--lang all|fi|sv|en]

Prints the time to load the tree, to compute the views and render every page in
memory (wall clock, and CPU seconds of all processes, which a busy machine inflates
less), and to write the files, best of ``--repeat`` runs (and the first render, as a
fresh ``ictgov render`` process pays it), and the load average (other programs on the
machine slow the wall clock down). Big sites are rendered by this
process and forked workers together, one per core (``ICTGOV_RENDER_WORKERS=1``
renders in one process).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import BENCH_TODAY, generate_tree

from ictgov.i18n import LANGUAGES
from ictgov.project import Project
from ictgov.render.site import FORMATS, RenderOptions, render_site, write_site


def _cpu() -> float:
    """CPU seconds of this process and its finished workers: stable on a busy machine."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


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
        project = Project.open(root)
        loads, renders, writes, cpus = [], [], [], []
        files: dict[str, str] = {}
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            tree = project.tree()
            t1 = time.perf_counter()
            c1 = _cpu()
            files = render_site(tree, BENCH_TODAY, options, stale_after_days=120)
            cpus.append(_cpu() - c1)
            t2 = time.perf_counter()
            write_site(files, Path(tmp) / "site")
            t3 = time.perf_counter()
            loads.append(t1 - t0)
            renders.append(t2 - t1)
            writes.append(t3 - t2)
    size = sum(len(text.encode("utf-8")) for text in files.values())
    print(
        f"{args.measures} measures, {len(files)} files ({size / 1e6:.1f} MB), "
        f"formats {','.join(options.formats)}, languages {','.join(options.languages)}"
    )
    print(f"load tree     best {min(loads):.3f} s")
    print(f"render pages  best {min(renders):.3f} s (CPU {min(cpus):.3f} s, all processes)")
    # The first run also fills the process's lasting caches (Babel's locale data and
    # formatted dates, remembered Markdown escapes) and memory: what a CLI run pays.
    print(f"render pages  first {renders[0]:.3f} s (CPU {cpus[0]:.3f} s)")
    print(f"write files   best {min(writes):.3f} s")
    print(f"render+write  best {min(r + w for r, w in zip(renders, writes, strict=True)):.3f} s")
    print(f"load average  {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Whole-process timings of ``ictgov round start`` and ``ictgov export --format xlsx``.

Targets (issue 14), on the 2-core reference machine:

- ``ictgov round start`` for 300 owners (a workbook and a message each, and the
  round file): under 10 s;
- ``ictgov export --format xlsx`` of 1,000 measures: under 2 s.

The round tree is a ``bench/generate.py`` tree whose measures are spread over
300 owners (the generated organisations), each with an address in
``[round.recipients]``. Median of N runs, each round into a fresh folder and id;
wall and CPU time are shown, because on a shared machine the wall time mostly
measures the neighbours.

    python bench/round_bench.py [--runs 3] [--owners 300] [--measures 1000] [--check]

``--check`` exits 1 when a median wall time is over its target.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edit_bench import ictgov_command, median, timed
from generate import BENCH_TODAY, generate_tree

ROUND_TARGET = 10.0
EXPORT_TARGET = 2.0
_RESPONSIBLE = re.compile(r"^responsible: .*$", re.MULTILINE)


def round_tree(dest: Path, owners: int, measures: int) -> Path:
    """A generated tree whose measures are spread over *owners* organisations."""
    generate_tree(dest, measures=measures, municipalities=owners)
    from ictgov.config import load_config
    from ictgov.load import FsSource, load_tree

    tree = load_tree(FsSource(dest))
    org_ids = sorted(o.id for o in tree.organisations)[:owners]
    for index, path in enumerate(sorted((dest / "data" / "measures").glob("*.yaml"))):
        text = path.read_text("utf-8")
        owner = org_ids[index % len(org_ids)]
        path.write_text(_RESPONSIBLE.sub(f"responsible: {owner}", text, count=1), "utf-8")
    recipients = "\n".join(f'{o} = "{o}@example.fi"' for o in org_ids)
    config = dest / "ictgov.toml"
    config.write_text(
        config.read_text("utf-8")
        + '[round]\nsender = "koordinaattori@example.fi"\n'
        + f"[round.recipients]\n{recipients}\n",
        "utf-8",
    )
    load_config(dest)  # fail here, not in the timed runs, if the config is wrong
    return dest


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--owners", type=int, default=300)
    parser.add_argument("--measures", type=int, default=1000)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    cmd = ictgov_command()
    today = BENCH_TODAY.isoformat()
    with tempfile.TemporaryDirectory() as tmp:
        base = round_tree(Path(tmp) / "tree", args.owners, args.measures)
        # Warm the parse cache once, as a coordinator's repository is.
        timed([*cmd, "status", "--root", str(base), "--today", today], ok=(0, 1))

        def start(i: int) -> float:
            return timed(
                [*cmd, "round", "start", "--due", "2025-03-31", "--id", f"bench-{i}",
                 "--out", str(Path(tmp) / f"out-{i}"), "--root", str(base), "--today", today]
            )  # fmt: skip

        start_s = median(args.runs, start)
        owners_made = len(list((Path(tmp) / "out-0").glob("*.xlsx")))

        def export(i: int) -> float:
            out = Path(tmp) / f"export-{i}.xlsx"
            return timed([*cmd, "export", "-o", str(out), "--root", str(base), "--today", today])

        export_s = median(args.runs, export)
    results = [
        (f"round start: {owners_made} owners, {args.measures} measures", start_s, ROUND_TARGET),
        (f"export --format xlsx: {args.measures} measures", export_s, EXPORT_TARGET),
    ]
    print(f"{'what':<52} {'wall':>8} {'cpu':>8} {'target':>8}")
    failed = False
    for what, (wall, cpu), target in results:
        over = wall > target
        failed |= over
        print(f"{what:<52} {wall:>7.2f}s {cpu:>7.2f}s {target:>7.1f}s{'  OVER' if over else ''}")
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

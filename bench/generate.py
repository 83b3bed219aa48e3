"""Synthetic strategy trees for benchmarks and large-tree tests.

``generate_tree(dest, measures=1000)`` writes a valid tree (lint-clean when linted
with ``--today`` = :data:`BENCH_TODAY`) whose measure files are about 40 lines, like
the hand-written ones. Deterministic for a given seed, so timings are comparable.

Command line::

    python bench/generate.py DEST --measures 1000 [--meetings 60] [--municipalities 9]
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

#: The date a generated tree is consistent with (nothing stale, overdue or in the future).
BENCH_TODAY = date(2025, 3, 1)
PERIOD = (2023, 2027)
BODIES = ("board", "mgmt", "steering", "devgroup")
GOALS = ("g1", "g2", "g3")
PROJECTS = ("big-procurement", "te-reform")
_WORDS = (
    "tietohallinto",
    "yhteinen",
    "palvelu",
    "kehitys",
    "alusta",
    "asiakas",
    "tieto",
    "turvallisuus",
    "hankinta",
    "integraatio",
    "digitaalinen",
    "osaaminen",
    "arkkitehtuuri",
    "pilvi",
    "data",
    "yhteistyö",
    "kunta",
    "seutu",
)


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n)).capitalize()


def _business_id(n: int) -> str:
    """A valid Finnish business ID derived from *n* (check digit per the 7-4-2 weights)."""
    weights = (7, 9, 10, 5, 8, 4, 2)
    base = 1_000_000 + n * 7
    while True:
        digits = f"{base:07d}"
        rem = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
        if rem != 1:
            return f"{digits}-{0 if rem == 0 else 11 - rem}"
        base += 1


def _org_ids(municipalities: int) -> list[str]:
    return [f"org-{i:03d}" for i in range(municipalities)]


def _strategy_files(dest: Path, municipalities: int) -> None:
    strategy = dest / "data" / "strategy"
    strategy.mkdir(parents=True, exist_ok=True)
    (strategy / "strategy.yaml").write_text(
        "id: bench-strategy\n"
        "title: {fi: Vertailustrategia, en: Benchmark strategy}\n"
        f"period: {{start: {PERIOD[0]}, end: {PERIOD[1]}}}\n"
        "vision:\n  text: Sujuva arki.\n  horizon: 2040\n"
        "value_promises:\n  - id: vp1\n    title: Sujuva arki\n"
        "approval:\n  decisions:\n    - meeting: board-2023-01-10\n      section: 1\n",
        encoding="utf-8",
    )
    goals = ["goals:"]
    for index, goal in enumerate(GOALS, start=1):
        goals += [
            f"  - id: {goal}",
            f'    code: "{index}"',
            f"    title: Tavoite {index}",
            "    value_promises: [vp1]",
        ]
    (strategy / "goals.yaml").write_text("\n".join(goals) + "\n", encoding="utf-8")
    orgs = ["organisations:"]
    for index, org in enumerate(_org_ids(municipalities)):
        orgs += [
            f"  - id: {org}",
            f"    name: Kunta {index}",
            f"    role: {'lead' if index == 0 else 'member'}",
            f'    municipality_code: "{index % 1000:03d}"',
            f'    business_id: "{_business_id(index)}"',
        ]
    (strategy / "organisations.yaml").write_text("\n".join(orgs) + "\n", encoding="utf-8")
    bodies = ["bodies:"]
    for index, body in enumerate(BODIES):
        bodies += [
            f"  - id: {body}",
            f"    name: Elin {body}",
            f"    level: {('strategic', 'strategic', 'tactical', 'operational')[index]}",
            "    organisation: org-000",
        ]
        if index:
            bodies.append(f"    reports_to: {BODIES[index - 1]}")
        if body == "mgmt":
            bodies.append("    cadence: {meetings_per_year: 2}")
    (strategy / "bodies.yaml").write_text("\n".join(bodies) + "\n", encoding="utf-8")
    (strategy / "projects.yaml").write_text(
        "projects:\n"
        "  - id: big-procurement\n    name: Perustietotekniikan hankinta\n"
        "    start: 2023-06-01\n    end: 2025-12-31\n"
        "  - id: te-reform\n    name: TE-uudistus\n    start: 2023-01-01\n    end: 2025-01-01\n",
        encoding="utf-8",
    )
    (strategy / "stakeholders.yaml").write_text(
        "stakeholder_groups:\n  - id: deciders\n    name: Päättäjät\n    influence: high\n",
        encoding="utf-8",
    )


def _measure(
    rng: random.Random, index: int, orgs: list[str], categories: int = 0
) -> tuple[str, str]:
    mid = f"m-{index:05d}"
    status = rng.choices(("planned", "in_progress", "completed"), (2, 5, 2))[0]
    last_day = date(PERIOD[1], 12, 31)
    if status == "planned":
        start = BENCH_TODAY + timedelta(days=rng.randrange(10, 600))
    else:
        start = date(2023, 1, 1) + timedelta(days=rng.randrange(0, 600))
    end = start + timedelta(days=rng.randrange(200, 900))
    if status == "in_progress":
        end = max(end, BENCH_TODAY + timedelta(days=rng.randrange(30, 700)))
    end = min(end, last_day)
    deps = [f"m-{rng.randrange(index):05d}"] if index and rng.random() < 0.3 else []
    lines = [
        "# yaml-language-server: $schema=../../schemas/measure.schema.json",
        f"id: {mid}",
        f'code: "{index // 100 + 1}.{index % 100 + 1}"',
        "title:",
        f"  fi: {_words(rng, 4)}",
        f"  en: Measure {index}",
        f"description: {_words(rng, 12)}.",
        f"goals: [{GOALS[index % len(GOALS)]}]",
        *([f"category: area-{index % categories}"] if categories else []),
        f"responsible: {rng.choice(BODIES[1:])}",
        "followed_by: mgmt",
        f"participants: [{', '.join(sorted(rng.sample(orgs, min(2, len(orgs)))))}]",
        f"status: {status}",
    ]
    if status == "in_progress":
        progress = rng.randrange(10, 95, 5)
        lines += [f"health: {rng.choice(('on_track', 'at_risk'))}", f"progress: {progress}"]
    elif status == "completed":
        progress = 100
        lines.append("progress: 100")
    else:
        progress = 0
    lines += ["schedule:", f"  planned_start: {start}", f"  planned_end: {end}"]
    done_day = min(BENCH_TODAY - timedelta(days=rng.randrange(1, 60)), end)
    done_day = max(done_day, start)
    if status == "completed":
        lines.append(f"  actual_end: {done_day}")
    lines += ["depends_on:", f"  measures: [{', '.join(deps)}]"]
    lines += [f"  projects: [{PROJECTS[index % 2]}]"]
    lines += [
        f"tags: [{rng.choice(_WORDS)}, {rng.choice(_WORDS)}]",
        "indicator:",
        f"  description: {_words(rng, 8)}.",
        '  unit: "%"',
        "  direction: higher",
        f"  baseline: {{value: 0, date: {start}}}",
        f"  target: {{value: 100, date: {end}}}",
        "  values:" if status != "planned" else "  values: []",
        *([f"    - {{date: {start}, value: 0, source: Raportti}}"] if status != "planned" else []),
        f"notes: {_words(rng, 10)}.",
        "updates:",
    ]
    if status == "planned":
        noted = min(start, BENCH_TODAY) - timedelta(days=30)
        lines += [f"  - date: {noted}", "    status: planned", "    note: Suunniteltu."]
    else:
        recent = BENCH_TODAY - timedelta(days=rng.randrange(5, 90))
        last = done_day if status == "completed" else recent
        first = min(start, last)
        lines += [
            f"  - date: {first}",
            "    status: in_progress",
            "    progress: 0",
            "    note: Käynnistetty.",
            f"  - date: {last}",
            f"    status: {status}",
            f"    progress: {progress}",
            f"    note: {_words(rng, 6)}.",
            "    by: Palvelupäällikkö",
        ]
    return mid, "\n".join(lines) + "\n"


def _meeting_dates(meetings: int) -> list[tuple[str, date]]:
    """Meetings spread over bodies and years, so that every cadence is met."""
    out: list[tuple[str, date]] = [("board", date(2023, 1, 10))]
    years = list(range(PERIOD[0], BENCH_TODAY.year + 1))
    slot = 0
    while len(out) < max(meetings, 1 + 2 * len(years)):
        body = "mgmt" if slot % 2 == 0 else BODIES[(slot // 2) % len(BODIES)]
        year = years[(slot // 2) % len(years)]
        span = 300 if year < BENCH_TODAY.year else 40
        day = date(year, 1, 15) + timedelta(days=(slot * 37) % span)
        if all(d != day or b != body for b, d in out):
            out.append((body, day))
        slot += 1
    return out


def _meeting(rng: random.Random, body: str, day: date, sections: dict[tuple[str, int], int]) -> str:
    key = (body, day.year)
    sections[key] = sections.get(key, 0) + 1
    section = sections[key]
    lines = [
        "# yaml-language-server: $schema=../../schemas/meeting.schema.json",
        f"id: {body}-{day}",
        f"body: {body}",
        f"date: {day}",
        "place: Tampere",
        "attendees:",
        "  - post: Tietohallintojohtaja",
        "    organisation: org-000",
        "    role: chair",
        "items:",
        f"  - section: {section}",
        f"    title: {_words(rng, 3)}",
        f"    record_number: {rng.randrange(1, 999)}/00.04.01/{day.year}",
        "    decision: Hyväksyttiin.",
        "    resolution: passed",
        "    concerns: [bench-strategy]",
        "    actions:",
        f"      - what: {_words(rng, 5)}.",
        "        responsible: mgmt",
        f"        due: {day + timedelta(days=60)}",
        f"        done: {'true' if day + timedelta(days=60) < BENCH_TODAY else 'false'}",
    ]
    return "\n".join(lines) + "\n"


def _categories_file(dest: Path, categories: int) -> None:
    """``categories.yaml`` with *categories* programme areas ``area-0`` ... (no randomness)."""
    lines = ["categories:"]
    for n in range(categories):
        lines += [
            f"  - id: area-{n}",
            f"    name: {{fi: Osa-alue {n + 1}, sv: Delområde {n + 1}, en: Area {n + 1}}}",
            f"    order: {n + 1}",
        ]
    (dest / "data" / "strategy" / "categories.yaml").write_text(
        "\n".join(lines) + "\n", encoding="utf-8"
    )


def generate_tree(
    dest: Path,
    measures: int,
    meetings: int = 60,
    seed: int = 0,
    municipalities: int = 9,
    categories: int = 0,
) -> Path:
    """Write a valid synthetic tree under *dest* (``dest/data/...``) and return *dest*.

    With *categories*, measures are spread over that many programme areas (issue 12);
    the random choices stay the same, so other benchmarks see the same tree otherwise.
    """
    rng = random.Random(seed)
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "ictgov.toml").write_text("stale_after_days = 120\n", encoding="utf-8")
    _strategy_files(dest, municipalities)
    if categories:
        _categories_file(dest, categories)
    orgs = _org_ids(municipalities)
    measure_dir = dest / "data" / "measures"
    measure_dir.mkdir(parents=True, exist_ok=True)
    for index in range(measures):
        mid, text = _measure(rng, index, orgs, categories)
        (measure_dir / f"{mid}.yaml").write_text(text, encoding="utf-8")
    meeting_dir = dest / "data" / "meetings"
    meeting_dir.mkdir(parents=True, exist_ok=True)
    sections: dict[tuple[str, int], int] = {}
    for body, day in sorted(_meeting_dates(meetings), key=lambda bd: (bd[1], bd[0])):
        (meeting_dir / f"{body}-{day}.yaml").write_text(
            _meeting(rng, body, day, sections), encoding="utf-8"
        )
    return dest


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--measures", type=int, default=1000)
    parser.add_argument("--meetings", type=int, default=60)
    parser.add_argument("--municipalities", type=int, default=9)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    generate_tree(args.dest, args.measures, args.meetings, args.seed, args.municipalities)
    print(f"wrote {args.measures} measures to {args.dest} (lint with --today {BENCH_TODAY})")


if __name__ == "__main__":
    main()

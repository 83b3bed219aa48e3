"""``round start``: a workbook and a message per owner, and the round file that records them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ictgov import safefs
from ictgov.config import Config
from ictgov.errors import IctgovError
from ictgov.load import Tree
from ictgov.model import Measure, Request, Round
from ictgov.render import parallel
from ictgov.round import store
from ictgov.round.message import build, workbook_name
from ictgov.round.owners import Owner, owners
from ictgov.round.workbook import RoundInfo, write_workbook
from ictgov.views.overview import measure_view

#: From this many owners on, the files are written on every core.
PARALLEL_FROM = 40


@dataclass
class StartReport:
    """What ``round start`` made."""

    round: Round
    folder: Path
    owners: list[Owner]
    #: Owners without an address: their message must be delivered by hand.
    unreachable: list[str] = field(default_factory=list)
    #: Measures with no ``responsible``: nobody is asked about them.
    orphans: list[str] = field(default_factory=list)


def default_id(today: date) -> str:
    """``2026-autumn`` or ``2026-spring``: the two rounds of a year."""
    return f"{today.year}-{'spring' if today.month <= 6 else 'autumn'}"


def default_folder(root: Path, round_id: str) -> Path:
    """Where the workbooks and messages go without ``--out``."""
    return root / "rounds" / round_id


def _request(owner: Owner, today: date, stale_after_days: int, round_id: str) -> Request:
    views = [measure_view(m, today, stale_after_days) for m in owner.measures]
    return Request(
        owner=owner.id,
        language=owner.language,  # type: ignore[arg-type]
        measures=[m.id for m in owner.measures],
        stale=[v.measure.id for v in views if v.stale],
        overdue=[v.measure.id for v in views if v.overdue],
        to=list(owner.addresses),
        workbook=workbook_name(round_id, owner.id),
    )


def start_round(
    root: Path,
    config: Config,
    tree: Tree,
    *,
    today: date,
    due: date,
    round_id: str | None = None,
    only: list[str] | None = None,
    folder: Path | None = None,
) -> StartReport:
    """Write every owner's workbook and ``.eml`` into *folder*, then the round file."""
    if due < today:
        raise IctgovError(f"--due {due.isoformat()} is before today ({today.isoformat()})")
    round_id = round_id or default_id(today)
    path = root / store.relpath(round_id)
    if path.exists():
        raise IctgovError(
            f"round {round_id!r} already exists ({store.relpath(round_id)}); give another --id"
        )
    wanted = set(only) if only else None
    found, orphans = owners(tree, config.round, config.language, only=wanted)
    if wanted:
        known = {o.id for o in found}
        missing = sorted(wanted - known)
        if missing:
            raise IctgovError(
                f"--responsible {', '.join(missing)}: no measure names it as responsible"
            )
    if not found:
        raise IctgovError("no measure has a responsible owner; nobody to ask")
    out = folder or default_folder(root, round_id)
    if folder is None:
        safefs.check_target_folder(out.parent, "rounds/")
    safefs.check_target_folder(out)
    content = tree.strategy.language if tree.strategy else "fi"
    info = RoundInfo(round_id, due, today, config.stale_after_days, content)

    def write(owner: Owner) -> dict[str, str]:
        workbook = out / workbook_name(round_id, owner.id)
        write_workbook(workbook, owner, info)
        message = build(owner, info, config.round.sender, workbook)
        safefs.write_file(workbook.with_suffix(".eml"), bytes(message))
        return {owner.id: workbook.name}

    # Hundreds of owners: one forked worker per core writes its share of the files.
    parallel.run(found, write, parallel.processes(len(found), len(found), PARALLEL_FROM))
    requests = [_request(owner, today, config.stale_after_days, round_id) for owner in found]
    rnd = Round(id=round_id, started=today, due=due, requests=requests)
    store.save(store.Stored(rnd, path, None))
    return StartReport(
        rnd,
        out,
        found,
        unreachable=[o.id for o in found if not o.addresses],
        orphans=[m.id for m in orphans if isinstance(m, Measure)],
    )

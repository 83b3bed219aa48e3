"""``round collect``: returned workbooks into validated updates, each owner's own only.

A returned file goes through the same reading and validation as ``ictgov import``.
Before that, it must belong to the round and change only its owner's measures: the
workbook's keywords name its round and owner (kept by Excel and LibreOffice); a CSV
or a workbook that lost them is matched by the measures it lists. A file collected
before (same bytes) is reported and changes nothing; one that comes after the due
date is collected and reported as late.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from ictgov.config import Config
from ictgov.errors import IctgovError
from ictgov.exchange.importer import import_tables
from ictgov.exchange.readers import Table, read_tables
from ictgov.exchange.report import ImportReport, Outcome
from ictgov.load.cache import load_working_tree
from ictgov.model import Answer, Request, Round
from ictgov.round import store
from ictgov.round.owners import owner_name
from ictgov.round.workbook import parse_keywords

SUFFIXES = (".xlsx", ".xlsm", ".csv")


class CollectOutcome(StrEnum):
    """What became of one returned file."""

    COLLECTED = "collected"
    ALREADY_COLLECTED = "already collected"
    REFUSED = "refused"


@dataclass
class CollectResult:
    """One file: whose it was, what became of it, and why."""

    file: str
    outcome: CollectOutcome
    owner: str | None = None
    owner_name: str | None = None
    detail: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    late: bool = False
    report: ImportReport | None = None


@dataclass
class CollectReport:
    """Every file's result, and the files written (for ``--commit``)."""

    round_id: str
    results: list[CollectResult] = field(default_factory=list)
    written: list[str] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        """Whether any file was refused."""
        return any(r.outcome is CollectOutcome.REFUSED for r in self.results)


def files_in(paths: list[Path]) -> list[Path]:
    """The files to collect: the given files, and the spreadsheets in the given folders."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() in SUFFIXES and not p.name.startswith(("~$", ".~lock"))
            )
        else:
            out.append(path)
    return out


def _workbook_owner(path: Path) -> tuple[str, str] | None:
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return None
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True)
    except Exception:
        return None
    try:
        return parse_keywords(workbook.properties.keywords)
    finally:
        workbook.close()


def _ids(tables: dict[str, Table]) -> list[tuple[str, str]]:
    """(measure id, where) of every row."""
    out: list[tuple[str, str]] = []
    for name, key in (("measures", "id"), ("indicator_values", "measure_id")):
        table = tables.get(name)
        for row in table.rows if table else []:
            value = row.get(key)
            if value is not None:
                out.append((str(value).strip(), row.where(key)))
    return out


def identify(rnd: Round, path: Path, tables: dict[str, Table]) -> Request:
    """The request a returned file answers; IctgovError says why it answers none."""
    ids = _ids(tables)
    marked = _workbook_owner(path)
    if marked is not None:
        round_id, owner = marked
        if round_id != rnd.id:
            raise IctgovError(f"this workbook belongs to round {round_id!r}, not {rnd.id!r}")
        request = rnd.request_for(owner)
        if request is None:
            raise IctgovError(f"round {rnd.id!r} asked nothing of {owner!r}")
    else:
        candidates = [r for r in rnd.requests if any(i in r.measures for i, _ in ids)]
        if not candidates:
            raise IctgovError(f"none of its measures was asked about in round {rnd.id!r}")
        request = max(candidates, key=lambda r: sum(i in r.measures for i, _ in ids))
    foreign = [(i, where) for i, where in ids if i not in request.measures]
    if foreign:
        listing = "; ".join(f"{where}: {i}" for i, where in foreign[:5])
        raise IctgovError(
            f"it may change only the measures of {request.owner}, but it also has rows for "
            f"other measures ({listing}); nothing was imported from it"
        )
    return request


def _already(rnd: Round, digest: str) -> tuple[Request, Answer] | None:
    for request in rnd.requests:
        for answer in request.answers:
            if answer.sha256 == digest:
                return request, answer
    return None


def collect(
    root: Path,
    config: Config,
    round_id: str,
    paths: list[Path],
    *,
    today: date,
    dry_run: bool = False,
) -> CollectReport:
    """Import each returned file into the tree and record it as its owner's answer."""
    stored = store.read(root, round_id)
    rnd = stored.round
    tree = load_working_tree(root, max_bytes=config.max_file_bytes)
    report = CollectReport(rnd.id)
    for path in files_in(paths):
        result = CollectResult(path.name, CollectOutcome.REFUSED)
        report.results.append(result)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            result.detail.append(f"cannot read it ({exc.strerror or exc})")
            continue
        digest = hashlib.sha256(raw).hexdigest()
        seen = _already(rnd, digest)
        if seen is not None:
            request, answer = seen
            result.outcome = CollectOutcome.ALREADY_COLLECTED
            result.owner = request.owner
            result.owner_name = owner_name(request.owner, tree, request.language)
            result.detail.append(
                f"the same file was collected on {answer.date.isoformat()} ({answer.file}); "
                "nothing changed"
            )
            continue
        try:
            tables = read_tables(path)
            for table in tables.values():
                # Read once (the rows stream), then checked for their owner and imported.
                table.rows = list(table.rows)
            request = identify(rnd, path, tables)
        except IctgovError as exc:
            result.detail.append(str(exc))
            continue
        result.owner = request.owner
        result.owner_name = owner_name(request.owner, tree, request.language)
        result.late = today > rnd.due
        imported = import_tables(
            root,
            config,
            tables,
            path.name,
            today,
            when=today,
            by=result.owner_name,
            dry_run=dry_run,
        )
        result.report = imported
        if imported.rejected:
            result.detail += [
                f"{r.where}: {'; '.join(r.details)}"
                for r in imported.rows
                if r.outcome is Outcome.REJECTED
            ]
            result.detail.append("nothing was imported from it")
            continue
        result.outcome = CollectOutcome.COLLECTED
        result.changed = sorted(
            {r.measure_id for r in imported.rows if r.outcome is Outcome.CHANGED and r.measure_id}
        )
        report.written += imported.written
        if result.late:
            result.detail.append(f"late: the round was due {rnd.due.isoformat()}")
        if not dry_run:
            request.answers.append(
                Answer(date=today, file=path.name, sha256=digest, changed=result.changed)
            )
            stored = store.save(stored)
            rel = store.relpath(rnd.id)
            if rel not in report.written:
                report.written.append(rel)
    return report


def commit_message(report: CollectReport) -> str:
    """``Reporting round 2026-autumn: answers from A, B`` and what each changed."""
    answered = [r for r in report.results if r.outcome is CollectOutcome.COLLECTED]
    names = ", ".join(dict.fromkeys(r.owner_name or r.owner or "?" for r in answered))
    lines = [f"Reporting round {report.round_id}: answers from {names}", ""]
    for r in answered:
        changed = ", ".join(r.changed) or "no changes"
        lines.append(f"- {r.owner_name or r.owner} ({r.file}): {changed}")
    return "\n".join(lines) + "\n"


def git_commit(root: Path, files: list[str], message: str) -> str:
    """Commit exactly *files* with *message*; the new commit's hash."""
    import subprocess

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise IctgovError(f"git {args[0]} failed: {done.stderr.strip()}")
        return done.stdout.strip()

    git("add", "--", *files)
    git("commit", "-q", "-m", message, "--", *files)
    return git("rev-parse", "HEAD")

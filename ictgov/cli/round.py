"""``ictgov round``: ask every measure owner for a status update, send, collect, follow up."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ictgov.cli.errors import guarded
from ictgov.cli.options import Language, RootOption, TodayOption
from ictgov.errors import ConfigError
from ictgov.i18n.speak import _, ngettext, pgettext


class StateFormat(StrEnum):
    """How ``round status`` prints."""

    TEXT = "text"
    JSON = "json"


RoundId = Annotated[
    str | None,
    typer.Argument(
        metavar="ID", help="Round id (default: the round started last).", show_default=False
    ),
]
OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        help="Folder of the workbooks and messages (default: rounds/<id>/ in the repository).",
        file_okay=False,
        show_default=False,
    ),
]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Show what would be sent; send nothing.")]

round_app = typer.Typer(
    name="round",
    help="The reporting round: a workbook and a message per measure owner, sent, collected "
    "and followed up, recorded in data/rounds/<id>.yaml. See docs/round.md.",
    no_args_is_help=True,
)


def outcome_word(outcome: str) -> str:
    """What became of a message or a returned file, in the reader's language."""
    words = {
        "sent": pgettext("round", "sent"),
        "already sent": pgettext("round", "already sent"),
        "would send": pgettext("round", "would send"),
        "no address": pgettext("round", "no address"),
        "request not sent yet (run 'ictgov round send')": pgettext(
            "round", "request not sent yet (run 'ictgov round send')"
        ),
        "temporary failure": pgettext("round", "temporary failure"),
        "permanent failure": pgettext("round", "permanent failure"),
        "collected": pgettext("round", "collected"),
        "already collected": pgettext("round", "already collected"),
        "refused": pgettext("round", "refused"),
    }
    return words.get(outcome, outcome)


def register(app: typer.Typer) -> None:
    """Add the ``round`` command group to the app."""
    app.add_typer(round_app, name="round")


def _date(option: str, value: str) -> object:
    from ictgov.edit.periods import parse_date

    try:
        return parse_date(value)
    except ValueError as exc:
        raise ConfigError(_("{option}: {problem}").format(option=option, problem=exc)) from None


@round_app.command("start")
@guarded
def start(
    due: Annotated[str, typer.Option("--due", help="Answers are due by this date (YYYY-MM-DD).")],
    round_id: Annotated[
        str | None,
        typer.Option(
            "--id", help="Round id (default: <year>-spring or <year>-autumn).", show_default=False
        ),
    ] = None,
    responsible: Annotated[
        list[str] | None,
        typer.Option("--responsible", help="Only this owner (repeatable).", show_default=False),
    ] = None,
    out: OutOption = None,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Write one workbook and one message per owner, and record the round."""
    from datetime import date

    from ictgov.config import load_config, resolve_root, resolve_today
    from ictgov.load.cache import load_working_tree
    from ictgov.round.start import start_round

    day = resolve_today(today)
    due_date = _date("--due", due)
    assert isinstance(due_date, date)
    found = resolve_root(root)
    config = load_config(found)
    tree = load_working_tree(found, max_bytes=config.max_file_bytes)
    report = start_round(
        found,
        config,
        tree,
        today=day,
        due=due_date,
        round_id=round_id,
        only=responsible,
        folder=out,
    )
    owners = len(report.owners)
    typer.echo(
        ngettext(
            "round {id}: {n} owner, due {due}; workbooks and messages in {folder}",
            "round {id}: {n} owners, due {due}; workbooks and messages in {folder}",
            owners,
        ).format(
            id=report.round.id, n=owners, due=report.round.due.isoformat(), folder=report.folder
        )
    )
    for owner_id in report.unreachable:
        typer.echo(
            "  "
            + _(
                "no address for {owner}: deliver its message by hand, or add it under "
                "[round.recipients] (see docs/round.md)"
            ).format(owner=owner_id)
        )
    if report.orphans:
        typer.echo(
            "  "
            + _("no responsible owner, nobody asked: {measures}").format(
                measures=", ".join(report.orphans)
            )
        )
    typer.echo(
        _("recorded in data/rounds/{id}.yaml; next: ictgov round send").format(id=report.round.id)
    )


def _send(
    round_id: str | None,
    out: Path | None,
    root: Path | None,
    today: str | None,
    dry_run: bool,
    reminder: bool,
) -> None:
    from ictgov.config import load_config, resolve_root, resolve_today
    from ictgov.load.cache import load_working_tree
    from ictgov.model import MessageKind
    from ictgov.round import store
    from ictgov.round.send import SendOutcome, send_round
    from ictgov.round.start import default_folder

    day = resolve_today(today)
    found = resolve_root(root)
    config = load_config(found)
    rid = round_id or store.latest(found)
    tree = load_working_tree(found, max_bytes=config.max_file_bytes)
    report = send_round(
        found,
        config,
        tree,
        rid,
        out or default_folder(found, rid),
        today=day,
        kind=MessageKind.REMINDER if reminder else MessageKind.REQUEST,
        dry_run=dry_run,
    )
    for r in report.results:
        # Owners, never addresses: this output may be pasted into a report.
        detail = f": {r.detail}" if r.detail else ""
        typer.echo(f"{r.owner}\t{outcome_word(r.outcome.value)}{detail}")
    counts = {o: sum(1 for r in report.results if r.outcome is o) for o in SendOutcome}
    said = ", ".join(f"{n} {outcome_word(o.value)}" for o, n in counts.items() if n)
    typer.echo(said or _("nothing to send"))
    if report.failed:
        raise typer.Exit(1)


@round_app.command("send")
@guarded
def send(
    round_id: RoundId = None,
    dry_run: DryRun = False,
    out: OutOption = None,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Send each owner's message over SMTP (section round of ictgov.toml), never twice to anyone.

    Each delivery is recorded in the round file as it happens, so an interrupted run
    resumes. Exit code 1 when a message could not be delivered.
    """
    _send(round_id, out, root, today, dry_run, reminder=False)


@round_app.command("remind")
@guarded
def remind(
    round_id: RoundId = None,
    dry_run: DryRun = False,
    out: OutOption = None,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Remind the owners who have not answered (at most once a day each)."""
    _send(round_id, out, root, today, dry_run, reminder=True)


@round_app.command("collect")
@guarded
def collect(
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE|DIR...", help="Returned workbooks or CSV files.")
    ],
    round_id: Annotated[
        str | None,
        typer.Option(
            "--id", help="Round id (default: the round started last).", show_default=False
        ),
    ] = None,
    commit: Annotated[
        bool,
        typer.Option("--commit", help="Commit the changes in one commit that says who answered."),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check the files; write nothing.")
    ] = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Import returned workbooks: each may change only its owner's measures.

    Exit code 1 when a file is refused (it then changes nothing).
    """
    from ictgov.config import load_config, resolve_root, resolve_today
    from ictgov.round import store
    from ictgov.round.collect import CollectOutcome, commit_message, git_commit
    from ictgov.round.collect import collect as run

    day = resolve_today(today)
    found = resolve_root(root)
    config = load_config(found)
    rid = round_id or store.latest(found)
    report = run(found, config, rid, files, today=day, dry_run=dry_run)
    for r in report.results:
        who = r.owner_name or r.owner or "?"
        typer.echo(f"{r.file}\t{who}\t{outcome_word(r.outcome.value)}")
        if r.outcome is CollectOutcome.COLLECTED:
            changed = ", ".join(r.changed) or _("nothing (no new values)")
            typer.echo("  " + _("changed: {what}").format(what=changed))
        for line in r.detail:
            typer.echo(f"  {line}")
    if commit and report.written and not dry_run:
        sha = git_commit(found, report.written, commit_message(report))
        typer.echo(_("committed {commit}").format(commit=sha[:12]))
    if report.refused:
        raise typer.Exit(1)


@round_app.command("status")
@guarded
def status(
    round_id: RoundId = None,
    fmt: Annotated[
        StateFormat, typer.Option("--format", "-f", help="text or json.", case_sensitive=False)
    ] = StateFormat.TEXT,
    lang: Annotated[
        Language | None,
        typer.Option(
            "--lang",
            help="Language of the text (default: 'language' of the configuration).",
            show_default=False,
            case_sensitive=False,
        ),
    ] = None,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Who has answered, who has not, and which measures are still stale. Never addresses."""
    from ictgov.config import load_config, resolve_root, resolve_today
    from ictgov.load.cache import load_working_tree
    from ictgov.round import store
    from ictgov.round.state import round_state, state_lines

    day = resolve_today(today)
    found = resolve_root(root)
    config = load_config(found)
    rid = round_id or store.latest(found)
    rnd = store.read(found, rid).round
    tree = load_working_tree(found, max_bytes=config.max_file_bytes)
    words = (lang.value if lang else None) or config.language
    state = round_state(rnd, tree, day, config.stale_after_days, words)
    if fmt is StateFormat.JSON:
        typer.echo(json.dumps(state.as_dict(), ensure_ascii=False, indent=2))
        return
    for line in state_lines(state, words):
        typer.echo(line)

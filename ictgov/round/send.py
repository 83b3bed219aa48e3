"""``round send`` and ``round remind``: each message once per person, recorded as it goes.

Before a message goes out the round file is checked for a delivery of the same kind
to the same address (for reminders: on the same day); after the server accepts it,
the delivery is written to the round file at once. So a run that is interrupted, or
repeated, never sends anyone the same request twice, and resumes where it stopped.
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from email.message import EmailMessage
from enum import StrEnum
from pathlib import Path

from ictgov.config import Config
from ictgov.errors import IctgovError
from ictgov.load import Tree
from ictgov.model import Delivery, MessageKind, Request
from ictgov.round import store
from ictgov.round.message import build
from ictgov.round.owners import Owner, owner_name
from ictgov.round.smtp import BACKOFF, DeliveryError, Server, deliver, server_from
from ictgov.round.workbook import RoundInfo
from ictgov.safefs import read_regular


class SendOutcome(StrEnum):
    """What became of one message to one address."""

    SENT = "sent"
    ALREADY_SENT = "already sent"
    WOULD_SEND = "would send"
    NO_ADDRESS = "no address"
    REQUEST_NOT_SENT = "request not sent yet (run 'ictgov round send')"
    TEMPORARY_FAILURE = "temporary failure"
    PERMANENT_FAILURE = "permanent failure"


@dataclass
class SendResult:
    """One owner and address, and what happened."""

    owner: str
    address: str | None
    outcome: SendOutcome
    detail: str = ""


@dataclass
class SendReport:
    """Every result of a ``send`` or ``remind`` run."""

    round_id: str
    results: list[SendResult] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """Whether any message could not be delivered."""
        return any(
            r.outcome in (SendOutcome.TEMPORARY_FAILURE, SendOutcome.PERMANENT_FAILURE)
            for r in self.results
        )


def _already(request: Request, kind: MessageKind, address: str, today: date) -> bool:
    return any(
        d.kind is kind and d.to == address and (kind is MessageKind.REQUEST or d.date == today)
        for d in request.sent
    )


def _read_eml(path: Path) -> EmailMessage:
    try:
        raw = read_regular(path)
    except OSError:
        raise IctgovError(
            f"{path}: the message file is missing or not a file; give --out with the folder "
            "'round start' wrote to"
        ) from None
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def _owner(request: Request, tree: Tree) -> Owner:
    measures = [tree.measure_by_id[m] for m in request.measures if m in tree.measure_by_id]
    name = owner_name(request.owner, tree, request.language)
    return Owner(request.owner, name, request.language, list(request.to), measures)


def send_round(
    root: Path,
    config: Config,
    tree: Tree,
    round_id: str,
    folder: Path,
    *,
    today: date,
    kind: MessageKind = MessageKind.REQUEST,
    dry_run: bool = False,
    server: Server | None = None,
    backoff: Sequence[float] = BACKOFF,
    sleep: Callable[[float], None] | None = None,
) -> SendReport:
    """Send the requests (or reminders to those who have not answered) of a round."""
    stored = store.read(root, round_id)
    sender = config.round.sender
    if not sender and not dry_run:
        raise IctgovError('set sender = "name@example.fi" under [round] in ictgov.toml')
    if server is None and not dry_run:
        server = server_from(config.round)
    rnd = stored.round
    info = RoundInfo(
        rnd.id,
        rnd.due,
        today,
        config.stale_after_days,
        tree.strategy.language if tree.strategy else "fi",
    )
    report = SendReport(rnd.id)
    unreachable = ""
    for request in rnd.requests:
        if kind is MessageKind.REMINDER and request.answers:
            continue
        if not request.to:
            report.results.append(SendResult(request.owner, None, SendOutcome.NO_ADDRESS))
            continue
        message: EmailMessage | None = None
        for address in request.to:
            if kind is MessageKind.REMINDER and not _already(
                request, MessageKind.REQUEST, address, today
            ):
                report.results.append(
                    SendResult(request.owner, address, SendOutcome.REQUEST_NOT_SENT)
                )
                continue
            if _already(request, kind, address, today):
                report.results.append(SendResult(request.owner, address, SendOutcome.ALREADY_SENT))
                continue
            if dry_run:
                report.results.append(SendResult(request.owner, address, SendOutcome.WOULD_SEND))
                continue
            if unreachable:
                report.results.append(
                    SendResult(
                        request.owner,
                        address,
                        SendOutcome.TEMPORARY_FAILURE,
                        f"not tried: {unreachable}",
                    )
                )
                continue
            if message is None:
                if kind is MessageKind.REQUEST:
                    message = _read_eml(folder / Path(request.workbook).with_suffix(".eml").name)
                else:
                    workbook = folder / Path(request.workbook).name
                    message = build(
                        _owner(request, tree),
                        info,
                        sender,
                        workbook if workbook.is_file() else None,
                        reminder=True,
                    )
                if message["From"] is None:
                    message["From"] = sender
            assert server is not None and sender is not None
            try:
                deliver(
                    server,
                    message,
                    sender,
                    address,
                    backoff=backoff,
                    **({"sleep": sleep} if sleep else {}),
                )
            except DeliveryError as exc:
                outcome = (
                    SendOutcome.TEMPORARY_FAILURE
                    if exc.temporary
                    else SendOutcome.PERMANENT_FAILURE
                )
                report.results.append(SendResult(request.owner, address, outcome, str(exc)))
                if exc.unreachable:
                    unreachable = str(exc)
                continue
            request.sent.append(Delivery(kind=kind, to=address, date=today))
            stored = store.save(stored)
            report.results.append(SendResult(request.owner, address, SendOutcome.SENT))
    return report

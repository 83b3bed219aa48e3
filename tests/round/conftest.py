"""A real SMTP server on localhost (aiosmtpd), and a bundled tree in a git repository."""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest

#: Owners of the bundled measures, and the address each gets in the tests.
ADDRESSES = {
    "communications-cooperation": "viestinta@example.fi",
    "evaka-steering-group": "evaka@example.fi",
    "regional-ict-management-group": "johtoryhma@example.fi",
    "regional-ict-management-team": "tiimi@example.fi",
    "surrounding-municipalities-steering-group": "kehys@example.fi",
    "tampere": "tampere@example.fi",
}


@dataclass
class Received:
    """What the test server accepted: one entry per envelope recipient."""

    messages: list[tuple[str, EmailMessage]] = field(default_factory=list)
    #: Replies to give to DATA before accepting: e.g. ["451 4.3.0 try later"].
    data_replies: list[str] = field(default_factory=list)
    #: Recipients refused at RCPT with a 5xx reply.
    refuse: set[str] = field(default_factory=set)

    def to(self, address: str) -> list[EmailMessage]:
        return [m for a, m in self.messages if a == address]


class _Handler:
    def __init__(self, received: Received) -> None:
        self.received = received

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.received.refuse:
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.received.data_replies:
            return self.received.data_replies.pop(0)
        parsed = message_from_bytes(envelope.content, policy=default)
        assert isinstance(parsed, EmailMessage)
        for rcpt in envelope.rcpt_tos:
            self.received.messages.append((rcpt, parsed))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, Received]]:
    """A local SMTP server: its port and what it received."""
    from aiosmtpd.controller import Controller

    received = Received()
    port = free_port()
    controller = Controller(_Handler(received), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, received
    finally:
        controller.stop()


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture
def round_repo(bundled_root: Path, smtp_server: tuple[int, Received]) -> Path:
    """The bundled tree in a git repository, configured to mail the local test server."""
    port, _ = smtp_server
    recipients = "\n".join(f'{k} = "{v}"' for k, v in ADDRESSES.items())
    (bundled_root / "ictgov.toml").write_text(
        "stale_after_days = 120\n"
        "[round]\n"
        f'smtp_host = "127.0.0.1"\nsmtp_port = {port}\nsmtp_security = "none"\n'
        'sender = "koordinaattori@example.fi"\n'
        f"[round.recipients]\n{recipients}\n"
        '[round.languages]\ntampere = "sv"\n',
        encoding="utf-8",
    )
    git(bundled_root, "init", "-q", "-b", "main")
    git(bundled_root, "config", "user.email", "test@example.fi")
    git(bundled_root, "config", "user.name", "Test")
    git(bundled_root, "add", "-A")
    git(bundled_root, "commit", "-q", "-m", "initial")
    return bundled_root

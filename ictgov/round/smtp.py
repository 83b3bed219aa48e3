"""Delivering one message to one address over SMTP, retrying what may pass later.

A 4xx reply, a refused or dropped connection or a timeout is temporary: tried again
after a growing pause. A 5xx reply or a malformed address is permanent: reported at
once. The password comes only from ``ICTGOV_SMTP_PASSWORD`` or, when the optional
``keyring`` package is installed, the system keyring (service ``ictgov-smtp``) -
never from a file in the repository.
"""

from __future__ import annotations

import os
import re
import smtplib
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.message import EmailMessage

from ictgov.config import RoundConfig, SmtpSecurity
from ictgov.errors import IctgovError

PASSWORD_ENV = "ICTGOV_SMTP_PASSWORD"
KEYRING_SERVICE = "ictgov-smtp"
DEFAULT_PORTS = {SmtpSecurity.NONE: 25, SmtpSecurity.STARTTLS: 587, SmtpSecurity.TLS: 465}
#: Pauses between attempts after a temporary failure, in seconds (four attempts in all).
BACKOFF: tuple[float, ...] = (2.0, 8.0, 30.0)
_ADDRESS = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+$")


class DeliveryError(Exception):
    """A message did not reach the server for an address; ``temporary`` says if retrying helps."""

    def __init__(self, detail: str, *, temporary: bool, unreachable: bool = False) -> None:
        super().__init__(detail)
        self.temporary = temporary
        #: The server itself could not be reached: no other address will fare better.
        self.unreachable = unreachable


@dataclass(frozen=True)
class Server:
    """Where and how to connect, and as whom."""

    host: str
    port: int
    security: SmtpSecurity
    user: str | None
    password: str | None
    timeout: float = 30.0


def password_for(user: str | None) -> str | None:
    """The SMTP password: the environment first, then the keyring if it is installed."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    if not user:
        return None
    try:
        import keyring  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, user)
    except Exception:
        return None
    return found if isinstance(found, str) else None


def server_from(config: RoundConfig) -> Server:
    """The server settings of ``[round]``; a user without a password is a clear error."""
    port = config.smtp_port or DEFAULT_PORTS[config.smtp_security]
    password = password_for(config.smtp_user)
    if config.smtp_user and not password:
        raise IctgovError(
            f"smtp_user is {config.smtp_user!r} but there is no password: set "
            f"{PASSWORD_ENV}, or store it with 'keyring set {KEYRING_SERVICE} {config.smtp_user}'"
        )
    return Server(config.smtp_host, port, config.smtp_security, config.smtp_user, password)


def valid_address(address: str) -> bool:
    """Whether *address* looks like one mailbox (name@domain.tld)."""
    return bool(_ADDRESS.match(address.strip()))


def _connect(server: Server) -> smtplib.SMTP:
    if server.security is SmtpSecurity.TLS:
        client: smtplib.SMTP = smtplib.SMTP_SSL(
            server.host, server.port, timeout=server.timeout, context=ssl.create_default_context()
        )
    else:
        client = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
        if server.security is SmtpSecurity.STARTTLS:
            client.starttls(context=ssl.create_default_context())
    if server.user and server.password:
        client.login(server.user, server.password)
    return client


def _close(client: smtplib.SMTP) -> None:
    """Say goodbye; a server that hangs up first has still accepted the message."""
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()


def _text(value: bytes | str) -> str:
    return value.decode(errors="replace") if isinstance(value, bytes) else value


def _classify(exc: Exception) -> DeliveryError:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, reply = next(iter(exc.recipients.values()))
        detail = f"{code} {_text(reply)}"
        return DeliveryError(f"address refused: {detail}", temporary=400 <= code < 500)
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        raise IctgovError(f"the mail server refused the login: {exc.smtp_code}") from None
    if isinstance(exc, smtplib.SMTPResponseException):
        detail = f"{exc.smtp_code} {_text(exc.smtp_error)}"
        return DeliveryError(detail, temporary=400 <= exc.smtp_code < 500)
    if isinstance(exc, (smtplib.SMTPServerDisconnected, OSError)):
        return DeliveryError(
            f"cannot reach the mail server: {exc}", temporary=True, unreachable=True
        )
    return DeliveryError(f"{type(exc).__name__}: {exc}", temporary=False)


def deliver(
    server: Server,
    message: EmailMessage,
    sender: str,
    address: str,
    *,
    backoff: Sequence[float] = BACKOFF,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Hand *message* to the server for *address*; raise DeliveryError when it cannot be."""
    if not valid_address(address):
        raise DeliveryError(f"{address!r} is not an e-mail address", temporary=False)
    pauses = list(backoff)
    while True:
        try:
            client = _connect(server)
            try:
                client.send_message(message, from_addr=sender, to_addrs=[address])
            finally:
                _close(client)
            return
        except (smtplib.SMTPException, OSError) as exc:
            error = _classify(exc)
        if not error.temporary or not pauses:
            raise error
        sleep(pauses.pop(0))

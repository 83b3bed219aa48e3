"""Delivering one message: success, server down, 4xx then success, 5xx, a bad address."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from ictgov.config import SmtpSecurity
from ictgov.round.smtp import DeliveryError, Server, deliver
from tests.round.conftest import Received, free_port

SENDER = "koordinaattori@example.fi"


def _message() -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = "Tilannepäivitys"
    message["From"] = SENDER
    message.set_content("Hei!\n")
    return message


def _server(port: int) -> Server:
    return Server("127.0.0.1", port, SmtpSecurity.NONE, None, None, timeout=5)


def test_a_message_reaches_the_server(smtp_server: tuple[int, Received]) -> None:
    port, received = smtp_server
    deliver(_server(port), _message(), SENDER, "a@example.fi", sleep=lambda s: None)
    assert [a for a, _ in received.messages] == ["a@example.fi"]
    assert received.messages[0][1]["Subject"] == "Tilannepäivitys"


def test_a_server_that_is_down_is_retried_with_backoff_then_reported_temporary() -> None:
    pauses: list[float] = []
    with pytest.raises(DeliveryError) as caught:
        deliver(
            _server(free_port()),
            _message(),
            SENDER,
            "a@example.fi",
            backoff=(1.0, 4.0),
            sleep=pauses.append,
        )
    assert caught.value.temporary and caught.value.unreachable
    assert pauses == [1.0, 4.0]


def test_a_4xx_reply_is_retried_and_then_succeeds(smtp_server: tuple[int, Received]) -> None:
    port, received = smtp_server
    received.data_replies = ["451 4.3.0 mailbox busy, try later"]
    pauses: list[float] = []
    deliver(
        _server(port), _message(), SENDER, "a@example.fi", backoff=(0.5, 2.0), sleep=pauses.append
    )
    assert pauses == [0.5]
    assert len(received.to("a@example.fi")) == 1


def test_a_5xx_reply_is_permanent_and_not_retried(smtp_server: tuple[int, Received]) -> None:
    port, received = smtp_server
    received.refuse = {"nobody@example.fi"}
    pauses: list[float] = []
    with pytest.raises(DeliveryError) as caught:
        deliver(_server(port), _message(), SENDER, "nobody@example.fi", sleep=pauses.append)
    assert not caught.value.temporary
    assert "550" in str(caught.value)
    assert pauses == []
    assert received.messages == []


@pytest.mark.parametrize("address", ["not an address", "a@b", "x@example.fi, y@example.fi", ""])
def test_a_bad_address_is_permanent_without_connecting(address: str) -> None:
    pauses: list[float] = []
    with pytest.raises(DeliveryError) as caught:
        # Port of nothing: connecting would be a temporary failure, not this one.
        deliver(_server(free_port()), _message(), SENDER, address, sleep=pauses.append)
    assert not caught.value.temporary
    assert "not an e-mail address" in str(caught.value)
    assert pauses == []


def test_the_password_comes_from_the_environment_never_the_config(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ictgov.config import RoundConfig
    from ictgov.errors import IctgovError
    from ictgov.round.smtp import server_from

    config = RoundConfig(smtp_user="koordinaattori")
    monkeypatch.delenv("ICTGOV_SMTP_PASSWORD", raising=False)
    monkeypatch.setitem(__import__("sys").modules, "keyring", None)  # not installed
    with pytest.raises(IctgovError, match="ICTGOV_SMTP_PASSWORD"):
        server_from(config)
    monkeypatch.setenv("ICTGOV_SMTP_PASSWORD", "salainen")
    assert server_from(config).password == "salainen"
    with pytest.raises(ValueError, match="smtp_password"):
        RoundConfig.model_validate({"smtp_password": "x"})

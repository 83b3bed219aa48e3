"""Units of the exchange layer: value parsing, CSV sniffing, the lazy progress bar."""

from __future__ import annotations

import io
import time

import pytest
from rich.console import Console

from ictgov.cli.import_ import LazyProgress
from ictgov.exchange.readers import column_letter, decode_csv, normalise_header, sniff_delimiter
from ictgov.exchange.values import parse_choice, parse_number, parse_percent
from ictgov.model import Status


@pytest.mark.parametrize(
    ("text", "value"),
    [("12,5", 12.5), ("1 234,5", 1234.5), ("1\u00a0234", 1234.0), ("85 %", 85.0), (3, 3.0)],
)
def test_numbers_as_people_type_them(text: object, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("bad", ["12,5,3", "abc", "", True, "nan"])
def test_bad_numbers_are_rejected(bad: object) -> None:
    with pytest.raises(ValueError):
        parse_number(bad)


def test_percent_and_choices() -> None:
    assert parse_percent("40,0") == 40
    with pytest.raises(ValueError, match="between 0 and 100"):
        parse_percent(101)
    with pytest.raises(ValueError, match="whole number"):
        parse_percent("40,5")
    assert parse_choice("In progress", Status) is Status.IN_PROGRESS
    assert parse_choice("valmis", Status, {"valmis": "completed"}) is Status.COMPLETED
    with pytest.raises(ValueError, match="is not one of planned"):
        parse_choice("done", Status)


def test_csv_details() -> None:
    assert sniff_delimiter("id;status;progress\r\nx;y;1\r\n") == ";"
    assert sniff_delimiter("id,status\n") == ","
    assert sniff_delimiter("id\n") == ","
    assert decode_csv("ä".encode("cp1252")) == "ä"
    assert decode_csv("\ufeffä".encode()) == "ä"
    assert normalise_header(" Measure ID ") == "measure_id"
    assert [column_letter(n) for n in (1, 26, 27, 52)] == ["A", "Z", "AA", "AZ"]


def test_progress_bar_appears_only_on_a_terminal_after_a_second() -> None:
    piped = LazyProgress(Console(file=io.StringIO()))
    piped.started -= 5
    piped(1, 10)
    assert piped.bar is None
    terminal = LazyProgress(Console(file=io.StringIO(), force_terminal=True))
    terminal(1, 10)
    assert terminal.bar is None  # fast so far: no bar
    terminal.started = time.monotonic() - 2
    terminal(2, 10)
    assert terminal.bar is not None
    terminal.close()

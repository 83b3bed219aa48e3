"""Month names, for a cadence's timing ("Talousarvio: kesäkuu"); translated when shown."""

from __future__ import annotations

from ictgov.i18n import N_

#: January first; ``MONTHS[month - 1]`` is the message id of a month (1-12).
MONTHS: tuple[str, ...] = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)

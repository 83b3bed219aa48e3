"""A measure that names no participants is the whole region's: lead and members."""

from __future__ import annotations

from ictgov.model import Organisation
from ictgov.verdicts.participation import default_participants, participant_ids
from tests.verdicts.helpers import measure

ORGS = [
    Organisation.model_validate({"id": "tampere", "name": "Tampere", "role": "lead"}),
    Organisation.model_validate({"id": "partner", "name": "Kumppani Oy", "role": "partner"}),
    Organisation.model_validate({"id": "orivesi", "name": "Orivesi", "role": "member"}),
]


def test_nobody_named_means_the_lead_and_the_members_not_partners() -> None:
    assert [o.id for o in default_participants(ORGS)] == ["tampere", "orivesi"]
    assert participant_ids(measure(), ORGS) == ("tampere", "orivesi")


def test_named_participants_are_taken_as_named_even_an_empty_list() -> None:
    assert participant_ids(measure(participants=["partner"]), ORGS) == ("partner",)
    assert participant_ids(measure(participants=[]), ORGS) == ()

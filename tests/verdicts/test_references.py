"""An id resolves when an item of a kind the reference may name has it."""

from __future__ import annotations

from ictgov.model import Body, Goal, Organisation, StakeholderGroup
from ictgov.verdicts.references import EntityKind, Target, closest, kind_of, targets
from tests.verdicts.helpers import measure

GOAL = Goal.model_validate({"id": "g1", "code": "1", "title": "Tavoite"})
BODY = Body.model_validate({"id": "mgmt", "name": "Johtoryhmä", "level": "tactical"})
ORG = Organisation.model_validate({"id": "tampere", "name": "Tampere", "role": "lead"})


def test_a_party_is_a_body_or_an_organisation_and_an_item_is_anything() -> None:
    index = targets([GOAL, BODY, ORG, measure()])
    assert index.resolves("mgmt", Target.PARTY) and index.resolves("tampere", Target.PARTY)
    assert not index.resolves("tampere", Target.BODY)
    assert not index.resolves("g1", Target.PARTY)
    assert index.resolves("m1", Target.ITEM) and index.resolves("g1", Target.ITEM)


def test_ids_of_files_that_failed_validation_resolve_so_one_typo_does_not_cascade() -> None:
    index = targets([GOAL], unvalidated=["g2"])
    assert index.resolves("g2", Target.GOAL)
    assert "g2" not in index.known(Target.GOAL)


def test_kind_of_names_every_item_kind_and_nothing_else() -> None:
    group = StakeholderGroup.model_validate(
        {"id": "residents", "name": "Asukkaat", "influence": "low"}
    )
    assert kind_of(group) is EntityKind.STAKEHOLDER_GROUP
    assert kind_of(measure()) is EntityKind.MEASURE
    assert kind_of("g1") is None


def test_closest_suggests_the_closest_known_id_only_when_close() -> None:
    assert closest("g11", ["g1", "mgmt"]) == "g1"
    assert closest("zzzz", ["g1", "mgmt"]) is None

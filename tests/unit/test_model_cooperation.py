"""The model fits a cooperation model: roles, units, agreements, persons, terms, budgets,
and a strategy without period or vision; old data stays valid."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from ictgov.model import (
    Action,
    AgendaItem,
    Contact,
    Goal,
    Organisation,
    OrgType,
    Person,
    Role,
    Strategy,
    Term,
)
from ictgov.model.files import kind_for
from ictgov.views.public import personal_fields


def test_a_strategy_may_have_no_period_and_no_vision() -> None:
    strategy = Strategy.model_validate({"id": "coop", "title": "Yhteistyömalli"})
    assert strategy.period is None
    assert strategy.vision is None


def test_goals_are_short_or_long_term_or_neither() -> None:
    base: dict[str, Any] = {"id": "g1", "code": "1", "title": "T"}
    assert Goal.model_validate({**base, "term": "short"}).term is Term.SHORT
    assert Goal.model_validate(base).term is None
    with pytest.raises(ValidationError, match="'short' or 'long'"):
        Goal.model_validate({**base, "term": "medium"})


def test_a_unit_names_its_parent_and_a_provider_its_customers() -> None:
    unit = Organisation.model_validate(
        {"id": "tampere-ict", "name": "ICT-yksikkö", "type": "unit", "parent": "tampere"}
    )
    assert unit.type is OrgType.UNIT and unit.parent == "tampere"
    provider = Organisation.model_validate(
        {
            "id": "tampere",
            "name": "Tampere",
            "provides_to": [
                {
                    "customer": "orivesi",
                    "name": "Sopimus",
                    "date": "2024-01-01",
                    "link": {"url": "https://example.fi/s"},
                }
            ],
        }
    )
    assert provider.provides_to[0].customer == "orivesi"


def test_roles_live_in_their_own_strategy_file() -> None:
    kind = kind_for("strategy/roles.yaml")
    assert kind is not None and kind.list_key == "roles"
    role = Role.model_validate(
        {"id": "am", "post": "ICT-asiakkuuspäällikkö", "serves": ["orivesi"], "duties": ["X"]}
    )
    assert role.person is None


def test_a_person_has_post_name_email_and_phone_and_only_the_post_is_public() -> None:
    assert personal_fields(Person) == {"name", "email", "phone"}
    assert personal_fields(Contact) == {"name", "email", "phone"}
    person = Person.model_validate({"post": "Koordinaattori", "phone": "040 123 4567"})
    assert person.phone == "040 123 4567"


def test_old_preparers_and_string_assignees_stay_valid() -> None:
    item = AgendaItem.model_validate(
        {"section": 1, "title": "T", "preparer": {"post": "Johtaja", "name": "Maija M"}}
    )
    assert item.preparer is not None and item.preparer.name == "Maija M"
    assert Action.model_validate({"what": "Tee", "assignee": "Maija M"}).assignee == "Maija M"
    action = Action.model_validate({"what": "Tee", "assignee": {"post": "Johtaja", "email": "a@b"}})
    assert isinstance(action.assignee, Person)


def test_budget_rejects_a_text_amount_with_a_location() -> None:
    with pytest.raises(ValidationError) as info:
        AgendaItem.model_validate(
            {"section": 1, "title": "T", "budget": {"years": [{"year": 2025, "planned": "lots"}]}}
        )
    assert info.value.errors()[0]["loc"][:4] == ("budget", "years", 0, "planned")

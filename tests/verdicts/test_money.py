"""Budget sums and judgements: per year, in all, and None for "nothing given" (not 0)."""

from __future__ import annotations

from ictgov.model import Budget, BudgetYear
from ictgov.verdicts.money import Amounts, negative_columns, overspent, totals


def budget(*years: dict[str, float | int]) -> Budget:
    return Budget.model_validate({"years": list(years)})


def test_totals_add_up_year_by_year_and_in_all() -> None:
    a = budget({"year": 2024, "planned": 100, "decided": 80}, {"year": 2025, "planned": 50})
    b = budget({"year": 2025, "planned": 25.5, "spent": 10})
    money = totals([a, None, b])
    assert money.budgets == 2
    assert money.by_year == {
        2024: Amounts(planned=100, decided=80),
        2025: Amounts(planned=75.5, spent=10),
    }
    assert money.total == Amounts(planned=175.5, decided=80, spent=10)


def test_nothing_given_is_none_not_zero() -> None:
    money = totals([None, budget()])
    assert money.empty
    assert money.total.as_dict() == {"planned": None, "decided": None, "spent": None}
    assert totals([budget({"year": 2024, "decided": 0})]).total.decided == 0


def test_plain_data_keeps_whole_euros_as_integers_and_years_in_order() -> None:
    money = totals([budget({"year": 2026, "planned": 100.0}, {"year": 2025, "planned": 0.5})])
    assert money.as_dict() == {
        "planned": 100.5,
        "decided": None,
        "spent": None,
        "by_year": {
            "2025": {"planned": 0.5, "decided": None, "spent": None},
            "2026": {"planned": 100, "decided": None, "spent": None},
        },
    }
    assert list(money.as_dict()["by_year"]) == ["2025", "2026"]  # type: ignore[call-overload]


def test_overspent_needs_both_amounts() -> None:
    assert overspent(BudgetYear(year=2024, decided=10, spent=11))
    assert not overspent(BudgetYear(year=2024, decided=10, spent=10))
    assert not overspent(BudgetYear(year=2024, spent=11))


def test_negative_columns_name_each_negative_amount() -> None:
    entry = BudgetYear(year=2024, planned=-1, decided=0, spent=-0.5)
    assert negative_columns(entry) == ("planned", "spent")

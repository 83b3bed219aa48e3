"""Organisations: identifiers that can be checked are checked."""

from __future__ import annotations

from collections.abc import Iterator

from ictgov.diagnostics import Diagnostic, Severity
from ictgov.i18n import N_
from ictgov.i18n.messages import msg
from ictgov.lint.rule import LintContext, Rule, entity_label
from ictgov.load import Tree
from ictgov.model import business_id_check_digit, business_id_is_valid


class BusinessIdCheckDigit(Rule):
    """A Finnish business ID (Y-tunnus) has a wrong check digit.

    The last digit of ``1234567-8`` is computed from the first seven (weights
    7, 9, 10, 5, 8, 4, 2, modulo 11). A wrong one means a typo somewhere in the
    number: copy it again from the Business Information System (YTJ).

    **Bad** (`data/strategy/organisations.yaml`):

    ```yaml
    organisations:
      - id: tampere
        name: Tampere
        role: lead
        business_id: "0211675-3"
      - id: orivesi
        name: Orivesi
    ```

    **Good** (`data/strategy/organisations.yaml`):

    ```yaml
    organisations:
      - id: tampere
        name: Tampere
        role: lead
        business_id: "0211675-2"
      - id: orivesi
        name: Orivesi
    ```
    """

    code = "OR01"
    name = "organisations.business-id"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Verify the check digit of every business ID."""
        for org in tree.organisations:
            value = org.business_id
            if value is None or business_id_is_valid(value):
                continue
            expected = business_id_check_digit(value[:7]) if value[:7].isdigit() else None
            hint = (
                msg(N_("the check digit of {start} is {digit}"), start=value[:7], digit=expected)
                if expected is not None
                else msg(N_("no business ID starts with {start}"), start=value[:7])
            )
            yield self.at(
                tree,
                org,
                ("business_id",),
                N_("business ID '{value}' of {item} is not valid ({hint}); copy it again from YTJ"),
                value=value,
                item=entity_label(org),
                hint=hint,
            )


RULES = (BusinessIdCheckDigit,)

"""Meetings: unique section numbers and well-formed record numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ictgov.diagnostics import Diagnostic, Severity
from ictgov.lint.rule import LintContext, Rule, entity_label
from ictgov.load import Tree
from ictgov.model import Meeting

#: ``553/00.04.01/2023``: number / dotted classification (two digits a part) / year,
#: optionally after an organisation prefix such as ``TRE:``.
RECORD_NUMBER = re.compile(r"^(?:[A-ZÅÄÖ]{1,6}:)?(\d{1,7})/(\d{2}(?:\.\d{2}){0,4})/(\d{4})$")


class DuplicateSection(Rule):
    """A section number (§) is used twice in one body's year.

    Sections run through a body's year (§ 1, § 2 ... in the order of its
    meetings), so ``§ 256 / 2023`` names exactly one decision. Two agenda items
    with the same number in the same body and year make references to it
    ambiguous: fix the numbering.

    **Bad** (`data/meetings/mgmt-2024-06-01.yaml`):

    ```yaml
    id: mgmt-2024-06-01
    body: mgmt
    date: 2024-06-01
    items:
      - section: 1
        title: Tietosuojaohje
        decision: Päätettiin päivittää ohje.
    ```

    **Good** (`data/meetings/mgmt-2024-06-01.yaml`):

    ```yaml
    id: mgmt-2024-06-01
    body: mgmt
    date: 2024-06-01
    items:
      - section: 3
        title: Tietosuojaohje
        decision: Päätettiin päivittää ohje.
    ```
    """

    code = "MT01"
    name = "meetings.duplicate-section"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Number the sections of each body's year and report repeats."""
        seen: dict[tuple[str, int, int], Meeting] = {}
        for meeting in sorted(tree.meetings, key=lambda m: (m.date, m.id)):
            for i, item in enumerate(meeting.items):
                key = (meeting.body, meeting.date.year, item.section)
                first = seen.get(key)
                if first is None:
                    seen[key] = meeting
                    continue
                where = "earlier in this meeting" if first is meeting else f"in {first.id}"
                yield self.at(
                    tree,
                    meeting,
                    ("items", i, "section"),
                    f"§ {item.section} of body {meeting.body!r} in {meeting.date.year} is "
                    f"already used {where}; give each agenda item its own section number",
                )


class RecordNumberFormat(Rule):
    """A record number (diaarinumero) is not of the form ``553/00.04.01/2023``.

    A record number is the case number, the classification code of the filing
    plan (pairs of digits separated by dots) and the year, separated by
    slashes; an organisation prefix such as ``TRE:`` is allowed. Copy it from the
    minutes.

    **Bad** (`data/meetings/mgmt-2024-06-01.yaml`):

    ```yaml
    id: mgmt-2024-06-01
    body: mgmt
    date: 2024-06-01
    items:
      - section: 3
        title: Tietosuojaohje
        record_number: 553/2024
        decision: Päätettiin päivittää ohje.
    ```

    **Good** (`data/meetings/mgmt-2024-06-01.yaml`):

    ```yaml
    id: mgmt-2024-06-01
    body: mgmt
    date: 2024-06-01
    items:
      - section: 3
        title: Tietosuojaohje
        record_number: 553/00.04.01/2024
        decision: Päätettiin päivittää ohje.
    ```
    """

    code = "MT02"
    name = "meetings.record-number"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Match every record number against the pattern."""
        for meeting in tree.meetings:
            for i, item in enumerate(meeting.items):
                number = item.record_number
                if number is not None and not RECORD_NUMBER.match(number.strip()):
                    yield self.at(
                        tree,
                        meeting,
                        ("items", i, "record_number"),
                        f"record number {number!r} of § {item.section} is not of the form "
                        "NUMBER/CLASSIFICATION/YEAR, e.g. 553/00.04.01/2023",
                    )


class RecordNumberYear(Rule):
    """A record number's year differs from the year of the meeting.

    Usually a typo. A matter opened in an earlier year keeps that year in its
    record number; then suppress the finding on that line with
    ``# ictgov: disable=MT03``.

    **Bad** (`data/meetings/mgmt-2024-06-01.yaml`):

    ```yaml
    id: mgmt-2024-06-01
    body: mgmt
    date: 2024-06-01
    items:
      - section: 3
        title: Tietosuojaohje
        record_number: 553/00.04.01/2023
        decision: Päätettiin päivittää ohje.
    ```

    **Good** (`data/meetings/mgmt-2024-06-01.yaml`):

    ```yaml
    id: mgmt-2024-06-01
    body: mgmt
    date: 2024-06-01
    items:
      - section: 3
        title: Tietosuojaohje
        record_number: 553/00.04.01/2024
        decision: Päätettiin päivittää ohje.
    ```
    """

    code = "MT03"
    name = "meetings.record-year"
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Compare the year part of each well-formed record number with the meeting's."""
        for meeting in tree.meetings:
            for i, item in enumerate(meeting.items):
                match = RECORD_NUMBER.match((item.record_number or "").strip())
                if match and int(match.group(3)) != meeting.date.year:
                    yield self.at(
                        tree,
                        meeting,
                        ("items", i, "record_number"),
                        f"record number {item.record_number!r} is of {match.group(3)} but "
                        f"{entity_label(meeting)} is in {meeting.date.year}; check the number",
                    )


RULES = (DuplicateSection, RecordNumberFormat, RecordNumberYear)

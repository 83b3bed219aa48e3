"""Meetings: unique section numbers and well-formed record numbers."""

from __future__ import annotations

from collections.abc import Iterator

from ictgov.diagnostics import Diagnostic, Severity
from ictgov.i18n import N_
from ictgov.i18n.messages import msg
from ictgov.lint.rule import LintContext, Rule, entity_label
from ictgov.load import Tree
from ictgov.model import Meeting
from ictgov.verdicts.records import KNOWN_FORMATS, match_record, record_year


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
                where = (
                    msg(N_("earlier in this meeting"))
                    if first is meeting
                    else msg(N_("in {id}"), id=first.id)
                )
                yield self.at(
                    tree,
                    meeting,
                    ("items", i, "section"),
                    N_(
                        "§ {section} of body '{body}' in {year} is already used {where}; give "
                        "each agenda item its own section number"
                    ),
                    section=item.section,
                    body=meeting.body,
                    year=meeting.date.year,
                    where=where,
                )


class RecordNumberFormat(Rule):
    r"""A record number (diaarinumero) is in none of the known formats.

    Case-management systems number differently, and all these are accepted:
    ``553/00.04.01/2023`` (number, classification of the filing plan, year; also after
    ``Dnro`` or an organisation prefix such as ``TRE:``), ``8765/2026``,
    ``HEL 2019-001234``, ``PRIDno-2019-2219`` and ``VN/1234/2023``. If your system
    writes another format, add its pattern to ``record_number_patterns`` in the
    configuration (``record_number_patterns = ['^ABC-\d+$']``); a number copied from the
    minutes is right by definition, so this is only a warning.

    **Bad** (`data/meetings/mgmt-2024-06-01.yaml`):

    ```yaml
    id: mgmt-2024-06-01
    body: mgmt
    date: 2024-06-01
    items:
      - section: 3
        title: Tietosuojaohje
        record_number: 553 / 2024
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
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Match every record number against the known and configured formats."""
        extra = ctx.config.record_number_patterns
        examples = ", ".join(f.example for f in KNOWN_FORMATS)
        for meeting in tree.meetings:
            for i, item in enumerate(meeting.items):
                number = item.record_number
                if number is not None and match_record(number, extra) is None:
                    yield self.at(
                        tree,
                        meeting,
                        ("items", i, "record_number"),
                        N_(
                            "record number '{number}' of § {section} is in no known format "
                            "({examples}); if it is copied right, add a pattern for it to "
                            "record_number_patterns in ictgov.toml"
                        ),
                        number=number,
                        section=item.section,
                        examples=examples,
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
                year = record_year(item.record_number or "", ctx.config.record_number_patterns)
                if year is not None and year != meeting.date.year:
                    yield self.at(
                        tree,
                        meeting,
                        ("items", i, "record_number"),
                        N_(
                            "record number '{number}' is of {year} but {item} is in "
                            "{meeting_year}; check the number"
                        ),
                        number=item.record_number,
                        year=year,
                        item=entity_label(meeting),
                        meeting_year=meeting.date.year,
                    )


RULES = (DuplicateSection, RecordNumberFormat, RecordNumberYear)

"""An example round file, as ``round start``, ``send`` and ``collect`` leave it.

``docs/format.md`` shows it (``ictgov.docs_gen``), and a test loads it, so the
documented example is always a valid file.
"""

ROUND_EXAMPLE = """\
# yaml-language-server: $schema=../../schemas/round.schema.json
# Written by 'ictgov round start', 'send' and 'collect'; see docs/round.md.
id: 2024-autumn
started: 2024-11-01
due: 2024-11-29
requests:
  - owner: steering
    language: fi
    measures: [m-alpha]
    stale: [m-alpha]
    to: [ohjausryhma@example.fi]
    workbook: 2024-autumn-steering.xlsx
    sent:
      - {kind: request, to: ohjausryhma@example.fi, date: 2024-11-01}
    answers:
      - date: 2024-11-20
        file: 2024-autumn-steering.xlsx
        sha256: 3f8a5b6c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a
        changed: [m-alpha]
"""

"""Verdicts: every judgement about the data, decided once, here.

Stale, overdue, the progress roll-up, counts by status and health, a body's meeting
cadence, whether a reference resolves, where the repository root is and which day is
today. Lint rules and views both ask these modules, so a finding and a report can
never disagree. This package sits below ``lint/`` and ``views/``: it imports only
``ictgov.model`` and the standard library. ``root`` and ``today`` import only the
standard library (and ``ictgov.safefs``, to read a pyproject safely), so the warm lint
path can ask them without loading pydantic; keep this file free of imports for the
same reason.
"""

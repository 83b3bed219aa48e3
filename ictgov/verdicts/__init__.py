"""Verdicts: every judgement about the data, decided once, here.

Stale, overdue, attention, the progress roll-up, counts by status and health, a
body's meeting cadence, who takes part in a measure and whether a reference
resolves. Lint rules and views both ask these modules, so a finding and a report can
never disagree. This package sits below ``lint/`` and ``views/``: it imports only
``ictgov.model`` and the standard library. (Where the repository is and which day is
today are settled even lower, in ``ictgov.invocation``.)
"""

"""The Finnish and Swedish words ``lint --fix`` turns into codes.

One vocabulary serves both the fixes and the lint hints, so it lives in
:mod:`ictgov.i18n.vocabulary` (below the loader, which uses it for its hints).
"""

from __future__ import annotations

from ictgov.i18n.vocabulary import BOOLEANS, KEYS, VALUES

__all__ = ["BOOLEANS", "KEYS", "VALUES"]

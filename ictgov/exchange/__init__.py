"""Flat tables for spreadsheets and BI tools: export the tree, import status updates.

``columns`` is the one definition of every table's columns (``docs/exchange.md``
documents the same list, and a test keeps them equal); ``tables`` computes rows
from a loaded tree; ``writers`` and ``readers`` handle CSV, XLSX and JSON;
``importer`` turns rows back into edits through ``ictgov.edit``.
"""

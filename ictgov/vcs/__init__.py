"""Plumbing for git: validated revisions, blobs, log records, and trees at a revision.

Everything that runs git lives here, and nothing else does: comparing revisions, an
item's history, the trend and pull-request comments are use-cases in ``ictgov.history``.
Revisions from the command line are checked in ``revisions`` before any git process
sees them; blobs are read through one long-lived ``git cat-file --batch`` process and
parsed once per blob.
"""

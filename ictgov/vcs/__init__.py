"""Reading the strategy's git history: trees at revisions, per-item history, snapshots.

Everything that runs git lives here. Revisions from the command line are checked in
``revisions`` before any git process sees them; blobs are read through one
long-lived ``git cat-file --batch`` process and parsed once per blob.
"""

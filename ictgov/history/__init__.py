"""Use-cases over git: compare two revisions, an item's history, the trend, PR comments.

Above ``diff/`` and ``views/``; reads git only through ``vcs/``, which is plumbing.
"""

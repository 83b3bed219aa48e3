"""``python -m ictgov``: the same as the ``ictgov`` command."""

from ictgov.cli.main import main

main()

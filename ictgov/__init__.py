"""ictgov: follow a public-sector ICT strategy through to the end.

The package is layered so that data flows one way: files -> models -> checks and
views -> renderers. Each layer is importable without the ones above it.
"""

__version__ = "0.1.0"
#: The canonical repository: releases are tagged ``v{version}`` there.
REPOSITORY_URL = "https://github.com/ictgov/ictgov"
ISSUES_URL = f"{REPOSITORY_URL}/issues"

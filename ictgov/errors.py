"""The small error hierarchy that the CLI turns into a message and exit code 2."""

from __future__ import annotations


class IctgovError(Exception):
    """A user-facing problem: bad usage, configuration or environment. Never a bug."""

    exit_code = 2


class ConfigError(IctgovError):
    """The configuration file or a command-line option is invalid."""


class RootNotFoundError(IctgovError):
    """No strategy repository was found from the working directory upwards."""


class UnsafePathError(IctgovError):
    """A path from the command line points outside the repository."""


class RevisionError(IctgovError):
    """A git revision is unknown, unsafe or unreachable."""


class WriteConflictError(IctgovError):
    """A file changed on disk after it was read; writing would lose someone's edit."""


class InvalidEditError(IctgovError):
    """An edit would leave the tree invalid, so nothing was written."""


class NothingLoadedError(IctgovError):
    """The repository was found but none of its strategy data could be loaded."""

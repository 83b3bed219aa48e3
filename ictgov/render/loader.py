"""The loader of a repository's own templates: regular files inside its folder, nothing else.

A strategy repository is treated as a pull request from a stranger. Its
``templates/`` folder is read by the renderer, and what a template file holds can
reach the published site (the stylesheet is copied verbatim; an ``{% include %}``
prints a file into a page). Jinja's ``FileSystemLoader`` follows symbolic links, so
``templates/html/style.css -> /proc/self/environ`` would publish CI secrets. This
loader resolves every name, refuses anything that ends up outside the folder (or a
folder that itself lies outside the repository), and opens only regular files, so a
FIFO cannot hang the run and a device cannot be read. A missing file is
"not found", so the built-in template is used, as before.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from jinja2 import BaseLoader, Environment, TemplateNotFound
from jinja2.loaders import split_template_path

from ictgov.errors import IctgovError

#: A template or stylesheet larger than this is refused (the built-in ones are < 20 kB).
MAX_TEMPLATE_BYTES = 1_000_000


class UnsafeTemplateError(IctgovError):
    """A file in the templates folder is not one ictgov may read: the message names it."""


class ContainedLoader(BaseLoader):
    """Loads ``<repository>/templates/<name>``: only regular files inside that folder."""

    def __init__(self, folder: Path, repository: Path) -> None:
        self.folder = folder
        #: How files are named in messages: relative to the repository.
        self.repository = repository
        self._real: Path | None = None

    def _real_folder(self) -> Path:
        """The folder's real path, once checked to lie inside the repository."""
        if self._real is None:
            real = self.folder.resolve()
            if not real.is_relative_to(self.repository.resolve()):
                raise UnsafeTemplateError(
                    f"{self._shown(self.folder)}: the templates folder leads outside the "
                    f"repository (to {real}); make it a real folder in the repository"
                )
            self._real = real
        return self._real

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        """The text of *template*, refused with a clear message if it is not a safe file."""
        pieces = split_template_path(template)
        path = self.folder.joinpath(*pieces)
        if not os.path.lexists(path):
            raise TemplateNotFound(template)
        folder = self._real_folder()
        real = path.resolve()
        if not real.is_relative_to(folder):
            raise UnsafeTemplateError(
                f"{self._shown(path)}: a link to {real}, outside the templates folder; "
                "templates may only be regular files inside it (copy the file in instead)"
            )
        return _read_regular(real, self._shown(path)), str(path), lambda: True

    def _shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.repository).as_posix()
        except ValueError:
            return str(path)


def _read_regular(path: Path, shown: str) -> str:
    """Read *path* if it is a regular file of reasonable size, never blocking on it.

    ``O_NONBLOCK`` keeps a FIFO from blocking the open; the type is then checked on
    the open file itself, so nothing can be swapped in between a check and the read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise UnsafeTemplateError(f"{shown}: cannot be read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeTemplateError(
                f"{shown}: not a regular file (a FIFO, device, socket or folder); "
                "templates may only be regular files"
            )
        if info.st_size > MAX_TEMPLATE_BYTES:
            raise UnsafeTemplateError(
                f"{shown}: {info.st_size} bytes, more than a template may have "
                f"({MAX_TEMPLATE_BYTES}); make it smaller"
            )
        data = file.read(MAX_TEMPLATE_BYTES + 1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnsafeTemplateError(
            f"{shown}: not UTF-8 text (byte {exc.start}); save it as UTF-8"
        ) from None

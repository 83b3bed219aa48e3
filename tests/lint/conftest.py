"""Lint tests keep the cache's signing key in a temporary folder, not in ~/.cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ictgov.lint import sealed


@pytest.fixture(autouse=True)
def _cache_key_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    directory = tmp_path_factory.getbasetemp() / "cache-key"
    monkeypatch.setenv(sealed.KEY_ENV, str(directory))
    sealed.secret.cache_clear()
    yield directory
    sealed.secret.cache_clear()

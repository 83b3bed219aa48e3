"""Signed pickles: the cache never unpickles bytes this user's ictgov did not write.

Cache files live in the repository (``.ictgov-cache/``), and unpickling runs code:
a ``.ictgov-cache/`` committed into a cloned repository must not be able to
execute anything. Every cache file is therefore prefixed with an HMAC-SHA256 of
its contents under a random per-user key kept outside the repository
(``$XDG_CACHE_HOME/ictgov/cache.key``, default ``~/.cache/ictgov/``); a file whose
MAC does not verify is ignored. Without a usable key there is no cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
from functools import cache
from pathlib import Path
from typing import Any

from ictgov import cachedir

MAC_BYTES = 32
KEY_ENV = "ICTGOV_CACHE_KEY_DIR"


def key_path() -> Path:
    """Where the per-user key lives (``ICTGOV_CACHE_KEY_DIR`` overrides, for tests)."""
    override = os.environ.get(KEY_ENV)
    if override:
        return Path(override) / "cache.key"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ictgov" / "cache.key"


@cache
def secret() -> bytes | None:
    """The key, created on first use; None when it can be neither read nor made."""
    path = key_path()
    with contextlib.suppress(OSError):
        data = path.read_bytes()
        if len(data) == 32:
            return data
    import tempfile  # only when writing: a warm run only reads

    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-key-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(os.urandom(32))
        os.chmod(tmp, 0o600)
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)  # first writer wins; a concurrent one reads its key
        os.unlink(tmp)
        data = path.read_bytes()
        if len(data) == 32:
            return data
    return None


def dumps(obj: Any) -> bytes | None:
    """MAC + pickle of *obj*, or None when there is no key."""
    key = secret()
    if key is None:
        return None
    blob = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return hmac.new(key, blob, hashlib.sha256).digest() + blob


def loads(data: bytes) -> Any:
    """The object sealed in *data*; None if the MAC does not verify or anything fails."""
    key = secret()
    if key is None or len(data) < MAC_BYTES:
        return None
    mac, blob = data[:MAC_BYTES], data[MAC_BYTES:]
    if not hmac.compare_digest(mac, hmac.new(key, blob, hashlib.sha256).digest()):
        return None
    try:
        return pickle.loads(blob)
    except Exception:  # written by other code: treat as missing
        return None


def read(path: Path) -> Any:
    """The sealed object in file *path*, or None (missing, foreign, corrupt)."""
    data = cachedir.read_bytes(path)  # a regular file only: never through a link
    if data is None:
        return None
    obj = loads(data)
    if obj is None:
        cachedir.remove_file(path)
    return obj


def write(path: Path, obj: Any) -> bool:
    """Seal *obj* into *path* atomically; False when the cache cannot be written."""
    data = dumps(obj)
    if data is None:
        return False
    return write_bytes(path, data)


def write_bytes(path: Path, data: bytes) -> bool:
    """Write *data* atomically into an existing real directory; False on failure."""
    return cachedir.write_bytes(path, data)

"""The key that user ids are hashed with: kept outside the database.

``CAREER_BOT_HASH_KEY`` (at least 16 characters) wins; else the file ``<database>.key`` next
to the database, mode 0600, created on first use (a symbolic link is refused, a file others
could read is made private). An in-memory database gets a key that dies with the process.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import stat
from pathlib import Path
from typing import Mapping

from bot.storage.errors import StoreError

log = logging.getLogger("bot.storage")

HASH_KEY_ENV = "CAREER_BOT_HASH_KEY"
HASH_KEY_MIN = 16
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def load_key(path: Path | None, create: bool, env: Mapping[str, str] = os.environ) -> bytes | None:
    """The key for a database whose key file is ``path`` (None: in memory); None if absent and not ``create``."""
    value = env.get(HASH_KEY_ENV, "").strip()
    if value:
        if len(value) < HASH_KEY_MIN:
            raise StoreError(f"{HASH_KEY_ENV} is too short: use at least {HASH_KEY_MIN} random characters, e.g. the output of `python3 -c 'import secrets; print(secrets.token_hex(32))'`")
        return value.encode("utf-8")
    if path is None:
        return secrets.token_bytes(32) if create else None
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except FileNotFoundError:
        return _create(path) if create else None
    except OSError as e:
        raise StoreError(f"cannot read the hashing key {path}: {e.strerror or e} (a symbolic link is refused)") from None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise StoreError(f"{path}: the hashing key must be a regular file")
        if st.st_mode & 0o077:
            os.fchmod(f.fileno(), 0o600)
            log.warning("%s was readable by other users; its mode is now 0600", path)
        key = f.read().strip()
    if len(key) < HASH_KEY_MIN:
        raise StoreError(f"{path}: not a hashing key (expected 64 hex characters); restore it from a backup, or delete it to start a new key (older rows then stay anonymous)")
    return key


def _create(path: Path) -> bytes:
    key = secrets.token_hex(32).encode("ascii")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
    except FileExistsError:  # another process created it first: use theirs
        return path.read_bytes().strip()
    except OSError as e:
        raise StoreError(f"cannot create the hashing key {path}: {e.strerror or e}; set {HASH_KEY_ENV} instead") from None
    with os.fdopen(fd, "wb") as f:
        f.write(key + b"\n")
        f.flush()
        os.fsync(f.fileno())
    log.info("created the user-id hashing key %s (keep it with the database: without it, members' rows cannot be found)", path)
    return key


def user_hash(key: bytes, user_id: int) -> str:
    return hmac.new(key, str(int(user_id)).encode("ascii"), hashlib.sha256).hexdigest()


def key_check(key: bytes) -> str:
    """A short value, stored in the database, that tells whether a later key is the same one."""
    return hmac.new(key, b"career-bot key check", hashlib.sha256).hexdigest()[:16]

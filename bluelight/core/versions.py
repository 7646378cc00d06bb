"""The version of Bluelight's data, for caching that is never stale.

What is cached (the dashboard's period summary, the annual report) is kept under a key that holds the
current data version: a random token in Django's cache, replaced whenever a record of a Bluelight app
is saved, deleted or relinked. An edit therefore reaches every machine that shares the cache at once:
the next read finds no entry under the new version and builds one. Old entries are never read again
and expire.

A change in a transaction replaces the token when the transaction commits, so what other processes
read while it was open (without its changes) is kept only under the version before it; a transaction
that has changed data neither reads from nor adds to the cache, since what it sees may yet be rolled
back. A token that the cache has lost is simply a new version.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import secrets
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

KEY = "bluelight:data-version"
KEEP_SECONDS = 3600
# Written all the time, and read by nothing that is cached: a sign-in, a task's state, a token's last use.
NOT_DATA = {"core.SecurityEvent", "exchange.Task", "api.ApiToken", "governance.LastLooked"}

log = logging.getLogger(__name__)
T = TypeVar("T")


def _key(area: str | None) -> str:
    return KEY if area is None else f"{KEY}:{area}"


def current(area: str | None = None) -> str:
    """The version of all the data, or of one app's (`area`, its label: "practice")."""
    try:
        version = cache.get(_key(area))
        if version is None:
            cache.add(_key(area), secrets.token_hex(8), timeout=None)
            version = cache.get(_key(area))
    except Exception:  # noqa: BLE001 - a cache that cannot answer means nothing is cached
        log.warning("The cache could not be read: building without it", exc_info=True)
        return ""
    return version or ""


_REPLACERS: set = set()


@functools.cache
def _replacer(area: str | None) -> Callable[[], None]:
    """One function per area, so a transaction's commit is asked to replace each version once."""

    def replace() -> None:
        try:
            cache.set(_key(area), secrets.token_hex(8), timeout=None)
        except Exception:  # noqa: BLE001
            log.error("The cache could not be told of a change: clear it (bluelight cache-clear)", exc_info=True)

    _REPLACERS.add(replace)
    return replace


def _pending(connection) -> bool:
    return any(callback in _REPLACERS for _, callback, _ in connection.run_on_commit)


def changed(using: str = DEFAULT_DB_ALIAS, area: str | None = None) -> None:
    """Data has changed: start a new version of all the data and of `area`'s, now, or when the open
    transaction commits (once, however many rows it writes)."""
    connection = transaction.get_connection(using)
    for replace in {_replacer(None), _replacer(area)}:
        if not connection.in_atomic_block:
            replace()
        elif not any(callback is replace for _, callback, _ in connection.run_on_commit):
            transaction.on_commit(replace, using=using)


def cached(kind: str, parts: tuple, build: Callable[[], T], *, area: str | None = None,
           timeout: int = KEEP_SECONDS) -> T:  # fmt: skip
    """`build()`, kept under this version of the data (or of `area`'s, when it reads nothing else) and
    `parts` (which must say everything the result depends on besides the data: the programme, the
    period, who is looking)."""
    version = current(area)
    if not version or _pending(transaction.get_connection()):
        return build()  # what this transaction has changed is seen by it alone until it commits
    key = f"bluelight:{kind}:{version}:{hashlib.sha256(repr(parts).encode()).hexdigest()[:32]}"
    try:
        found = cache.get(key)
    except Exception:  # noqa: BLE001
        return build()
    if found is not None:
        return found
    found = build()
    try:
        cache.set(key, found, timeout=timeout)
    except Exception:  # noqa: BLE001
        log.warning("The cache could not keep %s", kind, exc_info=True)
    return found


def _on_write(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if sender.__module__.startswith("bluelight.") and sender._meta.label not in NOT_DATA:
        changed(using, sender._meta.app_label)


def watch() -> None:
    """Connect the signals (once, from CoreConfig.ready). Bulk writes that send no signal call changed()."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_write, dispatch_uid=f"bluelight-version-{signal}")

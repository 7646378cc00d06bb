"""The task worker (`bluelight worker`): runs the tasks pages queue, on any number of machines at once.

Queueing, claiming and running are Django's tasks framework (the django-tasks backport of Django 6's
`django.tasks`) with its database backend (django-tasks-db): a worker claims a ready task inside a
locked transaction, so no two workers take the same task. Around it Bluelight adds two things:

- a **heartbeat**: a thread that writes "this worker is alive" to Django's cache every few seconds,
  and writes the progress of the running task there too. The progress cannot go through the task's
  own database connection, which an import holds in one open transaction until it is done;
- **sweeps** between batches (registered by the apps): a task whose worker has stopped beating (killed,
  or its machine gone) is marked failed. Its import's transaction died with the worker, so nothing
  was written.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import OperationalError, close_old_connections, connection, connections

BEAT_SECONDS = 2.0
SWEEP_SECONDS = 10
PROGRESS_SECONDS = 24 * 3600

logger = logging.getLogger("bluelight.worker")
_sweeps: list[Callable[[], object]] = []
_current: Heartbeat | None = None


def register_sweep(sweep: Callable[[], object]) -> None:
    """Something every worker does between batches (an AppConfig.ready registers it)."""
    if sweep not in _sweeps:
        _sweeps.append(sweep)


def lost_after() -> int:
    """Seconds without a beat after which a worker is taken to have stopped (BLUELIGHT_WORKER_LOST_SECONDS)."""
    return settings.BLUELIGHT["WORKER_LOST_SECONDS"]


def _alive_key(worker_id: str) -> str:
    return f"bluelight:worker:{worker_id}"


def worker_alive(worker_id: str) -> bool:
    return bool(worker_id) and cache.get(_alive_key(worker_id)) is not None


def silent_workers(worker_ids) -> set[str]:
    """The workers among `worker_ids` that are silent twice, a beat apart (not merely a key the cache
    culled): taken to have stopped."""
    silent = {w for w in worker_ids if not worker_alive(w)}
    if silent:
        time.sleep(BEAT_SECONDS + 0.5)
    return {w for w in silent if not worker_alive(w)}


def current_worker_id() -> str:
    return _current.worker_id if _current is not None else ""


class Heartbeat(threading.Thread):
    """Beats for one worker and carries its tasks' progress to the cache."""

    def __init__(self, worker_id: str):
        super().__init__(name=f"heartbeat {worker_id}", daemon=True)
        self.worker_id, self.interval = worker_id, min(BEAT_SECONDS, lost_after() / 5)
        self._stopping = threading.Event()
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._pending: dict[str, dict] = {}

    def put(self, key: str, value: dict) -> None:
        with self._lock:
            self._pending[key] = value
        self._wake.set()  # progress goes out at once, not at the next beat

    def beat(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, {}
        try:
            cache.set(_alive_key(self.worker_id), time.time(), timeout=lost_after())
            for key, value in pending.items():
                cache.set(key, value, timeout=PROGRESS_SECONDS)
        except Exception:  # a cache that is down for a moment must not stop the worker's task
            logger.exception("The task worker could not write to the cache")

    def run(self) -> None:
        try:
            while not self._stopping.is_set():
                self.beat()
                self._wake.wait(self.interval)
                self._wake.clear()
            self.beat()  # the last progress
            cache.delete(_alive_key(self.worker_id))
        finally:
            connections.close_all()  # a database cache opened this thread's own connection

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
        self.join(timeout=10)


def report(key: str, value: dict) -> None:
    """Progress for every machine to see: through the heartbeat in a worker, else straight to the cache."""
    if _current is not None and _current.is_alive():
        _current.put(key, value)
    else:
        cache.set(key, value, timeout=PROGRESS_SECONDS)


def new_worker_id() -> str:
    return f"{socket.gethostname()[:30]}-{os.getpid()}-{secrets.token_hex(4)}"


def _run_ready(worker_id: str) -> None:
    """Claim and run ready tasks until none is left, with django-tasks-db's own lock, claim and run (its
    `db_worker` loop also closes database connections, which a test's transaction must keep)."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult
    from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

    runner = Worker(queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
                    max_tasks=None, worker_id=worker_id, excluded_queue_names=[])  # fmt: skip
    ready = DBTaskResult.objects.ready().filter(backend_name="default", queue_name="default")
    while True:
        try:
            with exclusive_transaction(ready.db):
                claimed = ready.get_locked()
                if claimed is not None:
                    claimed.claim(worker_id)
        except OperationalError as error:
            if not is_locked_database_exception(error):
                raise
            return  # another worker holds the lock: try again next round
        if claimed is None:
            return
        runner.run_task(claimed)


def work(*, once: bool = False, poll_seconds: float = 2.0, say=print, alive=lambda: True,
         worker_id: str | None = None) -> int:  # fmt: skip
    """Run tasks as they are queued; with `once`, run what is ready now and return how many ran.

    `alive` is asked before each round: the demo's worker stops when the server it was started with has.
    """
    global _current
    from django_tasks.signals import task_finished

    worker_id = worker_id or new_worker_id()
    ran: list[str] = []

    def finished(sender, task_result, **kwargs):
        ran.append(task_result.id)
        say(f"  {task_result.task.name}: {task_result.status.label.lower()}")

    task_finished.connect(finished, weak=False, dispatch_uid=f"bluelight-worker-{worker_id}")
    _current = Heartbeat(worker_id)
    _current.start()
    swept = -float("inf")
    try:
        while alive():
            if not connection.in_atomic_block:  # a long-lived worker drops connections the database has closed
                close_old_connections()
            if time.monotonic() - swept >= SWEEP_SECONDS:
                for sweep in _sweeps:
                    sweep()
                swept = time.monotonic()
            _run_ready(worker_id)
            if once:
                break
            time.sleep(poll_seconds)
    finally:
        task_finished.disconnect(dispatch_uid=f"bluelight-worker-{worker_id}")
        heartbeat, _current = _current, None
        heartbeat.stop()
    return len(ran)

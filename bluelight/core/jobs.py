"""What every page's record of background work needs from the task worker (core.worker).

Such a record (exchange.Task, evidence.Analysis) has `status` (queued, running, done, failed),
`started_at`, `finished_at`, `worker`, `job`, `message` and `result`, and a `finished` property.
"""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.utils import timezone

from bluelight.core import worker


def claim(model, pk: int) -> bool:
    """Mark the queued record running under this worker; False if it is not queued (run, or swept)."""
    return bool(model.objects.filter(pk=pk, status="queued").update(
        status="running", started_at=timezone.now(), worker=worker.current_worker_id()
    ))  # fmt: skip


def progress(record, key: str, total: int) -> dict:
    """How far the record's work has got (done of total, and what it is doing), from the cache."""
    if record.finished:
        return {"done": total, "total": total, "stage": record.get_status_display(), "status": record.status}
    data = cache.get(key) or {"done": 0, "total": total, "stage": record.get_status_display()}
    return {**data, "status": record.status}


def fail_lost(model, message: str, now=None) -> int:
    """Mark failed the running records whose worker has stopped beating, saying `message`, and their jobs
    in the queue. Returns how many."""
    from django_tasks_db.models import DBTaskResult

    quiet_since = (now or timezone.now()) - datetime.timedelta(seconds=worker.lost_after())
    running = list(model.objects.filter(status="running", started_at__lt=quiet_since))
    silent = worker.silent_workers({found.worker for found in running})
    failed = 0
    for found in running:
        if found.worker not in silent:
            continue
        changed = model.objects.filter(pk=found.pk, status="running").update(
            status="failed", finished_at=timezone.now(), message=message, result={"ok": False, "problems": [message]}
        )
        if changed and found.job:
            DBTaskResult.objects.filter(pk=found.job, status="RUNNING").update(status="FAILED")
        failed += changed
    return failed

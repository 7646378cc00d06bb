"""Imports and exports queued from the pages, run by the task worker (core.worker) outside any request.

A page records a Task (what the person sees: status, result, files) and enqueues `run_queued` with its
id in the same transaction, so there is never a Task without its job or a job without its Task. The
worker that claims the job marks the Task running under its own id, runs it and stores the result.
Progress goes to the cache, where every web server reads it; a task whose worker stops beating is
failed by the next sweep, and its import, one transaction, left nothing behind.
"""

from __future__ import annotations

import datetime
import tempfile
import traceback
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django_tasks import task as background_task

from bluelight.core import files, jobs, worker
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.core.workbooks import WorkbookRefused
from bluelight.exchange import exporter, importer
from bluelight.exchange.models import Task
from bluelight.programmes.access import access_for


def _progress_key(task_id: int) -> str:
    return f"bluelight:task-progress:{task_id}"


def progress_of(task: Task) -> dict:
    """How far a task has got: done, total, and what it is doing (from the cache, which every machine reads)."""
    return jobs.progress(task, _progress_key(task.pk), total=1)


def _reporter(task_id: int):
    key = _progress_key(task_id)

    def report(done: int, total: int, stage: str) -> None:
        worker.report(key, {"done": done, "total": total, "stage": stage})

    return report


def claim(task_id: int) -> Task | None:
    """The queued task, now marked running by this worker; None if it is not queued (run, or swept)."""
    won = jobs.claim(Task, task_id)
    return Task.objects.select_related("programme", "created_by").get(pk=task_id) if won else None


@background_task()
def run_queued(task_id: int) -> str:
    """The job a page enqueues with its Task's id (in the same transaction as the Task)."""
    found = claim(task_id)
    if found is None:
        return "not queued"
    return run(found).status


def enqueue(found: Task) -> Task:
    found.job = str(run_queued.enqueue(found.pk).id)
    found.save(update_fields=["job"])
    return found


def _run_import(task: Task, report) -> dict:
    actor = Actor(task.created_by, HistoryEntry.Channel.IMPORT)
    checked = None
    if not task.dry_run:  # the confirmed import writes only what its dry run showed
        checked = Task.objects.filter(kind=Task.Kind.IMPORT, dry_run=True, stored_name=task.stored_name).first()
    try:
        with files.local_copy(task.stored_name) as path:
            plan = importer.import_workbook(
                path, actor=actor, dry_run=task.dry_run, programme=task.programme, source=task.file_name,
                progress=report, may_change_organisations=task.created_by.is_superuser,
                seen=checked.result.get("seen") if checked else None,
            )  # fmt: skip
    except importer.ImportRefused as refused:
        return {"ok": False, "problems": [str(p) for p in refused.plan.problems],
                "by_sheet": _by_sheet(refused.plan)}  # fmt: skip
    except WorkbookRefused as refusal:
        return {"ok": False, "problems": [str(refusal)], "by_sheet": {}}
    except FileNotFoundError:
        return {"ok": False, "problems": ["The workbook is no longer kept; upload it again."], "by_sheet": {}}
    done = {"ok": True, "dry_run": task.dry_run, "sheets": plan.summary()}
    if task.dry_run:
        done["seen"] = plan.seen()
        done["changes"] = plan.changes()
    return done


def _by_sheet(plan) -> dict:
    return {
        sheet: [{"row": p.row, "column": p.column, "letter": p.letter, "message": p.message} for p in problems]
        for sheet, problems in importer.problems_by_sheet(plan).items()
    }


def _run_export(task: Task, report) -> dict:
    extension = "zip" if task.format == "csv" else task.format
    with tempfile.TemporaryDirectory(prefix="bluelight-export-") as folder:
        path = Path(folder) / f"export.{extension}"
        exporter.export_workbook(
            task.programme, task.format, path, actor=Actor(task.created_by, HistoryEntry.Channel.PAGE),
            marking=task.marking or None, progress=report, scope=access_for(task.created_by, task.programme).scope,
        )  # fmt: skip
        size = path.stat().st_size
        task.stored_name = files.store_from(path, extension)
    task.file_name = f"{task.programme.slug}-{timezone.localdate():%Y-%m-%d}.{extension}"
    return {"ok": True, "size": size}


def run(task: Task) -> Task:
    report = _reporter(task.pk)
    try:
        result = (_run_import if task.kind == Task.Kind.IMPORT else _run_export)(task, report)
    except Exception:  # a task that breaks must say so on its page, not stay "running" for ever
        result = {"ok": False, "problems": ["The task stopped because of an error in Bluelight; it changed nothing."]}
        task.message = traceback.format_exc(limit=5)
    task.result = result
    task.status = Task.Status.DONE if result["ok"] else Task.Status.FAILED
    task.finished_at = timezone.now()
    task.save()
    if task.kind == Task.Kind.IMPORT and not task.dry_run and task.stored_name:
        files.remove(task.stored_name)  # the workbook has done its work
    cache.delete(_progress_key(task.pk))
    return task


def unconfirmed_uploads_remove(now=None) -> int:
    """Remove workbooks whose check finished longer ago than the set time and that were never imported.

    The tasks keep their record (name, result); their page then says the file is gone. Returns how many.
    """
    keep = datetime.timedelta(seconds=settings.BLUELIGHT["UPLOAD_KEEP_SECONDS"])
    cutoff = (now or timezone.now()) - keep
    stale = (
        Task.objects.filter(kind=Task.Kind.IMPORT, dry_run=True, finished_at__lt=cutoff)
        .exclude(stored_name="")
        .exclude(stored_name__in=Task.objects.filter(kind=Task.Kind.IMPORT, dry_run=False).values("stored_name"))
        .values_list("stored_name", flat=True)
    )
    removed = 0
    for name in set(stale):
        files.remove(name)
        Task.objects.filter(stored_name=name).update(
            stored_name="", message=f"The workbook was removed {keep.total_seconds() / 3600:g} hours after its check, "
            "unimported; upload it again to import it.",
        )  # fmt: skip
        removed += 1
    return removed


LOST = ("The worker running this task stopped before it finished (it was stopped, or its machine went down). "
        "An import is all or nothing, so nothing was changed: start it again.")


def lost_tasks_fail(now=None) -> int:
    """Mark failed the running tasks whose worker has stopped beating. Returns how many."""
    return jobs.fail_lost(Task, LOST, now)


def sweep() -> None:
    """What every worker does as it starts and every little while (registered in ExchangeConfig.ready)."""
    lost_tasks_fail()
    unconfirmed_uploads_remove()

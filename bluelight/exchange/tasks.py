"""The task worker: runs imports and exports queued from the pages, outside any web request.

Workers share nothing but the database and the data folder: a worker claims the oldest queued task
with an UPDATE that only one worker can win, runs it, and stores the result on the task. While a
task runs, its progress is written to a small file beside the uploads (not to the database, because
an import holds one transaction open until it is done and its progress must be readable meanwhile).
"""

from __future__ import annotations

import datetime
import json
import os
import time
import traceback
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.core.workbooks import WorkbookRefused
from bluelight.exchange import exporter, importer
from bluelight.exchange.models import Task
from bluelight.governance import storage
from bluelight.programmes.access import access_for


def _progress_path(task_id: int) -> Path:
    return storage.upload_dir() / "progress" / f"{task_id}.json"


def progress_of(task: Task) -> dict:
    """How far a task has got: done, total, and what it is doing."""
    if task.finished:
        return {"done": 1, "total": 1, "stage": task.get_status_display(), "status": task.status}
    try:
        data = json.loads(_progress_path(task.pk).read_text())
    except (FileNotFoundError, ValueError):
        data = {"done": 0, "total": 1, "stage": task.get_status_display()}
    return {**data, "status": task.status}


def _reporter(task_id: int):
    path = _progress_path(task_id)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)

    def report(done: int, total: int, stage: str) -> None:
        part = path.with_suffix(".part")
        part.write_text(json.dumps({"done": done, "total": total, "stage": stage}))
        os.replace(part, path)

    return report


def claim() -> Task | None:
    """The oldest queued task, now marked running by this worker; None when nothing is queued."""
    for task_id in Task.objects.filter(status=Task.Status.QUEUED).order_by("id").values_list("id", flat=True)[:5]:
        won = Task.objects.filter(pk=task_id, status=Task.Status.QUEUED).update(
            status=Task.Status.RUNNING, started_at=timezone.now()
        )
        if won:
            return Task.objects.select_related("programme", "created_by").get(pk=task_id)
    return None


def _run_import(task: Task, report) -> dict:
    actor = Actor(task.created_by, HistoryEntry.Channel.IMPORT)
    path = storage.path_of(task.stored_name)
    checked = None
    if not task.dry_run:  # the confirmed import writes only what its dry run showed
        checked = Task.objects.filter(kind=Task.Kind.IMPORT, dry_run=True, stored_name=task.stored_name).first()
    try:
        plan = importer.import_workbook(
            path,
            actor=actor,
            dry_run=task.dry_run,
            programme=task.programme,
            source=task.file_name,
            progress=report,
            may_change_organisations=task.created_by.is_superuser,
            seen=checked.result.get("seen") if checked else None,
        )
    except importer.ImportRefused as refused:
        return {"ok": False, "problems": [str(p) for p in refused.plan.problems],
                "by_sheet": _by_sheet(refused.plan)}  # fmt: skip
    except WorkbookRefused as refusal:
        return {"ok": False, "problems": [str(refusal)], "by_sheet": {}}
    done = {"ok": True, "dry_run": task.dry_run, "sheets": plan.summary()}
    if task.dry_run:
        done["seen"] = plan.seen()
    return done


def _by_sheet(plan) -> dict:
    return {
        sheet: [{"row": p.row, "column": p.column, "letter": p.letter, "message": p.message} for p in problems]
        for sheet, problems in importer.problems_by_sheet(plan).items()
    }


def _run_export(task: Task, report) -> dict:
    extension = "zip" if task.format == "csv" else task.format
    name, path = storage.reserve(extension)
    exporter.export_workbook(
        task.programme, task.format, path, actor=Actor(task.created_by, HistoryEntry.Channel.PAGE),
        marking=task.marking or None, progress=report, scope=access_for(task.created_by, task.programme).scope,
    )  # fmt: skip
    task.stored_name = name
    task.file_name = f"{task.programme.slug}-{timezone.localdate():%Y-%m-%d}.{extension}"
    return {"ok": True, "size": path.stat().st_size}


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
        storage.remove(task.stored_name)  # the workbook has done its work
    _progress_path(task.pk).unlink(missing_ok=True)
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
        storage.remove(name)
        Task.objects.filter(stored_name=name).update(
            stored_name="", message=f"The workbook was removed {keep.total_seconds() / 3600:g} hours after its check, "
            "unimported; upload it again to import it.",
        )  # fmt: skip
        removed += 1
    return removed


def work(*, once: bool = False, poll_seconds: float = 2.0, say=print, alive=lambda: True) -> int:
    """Run tasks as they are queued; with `once`, run what is queued now and return how many ran.

    `alive` is asked before each round: the demo's worker stops when the server it was started with has.
    """
    ran, swept = 0, -float("inf")
    while alive():
        if not connection.in_atomic_block:  # a long-lived worker drops connections the database has closed
            close_old_connections()
        if time.monotonic() - swept > 60:
            unconfirmed_uploads_remove()
            swept = time.monotonic()
        task = claim()
        if task is None:
            if once:
                return ran
            time.sleep(poll_seconds)
            continue
        say(f"Running {task} for {task.programme.slug}")
        task = run(task)
        ran += 1
        say(f"  {task.get_status_display()}")
    return ran

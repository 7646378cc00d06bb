"""Queueing workbook imports and exports for the task worker, from the pages: each Task with its job, in
one transaction."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from bluelight.core import files
from bluelight.core.history import Actor
from bluelight.core.workbooks import FORMATS
from bluelight.exchange import tasks
from bluelight.exchange.models import Task
from bluelight.programmes.models import Programme

WORKBOOK_EXTENSIONS = ("xlsx", "ods", "zip")


def import_queue(*, actor: Actor, programme: Programme, upload) -> Task:
    """Keep the uploaded workbook and queue a dry run of it (the person confirms before anything is written)."""
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    limit = settings.BLUELIGHT["UPLOAD_MAX_BYTES"]
    if extension not in WORKBOOK_EXTENSIONS:
        raise ValidationError({"workbook": "Choose an .xlsx or .ods workbook, or a .zip of .csv files."})
    if upload.size == 0:
        raise ValidationError({"workbook": "The selected file is empty."})
    if upload.size > limit:
        raise ValidationError({"workbook": f"The file must be smaller than {limit // (1024 * 1024)} MB."})
    stored_name, _ = files.store(upload.read(), extension)
    with transaction.atomic():
        return tasks.enqueue(Task.objects.create(
        kind=Task.Kind.IMPORT, programme=programme, created_by=actor.user, dry_run=True, file_name=name[:255],
        stored_name=stored_name,
    ))  # fmt: skip


@transaction.atomic
def import_confirm(*, actor: Actor, task: Task) -> Task:
    """After a clean dry run, queue the real import of the same workbook."""
    if task.kind != Task.Kind.IMPORT or not task.dry_run or task.status != Task.Status.DONE:
        raise ValidationError({"task": "Only a dry run that found no problems can be imported."})
    if not task.stored_name:
        raise ValidationError({"task": task.message or "The workbook is no longer kept; upload it again."})
    if Task.objects.filter(kind=Task.Kind.IMPORT, dry_run=False, stored_name=task.stored_name).exists():
        raise ValidationError({"task": "This workbook has already been imported."})
    return tasks.enqueue(Task.objects.create(
        kind=Task.Kind.IMPORT, programme=task.programme, created_by=actor.user, dry_run=False,
        file_name=task.file_name, stored_name=task.stored_name,
    ))  # fmt: skip


@transaction.atomic
def export_queue(*, actor: Actor, programme: Programme, format: str, marking: str = "") -> Task:  # noqa: A002
    if format not in FORMATS:
        raise ValidationError({"format": "Choose Excel (.xlsx), OpenDocument (.ods) or CSV (.zip)."})
    return tasks.enqueue(Task.objects.create(
        kind=Task.Kind.EXPORT, programme=programme, created_by=actor.user, format=format, marking=marking.strip()
    ))

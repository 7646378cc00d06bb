"""Pages for workbooks: export, import (a dry run first, then the real one), the blank template, task progress."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from bluelight.core import files, workbooks
from bluelight.core.history import Actor
from bluelight.core.pages import form_page
from bluelight.exchange import services
from bluelight.exchange.forms import ExportForm, ImportForm
from bluelight.exchange.models import Task
from bluelight.exchange.sheets import SCHEMA
from bluelight.exchange.tasks import progress_of
from bluelight.programmes.access import programme_for, require_admin

FORM = "governance/form.html"
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "zip": "application/zip",
}


def _office(request, slug):
    access = programme_for(request, slug)
    require_admin(access)
    return access


def _tasks_of(request, access):
    """The office sees every import and export of its programme; anyone else only their own exports."""
    tasks = Task.objects.filter(programme=access.programme).select_related("programme", "created_by")
    return tasks if access.can_administer else tasks.filter(created_by=request.user)


def workbook(request, slug):
    access = programme_for(request, slug)
    return render(request, "exchange/workbook.html", {
        "access": access, "programme": access.programme, "tasks": _tasks_of(request, access)[:20],
    })  # fmt: skip


def _back(slug):
    return reverse("workbook", args=[slug])


def export_start(request, slug):
    access = programme_for(request, slug)
    return form_page(
        request, ExportForm(request.POST or None),
        lambda data: services.export_queue(actor=Actor(request.user), programme=access.programme, **data),
        template=FORM, context={"programme": access.programme, "heading": "Export the programme as a workbook",
                                "caption": access.programme.name, "back": _back(slug), "button": "Start the export",
                                "intro": "Every sheet of the workbook format, with a cover sheet, holding the records "
                                         "you may see. Large programmes take a little while: the next page shows "
                                         "progress."},
        done="The export has started", next_url=lambda task: reverse("task-detail", args=[slug, task.pk]),
    )  # fmt: skip


def import_start(request, slug):
    access = _office(request, slug)
    return form_page(
        request, ImportForm(request.POST or None, request.FILES or None),
        lambda data: services.import_queue(actor=Actor(request.user), programme=access.programme,
                                           upload=data["workbook"]),
        template=FORM, context={"programme": access.programme, "heading": "Import a workbook",
                                "caption": access.programme.name, "back": _back(slug), "button": "Check the workbook",
                                "intro": "Bluelight first checks the whole workbook and shows what it would create "
                                         "and update, or every problem it finds. Nothing is changed until you "
                                         "confirm, and then the import is all or nothing."},
        done="The workbook is being checked", next_url=lambda task: reverse("task-detail", args=[slug, task.pk]),
    )  # fmt: skip


def _task(request, slug, task_id) -> Task:
    access = programme_for(request, slug)
    return get_object_or_404(_tasks_of(request, access), pk=task_id)


def task_detail(request, slug, task_id):
    task = _task(request, slug, task_id)
    result = task.result or {}
    totals = {k: sum(s[k] for s in result.get("sheets", [])) for k in ("create", "update", "unchanged", "left_alone")}
    confirmed = Task.objects.filter(kind=Task.Kind.IMPORT, dry_run=False, stored_name=task.stored_name).first()
    return render(request, "exchange/task.html", {
        "programme": task.programme, "task": task, "progress": progress_of(task), "result": result,
        "totals": totals, "confirmed": confirmed if task.dry_run else None,
    })  # fmt: skip


def task_progress(request, slug, task_id):
    return JsonResponse(progress_of(_task(request, slug, task_id)))


@require_POST
def task_confirm(request, slug, task_id):
    _office(request, slug)
    task = _task(request, slug, task_id)
    try:
        real = services.import_confirm(actor=Actor(request.user), task=task)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return redirect("task-detail", slug, task.pk)
    return redirect("task-detail", slug, real.pk)


def task_download(request, slug, task_id):
    task = _task(request, slug, task_id)
    if task.kind != Task.Kind.EXPORT or task.status != Task.Status.DONE:
        raise Http404("No file for this task")
    try:
        handle = files.open_file(task.stored_name)
    except FileNotFoundError:
        raise Http404("The file is no longer kept") from None
    extension = task.stored_name.rsplit(".", 1)[-1]
    return FileResponse(handle, as_attachment=True, filename=task.file_name, content_type=CONTENT_TYPES[extension])


def template(request):
    """The blank workbook: every sheet with its column headings and no rows."""
    tables = [workbooks.Table(spec.name, spec.headers, []) for spec in SCHEMA.values()]
    cover = workbooks.Cover(
        title="Bluelight programme workbook (blank template)", marking="OFFICIAL", as_at=timezone.localdate(),
        generated_by="Bluelight", generated_at=timezone.localtime().replace(tzinfo=None, microsecond=0),
    )  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bluelight-workbook-template.xlsx"
        workbooks.write(path, "xlsx", cover, tables)
        data = path.read_bytes()
    response = HttpResponse(data, content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="{path.name}"'
    return response

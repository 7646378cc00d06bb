"""The papers' pages: the list, adding and changing a paper, its page and its file."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse

from bluelight.benefits.selectors import case_appraisal
from bluelight.core import files, history
from bluelight.core.history import Actor, without_version
from bluelight.core.pages import form_page
from bluelight.governance import access as rights
from bluelight.governance import services
from bluelight.governance.forms_registers import DocumentForm
from bluelight.governance.models import Document
from bluelight.governance.views import FORM
from bluelight.programmes.access import programme_for, visible_or_404


def paper_list(request, slug):
    access = programme_for(request, slug)
    papers = access.visible(access.programme.documents.select_related("workstream")).order_by("-created_at")
    return render(request, "governance/paper_list.html", {
        "access": access, "programme": access.programme, "papers": papers, "kinds": Document.Kind.choices,
    })  # fmt: skip


def paper_create(request, slug, kind):
    access = programme_for(request, slug)
    if kind not in Document.Kind.values:
        raise Http404("No such kind of paper")
    workstreams = access.editable_workstreams()
    if not access.can_administer and not workstreams.exists():
        raise PermissionDenied("Only the programme office and workstream leads' editors can add papers.")
    form = DocumentForm(request.POST or None, request.FILES or None, kind=kind, workstreams=workstreams,
                        initial={"workstream": request.GET.get("workstream")})  # fmt: skip

    def save(data):
        rights.require_workstream_or_admin(access, data.get("workstream"))
        data = without_version(data)
        upload = data.pop("upload", None)
        file = (upload.name, upload.read(storage_limit() + 1)) if upload else None
        return services.document_create(actor=Actor(request.user), programme=access.programme, kind=kind,
                                        upload=file, **data)  # fmt: skip

    label = Document.Kind(kind).label
    return form_page(
        request, form, save, template=FORM,
        context={"programme": access.programme, "heading": f"Add a paper: {label.lower()}",
                 "caption": access.programme.name, "back": reverse("paper-list", args=[slug]), "button": "Add paper"},
        done=lambda paper: f"{paper.title} added", next_url=lambda paper: reverse("paper-detail", args=[slug, paper.id]),
    )  # fmt: skip


def paper_edit(request, slug, paper_id):
    access = programme_for(request, slug)
    paper = visible_or_404(access, access.programme.documents.select_related("workstream"), pk=paper_id)
    rights.require_workstream_or_admin(access, paper.workstream)
    form = DocumentForm(request.POST or None, kind=paper.kind, workstreams=access.editable_workstreams(),
                        editing=True)  # fmt: skip
    if not form.is_bound:
        form.initial = {name: getattr(paper, name) for name in form.fields if name != "parties"}
        form.initial["version"] = paper.version
        if "parties" in form.fields:
            form.initial["parties"] = list(paper.parties.all())

    def save(data):
        rights.require_workstream_or_admin(access, data.get("workstream"))
        return services.document_update(actor=Actor(request.user), document=paper, expected_version=data["version"],
                                        **without_version(data))  # fmt: skip

    return form_page(
        request, form, save, template=FORM,
        context={"programme": access.programme, "heading": f"Change {paper.title}", "caption": paper.get_kind_display(),
                 "back": reverse("paper-detail", args=[slug, paper.id])},
        done=f"{paper.title} saved", next_url=reverse("paper-detail", args=[slug, paper.id]),
    )  # fmt: skip


def storage_limit() -> int:
    from django.conf import settings

    return settings.BLUELIGHT["UPLOAD_MAX_BYTES"]


def paper_detail(request, slug, paper_id):
    access = programme_for(request, slug)
    paper = visible_or_404(access, access.programme.documents.select_related("workstream"), pk=paper_id)
    return render(request, "governance/paper_detail.html", {
        "access": access, "programme": access.programme, "paper": paper,
        "submissions": paper.agenda_items.select_related("meeting__board"),
        "decisions": paper.decisions.select_related("meeting__board"), "timeline": history.history_of(paper)[:50],
        "can_edit": rights.can_change(request.user, access, paper.workstream),
        "cases": [(paper._meta.get_field(f).verbose_name.capitalize(), getattr(paper, f)) for f in Document.FIVE_CASES],
        "appraisal": case_appraisal(paper.workstream, paper.appraisal_year, access.scope)
        if paper.kind == Document.Kind.BUSINESS_CASE and paper.workstream else None,
    })  # fmt: skip


def paper_file(request, slug, paper_id):
    """Always served as a download under the name it was uploaded with, never shown inline."""
    access = programme_for(request, slug)
    paper = visible_or_404(access, access.programme.documents.all(), pk=paper_id)
    if not paper.has_file:
        raise Http404("This paper has no file")
    try:
        handle = files.open_file(paper.stored_name)
    except FileNotFoundError:
        raise Http404("The file is missing from the store") from None
    return FileResponse(handle, as_attachment=True, filename=paper.file_name, content_type=paper.content_type)

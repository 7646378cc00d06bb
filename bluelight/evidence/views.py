"""The pages every evidence app shares: finding an analysis the user may see, its progress, and
attaching it as evidence. Each app's views call these with its kind and its own pages' names."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render

from bluelight.benefits.models import Benefit
from bluelight.core.access import Refused
from bluelight.core.history import Actor
from bluelight.evidence import selectors, services
from bluelight.evidence.forms import AttachForm
from bluelight.evidence.models import Analysis
from bluelight.evidence.tasks import progress_of
from bluelight.governance.models import Document
from bluelight.programmes.access import programme_for


def analysis_list(request, slug, kind: str, template: str):
    access = programme_for(request, slug)
    return render(request, template, {
        "access": access, "programme": access.programme,
        "analyses": selectors.analyses_of(access.scope, access.programme, kind),
    })  # fmt: skip


def analysis_of(request, slug, pk, kind: str):
    """The programme's access and the analysis of this kind the user may see, or 404."""
    access = programme_for(request, slug)
    return access, get_object_or_404(selectors.analyses_of(access.scope, access.programme, kind).defer(None), pk=pk)


def targets(access) -> list[tuple[str, str]]:
    """What the user may attach evidence to: workstreams, their benefits and the programme's papers."""
    workstreams = access.editable_workstreams()
    found = [(f"workstream:{w.pk}", f"Workstream: {w.title}") for w in workstreams]
    benefits = access.visible(Benefit.objects.filter(workstream__in=workstreams)).select_related("workstream")
    found += [(f"benefit:{b.pk}", f"Benefit: {b.title} ({b.workstream.title})") for b in benefits]
    papers = access.visible(Document.objects.filter(programme=access.programme))
    if not access.can_administer:
        papers = papers.filter(workstream__in=workstreams)
    found += [(f"document:{d.pk}", f"{d.get_kind_display()}: {d.title}") for d in papers]
    return found


def base_context(access, analysis: Analysis, attach_form=None) -> dict:
    context = {"access": access, "programme": access.programme, "analysis": analysis,
               "result": analysis.result if analysis.status == Analysis.Status.DONE else {},
               "progress": progress_of(analysis)}  # fmt: skip
    if context["result"]:
        context |= {"attachments": selectors.attachments_of(analysis),
                    "attach_form": attach_form or AttachForm(targets=targets(access))}  # fmt: skip
    return context


def analysis_progress(request, slug, pk, kind: str):
    return JsonResponse(progress_of(analysis_of(request, slug, pk, kind)[1]))


def analysis_attach(request, slug, pk, kind: str, detail, detail_name: str):
    """Attach the analysis to what the form names; `detail(request, slug, pk, attach_form=…)` shows the
    page again with the form's errors."""
    access, analysis = analysis_of(request, slug, pk, kind)
    form = AttachForm(request.POST, targets=targets(access))
    if not form.is_valid():
        return detail(request, slug, pk, attach_form=form)
    target_kind, _, key = form.cleaned_data["target"].partition(":")
    models = {"workstream": access.programme.workstreams.all(), "document": Document.objects.all(),
              "benefit": Benefit.objects.all()}  # fmt: skip
    target = get_object_or_404(access.visible(models[target_kind]), pk=key)
    try:
        services.analysis_attach(actor=Actor(request.user), analysis=analysis, note=form.cleaned_data["note"],
                                 **{target_kind: target})  # fmt: skip
    except ValidationError as refusal:
        for message in refusal.messages:
            form.add_error("target", message)
        return detail(request, slug, pk, attach_form=form)
    except (PermissionDenied, Refused) as refusal:
        raise PermissionDenied(str(refusal)) from None
    messages.success(request, f"The analysis is attached to {target}")
    return redirect(detail_name, slug, pk)

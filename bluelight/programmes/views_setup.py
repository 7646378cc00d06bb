"""Setting a programme up: create it, change its details, add its sections and plan priorities."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from bluelight.core.forms import form_status, run_service
from bluelight.core.history import Actor
from bluelight.programmes import services
from bluelight.programmes.access import programme_for, require_admin
from bluelight.programmes.forms import PriorityForm, ProgrammeForm, SectionForm


def programme_create(request):
    if not request.user.is_superuser:
        raise PermissionDenied("Only a system administrator can create a programme.")
    form = ProgrammeForm(request.POST or None, initial={"rag_scale": "three_point"})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        created = []
        refused = run_service(
            form, lambda: created.append(services.programme_create(actor=Actor(request.user), **data))
        )
        if refused is None:
            messages.success(request, f"Programme ‘{created[0].name}’ created. Add its sections next.")
            return redirect("programme-settings", slug=created[0].slug)
    return render(
        request, "programmes/programme_form.html", {"form": form, "creating": True}, status=form_status(form, None)
    )


def programme_settings(request, slug):
    access = programme_for(request, slug)
    programme = access.programme
    section_form = SectionForm(request.POST if "add_section" in request.POST else None, prefix="section")
    priority_form = PriorityForm(request.POST if "add_priority" in request.POST else None, prefix="priority")
    status = 200
    if request.method == "POST":
        require_admin(access)
        form, service, label = (
            (section_form, services.section_create, "Section")
            if "add_section" in request.POST
            else (priority_form, services.priority_create, "Plan priority")
        )
        if (
            form.is_valid()
            and run_service(form, lambda: service(actor=Actor(request.user), programme=programme, **form.cleaned_data))
            is None
        ):
            messages.success(request, f"{label} added")
            return redirect("programme-settings", slug=slug)
        status = 400
    return render(
        request,
        "programmes/programme_settings.html",
        {
            "access": access,
            "programme": programme,
            "section_form": section_form,
            "priority_form": priority_form,
            "sections": programme.sections.all(),
            "priorities": programme.priorities.all(),
        },  # fmt: skip
        status=status,
    )


def programme_edit(request, slug):
    access = programme_for(request, slug)
    require_admin(access)
    programme = access.programme
    initial = {
        **{
            f: getattr(programme, f)
            for f in ("name", "description", "cycle_start_year", "cycle_end_year", "illustrative_note")
        },
        "partners": list(programme.partners.all()),
        "version": programme.version,
    }
    form = ProgrammeForm(request.POST or None, editing=True, initial=initial)
    refused = None
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        refused = run_service(
            form,
            lambda: services.programme_update(
                actor=Actor(request.user),
                programme=programme,
                expected_version=form.cleaned_data["version"] or 0,
                **data,
            ),
        )
        if refused is None:
            messages.success(request, "Programme details saved")
            return redirect("programme-settings", slug=slug)
    return render(
        request,
        "programmes/programme_form.html",
        {"form": form, "programme": programme},
        status=form_status(form, refused),
    )

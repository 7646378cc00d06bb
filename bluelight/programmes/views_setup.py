"""Setting a programme up: create it, change its details, add its sections and plan priorities."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse

from bluelight.core.forms import run_service
from bluelight.core.history import Actor, without_version
from bluelight.core.pages import form_page
from bluelight.programmes import services
from bluelight.programmes.access import programme_for, require_admin
from bluelight.programmes.forms import PriorityForm, ProgrammeForm, SectionForm


def programme_create(request):
    if not request.user.is_superuser:
        raise PermissionDenied("Only a system administrator can create a programme.")
    return form_page(
        request,
        ProgrammeForm(request.POST or None, initial={"rag_scale": "three_point", "risk_threshold": 12}),
        lambda data: services.programme_create(actor=Actor(request.user), **without_version(data)),
        template="programmes/programme_form.html",
        context={"creating": True},
        done=lambda programme: f"Programme ‘{programme.name}’ created. Add its sections next.",
        next_url=lambda programme: reverse("programme-settings", args=[programme.slug]),
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
    fields = ("name", "description", "cycle_start_year", "cycle_end_year", "illustrative_note", "risk_threshold",
              "public_page")  # fmt: skip
    initial = {
        **{f: getattr(programme, f) for f in fields},
        "partners": list(programme.partners.all()),
        "version": programme.version,
    }
    return form_page(
        request,
        ProgrammeForm(request.POST or None, editing=True, initial=initial),
        lambda data: services.programme_update(
            actor=Actor(request.user),
            programme=programme,
            expected_version=data["version"] or 0,
            **without_version(data),
        ),  # fmt: skip
        template="programmes/programme_form.html",
        context={"programme": programme},
        done="Programme details saved",
        next_url=reverse("programme-settings", args=[slug]),
    )

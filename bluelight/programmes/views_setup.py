"""Setting a programme up: create it, change its details, add its sections and plan priorities."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from bluelight.core.history import Actor, StaleEdit
from bluelight.programmes import services
from bluelight.programmes.access import programme_for, require_admin
from bluelight.programmes.forms import PriorityForm, ProgrammeForm, SectionForm


def programme_create(request):
    if not request.user.is_superuser:
        raise PermissionDenied("Only a system administrator can create a programme.")
    form = ProgrammeForm(request.POST or None, initial={"rag_scale": "three_point"})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            programme = services.programme_create(actor=Actor(request.user), **data)
        except ValidationError as error:
            form.apply_service_errors(error)
        else:
            messages.success(request, f"Programme ‘{programme.name}’ created. Add its sections next.")
            return redirect("programme-settings", slug=programme.slug)
    return render(
        request, "programmes/programme_form.html", {"form": form, "creating": True}, status=400 if form.errors else 200
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
        if form.is_valid():
            try:
                service(actor=Actor(request.user), programme=programme, **form.cleaned_data)
            except ValidationError as error:
                form.apply_service_errors(error)
            else:
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
    status = 200
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.programme_update(
                actor=Actor(request.user),
                programme=programme,
                expected_version=form.cleaned_data["version"] or 0,
                **data,
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
            status = 409
        except ValidationError as error:
            form.apply_service_errors(error)
        else:
            messages.success(request, "Programme details saved")
            return redirect("programme-settings", slug=slug)
    if form.errors and status == 200:
        status = 400
    return render(request, "programmes/programme_form.html", {"form": form, "programme": programme}, status=status)

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from bluelight.core.forms import GovukForm, form_status, run_service
from bluelight.core.history import Actor
from bluelight.core.models import Organisation
from bluelight.programmes import services
from bluelight.programmes.models import ProgrammeMembership


class OrganisationForm(GovukForm):
    name = forms.CharField(max_length=200, help_text="The full name, e.g. Essex County Fire and Rescue Service")
    short_code = forms.CharField(max_length=20, label="Short code", help_text="As reports abbreviate it, e.g. ECFRS")
    kind = forms.ChoiceField(choices=Organisation.Kind.choices, widget=forms.RadioSelect, label="Type")


def _may_add_organisations(user) -> bool:
    return user.is_superuser or user.memberships.filter(role=ProgrammeMembership.Role.PROGRAMME_ADMIN).exists()


def organisation_list(request):
    return render(
        request,
        "core/organisation_list.html",
        {"organisations": Organisation.objects.all(), "can_add": _may_add_organisations(request.user)},
    )


def organisation_create(request):
    if not _may_add_organisations(request.user):
        raise PermissionDenied("Only a programme office can add organisations.")
    form = OrganisationForm(request.POST or None)
    refused = None
    if request.method == "POST" and form.is_valid():
        refused = run_service(
            form, lambda: services.organisation_create(actor=Actor(request.user), **form.cleaned_data)
        )
        if refused is None:
            messages.success(request, f"{form.cleaned_data['name']} added")
            return redirect("organisation-list")
    return render(request, "core/organisation_form.html", {"form": form}, status=form_status(form, refused))

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse

from bluelight.core.forms import GovukForm
from bluelight.core.history import Actor
from bluelight.core.models import Organisation, SecurityEvent
from bluelight.core.pages import form_page
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
    return form_page(
        request,
        OrganisationForm(request.POST or None),
        lambda data: services.organisation_create(actor=Actor(request.user), **data),
        template="core/organisation_form.html",
        context={},
        done=lambda organisation: f"{organisation.name} added",
        next_url=reverse("organisation-list"),
    )


def session_keep_alive(request):
    """The 'Stay signed in' button: the middleware has already counted this request as activity."""
    return JsonResponse({"idle_seconds": settings.BLUELIGHT["IDLE_SECONDS"]})


def security_log(request):
    """System administrators only: the append-only log of sign-ins, refusals, exports and role changes."""
    if not request.user.is_superuser:
        raise PermissionDenied("Only a system administrator can read the security log.")
    kind = request.GET.get("kind", "")
    events = SecurityEvent.objects.all()
    if kind:
        events = events.filter(kind=kind)
    return render(
        request,
        "core/security_log.html",
        {"events": events[:500], "kinds": SecurityEvent.Kind.choices, "kind": kind},
    )


@login_not_required  # the law asks that anyone can read it, signed in or not
def accessibility(request):
    return render(request, "core/accessibility.html")

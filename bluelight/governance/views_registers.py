"""Pages for the risk register and milestones (papers are views_papers.py)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from bluelight.core import history
from bluelight.core.history import Actor, without_version
from bluelight.core.pages import form_page
from bluelight.governance import access as rights
from bluelight.governance import risk as risk_engine
from bluelight.governance import selectors, services
from bluelight.governance.forms_registers import MilestoneForm, RiskForm
from bluelight.governance.models import Milestone
from bluelight.governance.views import FORM
from bluelight.programmes.access import programme_for, require_edit, visible_or_404, workstream_for


def risk_register(request, slug):
    access = programme_for(request, slug)
    programme = access.programme
    show = request.GET.get("show", "open")
    risks = selectors.risks_of(programme, access.scope)
    if show == "open":
        risks = risks.filter(status="open")
    return render(request, "governance/risk_register.html", {
        "access": access, "programme": programme, "rows": selectors.risk_rows(risks, None), "show": show,
        "heat_map": selectors.heat_map(programme, access.scope),
        "can_add": access.can_administer or access.editable_workstreams().exists(),
    })  # fmt: skip


def risk_create(request, slug):
    access = programme_for(request, slug)
    workstreams = access.editable_workstreams()
    if not access.can_administer and not workstreams.exists():
        raise PermissionDenied("Only the programme office and workstream leads' editors can add risks.")

    def save(data):
        return services.risk_create(actor=Actor(request.user), programme=access.programme, **without_version(data))

    initial = {"kind": "risk", "proximity": "12m", "status": "open", "workstream": request.GET.get("workstream")}
    return form_page(
        request, RiskForm(request.POST or None, workstreams=workstreams, initial=initial), save,
        template=FORM, context={"programme": access.programme, "heading": "Add a risk or issue",
                                "caption": access.programme.name, "back": reverse("risk-register", args=[slug]),
                                "button": "Add risk"},
        done=lambda risk: f"Risk {risk.reference} added", next_url=lambda risk: reverse("risk-detail", args=[slug, risk.number]),
    )  # fmt: skip


def risk_detail(request, slug, number):
    access = programme_for(request, slug)
    risk = visible_or_404(access, selectors.risks_of(access.programme), number=number)
    can_edit = rights.can_change(request.user, access, risk.workstream)
    return render(request, "governance/risk_detail.html", {
        "access": access, "programme": access.programme, "risk": risk, "reviews": risk.reviews.order_by("-reviewed_on", "-recorded_at"),
        "timeline": history.history_of(risk)[:50], "can_edit": can_edit,
        "band": risk_engine.band(risk.residual_score), "above": risk.residual_score > access.programme.risk_threshold,
    })  # fmt: skip


def risk_edit(request, slug, number):
    access = programme_for(request, slug)
    risk = visible_or_404(access, selectors.risks_of(access.programme), number=number)
    rights.require_workstream_or_admin(access, risk.workstream)
    fields = [f for f in RiskForm.base_fields if f != "version"]
    initial = {**{f: getattr(risk, f) for f in fields}, "version": risk.version}

    def save(data):
        return services.risk_update(actor=Actor(request.user), risk=risk, expected_version=data["version"],
                                    **without_version(data))  # fmt: skip

    return form_page(
        request, RiskForm(request.POST or None, workstreams=access.editable_workstreams(), initial=initial),
        save, template=FORM,
        context={"programme": access.programme, "heading": f"Review risk {risk.reference}", "caption": risk.title,
                 "back": reverse("risk-detail", args=[slug, number]),
                 "intro": "A change of score or status is kept as a dated review, so the board pack shows the movement."},
        done=f"Risk {risk.reference} saved", next_url=reverse("risk-detail", args=[slug, number]),
    )  # fmt: skip


def milestone_create(request, slug, key):
    access, workstream = workstream_for(request, slug, key)
    require_edit(access, workstream)
    return form_page(
        request, MilestoneForm(request.POST or None),
        lambda data: services.milestone_create(actor=Actor(request.user), workstream=workstream, **without_version(data)),
        template=FORM, context={"programme": access.programme, "heading": "Add a milestone", "caption": workstream.title,
                                "back": reverse("workstream-detail", args=[slug, key]), "button": "Add milestone"},
        done=lambda m: f"Milestone “{m.title}” added", next_url=reverse("workstream-detail", args=[slug, key]),
    )  # fmt: skip


def milestone_edit(request, slug, key, milestone_id):
    access, workstream = workstream_for(request, slug, key)
    require_edit(access, workstream)
    milestone = get_object_or_404(Milestone, workstream=workstream, pk=milestone_id)
    initial = {f: getattr(milestone, f) for f in ("title", "due_on", "forecast_on", "achieved_on", "version")}
    return form_page(
        request, MilestoneForm(request.POST or None, initial=initial),
        lambda data: services.milestone_update(actor=Actor(request.user), milestone=milestone,
                                               expected_version=data["version"], **without_version(data)),
        template=FORM, context={"programme": access.programme, "heading": "Update a milestone",
                                "caption": workstream.title, "back": reverse("workstream-detail", args=[slug, key])},
        done=f"Milestone “{milestone.title}” saved", next_url=reverse("workstream-detail", args=[slug, key]),
    )  # fmt: skip

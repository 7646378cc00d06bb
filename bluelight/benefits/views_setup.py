"""The programme office's benefits set-up: target and thresholds, and the unit cost library."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render

from bluelight.benefits import services
from bluelight.benefits.forms import BenefitForm, BenefitSettingsForm, UnitCostForm
from bluelight.benefits.models import Benefit, BenefitSettings, ConfidenceGrade
from bluelight.core.forms import form_status, run_service
from bluelight.core.history import Actor
from bluelight.programmes.access import programme_for, require_admin


def benefit_settings(request, slug):
    access = programme_for(request, slug)
    require_admin(access)
    programme = access.programme
    current = BenefitSettings.objects.filter(programme=programme).first()
    initial = {}
    if current:
        initial = {f: getattr(current, f) for f in ("target", "price_base_year", "green_at", "amber_at")}
    for grade in ConfidenceGrade.objects.filter(programme=programme):
        initial[f"grade_{grade.grade}"] = grade.optimism_bias
    form = BenefitSettingsForm(request.POST or None, programme=programme, initial=initial)
    refused = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        grades = {g: data[f"grade_{g}"] for g in range(1, 7)}
        refused = run_service(
            form,
            lambda: services.settings_set(
                actor=Actor(request.user),
                programme=programme,
                target=data["target"],
                price_base_year=data["price_base_year"],
                green_at=data["green_at"],
                amber_at=data["amber_at"],
                grades=grades,
            ),  # fmt: skip
        )
        if refused is None:
            messages.success(request, "Benefits target and method saved")
            return redirect("benefits-dashboard", slug=slug)
    return render(
        request,
        "benefits/settings_form.html",
        {"form": form, "programme": programme},
        status=form_status(form, refused),
    )


def unit_costs(request, slug):
    access = programme_for(request, slug)
    programme = access.programme
    form = UnitCostForm(request.POST or None, programme=programme, initial={"category": "crime"})
    refused = None
    if request.method == "POST":
        require_admin(access)
        if form.is_valid():
            refused = run_service(
                form,
                lambda: services.unit_cost_create(actor=Actor(request.user), programme=programme, **form.cleaned_data),
            )
            if refused is None:
                messages.success(request, f"Unit cost ‘{form.cleaned_data['name']}’ added")
                return redirect("unit-costs", slug=slug)
    return render(
        request,
        "benefits/unit_costs.html",
        {"access": access, "programme": programme, "form": form, "costs": programme.unit_costs.all()},
        status=form_status(form, refused),
    )


BENEFIT_FIELDS = (
    "workstream", "title", "kind", "status", "owner", "measure", "baseline", "confidence_grade", "method",
    "unit_cost", "price_year", "deadweight", "attribution", "adjustments_justification", "health", "illustrative",
)  # fmt: skip


def _benefit_values(data):
    return {name: data[name] for name in BENEFIT_FIELDS if name != "workstream"}


def benefit_create(request, slug):
    access = programme_for(request, slug)
    require_admin(access)
    programme = access.programme
    form = BenefitForm(
        request.POST or None, programme=programme,
        initial={"method": "amount", "status": "identified", "confidence_grade": 3, "kind": "cashable",
                 "price_year": programme.benefit_settings.price_base_year if hasattr(programme, "benefit_settings") else programme.cycle_start_year},
    )  # fmt: skip
    refused = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = []
        refused = run_service(
            form,
            lambda: created.append(
                services.benefit_create(
                    actor=Actor(request.user),
                    workstream=data["workstream"],
                    key=data["key"],
                    gains=data["gains"],
                    years=data["years"],
                    payers=data["payers"],
                    **_benefit_values(data),
                )  # fmt: skip
            ),
        )
        if refused is None:
            messages.success(request, f"Benefit ‘{created[0].title}’ added")
            return redirect("benefit-detail", slug=slug, key=created[0].key)
    return render(
        request, "benefits/benefit_form.html", {"form": form, "programme": programme, "creating": True},
        status=form_status(form, refused),
    )  # fmt: skip


def benefit_edit(request, slug, key):
    access = programme_for(request, slug)
    require_admin(access)
    programme = access.programme
    benefit = get_object_or_404(Benefit.objects.filter(workstream__programme=programme), key=key)
    initial = {name: getattr(benefit, name) for name in BENEFIT_FIELDS}
    initial.update({"workstream": benefit.workstream_id, "unit_cost": benefit.unit_cost_id, "version": benefit.version,
                    "payers": list(benefit.payers.all())})  # fmt: skip
    initial.update({f"gain_{g.organisation_id}": g.share for g in benefit.gains.all()})
    for row in benefit.years.all():
        initial.update({f"low_{row.year}": row.low, f"central_{row.year}": row.central, f"high_{row.year}": row.high})
    form = BenefitForm(request.POST or None, programme=programme, editing=True, initial=initial)
    refused = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        refused = run_service(
            form,
            lambda: services.benefit_update(
                actor=Actor(request.user),
                benefit=benefit,
                expected_version=data["version"] or 0,
                gains=data["gains"],
                years=data["years"],
                payers=data["payers"],
                **_benefit_values(data),
            ),  # fmt: skip
        )
        if refused is None:
            messages.success(request, "Benefit saved")
            return redirect("benefit-detail", slug=slug, key=key)
    return render(
        request, "benefits/benefit_form.html", {"form": form, "programme": programme, "benefit": benefit},
        status=form_status(form, refused),
    )  # fmt: skip

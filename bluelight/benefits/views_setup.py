"""The programme office's benefits set-up: target and thresholds, and the unit cost library."""

from django.db import transaction
from django.urls import reverse

from bluelight.benefits import services
from bluelight.benefits.forms import BenefitForm, BenefitSettingsForm, CostForm, UnitCostForm
from bluelight.benefits.models import Benefit, BenefitSettings, ConfidenceGrade, WorkstreamCost
from bluelight.core.access import refuse
from bluelight.core.history import Actor
from bluelight.core.pages import form_page
from bluelight.programmes.access import programme_for, require_admin, visible_or_404


def benefit_settings(request, slug):
    access = programme_for(request, slug)
    require_admin(access)
    programme = access.programme
    current = BenefitSettings.objects.filter(programme=programme).first()
    if current:
        initial = {f: getattr(current, f) for f in ("target", "price_base_year", "appraisal_year", "before_year_0",
                                                    "target_basis", "green_at", "amber_at", "deflators", "version")}
        initial["appraisal_year"] = current.year_0
    else:
        initial = {"appraisal_year": programme.cycle_start_year, "before_year_0": BenefitSettings.Before.EXCLUDE,
                   "target_basis": BenefitSettings.Basis.PROFILED}  # fmt: skip
    for grade in ConfidenceGrade.objects.filter(programme=programme):
        initial[f"grade_{grade.grade}"] = grade.optimism_bias

    @transaction.atomic
    def save(data):
        actor = Actor(request.user)
        saved = services.settings_set(
            actor=actor, programme=programme, target=data["target"], price_base_year=data["price_base_year"],
            green_at=data["green_at"], amber_at=data["amber_at"], grades={g: data[f"grade_{g}"] for g in range(1, 7)},
            appraisal_year=data["appraisal_year"], before_year_0=data["before_year_0"],
            target_basis=data["target_basis"],
            expected_version=data["version"] if current else None,
        )  # fmt: skip
        if saved.deflators != data["deflators"]:
            services.deflators_choose(actor=actor, programme=programme, release=data["deflators"])
        return saved

    return form_page(
        request,
        BenefitSettingsForm(request.POST or None, programme=programme, initial=initial),
        save,
        template="benefits/settings_form.html",
        context={"programme": programme},
        done="Benefits target and method saved",
        next_url=reverse("benefits-dashboard", args=[slug]),
    )


def unit_costs(request, slug):
    access = programme_for(request, slug)
    programme = access.programme
    if request.method == "POST":
        require_admin(access)
    return form_page(
        request,
        UnitCostForm(request.POST or None, programme=programme, initial={"category": "crime"}),
        lambda data: services.unit_cost_create(actor=Actor(request.user), programme=programme, **data),
        template="benefits/unit_costs.html",
        context={"access": access, "programme": programme, "costs": programme.unit_costs.all()},
        done=lambda cost: f"Unit cost ‘{cost.name}’ added",
        next_url=reverse("unit-costs", args=[slug]),
    )


BENEFIT_FIELDS = (
    "workstream", "title", "kind", "value_kind", "transfer", "status", "owner", "measure", "baseline", "confidence_grade", "method",
    "unit_cost", "price_year", "deadweight", "attribution", "adjustments_justification", "evidence", "health",
    "illustrative", "marking",
)  # fmt: skip


def _benefit_values(data):
    return {name: data[name] for name in BENEFIT_FIELDS if name != "workstream"}


def benefit_create(request, slug):
    access = programme_for(request, slug)
    workstreams = access.editable_workstreams()
    if not access.can_administer and not workstreams.exists():
        refuse(403, "Only the programme office and workstream leads' editors can add benefits.")
    programme = access.programme
    base_year = programme.benefit_settings.price_base_year if hasattr(programme, "benefit_settings") else None
    initial = {"method": "amount", "status": "identified", "confidence_grade": 3, "kind": "cashable",
               "price_year": base_year or programme.cycle_start_year}  # fmt: skip
    return form_page(
        request,
        BenefitForm(request.POST or None, programme=programme, workstreams=workstreams, initial=initial),
        lambda data: services.benefit_create(
            actor=Actor(request.user),
            workstream=data["workstream"],
            key=data["key"],
            gains=data["gains"],
            years=data["years"],
            payers=data["payers"],
            **_benefit_values(data),
        ),  # fmt: skip
        template="benefits/benefit_form.html",
        context={"programme": programme, "creating": True},
        done=lambda benefit: f"Benefit ‘{benefit.title}’ added",
        next_url=lambda benefit: reverse("benefit-detail", args=[slug, benefit.key]),
    )


def benefit_edit(request, slug, key):
    access = programme_for(request, slug)
    programme = access.programme
    benefit = visible_or_404(access, Benefit.objects.filter(workstream__programme=programme), key=key)
    access.require_owner(
        benefit.workstream.lead_organisation_id,
        "Only the programme office and the lead organisation's editors can change this benefit.",
    )
    workstreams = access.editable_workstreams()
    initial = {name: getattr(benefit, name) for name in BENEFIT_FIELDS}
    initial.update({"workstream": benefit.workstream_id, "unit_cost": benefit.unit_cost_id, "version": benefit.version,
                    "payers": list(benefit.payers.all())})  # fmt: skip
    initial.update({f"gain_{g.organisation_id}": g.share for g in benefit.gains.all()})
    for row in benefit.years.all():
        initial.update({f"low_{row.year}": row.low, f"central_{row.year}": row.central, f"high_{row.year}": row.high})
    return form_page(
        request,
        BenefitForm(request.POST or None, programme=programme, workstreams=workstreams, editing=True, initial=initial),
        lambda data: services.benefit_update(
            actor=Actor(request.user),
            benefit=benefit,
            expected_version=data["version"] or 0,
            gains=data["gains"],
            years=data["years"],
            payers=data["payers"],
            **_benefit_values(data),
        ),  # fmt: skip
        template="benefits/benefit_form.html",
        context={"programme": programme, "benefit": benefit},
        done="Benefit saved",
        next_url=reverse("benefit-detail", args=[slug, key]),
    )


def costs(request, slug):
    access = programme_for(request, slug)
    programme = access.programme
    if request.method == "POST":
        require_admin(access)
    return form_page(
        request,
        CostForm(request.POST or None, programme=programme),
        lambda data: services.cost_record(actor=Actor(request.user), **data),
        template="benefits/costs.html",
        context={
            "access": access,
            "programme": programme,
            "costs": access.visible(WorkstreamCost.objects.filter(workstream__programme=programme)).select_related(
                "workstream"
            ),
        },  # fmt: skip
        done=lambda cost: f"Cost for {cost.workstream.title} recorded",
        next_url=reverse("benefit-costs", args=[slug]),
    )

"""Pages for response-cover scenarios: the programme's scenarios, starting one (a background task with
progress), its map and before/after tables, attaching it as evidence, and a benefit line from it."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from bluelight.benefits.models import UnitCost
from bluelight.core import versions
from bluelight.core.history import Actor
from bluelight.core.pages import form_page
from bluelight.core.templatetags.bluelight import pounds
from bluelight.core.years import label
from bluelight.cover import drawing, runner, services
from bluelight.cover.forms import BenefitLineForm, ScenarioForm
from bluelight.evidence import services as evidence_services
from bluelight.evidence import views as shared
from bluelight.evidence.models import Analysis
from bluelight.programmes.access import programme_for, require_admin

KIND = Analysis.Kind.COVER


def scenario_list(request, slug):
    return shared.analysis_list(request, slug, KIND, "cover/list.html")


def scenario_start(request, slug):
    access = programme_for(request, slug)
    require_admin(access)

    def start(data):
        files = [(role, data[role]) for role in ("stations", "incidents", "matrix") if data.get(role)]
        return evidence_services.analysis_start(
            actor=Actor(request.user), programme=access.programme, kind=KIND, title=data["title"],
            uploads=[(f.name, f.read()) for _, f in files],
            parameters=runner.parameters(**{k: data[k] for k in ("within", "mean", "centile", "speed", "circuity",
                                                                    "choose", "method")}, share_percent=data["share"])
            | {"roles": [role for role, _ in files]},
        )  # fmt: skip

    return form_page(
        request, ScenarioForm(request.POST or None, request.FILES or None), start,
        template="governance/form.html",
        context={"programme": access.programme, "heading": "Test response cover", "caption": access.programme.name,
                 "back": reverse("cover-list", args=[slug]), "button": "Start the scenario",
                 "intro": "Bluelight works out which station reaches each incident first, the mean and 90th centile "
                          "response and the share within the standard, with the open stations and with the "
                          "candidates it chooses to add. A bad file is refused with its row and reason. The next "
                          "page shows progress."},
        done="The scenario has started", next_url=lambda a: reverse("cover-detail", args=[slug, a.pk]),
    )  # fmt: skip


def _map(analysis: Analysis) -> str:
    return versions.cached("cover-map", (analysis.pk, analysis.version),
                           lambda: drawing.map_svg(analysis.result, analysis.title), area="evidence")  # fmt: skip


def _benefit_form(access, analysis: Analysis, data=None) -> BenefitLineForm:
    programme = access.programme
    costs = UnitCost.objects.filter(programme=programme)
    years = [(y, label(y)) for y in range(programme.cycle_start_year, programme.cycle_end_year + 1)]
    workstreams = list(access.editable_workstreams())
    attached = set(analysis.attachments.filter(workstream__isnull=False).values_list("workstream_id", flat=True))
    first = next((w for w in workstreams if w.pk in attached), None)  # the workstream it is evidence for
    initial = {"incidents_a_year": services.incidents_a_year(analysis.result), "uplift_low": Decimal(1),
               "uplift_central": Decimal(2), "uplift_high": Decimal(3), "first_year": years[0][0] if years else None,
               "last_year": years[-1][0] if years else None, "title": f"Better outcomes from {analysis.title}",
               "workstream": first.pk if first else None,
               "gains": first.lead_organisation_id if first else None}  # fmt: skip
    return BenefitLineForm(
        data, initial=initial,
        workstreams=[(w.pk, w.title) for w in workstreams],
        unit_costs=[(c.pk, f"{c.name}: {pounds(c.value)} {c.unit} ({label(c.price_year)} prices)") for c in costs],
        organisations=[(o.pk, o.name) for o in programme.partners.all()], years=years,
    )  # fmt: skip


def scenario_detail(request, slug, pk, attach_form=None, benefit_form=None):
    access, analysis = shared.analysis_of(request, slug, pk, KIND)
    context = shared.base_context(access, analysis, attach_form)
    result = context["result"]
    if result:
        after = result.get("after") or result["before"]
        context |= {
            "map": _map(analysis), "after": after, "added": sum(s["chosen"] for s in result["station_rows"]), "comparison": drawing.comparison_rows(result),
            "headers": drawing.HEADERS, "keys": [(k, drawing.swatch_svg(k)) for k in drawing.KEYS],
            "services": [(name, b, after["service"][name]) for name, b in result["before"]["service"].items()],
        }  # fmt: skip
        if access.can_administer and result.get("newly_within"):
            context["benefit_form"] = benefit_form or _benefit_form(access, analysis)
    status = 400 if attach_form is not None or benefit_form is not None else 200
    return render(request, "cover/detail.html", context, status=status)


def scenario_progress(request, slug, pk):
    return shared.analysis_progress(request, slug, pk, KIND)


@require_POST
def scenario_attach(request, slug, pk):
    return shared.analysis_attach(request, slug, pk, KIND, scenario_detail, "cover-detail")


@require_POST
def scenario_benefit(request, slug, pk):
    access, analysis = shared.analysis_of(request, slug, pk, KIND)
    require_admin(access)
    form = _benefit_form(access, analysis, request.POST)
    if not form.is_valid():
        return scenario_detail(request, slug, pk, benefit_form=form)
    data = form.cleaned_data
    workstream = get_object_or_404(access.editable_workstreams(), pk=data["workstream"])
    assumptions = services.Assumptions(
        incidents_a_year=data["incidents_a_year"], uplift_low=form.share("uplift_low"),
        uplift_central=form.share("uplift_central"), uplift_high=form.share("uplift_high"),
        unit_cost=get_object_or_404(UnitCost, programme=access.programme, pk=data["unit_cost"]),
        first_year=int(data["first_year"]), last_year=int(data["last_year"]),
    )  # fmt: skip
    try:
        benefit = services.benefit_from_scenario(
            actor=Actor(request.user), analysis=analysis, workstream=workstream, title=data["title"],
            assumptions=assumptions, gains=access.programme.partners.get(pk=data["gains"]),
            confidence_grade=data["confidence_grade"],
        )  # fmt: skip
    except ValidationError as refusal:
        form.apply_service_errors(refusal)
        return scenario_detail(request, slug, pk, benefit_form=form)
    messages.success(request, f"“{benefit.title}” is in the benefits register as a draft (Identified)")
    return redirect("benefit-detail", slug, benefit.key)

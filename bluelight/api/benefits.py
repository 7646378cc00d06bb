"""The JSON API for benefits and their profiles (low, central and high for each financial year)."""

from __future__ import annotations

from django.http import JsonResponse
from django.urls import reverse

from bluelight.api import lookups
from bluelight.api.base import body_of, endpoint, page_of
from bluelight.api.fields import (
    Boolean,
    Choice,
    Figure,
    Integer,
    Invalid,
    ListOf,
    Reference,
    Share,
    Text,
    parse,
    required,
)  # fmt: skip
from bluelight.api.schemas import BOOLEAN, FIGURE, INTEGER, MARKING, MAYBE_STRING, STRING, record
from bluelight.benefits import lines, services
from bluelight.benefits.models import Benefit
from bluelight.benefits.services import YearValues
from bluelight.core.models import Marking
from bluelight.programmes.access import programme_for, visible_or_404


def _unit_cost(access, name: str):
    found = access.programme.unit_costs.filter(name=name).first()
    if found is None:
        raise Invalid(f"No unit cost called {name} in this programme's library.")
    return found


YEAR = {"year": Integer(1990, 2100, required=True, description="The financial year's start: 2025 is 2025/26."),
        "low": Figure(required=True), "central": Figure(required=True), "high": Figure(required=True)}  # fmt: skip
GAIN = {"organisation": Reference(lookups.organisation_named, required=True, description="Its short code."),
        "share": Share(required=True)}  # fmt: skip

BENEFIT_CHANGES = {
    "title": Text(300),
    "kind": Choice(Benefit.Kind.values),
    "value_kind": Choice(["", *Benefit.ValueKind.values],
                         description="Fiscal (cashable or not), economic or social; empty: follows from the kind."),
    "transfer": Boolean(description="A transfer such as a capital receipt: fiscal, left out of economic value."),
    "status": Choice(Benefit.Status.values),
    "owner": Text(200),
    "measure": Text(300),
    "baseline": Text(300),
    "confidence_grade": Integer(1, 6, description="1 (strong evidence) to 6 (an assumption)."),
    "method": Choice(Benefit.Method.values, description="amount: pounds each year; volume: units × a unit cost."),
    "unit_cost": Reference(_unit_cost, nullable=True, description="The unit cost's name, for the volume method."),
    "price_year": Integer(1990, 2100),
    "deadweight": Share(),
    "attribution": Share(),
    "adjustments_justification": Text(),
    "evidence": Text(description="Where the case for the benefit comes from."),
    "health": Boolean(),
    "marking": Choice(Marking.values),
    "illustrative": Boolean(),
    "profile": ListOf(YEAR, description="Every year of the profile; sending it replaces the whole profile."),
    "gains": ListOf(GAIN, description="Who gains, with shares adding up to 1; sending it replaces them all."),
}
BENEFIT_FIELDS = required(
    {"key": Text(80, description="Short name, unique in the programme."),
     "workstream": Reference(lookups.workstream_named, description="The workstream's key."), **BENEFIT_CHANGES},
    "key", "workstream", "title", "kind", "confidence_grade", "price_year", "profile", "gains",
)  # fmt: skip

BENEFIT = record(
    key=STRING, title=STRING, workstream=STRING, kind=STRING, value_kind=STRING, transfer=BOOLEAN, status=STRING, owner=STRING, measure=STRING,
    baseline=STRING, confidence_grade=INTEGER, method=STRING, unit_cost=MAYBE_STRING, price_year=INTEGER,
    deadweight=STRING, attribution=STRING, adjustments_justification=STRING, evidence=STRING, health=BOOLEAN,
    marking=MARKING, illustrative=BOOLEAN, version=INTEGER, url=STRING,
    profile={"type": "array", "items": record(year=INTEGER, low=FIGURE, central=FIGURE, high=FIGURE)},
    gains={"type": "array", "items": record(organisation=STRING, share=STRING)},
)  # fmt: skip


def benefit_json(b: Benefit) -> dict:
    return {
        "key": b.key, "title": b.title, "workstream": b.workstream.key, "kind": b.kind,
        "value_kind": b.kind_of_value, "transfer": b.transfer, "status": b.status,
        "owner": b.owner, "measure": b.measure, "baseline": b.baseline, "confidence_grade": b.confidence_grade,
        "method": b.method, "unit_cost": b.unit_cost.name if b.unit_cost else None, "price_year": b.price_year,
        "deadweight": str(b.deadweight), "attribution": str(b.attribution),
        "adjustments_justification": b.adjustments_justification, "evidence": b.evidence, "health": b.health,
        "marking": b.marking,
        "illustrative": b.illustrative, "version": b.version,
        # Money as strings: exact pounds and pence, as stored.
        "profile": [{"year": y.year, "low": str(y.low), "central": str(y.central), "high": str(y.high)}
                    for y in b.years.all()],
        "gains": [{"organisation": g.organisation.short_code, "share": str(g.share)} for g in b.gains.all()],
        "url": reverse("api-benefit", args=[b.workstream.programme.slug, b.key]),
    }  # fmt: skip


def _benefits(access):
    return (
        lines.benefits_of(access.programme)
        .select_related("workstream__programme", "unit_cost")
        .prefetch_related("years", "gains__organisation")
    )


def _parts(fields: dict) -> dict:
    """The profile and gains as the services take them."""
    parts = {}
    if "profile" in fields:
        parts["years"] = [YearValues(**row) for row in fields.pop("profile")]
    if "gains" in fields:
        parts["gains"] = [(row["organisation"], row["share"]) for row in fields.pop("gains")]
    return parts


@endpoint("GET", "POST")
def benefits(request, slug):
    access = programme_for(request, slug)
    if request.method == "POST":
        fields = parse(body_of(request), BENEFIT_FIELDS, access, partial=False)
        workstream = fields.pop("workstream")
        access.require_owner(
            workstream.lead_organisation_id,
            "Only the programme office and the lead organisation's editors can add benefits to this workstream.",
        )
        created = services.benefit_create(actor=lookups.actor(request), workstream=workstream, **_parts(fields),
                                          **fields)  # fmt: skip
        return JsonResponse(benefit_json(_benefits(access).get(pk=created.pk)), status=201)
    found = access.visible(_benefits(access))
    for name, lookup in (("workstream", "workstream__key"), ("status", "status"), ("kind", "kind"),
                         ("marking", "marking")):  # fmt: skip
        if request.GET.get(name):
            found = found.filter(**{lookup: request.GET[name]})
    return JsonResponse(page_of(request, found.order_by("workstream__key", "key"), benefit_json))


@endpoint("GET", "PATCH")
def benefit(request, slug, key):
    access = programme_for(request, slug)
    # Unscoped here so that visible_or_404 tells a hidden benefit (a logged refusal) from a missing one.
    found = visible_or_404(access, _benefits(access), key=key)
    if request.method == "PATCH":
        access.require_owner(
            found.workstream.lead_organisation_id,
            "Only the programme office and the lead organisation's editors can change this benefit.",
        )

        def update(**values):
            parts = _parts(values)
            services.benefit_update(benefit=found, **parts, **values)

        lookups.change(request, access, BENEFIT_CHANGES, update)
        found = _benefits(access).get(pk=found.pk)
    return JsonResponse(benefit_json(found))

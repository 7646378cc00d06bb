"""The risk register through the API: list, add, read and change risks and issues."""

from __future__ import annotations

from functools import partial

from django.http import JsonResponse
from django.urls import reverse

from bluelight.api import lookups
from bluelight.api.base import body_of, endpoint, page_of
from bluelight.api.fields import Choice, Date, Integer, Reference, Text, parse, required
from bluelight.api.schemas import INTEGER, MARKING, MAYBE_DATE, MAYBE_STRING, STRING, record
from bluelight.core.models import Marking
from bluelight.governance import selectors, services
from bluelight.governance.models import Risk
from bluelight.programmes.access import programme_for, visible_or_404

RISK_CHANGES = {
    "title": Text(300),
    "kind": Choice(Risk.Kind.values),
    "workstream": Reference(lookups.workstream_named, nullable=True, description="Its key; null for the programme."),
    "cause": Text(description="Because of …"),
    "event": Text(description="… there is a risk that …"),
    "effect": Text(description="… which would lead to …"),
    "owner": Text(200),
    "inherent_likelihood": Integer(1, 5),
    "inherent_impact": Integer(1, 5),
    "residual_likelihood": Integer(1, 5, description="No higher than the inherent likelihood."),
    "residual_impact": Integer(1, 5, description="No higher than the inherent impact."),
    "mitigation": Text(),
    "proximity": Choice(Risk.Proximity.values),
    "review_on": Date(nullable=True),
    "status": Choice(Risk.Status.values),
    "marking": Choice(Marking.values),
}


RISK_FIELDS = required(RISK_CHANGES, "title", "cause", "event", "effect", "owner", "inherent_likelihood",
                       "inherent_impact", "residual_likelihood", "residual_impact")  # fmt: skip


RISK = record(number=INTEGER, reference=STRING, title=STRING, kind=STRING, workstream=MAYBE_STRING, cause=STRING,
              event=STRING, effect=STRING, owner=STRING, inherent_likelihood=INTEGER, inherent_impact=INTEGER,
              residual_likelihood=INTEGER, residual_impact=INTEGER, residual_score=INTEGER, mitigation=STRING,
              proximity=STRING, review_on=MAYBE_DATE, status=STRING, marking=MARKING, version=INTEGER,
              url=STRING)  # fmt: skip


def risk_json(r: Risk) -> dict:
    return {
        "number": r.number, "reference": r.reference, "title": r.title, "kind": r.kind,
        "workstream": r.workstream.key if r.workstream else None, "cause": r.cause, "event": r.event,
        "effect": r.effect, "owner": r.owner, "inherent_likelihood": r.inherent_likelihood,
        "inherent_impact": r.inherent_impact, "residual_likelihood": r.residual_likelihood,
        "residual_impact": r.residual_impact, "residual_score": r.residual_likelihood * r.residual_impact,
        "mitigation": r.mitigation, "proximity": r.proximity,
        "review_on": r.review_on.isoformat() if r.review_on else None, "status": r.status, "marking": r.marking,
        "version": r.version, "url": reverse("api-risk", args=[r.programme.slug, r.number]),
    }  # fmt: skip


@endpoint("GET", "POST")
def risks(request, slug):
    access = programme_for(request, slug)
    if request.method == "POST":
        fields = parse(body_of(request), RISK_FIELDS, access, partial=False)
        created = services.risk_create(actor=lookups.actor(request), programme=access.programme, **fields)
        return JsonResponse(risk_json(created), status=201)
    found = selectors.risks_of(access.programme, access.scope).select_related("programme")
    for name, lookup in (("status", "status"), ("workstream", "workstream__key"), ("kind", "kind")):
        if request.GET.get(name):
            found = found.filter(**{lookup: request.GET[name]})
    return JsonResponse(page_of(request, found.order_by("number"), risk_json))


@endpoint("GET", "PATCH")
def risk(request, slug, number):
    access = programme_for(request, slug)
    found = visible_or_404(access, selectors.risks_of(access.programme).select_related("programme"), number=number)
    if request.method == "PATCH":
        lookups.change(request, access, RISK_CHANGES, partial(services.risk_update, risk=found))
        found.refresh_from_db()
    return JsonResponse(risk_json(found))

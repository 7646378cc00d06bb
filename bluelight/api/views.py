"""The JSON API, version 1: programmes, reporting periods, workstreams and their ratings.

The same services, selectors, rules and history as the pages; benefits are in benefits.py,
risks, meetings, decisions and actions in governance.py.
"""

from __future__ import annotations

from functools import partial

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from bluelight.api import lookups
from bluelight.api.base import ApiError, body_of, endpoint, page_of
from bluelight.api.fields import Boolean, Choice, Date, Integer, Reference, Text, parse
from bluelight.api.schemas import BOOLEAN, DATE, INTEGER, MARKING, MAYBE_DATE, MAYBE_STRING, STRING, record
from bluelight.core.history import StaleEdit, without_version
from bluelight.core.models import Marking
from bluelight.programmes import selectors, services
from bluelight.programmes.access import programme_for, require_admin, require_edit, workstream_for
from bluelight.programmes.models import Programme, Workstream
from bluelight.status import services as status_services
from bluelight.status.models import Assessment

PROGRAMME_CHANGES = {
    "name": Text(200), "description": Text(), "risk_threshold": Integer(1, 25), "public_page": Boolean(),
    "two_person_sign_off": Boolean(description="The one who enters an actual cannot also sign it off."),
}  # fmt: skip
PROGRAMME = record(slug=STRING, name=STRING, description=STRING, cycle_start_year=INTEGER, cycle_end_year=INTEGER,
                   rag_scale=STRING, risk_threshold=INTEGER, public_page=BOOLEAN, two_person_sign_off=BOOLEAN,
                   version=INTEGER, url=STRING, workstreams=STRING)  # fmt: skip

WORKSTREAM_FIELDS = {
    "key": Text(80, required=True, description="Short name, unique in the programme: letters, digits, hyphens."),
    "title": Text(300, required=True),
    "section": Reference(lookups.section_named, required=True, description="The section's name."),
    "lead_organisation": Reference(lookups.organisation_named, required=True, description="Its short code."),
    "business_lead": Text(200),
    "description": Text(),
    "stage": Choice(Workstream.Stage.values),
    "stage_changed_on": Date(nullable=True),
    "stage_reason": Text(),
    "marking": Choice(Marking.values),
    "illustrative": Boolean(),
}
WORKSTREAM_CHANGES = {k: v for k, v in WORKSTREAM_FIELDS.items() if k not in ("key", "section", "lead_organisation")}
WORKSTREAM = record(key=STRING, title=STRING, section=STRING, lead_organisation=STRING, stage=STRING,
                    stage_changed_on=MAYBE_DATE, stage_reason=STRING, business_lead=STRING, description=STRING,
                    marking=MARKING, illustrative=BOOLEAN, version=INTEGER, url=STRING)  # fmt: skip

PERIOD = record(label=STRING, cadence=STRING, starts_on=DATE, ends_on=DATE, published=BOOLEAN, ratings=STRING)

RATING_FIELDS = {
    "rating": Text(20, required=True, description="A rating of the programme's scale, e.g. green, amber, red."),
    "rationale": Text(description="Required for any rating but the best: what is behind it."),
    "narrative": Text(),
    "departure_reason": Text(description="Why the rating differs from the one the rules suggest."),
    "assessed_by": Text(200),
    "version": Integer(1, description="Required to change a rating already recorded: the version you read."),
}
RATING = record(workstream=STRING, period=STRING, rating=STRING, rationale=STRING, narrative=STRING,
                suggested_rating=STRING, departure_reason=STRING, assessed_by=STRING, assessed_on=DATE,
                version=INTEGER, recorded_by=MAYBE_STRING)  # fmt: skip


def programme_json(p: Programme) -> dict:
    return {
        "slug": p.slug, "name": p.name, "description": p.description, "cycle_start_year": p.cycle_start_year,
        "cycle_end_year": p.cycle_end_year, "rag_scale": p.rag_scale, "risk_threshold": p.risk_threshold,
        "public_page": p.public_page, "two_person_sign_off": p.two_person_sign_off, "version": p.version, "url": reverse("api-programme", args=[p.slug]),
        "workstreams": reverse("api-workstreams", args=[p.slug]),
    }  # fmt: skip


def workstream_json(w: Workstream) -> dict:
    return {
        "key": w.key, "title": w.title, "section": w.section.name, "lead_organisation": w.lead_organisation.short_code,
        "stage": w.stage, "stage_changed_on": w.stage_changed_on.isoformat() if w.stage_changed_on else None,
        "stage_reason": w.stage_reason, "business_lead": w.business_lead, "description": w.description,
        "marking": w.marking, "illustrative": w.illustrative, "version": w.version,
        "url": reverse("api-workstream", args=[w.programme.slug, w.key]),
    }  # fmt: skip


def rating_json(a: Assessment) -> dict:
    return {
        "workstream": a.workstream.key, "period": a.period.label, "rating": a.rating, "rationale": a.rationale,
        "narrative": a.narrative, "suggested_rating": a.suggested_rating, "departure_reason": a.departure_reason,
        "assessed_by": a.assessed_by, "assessed_on": a.assessed_on.isoformat(), "version": a.version,
        "recorded_by": a.recorded_by.username if a.recorded_by else None,
    }  # fmt: skip


@endpoint("GET")
def programmes(request):
    return JsonResponse(page_of(request, selectors.visible_programmes(request.user).order_by("name"), programme_json))


@endpoint("GET", "PATCH")
def programme(request, slug):
    access = programme_for(request, slug)
    record_ = access.programme
    if request.method == "PATCH":
        require_admin(access)
        lookups.change(request, access, PROGRAMME_CHANGES, partial(services.programme_update, programme=record_))
        record_.refresh_from_db()
    return JsonResponse(programme_json(record_))


@endpoint("GET")
def periods(request, slug):
    access = programme_for(request, slug)
    return JsonResponse(page_of(request, access.programme.periods.order_by("starts_on"), lambda p: {
        "label": p.label, "cadence": p.cadence, "starts_on": p.starts_on.isoformat(),
        "ends_on": p.ends_on.isoformat(), "published": p.is_published,
        "ratings": reverse("api-period-ratings", args=[slug, p.label]),
    }))  # fmt: skip


@endpoint("GET", "POST")
def workstreams(request, slug):
    access = programme_for(request, slug)
    if request.method == "POST":
        require_admin(access)
        fields = parse(body_of(request), WORKSTREAM_FIELDS, access, partial=False)
        if access.programme.workstreams.filter(key=fields["key"]).exists():
            raise ApiError(400, "Some fields are not right: see fields.",
                           fields={"key": [f"The programme already has a workstream {fields['key']}."]})  # fmt: skip
        created = services.workstream_create(actor=lookups.actor(request), programme=access.programme, **fields)
        return JsonResponse(workstream_json(created), status=201)
    found = access.visible(access.programme.workstreams.select_related("section", "lead_organisation", "programme"))
    for name, lookup in (("stage", "stage"), ("lead", "lead_organisation__short_code"), ("marking", "marking")):
        if request.GET.get(name):
            found = found.filter(**{lookup: request.GET[name]})
    return JsonResponse(page_of(request, found.order_by("section__position", "position", "title"), workstream_json))


@endpoint("GET", "PATCH")
def workstream(request, slug, key):
    access, found = workstream_for(request, slug, key)
    if request.method == "PATCH":
        require_edit(access, found)
        lookups.change(request, access, WORKSTREAM_CHANGES, partial(services.workstream_update, workstream=found))
        found.refresh_from_db()
    return JsonResponse(workstream_json(found))


def _ratings(access, **lookup):
    queryset = Assessment.objects.filter(is_current=True, workstream__programme=access.programme, **lookup)
    return access.visible(queryset.select_related("workstream", "period", "recorded_by"))


@endpoint("GET")
def workstream_ratings(request, slug, key):
    access, found = workstream_for(request, slug, key)
    return JsonResponse(page_of(request, _ratings(access, workstream=found).order_by("period__starts_on"), rating_json))


@endpoint("GET")
def period_ratings(request, slug, label):
    access = programme_for(request, slug)
    period = get_object_or_404(access.programme.periods, label=label)
    found = _ratings(access, period=period).order_by("workstream__section__position", "workstream__position")
    return JsonResponse(page_of(request, found, rating_json))


@endpoint("GET", "PUT")
def rating(request, slug, key, label):
    access, found = workstream_for(request, slug, key)
    period = get_object_or_404(access.programme.periods, label=label)
    existing = _ratings(access, workstream=found, period=period).first()
    if request.method == "GET":
        if existing is None:
            raise Http404("No rating recorded for this period.")
        return JsonResponse(rating_json(existing))
    access.require_owner(
        found.lead_organisation_id, "Only the programme office and the lead organisation's editors can rate this."
    )
    data = body_of(request)
    fields = parse(data, RATING_FIELDS, access, partial=False)
    version = fields.pop("version", None)
    if existing is not None and version is None:
        lookups.version_of(data)  # raises the 400 that asks for the version, as every change does
    try:
        saved = status_services.assessment_record(actor=lookups.actor(request), workstream=found, period=period,
                                                  expected_version=version, **fields)  # fmt: skip
    except StaleEdit as error:
        raise lookups.stale(error, without_version(data)) from None
    saved = _ratings(access, pk=saved.pk).get()
    return JsonResponse(rating_json(saved), status=200 if existing else 201)

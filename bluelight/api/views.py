"""The JSON API, version 1: the same services, selectors, rules and history as the pages."""

from __future__ import annotations

import datetime

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from bluelight.api.base import ApiError, body_of, endpoint, page_of
from bluelight.benefits import selectors as benefit_selectors
from bluelight.core.history import Actor, StaleEdit
from bluelight.core.models import HistoryEntry
from bluelight.programmes import selectors, services
from bluelight.programmes.access import ProgrammeAccess, access_for, visible_or_404
from bluelight.programmes.models import Workstream
from bluelight.status import services as status_services
from bluelight.status.models import Assessment

WORKSTREAM_CHANGES = {"title", "description", "business_lead", "stage", "stage_changed_on", "stage_reason",
                      "marking", "illustrative"}  # fmt: skip


def _actor(request) -> Actor:
    return Actor(request.user, HistoryEntry.Channel.API)


def _programme(request, slug) -> ProgrammeAccess:
    return access_for(request.user, get_object_or_404(selectors.visible_programmes(request.user), slug=slug))


def _workstream(access: ProgrammeAccess, key: str) -> Workstream:
    queryset = Workstream.objects.select_related("section", "lead_organisation").filter(programme=access.programme)
    return visible_or_404(access, queryset, key=key)


def workstream_json(w: Workstream) -> dict:
    return {
        "key": w.key, "title": w.title, "section": w.section.name, "lead_organisation": w.lead_organisation.short_code,
        "stage": w.stage, "stage_changed_on": w.stage_changed_on.isoformat() if w.stage_changed_on else None,
        "stage_reason": w.stage_reason, "business_lead": w.business_lead, "description": w.description,
        "marking": w.marking, "illustrative": w.illustrative, "version": w.version,
        "url": reverse("api-workstream", args=[w.programme.slug, w.key]),
    }  # fmt: skip


def benefit_json(b) -> dict:
    return {
        "key": b.key, "title": b.title, "workstream": b.workstream.key, "kind": b.kind, "status": b.status,
        "owner": b.owner, "confidence_grade": b.confidence_grade, "method": b.method, "price_year": b.price_year,
        "marking": b.marking, "illustrative": b.illustrative, "version": b.version,
        # Money as strings: exact pounds and pence, as stored.
        "profile": [{"year": y.year, "low": str(y.low), "central": str(y.central), "high": str(y.high)}
                    for y in b.years.all()],
        "url": reverse("api-benefit", args=[b.workstream.programme.slug, b.key]),
    }  # fmt: skip


@endpoint("GET")
def programmes(request):
    visible = selectors.visible_programmes(request.user)
    return JsonResponse(page_of(request, visible, lambda p: {
        "slug": p.slug, "name": p.name, "cycle_start_year": p.cycle_start_year, "cycle_end_year": p.cycle_end_year,
        "workstreams": reverse("api-workstreams", args=[p.slug]),
    }))  # fmt: skip


@endpoint("GET")
def workstreams(request, slug):
    access = _programme(request, slug)
    found = access.visible(access.programme.workstreams.select_related("section", "lead_organisation", "programme"))
    for name, lookup in (("stage", "stage"), ("lead", "lead_organisation__short_code"), ("marking", "marking")):
        if request.GET.get(name):
            found = found.filter(**{lookup: request.GET[name]})
    return JsonResponse(page_of(request, found.order_by("section__position", "position", "title"), workstream_json))


def _changes(data: dict) -> dict:
    unknown = sorted(set(data) - WORKSTREAM_CHANGES - {"version"})
    if unknown:
        raise ApiError(400, "Some fields cannot be changed here.", fields={f: ["Not a field you can change."]
                                                                           for f in unknown})  # fmt: skip
    changes = {k: v for k, v in data.items() if k != "version"}
    if changes.get("stage_changed_on"):
        try:
            changes["stage_changed_on"] = datetime.date.fromisoformat(changes["stage_changed_on"])
        except (TypeError, ValueError):
            raise ApiError(400, "Some fields are not right: see fields.",
                           fields={"stage_changed_on": ["Enter a date as YYYY-MM-DD."]}) from None  # fmt: skip
    return changes


def _version(data: dict) -> int:
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ApiError(400, "Send the version you started from, so a change made since is not lost.",
                       fields={"version": ["Enter the record's version as a whole number."]})  # fmt: skip
    return version


def _stale(error: StaleEdit, yours: dict) -> ApiError:
    saved = {name: getattr(error.obj, name) for name in yours}
    shown = {k: v.isoformat() if isinstance(v, datetime.date) else v for k, v in saved.items()}
    return ApiError(409, str(error), yours=yours, saved={**shown, "version": error.obj.version})


@endpoint("GET", "PATCH")
def workstream(request, slug, key):
    access = _programme(request, slug)
    record = _workstream(access, key)
    if request.method == "PATCH":
        access.require_owner(
            record.lead_organisation_id,
            "Only the programme office and the lead organisation's editors can change this workstream.",
        )
        data = body_of(request)
        version, changes = _version(data), _changes(data)
        try:
            services.workstream_update(actor=_actor(request), workstream=record, expected_version=version, **changes)
        except StaleEdit as error:
            raise _stale(error, {k: v for k, v in data.items() if k != "version"}) from None
        record.refresh_from_db()
    return JsonResponse(workstream_json(record))


@endpoint("PUT")
def rating(request, slug, key, label):
    access = _programme(request, slug)
    record = _workstream(access, key)
    access.require_owner(
        record.lead_organisation_id, "Only the programme office and the lead organisation's editors can rate this."
    )
    period = get_object_or_404(access.programme.periods, label=label)
    data = body_of(request)
    existing = Assessment.objects.filter(workstream=record, period=period, is_current=True).first()
    fields = {k: str(data.get(k, "")) for k in ("rating", "rationale", "narrative", "departure_reason")}
    version = _version(data) if existing is not None else None
    try:
        saved = status_services.assessment_record(actor=_actor(request), workstream=record, period=period,
                                                  expected_version=version, **fields)  # fmt: skip
    except StaleEdit as error:
        raise _stale(error, fields) from None
    return JsonResponse({"workstream": record.key, "period": period.label, "rating": saved.rating,
                         "rationale": saved.rationale, "suggested_rating": saved.suggested_rating,
                         "version": saved.version}, status=200 if existing else 201)  # fmt: skip


def _benefits(access: ProgrammeAccess):
    return benefit_selectors.benefits_of(access.programme).select_related("workstream__programme")


@endpoint("GET")
def benefits(request, slug):
    access = _programme(request, slug)
    return JsonResponse(page_of(request, access.visible(_benefits(access)), benefit_json))


@endpoint("GET")
def benefit(request, slug, key):
    access = _programme(request, slug)
    # Unscoped here so that visible_or_404 tells a hidden benefit (a logged refusal) from a missing one.
    return JsonResponse(benefit_json(visible_or_404(access, _benefits(access), key=key)))

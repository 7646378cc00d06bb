"""Reading the log of requests between services into the measures (engine/measures.py): a window of it
summarised, and each protocol's before and after."""

from __future__ import annotations

import datetime

import numpy as np
from django.utils import timezone

from bluelight.core import versions
from bluelight.core.years import label
from bluelight.demand.engine import measures
from bluelight.demand.models import Protocol, RequestType, ServiceRequest

BEFORE_AFTER_MONTHS = 12


def _window(year: int | None) -> tuple[datetime.datetime, datetime.datetime] | None:
    if year is None:
        return None
    start = timezone.make_aware(datetime.datetime(year, 4, 1))
    return start, timezone.make_aware(datetime.datetime(year + 1, 4, 1))


def _rows(programme, type_: str | None, since=None, until=None):
    found = ServiceRequest.objects.filter(programme=programme)
    if type_:
        found = found.filter(type=type_)
    if since is not None:
        found = found.filter(requested_at__gte=since, requested_at__lt=until)
    return found.values_list("type", "requested_at", "on_scene_at", "requesting_id", "receiving_id")


def _minutes(rows) -> np.ndarray:
    return np.array([(s - r).total_seconds() / 60 if s is not None else np.nan for _, r, s, _, _ in rows], float)


def summary(programme, *, type_: str | None = None, year: int | None = None, seed: int = 1) -> dict:
    """Counts by month, type and service, minutes to on scene, hours saved and each protocol's before and
    after, for the financial year given (or the whole log)."""
    window = _window(year)
    rows = list(_rows(programme, type_, *(window or ())))
    codes = {o.pk: o.short_code for o in programme.partners.all()}
    local = timezone.get_current_timezone()
    minutes = _minutes(rows)
    kinds = np.array([t for t, *_ in rows], dtype=object)
    by_type = measures.counts(kinds)
    protocols = Protocol.objects.filter(programme=programme).select_related("displaced")
    if type_:
        protocols = protocols.filter(type=type_)
    hours = measures.hours_saved(by_type, {p.type: p.hours_per_request for p in protocols})
    return {
        "window": label(year) if year is not None else "the whole log", "type": type_, "requests": len(rows),
        "by_month": measures.counts(r.astimezone(local).strftime("%Y-%m") for _, r, *_ in rows),
        "by_type": {RequestType(k).label: n for k, n in by_type.items()},
        "by_requesting": measures.counts(codes[q] for *_, q, _ in rows),
        "by_receiving": measures.counts(codes[v] for *_, v in rows),
        "times": measures.times(minutes),
        "times_by_type": {RequestType(k).label: measures.times(minutes[kinds == k]) for k in by_type},
        "hours_saved": {RequestType(k).label: f"{h.normalize():f}" for k, h in hours.items()},
        "protocols": [_kept_before_after(programme, p, seed) for p in protocols],
    }  # fmt: skip


def _kept_before_after(programme, protocol: Protocol, seed: int) -> dict:
    """The bootstrap is the summary's costliest part and does not depend on the window asked for: kept
    per version of the log (a load, an edit or a protocol's change starts a new one)."""
    return versions.cached("demand-before-after", (programme.pk, protocol.pk, seed),
                           lambda: before_after(programme, protocol, seed=seed), area="demand")  # fmt: skip


def before_after(programme, protocol: Protocol, *, seed: int = 1, months: int = BEFORE_AFTER_MONTHS) -> dict:
    """Minutes to on scene for the protocol's type in the `months` before its start and the `months` after."""
    start = timezone.make_aware(datetime.datetime.combine(protocol.starts_on, datetime.time()))
    span = datetime.timedelta(days=round(months * 365.25 / 12))
    before = _minutes(_rows(programme, protocol.type, start - span, start))
    after = _minutes(_rows(programme, protocol.type, start, start + span))
    change = measures.before_after(before, after, seed=seed)
    return {"protocol": protocol.name, "type": RequestType(protocol.type).label, "starts_on": protocol.starts_on.isoformat(),
            "months": months, "displaced": protocol.displaced.name, "hours_per_request": str(protocol.hours_per_request),
            "basis": protocol.basis} | change.as_dict()  # fmt: skip

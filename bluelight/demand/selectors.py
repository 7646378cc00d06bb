"""Reading the log of requests between services into the measures (engine/measures.py): a window of it
summarised, and each protocol's before and after."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import numpy as np
from django.db.models import FloatField, Func
from django.utils import timezone

from bluelight.core import versions
from bluelight.core.years import label
from bluelight.demand.engine import measures
from bluelight.demand.models import Protocol, RequestType, ServiceRequest

BEFORE_AFTER_MONTHS = 12


class Seconds(Func):
    """A time as seconds since 1970, worked out in the database: a year of the log is read as numbers,
    not a Python datetime a row (which was most of a summary's time)."""

    output_field = FloatField()

    def as_sqlite(self, compiler, connection, **extra):  # Django keeps UTC text: julianday reads it as UTC
        return self.as_sql(compiler, connection, template="((julianday(%(expressions)s) - 2440587.5) * 86400.0)",
                           **extra)  # fmt: skip

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="EXTRACT(EPOCH FROM %(expressions)s)::float8", **extra)


def _window(year: int | None) -> tuple[datetime.datetime, datetime.datetime] | None:
    if year is None:
        return None
    start = timezone.make_aware(datetime.datetime(year, 4, 1))
    return start, timezone.make_aware(datetime.datetime(year + 1, 4, 1))


@dataclass
class _Log:
    """Part of the log as arrays: type, when requested (seconds since 1970), minutes to on scene (NaN
    where not recorded), and the requesting and receiving organisations."""

    kinds: np.ndarray
    requested: np.ndarray
    minutes: np.ndarray
    requesting: np.ndarray
    receiving: np.ndarray


def _log(programme, type_: str | None, since=None, until=None) -> _Log:
    found = ServiceRequest.objects.filter(programme=programme).order_by()
    if type_:
        found = found.filter(type=type_)
    if since is not None:
        found = found.filter(requested_at__gte=since, requested_at__lt=until)
    rows = list(found.values_list("type", Seconds("requested_at"), Seconds("on_scene_at"), "requesting_id",
                                  "receiving_id"))  # fmt: skip
    kinds, requested, on_scene, requesting, receiving = zip(*rows, strict=True) if rows else ((),) * 5
    # to the millisecond: SQLite's julianday is a day count in a double, good to about 0.04 ms
    requested = np.round(np.array(requested, float), 3)
    return _Log(np.array(kinds, dtype=object), requested,
                (np.round(np.array(on_scene, dtype=float), 3) - requested) / 60,  # None becomes NaN
                np.array(requesting, dtype=np.int64), np.array(receiving, dtype=np.int64))  # fmt: skip


def _by_month(requested: np.ndarray) -> dict[str, int]:
    """Requests by calendar month in local time: each month's start in local time, as seconds, and
    the requests counted between them (the clocks' changes fall where they do)."""
    if not requested.size:
        return {}
    zone = timezone.get_current_timezone()
    first = datetime.datetime.fromtimestamp(requested.min(), zone)
    last = datetime.datetime.fromtimestamp(requested.max(), zone)
    months = [(y, m) for y in range(first.year, last.year + 1) for m in range(1, 13)
              if (first.year, first.month) <= (y, m) <= (last.year, last.month)]  # fmt: skip
    starts = np.array([datetime.datetime(y, m, 1, tzinfo=zone).timestamp() for y, m in months])
    counted = np.bincount(np.searchsorted(starts, requested, side="right") - 1, minlength=len(months))
    return {f"{y}-{m:02d}": int(n) for (y, m), n in zip(months, counted, strict=True) if n}


def summary(programme, *, type_: str | None = None, year: int | None = None, seed: int = 1) -> dict:
    """Counts by month, type and service, minutes to on scene, hours saved and each protocol's before and
    after, for the financial year given (or the whole log)."""
    window = _window(year)
    log = _log(programme, type_, *(window or ()))
    codes = {o.pk: o.short_code for o in programme.partners.all()}
    by_type = measures.counts(log.kinds)
    protocols = Protocol.objects.filter(programme=programme).select_related("displaced")
    if type_:
        protocols = protocols.filter(type=type_)
    hours = measures.hours_saved(by_type, {p.type: p.hours_per_request for p in protocols})
    return {
        "window": label(year) if year is not None else "the whole log", "type": type_, "requests": len(log.kinds),
        "by_month": _by_month(log.requested),
        "by_type": {RequestType(k).label: n for k, n in by_type.items()},
        "by_requesting": _by_code(log.requesting, codes),
        "by_receiving": _by_code(log.receiving, codes),
        "times": measures.times(log.minutes),
        "times_by_type": {RequestType(k).label: measures.times(log.minutes[log.kinds == k]) for k in by_type},
        "hours_saved": {RequestType(k).label: f"{h.normalize():f}" for k, h in hours.items()},
        "protocols": [_kept_before_after(programme, p, seed) for p in protocols],
    }  # fmt: skip


def _by_code(organisations: np.ndarray, codes: dict[int, str]) -> dict[str, int]:
    found, counted = np.unique(organisations, return_counts=True)
    return measures.counts({codes[int(pk)]: int(n) for pk, n in zip(found, counted, strict=True)})


def _kept_before_after(programme, protocol: Protocol, seed: int) -> dict:
    """The bootstrap is the summary's costliest part and does not depend on the window asked for: kept
    per version of the log (a load, an edit or a protocol's change starts a new one)."""
    return versions.cached("demand-before-after", (programme.pk, protocol.pk, seed),
                           lambda: before_after(programme, protocol, seed=seed), area="demand")  # fmt: skip


def before_after(programme, protocol: Protocol, *, seed: int = 1, months: int = BEFORE_AFTER_MONTHS) -> dict:
    """Minutes to on scene for the protocol's type in the `months` before its start and the `months` after."""
    start = timezone.make_aware(datetime.datetime.combine(protocol.starts_on, datetime.time()))
    span = datetime.timedelta(days=round(months * 365.25 / 12))
    before = _log(programme, protocol.type, start - span, start).minutes
    after = _log(programme, protocol.type, start, start + span).minutes
    change = measures.before_after(before, after, seed=seed)
    return {"protocol": protocol.name, "type": RequestType(protocol.type).label, "starts_on": protocol.starts_on.isoformat(),
            "months": months, "displaced": protocol.displaced.name, "hours_per_request": str(protocol.hours_per_request),
            "basis": protocol.basis} | change.as_dict()  # fmt: skip

"""Loading a control-room extract into the log of requests: checked whole first (a bad row refuses the
file, naming row, column and reason, and nothing is stored); then taken in one transaction, a batch at
a time. Loading is idempotent: a request is known by its requesting service and that service's
incident reference, so the same file loaded twice changes nothing, and a changed row updates its
request. Duplicates in the file are reported with both rows; the first is taken."""

from __future__ import annotations

import datetime
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import reduce
from typing import TextIO

from django.core.exceptions import ValidationError
from django.db import connections, router, transaction
from django.db.models import Q
from django.utils import timezone

from bluelight.core import history, versions
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.demand.engine import sources
from bluelight.demand.models import ServiceRequest, Source
from bluelight.programmes.access import office_only
from bluelight.programmes.models import Programme

BATCH = 2000
COMPARED = ("receiving_id", "receiving_reference", "type", "requested_at", "accepted_at", "on_scene_at", "closed_at",
            "instead_of_id", "outcome")  # fmt: skip


@dataclass
class Loaded:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: list[tuple[int, int, str]] = field(default_factory=list)

    def words(self) -> str:
        dupes = f"; {len(self.duplicates):,} duplicate(s) reported, the first of each taken" if self.duplicates else ""
        return (f"{self.rows:,} rows: {self.created:,} new, {self.updated:,} changed, {self.unchanged:,} "
                f"unchanged{dupes}")  # fmt: skip


class LoadRefused(ValidationError):
    def __init__(self, refusals: list[sources.Refusal]):
        self.refusals = refusals
        super().__init__([str(r) for r in refusals])


def source_for(*, actor: Actor, programme: Programme, name: str, mapping: dict | None = None) -> Source:
    office_only(actor, programme, "Only the programme office can load requests between services.")
    source, _ = Source.objects.get_or_create(programme=programme, name=name)
    if mapping is not None and mapping != source.mapping:
        unknown = set(mapping) - set(sources.DEFAULT_MAPPING)
        if unknown:
            raise ValidationError({"mapping": f"No such field to map: {', '.join(sorted(unknown))}."})
        history.record(source, HistoryEntry.Action.CHANGED, actor, {"mapping": [source.mapping, mapping]})
        source.mapping = mapping
        source.save(update_fields=["mapping"])
    return source


def _utc(zone):
    """Times in UTC, read as local times where the file gives no zone: an hour the clocks skip or repeat
    compares unequal to any time of another zone (PEP 495), so a row loaded again would look changed."""

    def utc(value):
        if value is None:
            return None
        return (value if value.tzinfo else value.replace(tzinfo=zone)).astimezone(datetime.UTC)

    return utc


def _take(programme, source, orgs, batch: list[dict], loaded: Loaded, utc) -> None:
    """New requests go in by one INSERT run for the batch (the ORM's per-object cost was most of a
    load's time); the rare changed ones through the ORM."""
    made = {}
    for row in batch:
        made[(orgs[row["requesting_service"]].pk, row["requesting_reference"])] = (
            orgs[row["receiving_service"]].pk, row["receiving_reference"] or "", row["type"],
            utc(row["requested_at"]), utc(row["accepted_at"]), utc(row["on_scene_at"]), utc(row["closed_at"]),
            orgs[row["instead_of"]].pk if row["instead_of"] else None, row["outcome"] or "",
        )  # fmt: skip
    # By the unique index, one requesting service at a time (references alone would read the whole log).
    by_service = {}
    for requesting, reference in made:
        by_service.setdefault(requesting, []).append(reference)
    existing = ServiceRequest.objects.filter(
        reduce(operator.or_, (Q(requesting_id=pk, requesting_reference__in=refs) for pk, refs in by_service.items())),
        programme=programme).order_by()  # fmt: skip
    changed = []
    for pk, requesting, reference, version, *kept in existing.values_list(
            "pk", "requesting_id", "requesting_reference", "version", *COMPARED):  # fmt: skip
        values = made.pop((requesting, reference), None)
        if values is None:
            continue
        if tuple(kept) == values:
            loaded.unchanged += 1
        else:
            changed.append(ServiceRequest(pk=pk, version=version + 1, **dict(zip(COMPARED, values, strict=True))))
    _insert(programme, source, made)
    if changed:
        ServiceRequest.objects.bulk_update(changed, [*COMPARED, "version"])
    loaded.created += len(made)
    loaded.updated += len(changed)


def _insert(programme, source, made: dict) -> None:
    if not made:
        return
    connection = connections[router.db_for_write(ServiceRequest)]
    fields = [ServiceRequest._meta.get_field(f) for f in ("programme", "source", "requesting", "requesting_reference",
                                                           *COMPARED, "version")]  # fmt: skip
    quote = connection.ops.quote_name
    # Names from the model, values as parameters.
    sql = (f"INSERT INTO {quote(ServiceRequest._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "  # noqa: S608
           f"VALUES ({', '.join(['%s'] * len(fields))})")  # fmt: skip
    adapt = connection.ops.adapt_datetimefield_value
    times = [i for i, f in enumerate(COMPARED) if f.endswith("_at")]
    rows = []
    for (requesting, reference), values in made.items():
        values = list(values)
        for i in times:
            values[i] = adapt(values[i])
        rows.append((programme.pk, source.pk, requesting, reference, *values, 1))
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def load(*, actor: Actor, programme: Programme, source: Source, open_text: Callable[[], TextIO],
         progress: Callable[[int], None] | None = None) -> Loaded:  # fmt: skip
    """Check the whole file, then take it; raises LoadRefused with every refusal (nothing stored)."""
    office_only(actor, programme, "Only the programme office can load requests between services.")
    orgs = {o.short_code.upper(): o for o in programme.partners.all()}
    mapping = source.mapping or sources.DEFAULT_MAPPING
    checked = sources.check(open_text, mapping, set(orgs))
    if not checked.ok:
        raise LoadRefused(checked.refusals)
    loaded = Loaded(rows=checked.rows, duplicates=checked.duplicates)
    skip = {row for row, _, _ in checked.duplicates}
    utc = _utc(timezone.get_current_timezone())
    with transaction.atomic():
        batch = []
        for row in sources.rows(open_text, mapping, set(orgs), skip):
            batch.append(row)
            if len(batch) == BATCH:
                _take(programme, source, orgs, batch, loaded, utc)
                batch = []
                if progress:
                    progress(loaded.created + loaded.updated + loaded.unchanged)
        if batch:
            _take(programme, source, orgs, batch, loaded, utc)
        history.record(source, HistoryEntry.Action.CHANGED, actor, {"loaded": [None, loaded.words()]})
        versions.changed(area="demand")  # bulk writes send no signals: say the log has changed
    return loaded

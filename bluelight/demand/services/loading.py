"""Loading a control-room extract into the log of requests: checked whole first (a bad row refuses the
file, naming row, column and reason, and nothing is stored); then taken in one transaction, a batch at
a time. Loading is idempotent: a request is known by its requesting service and that service's
incident reference, so the same file loaded twice changes nothing, and a changed row updates its
request. Duplicates in the file are reported with both rows; the first is taken."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from django.core.exceptions import ValidationError
from django.db import transaction
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


def _aware(value):
    """In UTC: an hour the clocks skip or repeat compares unequal to any time of another zone (PEP 495),
    so a row loaded again would look changed."""
    if value is None:
        return None
    return (timezone.make_aware(value) if timezone.is_naive(value) else value).astimezone(datetime.UTC)


def _request(programme, source, orgs, row) -> ServiceRequest:
    return ServiceRequest(
        programme=programme, source=source, requesting=orgs[row["requesting_service"]],
        requesting_reference=row["requesting_reference"], receiving=orgs[row["receiving_service"]],
        receiving_reference=row["receiving_reference"] or "", type=row["type"],
        requested_at=_aware(row["requested_at"]), accepted_at=_aware(row["accepted_at"]),
        on_scene_at=_aware(row["on_scene_at"]), closed_at=_aware(row["closed_at"]),
        instead_of=orgs.get(row["instead_of"]), outcome=row["outcome"] or "",
    )  # fmt: skip


def _take(programme, source, orgs, batch: list[dict], loaded: Loaded) -> None:
    made = [_request(programme, source, orgs, row) for row in batch]
    existing = {(r.requesting_id, r.requesting_reference): r for r in ServiceRequest.objects.filter(
        programme=programme, requesting_reference__in={m.requesting_reference for m in made})}  # fmt: skip
    new, changed = [], []
    for request in made:
        found = existing.get((request.requesting_id, request.requesting_reference))
        if found is None:
            new.append(request)
        elif any(getattr(found, f) != getattr(request, f) for f in COMPARED):
            for f in COMPARED:
                setattr(found, f, getattr(request, f))
            found.version += 1
            changed.append(found)
        else:
            loaded.unchanged += 1
    ServiceRequest.objects.bulk_create(new)
    if changed:
        ServiceRequest.objects.bulk_update(changed, [*COMPARED, "version"])
    loaded.created += len(new)
    loaded.updated += len(changed)


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
    with transaction.atomic():
        batch = []
        for row in sources.rows(open_text, mapping, set(orgs), skip):
            batch.append(row)
            if len(batch) == BATCH:
                _take(programme, source, orgs, batch, loaded)
                batch = []
                if progress:
                    progress(loaded.created + loaded.updated + loaded.unchanged)
        if batch:
            _take(programme, source, orgs, batch, loaded)
        history.record(source, HistoryEntry.Action.CHANGED, actor, {"loaded": [None, loaded.words()]})
        versions.changed(area="demand")  # bulk writes send no signals: say the log has changed
    return loaded

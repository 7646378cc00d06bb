"""Writing one request between services, as a control-room system does through the API: idempotent by
the requesting service and its incident reference, and each service writes only its own side."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from bluelight.core import history
from bluelight.core.access import refuse
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry, Organisation
from bluelight.core.services import validate
from bluelight.demand.models import RECEIVING_SIDE, REQUESTING_SIDE, ServiceRequest, Source
from bluelight.programmes import rules
from bluelight.programmes.access import access_of
from bluelight.programmes.models import Programme

SIDE_FIELDS = {"requesting": REQUESTING_SIDE + ("receiving",), "receiving": RECEIVING_SIDE}
NOT_YOURS = "Only the programme office and the editors of the {side} service can write the {side} side of a request."


def sides_of(actor: Actor, programme: Programme, requesting_id: int, receiving_id: int | None) -> set[str]:
    """The sides of a request this actor may write: both for the programme office; its own service's side
    for an organisation's editor. A request the actor's service is on neither side of is not found (404);
    one it is on, for a role that writes nothing, is forbidden (403)."""
    access = access_of(actor, programme)
    if access is None or access.can_administer:
        return {"requesting", "receiving"}
    sides = set()
    if access.organisation_id and access.organisation_id == requesting_id:
        sides.add("requesting")
    if access.organisation_id and access.organisation_id == receiving_id:
        sides.add("receiving")
    if not sides:
        refuse(404, "No such request for your service.")
    if access.role != rules.ORGANISATION_EDITOR:
        refuse(403, "Only the programme office and the services' editors can write requests between services.")
    return sides


@transaction.atomic
def request_write(*, actor: Actor, programme: Programme, requesting: Organisation, reference: str,
                  fields: dict) -> tuple[ServiceRequest, bool]:  # fmt: skip
    """Create or update the request `reference` of `requesting`; (request, created). A field of the other
    service's side is refused (403), as is a request the actor's service is on neither side of (404)."""
    found = ServiceRequest.objects.select_for_update().filter(
        programme=programme, requesting=requesting, requesting_reference=reference).first()  # fmt: skip
    receiving = found.receiving_id if found else getattr(fields.get("receiving"), "pk", None)
    sides = sides_of(actor, programme, requesting.pk, receiving)
    for side, names in SIDE_FIELDS.items():
        sent = sorted(set(fields) & set(names))
        if sent and side not in sides:
            refuse(403, NOT_YOURS.format(side=side) + f" Not yours to send: {', '.join(sent)}.")
    if found is None and "requesting" not in sides:
        refuse(404, "No such request for your service.")
    created = found is None
    if created:
        source, _ = Source.objects.get_or_create(programme=programme, name="api")
        found = ServiceRequest(programme=programme, source=source, requesting=requesting, requesting_reference=reference)
    before = {} if created else history.snapshot(found, list(fields))
    for name, value in fields.items():
        setattr(found, name, "" if value is None and name in ("receiving_reference", "outcome") else value)
    validate(found, exclude=["programme", "source", "requesting"])
    late = {name: "This is before the request was made." for name in ("accepted_at", "on_scene_at", "closed_at")
            if getattr(found, name) and getattr(found, name) < found.requested_at}  # fmt: skip
    if late:
        raise ValidationError(late)
    changes = history.diff(before, history.snapshot(found, list(fields)))
    if not created and not changes:
        return found, False  # the same again: nothing changes
    if not created:
        found.version += 1
    found.save()
    history.record(found, HistoryEntry.Action.CREATED if created else HistoryEntry.Action.CHANGED, actor, changes)
    return found, created

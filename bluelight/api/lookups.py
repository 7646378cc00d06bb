"""How the API finds the records a request body names, always through the user's Scope, and the
pieces every write shares: the actor, the version sent, the answer to a stale edit. (The programme
and workstream of an address are found by programmes.access, as for the pages.)"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from bluelight.api.base import ApiError, body_of
from bluelight.api.fields import Invalid, parse
from bluelight.core.history import Actor, StaleEdit, without_version
from bluelight.core.models import HistoryEntry
from bluelight.programmes.access import ProgrammeAccess
from bluelight.programmes.models import Organisation, Workstream


def actor(request) -> Actor:
    return Actor(request.user, HistoryEntry.Channel.API)


def workstream_named(access: ProgrammeAccess, key: str) -> Workstream:
    """A workstream a request body names: one this person can see, or the field is not right."""
    found = access.visible(access.programme.workstreams.select_related("lead_organisation")).filter(key=key).first()
    if found is None:
        raise Invalid(f"No workstream {key} in this programme.")
    return found


def organisation_named(access: ProgrammeAccess, code: str) -> Organisation:
    found = Organisation.objects.filter(short_code=code).first()
    if found is None:
        raise Invalid(f"No organisation with the short code {code}.")
    return found


def section_named(access: ProgrammeAccess, name: str):
    found = access.programme.sections.filter(name=name).first()
    if found is None:
        raise Invalid(f"No section called {name} in this programme.")
    return found


def version_of(data: dict) -> int:
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version < 2**31:
        raise ApiError(400, "Send the version you started from, so a change made since is not lost.",
                       fields={"version": ["Enter the record's version as a whole number."]})  # fmt: skip
    return version


def change(request, access: ProgrammeAccess, fields: dict, update: Callable) -> None:
    """A PATCH: the version sent and the fields by `fields`, then `update(actor=, expected_version=, **values)`,
    which checks who may make the change. A stale version answers 409 with both versions; nothing is saved."""
    data = body_of(request)
    version = version_of(data)
    sent = without_version(data)
    values = parse(sent, fields, access, partial=True)
    try:
        update(actor=actor(request), expected_version=version, **values)
    except StaleEdit as error:
        raise stale(error, sent) from None


def stale(error: StaleEdit, yours: dict) -> ApiError:
    """409: the fields sent, as sent (`yours`) and as now saved (`saved`, with the version to send next)."""
    saved = {}
    for name in yours:
        value = getattr(error.obj, name, None)
        if isinstance(value, datetime.date):
            value = value.isoformat()
        elif value is not None and not isinstance(value, str | int | bool):
            value = str(value)
        saved[name] = value
    return ApiError(409, str(error), yours=yours, saved={**saved, "version": error.obj.version})

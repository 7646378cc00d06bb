"""How a refusal is raised, so that every one of them is answered and logged the same way."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404


class Refused(Http404):
    """'Not found' for something that exists but is not this person's to see (another
    organisation's record, an OFFICIAL-SENSITIVE one): logged as a refusal, answered as a 404."""


def refuse(status: int, message: str):
    """Raise the refusal for `status` (403 or 404, from rules.refusal_status)."""
    if status == 404:
        raise Refused(message)
    raise PermissionDenied(message)

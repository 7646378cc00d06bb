"""Reads for evidence: the analyses attached to a record, as far as a scope sees."""

from __future__ import annotations

from django.db.models import QuerySet

from bluelight.evidence.models import Attachment
from bluelight.programmes import rules
from bluelight.programmes.scope import Scope


def evidence_for(scope: Scope, *, benefit=None, workstream=None, decision=None) -> QuerySet[Attachment]:
    """The attachments of one record, newest first, leaving out analyses marked beyond the scope."""
    found = scope.filter(Attachment.objects.filter(benefit=benefit, workstream=workstream, decision=decision))
    if not scope.sees_everything:
        found = found.exclude(analysis__marking=rules.OFFICIAL_SENSITIVE)
    return found.select_related("analysis", "attached_by").order_by("-attached_at", "-id")

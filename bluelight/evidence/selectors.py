"""Reads for evidence: the analyses attached to a record, as far as a scope sees."""

from __future__ import annotations

from django.db.models import QuerySet

from bluelight.evidence.models import Analysis, Attachment
from bluelight.programmes import rules
from bluelight.programmes.scope import Scope


def evidence_for(scope: Scope, *, benefit=None, workstream=None, decision=None) -> QuerySet[Attachment]:
    """The attachments of one record, newest first, leaving out analyses marked beyond the scope."""
    found = scope.filter(Attachment.objects.filter(benefit=benefit, workstream=workstream, decision=decision))
    if not scope.sees_everything:
        found = found.exclude(analysis__marking=rules.OFFICIAL_SENSITIVE)
    return found.select_related("analysis", "attached_by").order_by("-attached_at", "-id")


def analyses_of(scope: Scope, programme, kind: str) -> QuerySet[Analysis]:
    """A programme's analyses of one kind, newest first, leaving out those marked beyond the scope."""
    found = Analysis.objects.filter(programme=programme, kind=kind).select_related("created_by")
    if not scope.sees_everything:
        found = found.exclude(marking=rules.OFFICIAL_SENSITIVE)
    return found.defer("result")


def attachments_of(analysis: Analysis) -> QuerySet[Attachment]:
    return analysis.attachments.select_related("benefit", "workstream", "decision__meeting", "document", "attached_by")

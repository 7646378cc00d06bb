"""What the governance services share: the fields each record's history follows, what approving a
paper does to its workstream, and the small checks every kind of record makes."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Max

from bluelight.core import history
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.governance.models import (
    Document,
)
from bluelight.programmes.models import Programme, Workstream

BOARD_FIELDS = ["name", "purpose", "chair", "cadence", "terms_of_reference", "programmes"]


MEETING_FIELDS = ["held_on", "location", "chaired_by", "status", "minutes", "illustrative"]


ACTION_FIELDS = [
    "description",
    "owner",
    "owner_organisation",
    "due_on",
    "status",
    "completed_on",
    "update",
    "workstream",
]


RISK_FIELDS = [
    "title", "kind", "workstream", "cause", "event", "effect", "owner", "inherent_likelihood", "inherent_impact",
    "residual_likelihood", "residual_impact", "mitigation", "proximity", "review_on", "status", "illustrative",
    "marking",
]  # fmt: skip


SCORE_FIELDS = ["inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact", "status"]


MILESTONE_FIELDS = ["title", "due_on", "forecast_on", "achieved_on"]


DOCUMENT_FIELDS = [
    "title", "kind", "workstream", "status", "author", "summary", "case_stage", "appraisal_year", *Document.FIVE_CASES,
    "outcome",
    "benefits_delivered", "lessons_learned", "agreement_type", "parties", "signed_on", "review_on", "file_name",
]  # fmt: skip


# What approving a paper does to its workstream's lifecycle stage.
NEXT_STAGE = {
    Workstream.Stage.PROPOSED: Workstream.Stage.BUSINESS_CASE,
    Workstream.Stage.BUSINESS_CASE: Workstream.Stage.IN_DELIVERY,
}


def created(obj, actor: Actor, fields: list[str]) -> None:
    history.record(obj, HistoryEntry.Action.CREATED, actor, history.diff({}, history.snapshot(obj, fields)))


def check_workstream(programme: Programme, workstream: Workstream | None) -> None:
    if workstream is not None and workstream.programme_id != programme.id:
        raise ValidationError({"workstream": "Choose a workstream of this programme."})


def next_number(owner, numbered) -> int:
    """The next reference number (A7, R12, agenda item 3). The owner's row is locked until the caller's
    transaction ends, so two records made at the same moment cannot both take the same number."""
    owner.select_for_update().get()
    return (numbered.aggregate(n=Max("number"))["n"] or 0) + 1

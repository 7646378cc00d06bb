"""Writes for evidence: keeping a finished analysis, and attaching it to what it is evidence for.

Running an engine as a background task with progress is the task queue's (issue #17); an evidence
app calls `analysis_keep` with what its pure engine gave.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from bluelight.core import history
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.core.services import refuse, validate
from bluelight.evidence.models import Analysis, Attachment
from bluelight.governance.access import decision_allowed
from bluelight.programmes.access import office_only, owner_only
from bluelight.programmes.models import Programme


@transaction.atomic
def analysis_keep(*, actor: Actor, programme: Programme, kind: str, title: str, inputs: dict, method: dict,
                  result: dict, marking: str = "OFFICIAL") -> Analysis:  # fmt: skip
    """A finished analysis, with the files and rows that went in and the method that made the result.
    Refused without a method statement or a record of its inputs: a figure must be traceable."""
    office_only(actor, programme, "Only the programme office can keep analyses for the programme.")
    errors = {}
    if not (method.get("name") and method.get("statement")):
        errors["method"] = "Name the method and give the statement shown with every result."
    if not inputs.get("files"):
        errors["inputs"] = "Record the files the analysis read, with their rows taken and set aside."
    refuse(errors)
    analysis = Analysis(programme=programme, kind=kind, title=title.strip(), inputs=inputs, method=method,
                        result=result, marking=marking, status=Analysis.Status.DONE, created_by=actor.user,
                        finished_at=timezone.now())  # fmt: skip
    validate(analysis)
    analysis.save()
    history.record(analysis, HistoryEntry.Action.CREATED, actor, {"title": [None, analysis.title]})
    return analysis


@transaction.atomic
def analysis_attach(*, actor: Actor, analysis: Analysis, note: str, benefit=None, workstream=None,
                    decision=None) -> Attachment:  # fmt: skip
    """Attach a finished analysis of the same programme to one benefit, workstream or decision, saying
    what it shows for it; the target's history records it."""
    targets = [t for t in (benefit, workstream, decision) if t is not None]
    if len(targets) != 1:
        raise ValidationError({"target": "Attach the analysis to one benefit, workstream or decision."})
    target = targets[0]
    owner = benefit.workstream if benefit is not None else workstream
    if decision is not None:
        decision_allowed(actor, decision.meeting)
    else:
        owner_only(actor, owner, "Only the programme office and the lead organisation's editors can attach evidence.")
    programme_id = decision.meeting.programme_id if decision is not None else owner.programme_id
    errors = {}
    if programme_id != analysis.programme_id:
        errors["target"] = "Attach the analysis to a record of its own programme."
    if analysis.status != Analysis.Status.DONE:
        errors["analysis"] = "Only a finished analysis can be attached as evidence."
    if not note.strip():
        errors["note"] = "Say what the analysis shows for this record."
    refuse(errors)
    attachment = Attachment.objects.create(analysis=analysis, benefit=benefit, workstream=workstream,
                                           decision=decision, note=note.strip(), attached_by=actor.user)  # fmt: skip
    history.record(target, HistoryEntry.Action.CHANGED, actor, {"evidence": [None, str(analysis)]}, note=note.strip())
    return attachment

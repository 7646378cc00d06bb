"""Writes for evidence: starting an analysis (its files kept, its engine queued), keeping one finished
elsewhere (the command line, the demo), and attaching it to what it is evidence for."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from bluelight.core import files, history
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.core.services import refuse, validate
from bluelight.evidence import engines, tasks
from bluelight.evidence.models import Analysis, Attachment
from bluelight.governance.access import decision_allowed
from bluelight.programmes.access import office_only, owner_only
from bluelight.programmes.models import Programme

MOST_FILES = 500
EXTENSIONS = {"csv", "zip"}


@transaction.atomic
def analysis_start(*, actor: Actor, programme: Programme, kind: str, title: str, uploads: list[tuple[str, bytes]],
                   parameters: dict, marking: str = "OFFICIAL") -> Analysis:  # fmt: skip
    """Keep the uploaded files and queue the kind's engine over them; the analysis waits to start.
    The files are read by the engine, which refuses a bad one with its row and reason."""
    office_only(actor, programme, "Only the programme office can run analyses for the programme.")
    errors = {}
    if not title.strip():
        errors["title"] = "Give the analysis a title, such as “Violence against women and girls, 2025”."
    if not uploads:
        errors["files"] = "Choose a CSV file, or a zip of CSV files, to analyse."
    elif len(uploads) > MOST_FILES:
        errors["files"] = f"Choose at most {MOST_FILES} files; put more in a zip."
    for name, _ in uploads:
        if name.rsplit(".", 1)[-1].lower() not in EXTENSIONS:
            errors["files"] = f"“{name}” is not a CSV or zip file."
    if kind not in engines.ENGINES:
        errors["kind"] = f"There is no engine for “{kind}”."
    refuse(errors)
    kept = []
    for name, data in uploads:
        stored, digest = files.store(data, name.rsplit(".", 1)[-1].lower())
        kept.append({"name": name, "stored": stored, "sha256": digest, "bytes": len(data)})
    analysis = Analysis(programme=programme, kind=kind, title=title.strip(), marking=marking, created_by=actor.user,
                        inputs={"files": kept, "parameters": parameters})  # fmt: skip
    validate(analysis)
    analysis.save()
    history.record(analysis, HistoryEntry.Action.CREATED, actor, {"title": [None, analysis.title]})
    return tasks.enqueue(analysis)  # the job goes in the same transaction: never one without the other


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
                    decision=None, document=None) -> Attachment:  # fmt: skip
    """Attach a finished analysis of the same programme to one benefit, workstream, decision or paper (a
    business case, a board paper), saying what it shows for it; the target's history records it."""
    targets = [t for t in (benefit, workstream, decision, document) if t is not None]
    if len(targets) != 1:
        raise ValidationError({"target": "Attach the analysis to one benefit, workstream, decision or paper."})
    target = targets[0]
    owner = benefit.workstream if benefit is not None else workstream
    ownership = "Only the programme office and the lead organisation's editors can attach evidence."
    if decision is not None:
        decision_allowed(actor, decision.meeting)
        programme_id = decision.meeting.programme_id
    elif document is not None:
        if document.workstream is not None:
            owner_only(actor, document.workstream, ownership)
        else:
            office_only(actor, document.programme, "Only the programme office can attach evidence to this paper.")
        programme_id = document.programme_id
    else:
        owner_only(actor, owner, ownership)
        programme_id = owner.programme_id
    errors = {}
    if programme_id != analysis.programme_id:
        errors["target"] = "Attach the analysis to a record of its own programme."
    if analysis.status != Analysis.Status.DONE:
        errors["analysis"] = "Only a finished analysis can be attached as evidence."
    if not note.strip():
        errors["note"] = "Say what the analysis shows for this record."
    refuse(errors)
    attachment = Attachment.objects.create(analysis=analysis, benefit=benefit, workstream=workstream, decision=decision,
                                           document=document, note=note.strip(), attached_by=actor.user)  # fmt: skip
    history.record(target, HistoryEntry.Action.CHANGED, actor, {"evidence": [None, str(analysis)]}, note=note.strip())
    return attachment

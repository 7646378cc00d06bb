"""Writes for boards, meetings, agendas, decisions, actions, risks, documents and milestones.

As everywhere in Bluelight: validate everything first, write in one transaction, record history.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from bluelight.core import history
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.core.services import refuse, validate
from bluelight.core.uploads import UploadRefused, check_upload
from bluelight.governance import access as rights
from bluelight.governance import rules, storage
from bluelight.governance.models import (
    Action,
    AgendaItem,
    Attendance,
    Board,
    BoardMember,
    Decision,
    Document,
    Meeting,
    Milestone,
    Risk,
    RiskReview,
)
from bluelight.programmes import services as programme_services
from bluelight.programmes.access import office_only
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
    "title", "kind", "workstream", "status", "author", "summary", "case_stage", *Document.FIVE_CASES, "outcome",
    "benefits_delivered", "lessons_learned", "agreement_type", "parties", "signed_on", "review_on", "file_name",
]  # fmt: skip

# What approving a paper does to its workstream's lifecycle stage.
NEXT_STAGE = {
    Workstream.Stage.PROPOSED: Workstream.Stage.BUSINESS_CASE,
    Workstream.Stage.BUSINESS_CASE: Workstream.Stage.IN_DELIVERY,
}


def _created(obj, actor: Actor, fields: list[str]) -> None:
    history.record(obj, HistoryEntry.Action.CREATED, actor, history.diff({}, history.snapshot(obj, fields)))


def _check_workstream(programme: Programme, workstream: Workstream | None) -> None:
    if workstream is not None and workstream.programme_id != programme.id:
        raise ValidationError({"workstream": "Choose a workstream of this programme."})


# Boards and meetings -------------------------------------------------------------------------------------------


@transaction.atomic
def board_create(*, actor: Actor, programmes=(), **fields) -> Board:
    board = Board(**fields)
    validate(board)
    board.save()
    board.programmes.set(programmes)
    _created(board, actor, BOARD_FIELDS)
    return board


@transaction.atomic
def member_add(*, actor: Actor, board: Board, name: str, organisation, role: str = "", user=None) -> BoardMember:
    member = BoardMember(board=board, name=name.strip(), role=role.strip(), organisation=organisation, user=user)
    validate(member)
    member.save()
    history.record(board, HistoryEntry.Action.CHANGED, actor, {"members": [None, str(member)]})
    return member


@transaction.atomic
def meeting_create(*, actor: Actor, board: Board, programme: Programme, **fields) -> Meeting:
    office_only(actor, programme)
    if not board.programmes.filter(pk=programme.pk).exists():
        raise ValidationError({"board": f"The {board.name} does not govern {programme.name}."})
    meeting = Meeting(board=board, programme=programme, **fields)
    if not meeting.chaired_by:
        meeting.chaired_by = board.chair
    validate(meeting)
    meeting.save()
    _created(meeting, actor, MEETING_FIELDS)
    return meeting


@transaction.atomic
def meeting_update(*, actor: Actor, meeting: Meeting, expected_version: int | None, **values) -> Meeting:
    office_only(actor, meeting.programme)
    history.update(meeting, actor, expected_version, values, MEETING_FIELDS, check=validate)
    return meeting


@transaction.atomic
def attendance_set(*, actor: Actor, meeting: Meeting, statuses: dict[BoardMember, str]) -> None:
    office_only(actor, meeting.programme)
    for member, status in statuses.items():
        if member.board_id != meeting.board_id:
            raise ValidationError({f"member_{member.pk}": f"{member.name} is not a member of the {meeting.board}."})
        if status not in Attendance.Status.values:
            raise ValidationError({f"member_{member.pk}": f"Choose present, apologies or absent for {member.name}."})
    for member, status in statuses.items():
        Attendance.objects.update_or_create(meeting=meeting, member=member, defaults={"status": status})
    history.record(
        meeting, HistoryEntry.Action.CHANGED, actor, {"attendance": [None, {m.name: s for m, s in statuses.items()}]}
    )


_AGENDA_LINKS = {
    AgendaItem.Kind.WORKSTREAM: "workstream",
    AgendaItem.Kind.RISK: "risk",
    AgendaItem.Kind.BUSINESS_CASE: "document",
    AgendaItem.Kind.BENEFIT_REVIEW: "document",
    AgendaItem.Kind.CLOSURE_REPORT: "document",
}


def _next_number(owner, numbered) -> int:
    """The next reference number (A7, R12, agenda item 3). The owner's row is locked until the caller's
    transaction ends, so two records made at the same moment cannot both take the same number."""
    owner.select_for_update().get()
    return (numbered.aggregate(n=Max("number"))["n"] or 0) + 1


@transaction.atomic
def agenda_item_add(
    *, actor: Actor, meeting: Meeting, title: str, kind: str = AgendaItem.Kind.OTHER,
    purpose: str = AgendaItem.Purpose.DISCUSSION, presenter: str = "", workstream: Workstream | None = None,
    document: Document | None = None, risk: Risk | None = None, notes: str = "",
) -> AgendaItem:  # fmt: skip
    """Put an item on a meeting's agenda; a paper put before the board is marked as submitted."""
    office_only(actor, meeting.programme)
    programme = meeting.programme
    _check_workstream(programme, workstream)
    if document is not None and document.programme_id != programme.id:
        raise ValidationError({"document": "Choose a paper of this programme."})
    if risk is not None and risk.programme_id != programme.id:
        raise ValidationError({"risk": "Choose a risk of this programme."})
    link = _AGENDA_LINKS.get(kind)
    chosen = {"workstream": workstream, "document": document, "risk": risk}
    if link and chosen[link] is None:
        noun = {"workstream": "workstream", "risk": "risk", "document": "paper"}[link]
        raise ValidationError({link: f"Choose the {noun} this item considers."})
    if link == "document" and document.kind != kind:
        raise ValidationError(
            {
                "document": f"Choose a {AgendaItem.Kind(kind).label.lower()}, not a {document.get_kind_display().lower()}."
            }
        )
    if document is not None and workstream is None:
        workstream = document.workstream
    number = _next_number(Meeting.objects.filter(pk=meeting.pk), meeting.agenda)
    item = AgendaItem(
        meeting=meeting, number=number, title=title.strip() or (str(document or risk or workstream or "")),
        kind=kind, purpose=purpose, presenter=presenter.strip(), workstream=workstream, document=document,
        risk=risk, notes=notes.strip(),
    )  # fmt: skip
    validate(item)
    item.save()
    history.record(meeting, HistoryEntry.Action.CHANGED, actor, {"agenda": [None, str(item)]})
    if document is not None and document.status == Document.Status.DRAFT:
        history.update(document, actor, None, {"status": Document.Status.SUBMITTED}, DOCUMENT_FIELDS, check=validate,
                note=f"Submitted to the {meeting}")  # fmt: skip
    return item


@transaction.atomic
def decision_record(
    *, actor: Actor, agenda_item: AgendaItem, outcome: str, summary: str, decided_by: str = "", conditions: str = ""
) -> Decision:
    """Record the board's decision on an agenda item, against its paper too.

    Approving a business case moves its workstream to the next lifecycle stage; approving a closure
    report closes it. Both changes are in the workstream's history, saying which meeting decided.
    """
    rights.decision_allowed(actor, agenda_item.meeting)
    meeting = agenda_item.meeting
    errors = {}
    if outcome not in Decision.Outcome.values:
        errors["outcome"] = "Choose approved, approved with conditions, deferred, rejected or noted."
    if not summary.strip():
        errors["summary"] = "Enter what was decided."
    errors.update(rules.conditions_stated(outcome == Decision.Outcome.APPROVED_WITH_CONDITIONS, conditions))
    if errors:
        raise ValidationError(errors)
    decision = Decision.objects.create(
        meeting=meeting, agenda_item=agenda_item, document=agenda_item.document, outcome=outcome,
        summary=summary.strip(), conditions=conditions.strip(),
        decided_by=decided_by.strip() or f"{meeting.board.name}, chaired by {meeting.chaired_by or 'the chair'}",
        recorded_by=actor.user,
    )  # fmt: skip
    history.record(
        meeting,
        HistoryEntry.Action.CHANGED,
        actor,
        {"decision": [None, f"{agenda_item.title}: {decision.get_outcome_display()}"]},
    )
    document = agenda_item.document
    if document is None:
        return decision
    said = f"{decision.get_outcome_display().lower()} by the {meeting.board.name} on {meeting.held_on:%-d %B %Y}"
    history.update(
        document, actor, None, {"status": outcome}, DOCUMENT_FIELDS, check=validate, note=said[0].upper() + said[1:]
    )
    workstream = document.workstream
    if workstream is None or outcome not in Decision.APPROVALS:
        return decision
    if document.kind == Document.Kind.BUSINESS_CASE and workstream.stage in NEXT_STAGE:
        new_stage = {"stage": NEXT_STAGE[workstream.stage], "stage_changed_on": meeting.held_on, "stage_reason": ""}
    elif document.kind == Document.Kind.CLOSURE_REPORT and workstream.stage != Workstream.Stage.CLOSED:
        new_stage = {"stage": Workstream.Stage.CLOSED, "stage_changed_on": meeting.held_on,
                     "stage_reason": f"closure report {said}"}  # fmt: skip
    else:
        return decision
    programme_services.workstream_stage_move(
        actor=actor, workstream=workstream, note=f"{document.get_kind_display()} “{document.title}” {said}", **new_stage
    )  # fmt: skip
    return decision


# Actions -------------------------------------------------------------------------------------------------------


def _completed_on(status: str, completed_on):
    """A done action keeps its completion day (today unless given); any other has none."""
    if status != Action.Status.DONE:
        return None
    return completed_on or timezone.localdate()


@transaction.atomic
def action_create(*, actor: Actor, programme: Programme, meeting: Meeting | None = None, **fields) -> Action:
    rights.action_create_allowed(actor, programme)
    _check_workstream(programme, fields.get("workstream"))
    if meeting is not None and meeting.programme_id != programme.id:
        raise ValidationError({"meeting": "Choose a meeting of this programme."})
    number = _next_number(Programme.objects.filter(pk=programme.pk), programme.actions)
    action = Action(programme=programme, meeting=meeting, number=number, **fields)
    action.completed_on = _completed_on(action.status, action.completed_on)
    validate(action)
    action.save()
    _created(action, actor, ACTION_FIELDS)
    return action


@transaction.atomic
def action_update(*, actor: Actor, action: Action, expected_version: int | None, **values) -> Action:
    rights.action_change_allowed(actor, action, values)
    _check_workstream(action.programme, values.get("workstream"))
    values["completed_on"] = _completed_on(
        values.get("status", action.status), values.get("completed_on", action.completed_on)
    )
    history.update(action, actor, expected_version, values, ACTION_FIELDS, check=validate)
    return action


# Risks ---------------------------------------------------------------------------------------------------------


def _review(risk: Risk, reviewed_on: datetime.date | None) -> None:
    RiskReview.objects.create(
        risk=risk, reviewed_on=reviewed_on or timezone.localdate(), **{f: getattr(risk, f) for f in SCORE_FIELDS}
    )


def _check_risk(risk: Risk) -> None:
    refuse(rules.residual_not_above_inherent(
        risk.inherent_likelihood, risk.inherent_impact, risk.residual_likelihood, risk.residual_impact
    ))  # fmt: skip


@transaction.atomic
def risk_create(*, actor: Actor, programme: Programme, reviewed_on: datetime.date | None = None, **fields) -> Risk:
    rights.risk_create_allowed(actor, programme, fields.get("workstream"))
    _check_workstream(programme, fields.get("workstream"))
    number = _next_number(Programme.objects.filter(pk=programme.pk), programme.risks)
    risk = Risk(programme=programme, number=number, **fields)
    validate(risk)
    _check_risk(risk)
    risk.save()
    _review(risk, reviewed_on)
    _created(risk, actor, RISK_FIELDS)
    return risk


@transaction.atomic
def risk_update(
    *, actor: Actor, risk: Risk, expected_version: int | None, reviewed_on: datetime.date | None = None, **values
) -> Risk:
    """Change a risk; a change of score or status is kept as a review, dated, for the movement since a meeting."""
    rights.risk_change_allowed(actor, risk, values)
    _check_workstream(risk.programme, values.get("workstream"))
    probe = Risk(**{f: values.get(f, getattr(risk, f)) for f in SCORE_FIELDS})
    _check_risk(probe)
    changes = history.update(risk, actor, expected_version, values, RISK_FIELDS, check=validate)
    if any(f in changes for f in SCORE_FIELDS):
        _review(risk, reviewed_on)
    return risk


# Documents -----------------------------------------------------------------------------------------------------


def _check_document(document: Document) -> None:
    errors = {}
    if document.kind == Document.Kind.AGREEMENT and not document.agreement_type:
        errors["agreement_type"] = "Choose the kind of agreement: MoU, section 22A or information-sharing."
    if document.kind == Document.Kind.FILE and not document.has_file:
        errors["upload"] = "Select a file to upload."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def document_create(
    *, actor: Actor, programme: Programme, parties=(), upload: tuple[str, bytes] | None = None, **fields
) -> Document:
    """Add a paper. An uploaded file is checked by its content first; if anything is refused nothing is kept."""
    _check_workstream(programme, fields.get("workstream"))
    document = Document(programme=programme, **fields)
    checked = None
    if upload is not None:
        filename, data = upload
        try:
            checked = check_upload(filename, data, settings.BLUELIGHT["UPLOAD_MAX_BYTES"])
        except UploadRefused as refusal:
            raise ValidationError({"upload": str(refusal)}) from None
        document.file_name = filename.replace("\\", "/").rsplit("/", 1)[-1][:255]
        document.content_type, document.size = checked.content_type, checked.size
        document.stored_name = "pending"
    validate(document, exclude=["stored_name"])
    _check_document(document)
    if checked is not None:
        document.stored_name, document.sha256 = storage.store(upload[1], checked.extension)
    try:
        document.save()
        document.parties.set(parties)
        _created(document, actor, DOCUMENT_FIELDS)
    except BaseException:
        if checked is not None:
            storage.remove(document.stored_name)  # nothing is kept of a refused or failed upload
        raise
    return document


@transaction.atomic
def document_update(
    *, actor: Actor, document: Document, expected_version: int | None, parties=None, **values
) -> Document:
    """Change a paper's text. Its file cannot be replaced: upload a new paper, so what a board saw is kept."""
    _check_workstream(document.programme, values.get("workstream"))
    if parties is not None:
        values["parties"] = parties
    history.update(document, actor, expected_version, values, DOCUMENT_FIELDS, check=validate)
    _check_document(document)
    return document


# Milestones ----------------------------------------------------------------------------------------------------


@transaction.atomic
def milestone_create(*, actor: Actor, workstream: Workstream, **fields) -> Milestone:
    milestone = Milestone(workstream=workstream, **fields)
    validate(milestone)
    milestone.save()
    _created(milestone, actor, MILESTONE_FIELDS)
    return milestone


@transaction.atomic
def milestone_update(*, actor: Actor, milestone: Milestone, expected_version: int | None, **values) -> Milestone:
    history.update(milestone, actor, expected_version, values, MILESTONE_FIELDS, check=validate)
    return milestone

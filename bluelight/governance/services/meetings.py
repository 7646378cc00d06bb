"""Writes for boards, their members, meetings, attendance, the agenda and the board's decisions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from bluelight.core import history
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.core.services import refuse, validate
from bluelight.governance import access as rights
from bluelight.governance import rules
from bluelight.governance.models import (
    AgendaItem,
    Attendance,
    Board,
    BoardMember,
    Decision,
    Document,
    Meeting,
    Risk,
)
from bluelight.governance.services.common import (
    BOARD_FIELDS,
    DOCUMENT_FIELDS,
    MEETING_FIELDS,
    NEXT_STAGE,
    check_workstream,
    created,
    next_number,
)
from bluelight.programmes import services as programme_services
from bluelight.programmes.access import office_only
from bluelight.programmes.models import Programme, Workstream


@transaction.atomic
def board_create(*, actor: Actor, programmes=(), **fields) -> Board:
    board = Board(**fields)
    validate(board)
    board.save()
    board.programmes.set(programmes)
    created(board, actor, BOARD_FIELDS)
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
    created(meeting, actor, MEETING_FIELDS)
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


@transaction.atomic
def agenda_item_add(
    *, actor: Actor, meeting: Meeting, title: str, kind: str = AgendaItem.Kind.OTHER,
    purpose: str = AgendaItem.Purpose.DISCUSSION, presenter: str = "", workstream: Workstream | None = None,
    document: Document | None = None, risk: Risk | None = None, notes: str = "",
) -> AgendaItem:  # fmt: skip
    """Put an item on a meeting's agenda; a paper put before the board is marked as submitted."""
    office_only(actor, meeting.programme)
    programme = meeting.programme
    check_workstream(programme, workstream)
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
    number = next_number(Meeting.objects.filter(pk=meeting.pk), meeting.agenda)
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
    refuse(rules.decided_after_meeting(meeting.held_on, meeting.status == Meeting.Status.CANCELLED,
                                       timezone.localdate(), str(meeting)))  # fmt: skip
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

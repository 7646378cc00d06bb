"""Pages for boards, meetings and their decisions, the action log, and the board pack."""

from __future__ import annotations

import datetime

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from bluelight.core import history
from bluelight.core.history import Actor, without_version
from bluelight.core.pages import form_page
from bluelight.governance import access as rights
from bluelight.governance import selectors, services
from bluelight.governance.forms import (
    AgendaItemForm,
    AttendanceForm,
    DecisionForm,
    MeetingEditForm,
    MeetingForm,
)
from bluelight.governance.models import Meeting
from bluelight.programmes.access import programme_for, require_admin

FORM = "governance/form.html"


def governance_home(request, slug):
    access = programme_for(request, slug)
    programme = access.programme
    today = timezone.localdate()
    meetings = list(selectors.meetings_of(programme))
    return render(request, "governance/home.html", {
        "access": access, "programme": programme, "boards": programme.boards.prefetch_related("members"),
        "upcoming": [m for m in meetings if m.held_on >= today][::-1], "past": [m for m in meetings if m.held_on < today],
        "proposed": selectors.proposed_meetings(programme, today),
        # Counted from what this person sees, as the registers they link to list it.
        "overdue": list(access.visible(selectors.overdue_actions([programme], today))),
        "above_threshold": selectors.above_threshold(programme, None, access.scope),
    })  # fmt: skip


def _date_or_none(text: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text or "")
    except ValueError:
        return None


def meeting_create(request, slug):
    access = programme_for(request, slug)
    require_admin(access)
    return form_page(
        request, MeetingForm(request.POST or None, programme=access.programme,
                             initial={"board": request.GET.get("board"), "held_on": _date_or_none(request.GET.get("on"))}),
        lambda data: services.meeting_create(actor=Actor(request.user), programme=access.programme, **data),
        template=FORM, context={"programme": access.programme, "heading": "Schedule a meeting",
                                "caption": access.programme.name, "back": reverse("governance-home", args=[slug]),
                                "button": "Schedule meeting"},
        done=lambda meeting: f"Meeting of the {meeting.board.name} on {meeting.held_on:%-d %B %Y} scheduled",
        next_url=lambda meeting: reverse("meeting-detail", args=[slug, meeting.id]),
    )  # fmt: skip


def meeting_of(access, meeting_id) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("board", "programme"), programme=access.programme,
                             pk=meeting_id)  # fmt: skip


def meeting_detail(request, slug, meeting_id):
    access = programme_for(request, slug)
    meeting = meeting_of(access, meeting_id)
    agenda = list(
        access.visible(meeting.agenda.select_related("workstream", "document", "risk")).prefetch_related("decisions")
    )
    return render(request, "governance/meeting_detail.html", {
        "access": access, "programme": access.programme, "meeting": meeting, "agenda": agenda,
        "attendance": meeting.attendance.select_related("member__organisation"),
        "actions": access.visible(meeting.actions.all()), "today": timezone.localdate(),
        "can_decide": rights.can_record_decision(request.user, access, meeting),
        "timeline": history.history_of(meeting)[:30],
    })  # fmt: skip


def meeting_edit(request, slug, meeting_id):
    access = programme_for(request, slug)
    require_admin(access)
    meeting = meeting_of(access, meeting_id)
    fields = ("status", "held_on", "location", "chaired_by", "minutes", "version")
    return form_page(
        request, MeetingEditForm(request.POST or None, initial={f: getattr(meeting, f) for f in fields}),
        lambda data: services.meeting_update(actor=Actor(request.user), meeting=meeting,
                                             expected_version=data["version"], **without_version(data)),
        template=FORM, context={"programme": access.programme, "heading": "Minutes and details",
                                "caption": str(meeting), "back": reverse("meeting-detail", args=[slug, meeting.id])},
        done="Meeting saved", next_url=reverse("meeting-detail", args=[slug, meeting.id]),
    )  # fmt: skip


def attendance_record(request, slug, meeting_id):
    access = programme_for(request, slug)
    require_admin(access)
    meeting = meeting_of(access, meeting_id)
    members = list(meeting.board.members.select_related("organisation"))
    recorded = {a.member_id: a.status for a in meeting.attendance.all()}
    initial = {f"member_{m.pk}": recorded.get(m.pk, "present") for m in members}
    form = AttendanceForm(request.POST or None, members=members, initial=initial)
    return form_page(
        request, form,
        lambda data: services.attendance_set(actor=Actor(request.user), meeting=meeting, statuses=form.statuses()),
        template=FORM, context={"programme": access.programme, "heading": "Attendance", "caption": str(meeting),
                                "back": reverse("meeting-detail", args=[slug, meeting.id]),
                                "intro": "Board members recorded as present can record the meeting's decisions."},
        done="Attendance saved", next_url=reverse("meeting-detail", args=[slug, meeting.id]),
    )  # fmt: skip


def agenda_item_add(request, slug, meeting_id):
    access = programme_for(request, slug)
    require_admin(access)
    meeting = meeting_of(access, meeting_id)
    form = AgendaItemForm(request.POST or None, programme=access.programme,
                          initial={"kind": "other", "purpose": "discussion"})  # fmt: skip
    return form_page(
        request, form, lambda data: services.agenda_item_add(actor=Actor(request.user), meeting=meeting, **data),
        template=FORM, context={"programme": access.programme, "heading": "Add an agenda item", "caption": str(meeting),
                                "back": reverse("meeting-detail", args=[slug, meeting.id]), "button": "Add item",
                                "intro": "A paper put on the agenda is marked as submitted to this meeting."},
        done=lambda item: f"Item {item.number} added", next_url=reverse("meeting-detail", args=[slug, meeting.id]),
    )  # fmt: skip


def decision_record(request, slug, meeting_id, number):
    access = programme_for(request, slug)
    meeting = meeting_of(access, meeting_id)
    rights.require_decision_right(request.user, access, meeting)
    item = get_object_or_404(meeting.agenda, number=number)
    intro = f"Item {item.number}: {item.title}."
    if item.document and item.document.kind == "business_case":
        intro += " Approving a business case moves its workstream to the next lifecycle stage."
    return form_page(
        request, DecisionForm(request.POST or None),
        lambda data: services.decision_record(actor=Actor(request.user), agenda_item=item, **data),
        template=FORM, context={"programme": access.programme, "heading": "Record the decision", "caption": str(meeting),
                                "back": reverse("meeting-detail", args=[slug, meeting.id]), "intro": intro,
                                "button": "Record decision"},
        done=lambda decision: f"Decision recorded: {decision.get_outcome_display()}",
        next_url=reverse("meeting-detail", args=[slug, meeting.id]),
    )  # fmt: skip

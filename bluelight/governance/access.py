"""Who may change governance records, on top of bluelight.programmes.access.

The services call these with the actor who acts, so the pages, the API and the command line
answer the same: refusing the record itself is 403 (or 404 for another organisation's), and
refusing where it would go is a ValidationError on the field that moves it (400).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError

from bluelight.core.access import refuse
from bluelight.core.history import Actor
from bluelight.governance.models import Action, Attendance, Meeting, Risk
from bluelight.programmes import rules
from bluelight.programmes.access import ProgrammeAccess, access_of
from bluelight.programmes.models import Programme, Workstream

PLACE = (
    "Choose a workstream your organisation leads: only the programme office can put a {record} at programme "
    "level or on another organisation's workstream."
)


def _lead(workstream: Workstream | None) -> int | None:
    return workstream.lead_organisation_id if workstream is not None else None


def _require_place(access: ProgrammeAccess, workstream: Workstream | None, record: str) -> None:
    if not rules.can_place(access.role, access.organisation_id, _lead(workstream)):
        raise ValidationError({"workstream": PLACE.format(record=record)})


def risk_create_allowed(actor: Actor, programme: Programme, workstream: Workstream | None) -> None:
    access = access_of(actor, programme)
    if access is None:
        return
    if not (access.can_administer or access.role == rules.ORGANISATION_EDITOR):
        raise PermissionDenied("Only the programme office and workstream leads' editors can add risks.")
    _require_place(access, workstream, "risk")


def risk_change_allowed(actor: Actor, risk: Risk, values: dict) -> None:
    access = access_of(actor, risk.programme)
    if access is None:
        return
    require_workstream_or_admin(access, risk.workstream)
    if "workstream" in values and values["workstream"] != risk.workstream:
        _require_place(access, values["workstream"], "risk")


def action_create_allowed(actor: Actor, programme: Programme) -> None:
    access = access_of(actor, programme)
    if access is not None and not access.can_administer:
        raise PermissionDenied("Only the programme office can add actions.")


def action_change_allowed(actor: Actor, action: Action, values: dict) -> None:
    access = access_of(actor, action.programme)
    if access is None:
        return
    require_action_right(access, action)
    owner = values.get("owner_organisation", action.owner_organisation)
    if not rules.can_hand_over(access.role, action.owner_organisation_id, owner.pk if owner else None):
        raise ValidationError({"owner_organisation": "Only the programme office can hand an action to another organisation."})
    if "workstream" in values and values["workstream"] != action.workstream:
        _require_place(access, values["workstream"], "action")


def can_record_decision(user, access: ProgrammeAccess, meeting: Meeting) -> bool:
    """The programme office, or a board member who attended the meeting."""
    if access.can_administer:
        return True
    return Attendance.objects.filter(meeting=meeting, member__user=user, status=Attendance.Status.PRESENT).exists()


def decision_allowed(actor: Actor, meeting: Meeting) -> None:
    access = access_of(actor, meeting.programme)
    if access is not None:
        require_decision_right(actor.user, access, meeting)


def require_decision_right(user, access: ProgrammeAccess, meeting: Meeting) -> None:
    if not can_record_decision(user, access, meeting):
        refuse(403, "Only the programme office and board members who attended can record its decisions.")


def can_change(user, access: ProgrammeAccess, workstream) -> bool:
    """Programme-level records are the programme office's; a workstream's are also its lead organisation's."""
    if workstream is None:
        return access.can_administer
    return rules.can_edit_workstream(access.role, access.organisation_id, workstream.lead_organisation_id)


def require_workstream_or_admin(access: ProgrammeAccess, workstream) -> None:
    if workstream is None:
        if not access.can_administer:
            refuse(403, "Only the programme office can change programme-level records.")
        return
    access.require_owner(
        workstream.lead_organisation_id, "Only the programme office and the lead organisation's editors can change this."
    )


def require_action_right(access: ProgrammeAccess, action) -> None:
    """The programme office, or editors of the organisation that owns the action."""
    access.require_owner(
        action.owner_organisation_id,
        "Only the programme office and the owning organisation's editors can update this action.",
    )

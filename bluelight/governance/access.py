"""Who may change governance records, on top of bluelight.programmes.access."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from bluelight.governance.models import Attendance, Meeting
from bluelight.programmes import rules
from bluelight.programmes import selectors as programme_selectors
from bluelight.programmes.access import ProgrammeAccess


def can_record_decision(user, access: ProgrammeAccess, meeting: Meeting) -> bool:
    """The programme office, or a board member who attended the meeting."""
    if access.can_administer:
        return True
    return Attendance.objects.filter(meeting=meeting, member__user=user, status=Attendance.Status.PRESENT).exists()


def require_decision_right(user, access: ProgrammeAccess, meeting: Meeting) -> None:
    if not can_record_decision(user, access, meeting):
        raise PermissionDenied("Only the programme office and board members who attended can record its decisions.")


def can_change(user, access: ProgrammeAccess, workstream) -> bool:
    """Programme-level records are the programme office's; a workstream's are also its lead organisation's."""
    if workstream is None:
        return access.can_administer
    return programme_selectors.can_edit(user, workstream, access.role)


def require_workstream_or_admin(request, access: ProgrammeAccess, workstream) -> None:
    if not can_change(request.user, access, workstream):
        if workstream is None:
            raise PermissionDenied("Only the programme office can change programme-level records.")
        raise PermissionDenied("Only the programme office and the lead organisation's editors can change this.")


def editable_workstreams(user, access: ProgrammeAccess):
    """The workstreams this user may attach records to: all for the office, their own organisation's otherwise."""
    workstreams = access.programme.workstreams.all()
    if access.can_administer:
        return workstreams
    if access.role != rules.ORGANISATION_EDITOR or not user.organisation_id:
        return workstreams.none()
    return workstreams.filter(lead_organisation=user.organisation_id)


def require_action_right(user, access: ProgrammeAccess, action) -> None:
    """The programme office, or editors of the organisation that owns the action."""
    if not rules.can_edit_workstream(access.role, user.organisation_id, action.owner_organisation_id):
        raise PermissionDenied(
            "Only the programme office and the owning organisation's editors can update this action."
        )

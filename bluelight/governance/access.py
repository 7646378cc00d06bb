"""Who may change governance records, on top of bluelight.programmes.access."""

from __future__ import annotations

from bluelight.core.access import refuse
from bluelight.governance.models import Attendance, Meeting
from bluelight.programmes import rules
from bluelight.programmes.access import ProgrammeAccess


def can_record_decision(user, access: ProgrammeAccess, meeting: Meeting) -> bool:
    """The programme office, or a board member who attended the meeting."""
    if access.can_administer:
        return True
    return Attendance.objects.filter(meeting=meeting, member__user=user, status=Attendance.Status.PRESENT).exists()


def require_decision_right(user, access: ProgrammeAccess, meeting: Meeting) -> None:
    if not can_record_decision(user, access, meeting):
        refuse(403, "Only the programme office and board members who attended can record its decisions.")


def can_change(user, access: ProgrammeAccess, workstream) -> bool:
    """Programme-level records are the programme office's; a workstream's are also its lead organisation's."""
    if workstream is None:
        return access.can_administer
    return rules.can_edit_workstream(access.role, access.organisation_id, workstream.lead_organisation_id)


def require_workstream_or_admin(request, access: ProgrammeAccess, workstream) -> None:
    if workstream is None:
        if not access.can_administer:
            refuse(403, "Only the programme office can change programme-level records.")
        return
    access.require_owner(
        workstream.lead_organisation_id, "Only the programme office and the lead organisation's editors can change this."
    )


def require_action_right(user, access: ProgrammeAccess, action) -> None:
    """The programme office, or editors of the organisation that owns the action."""
    access.require_owner(
        action.owner_organisation_id,
        "Only the programme office and the owning organisation's editors can update this action.",
    )

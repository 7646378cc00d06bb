"""Writes for boards, meetings, agendas, decisions, actions, risks, papers and milestones.

As everywhere in Bluelight: check who acts, validate everything first, write in one transaction,
record history. One module a kind of record; callers use `governance.services.<write>`.
"""

from bluelight.governance.services.meetings import (
    agenda_item_add,
    attendance_set,
    board_create,
    decision_record,
    meeting_create,
    meeting_update,
    member_add,
)
from bluelight.governance.services.papers import document_create, document_update
from bluelight.governance.services.registers import (
    action_create,
    action_update,
    milestone_create,
    milestone_update,
    risk_create,
    risk_update,
)

__all__ = [
    "action_create",
    "action_update",
    "agenda_item_add",
    "attendance_set",
    "board_create",
    "decision_record",
    "document_create",
    "document_update",
    "meeting_create",
    "meeting_update",
    "member_add",
    "milestone_create",
    "milestone_update",
    "risk_create",
    "risk_update",
]

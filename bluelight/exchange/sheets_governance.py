"""The governance sheets: boards and their members, meetings, attendance, papers, risks and reviews,
agenda, decisions, actions and milestones."""

from __future__ import annotations

from bluelight.exchange import cells
from bluelight.exchange.columns import (
    MEETING,
    _boards,
    _decision_meeting,
    _link_board,
    _members,
    _scoped,
    _set_programme,
    fields,
    numbered,
)
from bluelight.exchange.schema import Many, Ref, SheetSpec
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

GOVERNANCE_SHEETS = [
    SheetSpec(
        "Boards", "board", Board, ("Board",),
        fields(Board, ("Board", "key"), ("Name", "name"), ("Purpose", "purpose"), ("Chair", "chair"),
               ("Cadence", "cadence"), ("Terms of reference", "terms_of_reference")),
        records=_boards, after_save=_link_board,
    ),
    SheetSpec(
        "Board members", "board member", BoardMember, ("Board", "Member"),
        [
            Ref(("Board",), "board", "Boards", required=True),
            *fields(BoardMember, ("Member", "name"), ("Role", "role"), name=cells.key),
            Ref(("Organisation",), "organisation", "Organisations", required=True),
        ],
        records=_members,
    ),
    SheetSpec(
        "Meetings", "meeting", Meeting, MEETING,
        [
            Ref(("Board",), "board", "Boards", required=True),
            *fields(Meeting, ("Meeting date", "held_on"), ("Location", "location"), ("Chaired by", "chaired_by"),
                    ("Status", "status"), ("Minutes", "minutes"), ("Illustrative", "illustrative")),
        ],
        records=_scoped(Meeting, "programme", "board"), scope=_set_programme,
    ),
    SheetSpec(
        "Attendance", "attendance", Attendance, (*MEETING, "Member"),
        [
            Ref(MEETING, "meeting", "Meetings", required=True),
            Ref(("Board", "Member"), "member", "Board members", required=True),
            *fields(Attendance, ("Attendance", "status")),
        ],
        records=_scoped(Attendance, "meeting__programme", "meeting__board", "member__board"),
    ),
    SheetSpec(
        "Papers", "paper", Document, ("Paper",),
        [
            *fields(Document, ("Paper", "title"), title=cells.key),
            Ref(("Workstream",), "workstream", "Workstreams"),
            *fields(Document, ("Kind", "kind"), ("Status", "status"), ("Author", "author"), ("Summary", "summary"),
                    ("Case stage", "case_stage"), ("Appraisal year", "appraisal_year"),
                    ("Strategic case", "strategic_case"),
                    ("Economic case", "economic_case"), ("Commercial case", "commercial_case"),
                    ("Financial case", "financial_case"), ("Management case", "management_case"),
                    ("Outcome", "outcome"), ("Benefits delivered", "benefits_delivered"),
                    ("Lessons learned", "lessons_learned"), ("Agreement type", "agreement_type")),
            Many("Parties", "parties", "Organisations"),
            *fields(Document, ("Signed on", "signed_on"), ("Review on", "review_on"), ("Illustrative", "illustrative")),
        ],
        records=_scoped(Document, "programme", "workstream"), scope=_set_programme, order=("title",),
    ),
    SheetSpec(
        "Risks", "risk", Risk, ("Risk",),
        [
            numbered("Risk", "R"),
            *fields(Risk, ("Kind", "kind")),
            Ref(("Workstream",), "workstream", "Workstreams"),
            *fields(Risk, ("Title", "title"), ("Cause", "cause"), ("Event", "event"), ("Effect", "effect"),
                    ("Owner", "owner"), ("Inherent likelihood", "inherent_likelihood"),
                    ("Inherent impact", "inherent_impact"), ("Residual likelihood", "residual_likelihood"),
                    ("Residual impact", "residual_impact"), ("Mitigation", "mitigation"), ("Proximity", "proximity"),
                    ("Review on", "review_on"), ("Status", "status"), ("Illustrative", "illustrative"),
                    ("Marking", "marking")),
        ],
        records=_scoped(Risk, "programme", "workstream"), scope=_set_programme,
    ),
    SheetSpec(
        "Risk reviews", "risk review", RiskReview, ("Risk", "Reviewed on"),
        [
            Ref(("Risk",), "risk", "Risks", required=True),
            *fields(RiskReview, ("Reviewed on", "reviewed_on"), ("Inherent likelihood", "inherent_likelihood"),
                    ("Inherent impact", "inherent_impact"), ("Residual likelihood", "residual_likelihood"),
                    ("Residual impact", "residual_impact"), ("Status", "status")),
        ],
        records=_scoped(RiskReview, "risk__programme", "risk"),
    ),
    SheetSpec(
        "Agenda", "agenda item", AgendaItem, (*MEETING, "Item"),
        [
            Ref(MEETING, "meeting", "Meetings", required=True),
            *fields(AgendaItem, ("Item", "number"), ("Title", "title"), ("Kind", "kind"), ("Purpose", "purpose"),
                    ("Presenter", "presenter")),
            Ref(("Workstream",), "workstream", "Workstreams"),
            Ref(("Paper",), "document", "Papers"),
            Ref(("Risk",), "risk", "Risks"),
            *fields(AgendaItem, ("Notes", "notes")),
        ],
        records=_scoped(AgendaItem, "meeting__programme", "meeting__board", "workstream", "document", "risk"),
    ),
    SheetSpec(
        "Decisions", "decision", Decision, (*MEETING, "Item"),
        [
            Ref((*MEETING, "Item"), "agenda_item", "Agenda", required=True),
            *fields(Decision, ("Outcome", "outcome"), ("Summary", "summary"), ("Conditions", "conditions"),
                    ("Decided by", "decided_by")),
            Ref(("Paper",), "document", "Papers"),
        ],
        records=_scoped(Decision, "meeting__programme", "agenda_item__meeting__board", "document"),
        scope=_decision_meeting,
    ),
    SheetSpec(
        "Actions", "action", Action, ("Action",),
        [
            numbered("Action", "A"),
            Ref(MEETING, "meeting", "Meetings"),
            Ref(("Workstream",), "workstream", "Workstreams"),
            *fields(Action, ("Description", "description"), ("Owner", "owner")),
            Ref(("Owner organisation",), "owner_organisation", "Organisations"),
            *fields(Action, ("Due on", "due_on"), ("Status", "status"), ("Completed on", "completed_on"),
                    ("Update", "update")),
        ],
        records=_scoped(Action, "programme", "meeting__board", "workstream", "owner_organisation"),
        scope=_set_programme,
    ),
    SheetSpec(
        "Milestones", "milestone", Milestone, ("Workstream", "Milestone"),
        [
            Ref(("Workstream",), "workstream", "Workstreams", required=True),
            *fields(Milestone, ("Milestone", "title"), ("Due on", "due_on"), ("Forecast on", "forecast_on"),
                    ("Achieved on", "achieved_on"), title=cells.key),
        ],
        records=_scoped(Milestone, "workstream__programme", "workstream"),
    ),
]  # fmt: skip

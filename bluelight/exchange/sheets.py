"""The sheets of a programme workbook, in the order they are written and applied (docs/workbook-format.md).

Each sheet names its columns; a column's cell parser and whether it must be filled follow from the
model field it holds, so the workbook and the models cannot drift apart.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from bluelight.benefits.models import (
    Benefit,
    BenefitActual,
    BenefitGain,
    BenefitSettings,
    BenefitYear,
    ConfidenceGrade,
    DeflatorIndex,
    UnitCost,
    WorkstreamCost,
)
from bluelight.core.models import Organisation
from bluelight.exchange import cells
from bluelight.exchange.schema import Many, Ref, Schema, SheetSpec, Value
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
from bluelight.programmes.models import PlanPriority, Programme, Section, Workstream
from bluelight.status.models import Assessment, ProgrammeAssessment, ReportingPeriod

SHARES = {"optimism_bias", "deadweight", "attribution", "share"}


def _parser(field: models.Field):
    if field.choices:
        return cells.choice([(str(code), str(label)) for code, label in field.choices])
    if isinstance(field, models.BooleanField):
        return cells.yes_no
    if isinstance(field, models.DateTimeField):
        return cells.date_time
    if isinstance(field, models.DateField):
        return cells.date
    if isinstance(field, models.DecimalField):
        return cells.share if field.name in SHARES else cells.number(field.decimal_places)
    if isinstance(field, (models.IntegerField, models.PositiveIntegerField)):
        return cells.whole_number
    if isinstance(field, models.SlugField):
        return cells.key
    return cells.text


def fields(model, *pairs, **overrides) -> list[Value]:
    """Columns for (header, attribute) pairs, typed and required as the model field is. A blank cell
    of a field with a default takes the default (a workbook without a Marking column is OFFICIAL)."""
    columns = []
    for header, attr in pairs:
        field = model._meta.get_field(attr)
        required = not field.blank and not field.null and not field.has_default()
        empty = "" if isinstance(field, (models.CharField, models.TextField)) and not field.null else None
        if field.has_default() and not field.null:
            empty = field.get_default()
        columns.append(Value(header, attr, overrides.get(attr, _parser(field)), required, blank=empty))
    return columns


def numbered(header: str, prefix: str) -> Value:
    return Value(
        header, "number", cells.reference_number(prefix), True, show=lambda number: f"{prefix}{number}"
    )  # fmt: skip


def _scoped(model, path: str, *related):
    """Existing records of the programme reached through `path` (nothing when the programme is new)."""

    def records(programme, keys):
        if programme is None:
            return model.objects.none()
        return model.objects.filter(**{path: programme}).select_related(*related)

    return records


def _set_programme(record, programme):
    record.programme = programme


def _link_board(board, programme):
    board.programmes.add(programme)


def _boards(programme, keys):
    wanted = Q(key__in=[k[0] for k in keys])
    if programme is not None:
        wanted |= Q(programmes=programme)
    return Board.objects.filter(wanted).distinct()


def _members(programme, keys):
    wanted = Q(board__key__in=[k[0] for k in keys])
    if programme is not None:
        wanted |= Q(board__programmes=programme)
    return BoardMember.objects.filter(wanted).distinct().select_related("board", "organisation")


def _decision_meeting(decision, programme):
    decision.meeting = decision.agenda_item.meeting


MEETING = ("Board", "Meeting date")

SPECS = [
    SheetSpec(
        "Organisations", "organisation", Organisation, ("Short code",),
        fields(Organisation, ("Short code", "short_code"), ("Name", "name"), ("Kind", "kind"),
               short_code=cells.key),
        records=lambda programme, keys: Organisation.objects.all(),
    ),
    SheetSpec(
        "Programme", "programme", Programme, ("Programme",),
        [
            *fields(Programme, ("Programme", "slug"), ("Name", "name"), ("Description", "description"),
                    ("Cycle starts", "cycle_start_year"), ("Cycle ends", "cycle_end_year"),
                    ("RAG scale", "rag_scale"), ("Risk threshold", "risk_threshold"),
                    ("Illustrative note", "illustrative_note")),
            Many("Partners", "partners", "Organisations"),
        ],
        records=lambda programme, keys: Programme.objects.filter(slug__in=[k[0] for k in keys]),
    ),
    SheetSpec(
        "Benefit settings", "set of benefit settings", BenefitSettings, (),
        fields(BenefitSettings, ("Target", "target"), ("Price base year", "price_base_year"),
               ("Green at", "green_at"), ("Amber at", "amber_at")),
        records=_scoped(BenefitSettings, "programme"), scope=_set_programme,
    ),
    SheetSpec(
        "Sections", "section", Section, ("Section",),
        fields(Section, ("Section", "name"), ("Position", "position")),
        records=_scoped(Section, "programme"), scope=_set_programme,
    ),
    SheetSpec(
        "Priorities", "plan priority", PlanPriority, ("Priority",),
        fields(PlanPriority, ("Priority", "number"), ("Title", "title"), ("Plan", "plan_name")),
        records=_scoped(PlanPriority, "programme"), scope=_set_programme,
    ),
    SheetSpec(
        "Workstreams", "workstream", Workstream, ("Workstream",),
        [
            *fields(Workstream, ("Workstream", "key")),
            Ref(("Section",), "section", "Sections", required=True),
            *fields(Workstream, ("Position", "position"), ("Title", "title")),
            Ref(("Lead organisation",), "lead_organisation", "Organisations", required=True),
            Many("Partners", "partner_organisations", "Organisations"),
            *fields(Workstream, ("Business lead", "business_lead"), ("Description", "description"),
                    ("Stage", "stage"), ("Stage changed on", "stage_changed_on"), ("Stage reason", "stage_reason")),
            Many("Priorities", "priorities", "Priorities"),
            *fields(Workstream, ("Illustrative", "illustrative"), ("Marking", "marking")),
        ],
        records=_scoped(Workstream, "programme", "section", "lead_organisation"), scope=_set_programme,
    ),
    SheetSpec(
        "Periods", "reporting period", ReportingPeriod, ("Period",),
        fields(ReportingPeriod, ("Period", "label"), ("Cadence", "cadence"), ("Starts on", "starts_on"),
               ("Ends on", "ends_on"), ("Published at", "published_at"), label=cells.key),
        records=_scoped(ReportingPeriod, "programme"), scope=_set_programme,
    ),
    SheetSpec(
        "Ratings", "rating", Assessment, ("Workstream", "Period"),
        [
            Ref(("Workstream",), "workstream", "Workstreams", required=True),
            Ref(("Period",), "period", "Periods", required=True),
            *fields(Assessment, ("Rating", "rating"), ("Rationale", "rationale"), ("Narrative", "narrative"),
                    ("Assessed by", "assessed_by"), ("Assessed on", "assessed_on"),
                    ("Suggested rating", "suggested_rating"), ("Departure reason", "departure_reason"),
                    ("Illustrative", "illustrative"), rating=cells.key, suggested_rating=cells.key),
        ],
        records=lambda programme, keys: _scoped(Assessment, "workstream__programme", "workstream", "period")(
            programme, keys
        ).filter(is_current=True),
    ),
    SheetSpec(
        "Overall ratings", "overall rating", ProgrammeAssessment, ("Period",),
        [
            Ref(("Period",), "period", "Periods", required=True),
            *fields(ProgrammeAssessment, ("Rating", "rating"), ("Rationale", "rationale"), rating=cells.key),
        ],
        records=lambda programme, keys: _scoped(ProgrammeAssessment, "programme", "period")(programme, keys).filter(
            is_current=True
        ),
        scope=_set_programme,
    ),
    SheetSpec(
        "Confidence grades", "confidence grade", ConfidenceGrade, ("Grade",),
        fields(ConfidenceGrade, ("Grade", "grade"), ("Optimism bias", "optimism_bias"), ("Description", "description")),
        records=_scoped(ConfidenceGrade, "programme"), scope=_set_programme,
    ),
    SheetSpec(
        "Deflators", "deflator year", DeflatorIndex, ("Year",),
        fields(DeflatorIndex, ("Year", "year"), ("Index", "index"), ("Source", "source")),
        records=_scoped(DeflatorIndex, "programme"), scope=_set_programme,
    ),
    SheetSpec(
        "Unit costs", "unit cost", UnitCost, ("Unit cost",),
        fields(UnitCost, ("Unit cost", "name"), ("Category", "category"), ("Unit", "unit"), ("Value", "value"),
               ("Price year", "price_year"), ("Source", "source"), name=cells.key),
        records=_scoped(UnitCost, "programme"), scope=_set_programme,
    ),
    SheetSpec(
        "Benefits", "benefit", Benefit, ("Benefit",),
        [
            *fields(Benefit, ("Benefit", "key")),
            Ref(("Workstream",), "workstream", "Workstreams", required=True),
            *fields(Benefit, ("Title", "title"), ("Kind", "kind"), ("Owner", "owner"), ("Measure", "measure"),
                    ("Baseline", "baseline"), ("Status", "status"), ("Confidence grade", "confidence_grade"),
                    ("Method", "method")),
            Ref(("Unit cost",), "unit_cost", "Unit costs"),
            *fields(Benefit, ("Price year", "price_year"), ("Deadweight", "deadweight"),
                    ("Attribution", "attribution"), ("Adjustments justification", "adjustments_justification"),
                    ("Health", "health")),
            Many("Payers", "payers", "Organisations"),
            *fields(Benefit, ("Illustrative", "illustrative"), ("Marking", "marking")),
        ],
        records=_scoped(Benefit, "workstream__programme", "workstream", "unit_cost"),
    ),
    SheetSpec(
        "Benefit gains", "share of a benefit", BenefitGain, ("Benefit", "Organisation"),
        [
            Ref(("Benefit",), "benefit", "Benefits", required=True),
            Ref(("Organisation",), "organisation", "Organisations", required=True),
            *fields(BenefitGain, ("Share", "share")),
        ],
        records=_scoped(BenefitGain, "benefit__workstream__programme", "benefit", "organisation"),
    ),
    SheetSpec(
        "Benefit years", "benefit year", BenefitYear, ("Benefit", "Year"),
        [
            Ref(("Benefit",), "benefit", "Benefits", required=True),
            *fields(BenefitYear, ("Year", "year"), ("Low", "low"), ("Central", "central"), ("High", "high")),
        ],
        records=_scoped(BenefitYear, "benefit__workstream__programme", "benefit"),
    ),
    SheetSpec(
        "Benefit actuals", "benefit actual", BenefitActual, ("Benefit", "Year"),
        [
            Ref(("Benefit",), "benefit", "Benefits", required=True),
            *fields(BenefitActual, ("Year", "year"), ("Amount", "amount"), ("Note", "note"),
                    ("Signed off at", "signed_off_at")),
        ],
        records=_scoped(BenefitActual, "benefit__workstream__programme", "benefit"),
    ),
    SheetSpec(
        "Costs", "workstream cost", WorkstreamCost, ("Workstream", "Year"),
        [
            Ref(("Workstream",), "workstream", "Workstreams", required=True),
            *fields(WorkstreamCost, ("Year", "year"), ("Amount", "amount"), ("Description", "description")),
        ],
        records=_scoped(WorkstreamCost, "workstream__programme", "workstream"),
    ),
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
                    ("Case stage", "case_stage"), ("Strategic case", "strategic_case"),
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

SCHEMA = Schema(SPECS)

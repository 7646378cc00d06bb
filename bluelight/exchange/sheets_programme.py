"""The programme's own sheets: organisations, the programme and its benefit settings, sections, priorities,
workstreams, periods and ratings."""

from __future__ import annotations

from bluelight.benefits.models import (
    BenefitSettings,
)
from bluelight.core.models import Organisation
from bluelight.core.scales import RATING_LABELS
from bluelight.exchange import cells
from bluelight.exchange.columns import (
    _scoped,
    _set_programme,
    fields,
)
from bluelight.exchange.schema import Many, Ref, SheetSpec
from bluelight.programmes.models import PlanPriority, Programme, Section, Workstream
from bluelight.status.models import Assessment, ProgrammeAssessment, ReportingPeriod

# A rating in any case, by code or label, of any scale; the programme's own scale is checked later.
RATING = cells.choice(list(RATING_LABELS.items()), lenient=True)

PROGRAMME_SHEETS = [
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
               ("Appraisal year", "appraisal_year"), ("Before year 0", "before_year_0"),
               ("Rating uses", "target_basis"), ("Green at", "green_at"), ("Amber at", "amber_at")),
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
                    ("Illustrative", "illustrative"), rating=RATING, suggested_rating=RATING),
        ],
        records=lambda programme, keys: _scoped(Assessment, "workstream__programme", "workstream", "period")(
            programme, keys
        ).filter(is_current=True),
    ),
    SheetSpec(
        "Overall ratings", "overall rating", ProgrammeAssessment, ("Period",),
        [
            Ref(("Period",), "period", "Periods", required=True),
            *fields(ProgrammeAssessment, ("Rating", "rating"), ("Rationale", "rationale"), rating=RATING),
        ],
        records=lambda programme, keys: _scoped(ProgrammeAssessment, "programme", "period")(programme, keys).filter(
            is_current=True
        ),
        scope=_set_programme,
    ),
]  # fmt: skip

"""The board pack for a meeting: built from the register, rendered as a page, a file or a PDF."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone

from bluelight.benefits import selectors as benefit_selectors
from bluelight.benefits.lines import NotConfigured
from bluelight.core.scales import NOT_GRADED
from bluelight.core.templatetags.bluelight import percentage, pounds
from bluelight.governance import risk as risk_engine
from bluelight.governance import selectors
from bluelight.governance.models import Action, AgendaItem, Decision, Meeting
from bluelight.programmes import rules
from bluelight.programmes.scope import Scope, highest_marking
from bluelight.reports.annual import REPORT_CSS, paragraphs
from bluelight.reports.pdf import html_to_pdf
from bluelight.reports.services import texts_of
from bluelight.status import selectors as status_selectors
from bluelight.status.models import Assessment
from bluelight.status.rag import derive_change

# Sections that apps above this one add to the pack: {name: (meeting, scope) -> content, or None to leave
# it out}. The evidence app adds "evidence" (the analyses attached to the papers) in EvidenceConfig.ready.
SECTIONS: dict[str, Callable[[Meeting, Scope], object | None]] = {}


def register_section(name: str, build: Callable[[Meeting, Scope], object | None]) -> None:
    SECTIONS[name] = build


@dataclass
class SectionRatings:
    name: str
    counts: list[tuple[str, str, int]]  # (rating code, label, how many)
    total: int


@dataclass
class RatingChange:
    workstream: str
    previous: str | None
    current: str
    label: str
    assessed_on: datetime.date


PACK_RECOMMENDATION = "The board is asked to note the pack and to decide the papers put to it for decision."


def pack_title(meeting: Meeting) -> str:
    return f"{meeting.board.name}: board pack, {meeting.held_on:%-d %B %Y}"


def pack_document_key(meeting: Meeting) -> str:
    return f"pack:{meeting.pk}"


@dataclass
class BoardPack:
    meeting: Meeting
    previous: Meeting | None
    marking: str
    generated_at: datetime.datetime
    today: datetime.date
    agenda: list[AgendaItem]
    attendance: list
    period: object | None
    section_ratings: list[SectionRatings]
    rating_changes: list[RatingChange]
    concerns: list[tuple[str, str, str]]  # (workstream, rating, rationale): each rated below Green, worst first
    stage_changes: list
    benefits: object | None
    risks: list[selectors.RiskRow]
    heat_map: risk_engine.HeatMap
    papers: list[tuple[AgendaItem, list[Decision]]]
    actions: list[Action]
    overdue: list[Action]
    done_since: list[Action]
    illustrative: bool
    sections: dict[str, object] = field(default_factory=dict)  # what the registered sections gave
    texts: dict[str, str] = field(default_factory=dict)  # the office's own summary and recommendations

    @property
    def computed_summary(self) -> str:
        """What the pack holds, in two sentences a chair can start from."""
        parts = []
        if self.period:
            below = ", ".join(title for title, _, _ in self.concerns)
            parts.append(f"{len(self.concerns)} workstream{'s' if len(self.concerns) != 1 else ''} rated below Green "
                         f"in {self.period.label}" + (f": {below}." if below else "."))  # fmt: skip
        if self.benefits:
            status = self.benefits.status
            parts.append(f"Benefits stand at {pounds(status.amount)}, {percentage(status.ratio)} of the "
                         f"{pounds(status.target)} target ({status.rag.capitalize()}).")  # fmt: skip
        parts.append(f"{len(self.risks)} risk{'s' if len(self.risks) != 1 else ''} above the threshold of "
                     f"{self.programme.risk_threshold}; {len(self.overdue)} action{'s' if len(self.overdue) != 1 else ''} "
                     "overdue.")  # fmt: skip
        return " ".join(parts)

    @property
    def summary(self) -> list[str]:
        return paragraphs(self.texts.get("summary", "")) or [self.computed_summary]

    @property
    def recommendations(self) -> list[str]:
        return paragraphs(self.texts.get("recommendations", "")) or [PACK_RECOMMENDATION]

    @property
    def programme(self):
        return self.meeting.programme

    @property
    def title(self) -> str:
        return pack_title(self.meeting)


def _dashboard(meeting: Meeting, previous: Meeting | None, scope: Scope):
    programme = meeting.programme
    period = programme.periods.filter(starts_on__lte=meeting.held_on).order_by("starts_on").last()
    if period is None:
        return None, [], [], []
    view = status_selectors.period_view(programme, period, scope)
    scale = programme.scale
    order = [code for code, _ in scale.choices()]  # best first
    concerns = sorted(
        ((row.workstream.title, row.assessment.rating, row.assessment.rationale) for row in view.rows
         if row.assessment.rating in order[1:] and row.assessment.rating != NOT_GRADED),
        key=lambda c: (-order.index(c[1]), c[0]),
    )  # fmt: skip
    sections = []
    for group in view.sections:
        counts = Counter(row.assessment.rating for row in group.rows)
        codes = [code for code, _ in scale.choices() if counts[code]]
        sections.append(
            SectionRatings(group.section.name, [(c, scale.label(c), counts[c]) for c in codes], len(group.rows))
        )
    since = previous.held_on if previous else period.starts_on - datetime.timedelta(days=1)
    changed = scope.filter(Assessment.objects).filter(
        workstream__programme=programme, is_current=True, assessed_on__gt=since, assessed_on__lte=meeting.held_on
    ).select_related("workstream", "period")
    previous_ratings = {row.workstream.id: row.previous for row in view.rows}
    changes = []
    for assessment in changed.order_by("assessed_on", "workstream__title"):
        before = previous_ratings.get(assessment.workstream_id) if assessment.period_id == period.id else None
        change = derive_change(assessment.rating, before.rating if before else None, scale)
        changes.append(
            RatingChange(
                f"{assessment.workstream.title} ({assessment.period.label})",
                before.rating if before else None, assessment.rating, change.label, assessment.assessed_on,
            )
        )  # fmt: skip
    return period, sections, changes, concerns


def build_pack(
    meeting: Meeting, marking: str | None = None, today: datetime.date | None = None, scope: Scope | None = None
) -> BoardPack:
    """Everything a board needs before it meets, as far as `scope` sees (everything, for the system).
    Actions are shown as they stand `today` (the day it is made)."""
    today = today or timezone.localdate()
    scope = scope or Scope.everything()
    programme = meeting.programme
    previous = selectors.previous_meeting(meeting)
    period, sections, changes, concerns = _dashboard(meeting, previous, scope)
    try:
        benefits = benefit_selectors.summary(programme, scope)
    except NotConfigured:
        benefits = None
    agenda = list(scope.filter(meeting.agenda.select_related("workstream", "document", "risk")))
    decisions = list(Decision.objects.filter(agenda_item__in=agenda))
    papers = [(item, [d for d in decisions if d.agenda_item_id == item.id]) for item in agenda if item.document_id]
    actions = list(scope.filter(selectors.actions_of(programme)).exclude(status__in=Action.FINISHED))
    since = previous.held_on if previous else None
    done_since = list(
        scope.filter(selectors.actions_of(programme)).filter(status=Action.Status.DONE, completed_on__gt=since or datetime.date.min)
    )
    risks = selectors.above_threshold(programme, since, scope)
    return BoardPack(
        meeting=meeting,
        previous=previous,
        marking=rules.effective_marking(marking, highest_marking(programme, scope)),
        generated_at=timezone.localtime(),
        today=today,
        agenda=agenda,
        attendance=list(meeting.attendance.select_related("member__organisation")),
        period=period,
        section_ratings=sections,
        rating_changes=changes,
        concerns=concerns,
        stage_changes=list(selectors.stage_changes(programme, since, meeting.held_on, scope)),
        benefits=benefits,
        risks=risks,
        heat_map=selectors.heat_map(programme, scope),
        papers=papers,
        actions=actions,
        overdue=[a for a in actions if a.is_overdue(today)],
        done_since=done_since,
        illustrative=meeting.illustrative or any(r.risk.illustrative for r in risks),
        sections={name: content for name, build in SECTIONS.items() if (content := build(meeting, scope)) is not None},
        texts={part: t.text for part, t in texts_of(programme, pack_document_key(meeting)).items()},
    )


def render_standalone_html(pack: BoardPack) -> str:
    return render_to_string(
        "governance/pack_standalone.html",
        {"pack": pack, "css": REPORT_CSS.read_text(), "title": pack.title, "marking": pack.marking},
    )


def render_pdf(pack: BoardPack) -> bytes:
    return html_to_pdf(render_standalone_html(pack), pack.marking)

"""Evidence in the annual report and the board pack: each finished analysis attached to what they
cover, with the note saying what it shows, its figure and the same numbers in a table.

Analyses marked OFFICIAL-SENSITIVE are left out of both: a report's marking is set by the register's
records, and evidence must not raise it unseen.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from bluelight.evidence import engines
from bluelight.evidence.models import Analysis, Attachment
from bluelight.programmes import rules


@dataclass
class EvidenceItem:
    record: str  # what it is evidence for, such as "Workstream: Project Minerva"
    note: str
    analysis: Analysis
    figure: engines.Figure | None


def _items(attachments) -> list[EvidenceItem]:
    items = []
    for a in attachments.select_related("analysis", "workstream", "benefit__workstream", "document", "decision"):
        kind = ("Workstream" if a.workstream_id else "Benefit" if a.benefit_id
                else a.document.get_kind_display() if a.document_id else "Decision")  # fmt: skip
        figure = engines.FIGURES.get(a.analysis.kind)
        items.append(EvidenceItem(f"{kind}: {a.target}", a.note, a.analysis, figure(a.analysis) if figure else None))
    return items


def _shown(scope, attachments):
    shown = attachments.filter(analysis__status=Analysis.Status.DONE).exclude(analysis__marking=rules.OFFICIAL_SENSITIVE)
    return scope.filter(shown).order_by("attached_at", "pk")


def annual_section(programme, scope) -> list[EvidenceItem] | None:
    """The evidence attached to the programme's workstreams and benefits, or None when there is none."""
    attachments = Attachment.objects.filter(Q(workstream__programme=programme) | Q(benefit__workstream__programme=programme))
    return _items(_shown(scope, attachments)) or None


def pack_section(meeting, scope) -> list[EvidenceItem] | None:
    """The evidence attached to the meeting's papers, its decisions and the workstreams on its agenda."""
    agenda = meeting.agenda.all()
    attachments = Attachment.objects.filter(
        Q(document__in=agenda.exclude(document=None).values("document"))
        | Q(decision__agenda_item__in=agenda)
        | Q(workstream__in=agenda.exclude(workstream=None).values("workstream"))
    )
    return _items(_shown(scope, attachments)) or None

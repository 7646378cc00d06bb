"""The annual collaboration report: built from the register, rendered as a page or a standalone file."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone

from bluelight.programmes import rules
from bluelight.programmes.models import PlanPriority, Programme
from bluelight.programmes.scope import Scope, highest_marking
from bluelight.reports.sentences import previous_paragraph, reported_paragraph
from bluelight.reports.services import texts_of
from bluelight.status.models import ReportingPeriod
from bluelight.status.selectors import PeriodView, period_view

REPORT_CSS = Path(__file__).with_name("report.css")
SECTION_NUMBER = 5  # "Current work and performance", as in the hand-written reports: 5.1.1, 5.1.2, ...

# Sections that apps above this one add to the report: {name: (programme, scope) -> content, or None to
# leave the section out}. The benefits app adds "benefits" (its Summary) in BenefitsConfig.ready.
SECTIONS: dict[str, Callable[[Programme, Scope], object | None]] = {}


def register_section(name: str, build: Callable[[Programme, Scope], object | None]) -> None:
    SECTIONS[name] = build


@dataclass
class AnnualReport:
    programme: Programme
    period: ReportingPeriod
    view: PeriodView
    summary: list[str]
    previous_summary: list[str]
    priorities: list[tuple[PlanPriority, list[str]]]
    consulted: list[tuple[str, str]]  # (name, workstream)
    marking: str
    generated_at: datetime.datetime
    as_at: datetime.date
    illustrative: bool
    sections: dict[str, object] = field(default_factory=dict)  # what the registered sections gave
    texts: dict[str, str] = field(default_factory=dict)  # the office's own summary and recommendations

    @property
    def edited_summary(self) -> list[str]:
        """The office's executive summary, a paragraph a blank line; empty when it has written none."""
        return paragraphs(self.texts.get("summary", ""))

    @property
    def recommendations(self) -> list[str]:
        return paragraphs(self.texts.get("recommendations", "")) or [DEFAULT_RECOMMENDATION]

    @property
    def computed_summary(self) -> str:
        return "\n\n".join(" ".join(part) for part in (self.summary, self.previous_summary) if part)

    @property
    def benefits(self):
        """The benefits section (bluelight.benefits.summary.Summary), when the programme has a target."""
        return self.sections.get("benefits")

    @property
    def governance(self):
        """Risks above the threshold and the year ahead (governance.report), when governance adds them."""
        return self.sections.get("governance")

    @property
    def numbers(self) -> dict[str, int]:
        """The number of each top-level section after "Current work and performance", as present."""
        found, n = {}, SECTION_NUMBER
        for name, present in (("benefits", self.benefits), ("governance", self.governance), ("priorities", True),
                              ("consulted", True)):  # fmt: skip
            if present:
                n += 1
                found[name] = n
        return found

    @property
    def title(self) -> str:
        return report_title(self.programme, self.period)


DEFAULT_RECOMMENDATION = "The report is for the board to note."


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def annual_document_key(period: ReportingPeriod) -> str:
    return f"annual:{period.label}"


def report_title(programme: Programme, period: ReportingPeriod) -> str:
    return f"{programme.name}: annual collaboration report {period.label}"


def build_annual_report(
    programme: Programme, period: ReportingPeriod, marking: str | None = None, scope: Scope | None = None
) -> AnnualReport:
    """The report as far as `scope` sees (everything, for the system); marked OFFICIAL-SENSITIVE when it
    includes a record so marked, unless a marking is given."""
    scope = scope or Scope.everything()
    view = period_view(programme, period, scope)
    previous_label = view.previous_period.label if view.previous_period else None
    titles = view.titles
    reported_ids = {row.workstream.id: row.workstream.title for row in view.rows}
    priorities = []
    for priority in programme.priorities.prefetch_related("workstreams"):
        linked = [reported_ids[w.id] for w in priority.workstreams.all() if w.id in reported_ids]
        priorities.append((priority, linked))
    consulted, seen = [], set()
    for row in view.rows:
        name = row.assessment.assessed_by or row.workstream.business_lead
        if name and name not in seen:
            seen.add(name)
            consulted.append((name, row.workstream.title))
    dates = [row.assessment.assessed_on for row in view.rows]
    illustrative = any(row.assessment.illustrative or row.workstream.illustrative for row in view.rows) or any(
        w.illustrative for w, _ in view.no_longer_reported
    )
    sections = {name: build(programme, scope) for name, build in SECTIONS.items()}
    return AnnualReport(
        sections={name: content for name, content in sections.items() if content is not None},
        programme=programme,
        period=period,
        view=view,
        summary=reported_paragraph(view.comparison, programme.scale, titles, previous_label),
        previous_summary=previous_paragraph(view.comparison, titles, previous_label),
        priorities=priorities,
        consulted=consulted,
        marking=rules.effective_marking(marking, highest_marking(programme, scope, holds=("workstreams", "benefits"))),
        generated_at=timezone.localtime(),
        as_at=max(dates) if dates else period.ends_on,
        illustrative=illustrative,
        texts={part: t.text for part, t in texts_of(programme, annual_document_key(period)).items()},
    )


def render_standalone_html(report: AnnualReport) -> str:
    """One self-contained HTML file: styles inline, no links out, printable."""
    return render_to_string(
        "reports/annual_standalone.html",
        {
            "report": report,
            "css": REPORT_CSS.read_text(),
            "section_number": SECTION_NUMBER,
            "title": report.title,
            "marking": report.marking,
        },
    )

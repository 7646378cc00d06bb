"""Reads for the RAG dashboard, the annual report and a workstream's rating history.

`period_view` reads a programme's whole dashboard in a fixed number of queries, whatever the
number of workstreams (bench/dashboard_report.py measures it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone

from bluelight.programmes.models import Programme, Section, Workstream
from bluelight.programmes.scope import Scope
from bluelight.status.models import Assessment, ProgrammeAssessment, ReportingPeriod
from bluelight.status.rag import Change, PeriodComparison, compare_periods, derive_change


@dataclass
class Row:
    workstream: Workstream
    number: str  # "1.2": section 1, second reported workstream in it
    assessment: Assessment
    previous: Assessment | None
    change: Change


@dataclass
class SectionRows:
    section: Section
    number: int
    rows: list[Row] = field(default_factory=list)


@dataclass
class PeriodView:
    programme: Programme
    period: ReportingPeriod
    previous_period: ReportingPeriod | None
    sections: list[SectionRows]
    not_yet_reported: list[Workstream]
    no_longer_reported: list[tuple[Workstream, Assessment]]
    comparison: PeriodComparison
    overall: ProgrammeAssessment | None
    previous_overall: ProgrammeAssessment | None

    @property
    def rows(self) -> list[Row]:
        return [row for section in self.sections for row in section.rows]

    @property
    def overall_change(self) -> Change | None:
        if self.overall is None:
            return None
        previous = self.previous_overall.rating if self.previous_overall else None
        return derive_change(self.overall.rating, previous, self.programme.scale)

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        scale = self.programme.scale
        return [(code, scale.label(code), n) for code, n in self.comparison.counts.items()]

    @property
    def titles(self) -> dict[str, str]:
        names = {row.workstream.key: row.workstream.title for row in self.rows}
        names.update({w.key: w.title for w, _ in self.no_longer_reported})
        return names


def periods_of(programme: Programme) -> QuerySet[ReportingPeriod]:
    return programme.periods.order_by("starts_on")


def default_period(programme: Programme) -> ReportingPeriod | None:
    """The latest period that has begun; failing that, the first one."""
    periods = periods_of(programme)
    return periods.filter(starts_on__lte=timezone.localdate()).last() or periods.first()


def previous_period(period: ReportingPeriod) -> ReportingPeriod | None:
    return period.programme.periods.filter(starts_on__lt=period.starts_on).order_by("starts_on").last()


def period_view(programme: Programme, period: ReportingPeriod, scope: Scope | None = None) -> PeriodView:
    """The period's ratings of the workstreams `scope` sees (everything, for the system)."""
    previous = previous_period(period)
    period_ids = [period.id] + ([previous.id] if previous else [])
    sections = list(programme.sections.order_by("position"))
    workstreams = list(
        (scope or Scope.everything())
        .filter(programme.workstreams.all())
        .select_related("lead_organisation")
        .order_by("section__position", "position", "title")
    )
    by_period: dict[int, dict[int, Assessment]] = {pid: {} for pid in period_ids}
    for assessment in Assessment.objects.filter(period_id__in=period_ids, is_current=True).select_related(
        "recorded_by"
    ):
        by_period[assessment.period_id][assessment.workstream_id] = assessment
    overalls = {
        o.period_id: o
        for o in ProgrammeAssessment.objects.filter(programme=programme, period_id__in=period_ids, is_current=True)
    }
    current = by_period[period.id]
    before = by_period[previous.id] if previous else {}

    grouped = {s.id: SectionRows(section=s, number=i) for i, s in enumerate(sections, start=1)}
    not_yet, gone = [], []
    scale = programme.scale
    for w in workstreams:
        assessment = current.get(w.id)
        if assessment is None:
            if w.id in before:
                gone.append((w, before[w.id]))
            elif w.stage not in Workstream.STOPPED_STAGES:
                not_yet.append(w)
            continue
        group = grouped[w.section_id]
        prior = before.get(w.id)
        change = derive_change(assessment.rating, prior.rating if prior else None, scale)
        group.rows.append(Row(w, f"{group.number}.{len(group.rows) + 1}", assessment, prior, change))

    comparison = compare_periods(
        {w.key: current[w.id].rating for w in workstreams if w.id in current},
        {w.key: before[w.id].rating for w in workstreams if w.id in before} if previous else None,
        scale,
        stages={w.key: (w.stage, w.stage_reason) for w, _ in gone},
    )
    return PeriodView(
        programme=programme,
        period=period,
        previous_period=previous,
        sections=[g for g in grouped.values() if g.rows],
        not_yet_reported=not_yet,
        no_longer_reported=gone,
        comparison=comparison,
        overall=overalls.get(period.id),
        previous_overall=overalls.get(previous.id) if previous else None,
    )


@dataclass
class HistoryLine:
    period: ReportingPeriod
    assessment: Assessment
    change: Change
    superseded: list[Assessment]


def rating_history(workstream: Workstream) -> list[HistoryLine]:
    """Every period's rating for a workstream, newest first, with corrections it superseded."""
    assessments = list(workstream.assessments.select_related("period").order_by("period__starts_on", "id"))
    scale = workstream.programme.scale
    lines, previous_rating = [], None
    periods = list(periods_of(workstream.programme))
    current = {a.period_id: a for a in assessments if a.is_current}
    for period in periods:
        assessment = current.get(period.id)
        if assessment is None:
            previous_rating = None
            continue
        superseded = [a for a in assessments if a.period_id == period.id and not a.is_current]
        lines.append(
            HistoryLine(period, assessment, derive_change(assessment.rating, previous_rating, scale), superseded)
        )
        previous_rating = assessment.rating
    return list(reversed(lines))

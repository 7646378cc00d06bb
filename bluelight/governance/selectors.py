"""Reads for governance pages, the board pack, the command line and the suggested rating."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from bluelight.governance import risk as risk_engine
from bluelight.governance import rules
from bluelight.governance.models import Action, Meeting, Milestone, Risk, RiskReview
from bluelight.programmes.models import Programme, Workstream
from bluelight.programmes.scope import Scope


def meetings_of(programme: Programme) -> QuerySet[Meeting]:
    return programme.meetings.select_related("board").order_by("-held_on")


@dataclass(frozen=True)
class Proposed:
    board: object
    on: datetime.date
    last: datetime.date


def proposed_meetings(programme: Programme, today: datetime.date) -> list[Proposed]:
    """For each board with nothing scheduled ahead: the next meeting its cadence gives after its last."""
    found = []
    for board in programme.boards.all():
        held = Meeting.objects.filter(programme=programme, board=board).exclude(status=Meeting.Status.CANCELLED)
        if held.filter(held_on__gte=today).exists():
            continue
        last = held.order_by("-held_on").values_list("held_on", flat=True).first()
        on = rules.next_meeting(last, board.cadence, today) if last else None
        if on:
            found.append(Proposed(board, on, last))
    return found


def next_meeting(programme: Programme, today: datetime.date) -> Meeting | None:
    """The first meeting scheduled on or after `today`."""
    return (Meeting.objects.filter(programme=programme, held_on__gte=today, status=Meeting.Status.SCHEDULED)
            .select_related("board").order_by("held_on").first())  # fmt: skip


def open_milestones(programme: Programme, scope: Scope, until: datetime.date,
                    since: datetime.date | None = None) -> QuerySet[Milestone]:  # fmt: skip
    """Milestones not yet achieved that fall due by `until` (and from `since`, when given: else the
    overdue too), soonest first."""
    found = Milestone.objects.filter(workstream__programme=programme, achieved_on__isnull=True, due_on__lte=until)
    if since is not None:
        found = found.filter(due_on__gte=since)
    return scope.filter(found).select_related("workstream").order_by("due_on", "title")


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The same board's last meeting on this programme before this one (cancelled ones do not count)."""
    return (
        Meeting.objects.filter(board=meeting.board_id, programme=meeting.programme_id, held_on__lt=meeting.held_on)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-held_on")
        .first()
    )


def actions_of(programme: Programme) -> QuerySet[Action]:
    return programme.actions.select_related("meeting__board", "workstream", "owner_organisation")


def overdue_actions(programmes, today: datetime.date | None = None) -> QuerySet[Action]:
    """Actions past their due date and neither done nor cancelled."""
    today = today or timezone.localdate()
    return (
        Action.objects.filter(programme__in=programmes, due_on__lt=today)
        .exclude(status__in=Action.FINISHED)
        .select_related("programme", "meeting__board", "workstream")
        .order_by("due_on", "programme__name", "number")
    )


@dataclass(frozen=True)
class RiskRow:
    risk: Risk
    movement: risk_engine.Movement

    @property
    def band(self) -> str:
        return risk_engine.band(self.risk.residual_score)


def risks_of(programme: Programme, scope: Scope | None = None) -> QuerySet[Risk]:
    """The programme's risks that `scope` sees (everything, for the system)."""
    return (scope or Scope.everything()).filter(programme.risks.select_related("workstream"))


def risk_rows(risks, since: datetime.date | None) -> list[RiskRow]:
    """Each risk with the movement of its residual score since `since` (e.g. the last meeting)."""
    risks = list(risks)
    if since is None:
        return [RiskRow(r, risk_engine.Movement(r.residual_score, r.residual_score)) for r in risks]
    before: dict[int, int] = {}
    reviews = RiskReview.objects.filter(risk__in=risks, reviewed_on__lte=since).order_by("reviewed_on", "recorded_at")
    for review in reviews:  # the last review on or before `since` wins
        before[review.risk_id] = review.residual_score
    return [RiskRow(r, risk_engine.Movement(before.get(r.id), r.residual_score)) for r in risks]


def above_threshold(programme: Programme, since: datetime.date | None, scope: Scope | None = None) -> list[RiskRow]:
    open_risks = risks_of(programme, scope).filter(status=Risk.Status.OPEN)
    rows = [row for row in risk_rows(open_risks, since) if row.risk.residual_score > programme.risk_threshold]
    return sorted(rows, key=lambda row: (-row.risk.residual_score, row.risk.number))


def heat_map(programme: Programme, scope: Scope | None = None) -> risk_engine.HeatMap:
    """Open risks counted by residual likelihood and impact."""
    risks = risks_of(programme, scope).filter(status=Risk.Status.OPEN)
    positions = risks.values_list("residual_likelihood", "residual_impact")
    title = f"Open risks by residual likelihood and impact, {programme.name}"
    return risk_engine.HeatMap(risk_engine.heat_map_counts(positions), title)


def milestone_and_risk_evidence(workstream: Workstream, as_at: datetime.date) -> dict:
    """What the registers know of a workstream on `as_at`, for the suggested rating: milestones due by
    then, and open risks (registered with status.evidence in GovernanceConfig.ready)."""
    recorded = list(workstream.milestones.all())
    milestones = [(m.title, m.due_on, m.achieved_on) for m in recorded if m.due_on <= as_at]
    risks = [(f"{r.reference} “{r.title}”", r.residual_score) for r in workstream.risks.filter(status=Risk.Status.OPEN)]
    return {"milestones": milestones, "has_milestones": bool(recorded), "risks": risks}


def stage_changes(
    programme: Programme, after: datetime.date | None, until: datetime.date, scope: Scope | None = None
) -> QuerySet[Workstream]:
    window = Q(stage_changed_on__lte=until)
    if after is not None:
        window &= Q(stage_changed_on__gt=after)
    return (
        (scope or Scope.everything())
        .filter(programme.workstreams.filter(window))
        .exclude(stage_changed_on=None)
        .order_by("stage_changed_on")
    )

"""The programme's plan over time: a lane a workstream with its milestones, for the dashboard's
timeline (drawn by reports.timeline) and the table beside it."""

from __future__ import annotations

import datetime

from django.db.models import Min

from bluelight.governance.models import Milestone
from bluelight.programmes.models import Programme, Workstream
from bluelight.programmes.scope import Scope
from bluelight.reports.timeline import ACHIEVED, DUE, OVERDUE, Lane, Mark
from bluelight.status.models import Assessment


def cycle(programme: Programme) -> tuple[datetime.date, datetime.date]:
    return datetime.date(programme.cycle_start_year, 4, 1), datetime.date(programme.cycle_end_year + 1, 3, 31)


def _mark(milestone: Milestone, today: datetime.date) -> Mark:
    if milestone.achieved_on:
        return Mark(milestone.achieved_on, milestone.title, ACHIEVED)
    if milestone.due_on < today:
        return Mark(milestone.due_on, milestone.title, OVERDUE)
    return Mark(milestone.forecast_on or milestone.due_on, milestone.title, DUE)


MOST_LANES = 60  # beyond this a timeline is no longer read: the workstreams with the nearest milestones


def nearest(found: list[Lane], most: int = MOST_LANES) -> list[Lane]:
    """At most `most` lanes, in the order given: those whose next open milestone (overdue or due) comes
    soonest; all of them when there are no more than `most`."""
    if len(found) <= most:
        return found
    far = datetime.date.max

    def soonest(lane: Lane) -> datetime.date:
        return min((m.on for m in lane.marks if m.state != ACHIEVED), default=far)

    kept = set(map(id, sorted(found, key=soonest)[:most]))
    return [lane for lane in found if id(lane) in kept]


def lanes(programme: Programme, scope: Scope, today: datetime.date) -> list[Lane]:
    """Each workstream `scope` sees, in dashboard order: its span (from its first rating, or its first
    milestone, to its closing or pausing, or the end of the cycle) and its milestones."""
    workstreams = list(scope.filter(programme.workstreams.select_related("section"))
                       .order_by("section__position", "position", "title"))  # fmt: skip
    milestones: dict[int, list[Milestone]] = {}
    for m in scope.filter(Milestone.objects.filter(workstream__programme=programme)).order_by("due_on"):
        milestones.setdefault(m.workstream_id, []).append(m)
    first_rated = dict(Assessment.objects.filter(workstream__programme=programme, is_current=True)
                       .order_by().values("workstream_id").annotate(first=Min("period__starts_on"))
                       .values_list("workstream_id", "first"))  # fmt: skip
    found = []
    for w in workstreams:
        marks = [_mark(m, today) for m in milestones.get(w.pk, [])]
        starts = [d for d in (first_rated.get(w.pk), min((m.on for m in marks), default=None)) if d]
        stopped = w.stage_changed_on if w.stage in Workstream.STOPPED_STAGES else None
        start = min(starts) if starts else None
        if start and stopped and stopped < start:
            start = None  # closed before anything recorded of it began: no span to draw, its marks still shown
        found.append(Lane(w.title, w.get_stage_display(), start, stopped, marks))
    return found


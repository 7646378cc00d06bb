"""The dashboard's headline strip: benefits against target with the chance of reaching it, overdue
actions, milestones due in the next 90 days and the next board meeting, as a programme office reads
them at the start of its week. Each is what `scope` may see."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from bluelight.benefits import lines as benefit_lines
from bluelight.benefits import selectors as benefit_selectors
from bluelight.benefits.dashboard import chance
from bluelight.governance import selectors
from bluelight.governance.models import Meeting, Milestone
from bluelight.programmes.models import Programme
from bluelight.programmes.scope import Scope

MILESTONES_AHEAD = datetime.timedelta(days=90)


@dataclass(frozen=True)
class Benefits:
    basis: str
    amount: object
    ratio: object
    target: object
    rag: str
    chance: object  # benefits.valuation.chances.Chance


@dataclass(frozen=True)
class Headline:
    benefits: Benefits | None  # None until the programme has a target and price base
    overdue: int
    milestones_due: list[Milestone]
    next_meeting: Meeting | None
    proposed: selectors.Proposed | None  # when nothing is scheduled: the next date at a board's cadence


def headline(programme: Programme, scope: Scope, today: datetime.date) -> Headline:
    try:
        summary = benefit_selectors.summary(programme, scope)
    except benefit_lines.NotConfigured:
        benefits = None
    else:
        status = summary.status
        found = chance(programme, summary.lines, summary.settings.target)
        benefits = Benefits(summary.basis, status.amount, status.ratio, status.target, status.rag, found.of_target)
    milestones = selectors.open_milestones(programme, scope, today + MILESTONES_AHEAD, since=today)
    upcoming = selectors.next_meeting(programme, today)
    proposed = None if upcoming else min(selectors.proposed_meetings(programme, today), key=lambda p: p.on,
                                         default=None)  # fmt: skip
    return Headline(benefits, scope.filter(selectors.overdue_actions([programme], today)).count(), list(milestones),
                    upcoming, proposed)  # fmt: skip

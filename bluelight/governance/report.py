"""What governance adds to the annual report: the risks above the programme's threshold, and the year
ahead (the milestones not yet achieved that fall due in the next 12 months, or are overdue)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from bluelight.governance import selectors
from bluelight.governance.models import Milestone
from bluelight.programmes.models import Programme
from bluelight.programmes.scope import Scope

AHEAD = datetime.timedelta(days=365)


@dataclass(frozen=True)
class RisksAndYearAhead:
    threshold: int
    risks: list  # selectors.RiskRow, highest residual score first
    milestones: list[Milestone]  # by due date; the overdue first
    as_at: datetime.date

    risk_headers = ("Risk", "Title", "Residual score", "Owner", "Workstream")
    milestone_headers = ("Due", "Milestone", "Workstream", "State")

    def risk_rows(self) -> list[list[str]]:
        return [[f"R{r.risk.number}", r.risk.title, f"{r.risk.residual_score} ({r.band})", r.risk.owner,
                 r.risk.workstream.title if r.risk.workstream else "Programme"] for r in self.risks]  # fmt: skip

    def milestone_rows(self) -> list[list[str]]:
        return [[f"{m.due_on:%-d %B %Y}", m.title, m.workstream.title,
                 "Overdue" if m.due_on < self.as_at else (f"Forecast {m.forecast_on:%-d %B %Y}" if m.forecast_on
                                                          else "On plan")] for m in self.milestones]  # fmt: skip


def annual_section(programme: Programme, scope: Scope) -> RisksAndYearAhead | None:
    if scope == Scope.public():
        return None  # the register of risks is the board's, not the public page's
    today = timezone.localdate()
    return RisksAndYearAhead(programme.risk_threshold, selectors.above_threshold(programme, None, scope),
                             list(selectors.open_milestones(programme, scope, today + AHEAD)), today)  # fmt: skip

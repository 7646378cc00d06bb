"""The rating the rules suggest for a workstream, and why. Pure Python: no Django.

The evidence is what the register already knows as at the end of the period: milestones past
their due date and not achieved, open risks whose residual score is above the programme's
threshold, and signed-off benefits behind their profile. The lead may rate differently, giving a
reason; both are kept. The rules are those of docs/method-rag.md.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

LONG_OVERDUE_DAYS = 90  # a milestone this late suggests Red, not Amber
SEVERE_RISK_SCORE = 20  # a residual score this high suggests Red


@dataclass(frozen=True)
class Evidence:
    as_at: datetime.date
    # (title, due, achieved) of the milestones due by `as_at`
    milestones: list[tuple[str, datetime.date, datetime.date | None]] = field(default_factory=list)
    has_milestones: bool = False  # some are recorded, even if none was due by `as_at`
    risks: list[tuple[str, int]] = field(default_factory=list)  # open risks: reference and title, residual score
    risk_threshold: int = 12
    benefits_actual: Decimal | None = None  # signed-off actuals, for the years that have them
    benefits_profiled: Decimal | None = None  # the central profile for those same years
    benefits_green_at: Decimal = Decimal("1")
    benefits_amber_at: Decimal = Decimal("0.9")

    @property
    def is_empty(self) -> bool:
        return not (self.milestones or self.has_milestones or self.risks) and self.benefits_profiled is None


@dataclass(frozen=True)
class Suggestion:
    rating: str  # "green", "amber" or "red"
    reasons: list[str]


_RANK = {"green": 0, "amber": 1, "red": 2}


def _pounds(value: Decimal) -> str:
    return f"£{value:,.0f}"


def suggest(evidence: Evidence) -> Suggestion | None:
    """None when there is no evidence to go on (no milestones, risks or signed-off benefits)."""
    if evidence.is_empty:
        return None
    findings: list[tuple[str, str]] = []
    for title, due, achieved in evidence.milestones:
        late = achieved is None or achieved > evidence.as_at
        if late and due < evidence.as_at:
            days = (evidence.as_at - due).days
            rating = "red" if days > LONG_OVERDUE_DAYS else "amber"
            findings.append((rating, f"Milestone “{title}” was due on {due:%-d %B %Y} and is {days} days overdue."))
    for name, residual in evidence.risks:
        if residual > evidence.risk_threshold:
            rating = "red" if residual >= SEVERE_RISK_SCORE else "amber"
            findings.append(
                (
                    rating,
                    f"Risk {name} has a residual score of {residual}, above the threshold of {evidence.risk_threshold}.",
                )
            )
    if evidence.benefits_profiled:
        ratio = evidence.benefits_actual / evidence.benefits_profiled
        if ratio < evidence.benefits_green_at:
            rating = "amber" if ratio >= evidence.benefits_amber_at else "red"
            findings.append(
                (rating, f"Benefits signed off are {_pounds(evidence.benefits_actual)} against "
                 f"{_pounds(evidence.benefits_profiled)} profiled for the same years ({ratio:.0%}).")
            )  # fmt: skip
    if not findings:
        return Suggestion(
            "green", ["No milestone is overdue, no risk is above the threshold and benefits are on profile."]
        )
    worst = max(findings, key=lambda f: _RANK[f[0]])[0]
    return Suggestion(worst, [reason for _rating, reason in findings])

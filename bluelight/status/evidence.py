"""The evidence a suggested rating rests on, gathered from the apps that hold it.

Status sits below the registers it reads (milestones and risks in governance, benefits in their own
app), so it does not import them: each registers an evidence provider in its AppConfig.ready, a
function (workstream, as_at) -> the Evidence fields it knows. The rules themselves are
status/suggest.py (pure).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.utils import timezone

from bluelight.programmes.models import Workstream
from bluelight.status.suggest import Evidence, Suggestion, suggest

Provider = Callable[[Workstream, datetime.date], dict]
PROVIDERS: list[Provider] = []


def register_evidence(provider: Provider) -> None:
    if provider not in PROVIDERS:
        PROVIDERS.append(provider)


def evidence_of(workstream: Workstream, as_at: datetime.date) -> Evidence:
    fields: dict = {"risk_threshold": workstream.programme.risk_threshold}
    for provider in PROVIDERS:
        fields.update(provider(workstream, as_at))
    return Evidence(as_at=as_at, **fields)


def suggested_rating(workstream: Workstream, period_ends_on: datetime.date) -> Suggestion | None:
    """The rating the rules suggest for a period, as at its end (or today, if it has not ended)."""
    return suggest(evidence_of(workstream, min(period_ends_on, timezone.localdate())))

"""A benefit fed by a measure of the request log: its measured actuals, a financial year each, worked out
as requests × a unit value, or hours of the displaced service saved × a cost per hour, with the working
kept as each actual's note. A signed-off actual is left as it was signed off."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone

from bluelight.benefits import services as benefit_services
from bluelight.benefits.lines import Method, NotConfigured
from bluelight.benefits.models import Benefit, UnitCost
from bluelight.core.history import Actor
from bluelight.core.templatetags.bluelight import pounds
from bluelight.core.years import label
from bluelight.demand.models import Feed, Protocol, RequestType, ServiceRequest
from bluelight.programmes.access import office_only

PENNY = Decimal("0.01")


def plain(number: Decimal) -> str:
    """2.50 → 2.5, 1200.0 → 1,200: a figure as a person writes it."""
    return f"{number.normalize():,f}"


def requests_by_year(programme, type_: str) -> dict[int, int]:
    """Requests of the type by financial year (April to March, by the date requested)."""
    rows = (ServiceRequest.objects.filter(programme=programme, type=type_)
            .annotate(y=ExtractYear("requested_at"), m=ExtractMonth("requested_at"))
            .values("y", "m").annotate(n=Count("id")))  # fmt: skip
    found: dict[int, int] = {}
    for row in rows:
        year = row["y"] if row["m"] >= 4 else row["y"] - 1
        found[year] = found.get(year, 0) + row["n"]
    return found


@dataclass
class Refreshed:
    written: dict[int, Decimal] = field(default_factory=dict)
    kept: list[int] = field(default_factory=list)  # years signed off, left as they were


def feed_create(*, actor: Actor, benefit: Benefit, type: str, measure: str, unit_cost: UnitCost) -> Feed:
    programme = benefit.workstream.programme
    office_only(actor, programme, "Only the programme office can feed a benefit from a measure.")
    errors = {}
    if unit_cost.programme_id != programme.pk:
        errors["unit_cost"] = "Choose a unit cost from this programme's library."
    if measure == Feed.Measure.HOURS and not Protocol.objects.filter(programme=programme, type=type).exists():
        errors["measure"] = (f"Hours saved need the protocol for {RequestType(type).label.lower()} requests, "
                             "with its hours per request: add it first.")  # fmt: skip
    if errors:
        raise ValidationError(errors)
    feed, _ = Feed.objects.update_or_create(benefit=benefit, defaults={"type": type, "measure": measure,
                                            "unit_cost": unit_cost, "created_by": actor.user})  # fmt: skip
    return feed


def working(feed: Feed, year: int, count: int, method: Method, protocol: Protocol | None) -> tuple[Decimal, str]:
    """The year's amount and how it was worked out; `protocol` (its hours per request) for an hours feed."""
    cost = feed.unit_cost
    value = method.to_base(cost.value, cost.price_year)
    restated = "" if cost.price_year == method.base_year else f", restated to {label(method.base_year)} prices as {pounds(value)}"
    priced = f"“{cost.name}”, {pounds(cost.value)} {cost.unit} ({label(cost.price_year)} prices{restated})"
    kind = RequestType(feed.type).label.lower()
    if feed.measure == Feed.Measure.COUNT:
        amount = (count * value).quantize(PENNY, ROUND_HALF_UP)
        return amount, f"{label(year)}: {count:,} {kind} requests × {priced} = {pounds(amount)}"
    hours = count * protocol.hours_per_request
    amount = (hours * value).quantize(PENNY, ROUND_HALF_UP)
    return amount, (f"{label(year)}: {count:,} {kind} requests × {plain(protocol.hours_per_request)} hours of "
                    f"{protocol.displaced.name} saved each ({protocol.name}) = {plain(hours)} hours × {priced} = "
                    f"{pounds(amount)}")  # fmt: skip


@transaction.atomic
def feed_refresh(*, actor: Actor, feed: Feed, today: datetime.date | None = None) -> Refreshed:
    """Write the measured actual of every year of the cycle that has begun and has requests."""
    benefit = feed.benefit
    programme = benefit.workstream.programme
    office_only(actor, programme, "Only the programme office can refresh measured actuals.")
    try:
        method = Method.of(programme)
    except NotConfigured as missing:
        raise ValidationError({"benefit": str(missing)}) from None
    today = today or timezone.localdate()
    current = today.year if today.month >= 4 else today.year - 1
    protocol = (Protocol.objects.select_related("displaced").get(programme=programme, type=feed.type)
                if feed.measure == Feed.Measure.HOURS else None)  # fmt: skip
    signed = set(benefit.actuals.filter(signed_off_at__isnull=False).values_list("year", flat=True))
    refreshed = Refreshed()
    for year, count in sorted(requests_by_year(programme, feed.type).items()):
        if not programme.cycle_start_year <= year <= min(programme.cycle_end_year, current):
            continue
        if year in signed:
            refreshed.kept.append(year)
            continue
        amount, note = working(feed, year, count, method, protocol)
        benefit_services.actual_record(actor=actor, benefit=benefit, year=year, amount=amount, note=note, measured=True)
        refreshed.written[year] = amount
    return refreshed

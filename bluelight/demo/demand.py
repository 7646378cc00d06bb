"""The demo's request log: a SYNTHETIC log of requests between services for Collapsed Behind Closed Doors
(gain entry for ambulance crews, by the police until 2016, by the fire service since), its protocol,
and the police-time benefit fed from it as measured actuals, each with its working."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

from bluelight.benefits import services as benefit_services
from bluelight.core.history import Actor
from bluelight.demand import services
from bluelight.demand.engine import synthetic
from bluelight.demand.models import Feed
from bluelight.programmes.models import Programme

SOURCE = "Control rooms (SYNTHETIC demo extract)"
UNIT_COST = {
    "name": "Police officer hour (illustrative)", "category": "staff_time", "unit": "per hour",
    "value": Decimal("45"), "price_year": 2015,
    "source": "Illustrative value for the demo, not from a published source: replace it with the force's own costing.",
}  # fmt: skip


def load(programme: Programme, actor: Actor, say=print) -> None:
    if programme.demand_sources.filter(name=SOURCE).exists():
        return
    text = synthetic.extract_csv(gain_entry_a_year=500, searches_a_year=60)
    source = services.source_for(actor=actor, programme=programme, name=SOURCE)
    loaded = services.load(actor=actor, programme=programme, source=source, open_text=lambda: io.StringIO(text))
    orgs = {o.short_code: o for o in programme.partners.all()}
    services.protocol_set(
        actor=actor, programme=programme, type="gain_entry", name="Collapsed Behind Closed Doors",
        starts_on=datetime.date(2016, 1, 1), displaced=orgs["EP"], hours_per_request=Decimal("6"),
        basis="Illustrative figure: two officers for three hours each, travel and waiting included; no published figure.",
    )  # fmt: skip
    services.protocol_set(
        actor=actor, programme=programme, type="missing_person", name="Missing person search support",
        starts_on=datetime.date(2019, 4, 1), displaced=orgs["EP"], hours_per_request=Decimal("4"),
        basis="Illustrative: search hours the fire service's drone and teams save the police.",
    )  # fmt: skip
    services.issue_create(actor=actor, programme=programme, category="Handover", raised_by=orgs["EEAST"],
                          contact="EEAST control room duty manager", raised_on=datetime.date(2025, 11, 3),
                          description="Fire crews sometimes leave before the ambulance crew has access to the patient "
                                      "(SYNTHETIC example).")  # fmt: skip
    benefit = programme.workstreams.get(key="collapsed-behind-closed-doors").benefits.filter(key="cbcd-police-time").first()
    if benefit is not None:
        cost = (programme.unit_costs.filter(name=UNIT_COST["name"]).first()
                or benefit_services.unit_cost_create(actor=actor, programme=programme, **UNIT_COST))  # fmt: skip
        feed = services.feed_create(actor=actor, benefit=benefit, type="gain_entry", measure=Feed.Measure.HOURS,
                                    unit_cost=cost)  # fmt: skip
        services.feed_refresh(actor=actor, feed=feed)
    say(f"{programme.slug}: loaded a SYNTHETIC log of {loaded.created:,} requests between services for "
        "Collapsed Behind Closed Doors, with measured police time")  # fmt: skip

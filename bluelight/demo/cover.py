"""The demo's response-cover scenario: illustrative Essex station points and synthetic Category 1
incidents (both clearly labelled), the best three fire stations to host co-responders chosen, attached
as evidence to the Joint Facilities workstream."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from bluelight.benefits import services as benefit_services
from bluelight.core.history import Actor
from bluelight.cover import runner
from bluelight.cover.engine import synthetic
from bluelight.evidence import services
from bluelight.evidence.models import Analysis
from bluelight.programmes.models import Programme

TITLE = "Co-responding from fire stations, Essex (ILLUSTRATIVE stations, SYNTHETIC incidents)"
PARAMETERS = {"within": 8.0, "mean": 7.0, "centile": 15.0, "speed": 48.0, "circuity": 1.3, "choose": 3,
              "share": None, "method": "auto"}  # fmt: skip
NOTE = ("Which three fire stations would bring the most Category 1 incidents within 8 minutes if their crews "
        "co-responded: the question behind sharing stations with the ambulance service. The station points are "
        "illustrative (town centres) and the incidents synthetic, made for the demo.")  # fmt: skip
UNIT_COST = {
    "name": "Better outcome after a Category 1 response (illustrative)", "category": "health", "unit": "per patient",
    "value": Decimal("20000"), "price_year": 2015,
    "source": "Illustrative value for the demo, not from a published source: replace it with the programme's own.",
}  # fmt: skip


def load(programme: Programme, actor: Actor, say=print) -> Analysis | None:
    if programme.analyses.filter(kind=Analysis.Kind.COVER).exists():
        return None
    uploads = [("essex-stations-illustrative.csv", synthetic.stations_csv()),
               ("essex-category-1-synthetic.csv", synthetic.incidents_csv())]  # fmt: skip
    outcome = runner.run(uploads, PARAMETERS | {"roles": ["stations", "incidents"]}, lambda step, percent: None)
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in uploads}
    inputs = {"files": [f | {"sha256": digests[f["name"]], "synthetic": True} for f in outcome.files],
              "parameters": PARAMETERS | {"roles": ["stations", "incidents"]}}  # fmt: skip
    analysis = services.analysis_keep(actor=actor, programme=programme, kind=Analysis.Kind.COVER, title=TITLE,
                                      inputs=inputs, method=outcome.method, result=outcome.result)  # fmt: skip
    facilities = programme.workstreams.filter(key="joint-facilities").first()
    if facilities is not None:
        services.analysis_attach(actor=actor, analysis=analysis, workstream=facilities, note=NOTE)
    if not programme.unit_costs.filter(name=UNIT_COST["name"]).exists():
        benefit_services.unit_cost_create(actor=actor, programme=programme, **UNIT_COST)
    say(f"{programme.slug}: loaded a response-cover scenario for Joint Facilities "
        f"({outcome.result['newly_within']} synthetic incidents brought within 8 minutes)")  # fmt: skip
    return analysis

"""An analysis is kept with its inputs and method, and attached as evidence to a benefit, a workstream or a
decision of its own programme, by those who may change that record, with the record's history saying so."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from bluelight.benefits.services import benefit_create
from bluelight.core.access import Refused
from bluelight.core.history import Actor, history_of
from bluelight.evidence import selectors, services
from bluelight.evidence.models import Attachment
from bluelight.programmes.scope import Scope
from tests.conftest import make_user

INPUTS = {"files": [{"name": "2024-03-essex-street.csv", "sha256": "ab12", "rows": 2, "set_aside": {"no coordinates": 1}}]}
METHOD = {"name": "Getis-Ord Gi*", "version": 1, "parameters": {"cell_metres": 250},
          "statement": "police.uk points are anonymised snap points at month resolution."}  # fmt: skip


@pytest.fixture
def analysis(small_programme, office):
    return services.analysis_keep(actor=Actor(office), programme=small_programme["programme"], kind="hotspots",
                                  title="Burglary, March 2024", inputs=INPUTS, method=METHOD,
                                  result={"hot": 3, "cold": 1})  # fmt: skip


def test_an_analysis_without_its_method_or_inputs_is_refused(small_programme, office):
    with pytest.raises(ValidationError) as refused:
        services.analysis_keep(actor=Actor(office), programme=small_programme["programme"], kind="hotspots",
                               title="x", inputs={}, method={"name": "Gi*"}, result={})  # fmt: skip
    assert refused.value.message_dict == {
        "method": ["Name the method and give the statement shown with every result."],
        "inputs": ["Record the files the analysis read, with their rows taken and set aside."],
    }


def test_attached_to_a_benefit_it_is_listed_with_its_note_and_in_the_benefits_history(
    small_programme, analysis, fire_editor, system
):
    fleet = small_programme["fleet"]  # led by the fire service
    benefit = benefit_create(actor=system, workstream=fleet, key="fleet-savings", title="Savings", kind="cashable",
                             confidence_grade=2, price_year=2024, gains=[(small_programme["fire"], Decimal(1))],
                             years=[])  # fmt: skip
    services.analysis_attach(actor=Actor(fire_editor), analysis=analysis, benefit=benefit,
                             note="Three hot cells within the fleet's patch.")  # fmt: skip
    shown = selectors.evidence_for(Scope.everything(), benefit=benefit)
    assert [(a.analysis.title, a.note) for a in shown] == [("Burglary, March 2024", "Three hot cells within the fleet's patch.")]
    latest = history_of(benefit).first()
    assert latest.changes == {"evidence": [None, "Hotspot map: Burglary, March 2024"]}
    assert latest.actor == fire_editor


def test_attaching_is_refused_on_another_organisations_workstream_to_a_viewer_or_without_a_note(
    small_programme, analysis, fire_editor
):
    with pytest.raises(Refused):  # the police's workstream is another organisation's: not found (404)
        services.analysis_attach(actor=Actor(fire_editor), analysis=analysis, workstream=small_programme["hubs"],
                                 note="x")  # fmt: skip
    viewer = make_user("viewer", small_programme["fire"], small_programme["programme"], "viewer")
    with pytest.raises(PermissionDenied):
        services.analysis_attach(actor=Actor(viewer), analysis=analysis, workstream=small_programme["fleet"], note="x")
    with pytest.raises(ValidationError) as two:
        services.analysis_attach(actor=Actor(fire_editor), analysis=analysis, workstream=small_programme["fleet"],
                                 benefit=None, decision=None, note="")  # fmt: skip
    assert two.value.message_dict == {"note": ["Say what the analysis shows for this record."]}
    assert not Attachment.objects.exists()

"""Writes for how a programme values its benefits: the target, thresholds and optimism biases, unit costs and deflator series."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from bluelight.benefits import rules
from bluelight.benefits.models import (
    BenefitSettings,
    ConfidenceGrade,
    UnitCost,
)
from bluelight.benefits.services.common import SETTINGS_FIELDS
from bluelight.benefits.services.register import _unpriced
from bluelight.benefits.valuation.gmca import DEFAULT_OPTIMISM_BIAS
from bluelight.core import history
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.core.services import refuse, validate
from bluelight.programmes.access import office_only
from bluelight.programmes.models import Programme


@transaction.atomic
def settings_set(
    *, actor: Actor, programme: Programme, target: Decimal, price_base_year: int,
    green_at: Decimal = Decimal("1.000"), amber_at: Decimal = Decimal("0.900"),
    grades: dict[int, Decimal] | None = None, expected_version: int | None = None,
    appraisal_year: int | None = None, before_year_0: str = BenefitSettings.Before.EXCLUDE,
    target_basis: str = BenefitSettings.Basis.PROFILED,
) -> BenefitSettings:  # fmt: skip
    """The programme's target, price base, appraisal year, thresholds and optimism biases, and which total
    its rating uses. `expected_version` is the version the settings page showed (None: whatever is stored
    now, for the command line and the demo)."""
    office_only(actor, programme)
    errors = rules.settings(target, green_at, amber_at)
    errors.update(rules.appraisal_year(appraisal_year, programme.cycle_end_year))
    for grade, bias in (grades or {}).items():  # everything is checked before anything is written
        errors.update(rules.optimism_bias(grade, bias))
    refuse(errors)
    values = {"target": target, "price_base_year": price_base_year, "green_at": green_at, "amber_at": amber_at,
              "appraisal_year": appraisal_year, "before_year_0": before_year_0, "target_basis": target_basis}
    found = BenefitSettings.objects.select_for_update().filter(programme=programme).first()
    if found is None:
        found = BenefitSettings(programme=programme, **values)
        validate(found)
        found.save()
        history.record(found, HistoryEntry.Action.CREATED, actor, history.diff({}, history.snapshot(found, SETTINGS_FIELDS)))
    else:
        history.update(found, actor, expected_version, values, SETTINGS_FIELDS, check=validate)
    for grade, bias in DEFAULT_OPTIMISM_BIAS.items():
        ConfidenceGrade.objects.get_or_create(programme=programme, grade=grade, defaults={"optimism_bias": bias})
    held = dict(ConfidenceGrade.objects.filter(programme=programme).values_list("grade", "optimism_bias"))
    moved = {g: bias for g, bias in (grades or {}).items() if held.get(g) != bias}
    for grade, bias in moved.items():
        ConfidenceGrade.objects.filter(programme=programme, grade=grade).update(optimism_bias=bias)
    if moved:
        history.record(found, HistoryEntry.Action.CHANGED, actor, {
            f"optimism bias, grade {g}": [str(held.get(g)), str(bias)] for g, bias in sorted(moved.items())
        })  # fmt: skip
    return found


@transaction.atomic
def unit_cost_create(*, actor: Actor, programme: Programme, **fields) -> UnitCost:
    office_only(actor, programme)
    cost = UnitCost(programme=programme, **fields)
    if not (cost.source or "").strip():
        raise ValidationError({"source": "Enter where the unit cost comes from: publisher, title, edition and table."})
    unpriced = _unpriced(programme, cost.price_year) if cost.price_year else None
    if unpriced:
        raise ValidationError({"price_year": unpriced})
    validate(cost)
    cost.save()
    history.record(
        cost,
        HistoryEntry.Action.CREATED,
        actor,
        history.diff({}, history.snapshot(cost, ["name", "value", "price_year", "source"])),
    )
    return cost

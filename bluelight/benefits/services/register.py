"""Writes for the benefits register: a benefit, the organisations that gain and pay, and its profile."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from bluelight.benefits import rules
from bluelight.benefits.models import (
    Benefit,
    BenefitGain,
    BenefitYear,
)
from bluelight.benefits.services.common import BENEFIT_FIELDS, YearValues, in_cycle
from bluelight.core import history
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry, Organisation
from bluelight.core.services import refuse, validate
from bluelight.core.years import label
from bluelight.programmes.access import owner_only
from bluelight.programmes.models import Programme, Workstream


def _check_benefit(benefit: Benefit, gains, years: list[YearValues]) -> None:
    programme = benefit.workstream.programme
    errors: dict[str, str] = {}
    if gains is not None:
        errors.update(rules.shares([share for _, share in gains], [org.pk for org, _ in gains]))
    errors.update(rules.volume_needs_unit_cost(benefit.method == Benefit.Method.VOLUME, benefit.unit_cost_id is not None))
    errors.update(rules.transfer_is_fiscal(benefit.transfer, benefit.kind_of_value))
    if benefit.unit_cost_id and benefit.unit_cost.programme_id != programme.pk:
        errors["unit_cost"] = "Choose a unit cost from this programme's library."
    noun = "volume" if benefit.method == Benefit.Method.VOLUME else "amount"
    for row in years:
        wrong = in_cycle(programme, row.year) or rules.profile_values(row.year, row.low, row.central, row.high, noun)
        if wrong:
            errors["years"] = next(iter(wrong.values()))
            break
    if len({row.year for row in years}) != len(years):
        errors["years"] = "Each financial year can appear once in the profile."
    if benefit.method == Benefit.Method.AMOUNT:
        unpriced = _unpriced(programme, benefit.price_year)
        if unpriced:
            errors["price_year"] = unpriced
    if errors:
        raise ValidationError(errors)


def _unpriced(programme: Programme, price_year: int) -> str | None:
    """Why a value priced in `price_year` cannot be restated to the programme's price base, or None."""
    from bluelight.benefits.lines import NotConfigured, deflator_series, settings_of

    try:
        settings = settings_of(programme)
    except NotConfigured:
        return None  # nothing is valued until the programme has a price base
    if price_year == settings.price_base_year:
        return None
    try:
        deflator_series(programme, settings).factor(price_year, settings.price_base_year)
    except ValueError as missing:
        return f"{missing}: choose another price year, or a deflator series that has it."
    return None


def _write_parts(benefit: Benefit, gains, payers, years: list[YearValues] | None) -> None:
    if gains is not None:
        benefit.gains.all().delete()
        BenefitGain.objects.bulk_create([BenefitGain(benefit=benefit, organisation=o, share=s) for o, s in gains])
    if payers is not None:
        benefit.payers.set(payers)
    if years is not None:
        benefit.years.all().delete()
        BenefitYear.objects.bulk_create(
            [BenefitYear(benefit=benefit, year=r.year, low=r.low, central=r.central, high=r.high) for r in years]
        )


BENEFIT_EDITORS = "Only the programme office and the lead organisation's editors can change its benefits."


def _benefit_editable(actor: Actor, benefit: Benefit, workstream: Workstream | None) -> None:
    """The benefit's workstream, and the one it moves to, are the actor's to change."""
    owner_only(actor, benefit.workstream, BENEFIT_EDITORS)
    if workstream is not None and workstream != benefit.workstream:
        owner_only(actor, workstream, BENEFIT_EDITORS)


def _key_taken(workstream: Workstream, key: str, exclude_pk=None) -> bool:
    return Benefit.objects.filter(workstream__programme=workstream.programme, key=key).exclude(pk=exclude_pk).exists()


@transaction.atomic
def benefit_create(
    *, actor: Actor, workstream: Workstream, key: str, gains: list[tuple[Organisation, Decimal]],
    years: list[YearValues], payers: Iterable[Organisation] = (), **fields,
) -> Benefit:  # fmt: skip
    owner_only(actor, workstream, BENEFIT_EDITORS)
    benefit = Benefit(workstream=workstream, key=key, **fields)
    validate(benefit)
    refuse(rules.realised_needs_actual(benefit.status == Benefit.Status.REALISED, False))
    if _key_taken(workstream, key):
        raise ValidationError({"key": f"The programme already has a benefit with the short name {key}."})
    _check_benefit(benefit, gains, years)
    benefit.save()
    _write_parts(benefit, gains, list(payers), years)
    history.record(
        benefit, HistoryEntry.Action.CREATED, actor, history.diff({}, history.snapshot(benefit, BENEFIT_FIELDS))
    )
    return benefit


@transaction.atomic
def benefit_update(
    *, actor: Actor, benefit: Benefit, expected_version: int, gains=None, payers=None, years=None, **fields
) -> Benefit:
    _benefit_editable(actor, benefit, fields.get("workstream"))
    if fields.get("status") == Benefit.Status.REALISED and benefit.status != Benefit.Status.REALISED:
        refuse(rules.realised_needs_actual(True, benefit.actuals.filter(signed_off_at__isnull=False).exists()))
    def check(b: Benefit) -> None:
        validate(b, exclude=["workstream", "key"])
        _check_benefit(b, gains, years if years is not None else [])

    profile = {"profile": ["(previous)", [f"{label(r.year)}: {r.central}" for r in years]]} if years is not None else {}
    history.update(benefit, actor, expected_version, fields, BENEFIT_FIELDS, check=check, always_record=profile,
                   after=lambda b: _write_parts(b, gains, payers, years))  # fmt: skip
    return benefit

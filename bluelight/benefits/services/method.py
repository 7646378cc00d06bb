"""Writes for how a programme values its benefits: the target, thresholds and optimism biases, unit costs and deflator series."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from bluelight.benefits import rules
from bluelight.benefits.models import (
    Benefit,
    BenefitSettings,
    ConfidenceGrade,
    DeflatorRelease,
    DeflatorReleaseYear,
    UnitCost,
)
from bluelight.benefits.services.common import SETTINGS_FIELDS
from bluelight.benefits.services.register import _unpriced
from bluelight.benefits.valuation.gmca import DEFAULT_OPTIMISM_BIAS
from bluelight.core import history
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.core.services import refuse, validate
from bluelight.core.years import label
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


@transaction.atomic
def deflator_release_load(
    *, actor: Actor, name: str, release: str, source: str, index: dict[int, Decimal], reference_year: int | None = None
) -> tuple[DeflatorRelease, bool]:
    """Store a published series under its name and release; (the release, whether it is new).

    Loading the same release again with the same figures changes nothing; with other figures it is
    refused, because valuations already made with it must still trace to what it said.
    """
    name, release = name.strip(), release.strip()
    if not name:
        raise ValidationError({"name": "Give the series a name, e.g. HM Treasury GDP deflators at market prices."})
    if not release:
        raise ValidationError({"release": "Give the release and its date, e.g. September 2024 (Quarterly National Accounts)."})
    if not index:
        raise ValidationError({"index": "The series holds no years."})
    found = DeflatorRelease.objects.filter(name=name, release=release).first()
    if found is not None:
        held = {row.year: row.index for row in found.years.all()}
        if held != index:
            changed = sorted(y for y in held.keys() | index.keys() if held.get(y) != index.get(y))
            raise ValidationError({"release": (
                f"{found} is already loaded with other figures (first difference: {label(changed[0])}). "
                "A release is never changed: load the new figures under their own release name."
            )})  # fmt: skip
        return found, False
    loaded = DeflatorRelease.objects.create(
        name=name, release=release, source=source[:300], reference_year=reference_year, loaded_by=actor.user
    )
    DeflatorReleaseYear.objects.bulk_create(
        DeflatorReleaseYear(release=loaded, year=year, index=value) for year, value in sorted(index.items())
    )
    first, last = min(index), max(index)
    history.record(loaded, HistoryEntry.Action.CREATED, actor, {
        "name": [None, name], "release": [None, release], "source": [None, source],
        "years": [None, f"{label(first)} to {label(last)} ({len(index)} years)"],
    })  # fmt: skip
    return loaded, True


@transaction.atomic
def deflators_choose(*, actor: Actor, programme: Programme, release: DeflatorRelease | None) -> BenefitSettings:
    """Value the programme's benefits with `release` (None: the programme's own series)."""
    office_only(actor, programme)
    found = BenefitSettings.objects.select_for_update().filter(programme=programme).first()
    if found is None:
        raise ValidationError({"deflators": f"{programme.name} has no benefits target or price base year yet."})
    before = str(found.deflators) if found.deflators_id else "the programme's own series"
    if release is not None:
        _check_series_covers(programme, found.price_base_year, {row.year for row in release.years.all()}, str(release))
    found.deflators = release
    history.save_versioned(found, found.version, ["deflators"])
    history.record(found, HistoryEntry.Action.CHANGED, actor, {
        "deflators": [before, str(release) if release else "the programme's own series"],
    })  # fmt: skip
    return found


def _check_series_covers(programme: Programme, base_year: int, years: set[int], series: str) -> None:
    """Every price year the programme's values are restated from, and the base year, are in the series."""
    priced = set(
        Benefit.objects.filter(workstream__programme=programme, method=Benefit.Method.AMOUNT).values_list(
            "price_year", flat=True
        )
    ) | set(UnitCost.objects.filter(programme=programme).values_list("price_year", flat=True))
    needed = {year for year in priced if year != base_year}
    if needed:
        needed.add(base_year)
    missing = sorted(needed - years)
    if missing:
        raise ValidationError({"deflators": (
            f"{series} has no index for {', '.join(label(y) for y in missing)}, which this programme's "
            "values are restated from or to."
        )})  # fmt: skip

"""Writes for the benefits register. Everything is validated before anything is written; bad input
raises ValidationError naming the field and nothing is saved."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from bluelight.benefits import rules
from bluelight.benefits.models import (
    Benefit,
    BenefitActual,
    BenefitGain,
    BenefitSettings,
    BenefitYear,
    ConfidenceGrade,
    DeflatorRelease,
    DeflatorReleaseYear,
    UnitCost,
    WorkstreamCost,
)
from bluelight.benefits.valuation.gmca import DEFAULT_OPTIMISM_BIAS
from bluelight.core import history
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry, Organisation
from bluelight.core.services import refuse, validate
from bluelight.core.years import label
from bluelight.programmes.access import office_only, owner_only
from bluelight.programmes.models import Programme, Workstream

SETTINGS_FIELDS = ["target", "price_base_year", "green_at", "amber_at"]
BENEFIT_FIELDS = [
    "title", "kind", "owner", "measure", "baseline", "status", "confidence_grade", "method", "unit_cost",
    "price_year", "deadweight", "attribution", "adjustments_justification", "evidence", "health", "illustrative",
    "marking",
]  # fmt: skip


@dataclass(frozen=True)
class YearValues:
    year: int
    low: Decimal
    central: Decimal
    high: Decimal



def _in_cycle(programme: Programme, year: int) -> dict[str, str]:
    return rules.in_cycle(year, programme.cycle_start_year, programme.cycle_end_year)


@transaction.atomic
def settings_set(
    *, actor: Actor, programme: Programme, target: Decimal, price_base_year: int,
    green_at: Decimal = Decimal("1.000"), amber_at: Decimal = Decimal("0.900"),
    grades: dict[int, Decimal] | None = None, expected_version: int | None = None,
) -> BenefitSettings:  # fmt: skip
    """The programme's target, price base, thresholds and optimism biases. `expected_version` is the version
    the settings page showed (None: whatever is stored now, for the command line and the demo)."""
    office_only(actor, programme)
    errors = rules.settings(target, green_at, amber_at)
    for grade, bias in (grades or {}).items():  # everything is checked before anything is written
        errors.update(rules.optimism_bias(grade, bias))
    refuse(errors)
    values = {"target": target, "price_base_year": price_base_year, "green_at": green_at, "amber_at": amber_at}
    found = BenefitSettings.objects.select_for_update().filter(programme=programme).first()
    if found is None:
        found = BenefitSettings.objects.create(programme=programme, **values)
        history.record(found, HistoryEntry.Action.CREATED, actor, history.diff({}, history.snapshot(found, SETTINGS_FIELDS)))
    else:
        history.update(found, actor, expected_version, values, SETTINGS_FIELDS)
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


def _check_benefit(benefit: Benefit, gains, years: list[YearValues]) -> None:
    programme = benefit.workstream.programme
    errors: dict[str, str] = {}
    if gains is not None:
        errors.update(rules.shares([share for _, share in gains], [org.pk for org, _ in gains]))
    errors.update(rules.volume_needs_unit_cost(benefit.method == Benefit.Method.VOLUME, benefit.unit_cost_id is not None))
    if benefit.unit_cost_id and benefit.unit_cost.programme_id != programme.pk:
        errors["unit_cost"] = "Choose a unit cost from this programme's library."
    noun = "volume" if benefit.method == Benefit.Method.VOLUME else "amount"
    for row in years:
        wrong = _in_cycle(programme, row.year) or rules.profile_values(row.year, row.low, row.central, row.high, noun)
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
    from bluelight.benefits.selectors import NotConfigured, deflator_series, settings_of

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
    def check(b: Benefit) -> None:
        validate(b, exclude=["workstream", "key"])
        _check_benefit(b, gains, years if years is not None else [])

    profile = {"profile": ["(previous)", [f"{label(r.year)}: {r.central}" for r in years]]} if years is not None else {}
    history.update(benefit, actor, expected_version, fields, BENEFIT_FIELDS, check=check, always_record=profile,
                   after=lambda b: _write_parts(b, gains, payers, years))  # fmt: skip
    return benefit


@transaction.atomic
def actual_record(*, actor: Actor, benefit: Benefit, year: int, amount: Decimal, note: str = "") -> BenefitActual:
    office_only(actor, benefit.workstream.programme)
    programme = benefit.workstream.programme
    refuse(_in_cycle(programme, year))
    existing = BenefitActual.objects.filter(benefit=benefit, year=year).first()
    if existing and existing.signed_off_at:
        raise ValidationError({"amount": f"The {label(year)} actual has been signed off and cannot be changed."})
    if existing is None:
        actual = BenefitActual.objects.create(benefit=benefit, year=year, amount=amount, note=note,
                                              entered_by=actor.user)  # fmt: skip
    else:
        existing.amount, existing.note, existing.entered_by = amount, note, actor.user
        # A new version: a sign-off made from the page that showed the old amount is refused as stale.
        history.save_versioned(existing, existing.version, ["amount", "note", "entered_by"])
        actual = existing
    history.record(
        benefit, HistoryEntry.Action.CHANGED, actor, {f"actual {label(year)}": [None, str(amount)]},
        note="Actual entered at the annual benefit review",
    )  # fmt: skip
    return actual


@transaction.atomic
def actual_sign_off(
    *, actor: Actor, actual: BenefitActual, expected_version: int | None = None
) -> BenefitActual:
    """Sign off the actual as it was seen: `expected_version` is the version the page showed."""
    office_only(actor, actual.benefit.workstream.programme)
    if actual.signed_off_at:
        return actual
    actual.signed_off_by, actual.signed_off_at = actor.user, timezone.now()
    history.save_versioned(actual, expected_version, ["signed_off_by", "signed_off_at"])
    history.record(
        actual.benefit, HistoryEntry.Action.CHANGED, actor, {f"actual {label(actual.year)}": ["entered", "signed off"]},
        note="Signed-off actual now replaces the forecast in every total",
    )  # fmt: skip
    return actual


@transaction.atomic
def cost_record(
    *, actor: Actor, workstream: Workstream, year: int, amount: Decimal, description: str = ""
) -> WorkstreamCost:
    office_only(actor, workstream.programme)
    programme = workstream.programme
    refuse(_in_cycle(programme, year))
    cost = WorkstreamCost(workstream=workstream, year=year, amount=amount, description=description)
    validate(cost)
    cost.save()
    history.record(workstream, HistoryEntry.Action.CHANGED, actor, {f"cost {label(year)}": [None, str(amount)]})
    return cost

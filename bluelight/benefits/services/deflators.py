"""Writes for GDP deflator series: a published release loaded once, and the release a programme values with."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from bluelight.benefits.models import (
    Benefit,
    BenefitSettings,
    DeflatorRelease,
    DeflatorReleaseYear,
    UnitCost,
)
from bluelight.core import history
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.core.years import label
from bluelight.programmes.access import office_only
from bluelight.programmes.models import Programme


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

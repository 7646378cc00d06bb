"""Writes for what was delivered and what it cost: actuals entered and signed off, and workstream costs."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from bluelight.benefits import rules
from bluelight.benefits.models import (
    Benefit,
    BenefitActual,
    WorkstreamCost,
)
from bluelight.benefits.services.common import in_cycle
from bluelight.core import history
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.core.services import refuse, validate
from bluelight.core.years import label
from bluelight.programmes.access import office_only
from bluelight.programmes.models import Workstream


@transaction.atomic
def actual_record(*, actor: Actor, benefit: Benefit, year: int, amount: Decimal, note: str = "",
                  measured: bool = False) -> BenefitActual:  # fmt: skip
    """The actual for a year: entered at the review, or `measured` from activity with its working as the
    note. Refused once signed off."""
    office_only(actor, benefit.workstream.programme)
    programme = benefit.workstream.programme
    refuse(in_cycle(programme, year))
    existing = BenefitActual.objects.filter(benefit=benefit, year=year).first()
    if existing and existing.signed_off_at:
        raise ValidationError({"amount": f"The {label(year)} actual has been signed off and cannot be changed."})
    if existing is None:
        actual = BenefitActual.objects.create(benefit=benefit, year=year, amount=amount, note=note,
                                              entered_by=actor.user, measured=measured)  # fmt: skip
    else:
        existing.amount, existing.note, existing.entered_by, existing.measured = amount, note, actor.user, measured
        # A new version: a sign-off made from the page that showed the old amount is refused as stale.
        history.save_versioned(existing, existing.version, ["amount", "note", "entered_by", "measured"])
        actual = existing
    history.record(
        benefit, HistoryEntry.Action.CHANGED, actor, {f"actual {label(year)}": [None, str(amount)]},
        note="Actual measured from activity" if measured else "Actual entered at the annual benefit review",
    )  # fmt: skip
    return actual


@transaction.atomic
def actual_sign_off(
    *, actor: Actor, actual: BenefitActual, expected_version: int | None = None
) -> BenefitActual:
    """Sign off the actual as it was seen: `expected_version` is the version the page showed. Under the
    programme's two-person rule (on unless turned off) the one who entered or last changed it cannot.
    The benefit is then Realised: it has a signed-off actual."""
    programme = actual.benefit.workstream.programme
    office_only(actor, programme)
    if actual.signed_off_at:
        return actual
    signing = actor.user.pk if actor.user else None
    refuse(rules.second_person(programme.two_person_sign_off, actual.entered_by_id, signing, label(actual.year)))
    actual.signed_off_by, actual.signed_off_at = actor.user, timezone.now()
    history.save_versioned(actual, expected_version, ["signed_off_by", "signed_off_at"])
    history.record(
        actual.benefit, HistoryEntry.Action.CHANGED, actor, {f"actual {label(actual.year)}": ["entered", "signed off"]},
        note="Signed-off actual now replaces the forecast in every total",
    )  # fmt: skip
    benefit = actual.benefit
    if benefit.status != Benefit.Status.REALISED:
        before = benefit.get_status_display()
        Benefit.objects.filter(pk=benefit.pk).update(status=Benefit.Status.REALISED, version=benefit.version + 1)
        benefit.refresh_from_db(fields=["status", "version"])
        history.record(benefit, HistoryEntry.Action.CHANGED, actor, {"status": [before, "Realised"]},
                       note=f"The {label(actual.year)} actual is signed off")  # fmt: skip
    return actual


@transaction.atomic
def cost_record(
    *, actor: Actor, workstream: Workstream, year: int, amount: Decimal, description: str = ""
) -> WorkstreamCost:
    office_only(actor, workstream.programme)
    programme = workstream.programme
    refuse(in_cycle(programme, year))
    cost = WorkstreamCost(workstream=workstream, year=year, amount=amount, description=description)
    validate(cost)
    cost.save()
    history.record(workstream, HistoryEntry.Action.CHANGED, actor, {f"cost {label(year)}": [None, str(amount)]})
    return cost

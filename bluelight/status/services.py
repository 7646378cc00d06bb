"""Writes for reporting periods and RAG assessments.

A published period is locked: its assessments cannot be edited, only superseded by a correction
that keeps the original and records why it was corrected.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from bluelight.core import history
from bluelight.core.history import Actor, Conflict, StaleEdit
from bluelight.core.models import HistoryEntry
from bluelight.core.services import refuse
from bluelight.programmes.access import office_only, owner_only
from bluelight.programmes.models import Programme, Workstream
from bluelight.status import rules
from bluelight.status.evidence import suggested_rating
from bluelight.status.models import Assessment, ProgrammeAssessment, ReportingPeriod

ASSESSMENT_FIELDS = [
    "rating", "rationale", "narrative", "assessed_by", "assessed_on", "illustrative", "suggested_rating",
    "departure_reason",
]  # fmt: skip
OVERALL_FIELDS = ["rating", "rationale"]


class PeriodLocked(Conflict):
    def __init__(self, period: ReportingPeriod):
        self.period = period
        super().__init__(
            f"The {period.label} reporting period has been published, so its ratings cannot be edited. "
            "Record a correction instead."
        )


@transaction.atomic
def period_create(
    *, actor: Actor, programme: Programme, label: str, starts_on: datetime.date, ends_on: datetime.date,
    cadence: str = ReportingPeriod.Cadence.ANNUAL,
) -> ReportingPeriod:  # fmt: skip
    office_only(actor, programme)
    period = ReportingPeriod(programme=programme, label=label, cadence=cadence, starts_on=starts_on, ends_on=ends_on)
    try:
        period.full_clean()
    except ValidationError as error:
        raise ValidationError(error.message_dict) from None
    refuse(rules.period_dates(starts_on, ends_on))
    refuse(rules.period_overlap(starts_on, ends_on, programme.periods.values_list("label", "starts_on", "ends_on")))
    period.save()
    history.record(period, HistoryEntry.Action.CREATED, actor)
    return period


@transaction.atomic
def period_publish(*, actor: Actor, period: ReportingPeriod) -> ReportingPeriod:
    office_only(actor, period.programme)
    if period.is_published:
        return period
    period.published_at = timezone.now()
    period.published_by = actor.user
    history.save_versioned(period, period.version, ["published_at", "published_by"])
    history.record(
        period, HistoryEntry.Action.CHANGED, actor, {"published_at": [None, period.published_at.isoformat()]}
    )
    return period


def _check_rating(scale, rating: str, rationale: str) -> None:
    refuse(rules.rating(scale, rating, rationale))


@transaction.atomic
def assessment_record(
    *, actor: Actor, workstream: Workstream, period: ReportingPeriod, rating: str, rationale: str = "",
    narrative: str = "", assessed_by: str = "", assessed_on: datetime.date | None = None,
    expected_version: int | None = None, illustrative: bool = False, departure_reason: str = "",
) -> Assessment:  # fmt: skip
    """Record (or, in an open period, revise) a workstream's rating for a period.

    The rating the rules suggest is kept beside it; a lead who rates differently says why.
    """
    owner_only(actor, workstream, "Only the programme office and the lead organisation's editors can rate this.")
    if period.programme_id != workstream.programme_id:
        raise ValidationError({"period": "Choose a reporting period of the workstream's programme."})
    _check_rating(workstream.programme.scale, rating, rationale)
    # The period row is locked until this rating is saved, so a publication cannot slip in between:
    # it waits, and publishes with this rating in it; or it came first, and the rating is refused.
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if period.is_published:
        raise PeriodLocked(period)
    suggestion = suggested_rating(workstream, period.ends_on)
    departs = suggestion is not None and rating != suggestion.rating
    if departs and not departure_reason.strip():
        scale = workstream.programme.scale
        raise ValidationError({
            "departure_reason": f"Enter why you rate it {scale.label(rating)} when the rules suggest "
            f"{scale.label(suggestion.rating)}."
        })  # fmt: skip
    values = {
        "suggested_rating": suggestion.rating if suggestion else "",
        "suggestion_reasons": suggestion.reasons if suggestion else [],
        "departure_reason": departure_reason.strip() if departs else "",
        "rating": rating, "rationale": rationale.strip(), "narrative": narrative.strip(),
        "assessed_by": assessed_by.strip() or workstream.business_lead,
        "assessed_on": assessed_on or timezone.localdate(), "illustrative": illustrative,
    }  # fmt: skip
    existing = Assessment.objects.filter(workstream=workstream, period=period, is_current=True).first()
    if existing is None:
        try:
            with transaction.atomic():
                assessment = Assessment.objects.create(
                    workstream=workstream, period=period, recorded_by=actor.user, **values
                )
        except IntegrityError:  # another first rating won the race for the one current rating
            saved = Assessment.objects.get(workstream=workstream, period=period, is_current=True)
            raise StaleEdit(saved, 0) from None
        history.record(
            assessment,
            HistoryEntry.Action.CREATED,
            actor,
            history.diff({}, history.snapshot(assessment, ASSESSMENT_FIELDS)),
        )
        return assessment
    if expected_version == 0:  # the form was opened before anyone had rated it
        raise StaleEdit(existing, 0)
    history.update(existing, actor, expected_version, values, ASSESSMENT_FIELDS)
    return existing


def _supersede(actor: Actor, original, replacement_kwargs: dict, reason: str, expected_version: int | None):
    refuse(rules.correction_reason(reason))
    model = type(original)
    history.save_versioned(original, expected_version, [])  # refuses a stale correction
    model.objects.filter(pk=original.pk).update(is_current=False)
    replacement = model.objects.create(
        corrects=original, correction_reason=reason.strip(), recorded_by=actor.user, **replacement_kwargs
    )
    history.record(
        original,
        HistoryEntry.Action.CHANGED,
        actor,
        {"is_current": [True, False]},
        note=f"Superseded: {reason.strip()}",
    )
    history.record(
        replacement,
        HistoryEntry.Action.CREATED,
        actor,
        {"rating": [original.rating, replacement.rating]},
        note=f"Correction: {reason.strip()}",
    )
    return replacement


@transaction.atomic
def assessment_correct(
    *, actor: Actor, assessment: Assessment, rating: str, rationale: str, reason: str,
    narrative: str | None = None, expected_version: int | None = None,
) -> Assessment:  # fmt: skip
    """Supersede an assessment of a published period with a recorded correction."""
    office_only(actor, assessment.workstream.programme)
    if not assessment.is_current:
        raise ValidationError({"rating": "This rating has already been superseded; correct the current one."})
    _check_rating(assessment.workstream.programme.scale, rating, rationale)
    kwargs = {
        "workstream": assessment.workstream, "period": assessment.period, "rating": rating,
        "rationale": rationale.strip(), "narrative": assessment.narrative if narrative is None else narrative.strip(),
        "assessed_by": assessment.assessed_by, "assessed_on": timezone.localdate(),
    }  # fmt: skip
    return _supersede(actor, assessment, kwargs, reason, expected_version)


@transaction.atomic
def overall_record(
    *, actor: Actor, programme: Programme, period: ReportingPeriod, rating: str, rationale: str = "",
    expected_version: int | None = None, correction_reason: str = "",
) -> ProgrammeAssessment:  # fmt: skip
    """The programme's overall rating for a period; a correction once the period is published."""
    office_only(actor, programme)
    _check_rating(programme.scale, rating, rationale)
    existing = ProgrammeAssessment.objects.filter(programme=programme, period=period, is_current=True).first()
    if existing is None:
        if period.is_published and not correction_reason:
            raise PeriodLocked(period)
        overall = ProgrammeAssessment.objects.create(
            programme=programme, period=period, rating=rating, rationale=rationale.strip(), recorded_by=actor.user
        )
        history.record(overall, HistoryEntry.Action.CREATED, actor, {"rating": [None, rating]})
        return overall
    if period.is_published:
        if not correction_reason:
            raise PeriodLocked(period)
        kwargs = {"programme": programme, "period": period, "rating": rating, "rationale": rationale.strip()}
        return _supersede(actor, existing, kwargs, correction_reason, expected_version)
    history.update(existing, actor, expected_version, {"rating": rating, "rationale": rationale.strip()}, OVERALL_FIELDS)
    return existing

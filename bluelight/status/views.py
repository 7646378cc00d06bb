from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from bluelight.core.history import Actor
from bluelight.core.pages import form_page
from bluelight.programmes.access import programme_for, require_admin, require_edit, workstream_for
from bluelight.status import selectors, services
from bluelight.status.evidence import suggested_rating
from bluelight.status.forms import AssessmentForm, CorrectionForm, OverallForm, PeriodForm
from bluelight.status.models import Assessment, ProgrammeAssessment


def _period(programme, label):
    return get_object_or_404(programme.periods, label=label)


def assessment_record(request, slug, key, label):
    access, workstream = workstream_for(request, slug, key)
    require_edit(access, workstream)
    period = _period(access.programme, label)
    current = Assessment.objects.filter(workstream=workstream, period=period, is_current=True).first()
    previous_period = selectors.previous_period(period)
    previous = (
        Assessment.objects.filter(workstream=workstream, period=previous_period, is_current=True).first()
        if previous_period
        else None
    )
    # Version 0: the form was opened when there was no rating, so a rating saved meanwhile makes it stale.
    initial = {"assessed_by": workstream.business_lead, "version": 0}
    if current:
        initial = {f: getattr(current, f) for f in ("rating", "rationale", "narrative", "assessed_by", "assessed_on")}
        initial["version"] = current.version
        initial["departure_reason"] = current.departure_reason
    suggestion = None if period.is_published else suggested_rating(workstream, period.ends_on)
    return form_page(
        request,
        AssessmentForm(request.POST or None, scale=access.programme.scale, initial=initial, suggestion=suggestion),
        lambda data: services.assessment_record(
            actor=Actor(request.user),
            workstream=workstream,
            period=period,
            rating=data["rating"],
            rationale=data["rationale"],
            narrative=data["narrative"],
            assessed_by=data["assessed_by"],
            assessed_on=data["assessed_on"],
            expected_version=data["version"],
            departure_reason=data.get("departure_reason", ""),
        ),  # fmt: skip
        template="status/assessment_form.html",
        context={
            "programme": access.programme,
            "workstream": workstream,
            "period": period,
            "current": current,
            "previous": previous,
            "previous_period": previous_period,
            "suggestion": suggestion,
        },  # fmt: skip
        done=f"{period.label} rating recorded for {workstream.title}",
        next_url=reverse("workstream-detail", args=[slug, key]),
    )


def assessment_correct(request, slug, key, label):
    access, workstream = workstream_for(request, slug, key)
    require_admin(access)
    period = _period(access.programme, label)
    current = get_object_or_404(Assessment, workstream=workstream, period=period, is_current=True)
    initial = {"rating": current.rating, "rationale": current.rationale, "version": current.version}
    return form_page(
        request,
        CorrectionForm(request.POST or None, scale=access.programme.scale, initial=initial),
        lambda data: services.assessment_correct(
            actor=Actor(request.user),
            assessment=current,
            rating=data["rating"],
            rationale=data["rationale"],
            reason=data["correction_reason"],
            expected_version=data["version"],
        ),  # fmt: skip
        template="status/correction_form.html",
        context={"programme": access.programme, "workstream": workstream, "period": period, "current": current},
        done=f"Correction recorded for {workstream.title}, {period.label}",
        next_url=reverse("workstream-detail", args=[slug, key]),
    )


def period_list(request, slug):
    access = programme_for(request, slug)
    periods = selectors.periods_of(access.programme)
    return render(
        request, "status/period_list.html", {"access": access, "programme": access.programme, "periods": periods}
    )


def period_create(request, slug):
    access = programme_for(request, slug)
    require_admin(access)
    return form_page(
        request,
        PeriodForm(request.POST or None, initial={"cadence": "annual"}),
        lambda data: services.period_create(actor=Actor(request.user), programme=access.programme, **data),
        template="status/period_form.html",
        context={"programme": access.programme},
        done=lambda period: f"Reporting period {period.label} added",
        next_url=reverse("period-list", args=[slug]),
    )


@require_POST
def period_publish(request, slug, label):
    access = programme_for(request, slug)
    require_admin(access)
    period = _period(access.programme, label)
    services.period_publish(actor=Actor(request.user), period=period)
    messages.success(request, f"Reporting period {period.label} published: its ratings are now locked")
    return redirect("period-list", slug=slug)


def overall_record(request, slug, label):
    access = programme_for(request, slug)
    require_admin(access)
    period = _period(access.programme, label)
    current = ProgrammeAssessment.objects.filter(programme=access.programme, period=period, is_current=True).first()
    initial = {"rating": current.rating, "rationale": current.rationale, "version": current.version} if current else {}
    form = OverallForm(
        request.POST or None, scale=access.programme.scale, published=period.is_published, initial=initial
    )
    return form_page(
        request,
        form,
        lambda data: services.overall_record(
            actor=Actor(request.user),
            programme=access.programme,
            period=period,
            rating=data["rating"],
            rationale=data["rationale"],
            expected_version=data["version"],
            correction_reason=data.get("correction_reason", ""),
        ),  # fmt: skip
        template="status/overall_form.html",
        context={"programme": access.programme, "period": period, "current": current},
        done=f"Overall rating for {period.label} recorded",
        next_url=f"{reverse('programme-dashboard', args=[slug])}?period={period.label}",
    )

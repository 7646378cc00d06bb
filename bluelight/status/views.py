from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from bluelight.core.forms import form_status, run_service
from bluelight.core.history import Actor
from bluelight.programmes.access import programme_for, require_admin, require_edit, workstream_for
from bluelight.status import selectors, services
from bluelight.status.forms import AssessmentForm, CorrectionForm, OverallForm, PeriodForm
from bluelight.status.models import Assessment, ProgrammeAssessment


def _period(programme, label):
    return get_object_or_404(programme.periods, label=label)


def assessment_record(request, slug, key, label):
    access, workstream = workstream_for(request, slug, key)
    require_edit(request, access, workstream)
    period = _period(access.programme, label)
    current = Assessment.objects.filter(workstream=workstream, period=period, is_current=True).first()
    previous_period = selectors.previous_period(period)
    previous = (
        Assessment.objects.filter(workstream=workstream, period=previous_period, is_current=True).first()
        if previous_period
        else None
    )
    initial = {"assessed_by": workstream.business_lead}
    if current:
        initial = {f: getattr(current, f) for f in ("rating", "rationale", "narrative", "assessed_by", "assessed_on")}
        initial["version"] = current.version
    form = AssessmentForm(request.POST or None, scale=access.programme.scale, initial=initial)
    refused = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        refused = run_service(
            form,
            lambda: services.assessment_record(
                actor=Actor(request.user),
                workstream=workstream,
                period=period,
                rating=data["rating"],
                rationale=data["rationale"],
                narrative=data["narrative"],
                assessed_by=data["assessed_by"],
                assessed_on=data["assessed_on"],
                expected_version=data["version"],
            ),  # fmt: skip
        )
        if refused is None:
            messages.success(request, f"{period.label} rating recorded for {workstream.title}")
            return redirect("workstream-detail", slug=slug, key=key)
    return render(
        request,
        "status/assessment_form.html",
        {"form": form, "programme": access.programme, "workstream": workstream, "period": period,
         "current": current, "previous": previous, "previous_period": previous_period},
        status=form_status(form, refused),
    )  # fmt: skip


def assessment_correct(request, slug, key, label):
    access, workstream = workstream_for(request, slug, key)
    require_admin(access)
    period = _period(access.programme, label)
    current = get_object_or_404(Assessment, workstream=workstream, period=period, is_current=True)
    form = CorrectionForm(
        request.POST or None,
        scale=access.programme.scale,
        initial={"rating": current.rating, "rationale": current.rationale, "version": current.version},
    )
    refused = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        refused = run_service(
            form,
            lambda: services.assessment_correct(
                actor=Actor(request.user),
                assessment=current,
                rating=data["rating"],
                rationale=data["rationale"],
                reason=data["correction_reason"],
                expected_version=data["version"],
            ),  # fmt: skip
        )
        if refused is None:
            messages.success(request, f"Correction recorded for {workstream.title}, {period.label}")
            return redirect("workstream-detail", slug=slug, key=key)
    return render(
        request,
        "status/correction_form.html",
        {"form": form, "programme": access.programme, "workstream": workstream, "period": period, "current": current},
        status=form_status(form, refused),
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
    form = PeriodForm(request.POST or None, initial={"cadence": "annual"})
    refused = None
    if request.method == "POST" and form.is_valid():
        created = []
        refused = run_service(
            form,
            lambda: created.append(
                services.period_create(actor=Actor(request.user), programme=access.programme, **form.cleaned_data)
            ),
        )
        if refused is None:
            messages.success(request, f"Reporting period {created[0].label} added")
            return redirect("period-list", slug=slug)
    return render(
        request,
        "status/period_form.html",
        {"form": form, "programme": access.programme},
        status=form_status(form, refused),
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
    refused = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        refused = run_service(
            form,
            lambda: services.overall_record(
                actor=Actor(request.user),
                programme=access.programme,
                period=period,
                rating=data["rating"],
                rationale=data["rationale"],
                expected_version=data["version"],
                correction_reason=data.get("correction_reason", ""),
            ),  # fmt: skip
        )
        if refused is None:
            messages.success(request, f"Overall rating for {period.label} recorded")
            return redirect(f"/programmes/{slug}/?period={period.label}")
    return render(
        request,
        "status/overall_form.html",
        {"form": form, "programme": access.programme, "period": period, "current": current},
        status=form_status(form, refused),
    )

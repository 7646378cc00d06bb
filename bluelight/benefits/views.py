from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from bluelight.benefits import lines, services
from bluelight.benefits.dashboard import dashboard
from bluelight.benefits.forms import ActualForm, SignOffForm
from bluelight.benefits.models import Benefit, BenefitActual
from bluelight.benefits.valuation import gmca
from bluelight.core import history
from bluelight.core.history import Actor, StaleEdit
from bluelight.core.pages import form_page
from bluelight.core.templatetags.bluelight import pounds
from bluelight.core.years import label
from bluelight.programmes.access import programme_for, require_admin, visible_or_404
from bluelight.reports.charts import Series, line_chart


def benefits_dashboard(request, slug):
    access = programme_for(request, slug)
    programme = access.programme
    try:
        shown = dashboard(programme, access.scope, request.GET)
    except lines.NotConfigured as error:
        return render(request, "benefits/not_configured.html", {"programme": programme, "message": str(error)})
    config = shown.summary.settings
    chart = line_chart(
        f"Cumulative profiled benefits against the {config.target:,.0f} pound target",
        "Cumulative benefits by financial year, with the target as a dashed line. The same figures are in the table.",
        [Series("Cumulative profile", [(year, float(p.cumulative)) for year, p in shown.points])],
        target=float(config.target),
        target_label=f"Target £{config.target / 1_000_000:.1f}m",
    )
    chance = shown.chance
    return render(request, "benefits/dashboard.html", {
        "access": access, "programme": programme, "summary": shown.summary, "status": shown.summary.status,
        "config": config, "points": shown.points, "chart": chart, "chance": chance.of_target, "draws": chance.draws,
        "p10": chance.p10, "p50": chance.p50, "p90": chance.p90, "rows": shown.rows, "wanted": shown.wanted,
        "options": shown.options, "by_gainer": shown.by_gainer, "by_payer": shown.by_payer,
        "by_grade": shown.by_grade, "by_section": shown.by_section,
    })  # fmt: skip


def benefit_detail(request, slug, key):
    access = programme_for(request, slug)
    programme = access.programme
    benefit = visible_or_404(access, lines.benefits_of(programme), key=key)
    method = lines.Method.of(programme)
    line = lines.benefit_lines(programme, [benefit], method)[0]
    profile = [
        {
            "year": label(row.year),
            "inputs": (row.low, row.central, row.high),
            "low": line.low[row.year],
            "central": line.central[row.year],
            "high": line.high[row.year],
            "counted": line.value(row.year),
            "actual": line.is_actual(row.year),
        }  # fmt: skip
        for row in benefit.years.all()
    ]
    working = None
    if benefit.method == Benefit.Method.VOLUME and benefit.years.all():
        first, unit = benefit.years.all()[0], method.unit_cost(benefit)
        working = {
            "year": label(first.year),
            "steps": gmca.working(first.central, unit, method.adjustments(benefit)),
            "unit": unit,
        }
    actual_years = [(y.year, label(y.year)) for y in benefit.years.all()]
    form = ActualForm(years=actual_years)
    return render(
        request,
        "benefits/benefit_detail.html",
        {
            "access": access,
            "programme": programme,
            "benefit": benefit,
            "profile": profile,
            "working": working,
            "line": line,
            "form": form,
            "actuals": benefit.actuals.all(),
            "timeline": history.history_of(benefit)[:30],
            "price_base": label(method.base_year),
            "price_year": label(benefit.unit_cost.price_year if benefit.unit_cost else benefit.price_year),
            "real_terms": _real_terms(method, benefit),
        },  # fmt: skip
    )


def _plain(number: Decimal) -> str:
    """An index as published: 80.000000 -> 80, 83.146000 -> 83.146."""
    return format(number.normalize(), "f")


def _real_terms(method: lines.Method, benefit: Benefit) -> dict:
    """How this benefit's values reach the price base: the series, its release and the two indices."""
    price_year = benefit.unit_cost.price_year if benefit.unit_cost_id else benefit.price_year
    if price_year == method.base_year:
        return {"series": method.series.published, "restated": False, "price_year": label(price_year)}
    index = method.series.index
    return {
        "series": method.series.published, "restated": True, "price_year": label(price_year),
        "from_index": _plain(index[price_year]), "to_index": _plain(index[method.base_year]),
    }  # fmt: skip


def actual_record(request, slug, key):
    access = programme_for(request, slug)
    benefit = visible_or_404(access, lines.benefits_of(access.programme), key=key)
    require_admin(access)
    return form_page(
        request,
        ActualForm(request.POST or None, years=[(y.year, label(y.year)) for y in benefit.years.all()]),
        lambda data: services.actual_record(actor=Actor(request.user), benefit=benefit, **data),
        template="benefits/actual_form.html",
        context={"programme": access.programme, "benefit": benefit},
        done=lambda actual: f"Actual for {label(actual.year)} entered: sign it off to count it",
        next_url=reverse("benefit-detail", args=[slug, key]),
    )


def actual_sign_off(request, slug, key, year):
    """A confirmation step: what is being signed off, who entered it, then the button."""
    access = programme_for(request, slug)
    actual = visible_or_404(
        access, BenefitActual.objects.filter(benefit__workstream__programme=access.programme).select_related(
            "benefit", "entered_by"), benefit__key=key, year=year,
    )  # fmt: skip
    require_admin(access)
    form = SignOffForm(request.POST or None, initial={"version": actual.version})
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.actual_sign_off(actor=Actor(request.user), actual=actual, expected_version=form.cleaned_data["version"] or 0)
        except StaleEdit as stale:
            messages.error(request, f"{stale} The actual is now {pounds(actual.amount)}: check it, then sign it off.")
            return redirect("actual-sign-off", slug=slug, key=key, year=year)
        except ValidationError as refused:
            form.apply_service_errors(refused)
            status = 400
        else:
            messages.success(request, f"{label(year)} actual signed off: it now replaces the forecast in every total")
            return redirect("benefit-detail", slug=slug, key=key)
    own = access.programme.two_person_sign_off and actual.entered_by_id == request.user.pk
    return render(request, "benefits/actual_sign_off.html", {
        "programme": access.programme, "benefit": actual.benefit, "actual": actual, "form": form, "own": own,
    }, status=status)  # fmt: skip

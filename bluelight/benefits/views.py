from decimal import Decimal

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from bluelight.benefits import selectors, services
from bluelight.benefits.forms import ActualForm
from bluelight.benefits.models import Benefit, BenefitActual
from bluelight.benefits.valuation import gmca
from bluelight.benefits.valuation.profile import cumulative_profile, totals_by, totals_by_gainer, totals_by_payer
from bluelight.benefits.valuation.years import label
from bluelight.core import history
from bluelight.core.history import Actor, StaleEdit
from bluelight.core.pages import form_page
from bluelight.core.templatetags.bluelight import pounds
from bluelight.programmes.access import programme_for, require_admin, visible_or_404
from bluelight.reports.charts import Series, line_chart

FILTERS = ("section", "type", "status", "organisation")
SIMULATION_DRAWS = 20_000


def _table(groups: dict[str, Decimal]) -> list[tuple[str, Decimal]]:
    return sorted(groups.items(), key=lambda item: (-item[1], item[0]))


def _matches(line, wanted: dict[str, str]) -> bool:
    for name, value in wanted.items():
        if name == "organisation":
            if value not in line.gainers:
                return False
        elif line.attributes.get(name) != value:
            return False
    return True


def benefits_dashboard(request, slug):
    access = programme_for(request, slug)
    programme = access.programme
    try:
        result = selectors.summary(programme, access.scope)
    except selectors.NotConfigured as error:
        return render(request, "benefits/not_configured.html", {"programme": programme, "message": str(error)})
    config = result.settings
    years = list(range(programme.cycle_start_year, programme.cycle_end_year + 1))
    points = cumulative_profile(result.lines, years)
    chart = line_chart(
        f"Cumulative profiled benefits against the {config.target:,.0f} pound target",
        "Cumulative benefits by financial year, with the target as a dashed line. The same figures are in the table.",
        [Series("Cumulative profile", [(label(p.year), float(p.cumulative)) for p in points])],
        target=float(config.target),
        target_label=f"Target £{config.target / 1_000_000:.1f}m",
    )
    simulation = selectors.simulation(programme, draws=SIMULATION_DRAWS, seed=1, lines=result.lines)
    chance = simulation.probability_at_least(float(config.target))
    wanted = {name: request.GET[name] for name in FILTERS if request.GET.get(name)}
    rows = [(b, line) for b, line in zip(result.benefits, result.lines, strict=True) if _matches(line, wanted)]
    options = {
        "section": sorted({line.attributes["section"] for line in result.lines}),
        "type": sorted({line.attributes["type"] for line in result.lines}),
        "status": sorted({line.attributes["status"] for line in result.lines}),
        "organisation": sorted({code for line in result.lines for code in line.gainers}),
    }
    return render(
        request,
        "benefits/dashboard.html",
        {
            "access": access,
            "programme": programme,
            "summary": result,
            "status": result.status,
            "config": config,
            "points": [(label(p.year), p) for p in points],
            "chart": chart,
            "simulation": simulation,
            "chance": chance,
            "rows": rows,
            "wanted": wanted,
            "options": options,
            "draws": SIMULATION_DRAWS,
            "p10": round(simulation.p10),
            "p50": round(simulation.p50),
            "p90": round(simulation.p90),
            "by_gainer": _table(totals_by_gainer(result.lines)),
            "by_payer": _table(totals_by_payer(result.lines)),
            "by_grade": sorted(totals_by(result.lines, "grade").items()),
            "by_section": _table(totals_by(result.lines, "section")),
        },  # fmt: skip
    )


def benefit_detail(request, slug, key):
    access = programme_for(request, slug)
    programme = access.programme
    benefit = visible_or_404(access, selectors.benefits_of(programme), key=key)
    method = selectors.Method.of(programme)
    line = selectors.benefit_lines(programme, [benefit], method)[0]
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


def _real_terms(method: selectors.Method, benefit: Benefit) -> dict:
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
    benefit = visible_or_404(access, selectors.benefits_of(access.programme), key=key)
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


@require_POST
def actual_sign_off(request, slug, key, year):
    access = programme_for(request, slug)
    actual = visible_or_404(
        access, BenefitActual.objects.filter(benefit__workstream__programme=access.programme), benefit__key=key, year=year
    )
    require_admin(access)
    try:
        seen = int(request.POST.get("version", ""))
    except ValueError:
        seen = 0  # a form without the version it was opened on cannot say what it signs
    try:
        services.actual_sign_off(actor=Actor(request.user), actual=actual, expected_version=seen)
    except StaleEdit as stale:
        messages.error(request, f"{stale} The actual is now {pounds(actual.amount)}: check it, then sign it off.")
        return redirect("benefit-detail", slug=slug, key=key)
    messages.success(request, f"{label(year)} actual signed off: it now replaces the forecast in every total")
    return redirect("benefit-detail", slug=slug, key=key)

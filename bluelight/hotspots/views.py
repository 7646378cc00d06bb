"""Pages for hotspot maps: the programme's analyses, starting one (a background task with progress),
its map with the tables beside it, downloads, a grant spread by need, and attaching it as evidence."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from bluelight.core import versions
from bluelight.core.history import Actor
from bluelight.core.pages import form_page
from bluelight.evidence import services
from bluelight.evidence import views as shared
from bluelight.evidence.models import Analysis
from bluelight.hotspots import downloads, drawing
from bluelight.hotspots.engine.grant import allocate
from bluelight.hotspots.forms import AnalysisForm, GrantForm
from bluelight.programmes.access import programme_for, require_admin

KIND = Analysis.Kind.HOTSPOTS
MOST_HOT_CELLS_SHOWN = 200


def analysis_list(request, slug):
    return shared.analysis_list(request, slug, KIND, "hotspots/list.html")


def _parameters(data: dict) -> dict:
    return {"cell_size": data["cell_size"], "fdr": True, "units": data["units"],
            "crime_types": [t.strip() for t in data["crime_types"].splitlines() if t.strip()],
            "first_month": data["first_month"], "last_month": data["last_month"]}  # fmt: skip


def analysis_start(request, slug):
    access = programme_for(request, slug)
    require_admin(access)

    def start(data):
        upload = data["data"]
        return services.analysis_start(actor=Actor(request.user), programme=access.programme, kind=KIND,
                                       title=data["title"], uploads=[(upload.name, upload.read())],
                                       parameters=_parameters(data))  # fmt: skip

    return form_page(
        request, AnalysisForm(request.POST or None, request.FILES or None), start,
        template="governance/form.html",
        context={"programme": access.programme, "heading": "Map hot spots", "caption": access.programme.name,
                 "back": reverse("hotspot-list", args=[slug]), "button": "Start the analysis",
                 "intro": "Bluelight counts the crimes or incidents in square cells and finds where they cluster "
                          "more (hot spots) or less (cold spots) than chance would give, month by month. A bad "
                          "file is refused with its row and reason. The next page shows progress."},
        done="The analysis has started", next_url=lambda a: reverse("hotspot-detail", args=[slug, a.pk]),
    )  # fmt: skip


def _analysis(request, slug, pk):
    return shared.analysis_of(request, slug, pk, KIND)


def _map(analysis: Analysis) -> str:
    return versions.cached("hotspot-map", (analysis.pk, analysis.version),
                           lambda: drawing.map_svg(analysis.result, analysis.title), area="evidence")  # fmt: skip


def _grant(request, result):
    if "grant" not in request.GET:
        return GrantForm(), None, None
    form = GrantForm(request.GET)
    if not form.is_valid():
        return form, None, None
    measure = form.cleaned_data["measure"]
    need = {d["district"]: d[measure] for d in result["districts"]}
    try:
        shares = allocate(form.cleaned_data["grant"], need, form.cleaned_data["floor"] or 0)
    except ValueError as error:
        form.add_error("grant", str(error))
        return form, None, None
    return form, shares, sum(s.pounds for s in shares)


def analysis_detail(request, slug, pk, attach_form=None):
    access, analysis = _analysis(request, slug, pk)
    context = shared.base_context(access, analysis, attach_form)
    result = context["result"]
    if result:
        hot = sorted((c for c in result["cells"] if c["level"] > 0), key=lambda c: (-c["z"], c["row"], c["column"]))
        grant_form, shares, granted = _grant(request, result)
        context |= {
            "map": _map(analysis), "hot_cells": hot[:MOST_HOT_CELLS_SHOWN], "hot_count": len(hot),
            "cold_count": sum(1 for c in result["cells"] if c["level"] < 0),
            "legend": [(k, drawing.swatch_svg(k.level)) for k in drawing.KEYS],
            "grant_form": grant_form, "shares": shares, "granted": granted,
        }  # fmt: skip
    status = 400 if attach_form is not None or (context.get("grant_form") and context["grant_form"].errors) else 200
    return render(request, "hotspots/detail.html", context, status=status)


def analysis_progress(request, slug, pk):
    return shared.analysis_progress(request, slug, pk, KIND)


@require_POST
def analysis_attach(request, slug, pk):
    return shared.analysis_attach(request, slug, pk, KIND, analysis_detail, "hotspot-detail")


def analysis_download(request, slug, pk, extension):
    _, analysis = _analysis(request, slug, pk)
    if analysis.status != Analysis.Status.DONE:
        raise Http404("The analysis has not finished")
    marking = analysis.marking
    name = f"{slugify(analysis.title)}-{timezone.localdate():%Y-%m-%d}-{marking.lower()}.{extension}"
    if extension == "csv":
        response = HttpResponse(downloads.cells_csv(analysis.result, marking), content_type="text/csv; charset=utf-8")
    elif extension == "geojson":
        body = downloads.cells_geojson(analysis.result, analysis.title, marking)
        response = HttpResponse(body, content_type="application/geo+json")
    elif extension == "png":
        response = HttpResponse(drawing.map_png(analysis.result, f"{analysis.title} ({marking})"), content_type="image/png")
    else:
        raise Http404("No such download")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

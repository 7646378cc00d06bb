"""Pages for inter-service demand: the log summarised (a financial year or the whole log, a type), an
extract loaded with its column mapping, and one request's side written by its own service."""

from __future__ import annotations

import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from bluelight.core.history import Actor
from bluelight.core.pages import form_page
from bluelight.core.years import label
from bluelight.demand import selectors, services
from bluelight.demand.forms import LoadForm, ReceivingSideForm, RequestingSideForm
from bluelight.demand.models import Feed, Issue, RequestType, ServiceRequest, Source
from bluelight.demand.services.requests import sides_of
from bluelight.programmes.access import programme_for, require_admin
from bluelight.reports.charts import bar_chart


def _choice(request, name: str, allowed) -> str | None:
    value = request.GET.get(name) or None
    return value if value in allowed else None


def demand_home(request, slug):
    access = programme_for(request, slug)
    programme = access.programme
    years = list(range(programme.cycle_start_year - 2, programme.cycle_end_year + 1))
    year = _choice(request, "year", [str(y) for y in years])
    type_ = _choice(request, "type", RequestType.values)
    found = selectors.summary(programme, type_=type_, year=int(year) if year else None)
    months = list(found["by_month"].items())
    return render(request, "demand/home.html", {
        "access": access, "programme": programme, "summary": found, "year": year, "type": type_,
        "years": [(str(y), label(y)) for y in years], "types": RequestType.choices,
        "chart": bar_chart(months[-24:], f"Requests by month, {found['window']}", "requests") if months else "",
        "months": months, "issues": Issue.objects.filter(programme=programme).select_related("raised_by"),
        "sources": Source.objects.filter(programme=programme),
        "feeds": Feed.objects.filter(benefit__workstream__programme=programme).select_related("benefit", "unit_cost"),
        "latest": ServiceRequest.objects.filter(programme=programme).select_related(
            "requesting", "receiving").order_by("-requested_at")[:20],
    })  # fmt: skip


def demand_load(request, slug):
    access = programme_for(request, slug)
    require_admin(access)
    known = Source.objects.filter(programme=access.programme, name=request.POST.get("source", "")).first()
    form = LoadForm(request.POST or None, request.FILES or None, mapping=known.mapping if known else None)

    def load(data):
        actor = Actor(request.user)
        source = services.source_for(actor=actor, programme=access.programme, name=data["source"], mapping=form.mapping())
        text = data["extract"].read().decode("utf-8-sig", errors="strict")
        return services.load(actor=actor, programme=access.programme, source=source,
                             open_text=lambda: io.StringIO(text, newline=""))  # fmt: skip

    return form_page(
        request, form, load, template="governance/form.html",
        context={"programme": access.programme, "heading": "Load requests between services",
                 "caption": access.programme.name, "back": reverse("demand-home", args=[slug]), "button": "Load",
                 "intro": "A CSV extract from a control-room system. The whole file is checked first: a bad row is "
                          "refused with its row and reason and nothing is stored. Loading the same file again "
                          "changes nothing; a changed row updates its request. Name the columns as your system "
                          "does. For very large extracts use the command line, which shows progress: "
                          "bluelight demand load."},
        done=lambda loaded: f"Loaded: {loaded.words()}", next_url=reverse("demand-home", args=[slug]),
    )  # fmt: skip


def request_edit(request, slug, pk):
    """A request's side, for the service whose side it is (both for the programme office)."""
    access = programme_for(request, slug)
    found = get_object_or_404(ServiceRequest.objects.select_related("requesting", "receiving"),
                              programme=access.programme, pk=pk)  # fmt: skip
    actor = Actor(request.user)
    sides = sides_of(actor, access.programme, found.requesting_id, found.receiving_id)
    forms = {}
    if "requesting" in sides:
        forms["requesting"] = RequestingSideForm(request.POST or None, prefix="requesting",
                                                 initial={"type": found.type, "requested_at": found.requested_at})  # fmt: skip
    if "receiving" in sides:
        initial = {f: getattr(found, f) for f in ReceivingSideForm.base_fields}
        forms["receiving"] = ReceivingSideForm(request.POST or None, prefix="receiving", initial=initial)
    status = 200
    if request.method == "POST":
        if all(f.is_valid() for f in forms.values()):
            fields = {k: v for f in forms.values() for k, v in f.cleaned_data.items()}
            try:
                services.request_write(actor=actor, programme=access.programme, requesting=found.requesting,
                                       reference=found.requesting_reference, fields=fields)  # fmt: skip
                messages.success(request, f"Request {found} saved")
                return redirect("demand-home", slug)
            except ValidationError as refusal:
                for field, problems in refusal.message_dict.items():
                    for f in forms.values():
                        if field in f.fields:
                            f.add_error(field, problems)
        status = 400
    return render(request, "demand/request.html", {"programme": access.programme, "found": found, "forms": forms},
                  status=status)  # fmt: skip

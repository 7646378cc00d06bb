"""The library's pages: search with facets, an entry, areas by count, adopt, publish and approve."""

from __future__ import annotations

import difflib

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from bluelight.core.access import refuse
from bluelight.core.history import Actor
from bluelight.core.pages import form_page
from bluelight.practice import adoption, selectors, services
from bluelight.practice.extraction.names import SERVICE_LABELS
from bluelight.practice.forms import AdoptForm, PublishForm
from bluelight.practice.models import Entry
from bluelight.programmes import rules
from bluelight.programmes.access import programme_for, require_admin, require_edit, workstream_for
from bluelight.programmes.selectors import administered_programmes, role_in, visible_programmes
from bluelight.reports.charts import bar_chart

PER_PAGE = 20


def library(request):
    query = request.GET.get("q", "").strip()[:200]
    filters = {name: request.GET.getlist(name) for name in selectors.FACETS if request.GET.getlist(name)}
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    results = selectors.search(query, filters=filters, page=min(page, 10_000), per_page=PER_PAGE)
    base = request.GET.copy()
    base.pop("page", None)
    return render(request, "practice/library.html", {
        "results": results, "query": query, "query_string": base.urlencode(),
        "facet_groups": [(name, label, results.facets.get(name, [])) for name, label in selectors.FACETS.items()],
        "first_rank": (results.page - 1) * results.per_page + 1,
        "suggestions": _suggestions(query) if query and not results.total else [],
        "awaiting": Entry.objects.filter(
            state=Entry.State.AWAITING_APPROVAL, workstream__programme__in=administered_programmes(request.user)
        ),
    })  # fmt: skip


def _suggestions(query: str) -> list[str]:
    """When nothing matches: words of the published titles that are spelt like the ones asked for."""
    vocabulary = set()
    for title in Entry.objects.filter(state=Entry.State.PUBLISHED).values_list("title", flat=True).iterator():
        vocabulary.update(word.strip(",.:;()‘’“”").lower() for word in title.split() if len(word) > 3)
    found = []
    for word in query.lower().split():
        found += [w for w in difflib.get_close_matches(word, vocabulary, n=2, cutoff=0.7) if w not in found]
    return found[:3]


def _entry_for(request, key: str) -> Entry:
    entry = get_object_or_404(Entry.objects.select_related("parent", "workstream__programme"), key=key)
    if entry.state == Entry.State.PUBLISHED:
        return entry
    # Awaiting approval: seen only by its programme's members, as the programme's own records are.
    if not entry.workstream or not visible_programmes(request.user).filter(pk=entry.workstream.programme_id).exists():
        raise Http404("No such library entry")
    return entry


def entry_detail(request, key: str):
    entry = _entry_for(request, key)
    programmes = visible_programmes(request.user)
    adoptions = entry.adoptions.select_related("programme", "workstream")
    shown = [a for a in adoptions if a.programme in programmes]
    can_approve = (
        entry.state == Entry.State.AWAITING_APPROVAL and entry.workstream
        and rules.can_administer(role_in(request.user, entry.workstream.programme))
    )  # fmt: skip
    content = entry.content
    return render(request, "practice/entry_detail.html", {
        "entry": entry, "content": content, "similar": selectors.more_like_this(entry),
        "adoptions": shown, "other_adoptions": len(adoptions) - len(shown),
        "can_adopt": entry.state == Entry.State.PUBLISHED and administered_programmes(request.user).exists(),
        "can_approve": can_approve, "children": entry.children.filter(state=Entry.State.PUBLISHED),
        "services": [SERVICE_LABELS.get(s, s) for s in entry.services],
        "benefit_figures": [f for f in content.get("figures", []) if f["part"] == "benefits"],
        "other_figures": [f for f in content.get("figures", []) if f["part"] != "benefits"],
        "source": adoption.SOURCE,
    })  # fmt: skip


def areas(request):
    counts = selectors.area_counts()
    chart = bar_chart(counts, title="Library entries by area", unit="entries") if counts else ""
    return render(request, "practice/areas.html", {"counts": counts, "chart": chart})


def adopt_choose(request, key: str):
    entry = _entry_for(request, key)
    administered = list(administered_programmes(request.user))
    if not administered:
        raise PermissionDenied("Only a programme office can adopt a library entry as a workstream.")
    if len(administered) == 1:
        return redirect("practice-adopt", key=entry.key, slug=administered[0].slug)
    return render(request, "practice/adopt_choose.html", {"entry": entry, "programmes": administered})


def adopt(request, key: str, slug: str):
    entry = _entry_for(request, key)
    access = programme_for(request, slug)
    require_admin(access)
    programme = access.programme
    kinds = set(entry.services)
    initial = {
        "title": entry.title, "key": entry.key[:60].rstrip("-"),
        "description": "\n\n".join(filter(None, [entry.summary, adoption.citation(entry)])),
        "partner_organisations": [o.pk for o in programme.partners.all() if o.kind in kinds],
        "lead_organisation": request.user.organisation_id,
    }  # fmt: skip
    form = AdoptForm(request.POST or None, programme=programme, entry=entry, initial=initial)
    form.fields["benefits"].initial = [value for value, _ in form.fields["benefits"].choices]

    def save(data):
        return services.entry_adopt(
            actor=Actor(request.user), entry=entry, programme=programme, section=data["section"],
            lead_organisation=data["lead_organisation"], key=data["key"], title=data["title"],
            description=data["description"], partner_organisations=data["partner_organisations"],
            benefit_numbers=[int(n) for n in data["benefits"]],
        )  # fmt: skip

    return form_page(
        request, form, save, template="practice/adopt_form.html",
        context={"entry": entry, "programme": programme},
        done=lambda w: f"Draft workstream {w.title} created from the library",
        next_url=lambda w: reverse("workstream-detail", args=[programme.slug, w.key]),
    )  # fmt: skip


def publish(request, slug: str, key: str):
    access, workstream = workstream_for(request, slug, key)
    require_edit(access, workstream)
    sections = Entry.objects.order_by("section_number").values_list("section", flat=True).distinct()
    form = PublishForm(request.POST or None, sections=list(dict.fromkeys(sections)))
    return form_page(
        request, form,
        lambda data: services.entry_propose(actor=Actor(request.user), workstream=workstream, **data),
        template="practice/publish_form.html", context={"workstream": workstream, "programme": access.programme},
        done="Sent to the programme office to approve for the library",
        next_url=lambda entry: reverse("practice-entry", args=[entry.key]),
    )  # fmt: skip


@require_POST
def approve(request, key: str):
    entry = get_object_or_404(Entry.objects.select_related("workstream__programme"), key=key)
    if not entry.workstream:
        raise Http404("No such library entry")
    access = programme_for(request, entry.workstream.programme.slug)
    if not access.can_administer:
        refuse(403, "Only the programme office can approve a library entry.")
    services.entry_approve(actor=Actor(request.user), entry=entry)
    messages.success(request, f"{entry.title} is published in the practice library")
    return redirect("practice-entry", key=entry.key)

"""Reading the library: search with facets, more like this, and areas by count."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.expressions import RawSQL

from bluelight.core import versions
from bluelight.practice.extraction.categories import CATEGORY_LABELS
from bluelight.practice.extraction.names import SERVICE_LABELS, canonical_area
from bluelight.practice.models import Entry, EntryFacet
from bluelight.practice.search import backend
from bluelight.practice.search.query import distinctive_terms, terms

FACETS = {
    "section": "Section", "area": "Area", "service": "Service type", "status": "Status",
    "category": "Benefit category", "quantified": "Has quantified benefits",
}  # fmt: skip
STATUS_LABELS = dict(Entry.Status.choices)
QUANTIFIED_LABELS = {"yes": "Yes", "no": "No"}


def facet_label(facet: str, value: str) -> str:
    labels = {"service": SERVICE_LABELS, "status": STATUS_LABELS, "category": CATEGORY_LABELS,
              "quantified": QUANTIFIED_LABELS}.get(facet, {})  # fmt: skip
    return labels.get(value, value)


@dataclass
class Hit:
    entry: Entry
    score: float | None


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Results:
    query: str
    words: list[str]
    filters: dict
    total: int
    hits: list[Hit]
    page: int
    per_page: int
    any_word: bool = False  # no entry had every word, so these have any of them
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def as_dict(self) -> dict:
        return {
            "query": self.query, "words": self.words, "filters": self.filters, "total": self.total,
            "matched_on": "any word" if self.any_word else "every word", "page": self.page,
            "results": [{
                "rank": (self.page - 1) * self.per_page + number, "key": h.entry.key, "title": h.entry.title,
                "section": h.entry.section, "status": h.entry.status, "areas": h.entry.areas,
                "summary": h.entry.summary, "figures": h.entry.figure_count,
                "score": round(h.score, 6) if h.score is not None else None,
            } for number, h in enumerate(self.hits, start=1)],
            "facets": {name: {v.value: v.count for v in values} for name, values in self.facets.items()},
        }  # fmt: skip


def published():
    return Entry.objects.filter(state=Entry.State.PUBLISHED)


def _filtered(filters: dict):
    entries = published()
    for facet, values in filters.items():
        values = [canonical_area(v) if facet == "area" else v for v in values if v]
        if facet in FACETS and values:
            entries = entries.filter(pk__in=EntryFacet.objects.filter(facet=facet, value__in=values).values("entry"))
    return entries


def _sql(queryset) -> tuple[str, list]:
    sql, params = queryset.values("pk").query.sql_with_params()
    return sql, list(params)


def _hits(ranked: list[tuple[int, float]]) -> list[Hit]:
    by_id = Entry.objects.in_bulk([pk for pk, _ in ranked])
    return [Hit(by_id[pk], score) for pk, score in ranked]


def search(query: str, *, filters: dict | None = None, page: int = 1, per_page: int = 20, facets: bool = True):
    """The published entries matching `query` and `filters`, ranked, with facet counts; kept in the cache
    per version of the library (the same for everyone: only published entries are searched)."""
    filters = {k: sorted(v) for k, v in (filters or {}).items() if v}
    return versions.cached("practice-search", (query, sorted(filters.items()), page, per_page, facets),
                           lambda: _search(query, filters, page, per_page, facets), area="practice")  # fmt: skip


def _search(query: str, filters: dict, page: int, per_page: int, facets: bool) -> Results:
    words = terms(query)
    entries = _filtered(filters)
    engine = backend()
    any_word = False
    if words:
        matched = entries.filter(pk__in=RawSQL(*engine.matches(words, True)))
        total = matched.count()
        if not total:
            any_word = True
            matched = entries.filter(pk__in=RawSQL(*engine.matches(words, False)))
            total = matched.count()
        hits = _hits(engine.ranked(words, not any_word, _sql(entries), per_page, (page - 1) * per_page))
    else:
        matched = entries
        total = matched.count()
        start = (page - 1) * per_page
        hits = [Hit(e, None) for e in matched.order_by("section_number", "id")[start : start + per_page]]
    results = Results(query, words, filters, total, hits, page, per_page, any_word)
    if facets:
        results.facets = _facet_counts(matched, filters)
    return results


def _facet_counts(matched, filters: dict) -> dict[str, list[FacetValue]]:
    rows = (
        EntryFacet.objects.filter(entry__in=matched.values("pk"))
        .values("facet", "value").annotate(n=Count("entry")).order_by("facet", "-n", "value")
    )  # fmt: skip
    counted: dict[str, list[FacetValue]] = {name: [] for name in FACETS}
    seen = set()
    for row in rows:
        chosen = row["value"] in filters.get(row["facet"], [])
        counted[row["facet"]].append(
            FacetValue(row["value"], facet_label(row["facet"], row["value"]), row["n"], chosen)
        )
        seen.add((row["facet"], row["value"]))
    for facet, values in filters.items():  # a chosen value that now matches nothing still shows, at 0
        for value in values:
            if facet in counted and (facet, value) not in seen:
                counted[facet].append(FacetValue(value, facet_label(facet, value), 0, True))
    return counted


def more_like_this(entry: Entry, limit: int = 5) -> list[Hit]:
    content = entry.content
    body = " ".join([entry.summary] + [p["text"] for p in content.get("background", [])]
                    + [g.get("group", "") for g in content.get("benefits", [])])  # fmt: skip
    words = distinctive_terms(entry.title, body)
    if not words:
        return []
    return _hits(backend().ranked(words, False, _sql(published().exclude(pk=entry.pk)), limit, 0))


def area_counts() -> list[tuple[str, int]]:
    """Each area the library names, with how many published entries name it, most first."""
    rows = (
        EntryFacet.objects.filter(facet="area", entry__state=Entry.State.PUBLISHED)
        .values("value").annotate(n=Count("entry")).order_by("-n", "value")
    )  # fmt: skip
    return [(row["value"], row["n"]) for row in rows]

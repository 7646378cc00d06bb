"""What the search indexes of a library entry: its text, its categories and its facets."""

from __future__ import annotations

from bluelight.core import versions
from bluelight.practice.extraction.categories import category_of
from bluelight.practice.extraction.names import canonical_area
from bluelight.practice.models import Entry, EntryFacet
from bluelight.practice.search import backend
from bluelight.practice.search.base import Document


def _paragraph_texts(content: dict) -> list[str]:
    texts = [p["text"] for p in content.get("background", [])]
    for block in content.get("implementations", []) + content.get("benefits", []) + content.get("future", []):
        texts += [block.get("group", "")] + [p["text"] for p in block.get("paragraphs", [])]
    return [t for t in texts + [p["text"] for p in content.get("evaluation", [])] if t]


def categories(content: dict) -> list[str]:
    found = []
    for group in content.get("benefits", []):
        keys = [group["category"]] if group.get("category") else [category_of(p["text"]) for p in group["paragraphs"]]
        found += [k for k in keys if k and k not in found]
    return found


def _quantified(content: dict) -> bool:
    return any(f["part"] == "benefits" for f in content.get("figures", []))


def _facets(entry: Entry) -> list[EntryFacet]:
    content = entry.content
    values = {
        ("section", entry.section),
        ("status", entry.status),
        ("quantified", "yes" if _quantified(content) else "no"),
    }
    values |= {("area", canonical_area(a)) for a in entry.areas}
    values |= {("service", s) for s in entry.services}
    values |= {("category", c) for c in categories(content)}
    return [EntryFacet(entry=entry, facet=f, value=v[:200]) for f, v in sorted(values)]


def document(entry: Entry) -> Document:
    content = entry.content
    places = list(entry.areas) + [o["name"] for o in content.get("organisations", [])]
    places += [o["abbreviation"] for o in content.get("organisations", []) if o.get("abbreviation")]
    body = [entry.section, entry.summary] + _paragraph_texts(content)
    title = entry.title + (f" {content['abbreviation']}" if content.get("abbreviation") else "")
    return Document(entry.pk, title, " ".join(places), " ".join(body))


def index(entries: list[Entry]) -> None:
    """The facets and the full-text rows of these entries, rebuilt."""
    EntryFacet.objects.filter(entry__in=[e.pk for e in entries]).delete()
    EntryFacet.objects.bulk_create([facet for entry in entries for facet in _facets(entry)], batch_size=2000)
    backend().index([document(entry) for entry in entries])
    versions.changed(area="practice")  # bulk writes send no signal

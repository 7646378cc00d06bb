"""Writing to the library: loading the catalogue, adopting an entry, publishing a closure report."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from bluelight.benefits.models import Benefit
from bluelight.benefits.services import benefit_create
from bluelight.core import history
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.practice.adoption import WEAKEST_EVIDENCE, benefit_lines, citation
from bluelight.practice.extraction import slug
from bluelight.practice.extraction.categories import category_of
from bluelight.practice.extraction.figures import cited_figures
from bluelight.practice.extraction.text import sentences
from bluelight.practice.indexing import index
from bluelight.practice.models import Adoption, Entry
from bluelight.practice.search import backend
from bluelight.programmes.models import Workstream
from bluelight.programmes.services import workstream_create


def _fields(data: dict) -> dict:
    return {
        "title": data["title"], "section": data["section"], "section_number": data["section_number"],
        "status": data["status"], "content": data, "origin": Entry.Origin.OVERVIEW, "state": Entry.State.PUBLISHED,
    }  # fmt: skip


@transaction.atomic
def catalogue_load(catalogue: dict, *, actor: Actor) -> dict:
    """Make the library's overview entries what the catalogue says: add, update, remove. Idempotent.

    An entry a programme has adopted is never removed (the adoption keeps pointing at it).
    """
    existing = {e.key: e for e in Entry.objects.filter(origin=Entry.Origin.OVERVIEW)}
    created = updated = 0
    loaded = []
    for data in catalogue["entries"]:
        entry = existing.pop(data["key"], None)
        fields = _fields(data)
        if entry is None:
            entry = Entry.objects.create(key=data["key"], **fields)
            created += 1
        elif any(getattr(entry, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(entry, name, value)
            history.save_versioned(entry, entry.version, list(fields))
            updated += 1
        loaded.append(entry)
    by_key = {e.key: e for e in loaded}
    for entry, data in zip(loaded, catalogue["entries"], strict=True):
        parent = by_key.get(data.get("parent") or "")
        if entry.parent_id != (parent.pk if parent else None):
            entry.parent = parent
            entry.save(update_fields=["parent"])
    gone = list(
        Entry.objects.filter(pk__in=[e.pk for e in existing.values()], adoptions__isnull=True).values_list(
            "pk", flat=True
        )
    )
    backend().remove(gone)
    Entry.objects.filter(pk__in=gone).delete()
    index(loaded)
    return {"created": created, "updated": updated, "removed": len(gone), "total": len(loaded)}


@transaction.atomic
def entry_adopt(
    *, actor: Actor, entry: Entry, programme, section, lead_organisation, key: str, title: str, description: str,
    partner_organisations=(), benefit_numbers: list[int] | None = None,
) -> Workstream:  # fmt: skip
    """A draft (proposed) workstream in `programme`, pre-filled from the entry and linked back to it."""
    if entry.state != Entry.State.PUBLISHED:
        raise ValidationError({"entry": "Only a published library entry can be adopted."})
    workstream = workstream_create(
        actor=actor, programme=programme, section=section, lead_organisation=lead_organisation, key=key,
        title=title, description=description, stage=Workstream.Stage.PROPOSED,
        partner_organisations=partner_organisations, note=f"Adopted from the practice library: {citation(entry)}.",
    )  # fmt: skip
    Adoption.objects.create(entry=entry, workstream=workstream, programme=programme, adopted_by=actor.user)
    settings = getattr(programme, "benefit_settings", None)
    price_year = settings.price_base_year if settings else programme.cycle_start_year
    chosen = [line for line in benefit_lines(entry) if benefit_numbers is None or line["number"] in benefit_numbers]
    for line in chosen:
        benefit_create(
            actor=actor, workstream=workstream, key=f"{key}-{slug(line['title'])}"[:80].rstrip("-"),
            title=line["title"], kind=line["kind"], confidence_grade=WEAKEST_EVIDENCE, price_year=price_year,
            evidence=line["evidence"], status=Benefit.Status.IDENTIFIED,
            gains=[(lead_organisation, 1)], years=[],
        )  # fmt: skip
    return workstream


# Publishing a closed workstream's closure report back to the library.
def _entry_from_closure(workstream: Workstream, report, area: str) -> dict:
    organisations = [{"name": o.name, "abbreviation": o.short_code, "kind": o.kind, "written": o.name}
                     for o in [workstream.lead_organisation, *workstream.partner_organisations.all()]]  # fmt: skip
    parts = {
        "areas": [area], "services": sorted({o["kind"] for o in organisations}), "started": "",
        "summary": (sentences(workstream.description) or [""])[0], "organisations": organisations,
        "background": [{"text": t, "line": 0, "bullet": ""} for t in (workstream.description, report.summary) if t],
        "implementations": [{
            "area": area, "when": "", "status": "", "started": "", "line": 0, "organisations": organisations,
            "paragraphs": [{"text": report.outcome, "line": 0, "bullet": ""}] if report.outcome else [],
        }],
        "benefits": [
            {"group": group, "category": category_of(text), "line": 0,
             "paragraphs": [{"text": t, "line": 0, "bullet": ""} for t in text.split("\n") if t.strip()]}
            for group, text in (("Benefits delivered", report.benefits_delivered),
                                ("Lessons learned", report.lessons_learned)) if text
        ],
        "future": [], "evaluation": [], "flags": [],
    }  # fmt: skip
    parts["figures"] = [
        figure for group in parts["benefits"] for p in group["paragraphs"] for figure in cited_figures(p, "benefits")
    ]
    return parts


@transaction.atomic
def entry_propose(*, actor: Actor, workstream: Workstream, area: str, section: str) -> Entry:
    """A draft library entry from a closed workstream's approved closure report, awaiting the office."""
    if workstream.stage != Workstream.Stage.CLOSED:
        raise ValidationError({"workstream": "Only a closed workstream's closure report can be published."})
    report = workstream.documents.filter(kind="closure_report").order_by("-created_at").first()
    if report is None:
        raise ValidationError({"workstream": "The workstream has no closure report to publish."})
    if not area.strip():
        raise ValidationError({"area": "Enter the area the work was done in, as the library names areas."})
    if Entry.objects.filter(workstream=workstream).exists():
        raise ValidationError({"workstream": "This closure report has already been sent to the library."})
    entry = Entry.objects.create(
        key=f"{workstream.programme.slug}-{workstream.key}"[:120], title=workstream.title, section=section,
        section_number=90, status=Entry.Status.CLOSED, content=_entry_from_closure(workstream, report, area.strip()), origin=Entry.Origin.PROGRAMME, state=Entry.State.AWAITING_APPROVAL, workstream=workstream,
        proposed_by=actor.user,
    )  # fmt: skip
    history.record(entry, HistoryEntry.Action.CREATED, actor, {"state": [None, entry.state]},
                   note=f"Proposed for the library from the closure report '{report.title}'.")  # fmt: skip
    return entry


@transaction.atomic
def entry_approve(*, actor: Actor, entry: Entry) -> Entry:
    if entry.state != Entry.State.AWAITING_APPROVAL:
        raise ValidationError({"entry": "This entry is not awaiting approval."})
    entry.state = Entry.State.PUBLISHED
    entry.approved_by = actor.user
    entry.approved_at = timezone.now()
    entry.version += 1
    entry.save()
    index([entry])
    history.record(entry, HistoryEntry.Action.CHANGED, actor,
                   {"state": [Entry.State.AWAITING_APPROVAL, Entry.State.PUBLISHED]}, note="Approved for the library.")  # fmt: skip
    return entry

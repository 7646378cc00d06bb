"""Reading the national overview of emergency services collaboration into a catalogue.

`extract(text)` returns the catalogue as plain data (what `catalogue.json` holds): every
initiative of every section and of the national annex, with its areas, organisations, dates,
status, background, implementations by area, benefits as the document groups them, and every
figure with the sentence it comes from. It imports nothing from Django: `bluelight practice
extract` runs it and writes the file the app loads.
"""

from __future__ import annotations

import hashlib
import re

from bluelight.practice.extraction.categories import CATEGORY_LABELS
from bluelight.practice.extraction.entries import Reader
from bluelight.practice.extraction.names import AREA_ALIASES, EXTRA_AREAS, SERVICE_LABELS
from bluelight.practice.extraction.outline import ENDS, OUTLINE
from bluelight.practice.extraction.text import Document, squash

SOURCE_TITLE = "Emergency Services Collaboration Working Group – National Overview (2016 refresh, draft)"
FORMAT = 1


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("’", "").replace("'", "")).strip("-")[:80]


def directory(doc: Document, start: int) -> list[dict]:
    """The Service Information pages from line `start`: each area with its fire and ambulance services."""
    areas = []
    for number in range(start + 1, len(doc.lines)):
        if doc.line(number) == "Leaders" and doc.line(number - 1):
            area = {"name": doc.line(number - 1), "line": number - 1, "services": []}
            for ahead in range(number + 1, min(number + 12, len(doc.lines) + 1)):
                text = doc.line(ahead)
                for label, kind in (("Fire and Rescue", "fire"), ("Ambulance", "ambulance")):
                    if text.startswith(label):
                        written = re.sub(r"^(Fire and Rescue( Authority| Authorities)?|Ambulance)\s*", "", text)
                        area["services"].append({"kind": kind, "name": written})
                if text == "Leaders" or (not text and area["services"] and ahead > number + 6):
                    break
            areas.append(area)
    return areas


def extract(text: str) -> dict:
    doc = Document(text)
    end_of_document, _ = doc.find(ENDS)
    areas = directory(doc, end_of_document)
    reader = Reader(doc, {a["name"] for a in areas} | set(EXTRA_AREAS) | set(AREA_ALIASES))
    # First pass: where each section and each item begins, in document order.
    marks = []  # (line, kind, section, item, body line)
    cursor = 1
    for section in OUTLINE:
        begins, after = doc.find(section.begins, cursor)
        marks.append((begins, "section", section, None, after))
        cursor = begins if section.annex else _past_list(doc, begins, section)
        for item in section.items:
            first, body = doc.find(item.find, cursor)
            if item.opens:  # the heading proper comes later; the block starts at `opens`
                _, body = doc.find(item.heading or item.title, first)
            marks.append((first, "item", section, item, body))
            cursor = body
    marks.append((end_of_document, "end", None, None, end_of_document))
    entries = []
    for index, (line, kind, section, item, body) in enumerate(marks):
        if kind != "item":
            continue
        end = marks[index + 1][0]
        entry = reader.entry(item, section, line, body, end)
        entry["key"] = slug(item.title)
        entry["parent"] = slug(item.parent) if item.parent else ""
        entries.append(entry)
    return {
        "format": FORMAT,
        "source": {
            "title": SOURCE_TITLE,
            "file": "national-overview-2016.txt",
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
            "lines": len(doc.lines),
        },
        "sections": [{"number": s.number, "name": s.name, "annex": s.annex} for s in OUTLINE],
        "services": SERVICE_LABELS,
        "categories": CATEGORY_LABELS,
        "directory": areas,
        "entries": entries,
    }


def _past_list(doc: Document, begins: int, section) -> int:
    """The line after a section's "In this section" list, which must name the outline's items.

    The list is not followed by a blank line everywhere (Wider Collaboration runs on into its
    first heading), so it is read until it has named every top-level item; a list that names
    anything else stops the extraction with the line, so the outline cannot drift from the seed.
    """
    for number in range(begins, min(begins + 30, len(doc.lines))):
        if doc.line(number) != "In this section":
            continue
        wanted = squash(" ".join(item.listed for item in section.items if not item.parent))
        joined = ""
        for ahead in range(number + 1, number + 40):
            joined = squash(f"{joined} {doc.line(ahead)}")
            if joined == wanted:
                return ahead + 1
            if not wanted.startswith(joined):
                raise LookupError(f"the list at line {number} reads {joined!r}, not {wanted!r}")
    return begins + 1

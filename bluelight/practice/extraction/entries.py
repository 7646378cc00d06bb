"""One initiative's block of text, from its heading to the next, read into an entry.

A block is: the heading; a header of area bullets, dates in brackets and the organisations
involved; then parts under the document's own sub-headings (Background, Implementation,
Benefits, Future, Evaluation). Text before the first sub-heading is background. Implementation
and Future are split by area where a line names an area; Benefits by the document's own short
group headings ("Faster response times", "Savings").
"""

from __future__ import annotations

import re

from bluelight.practice.extraction import names
from bluelight.practice.extraction.categories import DATE_LINE, area_of, category_of, split_areas, started
from bluelight.practice.extraction.entry_checks import entry_status, flag_broken_text, runs_on
from bluelight.practice.extraction.figures import cited_figures
from bluelight.practice.extraction.outline import Item
from bluelight.practice.extraction.text import (
    PART_HEADINGS,
    Document,
    Paragraph,
    paragraphs,
    sentences,
    squash,
)


class Reader:
    def __init__(self, doc: Document, gazetteer: set[str]):
        self.doc = doc
        self.gazetteer = gazetteer

    def entry(self, item: Item, section, start: int, body: int, end: int) -> dict:
        """`start` is the block's first line, `body` the line after its heading, `end` the next block."""
        header, first_body = self._header(item, body, end)
        entry = {
            "title": item.title,
            "heading": squash(" ".join(self.doc.line(n) for n in range(start, body))),
            "section": section.name,
            "section_number": section.number,
            "annex": section.annex,
            "parent": item.parent,
            "lines": [start, end - 1],
            "areas": [],
            "area_status": {},
            "when": header["when"],
            "organisations": [],
            "background": [],
            "implementations": [],
            "benefits": [],
            "future": [],
            "evaluation": [],
            "figures": [],
            "flags": [item.note] if item.note else [],
        }
        written_areas = split_areas(item.area, self.gazetteer) or [(item.area, "")] if item.area else []
        for area, status in header["areas"] or written_areas:
            entry["areas"].append(area)
            if status:
                entry["area_status"][area] = status
        self._parts(entry, paragraphs(self.doc, first_body, end))
        self._finish(entry, item, header)
        return entry

    # The header: area bullets, dates, organisations (and a sub-project's own name line).
    def _header(self, item: Item, line: int, end: int) -> tuple[dict, int]:
        header = {"areas": [], "when": "", "organisations": "", "abbreviation": ""}
        organisations: list[str] = []
        skip = item.written_name
        number = line
        while number < end:
            text = self.doc.line(number)
            if not text:
                ahead = self._next_text(number, end)
                if organisations and ahead and runs_on(organisations[-1], ahead[1]):
                    number += 1
                    continue
                if organisations or header["areas"] or header["when"]:
                    # A blank line ends the header once it has started, unless a date or area follows.
                    if ahead and (DATE_LINE.match(ahead[1]) or ahead[1].startswith("• ")) and not organisations:
                        number = ahead[0]
                        continue
                    break
                number += 1
                continue
            if text in PART_HEADINGS:
                break
            bullet = text.startswith("•")
            plain = text.lstrip("• ").strip()
            date = DATE_LINE.match(plain)
            if skip and plain and skip.startswith(plain):
                skip = skip[len(plain) :].strip()
            elif date and not organisations:
                header["when"] = (header["when"] + "; " if header["when"] else "") + (date.group(1) or date.group(2))
            elif bullet and not organisations and (areas := split_areas(plain, self.gazetteer)):
                header["areas"].extend(areas)
            elif re.fullmatch(r"[A-Z]{2,6}", plain) and not header["abbreviation"] and not bullet:
                header["abbreviation"] = plain
            elif bullet or self._organisation_line(item, organisations, plain, number):
                organisations.append(plain)
            else:
                break
            number += 1
        header["organisations"] = " ".join(organisations)
        return header, number

    def _organisation_line(self, item: Item, organisations: list[str], plain: str, number: int) -> bool:
        if organisations and runs_on(organisations[-1], plain):
            return True
        if not item.parent or not self.doc.line(number - 1) or plain.endswith("."):
            return False  # a sub-project's organisations follow its name with no blank line between
        if not organisations:
            return len(plain) < 140
        return not organisations[-1].endswith(".") and len(plain) < 80

    def _next_text(self, number: int, end: int):
        for ahead in range(number + 1, end):
            if self.doc.line(ahead):
                return ahead, self.doc.line(ahead)
        return None

    # The parts under the document's sub-headings.
    def _parts(self, entry: dict, found: list[Paragraph]) -> None:
        part = "background"
        implementation = None
        future = None
        group = None
        for paragraph in found:
            if paragraph.text in PART_HEADINGS and not paragraph.bullet:
                part = PART_HEADINGS[paragraph.text]
                implementation = future = group = None
                if paragraph.text == "Benefits?":
                    entry["flags"].append(f"The draft heads its benefits 'Benefits?' (line {paragraph.line}).")
                continue
            cited = {"text": paragraph.text, "line": paragraph.line, "bullet": paragraph.bullet}
            if part == "implementation":
                opened = self._area_heading(paragraph)
                if opened:
                    implementation = opened
                    entry["implementations"].append(implementation)
                    continue
                if implementation is None:
                    implementation = {"area": "", "when": "", "status": "", "organisations": "",
                                      "line": paragraph.line, "paragraphs": []}  # fmt: skip
                    entry["implementations"].append(implementation)
                    header_like = self._organisations_heading(paragraph)
                    if header_like:
                        implementation.update(header_like)
                        continue
                implementation["paragraphs"].append(cited)
            elif part == "future":
                area = area_of(paragraph.text, self.gazetteer) if not paragraph.bullet else None
                if area:
                    future = {"area": area[0], "line": paragraph.line, "paragraphs": []}
                    entry["future"].append(future)
                    continue
                if future is None:
                    future = {"area": "", "line": paragraph.line, "paragraphs": []}
                    entry["future"].append(future)
                future["paragraphs"].append(cited)
            elif part == "benefits":
                if self._is_group(paragraph):
                    group = {"group": paragraph.text, "category": category_of(paragraph.text),
                             "line": paragraph.line, "paragraphs": []}  # fmt: skip
                    entry["benefits"].append(group)
                    continue
                if group is None:
                    group = {"group": "", "category": "", "line": paragraph.line, "paragraphs": []}
                    entry["benefits"].append(group)
                group["paragraphs"].append(cited)
            else:
                entry[part].append(cited)
            entry["figures"] += cited_figures(cited, part)

    def _area_heading(self, paragraph: Paragraph) -> dict | None:
        """An implementation's area heading: "London", "(November 2015)", "MPS and LAS"."""
        if paragraph.bullet:
            return None
        first = self.doc.line(paragraph.lines[0])
        area = area_of(first, self.gazetteer)
        if not area or len(paragraph.lines) > 7:
            return None
        when, status, organisations = "", area[1], []
        for number in paragraph.lines[1:]:
            text = self.doc.line(number)
            date = DATE_LINE.match(text)
            if date and not organisations:
                when = date.group(1) or date.group(2)
                if re.search(r"\bPilot\b", when):
                    status = "pilot"
            else:
                organisations.append(text)
        return {"area": area[0], "when": when, "status": status, "organisations": " ".join(organisations),
                "line": paragraph.line, "paragraphs": []}  # fmt: skip

    def _organisations_heading(self, paragraph: Paragraph) -> dict | None:
        """An unnamed area's heading: "Essex County Fire and Rescue Service and Essex Police (August 2015)"."""
        if paragraph.bullet or paragraph.text.endswith(".") or len(paragraph.text) > 160:
            return None
        lines = [self.doc.line(n) for n in paragraph.lines]
        date = DATE_LINE.match(lines[-1])
        if date:
            return {"when": date.group(1) or date.group(2), "organisations": " ".join(lines[:-1])}
        if len(lines) <= 2 and names.kind_of(paragraph.text) != names.OTHER:
            return {"organisations": paragraph.text}
        return None

    @staticmethod
    def _is_group(paragraph: Paragraph) -> bool:
        text = paragraph.text
        return (
            not paragraph.bullet and len(text) <= 70 and not text.endswith((".", ":", ",", ";"))
            and not re.match(r"^[£\d(]", text) and len(paragraph.lines) <= 2
        )  # fmt: skip

    # What follows from the parts: status, start, organisations resolved, flags.
    def _finish(self, entry: dict, item: Item, header: dict) -> None:
        sole_area = entry["areas"][0] if len(entry["areas"]) == 1 else ""
        if not entry["implementations"] and sole_area and (header["organisations"] or header["when"]):
            # No Implementation part: the header says who did it, where and when.
            entry["implementations"].append({"area": sole_area, "when": header["when"], "status": "",
                                             "organisations": header["organisations"], "line": entry["lines"][0],
                                             "paragraphs": []})  # fmt: skip
        for implementation in entry["implementations"]:
            if not implementation["area"] and sole_area:
                implementation["area"] = sole_area
            if not implementation["organisations"] and header["organisations"] and len(entry["implementations"]) == 1:
                implementation["organisations"] = header["organisations"]
            implementation["organisations"] = names.organisations(
                implementation["organisations"], implementation["area"]
            )
            implementation["started"] = started(implementation["when"])
            if not implementation["status"]:
                implementation["status"] = entry["area_status"].get(implementation["area"], "")
        everyone = (
            names.organisations(header["organisations"], sole_area or item.area) if header["organisations"] else []
        )
        for implementation in entry["implementations"]:
            everyone.extend(implementation["organisations"])
        seen, entry["organisations"] = set(), []
        for organisation in everyone:
            if organisation["name"] not in seen:
                seen.add(organisation["name"])
                entry["organisations"].append(organisation)
        entry["abbreviation"] = header["abbreviation"]
        dates = [started(entry["when"])] + [i["started"] for i in entry["implementations"]]
        dates = sorted(d for d in dates if d)
        entry["started"] = dates[0] if dates else ""
        entry["status"] = item.status or entry_status(entry)
        entry["services"] = sorted({o["kind"] for o in entry["organisations"]})
        first = (
            entry["background"] or [p for i in entry["implementations"] for p in i["paragraphs"]] or [{"text": ""}]
        )[0]
        entry["summary"] = (sentences(first["text"]) or [""])[0]
        for future in entry["future"]:
            future["text"] = " ".join(p["text"] for p in future["paragraphs"])
        flag_broken_text(entry)

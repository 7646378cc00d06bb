"""The kind of benefit a sentence claims, when an initiative started, and the areas a line names."""

from __future__ import annotations

import re

from bluelight.practice.extraction import names
from bluelight.practice.extraction.figures import MONTHS

DATE_LINE = re.compile(r"^\((.+)\)$|^((?:19|20)\d\d(?:\s?[-–]\s?(?:19|20)?\d\d)?)$")


YEAR = re.compile(r"\b(19|20)\d\d\b")


MONTH_YEAR = re.compile(rf"\b({MONTHS})\w*\s+((?:19|20)\d\d)\b")


MONTH_NUMBERS = {m[:3].lower(): i for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], start=1)}  # fmt: skip


CATEGORIES = [
    ("savings", "Savings and income", ("saving", "financial", "cost", "fiscal", "revenue", "capital")),
    ("response", "Faster response", ("response", "faster", "quicker", "call demand", "performance")),
    ("outcomes", "Outcomes for people", ("survival", "vulnerable", "outcome", "crime", "harm", "tackling")),
    ("safety", "Public safety", ("safety", "safer", "risk")),
    ("efficiency", "Efficiency and demand", ("efficien", "demand", "capacity", "effectiveness", "consistency")),
    ("working", "Closer working", ("closer working", "collaboration", "relationship", "sharing", "joint",
                                   "strategic", "intelligence", "working")),
]  # fmt: skip


CATEGORY_LABELS = {key: label for key, label, _ in CATEGORIES} | {"other": "Other benefits"}


def category_of(text: str) -> str:
    lowered = text.lower()
    for key, _, words in CATEGORIES:
        if any(word in lowered for word in words):
            return key
    return "other"


def started(when: str) -> str:
    """'November 2015' -> '2015-11'; '(2011)' -> '2011'; the first date written, for sorting."""
    month = MONTH_YEAR.search(when)
    year = YEAR.search(when)
    if month and (not year or month.start() <= year.start() + 5):
        return f"{month.group(2)}-{MONTH_NUMBERS[month.group(1)[:3].lower()]:02d}"
    return year.group(0) if year else ""


def area_of(text: str, gazetteer: set[str]) -> tuple[str, str] | None:
    """(area, status) if `text` is an area as a heading writes it: "Merseyside (Pilot)"."""
    plain = text.strip()
    status = ""
    if re.search(r"\(Pilot\)$", plain):
        plain, status = plain[: plain.rindex("(")].strip(), "pilot"
    if plain in gazetteer or names.canonical_area(plain) in gazetteer:
        return plain, status
    return None


def split_areas(text: str, gazetteer: set[str]) -> list[tuple[str, str]] | None:
    """A bullet such as "Devon and Cornwall and Cumbria" or "Dorset, Cleveland, London"."""
    whole = area_of(text, gazetteer)
    if whole:
        return [whole]
    for pieces in (re.split(r",\s*", text), text.split(" and ")):
        if len(pieces) < 2:
            continue
        # Greedy from the left, joining pieces until they make an area ("Devon" + "Cornwall").
        found, current = [], ""
        for piece in pieces:
            current = f"{current} and {piece}" if current else piece
            area = area_of(current, gazetteer)
            if area:
                found.append(area)
                current = ""
        if found and not current:
            return found
    return None

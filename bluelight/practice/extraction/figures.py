"""Every quantitative figure in a sentence: its value as written, a number, a unit, and a flag
where it looks wrong. The overview is a draft and some figures lack their magnitude ("£2.2 per
annum" for a social return said to be larger than £371,028), so those are kept as written and
flagged for a reader to check, never corrected.

Figures are the numerals of the text. Dates, clock times, years, days of the month, list numbers
and numbers inside names (Red 1, Cat A8, s106, Phase 2, 24/7, 999) are not figures.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from bluelight.practice.extraction.text import sentences

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
MAGNITUDES = {"k": 1_000, "m": 1_000_000, "million": 1_000_000, "bn": 1_000_000_000, "billion": 1_000_000_000}

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
FIGURE = re.compile(
    rf"(?P<ratio>\b1\s?:\s?\d+(?:\.\d+)?\b(?!/))"
    rf"|(?P<money>£\s?(?:{NUMBER})\s?(?:million|billion|bn|m|k)?\b)"
    rf"|(?P<thousands>\b(?:{NUMBER})k\b)"
    rf"|(?P<percent>(?:{NUMBER})\.?\s?%)"
    rf"|(?P<count>(?<![\w/:.£-])(?:{NUMBER})(?![\w/:%]|\.\d))"
)
# What may stand just before a numeral that is not a figure.
NOT_BEFORE = re.compile(
    r"(\b(Red|Category|Phase) \d+ and |\b(Red|Cat|Phase|Article|s|page|Year|year|from year|CBRN|Op|section|Category|category|"
    r"Tier|tier|Trust|Band|band|No|no|Box|Exercise|Paragraph|paragraph)\s?|[(/-])$"
)
NOT_AFTER = re.compile(
    rf"^(\s?(st|nd|rd|th)\b|\s(?:{MONTHS})\b|\.\d\d\b|\s?-\s?\d|/\d|:\d|\s?boroughs Health|\s?Boroughs)"
)
UNIT_SKIP = {
    "of",
    "the",
    "a",
    "an",
    "more",
    "other",
    "new",
    "further",
    "successful",
    "additional",
    "full",
    "full-time",
    "separate",
    "different",
    "key",
    "main",
    "dedicated",
    "existing",
    "local",
    "specific",
    "on",
    "year",
}
PER = re.compile(r"^\s*(per annum|p\.a\.|per year|a year|annually|per week|a week|each year)", re.I)
UNIT_WORD = re.compile(r"^\s*([A-Za-z][A-Za-z'’-]*)")


def _number(text: str) -> Decimal | None:
    digits = text.replace(",", "").replace(" ", "").rstrip(".")
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _unit_after(rest: str) -> str:
    words = []
    for _ in range(4):
        match = UNIT_WORD.match(rest)
        if not match:
            break
        word = match.group(1)
        rest = rest[match.end() :]
        words.append(word)
        if word.lower() not in UNIT_SKIP:
            # "17 fire stations", "42 smoke alarms": a noun before a plural noun belongs to it.
            following = UNIT_WORD.match(rest)
            if (
                following
                and not word.endswith("s")
                and following.group(1).endswith("s")
                and following.group(1).lower() not in ("is", "was", "has", "as", "across", "this", "its")
            ):
                words.append(following.group(1))
            break
    return " ".join(words)


def _is_year(written: str, after: str) -> bool:
    if not re.fullmatch(r"(19|20)\d\d", written):
        return False
    return not re.match(r"^\s?(people|calls|incidents|staff|stations|visits|homes|officers)", after)


def cited_figures(paragraph: dict, part: str) -> list[dict]:
    """The figures of a paragraph ({"text", "line"}), each with its sentence, line and part."""
    return [
        {**figure, "sentence": sentence, "line": paragraph["line"], "part": part}
        for sentence in sentences(paragraph["text"])
        for figure in figures_in(sentence)
    ]


def _plain(value: Decimal | None) -> str:
    if value is None:
        return ""
    return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")


def figures_in(sentence: str) -> list[dict]:
    found = []
    for match in FIGURE.finditer(sentence):
        kind = match.lastgroup
        written = match.group(0).strip()
        before, after = sentence[: match.start()], sentence[match.end() :]
        if kind == "count":
            if written in ("999", "111") or (not before.strip() and after.startswith(".")):
                continue  # telephone services, and a numbered list's "1."
            if NOT_BEFORE.search(before) or NOT_AFTER.match(after) or _is_year(written, after):
                continue
            if re.match(r"^\s?(am|pm|hrs)\b", after) or (re.search(rf"(?:{MONTHS})\s?$", before)):
                continue
        figure = _figure(kind, written, after, sentence)
        if kind == "count" and not figure["unit"]:
            # "54 dwelling fires instead of 36": the second number counts the same thing.
            earlier = [f["unit"] for f in found if f["kind"] == "count" and f["unit"]]
            figure["unit"] = earlier[-1] if earlier else ""
        found.append(figure)
    return found


def _figure(kind: str, written: str, after: str, sentence: str) -> dict:
    flag = ""
    per = PER.match(after)
    period = per.group(1) if per else ""
    if kind == "money":
        body = written.lstrip("£").strip()
        magnitude = re.search(r"(million|billion|bn|m|k)$", body)
        number = _number(body[: magnitude.start()] if magnitude else body)
        value = number * MAGNITUDES[magnitude.group(1)] if number is not None and magnitude else number
        unit = "£" + (f" {period}" if period else "")
        if value is not None and not magnitude and value < 100 and "every £1" not in sentence and written != "£1":
            flag = f"{written} looks to lack its magnitude (thousand? million?); kept as written"
    elif kind == "thousands":
        value = _number(written[:-1])
        value = value * 1000 if value is not None else None
        unit = "£" + (f" {period}" if period else "")
        flag = f"{written} has no £ sign; read as pounds from its sentence" if "£" not in sentence else ""
    elif kind == "percent":
        number_text = written.rstrip("%").strip()
        value = _number(number_text)
        unit = "%"
        if number_text.endswith("."):
            flag = f"{written} is broken in the draft (a digit is missing after the point); kept as written"
        elif value is not None and value > 100 and "increase" not in sentence:
            flag = f"{written} is more than 100%; check the draft"
    elif kind == "ratio":
        value = _number(written.split(":")[1])
        unit = "cost:benefit ratio"
    else:
        value = _number(written)
        unit = _unit_after(after)
    return {
        "written": written,
        "value": _plain(value),
        "unit": unit,
        "kind": kind if kind != "thousands" else "money",
        "flag": flag,
    }

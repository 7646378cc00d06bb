"""Reading the overview's text as the PDF converter left it: headings wrapped over lines, page
numbers and running heads mid-paragraph, bullets ("•", "–") and paragraphs broken by blank lines.

Line numbers are 1-based, as an editor shows them, so an entry can cite "lines 73–296".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

RUNNING_HEAD = re.compile(r"^\d{1,3}( Emergency Services Collaboration Working Group – National Overview)?$")
BULLET = re.compile(r"^(•|–)\s*")
TERMINAL = (".", "!", "?", ":", ";", "”", '"', "’", ")")
# The document's own sub-headings: always a paragraph of their own, even run on to the line above.
PART_HEADINGS = {
    "Background": "background", "Implementation": "implementation", "Partnerships and benefits": "implementation",
    "Benefits": "benefits", "Benefits (Anticipated)": "benefits", "Benefits?": "benefits",
    "Future": "future", "Evaluation": "evaluation",
}  # fmt: skip


def squash(text: str) -> str:
    """Whitespace runs to one space: the form in which a quoted sentence must occur in the seed."""
    return re.sub(r"\s+", " ", text).strip()


class Document:
    def __init__(self, text: str):
        self.text = text
        self.lines = [line.rstrip() for line in text.split("\n")]

    def line(self, number: int) -> str:
        return self.lines[number - 1].strip()

    def find(self, heading: str, start: int = 1, end: int | None = None) -> tuple[int, int]:
        """The first place from line `start` where `heading` is written, perhaps over several lines.

        Returns (first line, line after the heading). Raises LookupError if it is not there, so a
        change to the seed shows at once instead of quietly producing a smaller catalogue.
        """
        wanted = squash(heading)
        last = end or len(self.lines)
        for number in range(start, last + 1):
            joined = ""
            for following in range(number, min(number + 6, last + 1)):
                piece = self.line(following)
                if not piece and not joined:
                    break
                if not piece:
                    continue
                joined = squash(f"{joined} {piece}")
                if joined == wanted:
                    return number, following + 1
                if not wanted.startswith(joined):
                    break
        raise LookupError(f"heading {heading!r} not found from line {start}")


@dataclass
class Paragraph:
    """A run of text: a bullet item, a sub-bullet, or a prose paragraph, with its first line."""

    line: int
    text: str
    bullet: str = ""  # "•", "–" or ""
    lines: list[int] = field(default_factory=list)

    @property
    def ends_sentence(self) -> bool:
        return self.text.endswith(TERMINAL)


def paragraphs(doc: Document, start: int, end: int) -> list[Paragraph]:
    """The paragraphs of lines [start, end), skipping page numbers and running heads.

    A blank line inside a sentence (the converter's page and column breaks) does not end the
    paragraph when the next line carries on in lower case.
    """
    found: list[Paragraph] = []
    current: Paragraph | None = None
    blank_since = False
    for number in range(start, end):
        raw = doc.line(number)
        if not raw:
            blank_since = True
            continue
        if RUNNING_HEAD.match(raw):
            continue
        indented = doc.lines[number - 1].startswith(" ")
        # A sub-bullet "–" is indented; an unindented one carries on the line above.
        marker = BULLET.match(raw) if raw.startswith("•") or indented else None
        carries_on = (
            current is not None
            and not marker
            and raw not in PART_HEADINGS
            and current.text not in PART_HEADINGS
            and not (indented and current.ends_sentence)  # an indented line after a full stop: a new page's heading
            and (not blank_since or (raw[:1].islower() and not current.ends_sentence) or _unfinished(current.text))
        )
        if carries_on:
            current.text = squash(f"{current.text} {raw}")
            current.lines.append(number)
        else:
            bullet = marker.group(1) if marker else ""
            current = Paragraph(number, squash(raw[marker.end() :] if marker else raw), bullet, [number])
            found.append(current)
        blank_since = False
    return found


def _unfinished(text: str) -> bool:
    return bool(re.search(r"(\b(and|the|of|a|an|to|in|for|with)|,)$", text))


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“‘'\"(£0-9])")


def sentences(text: str) -> list[str]:
    """Sentences of a paragraph. Abbreviations such as "approx." rarely end a line of this document,
    and a split in the wrong place still leaves each piece a substring of the seed."""
    return [s for s in SENTENCE_END.split(text) if s]

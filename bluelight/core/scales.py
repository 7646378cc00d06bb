"""RAG scales: the ratings a programme may give, their labels and tags. Pure Python: no Django.

A rating is a code ("green", "amber", ...) or NOT_GRADED. Programmes choose a scale; every app
that shows or checks a rating reads it from here (the changes between periods are status/rag.py).
"""

from __future__ import annotations

from dataclasses import dataclass

NOT_GRADED = "not_graded"


@dataclass(frozen=True)
class Scale:
    code: str
    name: str
    ratings: tuple[tuple[str, str], ...]  # (code, label), best first

    def label(self, rating: str | None) -> str:
        if rating is None:
            return "Not reported"
        if rating == NOT_GRADED:
            return "Not graded"
        return dict(self.ratings)[rating]

    def rank(self, rating: str) -> int:
        """0 is the best rating; larger is worse."""
        return [code for code, _ in self.ratings].index(rating)

    def allows(self, rating: str) -> bool:
        return rating == NOT_GRADED or rating in dict(self.ratings)

    def choices(self) -> list[tuple[str, str]]:
        return [*self.ratings, (NOT_GRADED, "Not graded")]


THREE_POINT = Scale("three_point", "Red, Amber, Green", (("green", "Green"), ("amber", "Amber"), ("red", "Red")))
FIVE_POINT = Scale(
    "five_point",
    "IPA delivery confidence (five-point)",
    (
        ("green", "Green"),
        ("amber_green", "Amber/Green"),
        ("amber", "Amber"),
        ("amber_red", "Amber/Red"),
        ("red", "Red"),
    ),
)
SCALES = {s.code: s for s in (THREE_POINT, FIVE_POINT)}
# Every rating of every scale by its code: the word for a rating read without its programme's scale.
RATING_LABELS = {code: label for scale in SCALES.values() for code, label in scale.choices()}

# GOV.UK tag modifiers; the tag always carries the rating's word too.
TAG_CLASSES = {
    "green": "govuk-tag--green",
    "amber_green": "govuk-tag--yellow",
    "amber": "govuk-tag--orange",
    "amber_red": "govuk-tag--pink",
    "red": "govuk-tag--red",
    NOT_GRADED: "govuk-tag--grey",
}


def rationale_required(rating: str) -> bool:
    """Every rating but Green needs its reason written down ("Not graded" included)."""
    return rating != "green"

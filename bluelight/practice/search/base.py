from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """What is indexed for one entry."""

    entry_id: int
    title: str
    places: str  # areas and organisations
    body: str


class Backend:
    """One database's full-text search. SQL fragments are parameterised; terms are plain words."""

    vendor = ""

    def create(self, cursor) -> None:
        raise NotImplementedError

    def drop(self, cursor) -> None:
        raise NotImplementedError

    def index(self, documents: list[Document]) -> None:
        raise NotImplementedError

    def remove(self, entry_ids: list[int]) -> None:
        raise NotImplementedError

    def matches(self, words: list[str], every: bool) -> tuple[str, list]:
        """SQL selecting the ids of entries that match: `id IN (<this>)`."""
        raise NotImplementedError

    def ranked(self, words: list[str], every: bool, within: tuple[str, list], limit: int, offset: int):
        """[(entry id, score)] best first, for entries whose id is in the `within` SQL."""
        raise NotImplementedError

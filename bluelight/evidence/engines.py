"""The engines the evidence apps run, by kind of analysis. Each evidence app registers its own in its
AppConfig.ready, so that this app need not know the apps above it.

An engine is called with the uploaded files (name, bytes), the parameters chosen, and a `progress(step,
percent)` to report to; it gives back an Outcome, or raises Refused with every problem (a file's row
and reason), in which case nothing of the analysis is kept but the refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Outcome:
    result: dict
    method: dict  # name, version, statement (shown with every result), parameters
    files: list[dict] = field(default_factory=list)  # per file read: rows taken and set aside


class Refused(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass
class Figure:
    """How a finished analysis shows in a report: its picture and the same numbers in a table."""

    svg: str
    png: Callable[[], bytes]  # for DOCX and ODT, made only when asked
    alt: str
    headers: list[str]
    rows: list[list[str]]


Engine = Callable[[list[tuple[str, bytes]], dict, Callable[[str, int], None]], Outcome]
ENGINES: dict[str, Engine] = {}
FIGURES: dict[str, Callable[[object], Figure]] = {}


def register(kind: str, engine: Engine, figure: Callable[[object], Figure] | None = None) -> None:
    ENGINES[kind] = engine
    if figure is not None:
        FIGURES[kind] = figure


def engine_for(kind: str) -> Engine:
    return ENGINES[kind]

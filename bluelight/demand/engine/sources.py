"""Reading control-room extracts of requests between services: a CSV whose columns a saved mapping
names (each system calls them something else). Pure Python: no Django.

A file is checked whole before anything is stored: every row that cannot be read is refused with its
row (the header is row 1), its column and the reason, and nothing is stored while there is one. A
request whose incident reference is already on an earlier row is a duplicate: it is reported with
both rows, and the first is the one taken. The file is read twice (checked, then taken), a row at a
time, so a million rows need little memory.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

from bluelight.evidence.rows import Refusal, when

TYPES = {
    "gain_entry": "Gain entry", "missing_person": "Missing person search", "concern_for_welfare": "Concern for welfare",
    "transport": "Transport", "clinical_advice": "Clinical advice", "other": "Other",
}  # fmt: skip
_TYPE_OF = {**{k: k for k in TYPES}, **{v.lower(): k for k, v in TYPES.items()},
            "forced entry": "gain_entry", "missing person": "missing_person", "welfare": "concern_for_welfare"}  # fmt: skip

# field, the header it has unless a mapping says otherwise, required
FIELDS = [
    ("requesting_service", "Requesting service", True),
    ("requesting_reference", "Requesting reference", True),
    ("receiving_service", "Receiving service", True),
    ("receiving_reference", "Receiving reference", False),
    ("type", "Type", True),
    ("requested_at", "Requested", True),
    ("accepted_at", "Accepted", False),
    ("on_scene_at", "On scene", False),
    ("closed_at", "Closed", False),
    ("instead_of", "Would have attended", False),
    ("outcome", "Outcome", False),
]
DEFAULT_MAPPING = {name: header for name, header, _ in FIELDS}
TIMES = ("accepted_at", "on_scene_at", "closed_at")
MOST_REFUSALS = 100


@dataclass
class Checked:
    rows: int = 0
    refusals: list[Refusal] = field(default_factory=list)
    duplicates: list[tuple[int, int, str]] = field(default_factory=list)  # (row, first row, reference)

    @property
    def ok(self) -> bool:
        return not self.refusals


def _type(raw: str) -> str:
    try:
        return _TYPE_OF[raw.strip().lower()]
    except KeyError:
        raise ValueError(f"“{raw}” is not a type: {', '.join(TYPES.values())}") from None


def _positions(header: list[str], mapping: dict[str, str]) -> tuple[dict[str, int], list[Refusal]]:
    at = {h.strip().lower(): i for i, h in enumerate(header)}
    positions, refusals = {}, []
    for name, default, required in FIELDS:
        wanted = mapping.get(name, default)
        if wanted and wanted.strip().lower() in at:
            positions[name] = at[wanted.strip().lower()]
        elif required:
            refusals.append(Refusal(1, wanted or name, "this column is missing"))
    return positions, refusals


def _readers(positions: dict[str, int], services: set[str]) -> list[tuple]:
    """For each field, once a file: (name, header, required, column, how to read it)."""
    known = ", ".join(sorted(services))

    def service(raw: str) -> str:
        if raw.upper() not in services:
            raise ValueError(f"“{raw}” is not a partner's short code ({known})")
        return raw.upper()

    def read(name: str):
        if name == "type":
            return _type
        if name.endswith("_at"):
            return when
        return service if name in ("requesting_service", "receiving_service", "instead_of") else None

    return [(name, default, required, positions.get(name), read(name)) for name, default, required in FIELDS]


def _parse(number: int, cells: list[str], readers: list[tuple], refusals: list[Refusal]) -> dict | None:
    row, ok = {}, True
    width = len(cells)
    for name, default, required, index, read in readers:
        raw = cells[index].strip() if index is not None and index < width else ""
        if not raw:
            if required:
                refusals.append(Refusal(number, default, "is blank; it must be filled in"))
                ok = False
            row[name] = None
        elif read is None:
            row[name] = raw
        else:
            try:
                row[name] = read(raw)
            except ValueError as error:
                refusals.append(Refusal(number, default, str(error)))
                ok = False
    if ok:
        requested = row["requested_at"]
        for name in TIMES:
            if row[name] is not None and row[name] < requested:
                refusals.append(Refusal(number, DEFAULT_MAPPING[name], "is before the request was made"))
                ok = False
    return row if ok else None


def _rows(stream: TextIO, mapping: dict[str, str], services: set[str]):
    reader = csv.reader(stream)
    positions, refusals = _positions(next(reader, []), mapping)
    return reader, _readers(positions, services), refusals


def check(open_text: Callable[[], TextIO], mapping: dict[str, str], services: set[str]) -> Checked:
    """Every refusal and duplicate in the file, reading it a row at a time."""
    checked = Checked()
    with open_text() as stream:
        reader, readers, checked.refusals = _rows(stream, mapping, services)
        if checked.refusals:
            return checked
        first_row: dict[str, int] = {}  # one string a key: a million tuples of two would take 100 MB more
        for number, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            checked.rows += 1
            row = _parse(number, cells, readers, checked.refusals)
            if len(checked.refusals) >= MOST_REFUSALS:
                break
            if row is None:
                continue
            key = f"{row['requesting_service']}\x1f{row['requesting_reference']}"
            if key in first_row:
                checked.duplicates.append((number, first_row[key], row["requesting_reference"]))
            else:
                first_row[key] = number
    return checked


def rows(open_text: Callable[[], TextIO], mapping: dict[str, str], services: set[str],
         skip: set[int] = frozenset()) -> Iterator[dict]:  # fmt: skip
    """The rows of a file that `check` passed, parsed, leaving out the row numbers in `skip`."""
    with open_text() as stream:
        reader, readers, _ = _rows(stream, mapping, services)
        for number, cells in enumerate(reader, start=2):
            if number in skip or not any(c.strip() for c in cells):
                continue
            row = _parse(number, cells, readers, [])
            if row is not None:
                yield row

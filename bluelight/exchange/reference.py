"""The sheet-by-sheet reference of docs/workbook-format.md, written from the schema itself.

`python -m bluelight.exchange.reference` prints it; a test checks the document holds it, so the
documentation and the importer cannot disagree.
"""

from __future__ import annotations

from bluelight.exchange import cells
from bluelight.exchange.schema import Many, Ref, Value


def _kind(spec, header: str) -> str:
    column = spec.column_of(header)
    if isinstance(column, Many):
        return f"{spec.schema[column.target].noun}s, by key, separated by “; ”"
    if isinstance(column, Ref):
        return f"a {spec.schema[column.target].noun} (the {column.target} sheet's key)"
    parse = column.parse
    names = {cells.text: "text", cells.key: "text (a key: no spaces at either end)", cells.whole_number: "whole number",
             cells.share: "share: 0.6 or 60%", cells.date: "date", cells.date_time: "date and time",
             cells.yes_no: "yes or no"}  # fmt: skip
    return names.get(parse) or getattr(parse, "describes", "text")


def _required(spec, header: str) -> str:
    column = spec.column_of(header)
    if header in spec.key:
        return "key"
    return "required" if isinstance(column, (Value, Ref)) and column.required else ""


def reference() -> str:
    from bluelight.exchange.sheets import SCHEMA

    out = []
    for spec in SCHEMA.values():
        key = ", ".join(spec.key) if spec.key else "none: one row at most"
        out += [f"### {spec.name}", "", f"One row per {spec.noun}. Key: {key}.", "",
                "| Column | Holds | |", "|---|---|---|"]  # fmt: skip
        out += [f"| {h} | {_kind(spec, h)} | {_required(spec, h)} |" for h in spec.headers]
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    import django

    django.setup()
    print(reference())

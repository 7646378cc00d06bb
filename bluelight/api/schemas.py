"""JSON Schema pieces for what the API answers (OpenAPI 3.1), next to nothing else so the
resource modules read as 'this is what you get'."""

from __future__ import annotations

STRING = {"type": "string"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}
DATE = {"type": "string", "format": "date"}
MAYBE_DATE = {"type": ["string", "null"], "format": "date"}
MAYBE_STRING = {"type": ["string", "null"]}
MAYBE_INTEGER = {"type": ["integer", "null"]}
FIGURE = {"type": "string", "pattern": r"^-?\d+(\.\d+)?$", "description": "An exact decimal, as a string."}
MARKING = {"type": "string", "enum": ["OFFICIAL", "OFFICIAL-SENSITIVE"]}


def record(**properties) -> dict:
    """An object whose every property is always present."""
    return {"type": "object", "properties": properties, "required": list(properties)}


def listing(item: dict) -> dict:
    return record(count=INTEGER, page=INTEGER, page_size=INTEGER, next_page=MAYBE_INTEGER,
                  results={"type": "array", "items": item})  # fmt: skip


ERROR = record(
    error={
        "type": "object",
        "properties": {
            "status": INTEGER,
            "code": STRING,
            "message": STRING,
            "fields": {"type": "object", "additionalProperties": {"type": "array", "items": STRING}},
            "yours": {"type": "object"},
            "saved": {"type": "object"},
        },
        "required": ["status", "code", "message"],
    }
)

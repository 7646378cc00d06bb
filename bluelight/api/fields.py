"""The fields an API request may send: each parses its JSON value and describes itself in OpenAPI.

One declaration serves both the check of a request and the document at /api/v1/openapi.json, so
the two cannot drift apart. The services still apply every business rule (model validation,
cycle years, shares adding to 100%, versions); these fields only turn JSON into Python values.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.utils import timezone

from bluelight.api.base import ApiError

LARGEST = 2**31 - 1  # every whole number the API takes fits the databases' integer columns
FIGURE = r"^\d{1,12}(\.\d{1,4})?$"  # pounds (amount method) or units (volume method), never negative
SHARE = r"^(0(\.\d{1,6})?|1(\.0{1,6})?)$"


class Invalid(Exception):
    """One field's value is not right; the message says how to put it right."""


@dataclass(frozen=True)
class Field:
    kind: str  # text, choice, integer, date, datetime, boolean, figure, share, reference, list
    required: bool = False
    nullable: bool = False
    max_length: int | None = None
    choices: tuple[str, ...] = ()
    minimum: int = 0
    maximum: int = LARGEST
    description: str = ""
    resolve: Callable | None = None  # (context, value) -> the record a reference names
    item: dict = field(default_factory=dict)  # for lists: the fields of each item

    def schema(self) -> dict:
        base = {
            "text": {"type": "string", **({"maxLength": self.max_length} if self.max_length else {})},
            "choice": {"type": "string", "enum": list(self.choices)},
            "integer": {"type": "integer", "minimum": self.minimum, "maximum": self.maximum},
            "date": {"type": "string", "format": "date"},
            "datetime": {"type": "string", "format": "date-time"},
            "boolean": {"type": "boolean"},
            "figure": {"type": "string", "pattern": FIGURE},
            "share": {"type": "string", "pattern": SHARE},
            "reference": {"type": "string", "maxLength": 80},
            "list": {"type": "array", "maxItems": 100, "items": item_schema(self.item)},
        }[self.kind]
        if self.nullable:
            base = {"anyOf": [base, {"type": "null"}]}
        return {**base, **({"description": self.description} if self.description else {})}

    def parse(self, value, context):
        if value is None:
            if self.nullable:
                return None
            raise Invalid("Enter a value: this field cannot be null.")
        parsed = getattr(self, f"_{self.kind}")(value, context)
        return self.resolve(context, parsed) if self.resolve else parsed

    def _text(self, value, context):
        if not isinstance(value, str):
            raise Invalid("Enter text.")
        if self.max_length and len(value) > self.max_length:
            raise Invalid(f"Enter at most {self.max_length} characters.")
        return value

    def _choice(self, value, context):
        if value not in self.choices:
            raise Invalid(f"Choose one of: {', '.join(self.choices)}.")
        return value

    def _integer(self, value, context):
        if not isinstance(value, int) or isinstance(value, bool):
            raise Invalid("Enter a whole number.")
        if not self.minimum <= value <= self.maximum:
            raise Invalid(f"Enter a whole number from {self.minimum} to {self.maximum}.")
        return value

    def _date(self, value, context):
        if isinstance(value, str) and len(value) == 10:
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        raise Invalid("Enter a date as YYYY-MM-DD.")

    def _datetime(self, value, context):
        """ISO 8601; without an offset, the time in the UK."""
        try:
            parsed = datetime.datetime.fromisoformat(value) if isinstance(value, str) and len(value) <= 40 else None
        except ValueError:
            parsed = None
        if parsed is None or not 1990 <= parsed.year <= 2100:
            raise Invalid("Enter a date and time as YYYY-MM-DDTHH:MM (with an offset such as Z or +01:00, or UK time).")
        return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed

    def _boolean(self, value, context):
        if not isinstance(value, bool):
            raise Invalid("Enter true or false.")
        return value

    def _figure(self, value, context):
        return _decimal(value, FIGURE, 'Enter a number as a string, for example "1250.00" (at most 4 decimals).')

    def _share(self, value, context):
        return _decimal(value, SHARE, 'Enter a share from 0 to 1 as a string, for example "0.25" (at most 6 decimals).')

    def _reference(self, value, context):
        if not isinstance(value, str) or not value or len(value) > 80:
            raise Invalid("Enter the short name of a record.")
        return value

    def _list(self, value, context):
        if not isinstance(value, list) or len(value) > 100:
            raise Invalid("Enter a list of at most 100 items.")
        parsed = []
        for number, entry in enumerate(value, start=1):
            if not isinstance(entry, dict):
                raise Invalid(f"Item {number}: enter an object.")
            try:
                parsed.append(parse(entry, self.item, context, partial=False))
            except ApiError as error:
                problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.extra["fields"].items())
                raise Invalid(f"Item {number}: {problems}") from None
        return parsed


def _decimal(value, pattern: str, message: str) -> Decimal:
    if not isinstance(value, str) or not re.fullmatch(pattern, value):
        raise Invalid(message)
    return Decimal(value)


def Text(max_length: int | None = None, **kw) -> Field:  # noqa: N802 (reads as a type in declarations)
    return Field("text", max_length=max_length, **kw)


def Choice(choices, **kw) -> Field:  # noqa: N802
    return Field("choice", choices=tuple(choices), **kw)


def Integer(minimum: int = 0, maximum: int = LARGEST, **kw) -> Field:  # noqa: N802
    return Field("integer", minimum=minimum, maximum=maximum, **kw)


def Date(**kw) -> Field:  # noqa: N802
    return Field("date", **kw)


def DateTime(**kw) -> Field:  # noqa: N802
    return Field("datetime", **kw)


def Boolean(**kw) -> Field:  # noqa: N802
    return Field("boolean", **kw)


def Figure(**kw) -> Field:  # noqa: N802
    return Field("figure", **kw)


def Share(**kw) -> Field:  # noqa: N802
    return Field("share", **kw)


def Reference(resolve: Callable, **kw) -> Field:  # noqa: N802
    return Field("reference", resolve=resolve, **kw)


def ListOf(item: dict, **kw) -> Field:  # noqa: N802
    return Field("list", item=item, **kw)


def required(fields: dict[str, Field], *names: str) -> dict[str, Field]:
    """The same fields, with `names` required (a new record needs them; a change does not)."""
    return {name: replace(f, required=True) if name in names else f for name, f in fields.items()}


def item_schema(fields: dict[str, Field], *, partial: bool = False) -> dict:
    schema = {"type": "object", "additionalProperties": False,
              "properties": {name: f.schema() for name, f in fields.items()}}  # fmt: skip
    required = [name for name, f in fields.items() if f.required and not partial]
    return {**schema, "required": required} if required else schema


def parse(data: dict, fields: dict[str, Field], context, *, partial: bool) -> dict:
    """The values of `data` by `fields`, or ApiError 400 naming every field that is not right.

    `partial` (a change): only the fields sent; otherwise (a new record) the required ones must be there.
    """
    errors: dict[str, list[str]] = {}
    for name in sorted(set(data) - set(fields)):
        errors[name] = ["Not a field you can send here."]
    values = {}
    for name, spec in fields.items():
        if name not in data:
            if spec.required and not partial:
                errors[name] = ["Enter a value: this field is required."]
            continue
        try:
            values[name] = spec.parse(data[name], context)
        except Invalid as error:
            errors[name] = [str(error)]
    if errors:
        raise ApiError(400, "Some fields are not right: see fields.", fields=errors)
    return values

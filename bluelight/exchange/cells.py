"""Turning one spreadsheet cell into one typed value, or a plain reason why not. Pure Python: no Django.

Each parser takes what a reader gives (None, str, int, Decimal, bool, date, datetime) and returns the
value to store, or raises CellError with words a programme officer can act on.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation

from bluelight.core.workbooks import Formula

TRUE = {"yes", "y", "true", "1"}
FALSE = {"no", "n", "false", "0"}


class CellError(ValueError):
    """The cell's value cannot be used; the message says why."""


def _check(value):
    if isinstance(value, Formula):
        raise CellError(f"holds a formula ({value[:40]}); type the value itself")
    return value


def blank(value) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def text(value) -> str:
    value = _check(value)
    if blank(value):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def key(value) -> str:
    return text(value).strip()


def whole_number(value) -> int:
    value = _check(value)
    if isinstance(value, bool):
        raise CellError("must be a whole number")
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    raise CellError(f"“{value}” is not a whole number")


def number(places: int) -> Callable[[object], Decimal]:
    def parse(value) -> Decimal:
        value = _check(value)
        if isinstance(value, (bool, datetime.date, datetime.datetime)):
            raise CellError(f"“{text(value)}” is not a number")
        if isinstance(value, str):
            cleaned = value.strip().replace(",", "").replace("£", "")
            try:
                value = Decimal(cleaned)
            except InvalidOperation:
                raise CellError(f"“{value}” is not a number") from None
        amount = Decimal(value)
        if not amount.is_finite():
            raise CellError(f"“{value}” is not a number")
        if amount.as_tuple().exponent < -places and amount != amount.quantize(Decimal(1).scaleb(-places)):
            raise CellError(f"{amount} has more than {places} decimal places")
        return amount.quantize(Decimal(1).scaleb(-places))

    parse.describes = "number"
    return parse


def share(value) -> Decimal:
    """A share such as 0.6, or 60%, stored as a fraction with six decimal places."""
    if isinstance(value, str) and value.strip().endswith("%"):
        return number(6)(value.strip()[:-1]) / 100
    return number(6)(value)


def date(value) -> datetime.date:
    value = _check(value)
    if isinstance(value, datetime.datetime):
        if value.time() != datetime.time(0):
            raise CellError(f"“{value}” has a time; enter the date only")
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = text(value).strip()
    for form in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(raw, form).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    raise CellError(f"“{raw}” is not a date: use a date cell, or YYYY-MM-DD or DD/MM/YYYY (e.g. 2024-05-16)")


def date_time(value) -> datetime.datetime:
    value = _check(value)
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, datetime.date):
        return datetime.datetime.combine(value, datetime.time(0))
    raw = text(value).strip()
    try:
        return datetime.datetime.fromisoformat(raw).replace(tzinfo=None)
    except ValueError:
        raise CellError(f"“{raw}” is not a date and time: use YYYY-MM-DD HH:MM:SS") from None


def yes_no(value) -> bool:
    value = _check(value)
    if isinstance(value, bool):
        return value
    raw = text(value).strip().lower()
    if raw in TRUE:
        return True
    if raw in FALSE:
        return False
    raise CellError(f"“{raw}” is not yes or no")


def choice(options: Sequence[tuple[str, str]], *, lenient: bool = False) -> Callable[[object], str]:
    """One of `options` (code, label), matched on either, in any case ("In delivery", "in_delivery" and
    "IN DELIVERY" alike). Written as the label people read (`parse.show`), and offered as a drop-down
    list of labels (`parse.labels`). `lenient` passes anything else through as typed, for a later
    check that knows more (a rating, against the programme's own scale)."""
    lookup = {}
    for code, label in options:
        lookup[code.lower()] = code
        lookup[label.lower()] = code
    labels = dict(options)

    def parse(value) -> str:
        raw = key(value)
        try:
            return lookup[raw.lower()]
        except KeyError:
            if lenient:
                return raw
            allowed = ", ".join(label for _, label in options)
            raise CellError(f"“{raw}” is not one of: {allowed}") from None

    parse.describes = "one of: " + ", ".join(f"{label} (`{code}`)" for code, label in options)
    parse.show = lambda code: labels.get(code, code)
    parse.labels = list(labels.values())
    return parse


def reference_number(prefix: str) -> Callable[[object], int]:
    """A numbered reference such as R3 or A12 (the number alone is accepted too)."""

    def parse(value) -> int:
        raw = key(value)
        digits = raw[len(prefix) :] if raw.upper().startswith(prefix) else raw
        if digits.isdigit():
            return int(digits)
        raise CellError(f"“{raw}” is not a reference like {prefix}1")

    parse.describes = f"reference such as {prefix}1"
    return parse

"""Recording history and refusing stale edits: the two things every service write does."""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from bluelight.core import versions
from bluelight.core.models import HistoryEntry, User
from bluelight.core.scales import RATING_LABELS


@dataclass(frozen=True)
class Actor:
    """Who did something and through which channel (page, api, import, cli, system)."""

    user: User | None
    channel: str = HistoryEntry.Channel.PAGE

    @property
    def name(self) -> str:
        return self.user.display_name if self.user else "Bluelight"

    @classmethod
    def system(cls, channel: str = HistoryEntry.Channel.SYSTEM) -> Actor:
        return cls(None, channel)


def _plain(value):
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple, set)):
        return sorted(_plain(v) for v in value)
    return value


def snapshot(obj: models.Model, fields: list[str]) -> dict:
    """The plain values of `fields` (many-to-many included) for diffing before and after an edit."""
    values = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            values[name] = _plain(list(getattr(obj, name).all())) if obj.pk else []
        else:
            values[name] = _plain(getattr(obj, name))
    return values


def diff(before: dict, after: dict) -> dict:
    return {k: [before.get(k), after[k]] for k in after if before.get(k) != after[k]}


def record(obj: models.Model, action: str, actor: Actor, changes: dict | None = None, note: str = "") -> HistoryEntry:
    return HistoryEntry.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        action=action,
        actor=actor.user,
        actor_name=actor.name,
        channel=actor.channel,
        changes=changes or {},
        note=note,
    )


def history_of(obj: models.Model):
    return HistoryEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True), object_id=str(obj.pk)
    ).select_related("actor")


class Conflict(Exception):
    """A save refused because of the record's state, not the input: shown above the form, HTTP 409."""


class StaleEdit(Conflict):
    """The record changed since the form was opened. Says who changed it and when."""

    def __init__(self, obj: models.Model, expected: int):
        self.obj = obj
        self.expected = expected
        latest = history_of(obj).first()
        self.changed_by = latest.actor_name if latest else "someone"
        self.changed_at = latest.at if latest else None
        when = f" at {self.changed_at:%H:%M on %d %B %Y}" if self.changed_at else ""
        super().__init__(
            f"{obj} was changed by {self.changed_by}{when} after you started editing it. "
            "Your changes have not been saved."
        )


def without_version(data: dict) -> dict:
    """A form's or request's values less the version it was opened at (which the service takes apart)."""
    return {k: v for k, v in data.items() if k != "version"}


def save_versioned(obj: models.Model, expected_version: int | None, update_fields: list[str]) -> None:
    """Save `obj` only if its stored version is still `expected_version`; bump the version.

    The check and the write are one UPDATE ... WHERE version = expected, so two saves from the same
    version cannot both win, whatever the database.
    """
    model = type(obj)
    if expected_version is None:
        expected_version = obj.version
    values = {name: getattr(obj, model._meta.get_field(name).attname) for name in update_fields}
    updated = model.objects.filter(pk=obj.pk, version=expected_version).update(
        version=models.F("version") + 1, **values
    )
    if not updated:
        obj.refresh_from_db()
        raise StaleEdit(obj, expected_version)
    versions.changed()  # an UPDATE sends no signal
    obj.version = expected_version + 1


def update(
    obj: models.Model, actor: Actor, expected_version: int | None, values: dict, fields: list[str], *,
    check=None, after=None, note: str = "", always_record: dict | None = None,
) -> dict:  # fmt: skip
    """The one versioned update every service makes: set `values`, run `check(obj)` (which raises
    ValidationError), save only if the record is still at `expected_version`, set many-to-many values,
    run `after(obj)` for parts kept in other tables, and record what changed in `fields`.

    `always_record` adds changes the snapshot cannot see (a benefit's profile) and records an entry
    even when nothing else changed. Returns the changes recorded."""
    before = snapshot(obj, fields)
    many = {k: v for k, v in values.items() if obj._meta.get_field(k).many_to_many}
    for name, value in values.items():
        if name not in many:
            setattr(obj, name, value)
    if check is not None:
        check(obj)
    save_versioned(obj, expected_version, [k for k in values if k not in many])
    for name, value in many.items():
        if value is not None:
            getattr(obj, name).set(value)
    if after is not None:
        after(obj)
    changes = diff(before, snapshot(obj, fields))
    if always_record is not None:
        changes.update(always_record)
    if changes or always_record is not None:
        record(obj, HistoryEntry.Action.CHANGED, actor, changes, note=note)
    return changes


def history_of_many(model: type[models.Model], ids):
    return HistoryEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id__in=[str(i) for i in ids]
    ).select_related("actor")


def in_words(entry: HistoryEntry) -> list[tuple[str, str, str]]:
    """An entry's changes as a reader wants them: (the field's label, before, after), with choices by
    their label, lists joined, yes or no, dates as 4 December 2026 and "(blank)" for nothing."""
    model = entry.content_type.model_class()
    # In the model's own order of fields (PostgreSQL's jsonb keeps keys in an order of its own), then the rest
    order = _field_order(model)
    lines = []
    for name, pair in sorted((entry.changes or {}).items(), key=lambda item: order.get(item[0], len(order))):
        before, after = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        field = _field(model, name)
        label = str(field.verbose_name) if field is not None else name.replace("_", " ")
        lines.append((label[:1].upper() + label[1:], _words(field, before), _words(field, after)))
    return lines


@functools.cache
def _field_order(model) -> dict[str, int]:
    return {f.name: n for n, f in enumerate(model._meta.get_fields())} if model is not None else {}


def _field(model, name: str):
    try:
        field = model._meta.get_field(name) if model is not None else None
    except FieldDoesNotExist:
        return None
    return field if hasattr(field, "verbose_name") else None  # not a relation seen from its other end


def _words(field, value) -> str:
    if value is None or value == "" or value == []:
        return "(blank)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return "; ".join(_words(field, v) for v in value)
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field is not None and field.name.endswith("rating") and isinstance(value, str):
        return RATING_LABELS.get(value, value)
    if isinstance(value, str) and field is not None and isinstance(field, models.DateField):
        try:
            day = datetime.date.fromisoformat(value[:10])
        except ValueError:
            return value
        return f"{day:%-d %B %Y}" + (value[10:16].replace("T", " at ") if isinstance(field, models.DateTimeField) else "")
    return str(value)

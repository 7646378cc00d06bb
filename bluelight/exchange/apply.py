"""Carrying out a checked plan in one transaction, each update conditional on the version checked."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from bluelight.core import history, versions
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.exchange.checking import existing_records
from bluelight.exchange.plan import CREATE, UNCHANGED, UPDATE, ImportRefused, Plan, Progress, Row, SheetPlan, quiet
from bluelight.exchange.schema import Many, Ref, SheetSpec, Value
from bluelight.exchange.sheets import SCHEMA


def _parts(spec: SheetSpec, values: dict) -> dict:
    """A row as {attribute: plain value} for a history entry."""
    out = {}
    for column in spec.columns:
        if isinstance(column, Ref):
            if all(h in values for h in column.headers):
                parts = [values[h] for h in column.headers]
                out[column.attr] = None if None in parts else " ".join(str(p) for p in parts)
        elif column.header in values:
            out[column.attr] = history._plain(list(values[column.header]) if isinstance(column, Many)
                                              else values[column.header])  # fmt: skip
    return out


def _assign(record, sheet: SheetPlan, row: Row, index: dict, headers: list[str]) -> list[str]:
    """Set the row's values for `headers` on the record; the attributes set, for update_fields."""
    spec, attrs = sheet.spec, []
    for column in spec.columns:
        if isinstance(column, Value) and column.header in headers:
            setattr(record, column.attr, column.stored(row.values[column.header]))
            attrs.append(column.attr)
        elif (
            isinstance(column, Ref)
            and set(column.headers) & set(headers)
            and all(h in row.values for h in column.headers)
        ):
            key = tuple(row.values[h] for h in column.headers)
            setattr(record, column.attr, None if None in key else index[column.target][key])
            attrs.append(column.attr)
    return attrs


def apply_plan(plan: Plan, *, actor: Actor, progress: Progress = quiet, fresh: bool = False) -> Plan:
    """Carry out a plan with no problems, in one transaction. Returns the plan (its counts say what was done).

    `fresh` says the plan was made in the same transaction, so the records it read can be used as they are.
    """
    if not plan.ok:
        raise ImportRefused(plan)
    note = f"Imported from {plan.source}"
    total = sum(len(s.rows) for s in plan.sheets) or 1
    done = 0
    with transaction.atomic():
        found_now = plan.existing if fresh and plan.existing is not None else existing_records(plan)
        index = {name: dict(found) for name, found in found_now.items()}
        programme = plan.programme
        entries: list[HistoryEntry] = []
        for sheet in plan.sheets:
            spec = sheet.spec
            content_type = ContentType.objects.get_for_model(spec.model)
            created, many = [], []
            for row in sheet.rows:
                if row.action == CREATE:
                    record = spec.model()
                    _assign(record, sheet, row, index, sheet.headers)
                    if hasattr(record, "recorded_by_id"):
                        record.recorded_by = actor.user
                    spec.scope(record, programme)
                    created.append((row, record))
                elif row.action == UPDATE:
                    record = index[spec.name][row.key]
                    before = _parts(spec, spec.row_of(record))
                    attrs = _assign(record, sheet, row, index, row.changed)
                    if hasattr(record, "version"):  # only if no one has changed it since the check
                        history.save_versioned(record, row.version, attrs)
                    else:
                        record.save(update_fields=attrs)
                    if any(isinstance(spec.column_of(h), Many) for h in row.changed):
                        many.append((row, record, row.changed, False))
                    after = _parts(spec, row.values)
                    changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
                    entries.append(_entry(content_type, record, HistoryEntry.Action.CHANGED, actor, changes, note))
                    if spec.after_save:
                        spec.after_save(record, programme)
            if created:
                spec.model.objects.bulk_create([r for _, r in created], batch_size=500)
                for row, record in created:
                    index[spec.name][row.key] = record
                    many.append((row, record, sheet.headers, True))
                    changes = {k: [None, v] for k, v in _parts(spec, row.values).items() if v not in ("", None, [])}
                    entries.append(_entry(content_type, record, HistoryEntry.Action.CREATED, actor, changes, note))
                    if spec.after_save:
                        spec.after_save(record, programme)
                if spec.name == "Programme":
                    programme = plan.programme = created[0][1]
            if spec.after_save:
                for row in sheet.rows:
                    if row.action == UNCHANGED:
                        spec.after_save(index[spec.name][row.key], programme)
            _set_many(spec, many, index)
            done += len(sheet.rows)
            progress(done, total, f"Imported {spec.name}")
        HistoryEntry.objects.bulk_create(entries, batch_size=1000)
        versions.changed()  # bulk writes send no signal
    return plan


def _set_many(spec: SheetSpec, many: list, index: dict) -> None:
    for column in spec.manys:
        through = getattr(spec.model, column.attr).through
        source = f"{spec.model._meta.model_name}_id"
        target_model = SCHEMA[column.target].model._meta.model_name
        target_field = f"{target_model}_id"
        links = []
        for row, record, headers, new in many:
            if column.header not in headers:
                continue
            if not new:
                getattr(record, column.attr).clear()
            links += [
                through(**{source: record.pk, target_field: index[column.target][(key,)].pk})
                for key in row.values[column.header]
            ]
        through.objects.bulk_create(links, batch_size=1000)


def _entry(content_type, record, action, actor: Actor, changes: dict, note: str) -> HistoryEntry:
    return HistoryEntry(
        content_type=content_type, object_id=str(record.pk), object_repr=str(record)[:300], action=action,
        actor=actor.user, actor_name=actor.name, channel=HistoryEntry.Channel.IMPORT, changes=changes, note=note,
    )  # fmt: skip

"""Writes for organisations, programmes, sections, priorities and workstreams.

Each service validates everything first, writes in one transaction and records history.
Bad input raises django.core.exceptions.ValidationError keyed by field name; nothing is saved.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from bluelight.core import history
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry, Organisation
from bluelight.core.services import refuse, validate
from bluelight.programmes import rules
from bluelight.programmes.access import office_only, owner_only
from bluelight.programmes.models import PlanPriority, Programme, Section, Workstream

PROGRAMME_FIELDS = [
    "name", "description", "partners", "cycle_start_year", "cycle_end_year", "illustrative_note", "risk_threshold",
    "public_page", "two_person_sign_off",
]  # fmt: skip
WORKSTREAM_FIELDS = [
    "title", "section", "position", "lead_organisation", "partner_organisations", "business_lead",
    "description", "stage", "stage_changed_on", "stage_reason", "priorities", "illustrative",
    "marking",
]  # fmt: skip



@transaction.atomic
def organisation_create(*, actor: Actor, name: str, short_code: str, kind: str) -> Organisation:
    organisation = Organisation(name=name, short_code=short_code.upper(), kind=kind)
    validate(organisation)
    organisation.save()
    history.record(organisation, HistoryEntry.Action.CREATED, actor)
    return organisation


def _check_cycle(programme: Programme) -> None:
    refuse(rules.cycle(programme.cycle_start_year, programme.cycle_end_year))


@transaction.atomic
def programme_create(*, actor: Actor, partners=(), **fields) -> Programme:
    programme = Programme(**fields)
    _check_cycle(programme)
    validate(programme)
    programme.save()
    programme.partners.set(partners)
    history.record(
        programme, HistoryEntry.Action.CREATED, actor, history.diff({}, history.snapshot(programme, PROGRAMME_FIELDS))
    )
    return programme


@transaction.atomic
def section_create(*, actor: Actor, programme: Programme, name: str, position: int | None = None) -> Section:
    office_only(actor, programme)
    if position is None:
        position = (programme.sections.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    section = Section(programme=programme, name=name, position=position)
    validate(section)
    section.save()
    history.record(section, HistoryEntry.Action.CREATED, actor)
    return section


@transaction.atomic
def priority_create(
    *, actor: Actor, programme: Programme, title: str, number: int | None = None, plan_name: str = ""
) -> PlanPriority:
    office_only(actor, programme)
    if number is None:
        number = (programme.priorities.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    priority = PlanPriority(programme=programme, number=number, title=title, plan_name=plan_name)
    validate(priority)
    priority.save()
    history.record(priority, HistoryEntry.Action.CREATED, actor)
    return priority


def _check_workstream(workstream: Workstream) -> None:
    errors = {}
    if workstream.section_id and workstream.section.programme_id != workstream.programme_id:
        errors["section"] = "Choose a section of this programme."
    errors.update(rules.stopped_stage(workstream.stage in Workstream.STOPPED_STAGES, workstream.get_stage_display(),
                                      workstream.stage_changed_on, workstream.stage_reason))  # fmt: skip
    refuse(errors)


def _set_many(workstream: Workstream, partner_organisations, priorities) -> None:
    if partner_organisations is not None:
        workstream.partner_organisations.set(partner_organisations)
    if priorities is not None:
        bad = [p for p in priorities if p.programme_id != workstream.programme_id]
        if bad:
            raise ValidationError({"priorities": "Choose priorities of this programme's plan."})
        workstream.priorities.set(priorities)


@transaction.atomic
def workstream_create(
    *, actor: Actor, programme: Programme, partner_organisations=(), priorities=(), note: str = "", **fields
) -> Workstream:
    office_only(actor, programme)
    workstream = Workstream(programme=programme, **fields)
    if not workstream.position and workstream.section_id:
        last = workstream.section.workstreams.order_by("-position").values_list("position", flat=True).first()
        workstream.position = (last or 0) + 1
    validate(workstream)
    _check_workstream(workstream)
    workstream.save()
    _set_many(workstream, partner_organisations, priorities)
    history.record(
        workstream,
        HistoryEntry.Action.CREATED,
        actor,
        history.diff({}, history.snapshot(workstream, WORKSTREAM_FIELDS)),
        note=note,
    )
    return workstream


@transaction.atomic
def workstream_update(
    *,
    actor: Actor,
    workstream: Workstream,
    expected_version: int,
    partner_organisations=None,
    priorities=None,
    note: str = "",
    **fields,
) -> Workstream:
    owner_only(actor, workstream)
    def check(ws: Workstream) -> None:
        validate(ws, exclude=["programme", "key"])
        _check_workstream(ws)

    history.update(workstream, actor, expected_version, fields, WORKSTREAM_FIELDS, check=check, note=note,
                   after=lambda ws: _set_many(ws, partner_organisations, priorities))  # fmt: skip
    return workstream


@transaction.atomic
def workstream_stage_move(*, actor: Actor, workstream: Workstream, note: str, **stage) -> Workstream:
    """The stage a board's decision moves a workstream to: the decision's rights were checked by
    governance's decision_record, which calls this; the actor is the one who recorded the decision."""
    history.update(workstream, actor, workstream.version, stage, WORKSTREAM_FIELDS, check=_check_workstream, note=note)
    return workstream


@transaction.atomic
def programme_update(
    *, actor: Actor, programme: Programme, expected_version: int, partners=None, **fields
) -> Programme:
    office_only(actor, programme)
    def check(p: Programme) -> None:
        _check_cycle(p)
        validate(p, exclude=["slug"])

    history.update(programme, actor, expected_version, {**fields, "partners": partners}, PROGRAMME_FIELDS, check=check)
    return programme

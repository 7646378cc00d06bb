"""Writes for the action log, the risk register and milestones."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from bluelight.core import history
from bluelight.core.history import Actor
from bluelight.core.services import refuse, validate
from bluelight.governance import access as rights
from bluelight.governance import rules
from bluelight.governance.models import (
    Action,
    Meeting,
    Milestone,
    Risk,
    RiskReview,
)
from bluelight.governance.services.common import (
    ACTION_FIELDS,
    MILESTONE_FIELDS,
    RISK_FIELDS,
    SCORE_FIELDS,
    check_workstream,
    created,
    next_number,
)
from bluelight.programmes.models import Programme, Workstream


def _completed_on(status: str, completed_on):
    """A done action keeps its completion day (today unless given); any other has none."""
    if status != Action.Status.DONE:
        return None
    return completed_on or timezone.localdate()


@transaction.atomic
def action_create(*, actor: Actor, programme: Programme, meeting: Meeting | None = None, **fields) -> Action:
    rights.action_create_allowed(actor, programme)
    check_workstream(programme, fields.get("workstream"))
    if meeting is not None and meeting.programme_id != programme.id:
        raise ValidationError({"meeting": "Choose a meeting of this programme."})
    number = next_number(Programme.objects.filter(pk=programme.pk), programme.actions)
    action = Action(programme=programme, meeting=meeting, number=number, **fields)
    action.completed_on = _completed_on(action.status, action.completed_on)
    validate(action)
    action.save()
    created(action, actor, ACTION_FIELDS)
    return action


@transaction.atomic
def action_update(*, actor: Actor, action: Action, expected_version: int | None, **values) -> Action:
    rights.action_change_allowed(actor, action, values)
    check_workstream(action.programme, values.get("workstream"))
    values["completed_on"] = _completed_on(
        values.get("status", action.status), values.get("completed_on", action.completed_on)
    )
    history.update(action, actor, expected_version, values, ACTION_FIELDS, check=validate)
    return action


def _review(risk: Risk, reviewed_on: datetime.date | None) -> None:
    RiskReview.objects.create(
        risk=risk, reviewed_on=reviewed_on or timezone.localdate(), **{f: getattr(risk, f) for f in SCORE_FIELDS}
    )


def _check_risk(risk: Risk) -> None:
    refuse(rules.residual_not_above_inherent(
        risk.inherent_likelihood, risk.inherent_impact, risk.residual_likelihood, risk.residual_impact
    ))  # fmt: skip


@transaction.atomic
def risk_create(*, actor: Actor, programme: Programme, reviewed_on: datetime.date | None = None, **fields) -> Risk:
    rights.risk_create_allowed(actor, programme, fields.get("workstream"))
    check_workstream(programme, fields.get("workstream"))
    number = next_number(Programme.objects.filter(pk=programme.pk), programme.risks)
    risk = Risk(programme=programme, number=number, **fields)
    validate(risk)
    _check_risk(risk)
    risk.save()
    _review(risk, reviewed_on)
    created(risk, actor, RISK_FIELDS)
    return risk


@transaction.atomic
def risk_update(
    *, actor: Actor, risk: Risk, expected_version: int | None, reviewed_on: datetime.date | None = None, **values
) -> Risk:
    """Change a risk; a change of score or status is kept as a review, dated, for the movement since a meeting."""
    rights.risk_change_allowed(actor, risk, values)
    check_workstream(risk.programme, values.get("workstream"))
    probe = Risk(**{f: values.get(f, getattr(risk, f)) for f in SCORE_FIELDS})
    _check_risk(probe)
    changes = history.update(risk, actor, expected_version, values, RISK_FIELDS, check=validate)
    if any(f in changes for f in SCORE_FIELDS):
        _review(risk, reviewed_on)
    return risk


@transaction.atomic
def milestone_create(*, actor: Actor, workstream: Workstream, **fields) -> Milestone:
    milestone = Milestone(workstream=workstream, **fields)
    validate(milestone)
    milestone.save()
    created(milestone, actor, MILESTONE_FIELDS)
    return milestone


@transaction.atomic
def milestone_update(*, actor: Actor, milestone: Milestone, expected_version: int | None, **values) -> Milestone:
    history.update(milestone, actor, expected_version, values, MILESTONE_FIELDS, check=validate)
    return milestone

"""The protocols the request log is measured against, and the issues log between services."""

from __future__ import annotations

import datetime

from django.db import transaction

from bluelight.core import history
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.core.services import refuse, validate
from bluelight.demand.models import Issue, Protocol
from bluelight.programmes.access import office_only
from bluelight.programmes.models import Programme

ISSUE_FIELDS = ["category", "raised_by", "contact", "description", "status", "raised_on", "resolved_on"]
PROTOCOL_FIELDS = ["name", "starts_on", "displaced", "hours_per_request", "basis"]


@transaction.atomic
def protocol_set(*, actor: Actor, programme: Programme, type: str, **fields) -> Protocol:
    """The protocol for a type of request: its start date, the service it displaced and the hours saved."""
    office_only(actor, programme, "Only the programme office can set the protocols.")
    found = Protocol.objects.filter(programme=programme, type=type).first() or Protocol(programme=programme, type=type)
    before = {} if found.pk is None else history.snapshot(found, PROTOCOL_FIELDS)
    for name, value in fields.items():
        setattr(found, name, value)
    validate(found)
    created = found.pk is None
    found.save()
    history.record(found, HistoryEntry.Action.CREATED if created else HistoryEntry.Action.CHANGED, actor,
                   history.diff(before, history.snapshot(found, PROTOCOL_FIELDS)))  # fmt: skip
    return found


def _check_issue(issue: Issue) -> None:
    errors = {}
    if issue.status == Issue.Status.RESOLVED and issue.resolved_on is None:
        errors["resolved_on"] = "Give the date the issue was resolved."
    if issue.resolved_on and issue.resolved_on < issue.raised_on:
        errors["resolved_on"] = "The issue cannot be resolved before it was raised."
    refuse(errors)


@transaction.atomic
def issue_create(*, actor: Actor, programme: Programme, **fields) -> Issue:
    office_only(actor, programme, "Only the programme office can keep the issues log.")
    fields.setdefault("raised_on", datetime.date.today())
    issue = Issue(programme=programme, **fields)
    validate(issue)
    _check_issue(issue)
    issue.save()
    history.record(issue, HistoryEntry.Action.CREATED, actor, history.diff({}, history.snapshot(issue, ISSUE_FIELDS)))
    return issue


@transaction.atomic
def issue_update(*, actor: Actor, issue: Issue, **fields) -> Issue:
    office_only(actor, issue.programme, "Only the programme office can keep the issues log.")
    before = history.snapshot(issue, ISSUE_FIELDS)
    for name, value in fields.items():
        setattr(issue, name, value)
    validate(issue)
    _check_issue(issue)
    issue.save()
    history.record(issue, HistoryEntry.Action.CHANGED, actor, history.diff(before, history.snapshot(issue, ISSUE_FIELDS)))
    return issue

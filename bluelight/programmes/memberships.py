"""Giving and taking away a person's role in a programme: the one way, so every change is in the
membership's history and in the security log."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from bluelight.core import history, security
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.programmes.access import office_only
from bluelight.programmes.models import Programme, ProgrammeMembership


@transaction.atomic
def membership_grant(*, actor: Actor, user, programme: Programme, role: str) -> ProgrammeMembership:
    office_only(actor, programme)
    if role not in ProgrammeMembership.Role.values:
        raise ValidationError({"role": f"Choose a role from: {', '.join(ProgrammeMembership.Role.values)}."})
    if role == ProgrammeMembership.Role.ORGANISATION_EDITOR and user.organisation_id is None:
        raise ValidationError({"role": f"{user.username} belongs to no organisation, so cannot edit for one."})
    membership = ProgrammeMembership.objects.filter(user=user, programme=programme).first()
    before = membership.role if membership else "none"
    if membership is None:
        membership = ProgrammeMembership.objects.create(user=user, programme=programme, role=role)
    else:
        membership.role = role
        membership.save(update_fields=["role"])
    history.record(membership, HistoryEntry.Action.CHANGED, actor, {"role": [None if before == "none" else before, role]})
    security.log(
        security.Kind.ROLE_CHANGED, user=user,
        detail=f"{programme.slug}: {before} → {role}, by {actor.name} through {actor.channel}",
    )  # fmt: skip
    return membership


@transaction.atomic
def membership_revoke(*, actor: Actor, user, programme: Programme) -> None:
    office_only(actor, programme)
    membership = ProgrammeMembership.objects.filter(user=user, programme=programme).first()
    if membership is None:
        raise ValidationError({"user": f"{user.username} has no role in {programme.slug}."})
    history.record(membership, HistoryEntry.Action.DELETED, actor, {"role": [membership.role, None]})
    membership.delete()
    security.log(
        security.Kind.ROLE_CHANGED, user=user,
        detail=f"{programme.slug}: {membership.role} → none, by {actor.name} through {actor.channel}",
    )  # fmt: skip

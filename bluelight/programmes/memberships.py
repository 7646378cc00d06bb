"""Giving and taking away a person's role in a programme; every change goes to the security log."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from bluelight.core import security
from bluelight.core.history import Actor
from bluelight.programmes.models import Programme, ProgrammeMembership


@transaction.atomic
def role_grant(*, actor: Actor, user, programme: Programme, role: str) -> ProgrammeMembership:
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
    security.log(
        security.Kind.ROLE_CHANGED, user=user,
        detail=f"{programme.slug}: {before} → {role}, by {actor.name} through {actor.channel}",
    )  # fmt: skip
    return membership


@transaction.atomic
def role_revoke(*, actor: Actor, user, programme: Programme) -> None:
    membership = ProgrammeMembership.objects.filter(user=user, programme=programme).first()
    if membership is None:
        raise ValidationError({"user": f"{user.username} has no role in {programme.slug}."})
    membership.delete()
    security.log(
        security.Kind.ROLE_CHANGED, user=user,
        detail=f"{programme.slug}: {membership.role} → none, by {actor.name} through {actor.channel}",
    )  # fmt: skip

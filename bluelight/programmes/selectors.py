"""Reads for programmes and workstreams, already scoped to what the user may see."""

from django.db.models import QuerySet

from bluelight.programmes import rules
from bluelight.programmes.models import Programme, ProgrammeMembership


def visible_programmes(user) -> QuerySet[Programme]:
    if not user.is_authenticated or not user.is_active:
        return Programme.objects.none()
    if user.is_superuser:
        return Programme.objects.all()
    return Programme.objects.filter(memberships__user=user).distinct()


def administered_programmes(user) -> QuerySet[Programme]:
    """The programmes whose office this user is (every programme for a system administrator)."""
    if not user.is_authenticated or not user.is_active:
        return Programme.objects.none()
    if user.is_superuser:
        return Programme.objects.all()
    return Programme.objects.filter(memberships__user=user, memberships__role=rules.PROGRAMME_ADMIN).distinct()


def role_in(user, programme: Programme) -> str | None:
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return rules.SYSTEM_ADMIN
    membership = ProgrammeMembership.objects.filter(user=user, programme=programme).only("role").first()
    return membership.role if membership else None

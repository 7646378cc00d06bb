"""The one place views find a programme or workstream for the signed-in user."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from bluelight.programmes import rules, selectors
from bluelight.programmes.models import Programme, Workstream


@dataclass
class ProgrammeAccess:
    programme: Programme
    role: str

    @property
    def can_administer(self) -> bool:
        return rules.can_administer(self.role)


def programme_for(request, slug: str) -> ProgrammeAccess:
    """The programme, or 404 if this user may not see it (so its existence is not revealed)."""
    programme = get_object_or_404(selectors.visible_programmes(request.user), slug=slug)
    return ProgrammeAccess(programme, selectors.role_in(request.user, programme))


def workstream_for(request, slug: str, key: str) -> tuple[ProgrammeAccess, Workstream]:
    access = programme_for(request, slug)
    workstream = get_object_or_404(
        Workstream.objects.select_related("section", "lead_organisation", "programme"),
        programme=access.programme,
        key=key,
    )
    return access, workstream


def require_edit(request, access: ProgrammeAccess, workstream: Workstream) -> None:
    if not selectors.can_edit(request.user, workstream, access.role):
        raise PermissionDenied(
            "Only the programme office and the lead organisation's editors can change this workstream."
        )


def require_admin(access: ProgrammeAccess) -> None:
    if not access.can_administer:
        raise PermissionDenied("Only the programme office can do this.")

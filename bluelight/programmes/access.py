"""The one place pages find a programme, workstream or marked record for the signed-in user.

Reads go through the user's Scope (see scope.py), so another organisation's OFFICIAL-SENSITIVE
record is 'not found'; refusals go through rules.refusal_status, so changing another
organisation's record is 'not found' too, and every refusal is logged (core.middleware).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404

from bluelight.core.access import Refused, refuse
from bluelight.core.history import Actor
from bluelight.programmes import rules, selectors
from bluelight.programmes.models import Programme, Workstream
from bluelight.programmes.scope import Scope

WORKSTREAM_EDITORS = "Only the programme office and the lead organisation's editors can change this workstream."


@dataclass
class ProgrammeAccess:
    programme: Programme
    role: str
    organisation_id: int | None = None

    @property
    def can_administer(self) -> bool:
        return rules.can_administer(self.role)

    @property
    def scope(self) -> Scope:
        return Scope(self.role, self.organisation_id)

    def visible(self, queryset):
        return self.scope.filter(queryset)

    def editable_workstreams(self):
        """The workstreams this person may change or attach records to: all for the office, their own
        organisation's for its editors, none otherwise."""
        workstreams = self.programme.workstreams.all()
        if self.can_administer:
            return workstreams
        if self.role != rules.ORGANISATION_EDITOR or not self.organisation_id:
            return workstreams.none()
        return workstreams.filter(lead_organisation=self.organisation_id)

    def require_owner(self, owner_organisation_id: int | None, message: str) -> None:
        """Only the programme office, or the owning organisation's editors, may do this."""
        if not rules.can_edit_workstream(self.role, self.organisation_id, owner_organisation_id):
            refuse(rules.refusal_status(self.organisation_id, owner_organisation_id), message)


def access_for(user, programme: Programme) -> ProgrammeAccess:
    return ProgrammeAccess(programme, selectors.role_in(user, programme), user.organisation_id)


def programme_for(request, slug: str) -> ProgrammeAccess:
    """The programme, or 404 if this user may not see it (so its existence is not revealed)."""
    programme = get_object_or_404(selectors.visible_programmes(request.user), slug=slug)
    return access_for(request.user, programme)


def visible_or_404(access: ProgrammeAccess, queryset, **lookup):
    """The record if it exists and this user may see it; 'not found' (and logged) if it is hidden.
    One query when it is visible; a second only to tell a hidden record from a missing one."""
    record = access.visible(queryset).filter(**lookup).first()
    if record is None:
        if queryset.filter(**lookup).exists():
            raise Refused(f"{queryset.model._meta.verbose_name} is marked {rules.OFFICIAL_SENSITIVE}")
        raise Http404(f"No {queryset.model._meta.verbose_name} matches")
    return record


def workstream_for(request, slug: str, key: str) -> tuple[ProgrammeAccess, Workstream]:
    access = programme_for(request, slug)
    workstream = visible_or_404(
        access,
        Workstream.objects.select_related("section", "lead_organisation", "programme").filter(
            programme=access.programme
        ),
        key=key,
    )
    return access, workstream


# The services' side: each write checks the actor itself, so the pages, the API, the command line
# (with --as) and the import cannot differ. Bluelight acting for itself (no user) may do anything.


def access_of(actor: Actor, programme: Programme) -> ProgrammeAccess | None:
    """The actor's rights in the programme; None for Bluelight itself (the command line without --as, the
    demo loader), which may do anything."""
    return None if actor.user is None else access_for(actor.user, programme)


def office_only(actor: Actor, programme: Programme, message: str = "Only the programme office can do this.") -> None:
    access = access_of(actor, programme)
    if access is not None and not access.can_administer:
        refuse(403, message)


def owner_only(actor: Actor, workstream: Workstream, message: str = WORKSTREAM_EDITORS) -> None:
    """The programme office, or the editors of the organisation that leads the workstream."""
    access = access_of(actor, workstream.programme)
    if access is not None:
        access.require_owner(workstream.lead_organisation_id, message)


def require_edit(access: ProgrammeAccess, workstream: Workstream) -> None:
    access.require_owner(workstream.lead_organisation_id, WORKSTREAM_EDITORS)


def require_admin(access: ProgrammeAccess) -> None:
    if not access.can_administer:
        refuse(403, "Only the programme office can do this.")

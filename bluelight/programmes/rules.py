"""Who may do what in a programme. Pure: takes plain facts, returns yes or no.

Roles are those of docs/access.md, whose matrix the permission tests read. A system administrator
is a superuser; everyone else acts through their membership of a programme; the public page acts
as PUBLIC and sees published reports only.
"""

SYSTEM_ADMIN = "system_admin"
PROGRAMME_ADMIN = "programme_admin"
ORGANISATION_EDITOR = "organisation_editor"
BOARD_MEMBER = "board_member"
VIEWER = "viewer"
PUBLIC = "public"

OFFICIAL = "OFFICIAL"
OFFICIAL_SENSITIVE = "OFFICIAL-SENSITIVE"

# Need to know: these roles see every OFFICIAL-SENSITIVE record of their programmes; an
# organisation editor sees only its own organisation's; viewers and the public see none.
SEES_ALL_SENSITIVE = (SYSTEM_ADMIN, PROGRAMME_ADMIN, BOARD_MEMBER)


def can_view(role: str | None) -> bool:
    return role is not None and role != PUBLIC


def can_administer(role: str | None) -> bool:
    """Programme set-up: sections, periods, publishing, overall rating, any workstream."""
    return role in (SYSTEM_ADMIN, PROGRAMME_ADMIN)


def owns(user_organisation_id: int | None, owner_organisation_id: int | None) -> bool:
    return user_organisation_id is not None and user_organisation_id == owner_organisation_id


def can_edit_workstream(role: str | None, user_organisation_id: int | None, lead_organisation_id: int | None) -> bool:
    """Also the rule for other records an organisation owns (e.g. an action): pass the owner as the lead."""
    if can_administer(role):
        return True
    return role == ORGANISATION_EDITOR and owns(user_organisation_id, lead_organisation_id)


def can_place(role: str | None, user_organisation_id: int | None, lead_organisation_id: int | None) -> bool:
    """May a record (a risk, an action) be put here: on a workstream with this lead, or at programme
    level (lead None)? Programme level is the office's; a workstream, also its lead organisation's editors."""
    if lead_organisation_id is None:
        return can_administer(role)
    return can_edit_workstream(role, user_organisation_id, lead_organisation_id)


def can_hand_over(role: str | None, from_organisation_id: int | None, to_organisation_id: int | None) -> bool:
    """May an action move from one owning organisation to another? Only the office reallocates work."""
    return from_organisation_id == to_organisation_id or can_administer(role)


def refusal_status(user_organisation_id: int | None, owner_id: int | None) -> int:
    """How a refused action is answered: another organisation's record is 'not found' (404), so its
    existence is not revealed; a refusal on one's own or the programme's record says so (403)."""
    if owner_id is not None and not owns(user_organisation_id, owner_id):
        return 404
    return 403


def effective_marking(asked: str | None, required: str) -> str:
    """The marking a document carries: the one asked for, but never lower than what it contains
    (asking for OFFICIAL on an export holding an OFFICIAL-SENSITIVE record still marks it sensitive)."""
    if required == OFFICIAL_SENSITIVE and "SENSITIVE" not in (asked or "").upper():
        return required
    return asked or required


# What a programme's records must be. Each rule takes plain values and returns {field: reason}, empty
# when the values pass: the services raise it as a ValidationError, the import reports it by row and
# column, so pages, API, command line and import refuse the same things in the same words.


def cycle(start_year: int | None, end_year: int | None) -> dict[str, str]:
    if start_year is not None and end_year is not None and end_year < start_year:
        return {"cycle_end_year": "The cycle must end in or after the year it starts."}
    return {}


def stopped_stage(stopped: bool, stage_label: str, changed_on, reason: str | None) -> dict[str, str]:
    """A paused or closed workstream says when and why."""
    if not stopped:
        return {}
    errors = {}
    if not changed_on:
        errors["stage_changed_on"] = f"Enter the date the workstream was {stage_label.lower()}."
    if not (reason or "").strip():
        errors["stage_reason"] = f"Enter why the workstream was {stage_label.lower()}."
    return errors

"""Who may do what in a programme. Pure: takes plain facts, returns yes or no.

Roles are those of docs/access.md. A system administrator is a superuser; everyone else acts
through their membership of a programme.
"""

SYSTEM_ADMIN = "system_admin"
PROGRAMME_ADMIN = "programme_admin"
ORGANISATION_EDITOR = "organisation_editor"
BOARD_MEMBER = "board_member"
VIEWER = "viewer"


def can_view(role: str | None) -> bool:
    return role is not None


def can_administer(role: str | None) -> bool:
    """Programme set-up: sections, periods, publishing, overall rating, any workstream."""
    return role in (SYSTEM_ADMIN, PROGRAMME_ADMIN)


def can_edit_workstream(role: str | None, user_organisation_id: int | None, lead_organisation_id: int | None) -> bool:
    """Also the rule for other records an organisation owns (e.g. an action): pass the owner as the lead."""
    if can_administer(role):
        return True
    return (
        role == ORGANISATION_EDITOR
        and user_organisation_id is not None
        and (user_organisation_id == lead_organisation_id)
    )

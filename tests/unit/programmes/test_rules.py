"""The pure access rules: who may change what, how a refusal is answered, what marking a document takes."""

import pytest

from bluelight.programmes import rules

FIRE, POLICE = 2, 1


@pytest.mark.parametrize(("role", "mine", "owner", "allowed"), [
    (rules.SYSTEM_ADMIN, None, POLICE, True),
    (rules.PROGRAMME_ADMIN, FIRE, POLICE, True),
    (rules.ORGANISATION_EDITOR, FIRE, FIRE, True),
    (rules.ORGANISATION_EDITOR, FIRE, POLICE, False),
    (rules.ORGANISATION_EDITOR, None, None, False),  # no organisation is nobody's owner
    (rules.BOARD_MEMBER, FIRE, FIRE, False),
    (rules.VIEWER, FIRE, FIRE, False),
    (None, FIRE, FIRE, False),
])  # fmt: skip
def test_who_may_change_a_record(role, mine, owner, allowed):
    assert rules.can_edit_workstream(role, mine, owner) is allowed


def test_a_refusal_on_another_organisation_s_record_is_not_found_otherwise_forbidden():
    assert rules.refusal_status(FIRE, POLICE) == 404
    assert rules.refusal_status(None, POLICE) == 404
    assert rules.refusal_status(FIRE, FIRE) == 403
    assert rules.refusal_status(FIRE, None) == 403  # a programme-level record


@pytest.mark.parametrize(("asked", "required", "marked"), [
    (None, "OFFICIAL", "OFFICIAL"),
    ("OFFICIAL", "OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"),  # never lower than what it holds
    (None, "OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"),
    ("OFFICIAL-SENSITIVE PERSONAL", "OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE PERSONAL"),  # a caveat kept
    ("OFFICIAL-SENSITIVE", "OFFICIAL", "OFFICIAL-SENSITIVE"),  # higher on request
])  # fmt: skip
def test_a_document_s_marking_is_never_below_what_it_holds(asked, required, marked):
    assert rules.effective_marking(asked, required) == marked


def test_only_members_view_and_only_the_office_administers():
    assert not rules.can_view(None) and not rules.can_view(rules.PUBLIC)
    assert all(rules.can_view(r) for r in (rules.VIEWER, rules.BOARD_MEMBER, rules.ORGANISATION_EDITOR))
    assert [r for r in (rules.SYSTEM_ADMIN, rules.PROGRAMME_ADMIN, rules.ORGANISATION_EDITOR, rules.VIEWER)
            if rules.can_administer(r)] == [rules.SYSTEM_ADMIN, rules.PROGRAMME_ADMIN]  # fmt: skip


def test_who_may_place_a_record_and_hand_over_an_action():
    from bluelight.programmes import rules

    fire, police = 1, 2
    # Programme level (no lead) is the office's; a workstream, also its lead's editors.
    assert rules.can_place(rules.PROGRAMME_ADMIN, police, None)
    assert not rules.can_place(rules.ORGANISATION_EDITOR, fire, None)
    assert rules.can_place(rules.ORGANISATION_EDITOR, fire, fire)
    assert not rules.can_place(rules.ORGANISATION_EDITOR, fire, police)
    assert not rules.can_place(rules.BOARD_MEMBER, fire, fire)
    # Only the office hands an action from one organisation to another; keeping the owner is no hand-over.
    assert rules.can_hand_over(rules.PROGRAMME_ADMIN, fire, police)
    assert not rules.can_hand_over(rules.ORGANISATION_EDITOR, fire, police)
    assert rules.can_hand_over(rules.ORGANISATION_EDITOR, fire, fire)

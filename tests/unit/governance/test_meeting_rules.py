"""When a board next meets, from its cadence, and when its decisions may be recorded: worked by hand."""

import datetime

from bluelight.governance import rules

D = datetime.date


def test_the_next_meeting_follows_the_cadence_from_the_last():
    # bi-monthly from 12 November 2026, asked on 4 December 2026: 12 January 2027
    assert rules.next_meeting(D(2026, 11, 12), "bimonthly", D(2026, 12, 4)) == D(2027, 1, 12)
    # a board that last met long ago: the first date at its cadence on or after today
    # 15 March 2026 quarterly: 15 June, 15 September, 15 December 2026
    assert rules.next_meeting(D(2026, 3, 15), "quarterly", D(2026, 12, 4)) == D(2026, 12, 15)
    # the 31st, monthly: February has 28 days in 2027
    assert rules.next_meeting(D(2027, 1, 31), "monthly", D(2027, 2, 1)) == D(2027, 2, 28)
    assert rules.next_meeting(D(2026, 6, 30), "twice_yearly", D(2026, 7, 1)) == D(2026, 12, 30)
    assert rules.next_meeting(D(2026, 6, 30), "annual", D(2026, 7, 1)) == D(2027, 6, 30)
    assert rules.next_meeting(D(2026, 6, 30), "as_needed", D(2026, 7, 1)) is None
    # today itself is a proposal, not passed over
    assert rules.next_meeting(D(2026, 10, 4), "bimonthly", D(2026, 12, 4)) == D(2026, 12, 4)


def test_decisions_only_once_the_meeting_has_taken_place():
    board = "Strategic Governance Board, 21 January 2027"
    ahead = rules.decided_after_meeting(D(2027, 1, 21), False, D(2026, 12, 4), board)
    assert ahead == {"outcome": "The Strategic Governance Board, 21 January 2027 has not taken place yet: record "
                                "its decisions on or after 21 January 2027."}  # fmt: skip
    assert rules.decided_after_meeting(D(2026, 12, 4), False, D(2026, 12, 4), board) == {}
    assert "was cancelled" in rules.decided_after_meeting(D(2026, 11, 1), True, D(2026, 12, 4), board)["outcome"]

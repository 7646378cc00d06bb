import datetime
from decimal import Decimal

from bluelight.status.suggest import Evidence, suggest

END = datetime.date(2024, 3, 31)


def test_no_evidence_no_suggestion():
    assert suggest(Evidence(as_at=END)) is None


def test_all_on_track_suggests_green():
    evidence = Evidence(as_at=END, milestones=[("Open", datetime.date(2024, 1, 31), datetime.date(2024, 1, 20))])
    assert suggest(evidence).rating == "green"


def test_an_overdue_milestone_suggests_amber_and_says_which():
    # Due 1 March 2024, not achieved: 30 days overdue at 31 March.
    evidence = Evidence(as_at=END, milestones=[("Recruit officers", datetime.date(2024, 3, 1), None)])
    suggestion = suggest(evidence)
    assert suggestion.rating == "amber"
    assert suggestion.reasons == ["Milestone “Recruit officers” was due on 1 March 2024 and is 30 days overdue."]


def test_long_overdue_milestone_or_severe_risk_suggests_red():
    # Due 1 December 2023: 121 days overdue, more than 90.
    late = Evidence(as_at=END, milestones=[("Move in", datetime.date(2023, 12, 1), None)])
    assert suggest(late).rating == "red"
    severe = Evidence(as_at=END, risks=[("R1", 20)])
    assert suggest(severe).rating == "red"


def test_a_risk_above_threshold_suggests_amber_but_at_threshold_does_not():
    assert suggest(Evidence(as_at=END, risks=[("R2", 12)], risk_threshold=12)).rating == "green"
    suggestion = suggest(Evidence(as_at=END, risks=[("R2", 15)], risk_threshold=12))
    assert suggestion.rating == "amber"
    assert suggestion.reasons == ["Risk R2 has a residual score of 15, above the threshold of 12."]


def test_benefits_behind_profile_use_the_programme_thresholds():
    # £85,000 signed off against £100,000 profiled: 85%, under the 90% Amber line, so Red.
    behind = Evidence(as_at=END, benefits_actual=Decimal(85_000), benefits_profiled=Decimal(100_000))
    assert suggest(behind).rating == "red"
    assert "£85,000 against £100,000 profiled for the same years (85%)" in suggest(behind).reasons[0]
    # £95,000 of £100,000: 95%, Amber.
    near = Evidence(as_at=END, benefits_actual=Decimal(95_000), benefits_profiled=Decimal(100_000))
    assert suggest(near).rating == "amber"

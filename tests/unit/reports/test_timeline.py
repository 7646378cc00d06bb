"""The plan's timeline drawn by hand: where a date falls, the marks' shapes, today's line, the words."""

import datetime

from bluelight.reports.timeline import ACHIEVED, DUE, OVERDUE, Lane, Mark, timeline_svg

D = datetime.date


def test_dates_fall_where_they_should_and_each_state_has_its_own_shape():
    # 1 April 2020 to 31 March 2022: 729 days; 900 wide less 240 for labels and 20 at the right = 640
    lanes = [
        Lane("Joint Fleet Workshop, Boreham, and a very long name", "In delivery", D(2020, 4, 1), None, [
            Mark(D(2021, 4, 1), "Workshop open", ACHIEVED),  # 365 days: 240 + 640 × 365 / 729 = 560.4
            Mark(D(2021, 9, 30), "Second bay", OVERDUE),
        ]),
        Lane("Joint procurement", "Paused", D(2020, 10, 1), D(2021, 3, 31), [Mark(D(2022, 1, 1), "Contracts", DUE)]),
    ]  # fmt: skip
    svg = timeline_svg(lanes, D(2020, 4, 1), D(2022, 3, 31), D(2020, 10, 1), "The plan")
    assert '<circle cx="560.4" cy="48.0" r="6" fill="#00703c"/>' in svg  # achieved: a filled circle, lane 1
    # overdue: a diamond on 30 September 2021 (547 days: 240 + 640 × 547 / 729 = 720.2)
    assert '<polygon points="720.2,41.0 727.2,48.0 720.2,55.0 713.2,48.0" fill="#d4351c"/>' in svg
    # due: an open circle, lane 2 (34 + 28 + 14 = 76); 1 January 2022 is day 640: 240 + 640 × 640 / 729 = 801.9
    assert '<circle cx="801.9" cy="76.0" r="5.5" fill="#ffffff" stroke="#1d70b8" stroke-width="2.5"/>' in svg
    # the paused workstream's bar runs from 1 October 2020 (day 183: 400.7) to 31 March 2021 (day 364: 559.6)
    assert '<rect x="400.7" y="71.0" width="158.9" height="10" fill="#d2e2f1"/>' in svg
    assert 'x1="400.7" x2="400.7"' in svg and ">Today</text>" in svg  # today, 1 October 2020
    assert ">2020/21</text>" in svg and ">2021/22</text>" in svg
    assert ">Joint Fleet Workshop, Boreham, an…<" in svg  # a long name is cut to 34 characters, whole in its title
    assert ("<desc id=\"timeline-desc\">2 workstreams from 1 April 2020 to 31 March 2022; milestones: 1 achieved, "
            "1 due, 1 overdue; today is 1 October 2020.</desc>") in svg  # fmt: skip
    assert "<title>Second bay: overdue, 30 September 2021</title>" in svg


def test_today_outside_the_cycle_draws_no_line():
    svg = timeline_svg([Lane("A", "Closed", None, None, [])], D(2020, 4, 1), D(2021, 3, 31), D(2026, 12, 4), "Plan")
    assert ">Today</text>" not in svg and "<rect" not in svg


def test_a_large_programme_draws_the_workstreams_whose_next_milestone_comes_soonest():
    from bluelight.governance.plan import nearest

    # 5 lanes, 3 kept: the open milestones of lanes 4 (2021), 1 (2022) and 2 (2023) come soonest; lane 0 has
    # only an achieved one and lane 3 none; the kept keep their order
    lanes = [Lane(f"W{n}", "In delivery", None, None, marks) for n, marks in enumerate([
        [Mark(D(2020, 5, 1), "done", ACHIEVED)], [Mark(D(2022, 1, 1), "a", DUE)], [Mark(D(2023, 1, 1), "b", DUE)],
        [], [Mark(D(2021, 1, 1), "c", OVERDUE)],
    ])]  # fmt: skip
    assert [lane.label for lane in nearest(lanes, most=3)] == ["W1", "W2", "W4"]
    assert nearest(lanes, most=5) == lanes

"""The programme office's week on the demo: a dashboard that explains itself (the reasons beside each
Red, Amber and changed rating, and a headline of benefits, overdue actions, milestones due and the
next meeting)."""

import datetime
import re

from django.utils import timezone

from bluelight.core.models import User
from tests.helpers import table_rows, text_of


def test_the_dashboard_gives_the_reasons_and_the_headline(client, demo):
    client.force_login(User.objects.get(username="programme.office"))
    page = client.get("/programmes/essex-escp/").content.decode()
    rows = {row[0]: row for row in table_rows(page, "dashboard-table")}
    # Amber, and changed since 2023/24: the start of its rationale, linked to the whole
    assert rows["Joint procurement"][1:] == [
        "Amber", "Green", "Previously Green",
        "Illustrative: fewer joint contracts came up for renewal than planned. Read the rationale for Joint procurement",
    ]  # fmt: skip
    assert rows["Joint Fleet Workshop, Boreham"][4].startswith("Illustrative: the build programme is behind")
    assert rows["Project Minerva"][1:] == ["Green", "Green", "No change", ""]  # Green and unchanged: nothing to say
    assert 'href="/programmes/essex-escp/workstreams/joint-procurement/#rating-history"' in page

    headline = text_of(page, "headline")
    # the benefits dashboard's own figures (worked by hand in test_benefit_totals.py)
    assert ("Benefits As profiled: £14,266,000, 92.6% of the £15,400,000 target; a less than 1% chance of "
            "reaching it. Rated Amber") in headline  # fmt: skip
    assert "Overdue actions 3 overdue" in headline  # the demo's three actions past their dates
    assert "Milestones due in the next 90 days None due." in headline
    proposed = re.search(r"Strategic Governance Board: \w+ (\d+ \w+ \d{4}) proposed from its cadence, not yet "
                         r"scheduled", headline)  # fmt: skip
    assert proposed, headline
    assert datetime.datetime.strptime(proposed.group(1), "%d %B %Y").date() >= timezone.localdate()

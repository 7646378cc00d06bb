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



def _worklist(client, username) -> dict[str, list[str]]:
    client.force_login(User.objects.get(username=username))
    page = client.get("/").content.decode()
    return {name: [re.sub(r"\s+", " ", item).strip() for item in re.findall(r"<li>(.*?)</li>", block, re.S)]
            for name, block in re.findall(r'data-list="([^"]+)">(.*?)</ul>', page, re.S)}  # fmt: skip


def _words(items: list[str]) -> list[str]:
    return [re.sub(r"<[^>]+>", "", item).strip() for item in items]


def test_each_demo_role_has_its_worklist_and_the_office_sees_what_is_new(client, demo):
    from bluelight.core.history import Actor
    from bluelight.programmes.models import Workstream
    from bluelight.status import services as status_services
    from bluelight.status.models import ReportingPeriod

    office = _worklist(client, "programme.office")
    # 2024/25 is open; four workstreams in delivery have no rating in it (the seeds give none)
    missing = ["Rate Arson Prevention Programme", "Rate Housing growth and infrastructure",
               "Rate Shared control facility", "Rate Tri-Service Officer expansion"]  # fmt: skip
    assert _words(office["ratings-due"]) == missing
    # measured actuals (entered by the system's feed) wait for the office's sign-off, one a year from 2017/18
    sign_off = _words(office["sign-off"])
    assert sign_off[0] == "Police time released from gaining entry for ambulance crews, 2017/18: £134,730"
    assert len(sign_off) == 9 and "new-ratings" not in office
    fire = _worklist(client, "fire.lead")  # ECFRS leads two of the four
    assert _words(fire["ratings-due"]) == ["Rate Arson Prevention Programme", "Rate Tri-Service Officer expansion"]
    assert "sign-off" not in fire
    assert _worklist(client, "board.member") == {}  # nothing to do: a board member reads
    assert "Nothing needs you here today." in text_of(client.get("/").content.decode(), "worklist-essex-escp")

    lead = User.objects.get(username="fire.lead")
    arson = Workstream.objects.get(programme__slug="essex-escp", title="Arson Prevention Programme")
    period = ReportingPeriod.objects.get(programme__slug="essex-escp", label="2024/25")
    status_services.assessment_record(actor=Actor(lead), workstream=arson, period=period, rating="amber",
                                      rationale="Two referral routes are not yet running.")  # fmt: skip
    office = _worklist(client, "programme.office")
    assert _words(office["new-ratings"]) == ["Arson Prevention Programme, 2024/25: Amber"]
    assert _words(office["ratings-due"]) == missing[1:]
    assert "new-ratings" not in _worklist(client, "programme.office")  # seen now


def test_remind_sends_each_person_their_worklist_by_email(demo, capsys):
    from django.core import mail

    from bluelight.cli import main

    assert main(["remind", "--dry-run"]) == 0
    assert mail.outbox == [] and "3 reminder(s) would be sent." in capsys.readouterr().out
    assert main(["remind", "--programme", "essex-escp"]) == 0
    by_person = {message.to[0]: message for message in mail.outbox}
    # the office's two people and the fire service's lead; the police lead and the board member have nothing
    assert sorted(by_person) == ["finance.officer@example.org", "fire.lead@example.org", "programme.office@example.org"]
    fire = by_person["fire.lead@example.org"].body
    assert ("Ratings due for 2024/25 (the workstreams you lead):\n- Arson Prevention Programme\n"
            "- Tri-Service Officer expansion\n") in fire  # fmt: skip
    office = by_person["programme.office@example.org"].body
    assert "Ratings missing for 2024/25:\n- Arson Prevention Programme\n- Housing growth" in office
    assert "Actuals awaiting your sign-off:\n- Police time released from gaining entry for ambulance crews, " \
           "2017/18: £134,730\n" in office
    assert by_person["fire.lead@example.org"].subject.startswith("Bluelight: what needs you this week")


def test_history_reads_in_words(client, demo):
    from bluelight.core.history import Actor
    from bluelight.core.models import Organisation
    from bluelight.programmes.models import Workstream
    from bluelight.programmes.services import workstream_update

    office = User.objects.get(username="programme.office")
    fleet = Workstream.objects.get(programme__slug="essex-escp", key="joint-fleet-workshop")
    was = fleet.illustrative
    workstream_update(actor=Actor(office), workstream=fleet, expected_version=fleet.version, stage="paused",
                      stage_reason="Build contractor gone into administration", illustrative=not was,
                      stage_changed_on=datetime.date(2026, 11, 30),
                      partner_organisations=list(Organisation.objects.filter(short_code__in=["EP", "EEAST"])))  # fmt: skip
    client.force_login(office)
    timeline = text_of(client.get("/programmes/essex-escp/workstreams/joint-fleet-workshop/").content.decode(),
                       "timeline")  # fmt: skip
    latest = timeline[: timeline.index("Created")]  # the newest entry, before the ones under it
    assert "Stage: In delivery → Paused" in latest  # labels, not in_delivery
    assert "Stage reason: (blank) → Build contractor gone into administration" in latest
    assert ("Illustrative: Yes → No" if was else "Illustrative: No → Yes") in latest
    assert "Partner organisations: Essex County Fire and Rescue Service; Essex Police → East of England " in latest
    assert "['" not in timeline and "_" not in latest
    assert "Rating: Amber Rationale:" in timeline  # a rating by its word, on the programme's scale

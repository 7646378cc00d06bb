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
    # not done and past their dates: scope new projects (21 November 2024), align control system contracts (20 March
    # 2025), cost the options (15 May 2025); the other two are done
    assert "Overdue actions 3 overdue" in headline
    assert "Milestones due in the next 90 days None due." in headline
    proposed = re.search(r"Strategic Governance Board: \w+ (\d+ \w+ \d{4}) proposed from its cadence, not yet "
                         r"scheduled", headline)  # fmt: skip
    assert proposed, headline
    assert datetime.datetime.strptime(proposed.group(1), "%d %B %Y").date() >= timezone.localdate()
    # the plan over time: the timeline, and the same milestones in the table beside it
    plan = {row[0]: row[1:] for row in table_rows(page, "plan-table")}
    assert plan["Tri-Service Officer expansion"] == [
        "In delivery", "18 Jul 2024: Full business case approved (achieved); 31 Jan 2025: Recruit the additional "
        "officers (overdue)"]  # fmt: skip
    assert 'aria-labelledby="timeline-title timeline-desc"' in page
    from bluelight.governance import plan as plans
    from bluelight.programmes.models import Programme
    from bluelight.programmes.scope import Scope

    lanes = {lane.label: lane for lane in plans.lanes(Programme.objects.get(slug="essex-escp"), Scope.everything(),
                                                      timezone.localdate())}  # fmt: skip
    fleet = lanes["Joint Fleet Workshop, Boreham"]
    assert fleet.start == datetime.date(2023, 4, 1) and fleet.end is None  # its first rating, 2023/24; still going
    receipt = lanes["Hoffmanns Way capital receipt"]  # closed in 2018, before its first rating: no span
    assert receipt.stage == "Closed" and receipt.start is None



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
    # measured actuals (entered by the system's feed) wait for the office's sign-off, one a year from 2017/18:
    # the synthetic log's 499 gain-entry requests in 2017/18 × 6 police hours × £45 = £134,730
    from bluelight.demand.models import ServiceRequest

    assert ServiceRequest.objects.filter(
        programme__slug="essex-escp", type="gain_entry", requested_at__gte=timezone.make_aware(datetime.datetime(2017, 4, 1)),
        requested_at__lt=timezone.make_aware(datetime.datetime(2018, 4, 1))).count() == 499  # fmt: skip
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
    assert "Rating: Amber Rationale: Illustrative" in timeline  # a rating by its word; fields in the model's order


def test_history_of_a_meeting_with_a_decision_reads_in_words(client, board_setup, office):
    from bluelight.core.history import Actor
    from bluelight.governance import services as governance

    item = governance.agenda_item_add(actor=Actor(office), meeting=board_setup["second"], title="Fleet options",
                                      kind="other", purpose="decision")  # fmt: skip
    governance.decision_record(actor=Actor(office), agenda_item=item, outcome="approved", summary="Go ahead")
    client.force_login(office)
    page = client.get(f"/programmes/test/meetings/{board_setup['second'].pk}/").content.decode()
    assert "Decision: (blank) → Fleet options: Approved" in text_of(page, "timeline")


def test_an_edited_executive_summary_is_in_the_page_and_every_export(client, demo):
    import io

    import docx
    import pypdf
    from odf import opendocument, teletype
    from odf.text import P

    client.force_login(User.objects.get(username="programme.office"))
    url = "/programmes/essex-police-collaboration/reports/annual/2023/"
    form = client.get(url + "text/").content.decode()
    # the form starts from the summary Bluelight works out
    assert "10 collaborative workstreams are reported. Of these, 7 are rated Green and 3 are rated Amber." in form
    summary = ("Collaboration held up in 2023: seven of ten workstreams are Green.\n\nMental Health needs the "
               "board's attention: demand has outgrown the triage car.")  # fmt: skip
    recommendations = "The board is asked to note the report and to agree a review of mental health triage."
    saved = client.post(url + "text/", {"summary": summary, "recommendations": recommendations})
    assert saved.status_code == 302 and saved["Location"] == url
    page = client.get(url).content.decode()
    assert text_of(page, "summary-edited") == ("Collaboration held up in 2023: seven of ten workstreams are Green. "
                                               "Mental Health needs the board's attention: demand has outgrown the "
                                               "triage car.")  # fmt: skip
    assert text_of(page, "recommendations") == recommendations and 'id="summary-reported"' not in page

    def download(fmt):
        return client.get(url + "download/", {"format": fmt}).content

    assert "demand has outgrown the triage car" in download("html").decode()
    pdf = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(download("pdf"))).pages)
    assert "demand has outgrown the triage car" in " ".join(pdf.split())
    assert "agree a review of mental health triage" in " ".join(pdf.split())
    word = [p.text for p in docx.Document(io.BytesIO(download("docx"))).paragraphs]
    assert "Mental Health needs the board's attention: demand has outgrown the triage car." in word
    assert recommendations in word
    odt = [teletype.extractText(p) for p in opendocument.load(io.BytesIO(download("odt"))).text.getElementsByType(P)]
    assert "Collaboration held up in 2023: seven of ten workstreams are Green." in odt and recommendations in odt

    # a second version is kept; an empty summary goes back to the worked-out one
    client.post(url + "text/", {"summary": summary + " Funding is agreed.", "recommendations": recommendations,
                                "summary_version": "1", "recommendations_version": "1"})  # fmt: skip
    versions = text_of(client.get(url + "text/").content.decode(), "text-versions")
    assert versions.count("Executive summary, annual:2023") == 2 and "Funding is agreed." in versions
    client.post(url + "text/", {"summary": "", "recommendations": recommendations, "summary_version": "2",
                                "recommendations_version": "1"})  # fmt: skip
    assert "10 collaborative workstreams are reported." in text_of(client.get(url).content.decode(), "summary-reported")


def test_only_the_office_edits_a_report_and_a_stale_edit_is_refused(client, demo):
    client.force_login(User.objects.get(username="fire.lead"))
    url = "/programmes/essex-escp/reports/annual/2024/25/text/"
    assert client.get(url).status_code == 403
    client.force_login(User.objects.get(username="programme.office"))
    client.post(url, {"summary": "First.", "recommendations": ""})
    stale = client.post(url, {"summary": "Second, from a page opened before the first was saved.",
                              "recommendations": ""})  # fmt: skip
    assert stale.status_code == 409 and "after you started editing it" in stale.content.decode()



def test_the_annual_report_has_the_risks_above_threshold_and_the_year_ahead_in_every_format(client, demo):
    import io

    import docx

    client.force_login(User.objects.get(username="programme.office"))
    url = "/programmes/essex-escp/reports/annual/2024/25/"
    page = client.get(url).content.decode()
    headings = re.findall(r'<h2 class="govuk-heading-m"[^>]*>([^<]+)</h2>', page)
    assert headings[5:9] == ["6.0 Benefits", "7.0 Risks and the year ahead", "8.0 Links to plan priorities",
                             "9.0 Consultation and engagement"]  # fmt: skip
    # the demo's open risks scoring above its threshold of 12: R1 4 × 4 = 16, R3 3 × 5 = 15
    assert table_rows(page, "report-risks")[1:] == [
        ["R1", "Benefits fall short of the programme target", "16 (High)", "Head of the programme office", "Programme"],
        ["R3", "Control room systems cannot be integrated", "15 (High)", "Programme office", "Shared control facility"],
    ]  # fmt: skip
    assert table_rows(page, "report-milestones")[1] == ["31 January 2025", "Recruit the additional officers",
                                                        "Tri-Service Officer expansion", "Overdue"]  # fmt: skip
    word = docx.Document(io.BytesIO(client.get(url + "download/", {"format": "docx"}).content))
    assert "7.0 Risks and the year ahead" in [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert ["R3", "Control room systems cannot be integrated", "15 (High)", "Programme office",
            "Shared control facility"] in [[c.text for c in row.cells] for t in word.tables for row in t.rows]  # fmt: skip
    from bluelight.status.models import ReportingPeriod

    published = ReportingPeriod.objects.filter(programme__slug="essex-escp", published_at__isnull=False).first()
    public = client.get(f"/public/essex-escp/{published.label}/")  # the risk register is not for the public
    assert public.status_code == 200 and "Risks above the threshold" not in public.content.decode()



def test_headings_and_the_words_before_a_table_keep_with_what_follows(client, demo):
    import io

    import docx
    from odf import opendocument, teletype
    from odf.text import P

    client.force_login(User.objects.get(username="programme.office"))
    url = "/programmes/essex-escp/reports/annual/2024/25/download/"
    word = docx.Document(io.BytesIO(client.get(url, {"format": "docx"}).content))
    paragraphs = word.paragraphs
    heading = next(p for p in paragraphs if p.text == "7.0 Risks and the year ahead")
    assert heading.paragraph_format.keep_with_next is True
    lead_in = next(p for p in paragraphs if p.text.startswith("Open risks whose residual score"))
    assert lead_in.paragraph_format.keep_with_next is True  # it introduces the risks' table
    dashboard = next(p for p in paragraphs if p.text.startswith("Each workstream has a Red/Amber/Green status"))
    assert dashboard.paragraph_format.keep_with_next is True  # it introduces Table 1
    purpose = next(p for p in paragraphs if p.text.startswith("This report gives the annual update"))
    assert not purpose.paragraph_format.keep_with_next  # a heading follows it: the page may break after it
    odt = opendocument.load(io.BytesIO(client.get(url, {"format": "odt"}).content))
    lead = next(p for p in odt.text.getElementsByType(P) if teletype.extractText(p).startswith("Open risks whose"))
    assert lead.getAttribute("stylename") == "Body_20_kept_20_with_20_next"  # ODF escapes the spaces
    pdf_css = client.get(url, {"format": "html"}).content.decode()
    assert "h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }" in pdf_css  # the HTML the PDF is made of


def test_the_board_pack_names_the_workstreams_below_green_and_why(client, demo):
    import io

    import docx

    from bluelight.governance.models import Meeting

    client.force_login(User.objects.get(username="programme.office"))
    meeting = Meeting.objects.filter(programme__slug="essex-escp").order_by("-held_on").first()
    page = client.get(f"/programmes/essex-escp/meetings/{meeting.pk}/pack/").content.decode()
    rows = table_rows(page, "concerns")
    assert rows[0] == ["Workstream", "Rating", "Why"]
    assert ["Joint Fleet Workshop, Boreham", "Amber",
            "Illustrative: the build programme is behind its original plan."] in rows  # fmt: skip
    assert ["Joint procurement", "Amber", "Illustrative: fewer joint contracts came up for renewal than planned."] in rows
    word = docx.Document(io.BytesIO(client.get(f"/programmes/essex-escp/meetings/{meeting.pk}/pack.docx").content))
    assert "Below Green, and why" in [p.text for p in word.paragraphs]


def test_the_board_pack_has_a_summary_and_recommendations_the_office_can_rewrite(client, demo):
    import html
    import io

    import docx
    from odf import opendocument, teletype
    from odf.text import P

    from bluelight.governance.models import Meeting

    client.force_login(User.objects.get(username="programme.office"))
    meeting = Meeting.objects.filter(programme__slug="essex-escp").order_by("-held_on").first()
    url = f"/programmes/essex-escp/meetings/{meeting.pk}/pack/"
    computed = text_of(client.get(url).content.decode(), "pack-summary")
    # two below Green (Joint Fleet Workshop, Joint procurement); benefits as on the dashboard; R1 and R3 above 12
    assert computed.startswith("2 workstreams rated below Green in 2024/25: Joint Fleet Workshop, Boreham, Joint "
                               "procurement. Benefits stand at £14,266,000, 92.6% of the £15,400,000 target (Amber). "
                               "2 risks above the threshold of 12;")  # fmt: skip
    assert client.post(url + "text/", {"summary": "Fleet is the board's one worry this time.",
                                       "recommendations": "Agree the fleet recovery plan."}).status_code == 302  # fmt: skip
    assert text_of(client.get(url).content.decode(), "pack-recommendations") == "Agree the fleet recovery plan."
    assert "Fleet is the board's one worry this time." in html.unescape(client.get(
        f"/programmes/essex-escp/meetings/{meeting.pk}/pack.html").content.decode())  # fmt: skip
    word = [p.text for p in docx.Document(io.BytesIO(client.get(
        f"/programmes/essex-escp/meetings/{meeting.pk}/pack.docx").content)).paragraphs]  # fmt: skip
    assert "Fleet is the board's one worry this time." in word and "Agree the fleet recovery plan." in word
    odt = opendocument.load(io.BytesIO(client.get(f"/programmes/essex-escp/meetings/{meeting.pk}/pack.odt").content))
    assert "Agree the fleet recovery plan." in [teletype.extractText(p) for p in odt.text.getElementsByType(P)]

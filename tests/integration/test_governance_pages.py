import datetime
import io

import pypdf

from bluelight.governance import services as governance
from bluelight.governance.models import Document
from bluelight.programmes.models import Workstream
from tests.conftest import make_user
from tests.helpers import error_summary, table_rows
from tests.unit.governance.test_uploads import docx_bytes


def _upload(name: str, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def test_a_mismatched_upload_is_refused_on_the_page_and_nothing_is_kept(signed_in, board_setup):
    from bluelight.core import files

    before = files.names()
    response = signed_in.post(
        "/programmes/test/papers/new/file/",
        {"title": "Signed MoU", "upload": _upload("Signed MoU.pdf", docx_bytes())},
    )
    assert response.status_code == 400
    assert "The file is not a real .pdf file: its content does not match." in error_summary(response.content.decode())
    assert not Document.objects.exists()
    assert files.names() == before


def test_an_uploaded_paper_is_served_as_a_download_under_its_own_name(signed_in, board_setup):
    response = signed_in.post(
        "/programmes/test/papers/new/file/", {"title": "Signed MoU", "upload": _upload("Signed MoU.docx", docx_bytes())}
    )
    paper = Document.objects.get()
    assert response["Location"] == f"/programmes/test/papers/{paper.id}/"
    download = signed_in.get(f"/programmes/test/papers/{paper.id}/file/")
    assert download["Content-Disposition"] == 'attachment; filename="Signed MoU.docx"'
    assert download["Content-Type"].endswith("wordprocessingml.document")
    assert b"".join(download.streaming_content) == docx_bytes()


def test_a_board_member_who_attended_records_the_approval_and_the_stage_moves(client, board_setup, system):
    hubs, meeting = board_setup["hubs"], board_setup["second"]
    member_user = make_user("chief", board_setup["police"], board_setup["programme"], "board_member")
    absent_user = make_user("absent", board_setup["police"], board_setup["programme"], "board_member")
    seat = board_setup["chief"]
    seat.user = member_user
    seat.save()
    governance.attendance_set(actor=system, meeting=meeting, statuses={seat: "present"})
    case = governance.document_create(actor=system, programme=board_setup["programme"], workstream=hubs,
                                      kind="business_case", title="Hubs business case")  # fmt: skip
    governance.agenda_item_add(actor=system, meeting=meeting, title="", kind="business_case", document=case)
    url = f"/programmes/test/meetings/{meeting.id}/agenda/1/decision/"

    client.force_login(absent_user)
    assert client.post(url, {"outcome": "approved", "summary": "Yes"}).status_code == 403
    client.force_login(member_user)
    refused = client.post(url, {"outcome": "approved_with_conditions", "summary": "Yes"})
    assert refused.status_code == 400
    assert "Enter the conditions of the approval." in error_summary(refused.content.decode())
    assert client.post(url, {"outcome": "approved", "summary": "Approved as presented"}).status_code == 302
    hubs.refresh_from_db()
    assert hubs.stage == Workstream.Stage.BUSINESS_CASE
    page = client.get("/programmes/test/workstreams/hubs/").content.decode()
    assert "Business case “Hubs business case” approved by the Joint Board on 21 March 2024" in page
    assert "Hubs by chief through web page" in page


def test_overdue_action_shows_on_the_log_and_in_the_downloaded_pack(signed_in, board_setup, system):
    today = datetime.date.today()
    governance.action_create(actor=system, programme=board_setup["programme"], description="Report vetting",
                             owner="Estates lead", due_on=today - datetime.timedelta(days=3))  # fmt: skip
    governance.action_create(actor=system, programme=board_setup["programme"], description="Circulate MoU",
                             owner="Office", due_on=today - datetime.timedelta(days=3), status="done")  # fmt: skip
    rows = table_rows(signed_in.get("/programmes/test/actions/?show=overdue").content.decode(), "action-log")
    assert [r[0] for r in rows[1:]] == ["A1 Report vetting"] and rows[1][3] == "Overdue"
    response = signed_in.get(f"/programmes/test/meetings/{board_setup['second'].id}/pack.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    open_part, done_part = text.split("Open actions")[1].split("Done since the last meeting")
    assert "A1 Report vetting Estates lead" in open_part and "Overdue" in open_part
    assert "Circulate MoU" not in open_part and "A2 Circulate MoU Office" in done_part


def test_the_risk_register_heat_map_table_matches_the_register(signed_in, board_setup):
    page = signed_in.get("/programmes/test/risks/").content.decode()
    rows = table_rows(page, "heat-map-table")
    # Rows are likelihood 5 down to 1; columns impact 1 to 5. R1 at 4 × 4, R2 at 3 × 5, R3 at 2 × 3.
    assert rows[2] == ["4 Likely", "0", "0", "0", "1", "0"]
    assert rows[3] == ["3 Possible", "0", "0", "0", "0", "1"]
    assert rows[4] == ["2 Unlikely", "0", "0", "1", "0", "0"]
    assert sum(int(n) for row in rows[1:] for n in row[1:]) == 3


def test_an_organisation_editor_cannot_add_a_programme_level_risk(client, board_setup, fire_editor):
    client.force_login(fire_editor)
    form = {
        "title": "x", "kind": "risk", "cause": "c", "event": "e", "effect": "f", "owner": "o",
        "inherent_likelihood": 3, "inherent_impact": 3, "residual_likelihood": 2, "residual_impact": 2,
        "proximity": "3m", "status": "open",
    }  # fmt: skip
    refused = client.post("/programmes/test/risks/new/", form)
    assert refused.status_code == 400
    assert "only the programme office can put a risk at programme level" in error_summary(refused.content.decode())
    fleet = board_setup["fleet"]  # led by the fire service
    assert client.post("/programmes/test/risks/new/", {**form, "workstream": fleet.id}).status_code == 302
    assert fleet.risks.get().title == "x"


def test_attendance_is_recorded_on_the_meeting_page(signed_in, board_setup):
    meeting, seat = board_setup["second"], board_setup["chief"]
    url = f"/programmes/test/meetings/{meeting.id}/attendance/"
    assert signed_in.post(url, {f"member_{seat.id}": "maybe"}).status_code == 400
    assert signed_in.post(url, {f"member_{seat.id}": "apologies"}).status_code == 302
    page = signed_in.get(f"/programmes/test/meetings/{meeting.id}/").content.decode()
    assert "Chief Constable (TP): Apologies" in page


def test_the_rating_page_shows_the_suggestion_and_keeps_the_leads_reason(signed_in, board_setup, system):
    fleet = board_setup["fleet"]
    governance.milestone_create(actor=system, workstream=fleet, title="Open the workshop",
                                due_on=datetime.date(2023, 12, 1))  # fmt: skip
    url = "/programmes/test/workstreams/fleet/ratings/2023/"
    page = signed_in.get(url).content.decode()
    assert "Suggested rating:" in page and "is 30 days overdue." in page
    refused = signed_in.post(url, {"rating": "green"})
    assert refused.status_code == 400
    assert "Enter why you rate it Green when the rules suggest Amber." in error_summary(refused.content.decode())
    assert signed_in.post(url, {"rating": "green", "departure_reason": "Opened 2 January"}).status_code == 302
    detail = signed_in.get("/programmes/test/workstreams/fleet/").content.decode()
    assert "The rules suggested Amber; the lead's reason for differing: Opened 2 January" in detail


def test_a_paper_is_changed_with_a_version_check_and_its_history(signed_in, board_setup, system):
    case = governance.document_create(actor=system, programme=board_setup["programme"], kind="business_case",
                                      title="Hubs case", case_stage="soc", economic_case="Draft")  # fmt: skip
    url = f"/programmes/test/papers/{case.id}/edit/"
    form = {"title": "Hubs case", "case_stage": "obc", "economic_case": "Three options appraised", "version": 1}
    assert signed_in.post(url, form).status_code == 302
    stale = signed_in.post(url, {**form, "economic_case": "Older draft"})
    assert stale.status_code == 409 and "after you started editing it" in error_summary(stale.content.decode())
    case.refresh_from_db()
    assert (case.case_stage, case.economic_case, case.version) == ("obc", "Three options appraised", 2)
    page = signed_in.get(f"/programmes/test/papers/{case.id}/").content.decode()
    assert "Economic case: Draft → Three options appraised" in page  # in words: the field's label


def test_a_board_member_reads_but_cannot_add_risks_papers_or_update_actions(client, board_setup, system):
    # The board member is of the police, which leads Hubs and owns the action: reading is all the role allows.
    member = make_user("member", board_setup["police"], board_setup["programme"], "board_member")
    governance.action_create(actor=system, programme=board_setup["programme"], description="Report",
                             owner="Chief", owner_organisation=board_setup["police"],
                             due_on=datetime.date(2030, 1, 1))  # fmt: skip
    client.force_login(member)
    assert client.get("/programmes/test/risks/").status_code == 200
    assert client.get("/programmes/test/risks/new/").status_code == 403
    assert client.get("/programmes/test/papers/new/closure_report/").status_code == 403
    assert client.get("/programmes/test/actions/1/").status_code == 403
    editor = make_user("police.editor", board_setup["police"], board_setup["programme"], "organisation_editor")
    client.force_login(editor)
    assert client.get("/programmes/test/actions/1/").status_code == 200


def test_the_risk_register_and_action_log_take_the_same_queries_for_more_rows(signed_in, board_setup, system):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url):
        with CaptureQueriesContext(connection) as ctx:
            assert signed_in.get(url).status_code == 200
        return len(ctx.captured_queries)

    programme = board_setup["programme"]
    signed_in.get("/")  # the session's first request records its start: not the pages' own queries
    before = count("/programmes/test/risks/"), count("/programmes/test/actions/")
    for n in range(5):
        governance.risk_create(actor=system, programme=programme, title=f"More {n}", cause="c", event="e",
                               effect="f", owner="o", inherent_likelihood=3, inherent_impact=3,
                               residual_likelihood=2, residual_impact=2)  # fmt: skip
        governance.action_create(actor=system, programme=programme, description=f"Do {n}", owner="o",
                                 due_on=datetime.date(2030, 1, 1))  # fmt: skip
    assert (count("/programmes/test/risks/"), count("/programmes/test/actions/")) == before

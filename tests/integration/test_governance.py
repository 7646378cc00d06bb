import datetime
import io
import json

import pypdf
import pytest
from django.core.exceptions import ValidationError

from bluelight.cli import main
from bluelight.core.history import history_of
from bluelight.governance import selectors
from bluelight.governance import services as governance
from bluelight.governance.models import Document
from bluelight.governance.pack import build_pack, render_pdf
from bluelight.programmes.models import Workstream
from tests.helpers import text_of

D = datetime.date
TODAY = datetime.date.today()


def test_the_heat_map_counts_equal_the_register(board_setup, system):
    # Open risks by residual position: R1 at 4 × 4, R2 at 3 × 5, R3 at 2 × 3. A closed risk does not count.
    programme = board_setup["programme"]
    r3 = board_setup["r3"]
    governance.risk_create(
        actor=system, programme=programme, title="Closed one", cause="c", event="e", effect="f", owner="o",
        inherent_likelihood=5, inherent_impact=5, residual_likelihood=5, residual_impact=5, status="closed",
    )  # fmt: skip
    counts = selectors.heat_map(programme).counts
    assert {cell: n for cell, n in counts.items() if n} == {(4, 4): 1, (3, 5): 1, (2, 3): 1}
    # Moving R3 to 4 × 4 puts two risks in that cell and empties 2 × 3.
    governance.risk_update(actor=system, risk=r3, expected_version=r3.version, inherent_likelihood=4,
                           inherent_impact=4, residual_likelihood=4, residual_impact=4)  # fmt: skip
    counts = selectors.heat_map(programme).counts
    assert {cell: n for cell, n in counts.items() if n} == {(4, 4): 2, (3, 5): 1}


def test_a_residual_score_above_inherent_is_refused(board_setup, system):
    r3 = board_setup["r3"]
    with pytest.raises(ValidationError) as refused:
        governance.risk_update(actor=system, risk=r3, expected_version=r3.version, residual_impact=5)
    assert "Residual impact cannot be higher than inherent" in str(refused.value)
    r3.refresh_from_db()
    assert r3.residual_impact == 3 and r3.reviews.count() == 1


def test_approving_a_business_case_moves_the_workstream_on_and_says_who_and_when(board_setup, office):
    from bluelight.core.history import Actor

    hubs = board_setup["hubs"]
    assert hubs.stage == Workstream.Stage.PROPOSED
    case = governance.document_create(
        actor=Actor(office), programme=board_setup["programme"], workstream=hubs, kind="business_case",
        title="Hubs outline business case", case_stage="obc", strategic_case="Why hubs",
    )  # fmt: skip
    item = governance.agenda_item_add(
        actor=Actor(office), meeting=board_setup["second"], title="", kind="business_case", purpose="decision",
        document=case,
    )  # fmt: skip
    case.refresh_from_db()
    assert case.status == Document.Status.SUBMITTED and item.title == "Hubs outline business case"
    with pytest.raises(ValidationError, match="Enter the conditions"):
        governance.decision_record(actor=Actor(office), agenda_item=item, outcome="approved_with_conditions",
                                   summary="Approved")  # fmt: skip
    governance.decision_record(
        actor=Actor(office), agenda_item=item, outcome="approved_with_conditions", summary="Approved",
        conditions="Report costs in six months",
    )  # fmt: skip
    hubs.refresh_from_db()
    case.refresh_from_db()
    assert hubs.stage == Workstream.Stage.BUSINESS_CASE and hubs.stage_changed_on == D(2024, 3, 21)
    assert case.status == Document.Status.APPROVED_WITH_CONDITIONS
    entry = history_of(hubs).first()
    assert entry.actor == office and entry.actor_name == office.display_name
    assert entry.changes["stage"] == ["proposed", "business_case"]
    assert entry.note == (
        "Business case “Hubs outline business case” approved with conditions by the Joint Board on 21 March 2024"
    )


def test_a_rejected_business_case_leaves_the_stage_alone(board_setup, system):
    hubs = board_setup["hubs"]
    case = governance.document_create(actor=system, programme=board_setup["programme"], workstream=hubs,
                                      kind="business_case", title="Hubs")  # fmt: skip
    item = governance.agenda_item_add(actor=system, meeting=board_setup["second"], title="Hubs",
                                      kind="business_case", document=case)  # fmt: skip
    governance.decision_record(actor=system, agenda_item=item, outcome="rejected", summary="Not affordable")
    hubs.refresh_from_db()
    assert hubs.stage == Workstream.Stage.PROPOSED


def _actions(board_setup, system):
    make = governance.action_create
    programme, meeting = board_setup["programme"], board_setup["first"]
    late = make(actor=system, programme=programme, meeting=meeting, description="Report vetting progress",
                owner="Estates lead", due_on=TODAY - datetime.timedelta(days=10))  # fmt: skip
    done = make(actor=system, programme=programme, meeting=meeting, description="Circulate the MoU",
                owner="Programme office", due_on=TODAY - datetime.timedelta(days=20), status="done")  # fmt: skip
    future = make(actor=system, programme=programme, meeting=meeting, description="Cost the options",
                  owner="Finance lead", due_on=TODAY + datetime.timedelta(days=30))  # fmt: skip
    return late, done, future


def test_overdue_actions_on_the_command_line(board_setup, system, capsys):
    late, done, future = _actions(board_setup, system)
    assert done.completed_on == TODAY  # marking done records the day
    assert main(["actions", "overdue", "--programme", "test", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["overdue"]
    assert [(r["reference"], r["description"], r["days_overdue"]) for r in rows] == [
        ("A1", "Report vetting progress", 10)
    ]
    assert main(["actions", "overdue"]) == 0
    out = capsys.readouterr().out
    assert "1 overdue action as at" in out and "test A1: Report vetting progress (Estates lead)" in out
    assert "Circulate the MoU" not in out and "Cost the options" not in out


def test_the_pack_pdf_holds_the_marking_agenda_risks_and_overdue_actions(board_setup, system, capsys, tmp_path):
    _actions(board_setup, system)
    second = board_setup["second"]
    governance.agenda_item_add(actor=system, meeting=second, title="Programme dashboard", presenter="Office")
    governance.agenda_item_add(actor=system, meeting=second, title="Vetting", kind="risk", risk=board_setup["r1"])
    out = tmp_path / "pack.pdf"
    code = main(["pack", "--meeting", str(second.id), "--format", "pdf", "--out", str(out),
                 "--marking", "OFFICIAL-SENSITIVE"])  # fmt: skip
    assert code == 0
    said = capsys.readouterr().out
    assert "2 agenda items, 2 risks above threshold, 1 overdue actions" in said
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert text.count("OFFICIAL-SENSITIVE") >= 2 * len(reader.pages)  # header and footer of every page
    assert "1. Programme dashboard" in text and "2. Vetting" in text
    # R1: 3 × 4 = 12 at the first meeting (18 January), 4 × 4 = 16 since 1 February.
    assert "R1 Vetting delays the move" in text and "16 (4 × 4, High) Up from 12" in text
    # R2: 3 × 5 = 15 throughout; R3 (6) is below the threshold of 12.
    assert "R2 Control systems cannot be joined" in text and "15 (3 × 5, High) No change" in text
    assert "Fleet downtime" not in text
    assert "A1 Report vetting progress" in text and "Overdue" in text
    assert "Circulate the MoU" in text  # done since the last meeting, listed as done
    assert "A2 Circulate the MoU" not in text.split("Open actions")[1].split("Done since")[0]
    assert reader.metadata.title == "Joint Board: board pack, 21 March 2024"


def test_the_pack_lists_risks_above_threshold_with_their_movement_and_renders_as_pdf(board_setup, system):
    pack = build_pack(board_setup["second"])
    assert [row.risk.reference for row in pack.risks] == ["R1", "R2"]
    assert [row.movement.words for row in pack.risks] == ["Up from 12", "No change"]
    assert render_pdf(pack).startswith(b"%PDF-")


def _stored_files():
    from bluelight.core import files

    return files.names()


def test_a_good_upload_is_stored_under_a_generated_name(board_setup, system):
    from tests.unit.governance.test_uploads import docx_bytes

    before = _stored_files()
    paper = governance.document_create(actor=system, programme=board_setup["programme"], kind="file",
                                       title="Signed MoU", upload=("../../Signed MoU.docx", docx_bytes()))  # fmt: skip
    assert paper.file_name == "Signed MoU.docx" and paper.size == len(docx_bytes())
    assert paper.stored_name.endswith(".docx") and "MoU" not in paper.stored_name
    assert set(_stored_files()) - set(before) == {paper.stored_name}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("case.docx", b"%PDF-1.7 not a docx", "not a real .docx document: its content does not match"),
        ("case.pdf", b"%PDF-" + b"0" * 2048, "it must be smaller than 1 KB"),
        ("case.docx", "bomb", "looks like a zip bomb"),
    ],
)
def test_a_refused_upload_stores_nothing(board_setup, system, settings, name, content, message):
    from tests.unit.governance.test_uploads import docx_bytes

    settings.BLUELIGHT = {**settings.BLUELIGHT, "UPLOAD_MAX_BYTES": 1024 if name == "case.pdf" else 5 * 1024 * 1024}
    if content == "bomb":
        content = docx_bytes(b"\0" * (20 * 1024 * 1024))
    before = _stored_files()
    with pytest.raises(ValidationError) as refused:
        governance.document_create(actor=system, programme=board_setup["programme"], kind="file", title="Case",
                                   upload=(name, content))  # fmt: skip
    assert message in refused.value.message_dict["upload"][0]
    assert not Document.objects.exists() and _stored_files() == before


def test_the_suggested_rating_is_kept_beside_a_different_one_with_the_reason(board_setup, system):
    from bluelight.status import services as status_services

    fleet, period = board_setup["fleet"], board_setup["2023"]
    # Due 1 December 2023 and not achieved: 30 days overdue at the period's end (31 December), so Amber.
    governance.milestone_create(actor=system, workstream=fleet, title="Open the workshop", due_on=D(2023, 12, 1))
    with pytest.raises(ValidationError) as refused:
        status_services.assessment_record(actor=system, workstream=fleet, period=period, rating="green")
    assert refused.value.message_dict["departure_reason"] == [
        "Enter why you rate it Green when the rules suggest Amber."
    ]
    assessment = status_services.assessment_record(
        actor=system, workstream=fleet, period=period, rating="green",
        departure_reason="The workshop opened on 2 January; only the paperwork was late.",
    )  # fmt: skip
    assert (assessment.rating, assessment.suggested_rating) == ("green", "amber")
    assert assessment.suggestion_reasons == [
        "Milestone “Open the workshop” was due on 1 December 2023 and is 30 days overdue."
    ]
    assert assessment.departure_reason.startswith("The workshop opened")
    # Agreeing with the suggestion needs no reason (Amber needs its rationale, as ever).
    agreed = status_services.assessment_record(
        actor=system, workstream=fleet, period=period, rating="amber", rationale="Workshop late",
        expected_version=assessment.version,
    )  # fmt: skip
    assert (agreed.suggested_rating, agreed.departure_reason) == ("amber", "")


def test_a_decision_waits_for_its_meeting_and_the_next_one_is_proposed_from_the_cadence(board_setup, office, client):
    from django.utils import timezone

    from bluelight.core.history import Actor
    from bluelight.governance.models import Decision

    today = timezone.localdate()
    ahead = governance.meeting_create(actor=Actor(office), board=board_setup["board"],
                                      programme=board_setup["programme"], held_on=today + datetime.timedelta(days=49))  # fmt: skip
    item = governance.agenda_item_add(actor=Actor(office), meeting=ahead, title="Fleet options", kind="other",
                                      purpose="decision")  # fmt: skip
    with pytest.raises(ValidationError, match=f"has not taken place yet: record its decisions on or after "
                                              f"{ahead.held_on:%-d %B %Y}"):  # fmt: skip
        governance.decision_record(actor=Actor(office), agenda_item=item, outcome="approved", summary="Go ahead")
    assert not Decision.objects.filter(agenda_item=item).exists()
    # nothing scheduled ahead once that meeting is cancelled: the next is proposed, bi-monthly from 21 March 2024
    governance.meeting_update(actor=Actor(office), meeting=ahead, expected_version=ahead.version, status="cancelled")
    client.force_login(office)
    page = client.get(f"/programmes/{board_setup['programme'].slug}/governance/").content.decode()
    months = 3  # March 2024, then every second month, to the first 21st on or after today
    while (proposed := datetime.date(2024 + (months - 1) // 12, (months - 1) % 12 + 1, 21)) < today:
        months += 2
    assert f"Joint Board: {proposed:%A %-d %B %Y} (bi-monthly; last met 21 March 2024)" in text_of(page, "proposed-meetings")

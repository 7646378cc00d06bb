"""A hotspot map and a response-cover scenario attached as evidence show in the annual report (page, DOCX) and in the board pack of a
meeting whose paper it is attached to, with its table; an OFFICIAL-SENSITIVE analysis is left out."""

import io

import docx
import pypdf
import pytest
from django.urls import reverse

from bluelight.core.history import Actor
from bluelight.core.models import User
from bluelight.evidence import services
from bluelight.evidence.models import Analysis, Attachment
from bluelight.governance.models import AgendaItem, Meeting
from bluelight.governance.pack import build_pack, render_pdf
from bluelight.programmes.models import Programme
from bluelight.reports.annual import build_annual_report
from bluelight.reports.annual_document import annual_document
from bluelight.reports.docx_writer import render_docx


@pytest.fixture
def escp(demo):
    return Programme.objects.get(slug="essex-escp")


def test_the_annual_report_shows_minervas_map_and_its_table(escp):
    period = escp.periods.order_by("starts_on").last()
    report = build_annual_report(escp, period)
    items = {item.record: item for item in report.sections["evidence"]}
    assert items.keys() == {"Workstream: Project Minerva", "Workstream: Joint Facilities"}
    item = items["Workstream: Project Minerva"]
    assert "SYNTHETIC" in item.analysis.title
    districts = {row[0]: row for row in item.figure.rows}
    summary = {d["district"]: d for d in item.analysis.result["districts"]}
    assert districts.keys() == summary.keys()
    assert districts["Basildon"][2] == str(summary["Basildon"]["hot_cells"])
    cover = items["Workstream: Joint Facilities"]  # the response-cover scenario: its before/after table
    before, after = cover.analysis.result["before"], cover.analysis.result["after"]
    first = cover.figure.rows[0]
    assert first[:4] == ["All incidents", f"{before['overall']['incidents']:,}",
                         f"{before['overall']['share_within']:.1%}", f"{after['overall']['share_within']:.1%}"]  # fmt: skip
    assert [row[0] for row in cover.figure.rows[1:]] == list(before["district"])


def test_the_annual_report_page_and_docx_include_the_map(escp, client):
    period = escp.periods.order_by("starts_on").last()
    client.force_login(User.objects.get(username="programme.office"))
    page = client.get(reverse("annual-report", args=[escp.slug, period.label])).content.decode()
    assert "Evidence from data" in page and 'class="bl-map"' in page and "Evidence for Workstream: Project Minerva." in page
    data = render_docx(annual_document(build_annual_report(escp, period)))
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert "Evidence from data" in texts
    assert any(t.startswith("Street-level crime in Essex, 2025") for t in texts)
    assert any(t.startswith("Co-responding from fire stations, Essex") for t in texts)
    assert len(document.inline_shapes) >= 3  # the ratings chart and the two maps


def test_the_board_pack_shows_the_map_attached_to_a_paper_on_its_agenda(escp):
    item = AgendaItem.objects.filter(meeting__programme=escp).exclude(document=None).first()
    analysis = Analysis.objects.get(programme=escp, kind="hotspots")
    services.analysis_attach(actor=Actor.system(), analysis=analysis, document=item.document,
                             note="Where the new hubs would sit.")  # fmt: skip
    pack = build_pack(item.meeting)
    [shown] = pack.sections["evidence"]
    assert shown.record.endswith(item.document.title) and shown.note == "Where the new hubs would sit."
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(render_pdf(pack))).pages)
    assert "Evidence from data for the papers" in text and "Where the new hubs would sit." in text
    other = Meeting.objects.filter(programme=escp).exclude(pk=item.meeting_id).exclude(agenda__document=item.document).first()
    assert "evidence" not in build_pack(other).sections


def test_an_official_sensitive_analysis_is_left_out_of_reports(escp):
    Analysis.objects.filter(programme=escp).update(marking="OFFICIAL-SENSITIVE")
    period = escp.periods.order_by("starts_on").last()
    assert "evidence" not in build_annual_report(escp, period).sections
    assert Attachment.objects.filter(workstream__key="project-minerva").exists()

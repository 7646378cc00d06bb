"""The annual report and the board pack as DOCX and ODT: real headings, tables, figures, marking, page numbers."""

import os
import shutil
import subprocess

import docx
import pypdf
import pytest
from odf import opendocument, teletype
from odf.draw import Frame
from odf.table import Table, TableCell, TableRow
from odf.text import H, P, PageNumber

from bluelight.cli import main
from tests.integration.test_annual_report import SEED_TABLE_1

SUMMARY = "10 collaborative workstreams are reported. Of these, 7 are rated Green and 3 are rated Amber."
MOVED = "1 of the 3 rated Amber has moved from Green to Amber in this reporting period: Mental Health."


def _annual(tmp_path, fmt, marking="OFFICIAL-SENSITIVE"):
    out = tmp_path / f"annual.{fmt}"
    assert main(["report", "annual", "--programme", "essex-police-collaboration", "--period", "2023",
                 "--format", fmt, "--out", str(out), "--marking", marking]) == 0  # fmt: skip
    return out


def _docx_tables(document):
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


def test_the_annual_report_as_docx_has_the_summary_the_dashboard_and_the_marking(demo, tmp_path):
    document = docx.Document(str(_annual(tmp_path, "docx")))
    paragraphs = [p for p in document.paragraphs]
    texts = [p.text for p in paragraphs]
    assert any(SUMMARY in t and MOVED in t for t in texts)
    headings = [p.text for p in paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == ["1.0 Purpose of report", "2.0 Recommendations", "3.0 Executive summary"]
    assert "5.4.3 Mental Health" in headings  # each workstream is a heading of its own
    dashboard = next(t for t in _docx_tables(document) if t[0][0] == "Workstream")
    assert dashboard[0] == ["Workstream", "Current RAG 2023", "Previous RAG 2022", "Change"]
    # Section rows span the table (Word repeats a merged cell's text in each column it covers).
    assert [row[:3] if row[0] != row[1] else [row[0]] for row in dashboard[1:]] == SEED_TABLE_1
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "OFFICIAL-SENSITIVE"
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("OFFICIAL-SENSITIVE") and "Page" in footer.text
    assert " PAGE " in footer._p.xml and " NUMPAGES " in footer._p.xml  # page numbers are fields
    # The chart is an image with alternative text, and its numbers follow it in a table.
    assert 'descr="Bar chart: 7 Green, 3 Amber."' in document.element.body.xml
    figure_table = next(t for t in _docx_tables(document) if t[0] == ["Rating", "Workstreams"])
    assert figure_table[1:] == [["Green", "7"], ["Amber", "3"]]


def test_the_annual_report_as_odt_has_the_summary_the_dashboard_and_the_marking(demo, tmp_path):
    doc = opendocument.load(str(_annual(tmp_path, "odt")))
    texts = [teletype.extractText(p) for p in doc.text.getElementsByType(P)]
    assert any(SUMMARY in t and MOVED in t for t in texts)
    headings = [(h.getAttribute("outlinelevel"), teletype.extractText(h)) for h in doc.text.getElementsByType(H)]
    assert ("2", "3.0 Executive summary") in headings and ("4", "5.4.3 Mental Health") in headings
    tables = [
        [[teletype.extractText(c) for c in r.getElementsByType(TableCell)] for r in t.getElementsByType(TableRow)]
        for t in doc.text.getElementsByType(Table)
    ]
    dashboard = next(t for t in tables if t[0][0] == "Workstream")
    assert dashboard[0] == ["Workstream", "Current RAG 2023", "Previous RAG 2022", "Change"]
    assert [row[:3] for row in dashboard[1:]] == SEED_TABLE_1
    master = doc.masterstyles
    marking = [teletype.extractText(p) for p in master.getElementsByType(P)]
    assert marking[0] == "OFFICIAL-SENSITIVE" and marking[1].startswith("OFFICIAL-SENSITIVE")
    assert master.getElementsByType(PageNumber)
    frame = doc.text.getElementsByType(Frame)[0]
    assert "Bar chart: 7 Green, 3 Amber." in teletype.extractText(frame)


def test_the_board_pack_as_docx_and_odt(demo, tmp_path, capsys):
    assert main(["meetings", "list", "--programme", "essex-escp", "--json"]) == 0
    import json

    meeting = json.loads(capsys.readouterr().out)["meetings"][-1]["id"]
    for fmt in ("docx", "odt"):
        out = tmp_path / f"pack.{fmt}"
        assert main(["pack", "--meeting", str(meeting), "--format", fmt, "--out", str(out)]) == 0
    word = docx.Document(str(tmp_path / "pack.docx"))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "4. Risks above threshold" in headings and "6. Action log" in headings
    open_actions = next(t for t in _docx_tables(word) if t[0] == ["Action", "Owner", "Due", "Status"])
    assert [row[3] for row in open_actions[1:]].count("Overdue") == 3  # A2, A4 and A5 in the demo
    # The command line sees everything, the demo's OFFICIAL-SENSITIVE vetting risk in the heat map too.
    assert word.sections[0].header.paragraphs[0].text == "OFFICIAL-SENSITIVE"
    odt = opendocument.load(str(tmp_path / "pack.odt"))
    assert "4. Risks above threshold" in [teletype.extractText(h) for h in odt.text.getElementsByType(H)]


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_libreoffice_turns_each_document_into_a_pdf(demo, tmp_path, fmt):
    source = _annual(tmp_path, fmt)
    office = shutil.which("libreoffice") or shutil.which("soffice")
    assert office, "make test installs LibreOffice (libreoffice-writer-nogui)"
    result = subprocess.run(
        [office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(source)],
        capture_output=True, text=True, timeout=240, env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    reader = pypdf.PdfReader(tmp_path / "pdf" / "annual.pdf")
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert len(pages) >= 3
    assert all("OFFICIAL-SENSITIVE" in page and f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, 1))
    assert SUMMARY in " ".join(pages)


def test_the_pages_offer_the_report_and_the_pack_in_each_format(demo, client):
    from django.urls import reverse

    from bluelight.core.models import User
    from bluelight.governance.models import Meeting

    client.force_login(User.objects.get(username="programme.office"))
    url = reverse("annual-report-download", args=["essex-escp", "2024/25"])
    page = client.get(reverse("annual-report", args=["essex-escp", "2024/25"])).content.decode()
    assert f'href="{url}?format=docx"' in page and f'href="{url}?format=odt"' in page
    response = client.get(url + "?format=docx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response["Content-Disposition"] == 'attachment; filename="essex-escp-annual-report-202425.docx"'
    meeting = Meeting.objects.filter(programme__slug="essex-escp").order_by("held_on").last()
    odt = client.get(reverse("pack-download", args=["essex-escp", meeting.pk, "odt"]))
    assert odt["Content-Type"] == "application/vnd.oasis.opendocument.text" and odt.content.startswith(b"PK")
    assert client.get(reverse("pack-download", args=["essex-escp", meeting.pk, "rtf"])).status_code == 404

"""The annual report for the demo: seed 004's 2023 report, reproduced from the records."""

import pytest

from bluelight.cli import main
from tests.helpers import table_rows, text_of

# Table 1 of seed 004, row by row: number, workstream, current RAG 2023, previous RAG 2022.
SEED_TABLE_1 = [
    ["5.1 Essex/Kent"],
    ["5.1.1 Joint Serious Crime Directorate", "Green", "Green"],
    ["5.1.2 Joint Support Services Directorate", "Green", "Green"],
    ["5.2 Regional"],
    ["5.2.1 Eastern Region Innovation Network (ERIN)", "Green", "Not graded"],
    ["5.3 National"],
    ["5.3.1 HO - Digital Policing Portfolio - NLEDP", "Green", "Green"],
    ["5.4 Local collaborations"],
    ["5.4.1 Essex County Fire & Rescue Service (ECFRS)", "Amber", "Amber"],
    ["5.4.2 Local Crime Reduction Collaborations", "Amber", "Amber"],
    ["5.4.3 Mental Health", "Amber", "Green"],
    ["5.5 External and innovative partnerships"],
    ["5.5.1 Essex Centre for Data Analytics (ecda)", "Green", "Green"],
    ["5.5.2 BT Hothouse", "Green", "Green"],
    ["5.5.3 Cyber Specials and Volunteers", "Green", "Green"],
    ["Overall RAG", "Green", "Green"],
]


@pytest.fixture
def report_html(demo, tmp_path):
    out = tmp_path / "r.html"
    assert main(["report", "annual", "--programme", "essex-police-collaboration", "--period", "2023",
                 "--format", "html", "--out", str(out)]) == 0  # fmt: skip
    return out.read_text(encoding="utf-8")


def test_table_matches_seed_table_1_row_by_row(report_html):
    rows = table_rows(report_html, "dashboard-table")
    assert rows[0] == ["Workstream", "Current RAG 2023", "Previous RAG 2022", "Change"]
    assert [row[:3] for row in rows[1:]] == SEED_TABLE_1
    changes = {row[0]: row[3] for row in rows[1:] if len(row) == 4}
    assert changes["5.4.3 Mental Health"] == "Previously Green"
    assert changes["5.2.1 Eastern Region Innovation Network (ERIN)"] == "Previously not graded"
    assert changes["Overall RAG"] == "No change"


def test_summary_states_counts_the_move_and_who_dropped_out_and_why(report_html):
    summary = text_of(report_html, "summary-reported")
    assert summary.startswith(
        "10 collaborative workstreams are reported. Of these, 7 are rated Green and 3 are rated Amber."
    )
    assert "1 of the 3 rated Amber has moved from Green to Amber in this reporting period: Mental Health." in summary
    previous = text_of(report_html, "summary-previous")
    assert "At the previous time of reporting (2022), we reported on 13 collaborative workstreams." in previous
    assert (
        "Those that are no longer reported on are Digital Policing Portfolio National ANPR Service (NAS), "
        "Digital Public Contact Single Online Home (SOH) and Durham University collaborative work." in previous
    )
    assert "National ANPR Service (NAS) has been completed and closed" in previous
    assert "Single Online Home (SOH) has been completed and closed" in previous
    assert "Durham University collaborative work is paused: the next survey is several years away." in previous


def test_report_is_standalone_marked_and_numbered(report_html):
    assert "<link" not in report_html and "<script" not in report_html and "http" not in report_html.split("<body>")[1]
    assert text_of(report_html, "marking-top") == "OFFICIAL" and text_of(report_html, "marking-bottom") == "OFFICIAL"
    assert "5.4.3 Mental Health" in text_of(report_html, "ws-mental-health")
    assert "Right Care, Right Person" in text_of(report_html, "ws-mental-health")
    assert "Previously Green" in text_of(report_html, "ws-mental-health")
    priorities = text_of(report_html, "priorities")
    assert "Reducing drug driven violence" in priorities and "Increasing collaboration" in priorities
    consulted = text_of(report_html, "consulted")
    assert "Det Supt Natalia Ross (Mental Health)" in consulted
    assert "illustrative" in report_html  # the dropped workstreams' 2022 ratings are not from the seed


def test_unknown_programme_or_period_is_named(demo, tmp_path, capsys):
    out = str(tmp_path / "x.html")
    assert main(["report", "annual", "--programme", "nope", "--period", "2023", "--out", out]) == 2
    assert "no programme with the slug 'nope'" in capsys.readouterr().err
    assert (
        main(["report", "annual", "--programme", "essex-police-collaboration", "--period", "1999", "--out", out]) == 2
    )
    assert "periods: 2022, 2023" in capsys.readouterr().err


def test_the_report_as_a_tagged_pdf_with_the_marking_on_every_page(demo, tmp_path):
    import pypdf

    out = tmp_path / "report.pdf"
    assert main(["report", "annual", "--programme", "essex-police-collaboration", "--period", "2023",
                 "--format", "pdf", "--out", str(out), "--marking", "OFFICIAL-SENSITIVE"]) == 0  # fmt: skip
    reader = pypdf.PdfReader(out)
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert all(page.count("OFFICIAL-SENSITIVE") >= 2 for page in pages)
    text = " ".join(pages)
    assert "Of these, 7 are rated Green and 3 are rated Amber." in text
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged: headings and tables carry structure

"""Workbook import and export: round trips, refusals with every mistake listed, updates, formula safety."""

import csv
import datetime
import hashlib
import importlib.util
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from odf import opendocument
from odf.table import Table, TableCell, TableRow
from odf.text import P

from bluelight.cli import main
from bluelight.core.history import Actor, history_of
from bluelight.core.models import HistoryEntry, User
from bluelight.core.workbooks import WorkbookRefused
from bluelight.exchange.exporter import export_workbook
from bluelight.exchange.importer import ImportRefused, import_workbook
from bluelight.programmes import services as programme_services
from bluelight.programmes.models import Programme, Workstream
from bluelight.status.models import Assessment

FORMATS = {"xlsx": "escp.xlsx", "ods": "escp.ods", "csv": "escp.zip"}


@pytest.fixture
def escp(demo):
    return Programme.objects.get(slug="essex-escp")


@pytest.fixture
def importer_user(db):
    return User.objects.create_user("importer", first_name="Ima", last_name="Porter")


def fingerprint() -> dict:
    """Row count and a checksum of every row of every table: equal fingerprints mean an unchanged database."""
    found = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            columns = ", ".join(connection.ops.quote_name(f.column) for f in model._meta.concrete_fields)
            cursor.execute(f"SELECT {columns} FROM {connection.ops.quote_name(table)} ORDER BY 1")  # noqa: S608
            rows = cursor.fetchall()
            found[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return found


def cells_of(path, fmt) -> dict:
    """Every sheet's cells as read back by openpyxl, odfpy or csv, without the generated-at stamp."""
    sheets = {}
    if fmt == "xlsx":
        book = openpyxl.load_workbook(path)
        for ws in book.worksheets:
            sheets[ws.title] = [list(row) for row in ws.iter_rows(values_only=True)]
    elif fmt == "ods":
        doc = opendocument.load(str(path))
        for table in doc.spreadsheet.getElementsByType(Table):
            rows = []
            for row in table.getElementsByType(TableRow):
                rows.append([
                    (cell.getAttribute("valuetype"), cell.getAttribute("value") or cell.getAttribute("datevalue"),
                     "\n".join(str(p) for p in cell.getElementsByType(P)))
                    for cell in row.getElementsByType(TableCell)
                ])  # fmt: skip
            sheets[table.getAttribute("name")] = rows
    else:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                sheets[name] = list(csv.reader(io.StringIO(archive.read(name).decode("utf-8"), newline="")))
    cover = "Cover" if "Cover" in sheets else "cover.csv"
    sheets[cover] = [row for row in sheets[cover] if "Generated at" not in str(row[0])]
    return sheets


@pytest.fixture
def empty_database():
    """Empty every table (inside the test's transaction, so it is all rolled back afterwards)."""

    def empty():
        if connection.vendor == "postgresql":
            # The demo's rows were written in this test's transaction with their foreign-key checks
            # deferred; PostgreSQL truncates a table only once those checks have run.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        call_command("flush", interactive=False, verbosity=0, allow_cascade=True)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        ContentType.objects.clear_cache()

    yield empty
    ContentType.objects.clear_cache()


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_import_into_an_empty_database_and_export_again_gives_the_same_workbook(
    escp, tmp_path, fmt, empty_database
):
    first, second = tmp_path / f"1-{FORMATS[fmt]}", tmp_path / f"2-{FORMATS[fmt]}"
    actor = Actor.system(HistoryEntry.Channel.COMMAND_LINE)
    export_workbook(escp, fmt, first, actor=actor)
    workstreams = Workstream.objects.filter(programme=escp).count()
    empty_database()
    assert Programme.objects.count() == 0 and Workstream.objects.count() == 0

    plan = import_workbook(first, actor=Actor.system(HistoryEntry.Channel.IMPORT))

    imported = Programme.objects.get(slug="essex-escp")
    assert Workstream.objects.filter(programme=imported).count() == workstreams == 15
    assert {s["sheet"]: s["create"] for s in plan.summary()}["Workstreams"] == 15
    export_workbook(imported, fmt, second, actor=actor)
    assert cells_of(first, fmt) == cells_of(second, fmt)


def test_the_exported_workbook_has_a_cover_and_typed_cells(escp, tmp_path):
    path = tmp_path / "escp.xlsx"
    export_workbook(escp, "xlsx", path, actor=Actor.system(), marking="OFFICIAL-SENSITIVE")
    book = openpyxl.load_workbook(path)
    cover = {row[0]: row[1] for row in book["Cover"].iter_rows(values_only=True) if row[0]}
    assert cover["Protective marking"] == "OFFICIAL-SENSITIVE"
    assert cover["Title"] == "Essex Emergency Services Collaboration Programme: programme workbook"
    assert cover["Workstreams"] == 15  # the contents: each sheet with its row count
    assert book["Cover"].oddHeader.center.text == "OFFICIAL-SENSITIVE"
    assert not any(ws.merged_cells.ranges for ws in book.worksheets)
    sections = list(book["Sections"].iter_rows(values_only=True))
    assert sections[1] == ("Prevention and community safety", 1)  # a number, not the text "1"
    risk = list(book["Risks"].iter_rows(values_only=True))[1]
    assert risk[0] == "R1" and isinstance(risk[9], int)  # the reference as R1; likelihood a number
    milestone = list(book["Milestones"].iter_rows(values_only=True))[1]
    assert milestone[2].date().isoformat() == "2024-07-31"  # a date cell


def _mistakes(path):
    book = openpyxl.load_workbook(path)

    def row_of(sheet, first_cell):
        for row in book[sheet].iter_rows(min_row=2):
            if row[0].value == first_cell:
                return row
        raise AssertionError(first_cell)

    row_of("Workstreams", "project-minerva")[4].value = "XYZ"  # lead organisation nobody knows
    ratings = book["Ratings"]
    ratings.cell(row=3, column=3).value = "purple"  # not on the three-point scale
    row_of("Benefit gains", "tri-service-cost-avoidance")[2].value = 0.47  # 47% + 50% = 97%
    book["Milestones"].cell(row=2, column=3).value = "31.07.2024"  # a date in the wrong format
    sections = book["Sections"]
    sections.append(["Response", 9])  # a duplicate key, on row 6 after the four sections
    row_of("Risks", "R2")[11].value = 7  # column L, residual impact, beyond the 1 to 5 scale
    book.save(path)


def test_a_workbook_with_mistakes_on_six_sheets_is_refused_with_every_one_listed_and_nothing_changes(escp, tmp_path):
    path = tmp_path / "escp.xlsx"
    export_workbook(escp, "xlsx", path, actor=Actor.system())
    _mistakes(path)
    before = fingerprint()

    with pytest.raises(ImportRefused) as refused:
        import_workbook(path, actor=Actor.system(HistoryEntry.Channel.IMPORT))

    found = [str(p) for p in refused.value.plan.problems]
    assert found == [
        "Sections, row 6, column A (Section): repeats the section on row 3; each may appear once",
        "Workstreams, row 3, column E (Lead organisation): names an unknown organisation “XYZ”: "
        "it is not on the Organisations sheet or in Bluelight",
        "Ratings, row 3, column C (Rating): “purple” is not on the programme's Red, Amber, Green scale "
        "(green, amber, red, not_graded).",
        "Benefit gains, row 2, column C (Share): The shares of the organisations that gain add up to 97%; "
        "they must add up to 100%.",
        "Risks, row 3, column L (Residual impact): Ensure this value is less than or equal to 5.",
        "Milestones, row 2, column C (Due on): “31.07.2024” is not a date: use a date cell, or YYYY-MM-DD or "
        "DD/MM/YYYY (e.g. 2024-05-16)",
    ]
    assert fingerprint() == before


def test_reimporting_changes_nothing_and_one_changed_rating_updates_just_that_record(escp, tmp_path, importer_user):
    path = tmp_path / "escp.xlsx"
    export_workbook(escp, "xlsx", path, actor=Actor.system())
    before = fingerprint()
    plan = import_workbook(path, actor=Actor(importer_user, HistoryEntry.Channel.IMPORT))
    assert all(s["create"] == s["update"] == 0 for s in plan.summary())
    assert fingerprint() == before

    book = openpyxl.load_workbook(path)
    ratings = book["Ratings"]
    row = next(
        r for r in ratings.iter_rows(min_row=2) if r[0].value == "joint-fleet-workshop" and r[1].value == "2024/25"
    )
    assert row[2].value == "Amber"  # the label people read, not the code
    old_rationale = row[3].value
    row[2].value = "Red"  # accepted in any case, as label or code
    row[3].value = "The workshop build has stopped for a second quarter."
    book.save(path)

    dry = import_workbook(path, actor=Actor(importer_user, HistoryEntry.Channel.IMPORT), dry_run=True)
    assert [(s["sheet"], s["update"]) for s in dry.summary() if s["update"] or s["create"]] == [("Ratings", 1)]
    assert [(c["sheet"], c["row"], c["record"], c["field"], c["old"], c["new"]) for c in dry.changes()] == [
        ("Ratings", row[0].row, "joint-fleet-workshop 2024/25", "Rating", "Amber", "Red"),
        ("Ratings", row[0].row, "joint-fleet-workshop 2024/25", "Rationale", old_rationale,
         "The workshop build has stopped for a second quarter."),
    ]  # fmt: skip
    assert Assessment.objects.get(workstream__key="joint-fleet-workshop", period__label="2024/25").rating == "amber"

    import_workbook(path, actor=Actor(importer_user, HistoryEntry.Channel.IMPORT))
    after = fingerprint()
    changed = {table for table in after if after[table] != before[table]}
    assert changed == {"status_assessment", "core_historyentry"}
    assessment = Assessment.objects.get(
        workstream__key="joint-fleet-workshop", period__label="2024/25", is_current=True
    )
    assert assessment.rating == "red"
    latest = history_of(assessment).first()
    assert (latest.channel, latest.actor_name, latest.note) == ("import", "Ima Porter", "Imported from escp.xlsx")
    assert latest.changes["rating"] == ["amber", "red"]


def test_a_rating_in_a_published_period_is_not_changed_by_import(escp, tmp_path):
    path = tmp_path / "escp.xlsx"
    export_workbook(escp, "xlsx", path, actor=Actor.system())
    book = openpyxl.load_workbook(path)
    row = next(r for r in book["Ratings"].iter_rows(min_row=2) if r[1].value == "2023/24")
    row[2].value, row[3].value = "red", "Worse than we said."
    book.save(path)
    with pytest.raises(ImportRefused) as refused:
        import_workbook(path, actor=Actor.system(HistoryEntry.Channel.IMPORT))
    assert [p.message for p in refused.value.plan.problems] == [
        "Period 2023/24 is published, so its ratings cannot be changed by import; "
        "correct the rating on the workstream's page, with a reason."
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_text_that_a_spreadsheet_would_run_is_neutralised_in_every_format(escp, tmp_path, fmt, system):
    formula = '=HYPERLINK("http://x","y")'
    workstream = Workstream.objects.get(programme=escp, key="project-minerva")
    programme_services.workstream_update(
        actor=system, workstream=workstream, expected_version=workstream.version, title=formula
    )
    path = tmp_path / FORMATS[fmt]
    export_workbook(escp, fmt, path, actor=Actor.system())

    if fmt == "xlsx":
        cell = next(
            r[3] for r in openpyxl.load_workbook(path)["Workstreams"].iter_rows() if r[0].value == "project-minerva"
        )
        assert (cell.value, cell.data_type) == ("'" + formula, "s")
    elif fmt == "ods":
        sheet = next(t for t in opendocument.load(str(path)).spreadsheet.getElementsByType(Table)
                     if t.getAttribute("name") == "Workstreams")  # fmt: skip
        texts = [str(c) for r in sheet.getElementsByType(TableRow) for c in r.getElementsByType(TableCell)]
        assert "'" + formula in texts and formula not in texts
        assert not any(c.getAttribute("formula") for c in sheet.getElementsByType(TableCell))
    else:
        with zipfile.ZipFile(path) as archive:
            rows = list(csv.reader(io.StringIO(archive.read("workstreams.csv").decode(), newline="")))
        assert next(r[3] for r in rows if r[0] == "project-minerva") == "'" + formula

    # Read back in, the title is the text as it was typed, not the neutralised form.
    plan = import_workbook(path, actor=Actor.system(HistoryEntry.Channel.IMPORT), dry_run=True)
    assert all(s["update"] == 0 for s in plan.summary())


def _zip_bomb(path):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))


@pytest.mark.parametrize(
    "name, make, message",
    [
        ("notes.xlsx", lambda p: p.write_text("just some notes"), "notes.xlsx is not a workbook"),
        ("empty.ods", lambda p: p.write_bytes(b""), "empty.ods is empty."),
        ("report.docx", lambda p: p.write_bytes(b"PK"), "report.docx is not a workbook. Use an .xlsx or .ods file"),
        ("bomb.xlsx", _zip_bomb, "it looks like a zip bomb"),
    ],
)
def test_a_file_that_is_not_a_usable_workbook_is_refused_cleanly(db, tmp_path, name, make, message):
    path = tmp_path / name
    make(path)
    before = fingerprint()
    with pytest.raises(WorkbookRefused) as refused:
        import_workbook(path, actor=Actor.system(HistoryEntry.Channel.IMPORT))
    assert message in str(refused.value)
    assert fingerprint() == before


def test_a_huge_file_is_refused_before_it_is_read(db, tmp_path, settings):
    settings.BLUELIGHT = {**settings.BLUELIGHT, "UPLOAD_MAX_BYTES": 1024}
    path = tmp_path / "big.xlsx"
    path.write_bytes(b"PK" + b"x" * 4096)
    with pytest.raises(WorkbookRefused, match="a workbook must be smaller than"):
        import_workbook(path, actor=Actor.system(HistoryEntry.Channel.IMPORT))


def test_the_command_line_dry_run_lists_what_would_change_and_writes_nothing(escp, tmp_path, capsys):
    path = tmp_path / "escp.zip"
    assert main(["export", "--programme", "essex-escp", "--format", "csv", "--out", str(path)]) == 0
    with zipfile.ZipFile(path) as archive:
        text = archive.read("workstreams.csv").decode()
        archive_names = archive.namelist()
    assert "cover.csv" in archive_names and text.startswith("Workstream,Section,Position,Title")
    before = fingerprint()
    capsys.readouterr()
    assert main(["import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "(dry run: nothing written)" in out
    assert "The import would create 0 and update 0 record(s)." in out
    assert fingerprint() == before


def test_the_command_line_lists_every_problem_and_exits_1(escp, tmp_path, capsys):
    path = tmp_path / "escp.xlsx"
    export_workbook(escp, "xlsx", path, actor=Actor.system())
    _mistakes(path)
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "6 problem(s); nothing was imported." in err
    assert "Milestones, row 2, column C (Due on)" in err


def test_the_workbook_format_document_lists_every_sheet_and_column_as_the_importer_reads_them(db):
    from pathlib import Path

    from bluelight.exchange.reference import reference

    document = (Path(__file__).resolve().parents[2] / "docs" / "workbook-format.md").read_text(encoding="utf-8")
    assert reference() in document


def test_a_workbook_without_markings_imports_its_records_as_official(db, tmp_path):
    from bluelight.core import workbooks

    bench_file = Path(__file__).parents[2] / "bench" / "workbook_import.py"
    spec = importlib.util.spec_from_file_location("bench_workbook", bench_file)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    tables = bench.tables(3)  # written before markings existed: no Marking column at all
    workstreams = tables[3]
    assert all(row[workstreams.headers.index("Marking")] is None for row in workstreams.rows)
    path = tmp_path / "old.zip"
    cover = workbooks.Cover("Old workbook", "OFFICIAL", datetime.date(2024, 1, 1), "test", datetime.datetime(2024, 1, 1))
    workbooks.write(path, "csv", cover, tables)
    import_workbook(path, actor=Actor.system())
    assert sorted(Workstream.objects.values_list("marking", flat=True)) == ["OFFICIAL"] * 3

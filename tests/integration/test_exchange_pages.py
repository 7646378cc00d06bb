"""The workbook pages: upload, a dry run by the task worker, confirm, export and download, the template."""

import io

import openpyxl
import pytest
from django.urls import reverse

from bluelight.core.history import Actor, history_of
from bluelight.core.models import User
from bluelight.core.worker import work
from bluelight.exchange.exporter import export_workbook
from bluelight.exchange.models import Task
from bluelight.exchange.sheets import SCHEMA
from bluelight.exchange.tasks import progress_of
from bluelight.programmes.models import Programme, Workstream
from bluelight.programmes.services import workstream_update
from tests.helpers import table_rows


@pytest.fixture
def escp(demo):
    return Programme.objects.get(slug="essex-escp")


@pytest.fixture
def office_client(client, escp):
    client.force_login(User.objects.get(username="programme.office"))
    return client


def _workbook(escp, tmp_path, change=None) -> io.BytesIO:
    path = tmp_path / "escp.xlsx"
    export_workbook(escp, "xlsx", path, actor=Actor.system())
    if change:
        book = openpyxl.load_workbook(path)
        change(book)
        book.save(path)
    upload = io.BytesIO(path.read_bytes())
    upload.name = "escp-update.xlsx"
    return upload


def _retitle(book):
    row = next(r for r in book["Workstreams"].iter_rows(min_row=2) if r[0].value == "project-minerva")
    row[3].value = "Project Minerva: mapping safety for women and girls"


def test_an_upload_is_checked_by_the_worker_and_imported_only_when_confirmed(office_client, escp, tmp_path):
    response = office_client.post(reverse("workbook-import", args=["essex-escp"]),
                                  {"workbook": _workbook(escp, tmp_path, _retitle)})  # fmt: skip
    task = Task.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("task-detail", args=["essex-escp", task.pk])
    page = office_client.get(response["Location"]).content.decode()
    assert "Waiting to start" in page and 'id="task-bar"' in page  # progress shown until the worker has run it
    assert progress_of(task)["status"] == "queued"

    assert work(once=True, say=lambda line: None) == 1
    page = office_client.get(response["Location"]).content.decode()
    assert "What the import would do" in page and "Import now" in page
    [change] = table_rows(page, "changes")[1:]  # each change: record, field, from what to what
    assert change[1:] == ["project-minerva", "Title", "Project Minerva",
                          "Project Minerva: mapping safety for women and girls"]  # fmt: skip
    task.refresh_from_db()
    assert [(s["sheet"], s["update"]) for s in task.result["sheets"] if s["update"] or s["create"]] == [
        ("Workstreams", 1)
    ]
    assert Workstream.objects.get(programme=escp, key="project-minerva").title == "Project Minerva"

    confirm = office_client.post(reverse("task-confirm", args=["essex-escp", task.pk]))
    work(once=True, say=lambda line: None)
    real = Task.objects.get(dry_run=False)
    assert confirm["Location"] == reverse("task-detail", args=["essex-escp", real.pk])
    assert "What the import did" in office_client.get(confirm["Location"]).content.decode()
    workstream = Workstream.objects.get(programme=escp, key="project-minerva")
    assert workstream.title == "Project Minerva: mapping safety for women and girls"
    latest = history_of(workstream).first()
    assert (latest.channel, latest.actor.username, latest.note) == (
        "import",
        "programme.office",
        "Imported from escp-update.xlsx",
    )
    # The same dry run cannot be imported twice.
    again = office_client.post(reverse("task-confirm", args=["essex-escp", task.pk]), follow=True)
    assert "This workbook has already been imported." in again.content.decode()
    assert Task.objects.filter(dry_run=False).count() == 1


def test_a_workbook_with_problems_lists_them_by_sheet_row_and_column_on_the_page(office_client, escp, tmp_path):
    def mistakes(book):
        book["Sections"].append(["Response", 9])
        book["Milestones"].cell(row=2, column=3).value = "next week"

    office_client.post(
        reverse("workbook-import", args=["essex-escp"]), {"workbook": _workbook(escp, tmp_path, mistakes)}
    )
    work(once=True, say=lambda line: None)
    task = Task.objects.get()
    page = office_client.get(reverse("task-detail", args=["essex-escp", task.pk])).content.decode()
    assert task.status == "failed"
    assert "2 problems: nothing was imported" in page
    assert "repeats the section on row 3; each may appear once" in page
    assert "C (Due on)" in page and "“next week” is not a date" in page
    assert "Import now" not in page


def test_a_file_that_is_not_a_workbook_is_refused_on_the_form(office_client, escp):
    upload = io.BytesIO(b"hello")
    upload.name = "notes.txt"
    response = office_client.post(reverse("workbook-import", args=["essex-escp"]), {"workbook": upload})
    assert response.status_code == 400
    assert "Choose an .xlsx or .ods workbook, or a .zip of .csv files." in response.content.decode()
    assert not Task.objects.exists()


def test_a_damaged_workbook_fails_its_task_with_a_plain_reason(office_client, escp):
    upload = io.BytesIO(b"PK\x03\x04 not really a zip")
    upload.name = "broken.xlsx"
    office_client.post(reverse("workbook-import", args=["essex-escp"]), {"workbook": upload})
    work(once=True, say=lambda line: None)
    task = Task.objects.get()
    assert task.status == "failed"
    assert task.result["problems"] == ["broken.xlsx is not a workbook: it is not a readable spreadsheet file."]


def test_an_export_runs_in_the_background_and_is_downloaded_with_its_cover(office_client, escp):
    response = office_client.post(reverse("workbook-export", args=["essex-escp"]), {"format": "xlsx", "marking": ""})
    task = Task.objects.get()
    work(once=True, say=lambda line: None)
    page = office_client.get(response["Location"]).content.decode()
    assert "Download essex-escp-" in page
    download = office_client.get(reverse("task-download", args=["essex-escp", task.pk]))
    assert download["Content-Disposition"].startswith('attachment; filename="essex-escp-')
    book = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert book.sheetnames[0] == "Cover"
    # The office sees the demo's OFFICIAL-SENSITIVE vetting risk, so its export is marked so.
    assert book["Cover"]["B3"].value == "OFFICIAL-SENSITIVE"
    assert book["Cover"]["B5"].value == User.objects.get(username="programme.office").display_name


def test_only_the_programme_office_imports_but_a_partner_may_export_what_it_sees(client, escp):
    client.force_login(User.objects.get(username="fire.lead"))
    page = client.get(reverse("workbook", args=["essex-escp"]))
    assert page.status_code == 200
    assert "Import a workbook" not in page.content.decode()
    assert client.get(reverse("workbook-import", args=["essex-escp"])).status_code == 403
    assert client.post(reverse("workbook-import", args=["essex-escp"])).status_code == 403


def test_the_blank_template_has_every_sheet_with_its_columns_and_no_rows(office_client):
    response = office_client.get(reverse("workbook-template"))
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Cover", *SCHEMA]
    workstreams = list(book["Workstreams"].iter_rows(values_only=True))
    assert workstreams == [tuple(SCHEMA["Workstreams"].headers)]


def test_a_programme_workbook_cannot_change_what_other_programmes_share(office_client, escp, tmp_path):
    def rename(book):
        row = next(r for r in book["Organisations"].iter_rows(min_row=2) if r[0].value == "EP")
        row[1].value = "Essex Police Service"

    office_client.post(reverse("workbook-import", args=["essex-escp"]), {"workbook": _workbook(escp, tmp_path, rename)})
    work(once=True, say=lambda line: None)
    task = Task.objects.get()
    assert task.status == "failed"
    assert task.result["by_sheet"]["Organisations"][0]["message"] == (
        "would change the organisation “EP”, which other programmes share: ask a system administrator to change it"
    )


def test_a_checked_workbook_never_confirmed_is_removed_after_the_set_time(office_client, escp, tmp_path, settings):
    import datetime

    from django.utils import timezone

    from bluelight.core import files
    from bluelight.exchange.tasks import unconfirmed_uploads_remove

    settings.BLUELIGHT = {**settings.BLUELIGHT, "UPLOAD_KEEP_SECONDS": 24 * 3600}
    office_client.post(reverse("workbook-import", args=["essex-escp"]), {"workbook": _workbook(escp, tmp_path)})
    work(once=True, say=lambda line: None)
    checked = Task.objects.get()
    assert files.exists(checked.stored_name)

    finished = checked.finished_at
    assert unconfirmed_uploads_remove(now=finished + datetime.timedelta(hours=23, minutes=59)) == 0
    assert files.exists(checked.stored_name)
    stored = checked.stored_name
    assert unconfirmed_uploads_remove(now=finished + datetime.timedelta(hours=24, seconds=1)) == 1
    assert not files.exists(stored)
    checked.refresh_from_db()
    assert checked.stored_name == ""
    assert "removed 24 hours after its check" in checked.message
    refused = office_client.post(reverse("task-confirm", args=["essex-escp", checked.pk]), follow=True)
    assert "removed 24 hours after its check, unimported; upload it again" in refused.content.decode()
    assert not Task.objects.filter(dry_run=False).exists()
    # The worker sweeps as it goes: a second upload, checked long ago, is gone after one round.
    office_client.post(reverse("workbook-import", args=["essex-escp"]), {"workbook": _workbook(escp, tmp_path)})
    work(once=True, say=lambda line: None)
    second = Task.objects.filter(stored_name__gt="").get()
    Task.objects.filter(pk=second.pk).update(finished_at=timezone.now() - datetime.timedelta(days=2))
    work(once=True, say=lambda line: None)
    assert not files.exists(second.stored_name)


def test_an_edit_made_between_the_check_and_the_import_refuses_the_whole_import(office_client, escp, tmp_path):
    def two_changes(book):
        _retitle(book)
        row = next(r for r in book["Workstreams"].iter_rows(min_row=2) if r[0].value == "arson-prevention")
        row[3].value = "Arson prevention and reduction"

    office_client.post(reverse("workbook-import", args=["essex-escp"]),
                       {"workbook": _workbook(escp, tmp_path, two_changes)})  # fmt: skip
    work(once=True, say=lambda line: None)
    checked = Task.objects.get()
    # After the dry run, someone edits Project Minerva on its page.
    minerva = Workstream.objects.get(programme=escp, key="project-minerva")
    workstream_update(actor=Actor(User.objects.get(username="programme.office")), workstream=minerva,
                      expected_version=minerva.version, description="Edited on the page after the workbook was checked.")

    office_client.post(reverse("task-confirm", args=["essex-escp", checked.pk]))
    work(once=True, say=lambda line: None)
    real = Task.objects.get(dry_run=False)
    page = office_client.get(reverse("task-detail", args=["essex-escp", real.pk])).content.decode()
    assert real.status == "failed", real.result
    assert "“project-minerva” was changed in Bluelight by Pat Office" in page
    assert "after the workbook was checked" in page
    # All or nothing: neither the edited workstream nor the untouched one took the workbook's titles.
    minerva.refresh_from_db()
    assert (minerva.title, minerva.description) == (
        "Project Minerva", "Edited on the page after the workbook was checked."
    )
    assert Workstream.objects.get(programme=escp, key="arson-prevention").title != "Arson prevention and reduction"

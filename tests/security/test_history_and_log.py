"""History with its channel (page, command line, import), no lost edits, and the append-only log."""

from __future__ import annotations

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from bluelight.cli import main
from bluelight.core.history import Actor, history_of
from bluelight.core.models import AppendOnly, SecurityEvent
from bluelight.core.worker import work
from bluelight.exchange.exporter import export_workbook
from bluelight.exchange.models import Task
from bluelight.programmes.models import Workstream
from bluelight.status.models import Assessment
from tests.helpers import error_summary, table_rows


def test_two_edits_from_one_version_the_second_is_refused_shows_both_and_can_then_keep_its_own(
    signed_in, small_programme, fire_editor
):
    sp = small_programme
    form = {"title": "Fleet workshop", "section": sp["local"].id, "lead_organisation": sp["fire"].id,
            "stage": "in_delivery", "version": 1}  # fmt: skip
    client = Client()
    client.force_login(fire_editor)
    assert signed_in.post("/programmes/test/workstreams/fleet/edit/", form).status_code == 302
    stale = client.post("/programmes/test/workstreams/fleet/edit/", {**form, "title": "Joint fleet"})
    assert stale.status_code == 409
    page = stale.content.decode()
    assert "Fleet was changed by office" not in page  # the message names the record as it now is
    assert "Fleet workshop was changed by office at" in error_summary(page)
    assert table_rows(page, "versions") == [
        ["Field", "Your version (not saved)", "Saved version"],
        ["Title", "Joint fleet", "Fleet workshop"],
    ]
    assert Workstream.objects.get(key="fleet").title == "Fleet workshop"
    assert 'name="version" value="2"' in page  # saving again now is a choice made with both in view
    kept = client.post("/programmes/test/workstreams/fleet/edit/", {**form, "title": "Joint fleet", "version": 2})
    assert kept.status_code == 302
    assert Workstream.objects.get(key="fleet").title == "Joint fleet"


def test_a_rating_s_history_names_the_page_the_command_line_and_the_import(
    small_programme, office, fire_editor, client, tmp_path, capsys
):
    client.force_login(fire_editor)
    recorded = client.post("/programmes/test/workstreams/fleet/ratings/2023/", {"rating": "green"})
    assert recorded.status_code == 302

    assert main(["rate", "--programme", "test", "--workstream", "fleet", "--period", "2023", "--rating", "amber",
                 "--rationale", "Parts are late", "--as", "office"]) == 0  # fmt: skip
    assert main(["rate", "--programme", "test", "--workstream", "hubs", "--period", "2023", "--rating", "green",
                 "--as", "fire.editor"]) == 1  # fmt: skip
    assert "fire.editor may not rate Hubs" in capsys.readouterr().err

    path = tmp_path / "test.xlsx"
    export_workbook(small_programme["programme"], "xlsx", path, actor=Actor.system())
    book = openpyxl.load_workbook(path)
    sheet = book["Ratings"]
    headers = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "fleet")
    row[headers.index("Rating")].value = "red"
    row[headers.index("Rationale")].value = "The workshop lease fell through"
    book.save(path)
    assert main(["import", str(path), "--as", "office", "--programme", "test"]) == 0

    rating = Assessment.objects.get(workstream__key="fleet", is_current=True)
    entries = list(reversed(history_of(rating)))
    assert [(e.action, e.channel, e.actor_name) for e in entries] == [
        ("created", "page", "fire.editor"),
        ("changed", "cli", "office"),
        ("changed", "import", "office"),
    ]
    assert entries[1].changes["rating"] == ["green", "amber"]
    assert entries[2].changes["rating"] == ["amber", "red"] and entries[2].note == "Imported from test.xlsx"
    timeline = client.get("/programmes/test/workstreams/fleet/").content.decode()
    for said in ("by fire.editor through web page", "by office through command line", "by office through import"):
        assert said in timeline


def test_the_security_log_cannot_be_changed_or_removed_through_the_application(office):
    event = SecurityEvent.objects.create(kind="signed_in", username="office")
    event.detail = "nothing happened"
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()
    with pytest.raises(AppendOnly):
        SecurityEvent.objects.filter(pk=event.pk).update(detail="nothing happened")
    with pytest.raises(AppendOnly):
        SecurityEvent.objects.all().delete()
    with pytest.raises(AppendOnly):
        SecurityEvent.objects.bulk_update([event], ["detail"])
    assert SecurityEvent.objects.get(pk=event.pk).detail == ""


def test_an_export_is_logged_with_its_row_count_and_role_changes_with_who_made_them(
    small_programme, fire_editor, client, capsys
):
    client.force_login(fire_editor)
    client.post(reverse("workbook-export", args=["test"]), {"format": "csv"})
    assert work(once=True, say=lambda line: None) == 1
    task = Task.objects.get()
    assert task.status == "done"
    exported = SecurityEvent.objects.get(kind="exported")
    # Organisations 2, Programme 1, Sections 2, Workstreams 3, Periods 2: nothing else is recorded.
    assert (exported.username, exported.rows) == ("fire.editor", 10)
    assert exported.detail == "test workbook (csv) marked OFFICIAL through page"

    assert main(["people", "grant", "fire.editor", "--programme", "test", "--role", "viewer"]) == 0
    assert main(["people", "revoke", "fire.editor", "--programme", "test"]) == 0
    changes = SecurityEvent.objects.filter(kind="role_changed").order_by("id")
    assert [e.detail for e in changes] == [
        "test: organisation_editor → viewer, by Bluelight through cli",
        "test: viewer → none, by Bluelight through cli",
    ]
    assert client.get("/programmes/test/").status_code == 404  # no role any more: the programme is not found
    capsys.readouterr()
    assert main(["security-log", "--kind", "role_changed"]) == 0
    assert capsys.readouterr().out.count("Role changed") == 2


def test_an_integration_account_made_on_the_command_line_has_no_password_and_is_logged(demo, client, capsys):
    from bluelight.core.models import User

    assert main(["people", "create", "finance.system", "--organisation", "PFCC"]) == 0
    assert "finance.system made, without a password (API tokens only)" in capsys.readouterr().out
    made = User.objects.get(username="finance.system")
    assert made.organisation.short_code == "PFCC" and not made.has_usable_password()
    assert not client.login(username="finance.system", password="")
    assert SecurityEvent.objects.filter(kind="account_created", username="finance.system").exists()
    # A second account of the same name (in any case) and an unknown organisation are refused; nothing is made.
    assert main(["people", "create", "Finance.System"]) == 1
    assert main(["people", "create", "payroll", "--organisation", "NOPE"]) == 1
    assert "no organisation with the short code 'NOPE'" in capsys.readouterr().err
    assert not User.objects.filter(username__in=["Finance.System", "payroll"]).exists()

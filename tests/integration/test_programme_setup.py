"""Creating a programme and setting up its sections and plan priorities through the pages."""

from bluelight.core.history import history_of
from bluelight.programmes.models import Programme
from tests.conftest import make_user
from tests.helpers import error_summary


def test_only_a_system_administrator_creates_programmes(client, office):
    client.force_login(office)
    assert client.get("/programmes/new/").status_code == 403


def test_create_programme_refuses_a_cycle_that_ends_before_it_starts_then_creates(client, db):
    client.force_login(make_user("root", is_superuser=True))
    form = {
        "name": "Kent and Medway",
        "slug": "kent",
        "cycle_start_year": 2024,
        "cycle_end_year": 2020,
        "rag_scale": "five_point",
    }
    refused = client.post("/programmes/new/", form)
    assert refused.status_code == 400
    assert "The cycle must end in or after the year it starts." in error_summary(refused.content.decode())
    assert not Programme.objects.exists()

    created = client.post("/programmes/new/", {**form, "cycle_end_year": 2033})
    assert created["Location"] == "/programmes/kent/settings/"
    programme = Programme.objects.get(slug="kent")
    assert (programme.rag_scale, programme.cycle) == ("five_point", "2024 to 2033")
    assert history_of(programme).get().changes["cycle_end_year"] == [None, 2033]


def test_sections_and_priorities_are_numbered_in_order(signed_in, small_programme):
    empty = signed_in.post("/programmes/test/settings/", {"add_section": "1", "section-name": ""})
    assert empty.status_code == 400 and "Enter a section name" in error_summary(empty.content.decode())
    duplicate = signed_in.post("/programmes/test/settings/", {"add_section": "1", "section-name": "Local"})
    assert "already exists" in error_summary(duplicate.content.decode())
    signed_in.post("/programmes/test/settings/", {"add_section": "1", "section-name": "National"})
    signed_in.post("/programmes/test/settings/", {"add_priority": "1", "priority-title": "Protecting rural areas"})
    signed_in.post("/programmes/test/settings/", {"add_priority": "1", "priority-title": "Increasing collaboration"})
    programme = small_programme["programme"]
    assert list(programme.sections.values_list("position", "name")) == [(1, "Local"), (2, "Regional"), (3, "National")]
    assert list(programme.priorities.values_list("number", "title")) == [
        (1, "Protecting rural areas"), (2, "Increasing collaboration"),
    ]  # fmt: skip


def test_programme_details_edit_is_version_checked(signed_in, small_programme):
    form = {"name": "Renamed", "cycle_start_year": 2020, "cycle_end_year": 2029, "version": 1}
    assert signed_in.post("/programmes/test/settings/edit/", form).status_code == 302
    stale = signed_in.post("/programmes/test/settings/edit/", {**form, "name": "Other"})
    assert stale.status_code == 409
    assert Programme.objects.get(slug="test").name == "Renamed"


def test_organisation_editor_cannot_add_sections(client, small_programme, fire_editor):
    client.force_login(fire_editor)
    assert client.get("/programmes/test/settings/").status_code == 200
    assert client.post("/programmes/test/settings/", {"add_section": "1", "section-name": "X"}).status_code == 403
    assert small_programme["programme"].sections.count() == 2

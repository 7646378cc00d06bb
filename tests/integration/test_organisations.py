from bluelight.core.history import history_of
from bluelight.core.models import Organisation
from tests.helpers import error_summary, table_rows


def test_programme_office_adds_an_organisation_with_its_short_code_upper_cased(signed_in, small_programme):
    response = signed_in.post(
        "/organisations/new/", {"name": "Kent Fire and Rescue Service", "short_code": "kfrs", "kind": "fire"}
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(short_code="KFRS")
    assert history_of(organisation).get().actor_name == "office"
    rows = table_rows(signed_in.get("/organisations/").content.decode(), "organisations")
    assert ["Kent Fire and Rescue Service", "KFRS", "Fire and rescue"] in rows


def test_duplicate_short_code_is_refused_and_nothing_added(signed_in, small_programme):
    response = signed_in.post("/organisations/new/", {"name": "Another", "short_code": "TP", "kind": "police"})
    assert response.status_code == 400
    assert "Organisation with this Short code already exists." in error_summary(response.content.decode())
    assert Organisation.objects.count() == 2


def test_an_organisation_editor_cannot_add_organisations(client, fire_editor):
    client.force_login(fire_editor)
    assert client.post("/organisations/new/", {"name": "X", "short_code": "X", "kind": "other"}).status_code == 403
    assert Organisation.objects.count() == 2

"""The JSON API under the same rules as the pages: tokens, version checks, history, errors."""

from __future__ import annotations

import hashlib

from django.test import Client
from django.urls import reverse

from bluelight.api.models import ApiToken
from bluelight.api.tokens import token_create, token_revoke
from bluelight.core.history import history_of
from bluelight.programmes.models import Workstream


def _api(user) -> Client:
    _record, token = token_create(user=user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def test_two_api_edits_from_one_version_the_second_is_refused_with_both_versions(small_programme, office, fire_editor):
    url = reverse("api-workstream", args=["test", "fleet"])
    first = _api(office).patch(url, {"version": 1, "title": "Fleet workshop"}, content_type="application/json")
    assert first.status_code == 200 and first.json()["version"] == 2
    second = _api(fire_editor).patch(url, {"version": 1, "title": "Joint fleet"}, content_type="application/json")
    assert second.status_code == 409
    error = second.json()["error"]
    assert error["code"] == "conflict"
    assert error["message"].startswith("Fleet workshop was changed by office at ")
    assert error["yours"] == {"title": "Joint fleet"}
    assert error["saved"] == {"title": "Fleet workshop", "version": 2}
    assert Workstream.objects.get(key="fleet").title == "Fleet workshop"
    entries = list(history_of(Workstream.objects.get(key="fleet")))
    assert (entries[0].channel, entries[0].actor_name, entries[0].changes) == (
        "api", "office", {"title": ["Fleet", "Fleet workshop"]},
    )  # fmt: skip


def test_an_api_edit_without_its_version_or_with_a_bad_field_changes_nothing(small_programme, office):
    api, url = _api(office), reverse("api-workstream", args=["test", "fleet"])
    missing = api.patch(url, {"title": "New"}, content_type="application/json")
    assert missing.status_code == 400
    assert missing.json()["error"]["fields"] == {"version": ["Enter the record's version as a whole number."]}
    unknown = api.patch(url, {"version": 1, "lead_organisation": "TP"}, content_type="application/json")
    assert unknown.json()["error"]["fields"] == {"lead_organisation": ["Not a field you can send here."]}
    bad = api.patch(url, {"version": 1, "stage": "closed"}, content_type="application/json")
    assert bad.status_code == 400
    assert bad.json()["error"]["fields"]["stage_reason"] == ["Enter why the workstream was closed."]
    assert Workstream.objects.get(key="fleet").version == 1


def test_a_rating_through_the_api_is_in_the_history_as_api(small_programme, fire_editor):
    url = reverse("api-rating", args=["test", "fleet", "2023"])
    api = _api(fire_editor)
    refused = api.put(url, {"rating": "amber"}, content_type="application/json")
    assert refused.status_code == 400
    assert refused.json()["error"]["fields"] == {
        "rationale": ["Enter the rationale for the Amber rating: every rating but Green needs one."]
    }
    made = api.put(url, {"rating": "amber", "rationale": "Parts are late"}, content_type="application/json")
    assert made.status_code == 201 and made.json()["version"] == 1
    from bluelight.status.models import Assessment

    entry = history_of(Assessment.objects.get()).first()
    assert (entry.action, entry.channel, entry.actor_name) == ("created", "api", "fire.editor")


def test_tokens_are_kept_hashed_shown_once_and_refused_once_revoked(small_programme, office, client):
    client.force_login(office)
    page = client.post(reverse("api-tokens"), {"name": "Power BI dashboard"})
    assert page.status_code == 201
    html = page.content.decode()
    token = html.split('<code id="new-token">')[1].split("</code>")[0]
    assert token.startswith("bl_") and len(token) == 43
    stored = ApiToken.objects.get()
    assert stored.digest == hashlib.sha256(token.encode()).hexdigest() and token not in (stored.prefix, stored.digest)
    assert token not in client.get(reverse("api-tokens")).content.decode()  # never shown again

    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.get(reverse("api-workstreams", args=["test"])).json()["count"] == 3
    token_revoke(user=office, token=stored)
    refused = api.get(reverse("api-workstreams", args=["test"]))
    assert refused.status_code == 401
    assert refused.json() == {"error": {"status": 401, "code": "unauthorised",
                                        "message": "Send a valid personal API token: Authorization: Bearer <token>."}}  # fmt: skip


def test_a_disabled_account_s_token_stops_working(small_programme, office):
    from bluelight.core import people
    from bluelight.core.history import Actor

    api = _api(office)
    assert api.get(reverse("api-programmes")).status_code == 200
    people.account_disable(actor=Actor(None), user=office)
    assert api.get(reverse("api-programmes")).status_code == 401


def test_lists_are_paged(small_programme, office):
    api = _api(office)
    first = api.get(reverse("api-workstreams", args=["test"]) + "?page_size=2").json()
    second = api.get(reverse("api-workstreams", args=["test"]) + "?page_size=2&page=2").json()
    assert (first["count"], first["next_page"], [w["key"] for w in first["results"]]) == (3, 2, ["hubs", "fleet"])
    assert (second["next_page"], [w["key"] for w in second["results"]]) == (None, ["control"])
    assert api.get(reverse("api-workstreams", args=["test"]) + "?lead=TF").json()["count"] == 1

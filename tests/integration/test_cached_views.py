"""The dashboard's period summary and the annual report are cached per version of the data: a second
view of unchanged data is read from the cache, and any change (a page, the import, the command line, a
transaction that rolls back) is seen at once."""

import pytest
from django.db import transaction
from django.test.utils import CaptureQueriesContext

from bluelight.core import versions
from bluelight.programmes import services as programme_services
from bluelight.status import services as status_services
from tests.conftest import make_user
from tests.helpers import table_rows

# Committed, as in use: a transaction that has changed data does not use the cache until it commits.
pytestmark = pytest.mark.django_db(transaction=True)


def _rows(client):
    return table_rows(client.get("/programmes/test/?period=2023").content.decode(), "dashboard-table")


def _queries(client, url):
    from django.db import connection

    with CaptureQueriesContext(connection) as seen:
        assert client.get(url).status_code == 200
    return len(seen)


def test_an_unchanged_dashboard_is_read_from_the_cache_and_a_change_is_seen_at_once(
    signed_in, small_programme, system
):
    p = small_programme
    status_services.assessment_record(actor=system, workstream=p["hubs"], period=p["2023"], rating="green")
    first = _queries(signed_in, "/programmes/test/?period=2023")
    second = _queries(signed_in, "/programmes/test/?period=2023")
    # The summary's reads (workstreams, sections, ratings of two periods, overall ratings) are not made again.
    assert second <= first - 4
    assert _rows(signed_in)[2][:2] == ["Hubs", "Green"]

    status_services.assessment_record(actor=system, workstream=p["hubs"], period=p["2023"], rating="amber",
                                      rationale="Two hubs late", expected_version=1)  # fmt: skip
    assert _rows(signed_in)[2][:2] == ["Hubs", "Amber"]

    hubs = p["hubs"]
    programme_services.workstream_update(actor=system, workstream=hubs, expected_version=hubs.version,
                                         title="Shared hubs")  # fmt: skip
    assert _rows(signed_in)[2][:2] == ["Shared hubs", "Amber"]


def test_what_one_person_may_not_see_is_not_served_to_them_from_another_persons_view(
    client, small_programme, office, system
):
    p = small_programme
    fleet = p["fleet"]
    programme_services.workstream_update(actor=system, workstream=fleet, expected_version=fleet.version,
                                         marking="OFFICIAL-SENSITIVE")  # fmt: skip
    for workstream in (p["hubs"], fleet):
        status_services.assessment_record(actor=system, workstream=workstream, period=p["2023"], rating="green")
    police_editor = make_user("police.editor", p["police"], p["programme"], "organisation_editor")

    client.force_login(office)
    assert [row[0] for row in _rows(client)[1:]] == ["Local", "Hubs", "Fleet"]
    client.force_login(police_editor)  # Fleet is the fire service's, and sensitive
    assert [row[0] for row in _rows(client)[1:]] == ["Local", "Hubs"]


def test_a_change_rolled_back_leaves_the_next_change_still_seen(signed_in, small_programme, system):
    p = small_programme
    status_services.assessment_record(actor=system, workstream=p["hubs"], period=p["2023"], rating="green")
    assert _rows(signed_in)[2][:2] == ["Hubs", "Green"]
    try:
        with transaction.atomic():
            status_services.assessment_record(actor=system, workstream=p["control"], period=p["2023"], rating="red",
                                              rationale="Rolled back")  # fmt: skip
            raise RuntimeError("the caller gives up")
    except RuntimeError:
        pass
    assert [row[0] for row in _rows(signed_in)[1:]] == ["Local", "Hubs"]
    status_services.assessment_record(actor=system, workstream=p["fleet"], period=p["2023"], rating="amber",
                                      rationale="Parts late")  # fmt: skip
    assert [row[:2] for row in _rows(signed_in)[2:]] == [["Hubs", "Green"], ["Fleet", "Amber"]]


def test_the_annual_report_is_cached_and_shows_a_new_rationale_at_once(signed_in, small_programme, system):
    p = small_programme
    status_services.assessment_record(actor=system, workstream=p["hubs"], period=p["2023"], rating="amber",
                                      rationale="Two hubs late")  # fmt: skip
    url = "/programmes/test/reports/annual/2023/"
    page = signed_in.get(url).content.decode()
    assert "Two hubs late" in page
    assert "<title>" in page and "Test programme: annual collaboration report 2023" in page
    assert _queries(signed_in, url) < _queries(signed_in, url + "download/?format=html")
    status_services.assessment_record(actor=system, workstream=p["hubs"], period=p["2023"], rating="amber",
                                      rationale="One hub late", expected_version=1)  # fmt: skip
    page = signed_in.get(url).content.decode()
    assert "One hub late" in page and "Two hubs late" not in page


def test_a_version_lost_by_the_cache_is_a_new_version(small_programme):
    before = versions.current()
    from django.core.cache import cache

    cache.delete(versions.KEY)
    after = versions.current()
    assert after and after != before
    assert versions.current() == after


def test_library_searches_are_kept_per_version_of_the_library_alone(small_programme, system):
    import json

    from bluelight.practice import selectors as practice
    from bluelight.practice import services as practice_services
    from bluelight.practice.models import Entry
    from tests.integration.test_practice import CATALOGUE

    practice_services.catalogue_load(json.loads(CATALOGUE.read_text(encoding="utf-8")), actor=system)
    first = practice.search("forced entry")
    assert first.total > 0
    library = versions.current("practice")
    p = small_programme
    status_services.assessment_record(actor=system, workstream=p["hubs"], period=p["2023"], rating="green")
    assert versions.current("practice") == library  # a rating is not the library's business

    top = first.hits[0].entry
    top.state = Entry.State.AWAITING_APPROVAL  # withdrawn from the library
    top.save()
    assert versions.current("practice") != library
    again = practice.search("forced entry")
    assert again.total == first.total - 1
    assert top.pk not in [hit.entry.pk for hit in again.hits]

"""The practice library: loading, search on either database, the pages, adopting and publishing back."""

import datetime
import json
from pathlib import Path

import pytest
from django.urls import reverse

from bluelight.cli import main
from bluelight.core.history import Actor, history_of
from bluelight.governance.models import Document
from bluelight.practice import selectors, services
from bluelight.practice.models import Adoption, Entry
from bluelight.programmes.models import Workstream
from bluelight.programmes.services import workstream_update
from tests.helpers import table_rows, text_of

CATALOGUE = Path(__file__).resolve().parents[2] / "bluelight" / "practice" / "data" / "catalogue.json"


@pytest.fixture
def library(db, system):
    return services.catalogue_load(json.loads(CATALOGUE.read_text(encoding="utf-8")), actor=system)


def run(capsys, *argv):
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_load_is_idempotent_and_removes_what_the_catalogue_no_longer_holds(library, system):
    assert library == {"created": 62, "updated": 0, "removed": 0, "total": 62}
    catalogue = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    assert services.catalogue_load(catalogue, actor=system) == {"created": 0, "updated": 0, "removed": 0, "total": 62}
    catalogue["entries"] = [e for e in catalogue["entries"] if e["key"] != "operation-dragoon"]
    catalogue["entries"][0]["summary"] = "Changed."
    assert services.catalogue_load(catalogue, actor=system) == {"created": 0, "updated": 1, "removed": 1, "total": 61}
    assert selectors.search("dragoon").total == 0


def test_command_line_search_for_forced_entry(library, capsys):
    data = json.loads(run(capsys, "practice", "search", "forced entry", "--json"))
    top = data["results"][0]
    assert top["title"] == "Forced Entry and Missing People" and top["rank"] == 1
    assert {"Essex", "Hampshire", "Lancashire", "Surrey/Sussex", "West Midlands"} <= set(top["areas"])
    assert data["matched_on"] == "every word"


def test_command_line_search_for_a_defibrillator_finds_cardiac_arrest_first_response(library, capsys):
    data = json.loads(run(capsys, "practice", "search", "cardiac arrest defibrillator", "--json"))
    assert data["results"][0]["key"] == "first-response-cardiac-arrest"
    text = run(capsys, "practice", "search", "shared", "--section", "Shared Estates and Assets")
    assert text.splitlines()[0].endswith("in Shared Estates and Assets")
    assert "Joint Control Rooms" not in text


def test_command_line_load(db, capsys):
    assert "62 added" in run(capsys, "practice", "load")
    assert "0 added, 0 updated, 0 removed; 62 entries" in run(capsys, "practice", "load")


# The same expectations hold on SQLite (FTS5, BM25) and PostgreSQL (tsvector, ts_rank): `make test`
# runs this file on both, so passing on both is the check that they agree. The top entry is the one
# whose title names the thing. The counts are entries holding every word after English stemming, as
# checked against the seed with grep: "forced" and "force" share a stem, so "forced entry" also
# matches Shared Training Centre ("another police force", "building entry"); "tri-service officer"
# is three words, and "tried" stems to "tri", so Managing inter-service demand ("tried and tested")
# matches too; "co-responding" is "co" (co-located, co-ordinated...) and "respond".
FIXED_QUERIES = {
    "forced entry": ("forced-entry-and-missing-people", 2),
    "cardiac arrest defibrillator": ("first-response-cardiac-arrest", 1),
    "joint control room": ("joint-control-rooms-jcc", 6),
    "shared headquarters": ("shared-hq", 4),
    "tri-service officer": ("tri-service-hub", 4),
    "information sharing protocol": ("information-sharing-protocol-and-operational-learning", 1),
    "missing people thermal imaging": ("forced-entry-and-missing-people", 1),
    "mental health triage": ("clinical-support-desk-triaging-calls", 1),
    "fleet workshop": ("joint-vehicle-workshop", 1),
    "co-responding": ("co-responding", 12),
}


@pytest.mark.parametrize("query", FIXED_QUERIES)
def test_fixed_queries_give_the_same_top_result_and_matches_on_either_database(library, query):
    top, total = FIXED_QUERIES[query]
    results = selectors.search(query)
    assert (results.hits[0].entry.key, results.total) == (top, total)


def test_no_entry_with_every_word_falls_back_to_any_word_and_says_so(library):
    results = selectors.search("defibrillator burglary")
    assert results.any_word and results.total >= 2
    assert selectors.search("zzzzqqq").total == 0
    # Query syntax is never syntax: quotes, operators and column filters are plain words or nothing.
    assert selectors.search('title:"forced" OR NEAR(entry) *').total >= 1


def test_facets_count_the_matches_and_filter_them(library):
    results = selectors.search("fire")
    areas = {v.value: v.count for v in results.facets["area"]}
    essex = selectors.search("fire", filters={"area": ["Essex"]})
    assert essex.total == areas["Essex"] and all("Essex" in h.entry.areas for h in essex.hits)
    # Surrey/Sussex as the Forced Entry list writes it is the same area as "Surrey and Sussex".
    surrey = selectors.search("", filters={"area": ["Surrey/Sussex"]})
    assert "forced-entry-and-missing-people" in [h.entry.key for h in surrey.hits]
    quantified = selectors.search("", filters={"quantified": ["yes"], "section": ["Shared Estates and Assets"]})
    assert {h.entry.key for h in quantified.hits} >= {"shared-hq", "joint-facilities"}
    assert "dynamic-activation-posts-daps" not in {h.entry.key for h in quantified.hits}  # no figure in its benefits
    pilots = selectors.search("", filters={"status": ["pilot"]})
    assert {h.entry.key for h in pilots.hits} == {"community-safety-responders-pilot",
                                                   "pcsos-employed-as-rds-firefighters-pilot"}  # fmt: skip
    ambulance = selectors.search("", filters={"service": ["ambulance"], "category": ["savings"]})
    assert "shared-hq" not in {h.entry.key for h in ambulance.hits}  # police and fire only


def test_more_like_this_never_offers_the_entry_itself(library):
    entry = Entry.objects.get(key="shared-hq")
    similar = [h.entry.key for h in selectors.more_like_this(entry)]
    assert "shared-hq" not in similar and len(similar) == 5
    assert "shared-training-centre" in similar  # Derbyshire's joint HQ and its training centre


def test_the_pages(library, signed_in):
    page = signed_in.get(reverse("practice-library"), {"q": "forced entry"}).content.decode()
    assert "Forced Entry and Missing People" in page and "<strong>2</strong> entries" in page
    filtered = signed_in.get(reverse("practice-library"), {"q": "fire", "section": "Joint Control Rooms"})
    assert "Joint Control Rooms (JCC)" in filtered.content.decode() and "Shared HQ" not in filtered.content.decode()
    html = signed_in.get(reverse("practice-entry", args=["forced-entry-and-missing-people"])).content.decode()
    assert "lines 623–750" in text_of(html, "source")
    figures = table_rows(html, "figures")
    assert [
        "138",
        "hours",
        "Benefits",
        "In Lancashire, the first 5 months saved 138 hours of police time.",
        "733",
    ] in figures
    assert "Essex County Fire and Rescue Service (ECFRS)" in html
    telecare = signed_in.get(reverse("practice-entry", args=["telecare-response-service"])).content.decode()
    assert "£2.2 looks to lack its magnitude" in text_of(telecare, "flags")
    areas = signed_in.get(reverse("practice-areas")).content.decode()
    rows = table_rows(areas, "area-counts")
    # Essex is named by eight entries: cardiac arrest first response, forced entry, DAPs, Operation
    # Insight, the joint education team, parish safety volunteers, and the Community Engagement and
    # Housing headings that list it.
    assert rows[0] == ["Area", "Entries"] and ["Essex", "8"] in rows
    assert "<svg" in areas and "Essex: 8 entries" in areas
    assert signed_in.get(reverse("practice-entry", args=["no-such-entry"])).status_code == 404
    # nothing matches: one message, with words of the titles spelt like the one asked for
    none = signed_in.get(reverse("practice-library"), {"q": "drones"}).content.decode()
    assert text_of(none, "result-count").startswith("No entries match “drones”.")
    assert "entries for" not in none and 'id="results"' not in none
    misspelt = signed_in.get(reverse("practice-library"), {"q": "collabaration"}).content.decode()
    assert text_of(misspelt, "result-count").startswith("No entries match “collabaration”. Did you mean collaboration")
    assert 'href="?q=collaboration"' in misspelt


def test_adopting_an_entry_makes_a_draft_workstream_that_remembers_where_it_came_from(
    library, signed_in, small_programme, office
):
    p = small_programme
    page = signed_in.get(reverse("practice-adopt", args=["forced-entry-and-missing-people", "test"]))
    assert page.status_code == 200 and 'value="Forced Entry and Missing People"' in page.content.decode()
    response = signed_in.post(reverse("practice-adopt", args=["forced-entry-and-missing-people", "test"]), {
        "title": "Gaining entry for ambulance crews", "key": "gaining-entry", "section": p["local"].pk,
        "lead_organisation": p["fire"].pk, "partner_organisations": [p["police"].pk, p["fire"].pk],
        "description": "Fire gains entry to homes for ambulance crews.", "benefits": ["0", "1"],
    })  # fmt: skip
    assert response.status_code == 302
    workstream = Workstream.objects.get(programme=p["programme"], key="gaining-entry")
    assert workstream.stage == Workstream.Stage.PROPOSED
    assert Adoption.objects.get(workstream=workstream).entry.key == "forced-entry-and-missing-people"
    created = history_of(workstream).get(action="created")
    assert created.note == ("Adopted from the practice library: Forced Entry and Missing People "
                            "(Emergency Services Collaboration Working Group, National Overview (2016 refresh), "
                            "lines 623–750).")  # fmt: skip
    benefits = {b.title: b for b in workstream.benefits.all()}
    assert set(benefits) == {"Performance Improvement", "Financial Savings"}
    savings = benefits["Financial Savings"]
    assert savings.kind == "cashable" and savings.confidence_grade == 6 and savings.status == "identified"
    assert "“In Lancashire, the first 5 months saved 138 hours of police time.”" in savings.evidence
    assert "line 733" in savings.evidence
    detail = signed_in.get(reverse("workstream-detail", args=["test", "gaining-entry"])).content.decode()
    assert "Forced Entry and Missing People" in text_of(detail, "adopted-from")
    assert "Adopted from the practice library" in text_of(detail, "timeline")
    entry = signed_in.get(reverse("practice-entry", args=["forced-entry-and-missing-people"])).content.decode()
    assert text_of(entry, "adoptions").startswith("Gaining entry for ambulance crews , Test programme (")


def test_only_a_programme_office_may_adopt(library, client, small_programme, fire_editor):
    client.force_login(fire_editor)
    assert client.get(reverse("practice-adopt", args=["shared-hq", "test"])).status_code == 403
    assert client.get(reverse("practice-adopt-choose", args=["shared-hq"])).status_code == 403
    assert not Workstream.objects.filter(title="Shared HQ").exists()


def test_a_taken_short_name_is_refused_by_name_and_nothing_is_made(library, signed_in, small_programme):
    p = small_programme
    response = signed_in.post(
        reverse("practice-adopt", args=["shared-hq", "test"]),
        {"title": "Shared HQ", "key": "hubs", "section": p["local"].pk, "lead_organisation": p["police"].pk},
    )
    assert (
        response.status_code == 400 and "already has a workstream with the short name hubs" in response.content.decode()
    )
    assert not Adoption.objects.exists()


def test_a_closed_workstreams_closure_report_joins_the_library_once_the_office_approves(
    library, client, small_programme, office, fire_editor
):
    p = small_programme
    fleet = p["fleet"]
    workstream_update(actor=Actor(office), workstream=fleet, expected_version=fleet.version, stage="closed",
                      stage_changed_on=datetime.date(2024, 3, 31), stage_reason="Delivered",
                      description="A joint fleet workshop for police and fire vehicles.")  # fmt: skip
    Document.objects.create(
        programme=p["programme"], workstream=fleet, kind="closure_report", title="Fleet closure report",
        outcome="One workshop serves both fleets.", status="approved",
        benefits_delivered="Saved £120,000 a year in workshop running costs.\nVehicle downtime fell by 15%.",
        lessons_learned="Agree the vetting of fire staff early.",
    )  # fmt: skip
    client.force_login(fire_editor)
    detail = client.get(reverse("workstream-detail", args=["test", "fleet"])).content.decode()
    assert "Publish the closure report to the practice library" in detail
    response = client.post(reverse("practice-publish", args=["test", "fleet"]),
                           {"area": "Essex", "section": "Shared Estates and Assets"})  # fmt: skip
    assert response.status_code == 302
    entry = Entry.objects.get(workstream=fleet)
    assert entry.state == "awaiting_approval" and selectors.search("fleet workshop").total == 1  # not yet searchable
    figures = {f["written"]: f for f in entry.content["figures"]}
    assert figures["£120,000"]["value"] == "120000" and figures["£120,000"]["unit"] == "£ a year"
    assert figures["15%"]["sentence"] == "Vehicle downtime fell by 15%."
    # Only the programme office approves.
    assert client.post(reverse("practice-approve", args=[entry.key])).status_code == 403
    client.force_login(office)
    assert client.post(reverse("practice-approve", args=[entry.key])).status_code == 302
    entry.refresh_from_db()
    assert entry.state == "published" and entry.approved_by == office
    keys = [h.entry.key for h in selectors.search("fleet workshop").hits]
    assert sorted(keys) == ["joint-vehicle-workshop", "test-fleet"]
    assert [h.note for h in history_of(entry)] == ["Approved for the library.",
                                                   "Proposed for the library from the closure report 'Fleet closure report'."]  # fmt: skip
    again = client.post(
        reverse("practice-publish", args=["test", "fleet"]), {"area": "Essex", "section": "Shared Estates and Assets"}
    )
    assert again.status_code == 400 and "already been sent to the library" in again.content.decode()


def test_an_open_workstream_cannot_be_published(library, signed_in, small_programme):
    response = signed_in.post(
        reverse("practice-publish", args=["test", "hubs"]), {"area": "Essex", "section": "Shared Estates and Assets"}
    )
    assert response.status_code == 400 and "Only a closed workstream" in response.content.decode()
    assert not Entry.objects.filter(origin="programme").exists()

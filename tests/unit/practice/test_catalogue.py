"""The catalogue extracted from the national overview holds every initiative, as the seed writes it."""

import ast
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from bluelight.practice.extraction import extract

DATA = Path(__file__).resolve().parents[3] / "bluelight" / "practice" / "data"
SEED = (DATA / "national-overview-2016.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def catalogue():
    return extract(SEED)


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


def by_key(catalogue):
    return {e["key"]: e for e in catalogue["entries"]}


def test_the_committed_catalogue_is_what_the_script_makes_from_the_seed(catalogue):
    committed = json.loads((DATA / "catalogue.json").read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(catalogue))  # not edited by hand


def test_count_per_section(catalogue):
    counts = {}
    for entry in catalogue["entries"]:
        counts[entry["section"]] = counts.get(entry["section"], 0) + 1
    # Counted from the seed by hand: the five listed sections' lists; Joint Control Rooms' one entry;
    # the alliances' umbrella and its 14 named partnerships; Information Sharing's four and the Surrey
    # and Sussex control-and-dispatch "Future"; Wider Collaboration's three headings and their 16
    # named projects (7 + 6 + 3); the annex's four national statements.
    assert counts == {
        "First Response and Co-responding": 5,
        "Demand Management and Rationalisation": 6,
        "Shared Estates and Assets": 7,
        "Joint Control Rooms": 1,
        "Strategic Alliances and Partnerships": 15,
        "Information Sharing": 5,
        "Wider Collaboration": 19,
        "National annex": 4,
    }


def seed_lists():
    """Each "In this section" list, as the text that follows it up to its section's name."""
    lines = SEED.split("\n")
    found = []
    for number, line in enumerate(lines):
        if line.strip() == "In this section":
            found.append(squash(" ".join(lines[number + 1 : number + 14])))
    return found


def test_every_in_this_section_list_names_the_catalogues_entries_in_order(catalogue):
    lists = seed_lists()
    assert len(lists) == 5
    listed_sections = ["First Response and Co-responding", "Demand Management and Rationalisation",
                       "Shared Estates and Assets", "Information Sharing", "Wider Collaboration"]  # fmt: skip
    for section, written in zip(listed_sections, lists, strict=True):
        top = [e for e in catalogue["entries"] if e["section"] == section and not e["parent"]]
        # The list writes the future project with its "FUTURE:" label, as the heading does.
        titles = [e["heading"] if e["status"] == "future" and e["heading"].startswith("FUTURE") else e["title"]
                  for e in top]  # fmt: skip
        assert written.startswith(" ".join(titles)), section


def test_a_sample_of_entries_against_the_seed(catalogue):
    entries = by_key(catalogue)
    clinical = entries["clinical-support-desk-triaging-calls"]
    assert clinical["section"] == "Demand Management and Rationalisation"
    assert clinical["areas"] == ["Hampshire", "Greater Manchester", "London", "Merseyside", "Surrey and Sussex"]
    london = next(i for i in clinical["implementations"] if i["area"] == "London")
    assert london["when"] == "October 2015" and london["started"] == "2015-10"
    assert [o["name"] for o in london["organisations"]] == ["Metropolitan Police Service", "London Ambulance Service"]

    forced = entries["forced-entry-and-missing-people"]
    assert forced["areas"] == ["Essex", "Hampshire", "Lancashire", "Surrey/Sussex", "West Midlands"]
    assert forced["area_status"] == {"Hampshire": "pilot"}
    essex = next(i for i in forced["implementations"] if i["area"] == "Essex")
    assert {(o["abbreviation"], o["name"]) for o in essex["organisations"]} == {
        ("EEAS", "East of England Ambulance Service NHS Trust"),
        ("ECFRS", "Essex County Fire and Rescue Service"),
    }
    hampshire = next(i for i in forced["implementations"] if i["area"] == "Hampshire")
    assert hampshire["status"] == "pilot" and hampshire["when"] == "December 2015 – Pilot"
    assert "SCAS" in [o["abbreviation"] for o in hampshire["organisations"]]
    assert "South Central Ambulance Service" in [o["name"] for o in hampshire["organisations"]]
    lancashire = next(i for i in forced["implementations"] if i["area"] == "Lancashire")
    assert "North West Ambulance Service" in [o["name"] for o in lancashire["organisations"]]
    assert [b["group"] for b in forced["benefits"]] == ["Performance Improvement", "Financial Savings"]
    assert forced["started"] == "2014-01"  # Surrey and Sussex, January 2014, the earliest
    assert set(forced["services"]) >= {"police", "fire", "ambulance"}

    # HFRS is Hampshire's fire service in Hampshire and Humberside's in Humberside.
    efr = next(i for i in entries["emergency-first-response"]["implementations"] if i["area"] == "Humberside")
    assert efr["organisations"][0]["name"] == "Humberside Fire and Rescue Service"

    assert entries["community-safety-responders-pilot"]["status"] == "pilot"
    assert entries["community-safety-responders-pilot"]["started"] == "2015-05"
    assert entries["fleet-procurement"]["status"] == "future"
    assert entries["joint-control-and-dispatch-service"]["status"] == "future"


def test_named_sub_projects_are_entries_of_their_own(catalogue):
    entries = by_key(catalogue)
    spp = entries["safer-peterborough-partnership"]
    assert spp["parent"] == "strategic-alliances-and-partnerships" and spp["areas"] == ["Cambridgeshire"]
    assert [o["name"] for o in spp["organisations"]] == [
        "Cambridgeshire Constabulary",
        "Cambridgeshire Fire and Rescue Service",
    ]
    crit = entries["community-risk-intervention-team-crit"]
    assert crit["parent"] == "community-engagement" and crit["abbreviation"] == "CRIT" and crit["when"] == "2011"
    forum = entries["emergency-services-forum-devon-and-cornwall-and-avon-and-somerset"]
    assert forum["areas"] == ["Devon and Cornwall", "Avon and Somerset"]
    children = [e for e in catalogue["entries"] if e["parent"] == "housing"]
    assert [e["title"] for e in children] == [
        "Houses in Multiple Occupation (HMO) taskforce",
        "Hertfordshire Home Safety Service (HHSS)",
        "Parish Safety Volunteers",
        "Specialist Dementia fire safety resources and visits",
        "Joint Collaborative Prevention and Protection Activity",
        "Operation Dragoon",
    ]


def test_every_figure_has_its_unit_and_a_sentence_that_occurs_in_the_seed(catalogue):
    seed = squash(SEED)
    figures = [(e["key"], f) for e in catalogue["entries"] for f in e["figures"]]
    assert len(figures) > 150
    for key, figure in figures:
        assert figure["sentence"] in seed, (key, figure["sentence"])
        assert figure["written"] in figure["sentence"], (key, figure)
        assert figure["unit"] or figure["kind"] == "count", (key, figure)
        # The line cited is where the paragraph holding the sentence begins (paragraphs run to a few dozen lines).
        paragraph = squash(" ".join(SEED.split("\n")[figure["line"] - 1 : figure["line"] + 60]))
        assert figure["sentence"] in paragraph, (key, figure["line"], figure["sentence"])


def test_figures_are_read_exactly_and_the_drafts_broken_ones_are_flagged_not_fixed(catalogue):
    entries = by_key(catalogue)
    telecare = {f["written"]: f for f in entries["telecare-response-service"]["figures"]}
    assert Decimal(telecare["£371,028"]["value"]) == Decimal("371028") and telecare["£371,028"]["flag"] == ""
    # "£2.2 per annum" for a return said to exceed £371,028: the magnitude is missing. Kept, flagged.
    assert telecare["£2.2"]["value"] == "2.2" and telecare["£2.2"]["unit"] == "£ per annum"
    assert "magnitude" in telecare["£2.2"]["flag"]
    cardiac = {f["written"]: f for f in entries["first-response-cardiac-arrest"]["figures"]}
    assert "broken" in cardiac["55.%"]["flag"] and cardiac["76.7%"]["value"] == "76.7"
    shared = {f["written"]: f for f in entries["shared-hq"]["figures"]}
    assert shared["£1.5m"]["value"] == "1500000" and shared["£1.490m"]["value"] == "1490000"
    assert shared["£580000"]["unit"] == "£ p.a."
    fleet = entries["fleet-procurement"]["figures"][0]
    assert fleet["written"] == "250k" and fleet["value"] == "250000" and "no £ sign" in fleet["flag"]
    jru = {f["written"]: f for f in entries["joint-response-unit-jru"]["figures"]}
    assert jru["21,187"]["unit"] == "activations" and jru["21,187"]["value"] == "21187"
    # Years, dates and telephone numbers are not figures.
    written = {f["written"] for e in catalogue["entries"] for f in e["figures"]}
    assert not written & {"2015", "2013", "999", "111"}
    surrey = entries["emergency-services-collaboration-programme-surrey-and-sussex"]
    assert any("page XX" in flag for flag in surrey["flags"])


def test_the_extraction_imports_nothing_from_django():
    folder = DATA.parent / "extraction"
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text())
        modules = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        modules += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [m for m in modules if m.startswith("django")], path

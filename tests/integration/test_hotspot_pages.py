"""Hotspot maps as the programme office makes them: upload police.uk CSVs, the worker runs the analysis
with progress, the page shows the map with its key in words, the tables, the grant's working and the
downloads; a bad file fails with its row and reason and keeps nothing; the map is attached as evidence."""

import csv
import datetime
import io
import json
import re
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from bluelight.core import files
from bluelight.core.worker import work
from bluelight.evidence.models import Analysis
from bluelight.evidence.tasks import LOST, lost_analyses_fail
from bluelight.hotspots.engine import synthetic

GOOD = "abc,2025-03,Essex Police,Essex Police,0.4712,51.5761,On or near High Street,E01021600,Basildon 016C,Burglary,,\n"


def _zip(folder) -> io.BytesIO:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for path in sorted(folder.rglob("*.csv")):
            archive.write(path, path.relative_to(folder).as_posix())
    out.seek(0)
    out.name = "essex-street.zip"
    return out


@pytest.fixture
def essex(tmp_path):
    synthetic.write(tmp_path / "essex", seed=2, months=6, background=900)
    return tmp_path / "essex"


def _start(client, slug, upload, **extra):
    form = {"title": "Synthetic Essex, first half of 2025", "data": upload, "units": "grid", "cell_size": "250", **extra}
    return client.post(reverse("hotspot-start", args=[slug]), form)


def test_an_upload_is_analysed_by_the_worker_and_shown_as_a_map_with_its_tables(signed_in, small_programme, essex):
    slug = small_programme["programme"].slug
    response = _start(signed_in, slug, _zip(essex))
    analysis = Analysis.objects.get()
    assert response.status_code == 302 and response.url == reverse("hotspot-detail", args=[slug, analysis.pk])
    page = signed_in.get(response.url).content.decode()
    assert "Waiting to start" in page and 'id="task-bar"' in page
    assert signed_in.get(reverse("hotspot-progress", args=[slug, analysis.pk])).json()["status"] == "queued"

    assert work(once=True, say=lambda line: None) == 1
    analysis.refresh_from_db()
    assert analysis.status == "done"
    page = signed_in.get(reverse("hotspot-detail", args=[slug, analysis.pk])).content.decode()
    planted = json.loads((essex / "planted.json").read_text())["planted"]
    hot = [c for c in analysis.result["cells"] if c["level"] >= 95]
    for plant in planted:  # each planted district is listed in the hot cells table
        assert f"<td class=\"govuk-table__cell\">{plant['district']}</td>" in page
    assert f"{len([c for c in analysis.result['cells'] if c['level'] > 0])} hot cells" in page
    assert "<svg" in page and 'role="img"' in page and "Hot spot, 99% confidence" in page
    assert "(criss-cross lines)" in page  # the key says each pattern in words
    rows = sum(len(p.read_text().splitlines()) - 1 for p in essex.rglob("*.csv"))
    mapped, set_aside = analysis.result["points"], analysis.result["set_aside"]["no coordinates"]
    assert mapped + set_aside == rows
    assert f"1 file: {mapped:,} rows mapped, {set_aside:,} set aside (no coordinates)" in page
    assert "anonymised" in analysis.method["statement"] and "snap points" in page
    assert len(hot) > 0
    assert analysis.inputs["files"][0]["stored"] and files.exists(analysis.inputs["files"][0]["stored"])


def test_the_downloads_hold_the_same_cells(signed_in, small_programme, essex):
    slug = small_programme["programme"].slug
    _start(signed_in, slug, _zip(essex))
    work(once=True, say=lambda line: None)
    analysis = Analysis.objects.get()
    url = lambda ext: reverse("hotspot-download", args=[slug, analysis.pk, ext])  # noqa: E731
    table = list(csv.reader(io.StringIO(signed_in.get(url("csv")).content.decode())))
    assert table[0] == ["OFFICIAL"]
    assert table[1][:5] == ["lsoa", "column", "row", "centre_lat", "centre_lon"]
    assert len(table) - 2 == len(analysis.result["cells"])
    geo = json.loads(signed_in.get(url("geojson")).content)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == len(analysis.result["cells"])
    ring = geo["features"][0]["geometry"]["coordinates"][0]
    assert len(ring) == 5 and ring[0] == ring[-1] and 51 < ring[0][1] < 53  # WGS84 lon/lat, closed squares
    png = signed_in.get(url("png"))
    assert png["Content-Type"] == "image/png" and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert signed_in.get(url("exe")).status_code == 404


def test_a_malformed_file_fails_with_its_row_and_reason_and_keeps_nothing(signed_in, small_programme):
    slug = small_programme["programme"].slug
    header = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
              "Last outcome category,Context\n")  # fmt: skip
    upload = io.BytesIO((header + GOOD + GOOD.replace("2025-03", "2025-13")).encode())
    upload.name = "march.csv"
    _start(signed_in, slug, upload)
    stored = Analysis.objects.get().inputs["files"][0]["stored"]
    assert files.exists(stored)
    work(once=True, say=lambda line: None)
    analysis = Analysis.objects.get()
    assert analysis.status == "failed" and analysis.result == {
        "ok": False, "problems": ["march.csv: row 3, column Month: “2025-13” is not a month such as 2024-03"]
    }  # fmt: skip
    assert analysis.inputs["files"][0]["stored"] == "" and not files.exists(stored)
    page = signed_in.get(reverse("hotspot-detail", args=[slug, analysis.pk])).content.decode()
    assert "nothing was kept" in page and "row 3, column Month" in page


def test_the_form_refuses_a_bad_month_and_another_kind_of_file(signed_in, small_programme):
    slug = small_programme["programme"].slug
    upload = io.BytesIO(b"x")
    upload.name = "march.xlsx"
    response = _start(signed_in, slug, upload, first_month="March")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter the month as year and month, such as 2025-03, not “March”." in page
    upload.seek(0)
    response = _start(signed_in, slug, upload)
    assert response.status_code == 400 and "“march.xlsx” is not a CSV or zip file." in response.content.decode()
    assert not Analysis.objects.exists()


def test_a_grant_is_spread_with_its_working_and_adds_up(signed_in, small_programme, essex):
    slug = small_programme["programme"].slug
    _start(signed_in, slug, _zip(essex))
    work(once=True, say=lambda line: None)
    analysis = Analysis.objects.get()
    url = reverse("hotspot-detail", args=[slug, analysis.pk])
    page = signed_in.get(url, {"grant": "250000", "floor": "5000", "measure": "points_in_hot_cells"}).content.decode()
    assert "The grant of £250,000 by district" in page
    districts = analysis.result["districts"]
    need = {d["district"]: d["points_in_hot_cells"] for d in districts}
    rest = 250_000 - 5_000 * len(districts)
    table = page[page.index('id="grant-shares"') :]
    given = {name: int(pounds.replace(",", "")) for name, pounds in
             re.findall(r'<th scope="row" class="govuk-table__header">([^<]+)</th>.*?£([\d,]+)</td></tr>', table)}  # fmt: skip
    given.pop("Total", None)
    assert sum(given.values()) == 250_000 and given.keys() == need.keys()
    for name, n in need.items():  # each district: the floor and the whole pounds of its exact share, or £1 more
        exact = 5_000 + rest * n / sum(need.values())
        assert int(exact) <= given[name] <= int(exact) + 1
    response = signed_in.get(url, {"grant": "1000", "floor": "5000", "measure": "points"})
    assert response.status_code == 400 and "is less than the floor £5,000" in response.content.decode()


def test_attached_to_a_workstream_it_is_listed_and_a_blank_choice_is_refused(signed_in, small_programme, essex, client):
    slug = small_programme["programme"].slug
    _start(signed_in, slug, _zip(essex))
    work(once=True, say=lambda line: None)
    analysis = Analysis.objects.get()
    hubs = small_programme["hubs"]
    response = signed_in.post(reverse("hotspot-attach", args=[slug, analysis.pk]),
                              {"target": f"workstream:{hubs.pk}", "note": "Where the hubs should be."})  # fmt: skip
    assert response.status_code == 302
    page = signed_in.get(reverse("hotspot-detail", args=[slug, analysis.pk])).content.decode()
    assert "<strong>Hubs</strong>: Where the hubs should be." in page
    response = signed_in.post(reverse("hotspot-attach", args=[slug, analysis.pk]), {"target": "", "note": ""})
    assert response.status_code == 400 and "Choose what the analysis is evidence for." in response.content.decode()


def test_an_organisation_editor_sees_the_map_attaches_it_to_its_own_workstream_only_and_cannot_start_one(
    signed_in, small_programme, essex, fire_editor, client
):
    slug = small_programme["programme"].slug
    _start(signed_in, slug, _zip(essex))
    work(once=True, say=lambda line: None)
    analysis = Analysis.objects.get()
    client.force_login(fire_editor)
    assert client.get(reverse("hotspot-start", args=[slug])).status_code == 403
    page = client.get(reverse("hotspot-detail", args=[slug, analysis.pk])).content.decode()
    assert "Workstream: Fleet" in page and "Workstream: Hubs" not in page  # only its own organisation's to choose
    attach = reverse("hotspot-attach", args=[slug, analysis.pk])
    hubs, fleet = small_programme["hubs"], small_programme["fleet"]
    response = client.post(attach, {"target": f"workstream:{hubs.pk}", "note": "Not ours."})
    assert response.status_code == 400 and "Select a valid choice." in response.content.decode()
    assert client.post(attach, {"target": f"workstream:{fleet.pk}", "note": "Fleet routes."}).status_code == 302
    assert [a.workstream for a in analysis.attachments.all()] == [fleet]


def test_counted_by_lsoa_the_map_and_the_tables_name_lsoas(signed_in, small_programme, essex):
    slug = small_programme["programme"].slug
    _start(signed_in, slug, _zip(essex), units="lsoa")
    work(once=True, say=lambda line: None)
    analysis = Analysis.objects.get()
    assert analysis.status == "done" and analysis.result["grid"]["units"] == "lsoa"
    assert all(c["lsoa"].startswith("E0") for c in analysis.result["cells"])
    page = signed_in.get(reverse("hotspot-detail", args=[slug, analysis.pk])).content.decode()
    assert "counted in the LSOAs police.uk names" in page and "<svg" in page
    assert f"in {len(analysis.result['cells']):,} LSOAs, neighbours within 2000 m" in page
    png = signed_in.get(reverse("hotspot-download", args=[slug, analysis.pk, "png"]))
    assert png.content[:8] == b"\x89PNG\r\n\x1a\n"


def test_an_analysis_whose_worker_stopped_is_failed_by_the_sweep(signed_in, small_programme, essex):
    _start(signed_in, small_programme["programme"].slug, _zip(essex))
    Analysis.objects.update(status="running", worker="a-machine-that-went-down",
                            started_at=timezone.now() - datetime.timedelta(hours=1))  # fmt: skip
    assert lost_analyses_fail() == 1
    analysis = Analysis.objects.get()
    assert (analysis.status, analysis.message, analysis.result) == ("failed", LOST, {"ok": False, "problems": [LOST]})


def test_the_months_chosen_bound_what_is_mapped(signed_in, small_programme, essex):
    _start(signed_in, small_programme["programme"].slug, _zip(essex), first_month="2025-03", last_month="2025-04")
    work(once=True, say=lambda line: None)
    analysis = Analysis.objects.get()
    assert analysis.result["months"] == ["2025-03", "2025-04"]
    rows = [line for month in ("2025-03", "2025-04") for line in
            (essex / month / f"{month}-essex-street.csv").read_text().splitlines()[1:] if ",,,No Location" not in line]  # fmt: skip
    assert analysis.result["points"] == len(rows)

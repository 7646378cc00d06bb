"""Page flows through Django's test client: what a signed-in user sees and what they are refused."""

import pytest

from bluelight.core.history import Actor, history_of
from bluelight.programmes.models import Workstream
from bluelight.status import services
from bluelight.status.models import Assessment
from tests.conftest import PASSWORD, make_user
from tests.helpers import error_summary, table_rows


def test_pages_need_sign_in(client, small_programme):
    response = client.get("/programmes/test/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


def test_sign_in_with_wrong_password_shows_the_error_summary(client, office):
    response = client.post("/sign-in/", {"username": "office", "password": "wrong"})
    assert response.status_code == 200
    assert "Enter a correct username and password" in error_summary(response.content.decode())
    response = client.post("/sign-in/", {"username": "office", "password": PASSWORD})
    assert response.status_code == 302


def test_programme_of_which_user_is_not_a_member_is_not_found(client, small_programme):
    client.force_login(make_user("outsider"))
    assert client.get("/programmes/test/").status_code == 404
    assert client.get("/").content.decode().count("Test programme") == 0


def test_amber_without_rationale_is_refused_with_the_error_summary(signed_in, small_programme):
    url = "/programmes/test/workstreams/hubs/ratings/2023/"
    response = signed_in.post(url, {"rating": "amber", "rationale": "", "narrative": "Going slowly"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert "Enter the rationale for the Amber rating" in error_summary(page)
    assert 'href="#id_rationale"' in page  # the summary links to the field
    assert "govuk-textarea--error" in page
    assert Assessment.objects.count() == 0


def test_recording_a_rating_shows_on_dashboard_and_workstream(signed_in, small_programme):
    url = "/programmes/test/workstreams/hubs/ratings/2023/"
    response = signed_in.post(
        url,
        {"rating": "amber", "rationale": "Two hubs late", "narrative": "Eight of ten open",
         "assessed_on-day": "31", "assessed_on-month": "10", "assessed_on-year": "2023"},
    )  # fmt: skip
    assert response.status_code == 302
    dashboard = signed_in.get("/programmes/test/?period=2023").content.decode()
    assert table_rows(dashboard, "dashboard-table")[2][:4] == ["Hubs", "Amber", "Not reported", "New this period"]
    page = signed_in.get("/programmes/test/workstreams/hubs/").content.decode()
    assert table_rows(page, "rating-history")[1][:3] == ["2023", "Amber", "New this period"]
    assert "Eight of ten open" in page
    assert Assessment.objects.get().assessed_on.isoformat() == "2023-10-31"


def test_a_date_that_is_not_real_is_refused(signed_in, small_programme):
    response = signed_in.post(
        "/programmes/test/workstreams/hubs/ratings/2023/",
        {"rating": "green", "assessed_on-day": "31", "assessed_on-month": "2", "assessed_on-year": "2023"},
    )
    assert "Date assessed must be a real date" in error_summary(response.content.decode())
    assert Assessment.objects.count() == 0


def test_editing_a_published_period_is_refused(signed_in, small_programme, office):
    sp = small_programme
    services.assessment_record(actor=Actor(office), workstream=sp["hubs"], period=sp["2022"], rating="green")
    services.period_publish(actor=Actor(office), period=sp["2022"])
    response = signed_in.post("/programmes/test/workstreams/hubs/ratings/2022/", {"rating": "red", "rationale": "x"})
    assert response.status_code == 409
    assert "has been published, so its ratings cannot be edited" in error_summary(response.content.decode())
    assert Assessment.objects.get().rating == "green"


def test_correction_through_the_page(signed_in, small_programme, office):
    sp = small_programme
    services.assessment_record(actor=Actor(office), workstream=sp["hubs"], period=sp["2022"], rating="green")
    services.period_publish(actor=Actor(office), period=sp["2022"])
    url = "/programmes/test/workstreams/hubs/ratings/2022/correct/"
    refused = signed_in.post(url, {"rating": "amber", "rationale": "late", "correction_reason": ""})
    assert "Enter why the published rating is being corrected" in error_summary(refused.content.decode())
    done = signed_in.post(
        url, {"rating": "amber", "rationale": "late", "correction_reason": "Wrong rating sent", "version": 1}
    )
    assert done.status_code == 302
    page = signed_in.get("/programmes/test/workstreams/hubs/").content.decode()
    assert "Corrected from Green: Wrong rating sent" in page


def test_organisation_editor_edits_own_workstreams_only(client, small_programme, fire_editor):
    client.force_login(fire_editor)
    assert client.get("/programmes/test/workstreams/fleet/ratings/2023/").status_code == 200
    # Another organisation's record: "not found", so a refusal does not confirm what exists.
    assert client.get("/programmes/test/workstreams/hubs/ratings/2023/").status_code == 404
    assert client.post("/programmes/test/workstreams/hubs/ratings/2023/", {"rating": "green"}).status_code == 404
    assert client.get("/programmes/test/workstreams/new/").status_code == 403
    assert Assessment.objects.count() == 0


def test_create_workstream_refuses_bad_input_then_creates_with_history(signed_in, small_programme):
    sp = small_programme
    bad = signed_in.post(
        "/programmes/test/workstreams/new/",
        {
            "title": "",
            "key": "Not a slug!",
            "section": sp["local"].id,
            "lead_organisation": sp["police"].id,
            "stage": "closed",
        },
    )
    summary = error_summary(bad.content.decode())
    assert "Enter a title" in summary  # the empty title, named as GOV.UK asks
    assert "Enter a valid" in summary
    assert Workstream.objects.count() == 3

    closed_without_reason = signed_in.post(
        "/programmes/test/workstreams/new/",
        {"title": "Joint workshop", "key": "workshop", "section": sp["local"].id, "lead_organisation": sp["fire"].id,
         "stage": "closed"},
    )  # fmt: skip
    summary = error_summary(closed_without_reason.content.decode())
    assert "Enter the date the workstream was closed" in summary
    assert "Enter why the workstream was closed" in summary
    assert Workstream.objects.count() == 3

    ok = signed_in.post(
        "/programmes/test/workstreams/new/",
        {"title": "Joint workshop", "key": "workshop", "section": sp["local"].id, "lead_organisation": sp["fire"].id,
         "partner_organisations": [sp["police"].id], "stage": "proposed"},
    )  # fmt: skip
    assert ok.status_code == 302 and ok["Location"] == "/programmes/test/workstreams/workshop/"
    workstream = Workstream.objects.get(key="workshop")
    assert (workstream.section, workstream.position) == (sp["local"], 3)  # after hubs and fleet
    entry = history_of(workstream).get()
    assert (entry.action, entry.actor_name, entry.channel) == ("created", "office", "page")


def test_stale_workstream_edit_is_refused_and_names_who_changed_it(signed_in, small_programme, client):
    sp = small_programme
    form = {
        "title": "Hubs renamed",
        "section": sp["local"].id,
        "lead_organisation": sp["police"].id,
        "stage": "in_delivery",
        "version": 1,
    }
    assert signed_in.post("/programmes/test/workstreams/hubs/edit/", form).status_code == 302
    stale = signed_in.post("/programmes/test/workstreams/hubs/edit/", {**form, "title": "Another name"})
    assert stale.status_code == 409
    assert "was changed by office" in error_summary(stale.content.decode())
    assert Workstream.objects.get(key="hubs").title == "Hubs renamed"


def test_period_publish_and_overall_rating(signed_in, small_programme):
    response = signed_in.post("/programmes/test/periods/2023/overall/", {"rating": "amber", "rationale": ""})
    assert "Enter the rationale for the Amber rating" in error_summary(response.content.decode())
    assert signed_in.post("/programmes/test/periods/2023/overall/", {"rating": "green"}).status_code == 302
    assert signed_in.post("/programmes/test/periods/2023/publish/").status_code == 302
    rows = table_rows(signed_in.get("/programmes/test/periods/").content.decode(), "periods")
    assert [row[0] for row in rows[1:]] == ["2022", "2023"]
    assert rows[2][2].startswith("Published") and rows[1][2] == "Open"

    locked = signed_in.post("/programmes/test/periods/2023/overall/", {"rating": "red", "rationale": "x", "version": 1})
    assert locked.status_code == 409
    assert "has been published" in error_summary(locked.content.decode())
    corrected = signed_in.post(
        "/programmes/test/periods/2023/overall/",
        {"rating": "red", "rationale": "x", "version": 1, "correction_reason": "Board overruled"},
    )
    assert corrected.status_code == 302
    dashboard = signed_in.get("/programmes/test/?period=2023").content.decode()
    assert table_rows(dashboard, "dashboard-table")[-1][:2] == ["Overall RAG", "Red"]


def test_add_period_refuses_overlap(signed_in, small_programme):
    response = signed_in.post(
        "/programmes/test/periods/new/",
        {"label": "2023 H2", "cadence": "annual", "starts_on-day": "1", "starts_on-month": "7", "starts_on-year": "2023",
         "ends_on-day": "31", "ends_on-month": "12", "ends_on-year": "2023"},
    )  # fmt: skip
    assert "overlaps the 2023 period" in error_summary(response.content.decode())


def test_annual_report_page_and_download(signed_in, small_programme, office):
    sp = small_programme
    services.assessment_record(actor=Actor(office), workstream=sp["hubs"], period=sp["2023"], rating="green")
    page = signed_in.get("/programmes/test/reports/annual/2023/").content.decode()
    assert "1 collaborative workstream is reported." in page
    download = signed_in.get("/programmes/test/reports/annual/2023/download/")
    assert download["Content-Disposition"] == 'attachment; filename="test-annual-report-2023.html"'
    assert "1 collaborative workstream is reported." in download.content.decode()


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("99999999999999999999", "1", "2025", "must be a real date"),  # once a server error (OverflowError)
        ("1", "99999999999999999999", "2025", "must be a real date"),
        ("1", "1", "99999999999999999999", "must be a real date"),
        ("1", "1", "0001", "must be a year from 1900 to 2100"),
        ("1", "1", "-202", "must be a real date"),
        ("1e3", "1", "2025", "must be a real date"),
        ("1", "1", "20 25", "must be a real date"),
    ],
)
def test_a_date_past_any_range_is_refused_with_a_message_not_an_error(signed_in, small_programme, day, month, year,
                                                                      message):  # fmt: skip
    response = signed_in.post(
        "/programmes/test/workstreams/hubs/ratings/2023/",
        {"rating": "green", "assessed_on-day": day, "assessed_on-month": month, "assessed_on-year": year},
    )
    assert response.status_code == 400
    assert f"Date assessed {message}" in error_summary(response.content.decode())
    assert Assessment.objects.count() == 0


def test_full_width_digits_are_digits(signed_in, small_programme):
    # A date typed with a Japanese keyboard's full-width digits is the same date (docs/user-guide.md).
    response = signed_in.post(
        "/programmes/test/workstreams/hubs/ratings/2023/",
        {"rating": "green", "assessed_on-day": "３１", "assessed_on-month": "１０", "assessed_on-year": "２０２３"},
    )
    assert response.status_code == 302
    assert Assessment.objects.get().assessed_on.isoformat() == "2023-10-31"


@pytest.mark.parametrize("chosen", ["9" * 5000, "²" * 20, "-" + "9" * 19, ["1", "9" * 30]])
def test_a_choice_no_record_could_have_is_an_invalid_choice(db, chosen):
    # Once a server error: SQLite cannot bind the number; int() refuses 5,000 digits and "²".
    from django import forms

    from bluelight.core.forms import GovukForm
    from bluelight.core.models import Organisation

    class Choosing(GovukForm):
        one = forms.ModelChoiceField(queryset=Organisation.objects.all(), required=False)
        many = forms.ModelMultipleChoiceField(queryset=Organisation.objects.all(), required=False)

    form = Choosing({"one": chosen if isinstance(chosen, str) else "", "many": chosen})
    assert not form.is_valid()
    assert "Select a valid choice" in str(form.errors)

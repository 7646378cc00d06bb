"""Recording RAG ratings through the services: refusals change nothing; published periods are locked."""

import pytest
from django.core.exceptions import ValidationError

from bluelight.core.history import Actor, StaleEdit, history_of
from bluelight.status import services
from bluelight.status.models import Assessment
from bluelight.status.selectors import period_view, rating_history


def record(sp, key, label, rating, rationale="", **kw):
    return services.assessment_record(
        actor=kw.pop("actor", Actor(None)),
        workstream=sp[key],
        period=sp[label],
        rating=rating,
        rationale=rationale,
        **kw,
    )


def test_non_green_without_rationale_is_refused_and_nothing_saved(small_programme):
    with pytest.raises(ValidationError) as error:
        record(small_programme, "hubs", "2023", "amber", rationale="   ")
    assert error.value.message_dict == {
        "rationale": ["Enter the rationale for the Amber rating: every rating but Green needs one."]
    }
    assert Assessment.objects.count() == 0


def test_rating_off_the_programme_scale_is_refused(small_programme):
    with pytest.raises(ValidationError) as error:
        record(small_programme, "hubs", "2023", "amber_green", rationale="x")
    assert "rating" in error.value.message_dict
    assert Assessment.objects.count() == 0


def test_published_period_cannot_be_edited_only_corrected(small_programme, office):
    sp = small_programme
    original = record(sp, "hubs", "2022", "amber", "Two hubs missing")
    services.period_publish(actor=Actor(office), period=sp["2022"])
    with pytest.raises(services.PeriodLocked, match="has been published"):
        record(sp, "hubs", "2022", "green")
    original.refresh_from_db()
    assert (original.rating, original.version) == ("amber", 1)

    corrected = services.assessment_correct(
        actor=Actor(office), assessment=original, rating="red", rationale="Both hubs cancelled", reason="Misreported"
    )
    original.refresh_from_db()
    assert original.is_current is False
    assert corrected.corrects == original
    assert corrected.correction_reason == "Misreported"
    line = rating_history(sp["hubs"])[0]
    assert (line.assessment.rating, [a.rating for a in line.superseded]) == ("red", ["amber"])
    notes = [e.note for e in history_of(original)]
    assert "Superseded: Misreported" in notes


def test_correction_needs_a_reason(small_programme, office):
    sp = small_programme
    original = record(sp, "hubs", "2022", "green")
    services.period_publish(actor=Actor(office), period=sp["2022"])
    with pytest.raises(ValidationError, match="why the published rating"):
        services.assessment_correct(actor=Actor(office), assessment=original, rating="red", rationale="x", reason=" ")
    assert Assessment.objects.filter(is_current=True).get() == original


def test_revising_an_open_period_keeps_history_and_refuses_a_stale_save(small_programme, office, fire_editor):
    sp = small_programme
    first = record(sp, "fleet", "2023", "green", actor=Actor(fire_editor))
    record(sp, "fleet", "2023", "amber", "Workshop late", expected_version=1, actor=Actor(office))
    with pytest.raises(StaleEdit) as stale:
        record(sp, "fleet", "2023", "red", "Worse", expected_version=1, actor=Actor(fire_editor))
    assert stale.value.changed_by == "office"
    first.refresh_from_db()
    assert (first.rating, first.version) == ("amber", 2)
    entries = list(history_of(first))
    assert [(e.action, e.actor_name) for e in entries] == [("changed", "office"), ("created", "fire.editor")]
    assert entries[0].changes["rating"] == ["green", "amber"]


def test_period_view_derives_previous_and_no_longer_reported(small_programme):
    sp = small_programme
    record(sp, "hubs", "2022", "green")
    record(sp, "fleet", "2022", "amber", "late")
    record(sp, "control", "2022", "green")
    record(sp, "hubs", "2023", "amber", "slipping")
    record(sp, "control", "2023", "green")
    view = period_view(sp["programme"], sp["2023"])
    rows = [(r.number, r.workstream.key, r.assessment.rating, r.previous.rating, r.change.label) for r in view.rows]
    assert rows == [
        ("1.1", "hubs", "amber", "green", "Previously Green"),
        ("2.1", "control", "green", "green", "No change"),
    ]
    assert [w.key for w, _ in view.no_longer_reported] == ["fleet"]
    assert view.comparison.counts == {"green": 1, "amber": 1}


def test_dashboard_reads_take_the_same_number_of_queries_for_more_workstreams(small_programme):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bluelight.programmes import services as programme_services

    sp = small_programme

    def count():
        with CaptureQueriesContext(connection) as ctx:
            period_view(sp["programme"], sp["2023"])
        return len(ctx.captured_queries)

    record(sp, "hubs", "2023", "green")
    few = count()
    for i in range(30):
        ws = programme_services.workstream_create(
            actor=Actor(None), programme=sp["programme"], key=f"w{i}", title=f"W{i}", section=sp["local"],
            lead_organisation=sp["police"],
        )  # fmt: skip
        services.assessment_record(actor=Actor(None), workstream=ws, period=sp["2023"], rating="green")
    assert count() == few

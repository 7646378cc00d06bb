"""Simultaneous saves neither replace each other silently nor fail: a form opened before anyone had
rated expects no rating; eight people saving a first rating at once give one rating and seven told
why; a rating racing a publication either lands before it or is refused; a sign-off signs the amount
that was on the page."""

from __future__ import annotations

import threading
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test import Client

from bluelight.benefits import services as benefit_services
from bluelight.benefits.models import Benefit, BenefitActual
from bluelight.core.history import Actor, history_of
from bluelight.core.models import HistoryEntry
from bluelight.status import services
from bluelight.status.models import Assessment
from tests.conftest import make_user
from tests.helpers import error_summary

URL = "/programmes/test/workstreams/hubs/ratings/2023/"


def form(rationale: str, version: str) -> dict:
    return {"rating": "amber", "rationale": rationale, "assessed_on-day": "31", "assessed_on-month": "10",
            "assessed_on-year": "2023", "version": version}  # fmt: skip


def test_a_form_opened_before_anyone_rated_is_stale_once_someone_has(client, office, small_programme):
    client.force_login(office)
    page = client.get(URL).content.decode()
    assert 'name="version" value="0"' in page  # the form says it expects no rating yet
    colleague = Client()
    colleague.force_login(make_user("police.lead", small_programme["police"], small_programme["programme"],
                                    "organisation_editor"))  # fmt: skip
    assert colleague.post(URL, form("Hubs late: the colleague's", "0")).status_code == 302
    mine = client.post(URL, form("Hubs late: mine", "0"))
    assert mine.status_code == 409
    assert "was changed by police.lead" in mine.content.decode()
    current = Assessment.objects.get(is_current=True)
    assert current.rationale == "Hubs late: the colleague's" and current.version == 1
    assert [e.action for e in history_of(current)] == ["created"]


def _together(count: int, work) -> list:
    """Run `work(n)` in `count` threads released at once; each thread has its own database connection."""
    start, answers = threading.Barrier(count), [None] * count

    def run(n):
        try:
            start.wait()
            answers[n] = work(n)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return answers


@pytest.mark.django_db(transaction=True)
def test_eight_simultaneous_first_ratings_give_one_rating_and_seven_told_why(small_programme, office):
    people = [make_user(f"lead{n}", small_programme["police"], small_programme["programme"], "organisation_editor")
              for n in range(8)]  # fmt: skip

    def save(n):
        client = Client()
        client.force_login(people[n])
        response = client.post(URL, form(f"Rationale {n}", "0"))
        return response.status_code, response.content.decode()

    answers = _together(8, save)
    codes = sorted(code for code, _ in answers)
    assert codes == [302] + [409] * 7, codes
    assert all("after you started editing it" in text for code, text in answers if code == 409)
    assert Assessment.objects.filter(is_current=True).count() == 1
    entries = HistoryEntry.objects.filter(content_type__model="assessment")
    assert [e.action for e in entries] == ["created"]


@pytest.mark.django_db(transaction=True)
def test_a_rating_racing_a_publication_is_in_it_or_refused(small_programme, office):
    period, system = small_programme["2023"], Actor(None)

    def act(n):
        try:
            if n == 0:
                services.period_publish(actor=system, period=period)
                return "published"
            services.assessment_record(actor=system, workstream=small_programme["hubs"], period=period,
                                       rating="green", expected_version=0)  # fmt: skip
            return "rated"
        except services.PeriodLocked:
            return "refused: published"

    answers = _together(2, act)
    # What this shows is that neither side fails with a server error and the answers agree with the data.
    # It passed before the period lock too: a rating written just after the publication is not told apart
    # from one written just before it by anything stored (both sides stamp their time before they wait).
    period.refresh_from_db()
    assert period.is_published and "published" in answers
    rated = Assessment.objects.filter(period=period, is_current=True).exists()
    # Either the rating landed before the publication (and is in the published period), or it was refused.
    assert ("rated" in answers) == rated and ("refused: published" in answers) == (not rated)


def test_a_sign_off_signs_the_amount_that_was_on_the_page(client, demo):
    from bluelight.core.models import User

    office = User.objects.get(username="programme.office")
    colleague = Actor(User.objects.get(username="finance.officer"))  # enters it: the office may sign it off
    client.force_login(office)
    benefit = Benefit.objects.get(key="jet-shared-delivery")  # no actual yet: the demo's measured ones are elsewhere
    benefit_services.actual_record(actor=colleague, benefit=benefit, year=2017, amount=D("120000"))
    page = client.get(f"/programmes/essex-escp/benefits/{benefit.key}/actuals/2017/sign-off/").content.decode()
    assert 'name="version" value="1"' in page and "£120,000" in page
    # Meanwhile the colleague changes the amount: the page's sign-off is now of an amount nobody saw.
    benefit_services.actual_record(actor=colleague, benefit=benefit, year=2017, amount=D("1200000"))
    refused = client.post(f"/programmes/essex-escp/benefits/{benefit.key}/actuals/2017/sign-off/", {"version": "1"},
                          follow=True)  # fmt: skip
    assert "The actual is now £1,200,000: check it, then sign it off." in refused.content.decode()
    assert BenefitActual.objects.get(benefit=benefit).signed_off_at is None
    signed = client.post(f"/programmes/essex-escp/benefits/{benefit.key}/actuals/2017/sign-off/", {"version": "2"})
    assert signed.status_code == 302 and BenefitActual.objects.get(benefit=benefit).signed_off_at is not None
    assert error_summary(client.get(f"/programmes/essex-escp/benefits/{benefit.key}/").content.decode()) == ""


@pytest.mark.django_db(transaction=True)
def test_eight_actions_added_at_the_same_moment_take_eight_numbers(small_programme, office):
    import datetime

    from bluelight.governance import services as governance
    from bluelight.governance.models import Action

    def add(n):
        action = governance.action_create(actor=Actor(office), programme=small_programme["programme"],
                                          description=f"Action {n}", owner="Lead", due_on=datetime.date(2025, 6, 30),
                                          status="open")  # fmt: skip
        return action.number

    numbers = _together(8, add)
    assert sorted(numbers) == list(range(1, 9))
    assert sorted(Action.objects.values_list("number", flat=True)) == list(range(1, 9))

"""axe-core on every page, filled (the demo), empty (a new programme) and in its error state (each
form sent with its fields cleared): zero WCAG 2.2 A/AA violations. A test-only page with a form
field without a label proves the check can fail.

Every route is visited: a page added later is checked without editing this file, and a route
that is not a page must be named in NOT_PAGES with its reason.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.template import engines
from django.urls import URLPattern, URLResolver, get_resolver, path
from django.utils.http import urlencode

from tests.e2e.axe import assert_accessible, violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NOT_PAGES = {
    "logout": "signs out (POST)",
    "session-keep-alive": "JSON for the session timeout dialog",
    "workbook-template": "a spreadsheet download",
    "task-progress": "JSON for the progress bar",
    "task-confirm": "an action (POST)",
    "task-download": "a spreadsheet download",
    "api-token-revoke": "an action (POST)",
    "pack-download": "a PDF, DOCX or ODT download",
    "paper-file": "the paper's uploaded file",
    "period-publish": "an action (POST), confirmed on the period list",
    "annual-report-download": "a PDF, DOCX or ODT download",
    "login": "checked signed out, in its own test",
    "public-page": "checked signed out, in its own test",
    "public-report": "checked signed out, in its own test",
    "accessibility": "checked signed out, in its own test",
    "practice-approve": "an action (POST), offered on an entry awaiting approval",
    "hotspot-progress": "JSON for the progress bar",
    "hotspot-attach": "an action (POST), offered on the analysis's page",
    "hotspot-download": "a CSV, GeoJSON or PNG download",
    "cover-progress": "JSON for the progress bar",
    "cover-attach": "an action (POST), offered on the scenario's page",
    "cover-benefit": "an action (POST), offered on the scenario's page",
}
DESTRUCTIVE = {"workbook-export"}  # its form starts an export task rather than showing errors


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern) == "api/v1/":
                continue  # JSON, checked by schemathesis
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield pattern.name, prefix + str(pattern.pattern)


def _demo_records():
    from bluelight.api.tokens import token_create
    from bluelight.benefits.models import Benefit
    from bluelight.benefits.services import actual_record
    from bluelight.core.history import Actor
    from bluelight.core.models import User
    from bluelight.core.worker import work
    from bluelight.evidence.models import Analysis
    from bluelight.exchange.services import export_queue
    from bluelight.governance.models import Milestone
    from bluelight.programmes.models import Programme
    from bluelight.status.models import Assessment

    office = User.objects.get(username="programme.office")
    escp = Programme.objects.get(slug="essex-escp")
    token, _secret = token_create(user=office, name="a page to revoke it on")
    task = export_queue(actor=Actor(office), programme=escp, format="xlsx")
    work(once=True, say=lambda line: None)
    meeting = escp.meetings.filter(agenda__isnull=False).order_by("held_on").first()
    rated = Assessment.objects.filter(workstream__programme=escp, period__published_at__isnull=False,
                                      is_current=True).select_related("workstream", "period").first()  # fmt: skip
    milestone = Milestone.objects.filter(workstream__programme=escp).select_related("workstream").first()
    benefit = Benefit.objects.filter(workstream__programme=escp).first()
    actual_record(actor=Actor(office), benefit=benefit, year=2024, amount=Decimal(1000))  # its sign-off page
    return {
        "programme": escp, "rated": rated, "milestone": milestone, "meeting": meeting, "task": task, "token": token,
        "benefit": benefit, "board": escp.boards.first(),
        "open_period": escp.periods.filter(published_at__isnull=True).order_by("starts_on").last(),
        "risk": escp.risks.first(), "action": escp.actions.first(), "paper": escp.documents.first(),
        "analysis": Analysis.objects.filter(programme=escp, kind="hotspots").first(),
        "scenario": Analysis.objects.filter(programme=escp, kind="cover").first(),
        "request": escp.service_requests.order_by("pk").first(),
    }  # fmt: skip


def _url(route: str, name: str, r: dict, slug: str) -> str:
    def value(match):
        key = match.group(2)
        before = route[: match.start()]
        if key == "slug":
            return slug
        if key == "key":
            if name in ("practice-entry", "practice-adopt-choose", "practice-adopt"):
                return "forced-entry-and-missing-people"
            if before.endswith("benefits/"):
                return r["benefit"].key
            if before.endswith("boards/"):
                return r["board"].key
            return (r["milestone"].workstream if name == "milestone-edit" else r["rated"].workstream).key
        if key == "label":
            return (
                r["rated"].period.label if name in ("assessment-correct", "annual-report") else r["open_period"].label
            )
        if key == "pk" and before.endswith("cover/"):
            return str(r["scenario"].pk)
        if key == "pk" and before.endswith("requests/"):
            return str(r["request"].pk)
        if key == "number":
            if before.endswith("agenda/"):
                return str(r["meeting"].agenda.order_by("number").first().number)
            return str((r["risk"] if before.endswith("risks/") else r["action"]).number)
        return str({"meeting_id": r["meeting"].pk, "paper_id": r["paper"].pk, "milestone_id": r["milestone"].pk,
                    "task_id": r["task"].pk, "token_id": r["token"].pk, "year": 2024, "pk": r["analysis"].pk,
                    "kind": "business_case"}[key])  # fmt: skip

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", value, route)


def _sign_in(page, username="programme.office", password=""):
    from bluelight.demo import DEMO_PASSWORD

    page.goto("/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password or DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Programmes").wait_for()


def _is_page(response) -> bool:
    return response is not None and response.ok and response.headers.get("content-type", "").startswith("text/html")


def _form_to_send(page) -> bool:
    """A form of the page's own, with something to fill in, whose fields can be cleared and sent."""
    return page.evaluate("""() => { const form = document.querySelector('main form[method="post"]');
        return !!form && !!form.querySelector('input[type=text], input[type=number], input[type=date], textarea, input[type=file], select')
               && !!form.querySelector('button[type=submit], button:not([type]), input[type=submit]'); }""")


def _send_cleared(page):
    page.evaluate("""() => { const form = document.querySelector('main form[method="post"]');
        form.querySelectorAll('input[type=text], input[type=number], input[type=date], textarea').forEach(e => e.value = '');
        form.querySelectorAll('input, textarea, select').forEach(e => { e.required = false; });
        form.noValidate = true; }""")
    with page.expect_navigation():
        page.locator('main form[method="post"]').first.locator(
            "button[type=submit], button:not([type]), input[type=submit]"
        ).last.click()


def test_every_page_filled_and_in_its_error_state_has_no_violations(page, demo):
    from bluelight.core.models import User
    from tests.conftest import PASSWORD

    records = _demo_records()
    # The system administrator, who sees every page (the security log and organisations too).
    User.objects.create_superuser("sysadmin", password=PASSWORD)
    _sign_in(page, "sysadmin", PASSWORD)
    checked, errors, not_pages = [], [], []
    for name, route in _walk(get_resolver().url_patterns):
        if name in NOT_PAGES:
            not_pages.append(name)
            continue
        url = _url(route, name, records, "essex-escp")
        response = page.goto(url)
        assert _is_page(response), f"{name} ({url}) is not a page ({response.status if response else 'no answer'}): " \
                                   "name it in NOT_PAGES with its reason, or give the walk a record to show"  # fmt: skip
        assert_accessible(page, "(filled)")
        checked.append(name)
        if name not in DESTRUCTIVE and _form_to_send(page):
            _send_cleared(page)
            if page.locator(".govuk-error-summary").count():
                assert_accessible(page, "(error)")
                errors.append(name)
    assert set(not_pages) == set(NOT_PAGES), "a route named in NOT_PAGES no longer exists: take it off"
    print(f"{len(checked)} pages filled, {len(errors)} in their error state: {sorted(errors)}")
    assert len(checked) >= 45, checked
    # Every form that adds or changes a record was seen refusing empty fields, with its error summary.
    assert {"workstream-create", "workstream-edit", "assessment-correct", "benefit-create", "risk-create",
            "meeting-create", "action-create", "period-create", "organisation-create",
            "workbook-import"} <= set(errors), errors  # fmt: skip


def test_every_page_of_an_empty_programme_has_no_violations(page, demo):
    from bluelight.core.history import Actor
    from bluelight.core.models import User
    from bluelight.programmes import memberships, services

    office = User.objects.get(username="programme.office")
    empty = services.programme_create(actor=Actor.system(), name="Empty programme", slug="empty", cycle_start_year=2026,
                                      cycle_end_year=2035)  # fmt: skip
    memberships.membership_grant(actor=Actor.system(), programme=empty, user=office, role="programme_admin")
    _sign_in(page)
    checked = []
    for name, route in _walk(get_resolver().url_patterns):
        if name in NOT_PAGES or set(re.findall(r"<(?:\w+:)?(\w+)>", route)) != {"slug"}:
            continue  # pages of one record need a record; an empty programme has none
        response = page.goto("/" + route.replace("<slug:slug>", "empty"))
        if not _is_page(response):
            continue
        assert_accessible(page, "(empty)")
        checked.append(name)
    assert {"programme-dashboard", "benefits-dashboard", "risk-register", "action-log", "governance-home",
            "period-list", "paper-list", "workbook"} <= set(checked), checked  # fmt: skip


def test_the_pages_open_to_everyone_have_no_violations(page, demo):
    from bluelight.programmes.models import Programme

    escp = Programme.objects.get(slug="essex-escp")
    published = escp.periods.filter(published_at__isnull=False).order_by("starts_on").last()
    for url in ("/sign-in/", "/accessibility/", "/public/essex-escp/", f"/public/essex-escp/{published.label}/",
                "/no-such-page/"):  # fmt: skip
        page.goto(url)
        assert_accessible(page, "(signed out)")
    page.goto("/sign-in/?" + urlencode({"next": "/"}))
    page.get_by_label("Username").fill("programme.office")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    page.locator(".govuk-error-summary").wait_for()
    assert_accessible(page, "(sign-in refused)")
    assert "Accessibility statement" in page.locator("footer").inner_text()


# The check can fail: a page made only for this test, with a form field that has no label.


def unlabelled_field(request):
    from django.http import HttpResponse

    template = engines["django"].from_string(
        '{% extends "base.html" %}{% block content %}<h1 class="govuk-heading-l">A test page</h1>'
        '<form method="post"><input class="govuk-input" type="text" name="where"></form>{% endblock %}'
    )
    return HttpResponse(template.render({}, request))


urlpatterns = [path("test-only/unlabelled-field/", unlabelled_field)]


def test_an_injected_violation_is_caught(page, office, settings):
    from config.urls import urlpatterns as real

    settings.ROOT_URLCONF = __name__
    urlpatterns[1:] = real
    from tests.conftest import PASSWORD

    _sign_in(page, "office", PASSWORD)
    page.goto("/test-only/unlabelled-field/")
    assert "label" in {v["id"] for v in violations(page)}
    with pytest.raises(AssertionError, match="label"):
        assert_accessible(page)



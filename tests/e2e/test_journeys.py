"""Journeys a programme office makes, in a real browser."""

import pytest

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def sign_in(page, username):
    page.goto("/")
    assert page.url.endswith("/sign-in/?next=/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Programmes").wait_for()


def test_record_a_rating_refused_without_rationale_then_saved(page, office, small_programme):
    sign_in(page, "office")
    page.get_by_role("link", name="Test programme").click()
    page.get_by_role("heading", name="Test programme").wait_for()
    page.goto("/programmes/test/workstreams/hubs/")
    page.get_by_role("link", name="Record the 2023 rating").click()

    page.get_by_label("Amber").check()
    page.get_by_role("button", name="Save rating").click()
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert "Enter the rationale for the Amber rating" in summary.inner_text()
    # The summary's link takes the user to the field.
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_rationale"

    page.get_by_label("Rationale").fill("Two hubs still to open")
    page.get_by_role("button", name="Save rating").click()
    assert "2023 rating recorded for Hubs" in page.locator(".govuk-notification-banner").inner_text()
    history = page.locator("#rating-history tbody tr").first.inner_text()
    assert "2023" in history and "Amber" in history and "Two hubs still to open" in history


def test_keyboard_reaches_the_skip_link_first_with_visible_focus(page, office, small_programme):
    sign_in(page, "office")
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, getComputedStyle(document.activeElement).outlineStyle,"
                            " getComputedStyle(document.activeElement).backgroundColor]")  # fmt: skip
    assert "govuk-skip-link" in focused[0]
    # GOV.UK focus state: a yellow (#ffdd00) background on the focused link.
    assert focused[2] == "rgb(255, 221, 0)"


def test_annual_report_opens_from_the_dashboard(page, office, small_programme):
    sign_in(page, "office")
    page.goto("/programmes/test/")
    page.get_by_role("link", name="Annual collaboration report 2023").click()
    page.get_by_role("heading", name="3.0 Executive summary").wait_for()
    assert (
        "No collaborative workstreams are reported for this period." in page.locator("#summary-reported").inner_text()
    )


def test_approve_a_business_case_at_a_meeting_and_download_the_pack(page, office, board_setup, system):
    from bluelight.governance import services as governance

    case = governance.document_create(actor=system, programme=board_setup["programme"],
                                      workstream=board_setup["hubs"], kind="business_case", title="Hubs case")  # fmt: skip
    governance.agenda_item_add(actor=system, meeting=board_setup["second"], title="", kind="business_case",
                               purpose="decision", document=case)  # fmt: skip
    sign_in(page, "office")
    page.goto("/programmes/test/governance/")
    page.get_by_role("link", name="Joint Board, 21 March 2024").click()
    page.get_by_role("link", name="Record the decision on item 1").click()
    page.get_by_label("Approved with conditions").check()
    page.get_by_label("What was decided").fill("Approved")
    page.get_by_role("button", name="Record decision").click()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert "Enter the conditions of the approval." in summary.inner_text()
    page.get_by_label("Conditions", exact=True).fill("Report costs in six months")
    page.get_by_role("button", name="Record decision").click()
    page.get_by_text("Decision recorded: Approved with conditions").wait_for()
    page.goto("/programmes/test/workstreams/hubs/")
    assert "Business case since 21 March 2024" in page.locator(".govuk-summary-list").first.inner_text()
    page.goto(f"/programmes/test/meetings/{board_setup['second'].id}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the pack (PDF)").click()
    assert download.value.suggested_filename == "joint-board-pack-2024-03-21.pdf"

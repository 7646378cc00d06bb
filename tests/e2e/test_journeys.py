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
    from tests.e2e.axe import assert_accessible

    assert_accessible(page, "(Amber refused)")
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


def test_add_a_benefit_and_see_the_target_chart_move(page, office, small_programme, system):
    from decimal import Decimal

    from bluelight.benefits.services import settings_set
    from tests.e2e.axe import assert_accessible

    # A £10,000 target in 2024 prices; grade 3 carries no optimism bias, so the chart shows the plain sum.
    settings_set(actor=system, programme=small_programme["programme"], target=Decimal(10000), price_base_year=2024,
                 grades={3: Decimal(0)})  # fmt: skip
    sign_in(page, "office")
    page.goto("/programmes/test/benefits/")
    before = page.locator("svg.bl-chart polyline").get_attribute("points")
    assert page.locator("#profile-table tbody tr").last.inner_text().split("\t")[-1].strip() == "£0"
    page.get_by_role("link", name="Add a benefit").click()
    page.get_by_role("button", name="Save benefit").click()  # nothing filled in: refused, with the reasons
    page.locator(".govuk-error-summary").wait_for()
    assert_accessible(page, "(benefit refused)")
    page.get_by_label("Workstream").select_option(label="Fleet")
    page.get_by_label("Short name").fill("fleet-savings")
    page.get_by_label("Title").fill("Shared fleet workshop")
    page.get_by_role("radio", name="Cashable saving").check()
    page.get_by_label("Test Fire (%)").fill("100")
    page.get_by_label("Central 2024/25").fill("4000")
    page.get_by_role("button", name="Save benefit").click()
    page.get_by_text("Benefit ‘Shared fleet workshop’ added").wait_for()
    page.goto("/programmes/test/benefits/")
    after = page.locator("svg.bl-chart polyline").get_attribute("points")
    assert after != before
    # The line's last point rose: from 0 to £4,000 of a chart whose scale tops out above the £10,000 target.
    last_y = [float(point.split(",")[1]) for point in (before.split()[-1], after.split()[-1])]
    assert last_y[1] < last_y[0]
    assert page.locator("#profile-table tbody tr").last.inner_text().split("\t")[-1].strip() == "£4,000"
    assert "40.0%" in page.locator("#benefits-summary").inner_text()  # 4,000 / 10,000
    assert_accessible(page, "(benefits with the new line)")


def test_import_a_workbook_with_a_mistake_and_see_it_listed(page, demo, tmp_path):
    import openpyxl

    from bluelight.core.history import Actor
    from bluelight.core.worker import work
    from bluelight.exchange.exporter import export_workbook
    from bluelight.programmes.models import Programme
    from tests.e2e.axe import assert_accessible

    path = tmp_path / "escp-update.xlsx"
    export_workbook(Programme.objects.get(slug="essex-escp"), "xlsx", path, actor=Actor.system())
    book = openpyxl.load_workbook(path)
    book["Milestones"].cell(row=2, column=3).value = "next week"  # a due date that is not a date
    book.save(path)

    from bluelight.demo import DEMO_PASSWORD

    page.goto("/sign-in/")
    page.get_by_label("Username").fill("programme.office")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto("/programmes/essex-escp/workbook/")
    page.get_by_role("link", name="Import a workbook").click()
    page.get_by_label("Workbook").set_input_files(str(path))
    page.get_by_role("button", name="Check the workbook").click()
    page.locator("#task-status").get_by_text(
        "Waiting to start"
    ).wait_for()  # the worker checks it; the page shows its progress
    work(once=True, say=lambda line: None)
    page.reload()
    problems = page.locator("main").inner_text()
    assert "1 problem: nothing was imported" in problems
    assert "C (Due on)" in problems and "“next week” is not a date" in problems
    assert page.get_by_role("button", name="Import now").count() == 0
    assert_accessible(page, "(import refused)")


def test_keyboard_only_sign_in_and_record_a_rating_with_focus_always_visible(page, office, small_programme):
    from tests.conftest import PASSWORD

    def focus_shown() -> bool:
        """GOV.UK's focus state: yellow (#ffdd00) as a background, an outline or a ring; on a radio or
        checkbox, the ring is drawn on its label's circle or box (the input itself is transparent)."""
        shown = page.evaluate("""(() => { const e = document.activeElement;
            const choice = e.type === 'radio' || e.type === 'checkbox';
            const s = getComputedStyle(choice ? e.labels[0] : e, choice ? '::before' : null);
            const outline = s.outlineStyle !== 'none' ? s.outlineColor : '';
            return [s.backgroundColor, outline, s.boxShadow].join(' | '); })()""")
        return "rgb(255, 221, 0)" in shown

    def tab_to(name: str, limit: int = 60):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement === document.body"):
                continue  # between the page and the browser's own controls
            text = page.evaluate("(document.activeElement.innerText || document.activeElement.labels?.[0]?.innerText"
                                 " || document.activeElement.value || '').trim()")  # fmt: skip
            assert focus_shown(), f"focus not visible on {text!r}"
            if text.startswith(name):
                return
        raise AssertionError(f"Tab never reached {name!r}")

    page.goto("/sign-in/")
    tab_to("Username")
    page.keyboard.type("office")
    tab_to("Password")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Programmes").wait_for()
    tab_to("Test programme")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Test programme").wait_for()
    page.goto("/programmes/test/workstreams/hubs/")
    tab_to("Record the 2023 rating")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to("Green")
    page.keyboard.press("Space")
    tab_to("Save rating")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_text("2023 rating recorded for Hubs").wait_for()


def test_a_benefit_line_from_the_demo_cover_scenario(page, demo):
    from bluelight.benefits.models import Benefit
    from bluelight.demo import DEMO_PASSWORD
    from bluelight.evidence.models import Analysis
    from tests.e2e.axe import assert_accessible

    scenario = Analysis.objects.get(kind="cover")
    page.goto("/sign-in/")
    page.get_by_label("Username").fill("programme.office")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto("/programmes/essex-escp/")
    page.get_by_role("link", name="Response cover: which stations to share, and what it buys").click()
    page.get_by_role("link", name=scenario.title).click()
    assert page.locator("#cover-map-title, svg.bl-map title").first.text_content() == scenario.title
    newly = scenario.result["newly_within"]
    assert f"{newly:,} incidents brought within the standard" in page.locator("#headline").inner_text()
    page.get_by_label("Value of one better outcome (unit-cost library)").select_option(
        label="Better outcome after a Category 1 response (illustrative): £20,000 per patient (2015/16 prices)"
    )
    page.get_by_role("button", name="Add to the benefits register as a draft").click()
    page.get_by_text("is in the benefits register as a draft (Identified)").wait_for()
    benefit = Benefit.objects.get(title=f"Better outcomes from {scenario.title}")
    assert benefit.status == "identified" and benefit.workstream.key == "joint-facilities"
    assert f"{newly:,} incidents brought within 8 minutes in 365 days of data" in benefit.evidence
    assert_accessible(page, "(the benefit from a scenario)")

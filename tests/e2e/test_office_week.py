"""The programme office's week in Chromium, on the demo: the worklist of each role, the dashboard's
reasons and headline, two-person sign-off, the import preview of an edited cell, and every page of
the tour on a 390-pixel phone. The screenshots in docs/user-guide.md are taken here
(build/screenshots/; `make screenshots` copies them to docs/images/)."""

from pathlib import Path

import pytest

from tests.e2e.axe import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"

TOUR = [
    "/", "/programmes/essex-escp/", "/programmes/essex-police-collaboration/",
    "/programmes/essex-police-collaboration/workstreams/mental-health/",
    "/programmes/essex-escp/benefits/", "/programmes/essex-escp/benefits/deliberate-fires-avoided/",
    "/programmes/essex-escp/governance/", "/programmes/essex-police-collaboration/reports/annual/2023/",
    "/programmes/essex-escp/workbook/", "/practice/", "/programmes/essex-escp/hotspots/",
    "/programmes/essex-escp/cover/", "/programmes/essex-escp/demand/", "/account/tokens/",
    "/programmes/essex-escp/risks/", "/programmes/essex-escp/actions/",
]  # fmt: skip


WIDER = """[...document.querySelectorAll('body *')]
    .filter(e => e.scrollWidth > e.clientWidth + 2 && e.scrollWidth > 390 || e.getBoundingClientRect().right > 392)
    .slice(0, 5).map(e => `${e.tagName}.${e.className} ${e.scrollWidth}`)"""


def sign_in(page, username):
    from bluelight.demo import DEMO_PASSWORD

    page.goto("/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Your work").wait_for()


def test_no_page_of_the_tour_is_wider_than_a_phone(browser, live_server, demo):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    sign_in(page, "programme.office")
    wide = {}
    for url in TOUR:
        response = page.goto(url)
        assert response.status == 200, url
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:  # say what is too wide: an element wider than its box, or starting off the screen
            wide[url] = (width, page.evaluate(WIDER))
    # the header's links fold behind one Menu button
    assert page.get_by_role("button", name="Menu").is_visible()
    assert not page.get_by_role("link", name="Practice library").is_visible()
    context.close()
    assert wide == {}


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def _sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def test_the_office_week_in_the_browser(page, demo, tmp_path):
    import re

    import openpyxl

    from bluelight.core.history import Actor
    from bluelight.core.worker import work
    from bluelight.exchange.exporter import export_workbook
    from bluelight.programmes.models import Programme

    page.set_viewport_size({"width": 1100, "height": 900})
    # Monday: the worklist
    sign_in(page, "programme.office")
    escp = page.locator("#worklist-essex-escp")
    assert "Ratings missing for 2024/25" in escp.inner_text() and "Rate Arson Prevention Programme" in escp.inner_text()
    assert "Actuals awaiting your sign-off" in escp.inner_text()
    assert_accessible(page, "(worklist)")
    _shot(page, "week-1-your-work")

    # the dashboard explains itself
    page.get_by_role("link", name="Essex Emergency Services Collaboration Programme").first.click()
    page.locator("#headline").scroll_into_view_if_needed()
    _shot(page, "week-2-dashboard")
    headline = page.locator("#headline").inner_text()
    assert "£14,266,000, 92.6% of the £15,400,000 target" in headline and "3 overdue" in headline
    assert "proposed from its cadence" in headline
    row = page.locator("#dashboard-table tr[data-key=joint-procurement]").inner_text()
    assert "Previously Green" in row and "fewer joint contracts came up for renewal than planned" in row
    page.locator("#dashboard-table tr[data-key=joint-procurement]").get_by_role("link", name="Read the rationale").click()
    page.get_by_role("heading", name="Joint procurement").wait_for()

    # an actual entered, and refused for sign-off by the one who entered it
    page.goto("/programmes/essex-escp/benefits/jet-shared-delivery/")
    page.get_by_role("link", name="Enter an actual").click()
    page.get_by_label("Financial year").select_option("2017")
    page.get_by_label("Actual benefit, £").fill("100000")
    page.get_by_role("button", name="Save actual").click()
    page.locator("#actuals").get_by_role("link", name="Sign off the 2017/18 actual").click()
    assert "You entered this actual, so someone else in the programme office must sign it off" in page.locator(
        "main").inner_text()  # fmt: skip
    assert page.get_by_role("button", name=re.compile("Sign off")).count() == 0
    assert_accessible(page, "(own actual)")
    _shot(page, "week-3-sign-off-refused")

    # the import's check shows the edited cell, from what to what
    path = tmp_path / "escp-update.xlsx"
    export_workbook(Programme.objects.get(slug="essex-escp"), "xlsx", path, actor=Actor.system())
    book = openpyxl.load_workbook(path)
    ratings = book["Ratings"]
    row = next(r for r in ratings.iter_rows(min_row=2) if r[0].value == "joint-fleet-workshop" and r[1].value == "2024/25")
    row[2].value = "Red"
    book.save(path)
    page.goto("/programmes/essex-escp/workbook/")
    page.get_by_role("link", name="Import a workbook").click()
    page.get_by_label("Workbook").set_input_files(str(path))
    page.get_by_role("button", name="Check the workbook").click()
    page.locator("#task-status").get_by_text("Waiting to start").wait_for()
    work(once=True, say=lambda line: None)
    page.reload()
    changes = page.locator("#changes").inner_text()
    assert re.search(r"Ratings, row \d+\s+joint-fleet-workshop 2024/25\s+Rating\s+Amber\s+Red", changes), changes
    assert_accessible(page, "(import preview)")
    page.locator("#changes").scroll_into_view_if_needed()
    _shot(page, "week-4-import-preview")
    _sign_out(page)

    # a second person in the office signs it off
    sign_in(page, "finance.officer")
    page.locator("#worklist-essex-escp").get_by_role("link", name=re.compile(r"One education team.*2017.18")).click()
    assert "Entered by\tPat Office" in page.locator("#actual").inner_text()
    _shot(page, "week-5-sign-off")
    page.get_by_role("button", name="Sign off the 2017/18 actual").click()
    assert "2017/18 actual signed off" in page.locator(".govuk-notification-banner").inner_text()
    assert "By Chris Finance" in page.locator("#actuals").inner_text()


@pytest.mark.parametrize(("username", "expected", "absent"), [
    ("fire.lead", ["Ratings due for 2024/25: the workstreams you lead", "Rate Arson Prevention Programme",
                   "Rate Tri-Service Officer expansion"], ["Actuals awaiting your sign-off"]),
    ("police.lead", ["Nothing needs you here today."], ["Ratings due"]),
    ("board.member", ["Nothing needs you here today."], ["Ratings due", "Actuals awaiting"]),
    ("finance.officer", ["Ratings missing for 2024/25", "Actuals awaiting your sign-off"], []),
])  # fmt: skip
def test_each_demo_role_sees_its_own_worklist(page, demo, username, expected, absent):
    sign_in(page, username)
    shown = page.locator("#worklist-essex-escp").inner_text()
    assert all(text in shown for text in expected), shown
    assert not any(text in shown for text in absent), shown


def test_the_user_guide_shows_the_screenshots_these_tests_take():
    import re

    guide = (Path(__file__).resolve().parents[2] / "docs" / "user-guide.md").read_text(encoding="utf-8")
    named = set(re.findall(r"\(images/(week-[\w-]+)\.png\)", guide))
    taken = set(re.findall(r'_shot\(page, "(week-[\w-]+)"\)', Path(__file__).read_text(encoding="utf-8")))
    assert named == taken and len(named) == 5
    assert all((Path(__file__).resolve().parents[2] / "docs" / "images" / f"{name}.png").is_file() for name in named)

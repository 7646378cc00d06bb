"""Every business rule is refused in the same words at every door: the page, the API, a workbook
uploaded on the page, and `bluelight import` on the command line. Nothing is written when it is.

The rules are the pure functions of programmes/status/benefits/governance `rules.py`; the services
raise them and the import reports them, so the doors cannot differ. Where a door has no way to make
the change at all (the API does not add periods or change benefit settings), the test says so and
shows the door answers that it does not take it.
"""

from __future__ import annotations

import html
import io
import json
from decimal import Decimal

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from bluelight.api.tokens import token_create
from bluelight.benefits import rules as benefit_rules
from bluelight.cli import main
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry, Organisation, User
from bluelight.core.scales import THREE_POINT
from bluelight.core.worker import work
from bluelight.exchange.exporter import export_workbook
from bluelight.exchange.models import Task
from bluelight.governance import rules as governance_rules
from bluelight.governance.models import Decision, Risk
from bluelight.programmes import rules as programme_rules
from bluelight.programmes.models import Programme, Workstream
from bluelight.status import rules as status_rules
from bluelight.status.models import ReportingPeriod
from tests.helpers import YEAR_0

SLUG = "essex-escp"

# Each rule: the reason it gives, in its own words (from the rule itself, not copied here).
REASONS = {
    "a closed workstream says why": programme_rules.stopped_stage(True, "Closed", None, "")["stage_reason"],
    "a rating other than Green gives its rationale": status_rules.rating(THREE_POINT, "amber", "")["rationale"],
    "residual risk is not above inherent": governance_rules.residual_not_above_inherent(3, 3, 5, 3)[
        "residual_likelihood"
    ],
    "the shares of a benefit add up to 100%": benefit_rules.shares([Decimal("0.5")], ["EP"])["gains"],
    "periods do not overlap": "The period overlaps the",
    "an approval with conditions states them": governance_rules.conditions_stated(True, "")["conditions"],
    "the Amber threshold is not above Green": benefit_rules.settings(Decimal(1), Decimal("0.8"), Decimal("0.9"))[
        "amber_at"
    ],
}
DOORS = ["page", "api", "import", "command line"]
NO_API = {"periods do not overlap", "the Amber threshold is not above Green"}


@pytest.fixture
def world(demo):
    office = User.objects.get(username="programme.office")
    programme = Programme.objects.get(slug=SLUG)
    _record, token = token_create(user=office, name="rules")
    page = Client()
    page.force_login(office)
    open_period = programme.periods.filter(published_at__isnull=True).order_by("-starts_on").first()
    if open_period is None:  # the demo publishes its periods: open one more for the page and the API
        last = programme.periods.order_by("-ends_on").first()
        open_period = ReportingPeriod.objects.create(
            programme=programme, label="2031/32", starts_on=last.ends_on.replace(year=2031, month=4, day=1),
            ends_on=last.ends_on.replace(year=2032, month=3, day=31),
        )  # fmt: skip
    decision = Decision.objects.filter(meeting__programme=programme).select_related("agenda_item", "meeting").first()
    return {"office": office, "programme": programme, "page": page, "period": open_period, "decision": decision,
            "api": Client(HTTP_AUTHORIZATION=f"Bearer {token}"), "minerva": Workstream.objects.get(key="project-minerva")}  # fmt: skip


def _json(client, method, url, body):
    return getattr(client, method)(url, body, content_type="application/json")


def _page(world, rule):
    w, page = world, world["page"]
    minerva = w["minerva"]
    if rule == "a closed workstream says why":
        return page.post(f"/programmes/{SLUG}/workstreams/new/", {
            "title": "Joint workshop", "key": "workshop", "section": minerva.section_id,
            "lead_organisation": minerva.lead_organisation_id, "stage": "closed",
        })  # fmt: skip
    if rule == "a rating other than Green gives its rationale":
        rated = minerva.assessments.filter(period=w["period"], is_current=True).first()
        return page.post(f"/programmes/{SLUG}/workstreams/project-minerva/ratings/{w['period'].label}/",
                         {"rating": "amber", "rationale": "", "version": rated.version if rated else 0})  # fmt: skip
    if rule == "residual risk is not above inherent":
        return page.post(f"/programmes/{SLUG}/risks/new/", {
            "title": "x", "kind": "risk", "cause": "c", "event": "e", "effect": "f", "owner": "o",
            "inherent_likelihood": 3, "inherent_impact": 3, "residual_likelihood": 5, "residual_impact": 3,
            "proximity": "3m", "status": "open", "workstream": minerva.pk,
        })  # fmt: skip
    if rule == "the shares of a benefit add up to 100%":
        ep = Organisation.objects.get(short_code="EP")
        return page.post(f"/programmes/{SLUG}/benefits/new/", {
            "workstream": minerva.pk, "key": "minerva-savings", "title": "Minerva savings", "kind": "cashable",
            "status": "profiled", "confidence_grade": "2", "method": "amount", "price_year": "2015",
            f"gain_{ep.pk}": "50", "central_2024": "100000",
        })  # fmt: skip
    if rule == "periods do not overlap":
        first = w["programme"].periods.order_by("starts_on").first()
        day = first.starts_on
        return page.post(f"/programmes/{SLUG}/periods/new/", {
            "label": "Overlapping", "cadence": "annual", "starts_on-day": day.day, "starts_on-month": day.month,
            "starts_on-year": day.year, "ends_on-day": day.day, "ends_on-month": day.month, "ends_on-year": day.year,
        })  # fmt: skip
    if rule == "an approval with conditions states them":
        d = w["decision"]
        return page.post(f"/programmes/{SLUG}/meetings/{d.meeting_id}/agenda/{d.agenda_item.number}/decision/",
                         {"outcome": "approved_with_conditions", "summary": "Yes", "conditions": ""})  # fmt: skip
    if rule == "the Amber threshold is not above Green":
        return page.post(f"/programmes/{SLUG}/benefits/settings/", {
            "target": "15400000", "price_base_year": "2015", **YEAR_0, "green_at": "80", "amber_at": "90",
            **{f"grade_{g}": "10" for g in range(1, 7)},
        })  # fmt: skip
    raise AssertionError(rule)


def _api(world, rule):
    w, api = world, world["api"]
    minerva = w["minerva"]
    if rule == "a closed workstream says why":
        return _json(api, "patch", reverse("api-workstream", args=[SLUG, minerva.key]),
                     {"version": minerva.version, "stage": "closed"})  # fmt: skip
    if rule == "a rating other than Green gives its rationale":
        rated = minerva.assessments.filter(period=w["period"], is_current=True).first()
        return _json(api, "put", reverse("api-rating", args=[SLUG, minerva.key, w["period"].label]),
                     {"rating": "amber", "rationale": "", **({"version": rated.version} if rated else {})})  # fmt: skip
    if rule == "residual risk is not above inherent":
        return _json(api, "post", reverse("api-risks", args=[SLUG]), {
            "title": "x", "workstream": minerva.key, "cause": "c", "event": "e", "effect": "f", "owner": "o",
            "inherent_likelihood": 3, "inherent_impact": 3, "residual_likelihood": 5, "residual_impact": 3,
        })  # fmt: skip
    if rule == "the shares of a benefit add up to 100%":
        return _json(api, "post", reverse("api-benefits", args=[SLUG]), {
            "key": "minerva-savings", "workstream": minerva.key, "title": "Minerva savings", "kind": "cashable",
            "confidence_grade": 2, "price_year": 2015, "gains": [{"organisation": "EP", "share": "0.5"}],
            "profile": [{"year": 2024, "low": "1", "central": "1", "high": "1"}],
        })  # fmt: skip
    if rule == "an approval with conditions states them":
        d = w["decision"]
        return _json(api, "post", reverse("api-decision", args=[SLUG, d.meeting_id, d.agenda_item.number]),
                     {"outcome": "approved_with_conditions", "summary": "Yes", "conditions": ""})  # fmt: skip
    raise AssertionError(rule)


def _rows(sheet):
    headers = [c.value for c in sheet[1]]
    return headers, list(sheet.iter_rows(min_row=2))


def _first_row(book, name, changes: dict, where=lambda row: True) -> None:
    headers, rows = _rows(book[name])
    row = next(r for r in rows if where({h: c.value for h, c in zip(headers, r, strict=False)}))
    for header, value in changes.items():
        row[headers.index(header)].value = value


def _overlapping_period(book) -> None:
    headers, rows = _rows(book["Periods"])
    copy = [c.value for c in rows[0]]
    copy[headers.index("Period")], copy[headers.index("Published at")] = "Overlapping", None
    book["Periods"].append(copy)


def _alone(book):
    """A benefit with one organisation that gains (its share is 100%)."""
    headers, rows = _rows(book["Benefit gains"])
    keys = [r[headers.index("Benefit")].value for r in rows]
    return lambda row: keys.count(row["Benefit"]) == 1


# How each rule is broken in an exported workbook.
BREAKS = {
    "a closed workstream says why": lambda book: _first_row(
        book, "Workstreams", {"Stage": "closed", "Stage changed on": None, "Stage reason": None},
        lambda row: row["Workstream"] == "project-minerva"),
    "a rating other than Green gives its rationale": lambda book: _first_row(
        book, "Ratings", {"Rating": "amber", "Rationale": None}),
    "residual risk is not above inherent": lambda book: _first_row(
        book, "Risks", {"Inherent likelihood": 3, "Residual likelihood": 5}),
    "the shares of a benefit add up to 100%": lambda book: _first_row(
        book, "Benefit gains", {"Share": Decimal("0.5")}, _alone(book)),
    "periods do not overlap": _overlapping_period,
    "an approval with conditions states them": lambda book: _first_row(
        book, "Decisions", {"Outcome": "approved_with_conditions", "Conditions": None}),
    "the Amber threshold is not above Green": lambda book: _first_row(
        book, "Benefit settings", {"Green at": Decimal("0.8"), "Amber at": Decimal("0.9")}),
}  # fmt: skip


def _workbook(world, rule, tmp_path):
    path = tmp_path / "escp.xlsx"
    export_workbook(world["programme"], "xlsx", path, actor=Actor.system())
    book = openpyxl.load_workbook(path)
    BREAKS[rule](book)
    book.save(path)
    return path


def _import_on_the_page(world, rule, tmp_path) -> str:
    upload = io.BytesIO(_workbook(world, rule, tmp_path).read_bytes())
    upload.name = "escp.xlsx"
    world["page"].post(reverse("workbook-import", args=[SLUG]), {"workbook": upload})
    work(once=True, say=lambda line: None)
    task = Task.objects.get()
    assert task.status == "failed"
    return world["page"].get(reverse("task-detail", args=[SLUG, task.pk])).content.decode()


def _import_on_the_command_line(world, rule, tmp_path, capsys) -> str:
    path = _workbook(world, rule, tmp_path)
    assert main(["import", str(path), "--programme", SLUG]) != 0
    said = capsys.readouterr()
    return said.out + said.err


def _unescape(text: str) -> str:
    return " ".join(html.unescape(text).split())


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("rule", list(REASONS))
def test_every_rule_is_refused_at_every_door_in_the_same_words(world, rule, door, tmp_path, capsys):
    entries = HistoryEntry.objects.count()
    if door == "api" and rule in NO_API:
        answer = _json(world["api"], "post", reverse("api-periods", args=[SLUG]), {"label": "x"})
        assert answer.status_code == 405  # the API does not take this change at all
        return
    if door == "page":
        answer = _page(world, rule)
        assert answer.status_code == 400
        said = answer.content.decode()
    elif door == "api":
        answer = _api(world, rule)
        assert answer.status_code == 400, answer.content
        said = json.dumps(answer.json(), ensure_ascii=False)
    elif door == "import":
        said = _import_on_the_page(world, rule, tmp_path)
    else:
        said = _import_on_the_command_line(world, rule, tmp_path, capsys)
    assert REASONS[rule] in _unescape(said)
    assert HistoryEntry.objects.count() == entries  # nothing was written
    assert not Risk.objects.filter(title="x").exists()

"""The matrix in docs/access.md, checked cell by cell: record type × action × role × own or other
organisation's record, through the pages, the JSON API, the exports and the totals.

The expected answers are read from the document, so the document is the rule: change a cell there
and this test demands the code follow.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from bluelight.api.tokens import token_create
from bluelight.benefits.selectors import summary
from bluelight.core.history import Actor
from bluelight.exchange.exporter import export_workbook
from bluelight.programmes.access import access_for

DOC = Path(__file__).resolve().parents[2] / "docs" / "access.md"
ROLES = ["system administrator", "programme administrator", "organisation editor", "board member", "viewer", "public"]


def read_matrix() -> dict[tuple[str, str], dict[str, str]]:
    lines = DOC.read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| record | action |"))
    header = [c.strip() for c in lines[start].strip("|").split("|")]
    assert header[2:] == ROLES, "docs/access.md: the matrix's role columns have changed"
    matrix = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        matrix[(cells[0], cells[1])] = dict(zip(ROLES, cells[2:], strict=True))
    return matrix


MATRIX = read_matrix()

# Refusals that hide the record ("not found") rather than explain themselves ("forbidden").
HIDDEN = {"view", "download", "count in totals", "export"}
# Records that belong to one organisation: checked for the person's own and for another's.
OWNED = {"workstream", "sensitive workstream", "rating", "benefit", "sensitive benefit", "risk", "sensitive risk",
         "action", "decision", "inter-service request"}  # fmt: skip


def outcome(response) -> str:
    if response.status_code in (301, 302) and response["Location"].startswith(reverse("login")):
        return "sign in"
    return {200: "allowed", 302: "allowed", 403: "forbidden", 404: "not found"}[response.status_code]


def expected(record: str, action: str, role: str, own: bool) -> str:
    cell = MATRIX[(record, action)][role]
    if cell == "all" or cell == "published" or (cell in ("own", "attended") and own):
        return "allowed"
    if role == "public":
        return "sign in"
    if record == "decision":  # not attending is not another organisation's record
        return "forbidden"
    if (action in HIDDEN and record != "security log") or (record in OWNED and not own):
        return "not found"
    return "forbidden"


def _org(own: bool) -> str:
    return "FIRE" if own else "POL"


def _get(name, args):
    return lambda client, world, own: outcome(client.get(reverse(name, args=["trust", *args(world, own)])))


def _record(name, kind, attr="key"):
    return _get(name, lambda world, own: [getattr(world[f"{kind} {_org(own)}"], attr)])


def _totals(client, world, own):
    response = client.get(reverse("benefits-dashboard", args=["trust"]))
    if response.status_code != 200:
        return outcome(response)
    benefit = world[f"sensitive benefit {_org(own)}"]
    user = response.wsgi_request.user
    profiled = summary(world["programme"], access_for(user, world["programme"]).scope).profiled
    # Everyone counts the two OFFICIAL benefits (100 + 200); the sensitive ones add 400 (FIRE) and 800 (POL).
    counted = (profiled - 300) in ({400, 1200} if own else {800, 1200})
    assert profiled in {300, 700, 1100, 1500}, profiled
    assert (benefit.title in response.content.decode()) == counted, "the page and the total disagree"
    return "allowed" if counted else "not found"


def _export(client, world, own):
    response = client.get(reverse("workbook-export", args=["trust"]))
    if response.status_code != 200:
        return outcome(response)
    user = response.wsgi_request.user
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "export.xlsx"
        done = export_workbook(world["programme"], "xlsx", out, actor=Actor(user),
                               scope=access_for(user, world["programme"]).scope)  # fmt: skip
        book = openpyxl.load_workbook(out, read_only=True)
        keys = {row[0] for row in book["Benefits"].iter_rows(min_row=2, values_only=True)}
        cover = [row for row in book["Cover"].iter_rows(values_only=True)]
    holds = world[f"sensitive benefit {_org(own)}"].key in keys
    if holds:
        assert done.marking == "OFFICIAL-SENSITIVE" and any("OFFICIAL-SENSITIVE" in str(r) for r in cover)
    return "allowed" if holds else "not found"


def _public_or(name, public_name, *args):
    def probe(client, world, own):
        signed_in = "_auth_user_id" in client.session
        url_name = name if signed_in else public_name
        return outcome(client.get(reverse(url_name, args=["trust", *[a(world) for a in args]])))

    return probe


PROBES = {
    ("programme", "view"): _public_or("programme-dashboard", "public-page"),
    ("programme", "change settings"): _get("programme-edit", lambda w, o: []),
    ("workstream", "view"): _record("workstream-detail", "workstream"),
    ("workstream", "create"): _get("workstream-create", lambda w, o: []),
    ("workstream", "change"): _record("workstream-edit", "workstream"),
    ("sensitive workstream", "view"): _record("workstream-detail", "sensitive workstream"),
    ("rating", "record"): _get("assessment-record", lambda w, o: [w[f"workstream {_org(o)}"].key, "2025/26"]),
    ("benefit", "view"): _record("benefit-detail", "benefit"),
    ("benefit", "change"): _record("benefit-edit", "benefit"),
    ("sensitive benefit", "view"): _record("benefit-detail", "sensitive benefit"),
    ("sensitive benefit", "count in totals"): _totals,
    ("sensitive benefit", "export"): _export,
    ("risk", "view"): _record("risk-detail", "risk", "number"),
    ("risk", "change"): _record("risk-edit", "risk", "number"),
    ("sensitive risk", "view"): _record("risk-detail", "sensitive risk", "number"),
    ("action", "update"): _record("action-edit", "action", "number"),
    ("decision", "record"): _get(
        "decision-record",
        lambda w, o: [
            w["meeting attended" if o else "meeting not attended"].pk,
            w["item attended" if o else "item not attended"].number,
        ],
    ),  # fmt: skip
    ("annual report", "download"): _public_or("annual-report-download", "public-report", lambda w: w["period"].label),
    ("workbook", "import"): _get("workbook-import", lambda w, o: []),
    ("workbook", "export"): _get("workbook-export", lambda w, o: []),
    ("security log", "view"): lambda client, world, own: outcome(client.get(reverse("security-log"))),
    ("inter-service request", "write its side"): _record("demand-request-edit", "inter-service request", "pk"),
}


def api_outcome(response) -> str:
    return {200: "allowed", 201: "allowed", 401: "sign in", 403: "forbidden", 404: "not found"}[response.status_code]


def _api_get(name, args):
    def probe(api, world, own):
        return api_outcome(api.get(reverse(name, args=["trust", *args(world, own)])))

    return probe


def _api_listed(kind):
    def probe(api, world, own):
        response = api.get(reverse("api-benefits", args=["trust"]) + "?page_size=500")
        if response.status_code != 200:
            return api_outcome(response)
        keys = {item["key"] for item in response.json()["results"]}
        return "allowed" if world[f"{kind} {_org(own)}"].key in keys else "not found"

    return probe


def _api_patch(api, world, own):
    workstream = world[f"workstream {_org(own)}"]
    body = {"version": workstream.version, "description": "Checked through the API"}
    url = reverse("api-workstream", args=["trust", workstream.key])
    return api_outcome(api.patch(url, body, content_type="application/json"))


def _api_rate(api, world, own):
    url = reverse("api-rating", args=["trust", world[f"workstream {_org(own)}"].key, "2025/26"])
    return api_outcome(api.put(url, {"rating": "green"}, content_type="application/json"))


def _api_programmes(api, world, own):
    response = api.get(reverse("api-programmes"))
    if response.status_code != 200:
        return api_outcome(response)
    return "allowed" if "trust" in {p["slug"] for p in response.json()["results"]} else "not found"


def _api_request_side(api, world, own):
    found = world[f"inter-service request {_org(own)}"]
    url = reverse("api-request", args=["trust", found.requesting.short_code, found.requesting_reference])
    return api_outcome(api.put(url, {"type": "transport"}, content_type="application/json"))


# The same rows through the JSON API, with a personal token of the same person.
API_PROBES = {
    ("programme", "view"): _api_programmes,
    ("workstream", "view"): _api_get("api-workstream", lambda w, o: [w[f"workstream {_org(o)}"].key]),
    ("workstream", "change"): _api_patch,
    ("sensitive workstream", "view"): _api_get(
        "api-workstream", lambda w, o: [w[f"sensitive workstream {_org(o)}"].key]
    ),
    ("rating", "record"): _api_rate,
    ("benefit", "view"): _api_get("api-benefit", lambda w, o: [w[f"benefit {_org(o)}"].key]),
    ("sensitive benefit", "view"): _api_get("api-benefit", lambda w, o: [w[f"sensitive benefit {_org(o)}"].key]),
    ("sensitive benefit", "export"): _api_listed("sensitive benefit"),
    ("inter-service request", "write its side"): _api_request_side,
}


def test_every_row_of_the_matrix_has_a_probe_and_every_probe_a_row():
    assert set(PROBES) == set(MATRIX)
    assert set(API_PROBES) <= set(MATRIX)


CASES = [
    pytest.param(record, action, role, own, channel,
                 id=f"{channel}-{record}-{action}-{role}-{'own' if own else 'other'}".replace(" ", "_"))
    for (record, action) in MATRIX
    for channel in (("page", "api") if (record, action) in API_PROBES else ("page",))
    for role in ROLES
    for own in ((True, False) if record in OWNED and action != "create" else (True,))
]  # fmt: skip


@pytest.mark.parametrize(("record", "action", "role", "own", "channel"), CASES)
def test_the_answer_is_the_one_docs_access_md_gives(world, db, record, action, role, own, channel):
    client = Client()
    if channel == "api":
        if role != "public":
            _record, token = token_create(user=world["people"][role], name="matrix")
            client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
        answer = API_PROBES[(record, action)](client, world, own)
    else:
        if role != "public":
            client.force_login(world["people"][role])
        answer = PROBES[(record, action)](client, world, own)
    # "published" is the public page's; the API always needs a token.
    wanted = "sign in" if channel == "api" and role == "public" else expected(record, action, role, own)
    assert answer == wanted


def test_the_refusals_are_in_the_security_log(world, db):
    from bluelight.core.models import SecurityEvent

    client = Client()
    client.force_login(world["people"]["organisation editor"])
    assert client.get(reverse("workstream-edit", args=["trust", "pol-plain"])).status_code == 404
    assert client.get(reverse("workstream-create", args=["trust"])).status_code == 403
    refused = list(SecurityEvent.objects.filter(kind="access_refused").order_by("id"))
    assert [(e.username, e.path, e.detail[:3]) for e in refused[-2:]] == [
        ("fire.editor", "/programmes/trust/workstreams/pol-plain/edit/", "404"),
        ("fire.editor", "/programmes/trust/workstreams/new/", "403"),
    ]

"""No input gives a server error, through either door, and a refusal saves nothing.

The forms are found as a person finds them: signed in as the programme office on the demo, every
page reachable by a link from the programmes list, the practice library and the tokens page is
opened, and every form that posts is read (its fields, and the values the page fills in). Hypothesis
then sends each form with one field at a time given a hostile value: numbers past any range,
dates that overflow, NaN and Infinity, negative and huge money, 10,000 characters of text,
control characters, other scripts and full-width digits, an empty value, and the field left out.
Every API write (from the OpenAPI document) gets the same, as JSON.

The answer must be one a person or a program can act on (200, 201, 302, 400, 403, 404, 409 or 422),
never a 500; and when it is a refusal, the history of changes is exactly as it was.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bluelight.core.models import HistoryEntry, User

pytestmark = pytest.mark.django_db

ACCEPTABLE = {200, 201, 302, 400, 403, 404, 409, 422}
REFUSALS = {400, 403, 404, 409, 422}
MISSING = object()  # the field left out of the request

HOSTILE_TEXT = [
    "99999999999999999999999", "-99999999999999999999999", "1e309", "-1e309", "NaN", "Infinity", "-Infinity",
    "-1", "0", "-0.01", "99999999999999999.99", "0.0000001", "１２３４", "٢٠٢٥", "二〇二五", "x" * 10_000,
    "\x00", "a\x01b\x1fc", "\u202etxt.exe", "=HYPERLINK(\"http://x\")", "<script>alert(1)</script>", "",
    "   ", "2025-02-30", "31/12/99999", "😀" * 300,
]  # fmt: skip
HOSTILE_JSON = [
    10**30, -(10**30), 2**63, -1, 0, 1.5, float("inf"), float("-inf"), float("nan"), "NaN", "Infinity",
    "99999999999999999999.99", "-0.01", "１２３", "x" * 10_000, "\x00", "", None, True, [], {}, [{}], {"a": 1},
    "2025-02-30", "99999-01-01",
]  # fmt: skip

SKIP_LINKS = re.compile(r"/(api|public|static)/|sign-out|download|\.(pdf|docx|odt|xlsx|ods|zip|csv|html)$")
SKIP_FORMS = ("sign-out",)
MOST_PAGES = 400
BROKEN: list[str] = []  # links the crawl followed that answered "not found"
EACH_KIND_OF_FORM = 2  # forms with the same address pattern (one per workstream, say) are the same form


class _Forms(HTMLParser):
    """The links of a page and its forms that post: action, and each field's name with the value shown."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.forms: list[dict] = []
        self._form = None
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._form = {"action": attrs.get("action") or "", "fields": {}, "choices": defaultdict(list),
                          "file": "multipart" in (attrs.get("enctype") or "")}  # fmt: skip
        elif self._form is None:
            return
        elif tag == "input" and attrs.get("name"):
            kind = (attrs.get("type") or "text").lower()
            name = attrs["name"]
            if kind in ("radio", "checkbox"):
                self._form["choices"][name].append(attrs.get("value", "on"))
                if "checked" in attrs:
                    self._form["fields"][name] = attrs.get("value", "on")
            elif kind not in ("submit", "button", "file"):
                self._form["fields"][name] = attrs.get("value", "")
        elif tag == "select" and attrs.get("name"):
            self._select = attrs["name"]
            self._form["fields"].setdefault(self._select, "")
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            self._form["choices"][self._select].append(value)
            if "selected" in attrs or not self._form["fields"][self._select]:
                self._form["fields"][self._select] = value
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = attrs["name"]
            self._form["fields"][self._textarea] = ""

    def handle_data(self, data):
        if self._textarea:
            self._form["fields"][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None


def _route(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.route


def crawl(client: Client) -> list[tuple[str, dict]]:
    """(address it posts to, form) for every distinct form the office can reach by following links."""
    queue, seen, found, kinds = ["/", "/practice/", "/account/tokens/"], set(), [], defaultdict(int)
    while queue and len(seen) < MOST_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code == 404:
            BROKEN.append(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        page = _Forms()
        page.feed(response.content.decode())
        for form in page.forms:
            target = urlsplit(urljoin(path, form["action"] or path)).path
            route = _route(target)
            if route is None or any(word in target for word in SKIP_FORMS) or kinds[(route, tuple(form["fields"]))] >= EACH_KIND_OF_FORM:
                continue
            kinds[(route, tuple(form["fields"]))] += 1
            found.append((target, form))
        for link in page.links:
            target = urlsplit(urljoin(path, link))
            if target.netloc or SKIP_LINKS.search(target.path) or target.path in seen:
                continue
            route = _route(target.path)
            if route is not None and sum(1 for p in seen if _route(p) == route) < EACH_KIND_OF_FORM + 1:
                queue.append(target.path)
    return found


def history_count() -> int:
    return HistoryEntry.objects.count()


def _send_form(client, target, form, field, value):
    data = dict(form["fields"])
    if value is MISSING:
        data.pop(field, None)
    else:
        data[field] = value
    return client.post(target, data)


@pytest.fixture
def office(demo):
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.get(username="programme.office"))
    return client


def _probe(where: str, send, fields: list[str], values, problems: list[str], examples: int):
    """A Hypothesis test: `send(field, value)` for sampled fields and hostile values, noting every answer
    that is a server error, or a refusal that saved a change."""

    @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
    @given(field=st.sampled_from(fields), value=values)
    def hostile(field, value):
        before = history_count()
        status = send(field, value).status_code
        shown = f"{where} {field}={'(left out)' if value is MISSING else repr(value)[:60]}"
        if status not in ACCEPTABLE:
            problems.append(f"{shown}: {status}")
        elif status in REFUSALS and history_count() != before:
            problems.append(f"{shown}: refused ({status}) but saved a change")

    return hostile


def test_no_form_answers_a_server_error_and_a_refusal_saves_nothing(office):
    BROKEN.clear()
    forms = crawl(office)
    assert not BROKEN, f"links on the office's pages that lead nowhere: {BROKEN}"
    routes = {_route(target) for target, _ in forms}
    # The crawl reaches the forms of every part of the product: a check on the crawl itself.
    assert len(forms) > 30
    for expected in ("workstreams/<slug:key>/milestones/new/", "benefits/settings/", "risks/new/"):
        assert any(r and r.endswith(expected) for r in routes), f"the crawl did not reach {expected}"
    problems = []
    for target, form in forms:
        fields = [f for f in form["fields"] if f != "csrfmiddlewaretoken"]
        if fields:
            send = functools.partial(_send_form, office, target, form)
            values = st.sampled_from([*HOSTILE_TEXT, MISSING]) | st.text(max_size=40)
            _probe(target, send, fields, values, problems, examples=12)()
    assert not problems, "\n".join(problems[:40])


def _api_writes(demo_ids: dict) -> list[tuple[str, str, list[str]]]:
    """(method, address, fields) of every write in the OpenAPI document, on the demo's records."""
    from bluelight.api.openapi import document

    writes = []
    for path, operations in document()["paths"].items():
        for method, operation in operations.items():
            if method not in ("post", "patch", "put"):
                continue
            schema = operation["requestBody"]["content"]["application/json"]["schema"]
            address = path
            for name in re.findall(r"\{(\w+)\}", path):
                address = address.replace(f"{{{name}}}", str(demo_ids.get((path, name), demo_ids.get(name))))
            writes.append((method, address, sorted(schema["properties"])))
    return writes


def _send_json(api, method, address, field, value):
    body = {}
    if method == "patch":
        body["version"] = api.get(address).json().get("version")
    if method == "put":
        body.update(rating="amber", rationale="Hostile probe")
    if value is not MISSING:
        body[field] = value
    # NaN and Infinity are not JSON, but Python writes them and a careless client sends them.
    return getattr(api, method)(address, json.dumps(body), content_type="application/json")


def test_no_api_write_answers_a_server_error_and_a_refusal_saves_nothing(demo):
    from bluelight.api.tokens import token_create
    from bluelight.governance.models import Meeting

    meeting = Meeting.objects.filter(programme__slug="essex-escp", agenda__isnull=False).order_by("held_on").first()
    ids = {"slug": "essex-escp", "key": "arson-prevention", "label": "2024/25", "number": 1, "meeting_id": meeting.pk,
           ("/api/v1/programmes/{slug}/benefits/{key}/", "key"): "deliberate-fires-avoided"}  # fmt: skip
    _record, token = token_create(user=User.objects.get(username="programme.office"), name="hostile")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}", raise_request_exception=False)
    problems = []
    for method, address, fields in _api_writes(ids):
        send = functools.partial(_send_json, api, method, address)
        _probe(f"{method.upper()} {address}", send, fields, st.sampled_from([*HOSTILE_JSON, MISSING]), problems,
               examples=15)()  # fmt: skip
    assert not problems, "\n".join(problems[:40])

"""Every address the project defines needs sign-in, except a short, named allow-list.

The addresses are walked from the URL configuration itself, so a page added tomorrow is covered
without touching this test.
"""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# The only pages anyone may open without signing in, and why.
OPEN_WITHOUT_SIGN_IN = {
    "login": "the sign-in page itself",
    "public-page": "a programme's published reports, OFFICIAL records only",
    "public-report": "one published annual report, OFFICIAL records only",
    "api-openapi": "the API's description: addresses and field types, no records",
    "accessibility": "the accessibility statement, which the law says anyone may read",
}
SAMPLES = {"int": "1", "slug": "essex-escp", "path": "2023/24", "str": "pdf"}


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield pattern, prefix + str(pattern.pattern)


def _example(route: str) -> str:
    """'programmes/<slug:slug>/tasks/<int:task_id>/' -> '/programmes/essex-escp/tasks/1/'"""

    def fill(match):
        converter = match.group(1) or "str"
        return SAMPLES[converter]

    return "/" + re.sub(r"<(?:(\w+):)?\w+>", fill, route).lstrip("^").rstrip("$")


ROUTES = [(pattern.name, _example(route)) for pattern, route in _walk(get_resolver().url_patterns)]


def test_the_walk_finds_the_project_s_pages():
    names = {name for name, _ in ROUTES}
    assert {"programme-dashboard", "workstream-edit", "annual-report-download", "task-download"} <= names
    assert set(OPEN_WITHOUT_SIGN_IN) <= names, "an allow-listed page no longer exists: take it off the list"


@pytest.mark.parametrize(("name", "url"), [r for r in ROUTES if r[0] not in OPEN_WITHOUT_SIGN_IN], ids=lambda v: v)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_page_sends_a_visitor_who_is_not_signed_in_to_sign_in(client, db, name, url, method):
    response = getattr(client, method)(url)
    if url.startswith("/api/"):  # a program, not a person: told in JSON to send a token
        assert response.status_code == 401, f"{name} answered {response.status_code} without a token"
        assert response.json()["error"]["code"] == "unauthorised"
        return
    assert response.status_code == 302, f"{name} answered {response.status_code} without sign-in"
    assert response["Location"].startswith(reverse("login") + "?next="), f"{name} did not ask for sign-in"


@pytest.mark.parametrize(("name", "url"), [r for r in ROUTES if r[0] in OPEN_WITHOUT_SIGN_IN], ids=lambda v: v)
def test_the_allow_listed_pages_open_without_sign_in(client, db, demo, name, url):
    from bluelight.programmes.models import Programme

    Programme.objects.filter(slug="essex-escp").update(public_page=True)
    response = client.get(url)
    assert response.status_code == 200, f"{name} ({url}) answered {response.status_code}"

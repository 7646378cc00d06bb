"""The users bench/web_load.py drives with locust: a programme lead's week before a board, and a
trivial page for the framework's floor. Read by locust, not imported by Bluelight."""

from __future__ import annotations

import itertools
import os
import re

from locust import HttpUser, between, task

PROGRAMME = os.environ.get("BENCH_PROGRAMME", "programme-0")
PERIOD = os.environ.get("BENCH_PERIOD", "2024")
WORKSTREAMS = int(os.environ.get("BENCH_WORKSTREAMS", "100"))
USERNAME, PASSWORD = os.environ.get("BENCH_USERNAME", "bench"), os.environ.get("BENCH_PASSWORD", "")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')
numbers = itertools.count()


def _form(response) -> dict:
    found = TOKEN.search(response.text)
    if found is None:
        response.failure("no form on the page")
        return {}
    version = VERSION.search(response.text)
    return {"csrfmiddlewaretoken": found.group(1), **({"version": version.group(1)} if version else {})}


class Lead(HttpUser):
    """Signs in, then reads the dashboard and a workstream, records a rating, and makes the annual report."""

    wait_time = between(0.5, 1.5)

    def on_start(self):
        # Each simulated lead has a workstream of their own, so two never save the same rating at once.
        self.key = f"w{next(numbers) % WORKSTREAMS}"
        with self.client.get("/sign-in/", name="sign-in", catch_response=True) as page:
            form = _form(page)
        with self.client.post("/sign-in/?next=/", {**form, "username": USERNAME, "password": PASSWORD},
                              name="sign-in", catch_response=True) as signed:  # fmt: skip
            if "Sign out" not in signed.text:
                signed.failure("not signed in")

    @task(4)
    def dashboard(self):
        self.client.get(f"/programmes/{PROGRAMME}/", name="dashboard")

    @task(4)
    def workstream(self):
        self.client.get(f"/programmes/{PROGRAMME}/workstreams/{self.key}/", name="workstream page")

    @task(2)
    def assessment_save(self):
        url = f"/programmes/{PROGRAMME}/workstreams/{self.key}/ratings/{PERIOD}/"
        with self.client.get(url, name="assessment form", catch_response=True) as page:
            form = _form(page)
        data = {**form, "rating": "amber", "rationale": "Two sites still to move.", "narrative": "Load test.",
                "departure_reason": "Load test."}  # fmt: skip
        with self.client.post(url, data, name="assessment save", catch_response=True) as saved:
            if "rating recorded" not in saved.text:
                saved.failure("the rating was not saved")

    @task(1)
    def annual_report(self):
        self.client.get(f"/programmes/{PROGRAMME}/reports/annual/{PERIOD}/", name="annual report")


class Floor(HttpUser):
    """The framework's floor: a page with no query of its own (the accessibility statement)."""

    wait_time = between(0.5, 1.5)

    @task
    def trivial(self):
        self.client.get("/accessibility/", name="trivial view")

"""Two machines: two `bluelight serve` processes, each with a data folder of its own, sharing the database,
the file storage and the cache, and two `bluelight worker` processes. A workbook uploaded through server A
is checked and imported by a worker; server B shows the progress, the result, and the new rating on its
dashboard at once (its own view of that dashboard was cached before the import).

On PostgreSQL (as `make test` runs it) the cache is the database's (BLUELIGHT_CACHE_URL=db); on SQLite a
folder both machines share (file:///…).
"""

from __future__ import annotations

import json
import subprocess
import time
import urllib.request

from tests.helpers import table_rows
from tests.integration import scratch as scratches
from tests.integration.test_backup_and_kill import _big_workbook

PASSWORD = "two-machines-password-1"


def _ws0_red(tables) -> None:
    ratings = next(t for t in tables if t.name == "Ratings")
    headers = list(ratings.headers)
    for row in ratings.rows:
        if row[headers.index("Workstream")] == "ws-0" and row[headers.index("Period")] == "2024/25":
            row[headers.index("Rating")] = "red"
            row[headers.index("Rationale")] = "The shared site was withdrawn."


def _json(url: str, cookie: str) -> dict:
    request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310 (our own loopback servers)
    with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310 (our own loopback servers)
        return json.load(answer)


def _ws0_rating(page, server: str) -> str:
    page.goto(f"{server}/programmes/bench/?period=2024/25")
    row = next(r for r in table_rows(page.content(), "dashboard-table") if r[0] == "Workstream 0")
    return row[1]


def test_two_servers_and_two_workers_share_one_database_files_and_cache(scratch, tmp_path, browser):
    cache = "db" if scratches.on_postgresql() else f"file://{tmp_path / 'shared-cache'}"
    machines = {
        name: {**scratch.env, "BLUELIGHT_DATA_DIR": str(tmp_path / name), "BLUELIGHT_FILES_DIR": str(tmp_path / "files"),
               "BLUELIGHT_CACHE_URL": cache}
        for name in ("a", "b")
    }  # fmt: skip
    a, b = machines["a"], machines["b"]

    def run(env, *args, stdin=None):
        done = subprocess.run([*scratches.BLUELIGHT, *args], cwd=scratches.ROOT, env=env, input=stdin,
                              capture_output=True, text=True)  # fmt: skip
        assert done.returncode == 0, done.stderr[-3000:]

    small, big = tmp_path / "small.zip", tmp_path / "big.zip"
    _big_workbook(small, 1)
    _big_workbook(big, 300, change=_ws0_red)
    run(a, "migrate")  # creates the database cache's table when BLUELIGHT_CACHE_URL=db
    run(a, "import", str(small))
    run(a, "people", "create", "two.machines", "--organisation", "F0", "--password-stdin", stdin=PASSWORD + "\n")
    run(a, "people", "grant", "two.machines", "--programme", "bench", "--role", "programme_admin")

    workers = []
    with scratch.serving(env=a) as server_a, scratch.serving(env=b) as server_b:
        context = browser.new_context()
        page = context.new_page()
        try:
            page.goto(f"{server_a}/sign-in/")
            page.get_by_label("Username").fill("two.machines")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_load_state()
            assert "Sign out" in page.locator(".govuk-service-navigation").inner_text(), page.content()[-2000:]
            # B knows the session A started (the database holds it), and caches its view of the dashboard.
            assert _ws0_rating(page, server_b) == "Amber"
            assert _ws0_rating(page, server_b) == "Amber"

            page.goto(f"{server_a}/programmes/bench/workbook/import/")
            page.get_by_label("Workbook").set_input_files(str(big))
            page.get_by_role("button", name="Check the workbook").click()
            page.locator("#task-status").wait_for()
            check_path = page.url.removeprefix(server_a)
            cookie = "; ".join(f"{c['name']}={c['value']}" for c in context.cookies())
            assert _json(f"{server_b}{check_path}progress.json", cookie)["status"] == "queued"

            workers = [subprocess.Popen([*scratches.BLUELIGHT, "worker", "--poll", "0.2"], cwd=scratches.ROOT, env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for env in (a, b)]  # fmt: skip
            deadline = time.monotonic() + 120
            while _json(f"{server_b}{check_path}progress.json", cookie)["status"] != "done":
                assert time.monotonic() < deadline, "the check never finished"
                time.sleep(0.1)
            page.goto(f"{server_b}{check_path}")  # the check's result, through B
            assert "Import now" in page.content()
            page.get_by_role("button", name="Import now").click()
            import_path = page.url.removeprefix(server_b)
            assert import_path != check_path

            seen, deadline = [], time.monotonic() + 180
            while True:
                now = _json(f"{server_a}{import_path}progress.json", cookie)
                seen.append((now["status"], now["done"], now["total"], now["stage"]))
                if now["status"] in ("done", "failed"):
                    break
                assert time.monotonic() < deadline, seen[-5:]
                time.sleep(0.05)
            assert seen[-1][0] == "done", seen[-1]
            # The worker's progress, written on whichever machine ran it, was read through the other server.
            assert any(status == "running" and 0 < done < total for status, done, total, _ in seen), seen

            assert _ws0_rating(page, server_b) == "Red"  # B's cached dashboard gave way at once
            assert _ws0_rating(page, server_a) == "Red"
        finally:
            context.close()
            for worker in workers:
                worker.terminate()
                worker.wait(timeout=30)

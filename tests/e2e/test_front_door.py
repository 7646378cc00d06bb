"""The front door, as a person first meets it: the shipped `bluelight demo` command, in the default
environment, opened in Chromium over the address it prints.

Nothing here is set up by Django's test machinery: the command makes its own database in its own
data folder, exactly as `make demo` does, so a production default that breaks the demo fails here.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
BLUELIGHT = Path(sys.executable).parent / "bluelight"  # the console script `make demo` runs


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def default_environment(data_dir: Path) -> dict:
    """The environment of a person who has just cloned the repository: none of Bluelight's variables set."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("BLUELIGHT_", "DJANGO_", "DATABASE_"))}
    return {**clean, "BLUELIGHT_DATA_DIR": str(data_dir)}


class NoHttpRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def running_demo(tmp_path):
    """`bluelight demo` on a free port; yields (address, username, password) as it printed them."""
    port = free_port()
    log = tmp_path / "demo.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [str(BLUELIGHT), "demo", "--bind", f"127.0.0.1:{port}"], cwd=ROOT, env=default_environment(tmp_path / "data"),
            stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            text = log.read_text(errors="replace")
            address = re.search(r"^Bluelight demo: (http\S+)$", text, re.M)
            sign_in = re.search(r"^Sign in as (\S+) with password (\S+) ", text, re.M)
            if address and sign_in and "Listening at" in text:
                break
            if process.poll() is not None:
                pytest.fail(f"bluelight demo stopped before serving:\n{text[-3000:]}")
            time.sleep(0.5)
        else:
            pytest.fail(f"bluelight demo did not start within 3 minutes:\n{log.read_text()[-3000:]}")
        yield address.group(1), sign_in.group(1), sign_in.group(2)
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # the server and its task worker, as Ctrl+C would
        process.wait(timeout=30)


def test_the_printed_address_answers_over_plain_http_and_sends_no_https_only_headers(running_demo):
    address, _, _ = running_demo
    assert address.startswith("http://127.0.0.1:")
    opener = urllib.request.build_opener(NoHttpRedirect)
    with pytest.raises(urllib.error.HTTPError) as answer:
        opener.open(address, timeout=10)
    assert answer.value.code == 302
    # A redirect to the sign-in page on the same plain-HTTP address, not to https://.
    assert answer.value.headers["Location"] == "/sign-in/?next=/"
    with urllib.request.urlopen(address + "sign-in/", timeout=10) as page:  # noqa: S310 (our own http address)
        assert page.status == 200
        assert "Strict-Transport-Security" not in page.headers
        cookies = page.headers.get_all("Set-Cookie") or []
        assert cookies and not any("Secure" in c or c.startswith("__Host-") for c in cookies), cookies


def test_a_person_signs_in_with_the_printed_password_and_opens_the_escp_dashboard(running_demo, browser):
    address, username, password = running_demo
    assert username == "programme.office"
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(address, timeout=20_000)
        assert page.url.startswith(address + "sign-in/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.get_by_role("heading", name="Programmes").wait_for(timeout=20_000)
        page.get_by_role("link", name="Essex Emergency Services Collaboration Programme").click()
        page.get_by_role("heading", name="Essex Emergency Services Collaboration Programme").wait_for()
        assert page.url.startswith(address)
        assert "Sign out" in page.locator(".govuk-service-navigation").inner_text()
    finally:
        context.close()

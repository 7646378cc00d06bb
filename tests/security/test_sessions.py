"""Sessions, sign-in throttling, headers and error pages, as a person (or an attacker) meets them."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from bluelight.core import people
from bluelight.core.history import Actor
from bluelight.core.middleware import SEEN, STARTED
from bluelight.core.models import SecurityEvent
from tests.conftest import PASSWORD
from tests.security.test_url_walk import ROUTES

ROOT = Path(__file__).resolve().parents[2]


def _sign_in(client, username, password=PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_signing_in_starts_a_new_session_and_signing_out_ends_it(client, office):
    client.get(reverse("login"))
    before = client.session
    before["visited"] = True
    before.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = before.session_key
    assert _sign_in(client, "office").status_code == 302
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before.session_key
    assert not Session.objects.filter(session_key=before.session_key).exists()

    assert client.get("/").status_code == 200
    client.post(reverse("logout"))
    assert not Session.objects.filter(session_key=after).exists()
    stolen = Client()
    stolen.cookies[settings.SESSION_COOKIE_NAME] = after
    assert stolen.get("/")["Location"].startswith(reverse("login"))
    kinds = list(SecurityEvent.objects.filter(username="office").order_by("id").values_list("kind", flat=True))
    assert kinds == ["signed_in", "signed_out"]


def _age(client, **seconds_ago):
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[{"started": STARTED, "seen": SEEN}[key]] = now - ago
    session.save()


def test_an_idle_session_ends_and_the_sign_in_page_says_why(client, office):
    _sign_in(client, "office")
    client.get("/")
    idle = settings.BLUELIGHT["IDLE_SECONDS"]
    _age(client, seen=idle - 30)
    assert client.get("/").status_code == 200  # 30 seconds before the timeout: still signed in
    _age(client, seen=idle + 1)
    ended = client.get("/programmes/test/")
    assert ended.status_code == 302
    assert ended["Location"] == "/sign-in/?timeout=idle&next=%2Fprogrammes%2Ftest%2F"
    page = client.get(ended["Location"]).content.decode()
    assert "You were signed out because you were inactive for 30 minutes." in page
    assert client.get("/")["Location"].startswith("/sign-in/")
    assert SecurityEvent.objects.filter(kind="session_ended", username="office", detail="idle").count() == 1


def test_a_session_ends_at_its_time_limit_however_active(client, office):
    _sign_in(client, "office")
    client.get("/")
    _age(client, started=settings.BLUELIGHT["SESSION_SECONDS"] + 1, seen=5)
    ended = client.get("/")
    assert ended["Location"].startswith("/sign-in/?timeout=absolute")
    assert "your session reached its time limit" in client.get(ended["Location"]).content.decode()


def test_signed_in_pages_warn_before_the_idle_timeout_and_can_be_extended(client, office):
    _sign_in(client, "office")
    page = client.get("/").content.decode()
    assert 'data-idle-seconds="1800"' in page and 'data-idle-warning-seconds="120"' in page
    assert "You will be signed out soon" in page and "Stay signed in" in page
    assert '<script type="module" src="/static/bluelight/session-timeout.js">' in page
    _age(client, seen=settings.BLUELIGHT["IDLE_SECONDS"] - 60)
    assert client.get(reverse("session-keep-alive")).json() == {"idle_seconds": 1800}
    assert int(time.time()) - client.session[SEEN] < 5  # the keep-alive counted as activity


def test_a_progress_poll_does_not_keep_an_idle_session_alive(client, office):
    from bluelight.exchange.models import Task

    _sign_in(client, "office")
    client.get("/")
    task = Task.objects.create(kind="export", programme_id=office.memberships.get().programme_id,
                               created_by=office, format="xlsx")  # fmt: skip
    _age(client, seen=600)
    assert client.get(reverse("task-progress", args=["test", task.pk])).status_code == 200
    assert int(time.time()) - client.session[SEEN] >= 600


def test_disabling_an_account_ends_its_sessions_at_once(client, office):
    _sign_in(client, "office")
    assert client.get("/").status_code == 200
    assert people.account_disable(actor=Actor(None), user=office, reason="Left the force") == 1
    assert client.get("/")["Location"].startswith(reverse("login"))
    again = Client()
    refused = _sign_in(again, "office")
    # Django's backend does not say an account is disabled (that would confirm it exists).
    assert refused.status_code == 200 and "Enter a correct username and password" in refused.content.decode()
    assert "_auth_user_id" not in again.session
    event = SecurityEvent.objects.get(kind="account_disabled")
    assert (event.username, event.detail) == ("office", "by Bluelight through page; 1 session(s) ended. Left the force")


def test_failed_sign_ins_are_throttled_even_with_the_right_password(client, office, fire_editor):
    for _ in range(5):
        wrong = _sign_in(client, "office", "not-the-password")
        assert "Enter a correct username and password" in wrong.content.decode()
    refused = _sign_in(client, "office")
    assert refused.status_code == 200
    assert "Sign-in is paused for this account after too many failed attempts" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    assert SecurityEvent.objects.filter(kind="sign_in_failed", username="office").count() == 5
    assert SecurityEvent.objects.filter(kind="sign_in_throttled", username="office").count() == 1
    assert _sign_in(Client(), "fire.editor").status_code == 302  # another account is not held up


def test_every_response_has_the_content_security_policy_and_signed_in_pages_are_not_stored(client, office):
    anonymous = client.get(reverse("login"))
    policy = anonymous["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    client.force_login(office)
    page = client.get("/")
    assert page["Cache-Control"] == "no-store"
    assert page["X-Frame-Options"] == "DENY" and page["X-Content-Type-Options"] == "nosniff"


INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\sstyle=\"|\son[a-z]+=\"|javascript:", re.I)


def test_no_page_has_inline_script_or_style(client, demo):
    from bluelight.core.models import User

    client.force_login(User.objects.get(username="programme.office"))
    checked = 0
    for name, url in ROUTES:
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        if response.get("Content-Disposition", "").startswith("attachment"):
            continue  # a downloaded report, opened from disk, not served as a page
        found = INLINE.findall(response.content.decode())
        assert not found, f"{name} ({url}) has inline script or style: {found[:3]}"
        checked += 1
    assert checked >= 25


def test_error_pages_show_no_internals(client, settings, office):
    settings.ROOT_URLCONF = "tests.security.urls_failing"
    client.raise_request_exception = False
    client.force_login(office)
    broken = client.get("/broken/")
    assert broken.status_code == 500
    text = broken.content.decode()
    assert "Sorry, there is a problem with the service" in text
    assert "s3cret-detail" not in text and "Traceback" not in text and "ZeroDivisionError" not in text
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404 and "URLconf" not in missing.content.decode()


def _production_environment(**extra) -> dict:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("BLUELIGHT_", "DJANGO_"))},
        "BLUELIGHT_ENV": "production",
        "BLUELIGHT_SECRET_KEY": secrets.token_urlsafe(60),
        "BLUELIGHT_ALLOWED_HOSTS": "bluelight.example.org",
        "BLUELIGHT_DATA_DIR": str(Path(settings.BLUELIGHT["UPLOAD_DIR"]).parent / "production"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        **extra,
    }


def test_the_production_settings_pass_django_s_deployment_checks():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=_production_environment(), capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_cookies_are_host_only_and_secure():
    probe = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SESSION_COOKIE_HTTPONLY, s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, s.DEBUG)"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=_production_environment(),
                            capture_output=True, text=True, check=True)  # fmt: skip
    assert result.stdout.split() == [
        "__Host-bluelight-session", "__Host-bluelight-csrf", "True", "True", "True", "31536000", "True", "False",
    ]  # fmt: skip


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("BLUELIGHT_IDLE_MINUTES", "soon", "BLUELIGHT_IDLE_MINUTES must be a whole number, not 'soon'"),
    ("BLUELIGHT_SESSION_HOURS", "0", "BLUELIGHT_SESSION_HOURS must be from 1 to 168, not 0"),
])  # fmt: skip
def test_a_bad_timeout_setting_is_refused_by_name(variable, value, message):
    from config.env import ConfigurationError, Env

    with pytest.raises(ConfigurationError, match=re.escape(message)):
        Env.from_environ({"BLUELIGHT_ENV": "test", variable: value})

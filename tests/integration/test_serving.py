"""What `bluelight demo` and `bluelight serve` decide before they start gunicorn."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bluelight.cli.serving import PLAIN_HTTP, is_loopback, tls_problem
from config.env import Env

KEY = {"BLUELIGHT_SECRET_KEY": "k" * 50}


@pytest.mark.parametrize(
    ("bind", "loopback"),
    [("127.0.0.1:8000", True), ("127.0.0.2:80", True), ("localhost:8000", True), ("[::1]:8000", True),
     ("0.0.0.0:8000", False), ("192.0.2.7:8000", False), ("bluelight.example.org:443", False)],
)  # fmt: skip
def test_loopback_addresses(bind, loopback):
    assert is_loopback(bind) is loopback


def test_production_defaults_without_tls_say_what_to_set(tmp_path):
    problem = tls_problem(Env.from_environ({**KEY, "BLUELIGHT_DATA_DIR": str(tmp_path)}), certfile=None)
    assert "BLUELIGHT_BEHIND_PROXY=yes" in problem and "--certfile" in problem and "BLUELIGHT_SSL_REDIRECT=no" in problem


@pytest.mark.parametrize(
    "settings",
    [{"BLUELIGHT_BEHIND_PROXY": "yes"}, PLAIN_HTTP, {"BLUELIGHT_ENV": "development"}],
)
def test_a_proxy_plain_http_or_development_serve(tmp_path, settings):
    env = Env.from_environ({**KEY, "BLUELIGHT_DATA_DIR": str(tmp_path), **settings})
    assert tls_problem(env, certfile=None) is None


def test_a_certificate_of_its_own_serves(tmp_path):
    env = Env.from_environ({**KEY, "BLUELIGHT_DATA_DIR": str(tmp_path)})
    assert tls_problem(env, certfile="/etc/ssl/bluelight.pem") is None


def test_the_demo_turns_off_everything_that_needs_https(tmp_path):
    env = Env.from_environ({**KEY, "BLUELIGHT_DATA_DIR": str(tmp_path), **PLAIN_HTTP})
    assert (env.mode, env.ssl_redirect, env.hsts_seconds, env.secure_cookies) == ("production", False, 0, False)


def _bluelight(tmp_path, *args):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("BLUELIGHT_", "DJANGO_", "DATABASE_"))}
    return subprocess.run([str(Path(sys.executable).parent / "bluelight"), *args], capture_output=True, text=True,
                          env={**clean, "BLUELIGHT_DATA_DIR": str(tmp_path)}, timeout=60)  # fmt: skip


def test_serve_refuses_to_start_where_no_browser_could_use_it(tmp_path):
    done = _bluelight(tmp_path, "serve", "--bind", "0.0.0.0:8999")
    assert done.returncode == 1
    assert "these settings require HTTPS, but nothing here serves it" in done.stderr


def test_the_demo_refuses_an_address_beyond_this_machine(tmp_path):
    done = _bluelight(tmp_path, "demo", "--bind", "0.0.0.0:8999")
    assert done.returncode == 1
    assert "0.0.0.0:8999 is not a loopback address" in done.stderr
    assert not (tmp_path / "bluelight.sqlite3").exists()


def test_serve_refuses_an_unmigrated_database_then_collects_static_files_and_serves(tmp_path):
    """Production settings on plain HTTP (the three settings off), a new data folder: as an operator meets it."""
    import socket
    import time
    import urllib.request

    clean = {k: v for k, v in os.environ.items() if not k.startswith(("BLUELIGHT_", "DJANGO_", "DATABASE_"))}
    env = {**clean, **PLAIN_HTTP, **KEY, "BLUELIGHT_DATA_DIR": str(tmp_path)}
    command = str(Path(sys.executable).parent / "bluelight")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    refused = subprocess.run([command, "serve", "--bind", f"127.0.0.1:{port}"], env=env, capture_output=True, text=True,
                             timeout=120)  # fmt: skip
    assert refused.returncode == 1
    assert "migration(s) to apply" in refused.stderr and "Run `bluelight migrate`, then serve." in refused.stderr
    subprocess.run([command, "migrate"], env=env, check=True, capture_output=True, timeout=300)
    assert not (tmp_path / "static" / "staticfiles.json").exists()
    log = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen([command, "serve", "--bind", f"127.0.0.1:{port}"], env=env, stdout=log,
                              stderr=subprocess.STDOUT)  # fmt: skip
    try:
        for _ in range(600):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/sign-in/", timeout=5) as page:  # noqa: S310
                    assert page.status == 200 and b"Sign in" in page.read()
                    break
            except OSError:
                assert server.poll() is None, (tmp_path / "serve.log").read_text()[-2000:]
                time.sleep(0.2)
        else:
            pytest.fail("bluelight serve did not answer within two minutes")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "Collecting static files" in (tmp_path / "serve.log").read_text()
    assert (tmp_path / "static" / "staticfiles.json").exists()

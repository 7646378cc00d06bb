"""What every `bluelight` command shares: Django set-up, finding a programme, writing a report, progress."""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

from config.env import BASE_DIR


def _data_dir() -> Path:
    return Path(os.environ.get("BLUELIGHT_DATA_DIR", BASE_DIR / "var"))


def ensure_secret_key() -> None:
    """A per-machine secret key in var/secret-key, so local commands and the demo need no set-up."""
    if os.environ.get("BLUELIGHT_SECRET_KEY") or os.environ.get("BLUELIGHT_SECRET_KEY_FILE"):
        return
    path = _data_dir() / "secret-key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        ensure_secret_key()
        django.setup()


def migrate(verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)
    call_command("createcachetable", verbosity=verbosity)  # only does anything when BLUELIGHT_CACHE_URL=db


def refused(error) -> int:
    """Say why on standard error (every message of a ValidationError) and give the exit status 1."""
    print(f"bluelight: {' '.join(getattr(error, 'messages', [str(error)]))}", file=sys.stderr)
    return 1


def programme_named(slug: str):
    from bluelight.programmes.models import Programme

    programme = Programme.objects.filter(slug=slug).first()
    if programme is None:
        raise SystemExit(f"bluelight: no programme with the slug {slug!r}")
    return programme


class ProgressBar:
    """A progress bar on standard error: redrawn in place on a terminal, a line per step otherwise."""

    def __init__(self, label: str, stream=None):
        self.label = label
        self.stream = stream or sys.stderr
        self.last = ""

    def __call__(self, done: int, total: int, what: str) -> None:
        share = done / total if total else 1
        bar = "#" * int(share * 30)
        line = f"{self.label} [{bar:<30}] {share:4.0%} {what}"
        if self.stream.isatty():
            self.stream.write("\r" + line.ljust(len(self.last)))
            if done >= total:
                self.stream.write("\n")
        elif what != self.last.split("% ", 1)[-1]:
            self.stream.write(line + "\n")
        self.stream.flush()
        self.last = line


def write_report(out: Path, fmt: str, *, html, document, marking: str) -> None:
    from bluelight.reports.formats import render_report

    out.write_bytes(render_report(fmt, html=html, document=document, marking=marking))


def person_named(username: str):
    from bluelight.core.models import User

    user = User.objects.filter(username=username).first()
    if user is None:
        raise SystemExit(f"bluelight: no account with the username {username!r}")
    if not user.is_active:
        raise SystemExit(f"bluelight: the account {username!r} is disabled")
    return user


def actor_for(username: str | None, channel: str):
    """Who the command acts as: a named person (with that person's rights), or Bluelight itself."""
    from bluelight.core.history import Actor

    return Actor(person_named(username), channel) if username else Actor.system(channel)

"""`bluelight`: the command line for everything a programme office does in bulk.

Run `bluelight --help` for the commands. Each command sets up Django itself; the database is the
one DATABASE_URL names (SQLite under var/ by default).
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from pathlib import Path

from config.env import BASE_DIR

DEFAULT_BIND = "127.0.0.1:8000"


def _data_dir() -> Path:
    return Path(os.environ.get("BLUELIGHT_DATA_DIR", BASE_DIR / "var"))


def _ensure_secret_key() -> None:
    """A per-machine secret key in var/secret-key, so local commands and the demo need no set-up."""
    if os.environ.get("BLUELIGHT_SECRET_KEY") or os.environ.get("BLUELIGHT_SECRET_KEY_FILE"):
        return
    path = _data_dir() / "secret-key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        _ensure_secret_key()
        django.setup()


def _migrate(verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)


def cmd_migrate(args) -> int:
    _setup()
    _migrate(verbosity=1)
    return 0


def cmd_load_demo(args) -> int:
    _setup()
    from bluelight.demo import load_demo

    _migrate()
    load_demo(say=print)
    return 0


def cmd_report_annual(args) -> int:
    _setup()
    from bluelight.programmes.models import Programme
    from bluelight.reports.annual import build_annual_report, render_standalone_html

    programme = Programme.objects.filter(slug=args.programme).first()
    if programme is None:
        print(f"bluelight: no programme with the slug {args.programme!r}", file=sys.stderr)
        return 2
    period = programme.periods.filter(label=args.period).first()
    if period is None:
        labels = ", ".join(programme.periods.values_list("label", flat=True)) or "none"
        print(f"bluelight: {args.programme} has no period {args.period!r} (periods: {labels})", file=sys.stderr)
        return 2
    report = build_annual_report(programme, period, marking=args.marking)
    out = Path(args.out)
    out.write_text(render_standalone_html(report), encoding="utf-8")
    print(f"Wrote {out} ({report.title}, marked {report.marking})")
    return 0


def _gunicorn(bind: str, workers: int) -> None:
    argv = [
        sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind", bind, "--workers", str(workers),
        "--threads", "4", "--access-logfile", "-", "--forwarded-allow-ips", "127.0.0.1",
    ]  # fmt: skip
    os.execv(sys.executable, argv)


def cmd_serve(args) -> int:
    _setup()
    _gunicorn(args.bind, args.workers)
    return 0  # not reached


def cmd_demo(args) -> int:
    # The demo is served over plain HTTP on the loopback address, so cookies cannot be Secure there.
    os.environ.setdefault("BLUELIGHT_SECURE_COOKIES", "0")
    _setup()
    from django.core.management import call_command

    from bluelight.demo import DEMO_PASSWORD, DEMO_USERS, load_demo

    print("Setting up the database…", flush=True)
    _migrate()
    call_command("collectstatic", interactive=False, verbosity=0)
    load_demo(say=lambda line: print(f"  {line}", flush=True))
    print()
    print(f"Bluelight demo: http://{args.bind}/")
    print(f"Sign in as {DEMO_USERS[0][0]} with password {DEMO_PASSWORD} (the programme office).")
    print("Others: " + ", ".join(u[0] for u in DEMO_USERS[1:]) + " (same password).")
    print("Press Ctrl+C to stop.", flush=True)
    _gunicorn(args.bind, args.workers)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bluelight", description="Run an emergency services collaboration programme.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    demo = sub.add_parser("demo", help="set up, load the demo programmes and serve them")
    demo.add_argument("--bind", default=DEFAULT_BIND, help=f"address:port to serve on (default {DEFAULT_BIND})")
    demo.add_argument("--workers", type=int, default=2)
    demo.set_defaults(func=cmd_demo)

    serve = sub.add_parser("serve", help="serve Bluelight with gunicorn")
    serve.add_argument("--bind", default=DEFAULT_BIND)
    serve.add_argument("--workers", type=int, default=2)
    serve.set_defaults(func=cmd_serve)

    sub.add_parser("migrate", help="create or update the database tables").set_defaults(func=cmd_migrate)
    sub.add_parser("load-demo", help="load the two demo programmes (leaves loaded ones alone)").set_defaults(
        func=cmd_load_demo
    )

    report = sub.add_parser("report", help="generate a report")
    kinds = report.add_subparsers(dest="kind", metavar="KIND", required=True)
    annual = kinds.add_parser("annual", help="the annual collaboration report")
    annual.add_argument("--programme", required=True, metavar="SLUG")
    annual.add_argument("--period", required=True, metavar="LABEL")
    annual.add_argument("--format", choices=["html"], default="html")
    annual.add_argument("--out", required=True, metavar="PATH")
    annual.add_argument("--marking", default=None, help="protective marking (default: OFFICIAL, or as configured)")
    annual.set_defaults(func=cmd_report_annual)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())

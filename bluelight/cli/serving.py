"""Commands that set Bluelight up and serve it: demo, serve, migrate, load-demo."""

from __future__ import annotations

import ipaddress
import os
import subprocess
import sys

from bluelight.cli.base import migrate, setup

DEFAULT_BIND = "127.0.0.1:8000"
# What `bluelight demo` sets, whatever the environment says: it is plain HTTP on the loopback address,
# where a redirect to HTTPS, HSTS or Secure-only cookies would leave the browser with nothing to open.
PLAIN_HTTP = {"BLUELIGHT_SSL_REDIRECT": "0", "BLUELIGHT_HSTS_SECONDS": "0", "BLUELIGHT_SECURE_COOKIES": "0"}


def is_loopback(bind: str) -> bool:
    host = bind.rsplit(":", 1)[0].strip("[]") if ":" in bind else bind
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def tls_problem(env, certfile: str | None) -> str | None:
    """Why `bluelight serve` would answer nothing a browser can use, or None.

    With HTTPS required (the production default) the server must either speak TLS itself or sit
    behind a proxy that does and says so; otherwise every page redirects to an https:// address
    nobody serves, and the browser simply times out.
    """
    if certfile or env.behind_proxy or not (env.ssl_redirect or env.secure_cookies or env.hsts_seconds):
        return None
    return (
        "bluelight serve: these settings require HTTPS, but nothing here serves it.\n"
        "Set one of:\n"
        "  BLUELIGHT_BEHIND_PROXY=yes   a reverse proxy terminates TLS and sets X-Forwarded-Proto (the usual set-up)\n"
        "  --certfile PATH --keyfile PATH   gunicorn serves HTTPS itself\n"
        "  BLUELIGHT_SSL_REDIRECT=no BLUELIGHT_HSTS_SECONDS=0 BLUELIGHT_SECURE_COOKIES=no   plain HTTP, "
        "only on a network you trust\n"
        "See docs/operations.md."
    )


def cmd_migrate(args) -> int:
    setup()
    migrate(verbosity=1)
    return 0


def cmd_cache_clear(args) -> int:
    setup()
    from django.conf import settings
    from django.core.cache import cache

    cache.clear()
    print(f"Emptied the cache ({settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}).")
    return 0


def cmd_load_demo(args) -> int:
    setup()
    from bluelight.demo import load_demo

    migrate()
    load_demo(say=print)
    return 0


def gunicorn(bind: str, workers: int, tls: tuple[str, str] | None = None) -> None:
    argv = [
        sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind", bind, "--workers", str(workers),
        "--threads", "4", "--access-logfile", "-", "--forwarded-allow-ips", "127.0.0.1",
        # Longer than any client's or proxy's idle time, so a kept-alive connection is never closed
        # by gunicorn just as the client reuses it (seen as "connection reset" under load).
        "--keep-alive", "75",
    ]  # fmt: skip
    if tls:
        argv += ["--certfile", tls[0], "--keyfile", tls[1]]
    os.execv(sys.executable, argv)


def unmigrated() -> str | None:
    """Why the database cannot be served yet: migrations it has not had (every page would fail)."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if not plan:
        return None
    first = plan[0][0]
    return (
        f"bluelight serve: the database has {len(plan)} migration(s) to apply (the first: {first.app_label} "
        f"{first.name}). Run `bluelight migrate`, then serve."
    )


def collect_static_if_missing() -> None:
    """Production serves content-hashed static files from a manifest; without it every page would fail."""
    from django.conf import settings
    from django.core.management import call_command

    manifest = settings.STATIC_ROOT / "staticfiles.json"
    if "Manifest" in settings.STORAGES["staticfiles"]["BACKEND"] and not manifest.exists():
        print(f"Collecting static files into {settings.STATIC_ROOT} (none were collected)…", flush=True)
        call_command("collectstatic", interactive=False, verbosity=0)


def cmd_serve(args) -> int:
    if bool(args.certfile) != bool(args.keyfile):
        raise SystemExit("bluelight serve: give both --certfile and --keyfile, or neither.")
    setup()
    from django.conf import settings

    problem = tls_problem(settings.ENV, args.certfile) or unmigrated()
    if problem:
        raise SystemExit(problem)
    collect_static_if_missing()
    gunicorn(args.bind, args.workers, (args.certfile, args.keyfile) if args.certfile else None)
    return 0  # not reached


def cmd_demo(args) -> int:
    if not is_loopback(args.bind):
        raise SystemExit(
            f"bluelight demo: {args.bind} is not a loopback address. The demo signs in with published passwords "
            "over plain HTTP, so it serves only on 127.0.0.1, ::1 or localhost; use `bluelight serve` for others."
        )
    os.environ.update(PLAIN_HTTP)
    setup()
    from django.core.management import call_command

    from bluelight.demo import DEMO_PASSWORD, DEMO_USERS, load_demo

    print("Setting up the database…", flush=True)
    migrate()
    call_command("collectstatic", interactive=False, verbosity=0)
    load_demo(say=lambda line: print(f"  {line}", flush=True))
    print()
    print(f"Bluelight demo: http://{args.bind}/")
    print(f"Sign in as {DEMO_USERS[0][0]} with password {DEMO_PASSWORD} (the programme office).")
    print("Others: " + ", ".join(u[0] for u in DEMO_USERS[1:]) + " (same password).")
    print("The task worker runs beside it, for imports and exports started on the pages.")
    print("Press Ctrl+C to stop.", flush=True)
    # The worker is a child in the same process group, so Ctrl+C stops it with the server.
    worker = f"from bluelight.cli import main; main(['worker', '--parent', '{os.getpid()}'])"
    subprocess.Popen([sys.executable, "-c", worker])
    gunicorn(args.bind, args.workers)
    return 0


def register(sub) -> None:
    demo = sub.add_parser("demo", help="set up, load the demo programmes and serve them")
    demo.add_argument("--bind", default=DEFAULT_BIND, help=f"address:port to serve on (default {DEFAULT_BIND})")
    demo.add_argument("--workers", type=int, default=2)
    demo.set_defaults(func=cmd_demo)

    serve = sub.add_parser("serve", help="serve Bluelight with gunicorn")
    serve.add_argument("--bind", default=DEFAULT_BIND)
    serve.add_argument("--workers", type=int, default=2)
    serve.add_argument("--certfile", metavar="PATH", help="serve HTTPS with this certificate (PEM)")
    serve.add_argument("--keyfile", metavar="PATH", help="the certificate's private key (PEM)")
    serve.set_defaults(func=cmd_serve)

    sub.add_parser("migrate", help="create or update the database tables").set_defaults(func=cmd_migrate)
    sub.add_parser("cache-clear", help="empty the cache (what is cached is rebuilt when next asked for)").set_defaults(
        func=cmd_cache_clear
    )
    sub.add_parser("load-demo", help="load the two demo programmes (leaves loaded ones alone)").set_defaults(
        func=cmd_load_demo
    )

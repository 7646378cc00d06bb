"""Commands that set Bluelight up and serve it: demo, serve, migrate, load-demo."""

from __future__ import annotations

import os
import subprocess
import sys

from bluelight.cli.base import migrate, setup

DEFAULT_BIND = "127.0.0.1:8000"


def cmd_migrate(args) -> int:
    setup()
    migrate(verbosity=1)
    return 0


def cmd_load_demo(args) -> int:
    setup()
    from bluelight.demo import load_demo

    migrate()
    load_demo(say=print)
    return 0


def gunicorn(bind: str, workers: int) -> None:
    argv = [
        sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind", bind, "--workers", str(workers),
        "--threads", "4", "--access-logfile", "-", "--forwarded-allow-ips", "127.0.0.1",
        # Longer than any client's or proxy's idle time, so a kept-alive connection is never closed
        # by gunicorn just as the client reuses it (seen as "connection reset" under load).
        "--keep-alive", "75",
    ]  # fmt: skip
    os.execv(sys.executable, argv)


def cmd_serve(args) -> int:
    setup()
    gunicorn(args.bind, args.workers)
    return 0  # not reached


def cmd_demo(args) -> int:
    # The demo is served over plain HTTP on the loopback address, so cookies cannot be Secure there.
    os.environ.setdefault("BLUELIGHT_SECURE_COOKIES", "0")
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
    serve.set_defaults(func=cmd_serve)

    sub.add_parser("migrate", help="create or update the database tables").set_defaults(func=cmd_migrate)
    sub.add_parser("load-demo", help="load the two demo programmes (leaves loaded ones alone)").set_defaults(
        func=cmd_load_demo
    )

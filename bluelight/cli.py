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
    html = render_standalone_html(report)
    _write(Path(args.out), args.format, html, report.marking)
    print(f"Wrote {args.out} ({report.title}, marked {report.marking})")
    return 0


def _write(out: Path, kind: str, html: str, marking: str) -> None:
    if kind == "pdf":
        from bluelight.reports.pdf import html_to_pdf

        out.write_bytes(html_to_pdf(html, marking))
    else:
        out.write_text(html, encoding="utf-8")


def _programme(slug: str):
    from bluelight.programmes.models import Programme

    programme = Programme.objects.filter(slug=slug).first()
    if programme is None:
        raise SystemExit(f"bluelight: no programme with the slug {slug!r}")
    return programme


def cmd_meetings_list(args) -> int:
    import json

    _setup()
    from bluelight.governance.selectors import meetings_of

    programme = _programme(args.programme)
    rows = [
        {
            "id": m.id, "board": m.board.name, "date": m.held_on.isoformat(), "status": m.get_status_display(),
            "agenda_items": m.agenda.count(), "decisions": m.decisions.count(), "illustrative": m.illustrative,
        }
        for m in meetings_of(programme).order_by("held_on")
    ]  # fmt: skip
    if args.json:
        print(json.dumps({"programme": programme.slug, "meetings": rows}, indent=2))
        return 0
    print(f"{programme.name}: {len(rows)} meeting{'s' if len(rows) != 1 else ''}")
    for r in rows:
        print(f"  {r['id']:>5}  {r['date']}  {r['board']:<40} {r['status']:<10} "
              f"{r['agenda_items']} items, {r['decisions']} decisions")  # fmt: skip
    return 0


def cmd_pack(args) -> int:
    _setup()
    from bluelight.governance.models import Meeting
    from bluelight.governance.pack import build_pack, render_standalone_html

    meeting = Meeting.objects.select_related("board", "programme").filter(pk=args.meeting).first()
    if meeting is None:
        raise SystemExit(f"bluelight: no meeting with the id {args.meeting} (see `bluelight meetings list`)")
    pack = build_pack(meeting, marking=args.marking)
    _write(Path(args.out), args.format, render_standalone_html(pack), pack.marking)
    print(f"Wrote {args.out} ({pack.title}, marked {pack.marking}): {len(pack.agenda)} agenda items, "
          f"{len(pack.risks)} risks above threshold, {len(pack.overdue)} overdue actions")  # fmt: skip
    return 0


def cmd_actions_overdue(args) -> int:
    import json

    _setup()
    from django.utils import timezone

    from bluelight.governance.selectors import overdue_actions
    from bluelight.programmes.models import Programme

    programmes = [_programme(args.programme)] if args.programme else Programme.objects.all()
    today = timezone.localdate()
    actions = list(overdue_actions(programmes, today))
    rows = [
        {
            "programme": a.programme.slug, "reference": a.reference, "description": a.description, "owner": a.owner,
            "due": a.due_on.isoformat(), "days_overdue": (today - a.due_on).days, "status": a.get_status_display(),
        }
        for a in actions
    ]  # fmt: skip
    if args.json:
        print(json.dumps({"as_at": today.isoformat(), "overdue": rows}, indent=2))
        return 0
    print(f"{len(rows)} overdue action{'s' if len(rows) != 1 else ''} as at {today:%-d %B %Y}")
    for r in rows:
        print(f"  {r['programme']} {r['reference']}: {r['description']} ({r['owner']}), due {r['due']}, "
              f"{r['days_overdue']} days overdue")  # fmt: skip
    return 0


def _benefits_programme(slug: str):
    from bluelight.benefits.selectors import NotConfigured, settings_of

    programme = _programme(slug)
    try:
        settings_of(programme)
    except NotConfigured as error:
        raise SystemExit(f"bluelight: {error}") from None
    return programme


def _pounds(value) -> str:
    return f"£{value:,.0f}"


def cmd_benefits_summary(args) -> int:
    import json

    _setup()
    from bluelight.benefits.selectors import summary

    data = summary(_benefits_programme(args.programme)).as_dict()
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    print(f"{data['programme']}: benefits in {data['price_base']} prices")
    print(f"  profiled {_pounds(data['profiled_total'])} against a target of {_pounds(data['target'])}: "
          f"{data['ratio'] * 100:.1f}%, {data['rag']}")  # fmt: skip
    print(f"  realised to date (signed-off actuals): {_pounds(data['realised_to_date'])}")
    for heading, key in (("By section", "by_section"), ("By organisation that gains", "by_organisation_gaining")):
        print(f"  {heading}:")
        for name, amount in data[key].items():
            print(f"    {name:<48} {_pounds(amount):>14}")
    return 0


def cmd_benefits_simulate(args) -> int:
    import json

    _setup()
    from bluelight.benefits.selectors import settings_of, simulation

    programme = _benefits_programme(args.programme)
    result = simulation(programme, draws=args.draws, seed=args.seed, distribution=args.distribution)
    target = float(settings_of(programme).target)
    chance = result.probability_at_least(target)
    data = {
        "programme": programme.slug, "draws": result.draws, "seed": result.seed, "distribution": result.distribution,
        "p10": round(result.p10, 2), "p50": round(result.p50, 2), "p90": round(result.p90, 2),
        "mean": round(result.mean, 2), "target": target, "probability_of_meeting_target": round(chance, 4),
    }  # fmt: skip
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        print(f"{programme.slug}: {result.draws:,} draws ({result.distribution}, seed {result.seed})")
        print(f"  P10 {_pounds(result.p10)}, P50 {_pounds(result.p50)}, P90 {_pounds(result.p90)}")
        print(f"  a {chance:.0%} chance of reaching the {_pounds(target)} target")
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

    benefits = sub.add_parser("benefits", help="benefits: summary against target, simulation")
    benefit_kinds = benefits.add_subparsers(dest="kind", metavar="ACTION", required=True)
    summary = benefit_kinds.add_parser("summary", help="profiled benefits against the target, by section and gainer")
    summary.add_argument("--programme", required=True, metavar="SLUG")
    summary.add_argument("--json", action="store_true", help="print JSON")
    summary.set_defaults(func=cmd_benefits_summary)
    simulate = benefit_kinds.add_parser("simulate", help="Monte Carlo of the programme total: P10, P50, P90")
    simulate.add_argument("--programme", required=True, metavar="SLUG")
    simulate.add_argument("--draws", type=int, default=100_000)
    simulate.add_argument("--seed", type=int, default=1)
    simulate.add_argument("--distribution", choices=["triangular", "pert"], default="triangular")
    simulate.add_argument("--json", action="store_true", help="print JSON")
    simulate.set_defaults(func=cmd_benefits_simulate)

    report = sub.add_parser("report", help="generate a report")
    kinds = report.add_subparsers(dest="kind", metavar="KIND", required=True)
    annual = kinds.add_parser("annual", help="the annual collaboration report")
    annual.add_argument("--programme", required=True, metavar="SLUG")
    annual.add_argument("--period", required=True, metavar="LABEL")
    annual.add_argument("--format", choices=["html", "pdf"], default="html")
    annual.add_argument("--out", required=True, metavar="PATH")
    annual.add_argument("--marking", default=None, help="protective marking (default: OFFICIAL, or as configured)")
    annual.set_defaults(func=cmd_report_annual)

    meetings = sub.add_parser("meetings", help="board meetings")
    meeting_actions = meetings.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = meeting_actions.add_parser("list", help="a programme's meetings, oldest first, with their ids")
    listing.add_argument("--programme", required=True, metavar="SLUG")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=cmd_meetings_list)

    pack = sub.add_parser("pack", help="the board pack for a meeting")
    pack.add_argument("--meeting", required=True, type=int, metavar="ID")
    pack.add_argument("--format", choices=["html", "pdf"], default="pdf")
    pack.add_argument("--out", required=True, metavar="PATH")
    pack.add_argument("--marking", default=None, help="protective marking (default: OFFICIAL, or as configured)")
    pack.set_defaults(func=cmd_pack)

    actions = sub.add_parser("actions", help="the action log")
    action_kinds = actions.add_subparsers(dest="action", metavar="ACTION", required=True)
    overdue = action_kinds.add_parser("overdue", help="actions past their due date and not done")
    overdue.add_argument("--programme", metavar="SLUG", help="one programme (default: all)")
    overdue.add_argument("--json", action="store_true", help="print JSON")
    overdue.set_defaults(func=cmd_actions_overdue)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())

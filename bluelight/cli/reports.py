"""Commands for reports and governance: report annual, pack, meetings list, actions overdue."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bluelight.cli.base import programme_named, setup, write_report
from bluelight.reports.formats import REPORT_FORMATS


def cmd_report_annual(args) -> int:
    setup()
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
    from bluelight.reports.annual_document import annual_document

    write_report(Path(args.out), args.format, html=lambda: render_standalone_html(report),
                 document=lambda: annual_document(report), marking=report.marking)  # fmt: skip
    print(f"Wrote {args.out} ({report.title}, marked {report.marking})")
    return 0


def cmd_meetings_list(args) -> int:
    setup()
    from bluelight.governance.selectors import meetings_of

    programme = programme_named(args.programme)
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
    setup()
    from bluelight.governance.models import Meeting
    from bluelight.governance.pack import build_pack, render_standalone_html

    meeting = Meeting.objects.select_related("board", "programme").filter(pk=args.meeting).first()
    if meeting is None:
        raise SystemExit(f"bluelight: no meeting with the id {args.meeting} (see `bluelight meetings list`)")
    pack = build_pack(meeting, marking=args.marking)
    from bluelight.governance.pack_document import pack_document

    write_report(Path(args.out), args.format, html=lambda: render_standalone_html(pack),
                 document=lambda: pack_document(pack), marking=pack.marking)  # fmt: skip
    print(f"Wrote {args.out} ({pack.title}, marked {pack.marking}): {len(pack.agenda)} agenda items, "
          f"{len(pack.risks)} risks above threshold, {len(pack.overdue)} overdue actions")  # fmt: skip
    return 0


def cmd_actions_overdue(args) -> int:
    setup()
    from django.utils import timezone

    from bluelight.governance.selectors import overdue_actions
    from bluelight.programmes.models import Programme

    programmes = [programme_named(args.programme)] if args.programme else Programme.objects.all()
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


def register(sub) -> None:
    report = sub.add_parser("report", help="generate a report")
    kinds = report.add_subparsers(dest="kind", metavar="KIND", required=True)
    annual = kinds.add_parser("annual", help="the annual collaboration report")
    annual.add_argument("--programme", required=True, metavar="SLUG")
    annual.add_argument("--period", required=True, metavar="LABEL")
    annual.add_argument("--format", choices=REPORT_FORMATS, default="html")
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
    pack.add_argument("--format", choices=REPORT_FORMATS, default="pdf")
    pack.add_argument("--out", required=True, metavar="PATH")
    pack.add_argument("--marking", default=None, help="protective marking (default: OFFICIAL, or as configured)")
    pack.set_defaults(func=cmd_pack)

    actions = sub.add_parser("actions", help="the action log")
    action_kinds = actions.add_subparsers(dest="action", metavar="ACTION", required=True)
    overdue = action_kinds.add_parser("overdue", help="actions past their due date and not done")
    overdue.add_argument("--programme", metavar="SLUG", help="one programme (default: all)")
    overdue.add_argument("--json", action="store_true", help="print JSON")
    overdue.set_defaults(func=cmd_actions_overdue)

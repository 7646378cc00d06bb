"""`bluelight remind`: each person's worklist by e-mail, for a scheduler (cron, a systemd timer) to run."""

from __future__ import annotations

from bluelight.cli.base import setup


def cmd_remind(args) -> int:
    """E-mail each person with something to do their worklist; those with nothing are not written to."""
    setup()
    from bluelight.governance.reminders import send_reminders

    sent = send_reminders(programme_slug=args.programme, dry_run=args.dry_run,
                          say=lambda line: print(line))  # fmt: skip
    print(f"{sent} reminder(s) {'would be ' if args.dry_run else ''}sent.")
    return 0


def register(sub) -> None:
    remind = sub.add_parser("remind", help="e-mail each person their worklist (ratings due, actions, sign-offs)")
    remind.add_argument("--programme", help="one programme's short name; every programme if left out")
    remind.add_argument("--dry-run", action="store_true", help="say who would be written to, and send nothing")
    remind.set_defaults(func=cmd_remind)

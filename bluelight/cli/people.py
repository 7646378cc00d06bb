"""Commands for people: accounts, roles, disabling accounts, and the security log."""

from __future__ import annotations

import sys

from bluelight.cli.base import actor_for, programme_named, refused, setup


def _cli():
    from bluelight.core.models import HistoryEntry

    return HistoryEntry.Channel.COMMAND_LINE


def cmd_people(args) -> int:
    setup()
    from django.core.exceptions import ValidationError

    from bluelight.core import people
    from bluelight.core.models import User
    from bluelight.programmes import memberships

    actor = actor_for(None, _cli())
    if args.action == "list":
        for user in User.objects.select_related("organisation").prefetch_related("memberships__programme"):
            roles = ", ".join(f"{m.programme.slug}: {m.get_role_display()}" for m in user.memberships.all())
            state = "" if user.is_active else " [disabled]"
            admin = " [system administrator]" if user.is_superuser else ""
            org = user.organisation.short_code if user.organisation else "-"
            print(f"{user.username:<20} {org:<8} {roles or '(no programme)'}{admin}{state}")
        return 0
    if args.action == "create":
        return _create(args, actor)
    user = User.objects.filter(username=args.username).first()
    if user is None:
        return refused(ValueError(f"no account with the username {args.username!r}"))
    try:
        if args.action == "grant":
            memberships.membership_grant(actor=actor, user=user, programme=programme_named(args.programme), role=args.role)
            print(f"{user.username} is now {args.role.replace('_', ' ')} in {args.programme}.")
        elif args.action == "revoke":
            memberships.membership_revoke(actor=actor, user=user, programme=programme_named(args.programme))
            print(f"{user.username} no longer has a role in {args.programme}.")
        elif args.action == "disable":
            ended = people.account_disable(actor=actor, user=user, reason=args.reason or "")
            print(f"{user.username} is disabled; {ended} session(s) ended.")
        else:
            people.account_enable(actor=actor, user=user)
            print(f"{user.username} is enabled.")
    except ValidationError as error:
        return refused(error)
    return 0


def _create(args, actor) -> int:
    from django.core.exceptions import ValidationError

    from bluelight.core import people
    from bluelight.core.models import Organisation

    organisation = None
    if args.organisation:
        organisation = Organisation.objects.filter(short_code=args.organisation).first()
        if organisation is None:
            return refused(ValueError(f"no organisation with the short code {args.organisation!r}"))
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
    try:
        user = people.account_create(
            actor=actor, username=args.username, organisation=organisation, email=args.email or "",
            full_name=args.full_name or "", password=password,
        )  # fmt: skip
    except ValidationError as error:
        return refused(error)
    how = "with the password given" if password else "without a password (API tokens only)"
    print(f"{user.username} made, {how}; give it a role with `bluelight people grant`.")
    return 0


def cmd_security_log(args) -> int:
    setup()
    from bluelight.core.models import SecurityEvent

    events = SecurityEvent.objects.all()
    if args.kind:
        events = events.filter(kind=args.kind)
    for event in reversed(list(events[: args.limit])):
        rows = f" ({event.rows} rows)" if event.rows is not None else ""
        print(f"{event.at:%Y-%m-%d %H:%M:%S}  {event.get_kind_display():<36} {event.username or '-':<16} "
              f"{event.ip_address or '-':<15} {event.detail}{rows}")  # fmt: skip
    return 0


def register(sub) -> None:
    from bluelight.programmes import rules

    people = sub.add_parser("people", help="list or make accounts; grant or revoke a role; disable or enable an account")
    actions = people.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", help="every account with its organisation and roles")
    create = actions.add_parser("create", help="make an account (without a password: an integration's, for tokens)")
    create.add_argument("username")
    create.add_argument("--organisation", metavar="SHORT_CODE", help="the organisation the person works for")
    create.add_argument("--email", default="")
    create.add_argument("--full-name", default="")
    create.add_argument("--password-stdin", action="store_true", help="read the password from the first input line")
    grant = actions.add_parser("grant", help="give a person a role in a programme (replacing any they had)")
    grant.add_argument("username")
    grant.add_argument("--programme", required=True, metavar="SLUG")
    grant.add_argument("--role", required=True, choices=[
        rules.PROGRAMME_ADMIN, rules.ORGANISATION_EDITOR, rules.BOARD_MEMBER, rules.VIEWER,
    ])  # fmt: skip
    revoke = actions.add_parser("revoke", help="take away a person's role in a programme")
    revoke.add_argument("username")
    revoke.add_argument("--programme", required=True, metavar="SLUG")
    disable = actions.add_parser("disable", help="disable an account and end its sessions at once")
    disable.add_argument("username")
    disable.add_argument("--reason", default="")
    enable = actions.add_parser("enable", help="enable a disabled account")
    enable.add_argument("username")
    people.set_defaults(func=cmd_people)

    log = sub.add_parser("security-log", help="print the security log, oldest of the latest first")
    log.add_argument("--kind", default=None, help="only events of this kind, e.g. sign_in_failed")
    log.add_argument("--limit", type=int, default=100)
    log.set_defaults(func=cmd_security_log)

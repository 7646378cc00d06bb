"""`bluelight token`: personal API tokens for a named account, as on its page."""

from __future__ import annotations

import sys

from bluelight.cli.base import person_named, refused, setup


def cmd_token(args) -> int:
    """Personal API tokens for a named account (an integration's service account, say), as on its page."""
    setup()
    from django.core.exceptions import ValidationError

    from bluelight.api.models import ApiToken
    from bluelight.api.tokens import token_create, token_revoke

    user = person_named(args.username)
    if args.action == "list":
        for token in ApiToken.objects.filter(user=user).order_by("created_at"):
            state = f"revoked {token.revoked_at:%Y-%m-%d}" if token.revoked_at else "active"
            print(f"{token.prefix}…  {token.name:<40} {state}")
        return 0
    try:
        if args.action == "create":
            _record, secret = token_create(user=user, name=args.name)
            print(secret)  # alone on stdout, for a script to read; it cannot be shown again
            print(f"Token made for {user.username}: keep it secret; it is not shown again.", file=sys.stderr)
            return 0
        token = ApiToken.objects.filter(user=user, prefix=args.prefix[:10]).first()
        if token is None:
            return refused(ValueError(f"{user.username} has no token starting {args.prefix!r}"))
        token_revoke(user=user, token=token)
        print(f"Token {token.prefix}… of {user.username} revoked.")
    except ValidationError as error:
        return refused(error)
    return 0


def register(sub) -> None:
    token = sub.add_parser("token", help="make, list or revoke a person's personal API tokens")
    token_actions = token.add_subparsers(dest="action", required=True, metavar="ACTION")
    make = token_actions.add_parser("create", help="make a token; it is printed once, alone on stdout")
    make.add_argument("username")
    make.add_argument("--name", required=True, help="what it is for, e.g. Power BI dashboard")
    token_actions.add_parser("list", help="a person's tokens, by their first characters").add_argument("username")
    revoke_token = token_actions.add_parser("revoke", help="revoke a token, named by its first characters")
    revoke_token.add_argument("username")
    revoke_token.add_argument("prefix", help="the token's first characters, as listed (bl_…)")
    token.set_defaults(func=cmd_token)

"""`bluelight rate`: record a workstream's rating for a period, as a named person with that person's rights."""

from __future__ import annotations

from bluelight.cli.base import actor_for, person_named, programme_named, refused, setup


def _cli():
    from bluelight.core.models import HistoryEntry

    return HistoryEntry.Channel.COMMAND_LINE


def cmd_rate(args) -> int:
    """Record a workstream's rating for a period, as a named person with that person's rights."""
    setup()
    from django.core.exceptions import ValidationError

    from bluelight.core.history import Conflict
    from bluelight.programmes import rules
    from bluelight.programmes.access import access_for
    from bluelight.status import services

    programme = programme_named(args.programme)
    user = person_named(args.as_user)
    access = access_for(user, programme)
    workstream = access.visible(programme.workstreams.all()).filter(key=args.workstream).first()
    if workstream is None or not rules.can_view(access.role):
        return refused(ValueError(f"{args.as_user} sees no workstream {args.workstream!r} in {programme.slug}"))
    if not rules.can_edit_workstream(access.role, access.organisation_id, workstream.lead_organisation_id):
        return refused(ValueError(f"{args.as_user} may not rate {workstream.title}"))
    period = programme.periods.filter(label=args.period).first()
    if period is None:
        return refused(ValueError(f"{programme.slug} has no reporting period {args.period!r}"))
    try:
        services.assessment_record(
            actor=actor_for(args.as_user, _cli()), workstream=workstream, period=period, rating=args.rating,
            rationale=args.rationale or "", narrative=args.narrative or "", departure_reason=args.departure_reason or "",
        )  # fmt: skip
    except (ValidationError, Conflict) as error:
        return refused(error)
    print(f"{workstream.title}, {period.label}: {args.rating}, recorded by {user.display_name}.")
    return 0


def register(sub) -> None:
    rate = sub.add_parser("rate", help="record a workstream's rating for a reporting period, as a named person")
    rate.add_argument("--programme", required=True, metavar="SLUG")
    rate.add_argument("--workstream", required=True, metavar="KEY")
    rate.add_argument("--period", required=True, metavar="LABEL", help="e.g. 2024/25")
    rate.add_argument("--rating", required=True, help="e.g. green, amber, red")
    rate.add_argument("--rationale", default="", help="required for amber and red")
    rate.add_argument("--narrative", default="")
    rate.add_argument("--departure-reason", default="", help="why, when it differs from the suggested rating")
    rate.add_argument("--as", dest="as_user", required=True, metavar="USERNAME", help="who is recording it")
    rate.set_defaults(func=cmd_rate)

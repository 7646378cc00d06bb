"""Commands for benefits: summary against the target, the Monte Carlo simulation, and GDP deflator series."""

from __future__ import annotations

import json
from pathlib import Path

from bluelight.cli.base import actor_for, programme_named, refused, setup


def _benefitsprogramme_named(slug: str):
    from bluelight.benefits.lines import NotConfigured, settings_of

    programme = programme_named(slug)
    try:
        settings_of(programme)
    except NotConfigured as error:
        raise SystemExit(f"bluelight: {error}") from None
    return programme


def _pounds(value) -> str:
    return f"£{value:,.0f}"


def cmd_benefits_summary(args) -> int:
    setup()
    from bluelight.benefits.selectors import summary
    from bluelight.benefits.summary import CASES
    from bluelight.benefits.valuation.profile import TOTALS

    data = summary(_benefitsprogramme_named(args.programme)).as_dict()
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    print(f"{data['programme']}: benefits in {data['price_base']} prices, against a target of "
          f"{_pounds(data['target'])}")  # fmt: skip
    for name, found in data["totals"].items():
        basis = "  (the rating's basis)" if name == data["target_basis"] else ""
        print(f"  {TOTALS[CASES[name]]:<14} {_pounds(found['total']):>14}  {found['ratio'] * 100:.1f}%  {found['rag']}{basis}")
    before = data["years_before_appraisal_year"]
    print(f"  present value {_pounds(data['present_value'])}: year 0 is {data['appraisal_year']}, the appraisal year; "
          f"{_pounds(before['amount'])} in years before it {'compounded' if before['rule'] == 'compound' else 'left out'}")
    print(f"  realised to date (signed-off actuals): {_pounds(data['realised_to_date'])}")
    for heading, key in (("By section", "by_section"), ("By organisation that gains", "by_organisation_gaining"),
                         ("By kind of value", "by_kind_of_value")):  # fmt: skip
        print(f"  {heading}:")
        for name, amount in data[key].items():
            print(f"    {name:<48} {_pounds(amount):>14}")
    print(f"  economic value (transfers of {_pounds(data['transfers'])} left out): {_pounds(data['economic_value'])}")
    return 0


def cmd_benefits_simulate(args) -> int:
    setup()
    from bluelight.benefits.lines import settings_of
    from bluelight.benefits.selectors import simulation
    from bluelight.benefits.valuation import chances

    programme = _benefitsprogramme_named(args.programme)
    result = simulation(programme, draws=args.draws, seed=args.seed, distribution=args.distribution)
    target = float(settings_of(programme).target)
    chance = chances.state(result.reaching(target), result.draws, target=target, lowest=result.lowest,
                           highest=result.highest)  # fmt: skip
    data = {
        "programme": programme.slug, "draws": result.draws, "seed": result.seed, "distribution": result.distribution,
        "p10": round(result.p10, 2), "p50": round(result.p50, 2), "p90": round(result.p90, 2),
        "mean": round(result.mean, 2), "target": target, "draws_reaching_target": chance.reaching,
        "probability_of_meeting_target": chance.share, "chance": chance.words, "chance_figure": chance.figure,
        "lowest_possible": round(result.lowest, 2), "highest_possible": round(result.highest, 2),
    }  # fmt: skip
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        print(f"{programme.slug}: {result.draws:,} draws ({result.distribution}, seed {result.seed})")
        print(f"  P10 {_pounds(result.p10)}, P50 {_pounds(result.p50)}, P90 {_pounds(result.p90)}")
        if chance.certain:
            print(f"  a {chance.words} chance of reaching the {_pounds(target)} target ({chance.figure})")
        else:
            print(f"  a {chance.words} chance of reaching the {_pounds(target)} target ({chance.detail})")
    return 0


def cmd_deflators_load(args) -> int:
    setup()
    from django.core.exceptions import ValidationError

    from bluelight.benefits import services
    from bluelight.benefits.deflator_files import read_published
    from bluelight.benefits.valuation.hmt_deflators import SeriesRefused
    from bluelight.core.models import HistoryEntry
    from bluelight.core.years import label

    path = Path(args.path)
    try:
        published = read_published(path)
    except SeriesRefused as error:
        return refused(error)
    name = args.name or published.title
    release = args.release or published.release
    if not name:
        return refused(ValueError("the file does not carry the series' name: give it with --name."))
    if not release:
        return refused(ValueError("the file does not carry the release and its date: give it with --release."))
    actor = actor_for(args.as_user, HistoryEntry.Channel.COMMAND_LINE)
    try:
        loaded, new = services.deflator_release_load(
            actor=actor, name=name, release=release, source=path.name, index=published.index,
            reference_year=published.reference_year,
        )  # fmt: skip
        if args.programme:
            services.deflators_choose(actor=actor, programme=programme_named(args.programme), release=loaded)
    except ValidationError as error:
        return refused(error)
    years = sorted(published.index)
    print(f"{'Loaded' if new else 'Already loaded'}: {loaded} ({label(years[0])} to {label(years[-1])}, "
          f"{len(years)} years, from {path.name})")  # fmt: skip
    if args.programme:
        print(f"{args.programme} now values its benefits with {loaded}.")
    return 0


def cmd_deflators_list(args) -> int:
    setup()
    from bluelight.benefits.models import DeflatorRelease
    from bluelight.core.years import label

    for release in DeflatorRelease.objects.prefetch_related("years", "programmes__programme"):
        years = [row.year for row in release.years.all()]
        used = ", ".join(s.programme.slug for s in release.programmes.all()) or "no programme"
        print(f"{release.name} | {release.release} | {label(min(years))} to {label(max(years))} | "
              f"from {release.source} | used by {used}")  # fmt: skip
    return 0


def cmd_deflators_use(args) -> int:
    setup()
    from django.core.exceptions import ValidationError

    from bluelight.benefits import services
    from bluelight.benefits.models import DeflatorRelease
    from bluelight.core.models import HistoryEntry

    programme = programme_named(args.programme)
    release = None
    if not args.own and not (args.name and args.release):
        raise SystemExit("bluelight: give --name and --release of a loaded series, or --own")
    if not args.own:
        release = DeflatorRelease.objects.filter(name=args.name, release=args.release).first()
        if release is None:
            raise SystemExit(f"bluelight: no series {args.name!r} with the release {args.release!r} is loaded "
                             "(see `bluelight benefits deflators list`)")  # fmt: skip
    try:
        services.deflators_choose(
            actor=actor_for(args.as_user, HistoryEntry.Channel.COMMAND_LINE), programme=programme, release=release
        )
    except ValidationError as error:
        return refused(error)
    print(f"{programme.slug} now values its benefits with {release or 'its own series'}.")
    return 0


def register(sub) -> None:
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
    deflators = benefit_kinds.add_parser("deflators", help="GDP deflator series: load a published release, list, use")
    deflator_actions = deflators.add_subparsers(dest="action", metavar="ACTION", required=True)
    load = deflator_actions.add_parser(
        "load", help="load a series in HM Treasury's layout (XLSX, ODS or CSV of 'GDP deflators at market prices')"
    )
    load.add_argument("path", help="the spreadsheet or CSV as published")
    load.add_argument("--name", help="the series' name (default: the title the file carries)")
    load.add_argument("--release", help="the release and its date (default: what the file carries)")
    load.add_argument("--programme", metavar="SLUG", help="and value this programme's benefits with it")
    load.add_argument("--as", dest="as_user", metavar="USERNAME", help="record the change as this person")
    load.set_defaults(func=cmd_deflators_load)
    deflator_actions.add_parser("list", help="the loaded releases and the programmes using each").set_defaults(
        func=cmd_deflators_list
    )
    use = deflator_actions.add_parser("use", help="choose the series a programme values its benefits with")
    use.add_argument("--programme", required=True, metavar="SLUG")
    use.add_argument("--name")
    use.add_argument("--release")
    use.add_argument("--own", action="store_true", help="go back to the series the programme entered itself")
    use.add_argument("--as", dest="as_user", metavar="USERNAME", help="record the change as this person")
    use.set_defaults(func=cmd_deflators_use)

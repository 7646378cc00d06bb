"""Commands for benefits: summary against the target, and the Monte Carlo simulation."""

from __future__ import annotations

import json

from bluelight.cli.base import programme_named, setup


def _benefitsprogramme_named(slug: str):
    from bluelight.benefits.selectors import NotConfigured, settings_of

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

    data = summary(_benefitsprogramme_named(args.programme)).as_dict()
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
    setup()
    from bluelight.benefits.selectors import settings_of, simulation

    programme = _benefitsprogramme_named(args.programme)
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

"""The ESCP's benefits, from seeds 000, 002 and 004.

Published: the £15.4m minimum target and the £14.266m of profiled 10-year benefits (seed 004); the
tri-service rural prevention officers' expected cost avoidance of £30,965 to £68,540 a year for
Essex Police and ECFRS together (seed 004). How the £14.266m splits between projects and years, the
central value of the tri-service range, and every other low/high is illustrative: the seeds give
no such detail. Prices are 2015/16 (the year of the Home Office unit costs), so no uprating applies.
"""

from decimal import Decimal as D

TARGET = D("15400000")
PRICE_BASE_YEAR = 2015  # 2015/16
APPRAISAL_YEAR = 2017  # 2017/18: the programme's first year, when its business case was appraised

HO_SOURCE = "Home Office, The economic and social costs of crime, second edition (2018), 2015/16 prices"
UNIT_COSTS = [
    # name, category, unit, value, price year, source
    ("Rape", "crime", "per offence", D("39360"), 2015, HO_SOURCE),
    ("Violence with injury", "crime", "per offence", D("14050"), 2015, HO_SOURCE),
    ("Robbery", "crime", "per offence", D("11320"), 2015, HO_SOURCE),
    ("Theft of a vehicle", "crime", "per offence", D("10290"), 2015, HO_SOURCE),
    ("Arson", "crime", "per offence", D("8420"), 2015, HO_SOURCE),
    ("Other criminal damage", "crime", "per offence", D("1350"), 2015, HO_SOURCE),
]

ALL_YEARS = range(2017, 2027)  # 2017/18 to 2026/27


def _flat(years, central, low_share=D("0.8"), high_share=D("1.15")):
    return [(y, central * low_share, central, central * high_share) for y in years]


# workstream key, benefit key, title, kind, grade, gains {org: share}, payers, years[(y, low, central, high)],
# extra fields. Central totals: 199,010 + 1,500,000 + 1,200,000 + 3,000,000 + 3,000,000 + 750,000
# + 2,000,000 + 505,200 + 600,000 + 1,511,790 = 14,266,000.
BENEFITS = [
    {
        "workstream": "tri-service-officers", "key": "tri-service-cost-avoidance",
        "title": "Cost avoidance from the tri-service officer expansion", "kind": "cost_avoidance", "grade": 3,
        "gains": {"EP": D("0.5"), "ECFRS": D("0.5")}, "payers": ["ECFRS", "EP"],
        # Seed 004: £30,965 to £68,540 a year; central is the mid-point (illustrative), 4 years from 2023/24.
        "years": [(y, D("30965"), D("49752.50"), D("68540")) for y in range(2023, 2027)],
        "measure": "Police and fire demand avoided in Uttlesford and the Dengie", "status": "validated",
        "illustrative": False,
        "evidence": "Annual collaboration report to the PFCC's Performance and Resources Scrutiny Board (2023): the "
        "expansion 'can deliver cost-avoidance benefits of between £30,965 and £68,540 per annum for Essex Police "
        "and ECFRS'. The central value (the mid-point) and the four years from 2023/24 are Bluelight's assumptions.",
    },
    {
        "workstream": "collapsed-behind-closed-doors", "key": "cbcd-police-time",
        "title": "Police time released from gaining entry for ambulance crews", "kind": "non_cashable", "grade": 2,
        "gains": {"EP": D("1")}, "payers": ["ECFRS"], "years": _flat(ALL_YEARS, D("150000")), "status": "signed_off",
    },
    {
        "workstream": "joint-education-team", "key": "jet-shared-delivery",
        "title": "One education team delivering fire and crime safety", "kind": "cashable", "grade": 2,
        "gains": {"EP": D("0.4"), "ECFRS": D("0.6")}, "payers": ["ECFRS", "EP"],
        "years": _flat(ALL_YEARS, D("120000")), "status": "signed_off",
    },
    {
        "workstream": "hoffmanns-way", "key": "hoffmanns-way-receipt",
        "title": "Capital receipt from Hoffmanns Way", "kind": "income", "grade": 1,
        "gains": {"PFCC": D("1")}, "payers": [], "years": [(2018, D("2700000"), D("3000000"), D("3100000"))],
        "status": "signed_off", "transfer": True,  # Realised once its actual is signed off, below
        # Realised: the receipt is a signed-off actual, so it is no longer simulated across its range.
        "actuals": [(2018, D("3000000"), "Illustrative: the receipt as profiled; the annual collaboration report names "
                     "the Hoffmanns Way capital receipt but not its amount.")],
    },
    {
        "workstream": "joint-fleet-workshop", "key": "fleet-workshop-savings",
        "title": "Running costs saved by one fleet workshop", "kind": "cashable", "grade": 3,
        "gains": {"EP": D("0.5"), "ECFRS": D("0.5")}, "payers": ["PFCC"],
        "years": _flat(range(2021, 2027), D("500000"), D("0.6"), D("1.2")), "status": "profiled",
    },
    {
        "workstream": "dovercourt-colocation", "key": "dovercourt-estate",
        "title": "Estate costs saved by sharing the Dovercourt site", "kind": "cashable", "grade": 2,
        "gains": {"EP": D("0.7"), "ECFRS": D("0.3")}, "payers": ["PFCC"],
        "years": _flat(range(2022, 2027), D("150000")), "status": "validated",
    },
    {
        "workstream": "joint-procurement", "key": "joint-procurement-savings",
        "title": "Savings from buying together", "kind": "cashable", "grade": 4,
        "gains": {"EP": D("0.5"), "ECFRS": D("0.5")}, "payers": [],
        "years": _flat(ALL_YEARS, D("200000"), D("0.5"), D("1.3")), "status": "profiled",
    },
    {
        "workstream": "arson-prevention", "key": "deliberate-fires-avoided",
        "title": "Deliberate fires avoided", "kind": "social", "grade": 3, "method": "volume", "unit_cost": "Arson",
        "deadweight": D("0.25"), "attribution": D("0.5"),
        "adjustments_justification": "Illustrative: a quarter of the fall would have happened anyway; half is due "
        "to the joint programme rather than other prevention work.",
        # 20 fires a year x £8,420 x (1 - 25%) x 50% x (1 - 20% optimism bias, grade 3) = £50,520 a year.
        "gains": {"ECFRS": D("0.6"), "EP": D("0.4")}, "payers": ["ECFRS", "EP"],
        "years": [(y, D("10"), D("20"), D("30")) for y in ALL_YEARS], "status": "validated",
        "measure": "Deliberate fires a year, against the 2016/17 baseline",
    },
    {
        "workstream": "rj-firebreaks", "key": "rj-reoffending",
        "title": "Reduced reoffending after RJ Firebreak courses", "kind": "social", "grade": 4,
        "gains": {"EP": D("0.8"), "ECFRS": D("0.2")}, "payers": ["ECFRS", "PFCC"],
        "years": _flat(ALL_YEARS, D("60000"), D("0.5"), D("1.4")), "status": "profiled",
    },
    {
        "workstream": "joint-facilities", "key": "joint-facilities-capacity",
        "title": "Capacity released by shared stations and classrooms", "kind": "non_cashable", "grade": 3,
        "gains": {"EP": D("0.4"), "ECFRS": D("0.3"), "EEAST": D("0.3")}, "payers": ["ECFRS"],
        "years": _flat(ALL_YEARS, D("151179")), "status": "validated",
    },
]  # fmt: skip

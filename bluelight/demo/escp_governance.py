"""The Strategic Governance Board of the Essex programme and a year of its bi-monthly meetings.

Seeds 000 and 004 say the board exists, is chaired by the PFCC, meets bi-monthly and considers
risks, business cases, annual benefit reviews and closure reports. They give no meeting dates,
agendas or minutes: everything below (dates, wording, scores, actions) is illustrative and marked so.
The expansion of the tri-service officers and its avoided cost of £30,965 to £68,540 a year for the
police and fire service together are from seed 000.
"""

BOARD = {
    "name": "Strategic Governance Board",
    "key": "escp-sgb",
    "chair": "Police, Fire and Crime Commissioner",
    "cadence": "bimonthly",
    "purpose": (
        "Oversees the Emergency Services Collaboration Programme: considers programme risks, reviews business "
        "cases, annual benefit reviews and project closure reports, and tracks finances and benefits on the "
        "programme dashboard."
    ),
    "terms_of_reference": (
        "Illustrative: chaired by the PFCC and attended by the chief officers of Essex Police and Essex County "
        "Fire and Rescue Service, with the East of England Ambulance Service invited. Meets every two months. "
        "Decides on business cases and closure reports; refers matters to the Performance and Resources "
        "Scrutiny Board through the annual collaboration report."
    ),
}
MEMBERS = [
    # name, role, organisation, demo username or None
    ("Police, Fire and Crime Commissioner", "Chair", "PFCC", None),
    ("Jo Member", "Chief Executive, PFCC's office", "PFCC", "board.member"),
    ("Chief Constable", "Chief Constable", "EP", None),
    ("Chief Fire Officer", "Chief Fire Officer", "ECFRS", None),
    ("Director of Strategy", "Director of Strategy", "EEAST", None),
]
SECOND_BOARD = {
    "name": "Strategic Change and Coordination Board",
    "key": "escp-sccb",
    "chair": "Rotates between the services",
    "cadence": "monthly",
    "purpose": "Reviews each collaboration project's progress before it goes to the Strategic Governance Board.",
}

EXPANSION = {
    "key": "tri-service-expansion",
    "title": "Tri-Service Officer expansion",
    "section": 1,
    "lead": "ECFRS",
    "partners": ["EP", "PFCC"],
    "business_lead": "Tri-service project lead",
    "stage": "business_case",
    "description": (
        "Expanding the tri-service rural officer scheme, expected to avoid between £30,965 and £68,540 a year "
        "for the police and fire service together (ESCP press release on £20 million saved)."
    ),
}

DOCUMENTS = [
    {
        "ref": "fbc", "kind": "business_case", "workstream": "tri-service-expansion", "case_stage": "fbc",
        "title": "Tri-Service Officer expansion: full business case", "author": "Tri-service project lead",
        "summary": "Proposes more tri-service officers for rural Essex.",
        "strategic_case": "Rural communities wait longest for all three services; one officer can prevent harm for all three.",
        "economic_case": "Expected to avoid £30,965 to £68,540 a year for the police and fire service together (ESCP press release on £20 million saved).",
        "commercial_case": "Officers employed by ECFRS under the existing tri-service arrangements.",
        "financial_case": "Illustrative: funded jointly by Essex Police and ECFRS from the collaboration budget.",
        "management_case": "Managed by the tri-service project lead, reporting to the Strategic Governance Board.",
    },
    {
        "ref": "review", "kind": "benefit_review", "workstream": None,
        "title": "Annual benefit review 2023/24", "author": "Programme office",
        "summary": "Profiled 10-year benefits of £14.266m against the £15.4m minimum target (the annual collaboration report to the PFCC's Performance and Resources Scrutiny Board, 2023).",
    },
    {
        "ref": "s22a", "kind": "agreement", "workstream": "joint-fleet-workshop", "agreement_type": "s22a",
        "title": "Joint Fleet Workshop section 22A collaboration agreement", "parties": ["EP", "ECFRS", "PFCC"],
        "signed_on": "2024-09-19", "review_on": "2026-09-30",
    },
]  # fmt: skip

RISKS = [
    {
        "ref": "benefits", "workstream": None, "title": "Benefits fall short of the programme target",
        "cause": "Projects profiled to date deliver £14.266m over the 10-year programme",
        "event": "the programme does not reach its minimum benefits target of £15.4m",
        "effect": "less money released for frontline services and loss of confidence in collaboration",
        "owner": "Head of the programme office", "scores": (4, 4, 3, 4), "proximity": "12m",
        "mitigation": "Scope new collaboration projects; review every benefit profile annually.",
        "reviews": [("2024-09-19", (4, 4, 4, 4))],
    },
    {
        "ref": "vetting", "workstream": "dovercourt-colocation", "title": "Vetting fire staff to police standards delays co-location",
        "cause": "Fire staff sharing a police building must be vetted to police security standards",
        "event": "vetting is not complete before the move", "effect": "the co-location opens late or part-empty",
        "owner": "Estates lead", "scores": (4, 4, 4, 4), "proximity": "6m",
        "mitigation": "Start vetting early; separate networks for each service.",
        # Vetting arrangements are need-to-know: shows how an OFFICIAL-SENSITIVE record is kept from others.
        "marking": "OFFICIAL-SENSITIVE",
        "reviews": [("2024-11-21", (4, 4, 3, 4)), ("2025-01-16", (4, 4, 2, 4))],
    },
    {
        "ref": "control", "workstream": "shared-control", "title": "Control room systems cannot be integrated",
        "cause": "Police and fire command and control systems are on different contracts",
        "event": "a shared control facility cannot run both services' systems", "effect": "the project stalls",
        "owner": "Programme office", "scores": (4, 5, 3, 5), "proximity": "later",
        "mitigation": "Align contract end dates before committing to a shared facility.",
        "reviews": [],
    },
    {
        "ref": "fleet", "workstream": "joint-fleet-workshop", "title": "Vehicle downtime rises during the move to one workshop",
        "cause": "Both fleets move to Boreham at once", "event": "servicing backlogs build",
        "effect": "fewer vehicles available for response", "owner": "Fleet services lead",
        "scores": (3, 3, 2, 3), "proximity": "3m", "mitigation": "Phase the move; keep spare vehicles.",
        "reviews": [],
    },
]  # fmt: skip

# date, location, agenda [(title, kind, purpose, presenter, link)], decisions {item number: (outcome, summary, conditions)}
MEETINGS = [
    ("2024-05-16", "Kelvedon Park", [
        ("Programme dashboard and risk register", "other", "discussion", "Programme office", None),
        ("Tri-Service Officer expansion", "workstream", "information", "Tri-service project lead", "tri-service-expansion"),
    ], {}),
    ("2024-07-18", "Kelvedon Park", [
        ("Programme dashboard", "other", "discussion", "Programme office", None),
        ("Tri-Service Officer expansion: full business case", "business_case", "decision", "Tri-service project lead", "fbc"),
    ], {2: ("approved", "The board approved the full business case for the expansion.", "")}),
    ("2024-09-19", "Kelvedon Park", [
        ("Annual benefit review 2023/24", "benefit_review", "decision", "Programme office", "review"),
        ("Risk: benefits fall short of the programme target", "risk", "discussion", "Programme office", "benefits"),
    ], {1: ("noted", "The board noted the review: benefits profiled are below the minimum target.", "")}),
    ("2024-11-21", "Essex Police HQ, Chelmsford", [
        ("Programme dashboard", "other", "discussion", "Programme office", None),
        ("Harwich and Dovercourt co-location", "workstream", "discussion", "Estates lead", "dovercourt-colocation"),
    ], {}),
    ("2025-01-16", "Kelvedon Park", [
        ("Programme dashboard", "other", "discussion", "Programme office", None),
        ("Shared control facility", "workstream", "discussion", "Programme office", "shared-control"),
    ], {}),
    ("2025-03-20", "Kelvedon Park", [
        ("Programme dashboard and risk register", "other", "discussion", "Programme office", None),
        ("Benefits: new projects to close the gap to target", "other", "decision", "Programme office", None),
    ], {2: ("deferred", "The board asked for costed options before deciding.", "")}),
]  # fmt: skip

# meeting index, description, owner, organisation, due, status, completed
ACTIONS = [
    (0, "Bring the full business case for the tri-service expansion", "Tri-service project lead", "ECFRS",
     "2024-07-18", "done", "2024-07-10"),
    (2, "Scope new collaboration projects to close the gap to the benefits target", "Head of the programme office",
     "PFCC", "2024-11-21", "in_progress", None),
    (3, "Report vetting progress for Dovercourt fire staff", "Estates lead", "PFCC", "2025-01-16", "done",
     "2025-01-10"),
    (4, "Align police and fire control system contract end dates", "Programme office", "PFCC", "2025-03-20",
     "open", None),
    (5, "Cost the options for new projects", "Head of the programme office", "PFCC", "2025-05-15", "open", None),
]  # fmt: skip

MILESTONES = [
    # workstream, title, due, forecast, achieved
    ("tri-service-expansion", "Recruit the additional officers", "2025-01-31", "2025-03-31", None),
    ("tri-service-expansion", "Full business case approved", "2024-07-31", None, "2024-07-18"),
    ("joint-fleet-workshop", "Both fleets serviced at Boreham", "2024-12-31", None, "2024-12-02"),
    ("dovercourt-colocation", "Fire staff vetted to police standards", "2024-12-31", "2025-02-28", "2025-02-14"),
]

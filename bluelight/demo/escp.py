"""The Essex Emergency Services Collaboration Programme, from seeds 000, 002 and 004.

The projects are those the seeds name. The seeds give the programme's Amber rating (the annual collaboration report to the PFCC's Performance and Resources Scrutiny Board, 2023)
but no project-level ratings or dates beyond those quoted: every project rating here is
illustrative and marked so.
"""

PROGRAMME = {
    "name": "Essex Emergency Services Collaboration Programme",
    "slug": "essex-escp",
    "public_page": True,
    "description": (
        "The 10-year programme, begun in 2017, through which Essex Police, Essex County Fire and Rescue "
        "Service, the East of England Ambulance Service and the Police, Fire and Crime Commissioner meet the "
        "statutory duty to collaborate. Governed by a bi-monthly Strategic Governance Board chaired by the PFCC."
    ),
    "cycle_start_year": 2017,
    "cycle_end_year": 2026,
    "rag_scale": "three_point",
    "illustrative_note": (
        "The programme's Amber rating for 2023/24 is as published (the annual collaboration report to the PFCC's Performance and Resources Scrutiny Board, 2023). Project ratings, the reporting "
        "periods' dates and the business leads are illustrative."
    ),
}
PARTNERS = ["EP", "ECFRS", "EEAST", "PFCC"]

SECTIONS = ["Prevention and community safety", "Response", "Estates and fleet", "Enabling services"]

PLAN = "Police and Crime Plan 2021-24"
PRIORITIES = [
    "Further investment in crime prevention",
    "Protecting vulnerable people and breaking the cycle of domestic abuse",
    "Reducing violence against women and girls",
    "Protecting rural and isolated areas",
    "Increasing collaboration",
]

PERIODS = [
    ("2023/24", "2023-04-01", "2024-03-31", "2024-03-15", True),
    ("2024/25", "2024-04-01", "2025-03-31", "2025-03-14", False),
]
OVERALL = {
    "2023/24": ("amber", "Profiled 10-year benefits of £14.266m fall short of the £15.4m minimum target."),
    "2024/25": ("amber", "Benefits profiled remain below the minimum target; new projects are being scoped."),
}

_ILL = ("Illustrative figure: no rating has been published for this project; the rating is made up for the "
        "demonstration.")

WORKSTREAMS = [
    {
        "key": "tri-service-officers", "title": "Tri-Service Rural Prevention Officers", "section": 1, "lead": "ECFRS",
        "partners": ["EP", "EEAST"], "business_lead": "Tri-service project lead", "stage": "in_delivery",
        "description": "Joint officers in the Dengie peninsula and Uttlesford delivering community engagement, fire "
        "safety, crime prevention and health promotion. The expansion to two further officers was approved to test "
        "whether the first phase's benefits can be replicated.",
        "priorities": [1, 4, 5],
        "ratings": {"2023/24": ("green", "", _ILL), "2024/25": ("green", "", _ILL)},
    },
    {
        "key": "project-minerva", "title": "Project Minerva", "section": 1, "lead": "EP", "partners": ["PFCC", "NTU"],
        "business_lead": "Minerva project lead", "stage": "in_delivery",
        "description": "Pseudonymised crime data turned into maps of places over-represented for fear and violence "
        "towards women and girls, informing Community Safety Partnerships' non-policing interventions.",
        "priorities": [3, 5],
        "ratings": {"2023/24": ("green", "", _ILL), "2024/25": ("green", "", _ILL)},
    },
    {
        "key": "arson-prevention", "title": "Arson Prevention Programme", "section": 1, "lead": "ECFRS",
        "partners": ["EP"], "business_lead": "", "stage": "business_as_usual", "stage_changed_on": "2021-04-01",
        "stage_reason": "moved to business as usual in 2021",
        "description": "Joint working between ECFRS and Essex Police, with data sharing and outreach, to reduce "
        "deliberate fires.",
        "priorities": [1, 5], "ratings": {},
    },
    {
        "key": "joint-education-team", "title": "Joint Education Team", "section": 1, "lead": "ECFRS",
        "partners": ["EP"], "business_lead": "Education team manager", "stage": "business_as_usual",
        "description": "The fire education team, jointly funded, delivering fire and crime safety in schools to "
        "nearly 150,000 children a year.",
        "priorities": [1, 5],
        "ratings": {"2023/24": ("green", "", _ILL), "2024/25": ("green", "", _ILL)},
    },
    {
        "key": "rj-firebreaks", "title": "RJ Firebreaks", "section": 1, "lead": "ECFRS", "partners": ["EP", "PFCC"],
        "business_lead": "", "stage": "business_as_usual",
        "description": "Restorative justice Firebreak courses, running since November 2016, building empathy and "
        "reducing reoffending.",
        "priorities": [1],
        "ratings": {"2023/24": ("green", "", _ILL), "2024/25": ("green", "", _ILL)},
    },
    {
        "key": "collapsed-behind-closed-doors", "title": "Collapsed Behind Closed Doors", "section": 2,
        "lead": "ECFRS", "partners": ["EP", "EEAST"], "business_lead": "", "stage": "business_as_usual",
        "description": "Since May 2016 the fire service, not the police, gains entry for ambulance crews to reach "
        "patients behind closed doors: faster, with specialist equipment, and less police demand.",
        "priorities": [2, 5],
        "ratings": {"2023/24": ("green", "", _ILL), "2024/25": ("green", "", _ILL)},
    },
    {
        "key": "joint-facilities", "title": "Joint Facilities", "section": 3, "lead": "ECFRS",
        "partners": ["EP", "EEAST"], "business_lead": "Estates lead", "stage": "in_delivery",
        "description": "Ambulance crews deploying from fire stations (the hub and spoke model) and police officers "
        "using fire stations as operational bases on patrol.",
        "priorities": [5],
        "ratings": {"2023/24": ("green", "", _ILL), "2024/25": ("green", "", _ILL)},
    },
    {
        "key": "shared-estate-classrooms", "title": "Shared Estate Classrooms", "section": 3, "lead": "ECFRS",
        "partners": ["EP"], "business_lead": "", "stage": "business_as_usual",
        "description": "Co-located training facilities that make better use of shared estate.",
        "priorities": [5],
        "ratings": {"2023/24": ("green", "", _ILL), "2024/25": ("green", "", _ILL)},
    },
    {
        "key": "joint-fleet-workshop", "title": "Joint Fleet Workshop, Boreham", "section": 3, "lead": "PFCC",
        "partners": ["EP", "ECFRS"], "business_lead": "Fleet services lead", "stage": "in_delivery",
        "description": "Bringing both services' fleet maintenance together in single workshops at Boreham.",
        "priorities": [5],
        "ratings": {
            "2023/24": ("amber", "Illustrative: the build programme is behind its original plan.", _ILL),
            "2024/25": ("amber", "Illustrative: the build programme is behind its original plan.", _ILL),
        },
    },
    {
        "key": "dovercourt-colocation", "title": "Harwich and Dovercourt co-location", "section": 3, "lead": "PFCC",
        "partners": ["EP", "ECFRS"], "business_lead": "Estates lead", "stage": "in_delivery",
        "description": "A new-build police station on the fire station site at Dovercourt.",
        "priorities": [5],
        "ratings": {"2023/24": ("green", "", _ILL), "2024/25": ("green", "", _ILL)},
    },
    {
        "key": "hoffmanns-way", "title": "Hoffmanns Way capital receipt", "section": 3, "lead": "PFCC",
        "partners": ["ECFRS"], "business_lead": "", "stage": "closed", "stage_changed_on": "2023-03-31",
        "stage_reason": "the PFCC's office moved to Kelvedon Park and the site's sale completed (date illustrative)",
        "description": "The capital receipt from Hoffmanns Way when the PFCC moved to Kelvedon Park.",
        "priorities": [5], "illustrative": True, "ratings": {"2023/24": ("green", "", _ILL)},
    },
    {
        "key": "shared-control", "title": "Shared control facility", "section": 4, "lead": "PFCC",
        "partners": ["EP", "ECFRS"], "business_lead": "", "stage": "proposed",
        "description": "A shared control facility to add capacity, capability and resilience for both services.",
        "priorities": [5], "ratings": {},
    },
    {
        "key": "joint-procurement", "title": "Joint procurement", "section": 4, "lead": "PFCC",
        "partners": ["EP", "ECFRS"], "business_lead": "", "stage": "in_delivery",
        "description": "Buying together where both services need the same goods and services.",
        "priorities": [5],
        "ratings": {"2023/24": ("green", "", _ILL), "2024/25": ("amber", "Illustrative: fewer joint contracts "
                                                               "came up for renewal than planned.", _ILL)},
    },
    {
        "key": "housing-growth", "title": "Housing growth and infrastructure", "section": 4, "lead": "PFCC",
        "partners": ["EP", "ECFRS", "EEAST"], "business_lead": "", "stage": "proposed",
        "description": "A collaborative response to housing growth and large infrastructure such as the Lower Thames "
        "Crossing.",
        "priorities": [5], "ratings": {},
    },
]  # fmt: skip

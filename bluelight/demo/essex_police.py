"""Essex Police's collaboration portfolio, from seed 004 (the annual collaboration report, 2023).

The 2022 and 2023 ratings of the ten workstreams reported in 2023 are those of the report's
Table 1. The report does not give the 2022 ratings of the three workstreams no longer reported
(National ANPR Service, Single Online Home, Durham University): those are illustrative and marked so.
Narratives are summaries in our own words.
"""

PROGRAMME = {
    "name": "Essex Police collaboration portfolio",
    "slug": "essex-police-collaboration",
    "description": (
        "Essex Police's collaborations with Kent Police, the eastern region's forces, national "
        "programmes, local partners, and external and innovative partners, reported each year to "
        "the Police, Fire and Crime Commissioner's Performance and Resources Scrutiny Board."
    ),
    "cycle_start_year": 2021,
    "cycle_end_year": 2024,
    "rag_scale": "three_point",
    "illustrative_note": (
        "Ratings for 2022 and 2023 of the ten workstreams reported in 2023 are as published. The 2022 "
        "ratings of the National ANPR Service, Single Online Home and the Durham University work, and "
        "the dates they closed or paused, are illustrative."
    ),
}
PARTNERS = ["EP", "KP", "ECFRS", "PFCC", "HO", "ECC", "UOE", "BT", "EPUT"]

SECTIONS = [
    "Essex/Kent",
    "Regional",
    "National",
    "Local collaborations",
    "External and innovative partnerships",
]

PLAN = "Police and Crime Plan 2021-24"
PRIORITIES = [
    "Further investment in crime prevention",
    "Reducing drug driven violence",
    "Protecting vulnerable people and breaking the cycle of domestic abuse",
    "Reducing violence against women and girls",
    "Improving support for victims of crime",
    "Protecting rural and isolated areas",
    "Preventing dog theft",
    "Improving safety on our roads",
    "Preventing business crime, fraud and cyber crime",
    "Encouraging volunteers and community support",
    "Supporting our officers and staff",
    "Increasing collaboration",
]

PERIODS = [
    # label, starts, ends, assessed on, published
    ("2022", "2022-01-01", "2022-12-31", "2022-10-31", True),
    ("2023", "2023-01-01", "2023-12-31", "2023-10-31", False),
]
OVERALL = {"2022": ("green", ""), "2023": ("green", "")}

# key, title, section (1-based), lead, partners, business lead, stage, (stage date, reason),
# priorities, {period: (rating, rationale, narrative, illustrative)}
WORKSTREAMS = [
    {
        "key": "joint-scd", "title": "Joint Serious Crime Directorate", "section": 1, "lead": "EP",
        "partners": ["KP"], "business_lead": "ACC Andrew Pritchard", "stage": "business_as_usual",
        "description": "A single serious crime directorate for Essex and Kent: major crime, covert support, "
        "forensics, modern slavery and organised immigration crime.",
        "priorities": [2, 3, 9, 12],
        "ratings": {
            "2022": ("green", "", "The joint directorate continued to let both forces share specialist capability."),
            "2023": ("green", "",
                     "Sharing the directorate lets specialist staff flex between the two counties to meet fast-moving "
                     "investigations. A joint forensic submissions unit now supports accreditation and digital "
                     "forensic demand, covert support is available around the clock, and the uplift in modern "
                     "slavery, organised immigration crime and major crime capacity is complete."),
        },
    },
    {
        "key": "joint-ssd", "title": "Joint Support Services Directorate", "section": 1, "lead": "EP",
        "partners": ["KP"], "business_lead": "Claire Medhurst", "stage": "business_as_usual",
        "description": "Business services, finance, estates, IT, transport, commercial services and pensions "
        "guidance shared by Essex and Kent.",
        "priorities": [11, 12],
        "ratings": {
            "2022": ("green", "", "Shared support services kept delivering savings and efficiencies for both forces."),
            "2023": ("green", "",
                     "The shared model continues to deliver value for money despite recruitment and retention "
                     "pressure. IT availability was good apart from a run of unrelated incidents in September; the "
                     "data centre migration has finished and a new command and control system will follow."),
        },
    },
    {
        "key": "erin", "title": "Eastern Region Innovation Network (ERIN)", "section": 2, "lead": "EP",
        "partners": ["KP", "BEDS", "CAMBS", "HERTS", "NORF", "SUFF"], "business_lead": "Stacey Rothwell",
        "stage": "in_delivery",
        "description": "The seven eastern region forces' network for innovation and research, under a section 22A "
        "agreement since March 2023.",
        "priorities": [12],
        "ratings": {
            "2022": ("not_graded", "The network was being set up and had no plan to assess against.",
                     "The 7-Force Collaboration Programme closed and the network that replaces it was forming."),
            "2023": ("green", "",
                     "ERIN has written five blueprints for spreading innovation, held a launch event and think "
                     "tanks, secured £1.2 million of funding for the region and co-ordinated joint research bids."),
        },
    },
    {
        "key": "nledp", "title": "HO - Digital Policing Portfolio - NLEDP", "section": 3, "lead": "EP",
        "partners": ["KP", "HO"], "business_lead": "Catherine Halliday", "stage": "in_delivery",
        "description": "The National Law Enforcement Data Programme, replacing the Police National Computer.",
        "priorities": [8, 12],
        "ratings": {
            "2022": ("green", "", "The reset programme moved towards scaled delivery."),
            "2023": ("green", "",
                     "Property, vehicle and driver modules were released to both forces during 2023 with around "
                     "500 users in extended testing; Essex and Kent are pioneer forces for the core persons product."),
        },
    },
    {
        "key": "nas", "title": "Digital Policing Portfolio National ANPR Service (NAS)", "section": 3, "lead": "EP",
        "partners": ["HO"], "business_lead": "", "stage": "closed",
        "stage_changed_on": "2023-05-31", "stage_reason": "it was formally closed in May 2023",
        "description": "Moving the force onto the National ANPR Service.", "priorities": [8, 12], "illustrative": True,
        "ratings": {"2022": ("green", "", "Implementation of the national service was on track.")},
    },
    {
        "key": "soh", "title": "Digital Public Contact Single Online Home (SOH)", "section": 3, "lead": "EP",
        "partners": ["HO"], "business_lead": "", "stage": "closed",
        "stage_changed_on": "2023-06-30", "stage_reason": "it is no longer reported to the Strategic Change and Coordination Board",
        "description": "The national Single Online Home for public contact.", "priorities": [5, 12],
        "illustrative": True,
        "ratings": {"2022": ("green", "", "The force's Single Online Home was being delivered to plan.")},
    },
    {
        "key": "ecfrs", "title": "Essex County Fire & Rescue Service (ECFRS)", "section": 4, "lead": "EP",
        "partners": ["ECFRS", "PFCC", "EEAST"], "business_lead": "Ch Insp Michael Samuel", "stage": "in_delivery",
        "description": "The 10-year Essex Emergency Services Collaboration Programme with the fire and rescue service.",
        "priorities": [1, 6, 12],
        "ratings": {
            "2022": ("amber", "Profiled benefits were short of the minimum target in the business case.",
                     "The programme's profiled benefits remained below its minimum target."),
            "2023": ("amber",
                     "The profiled 10-year benefits of £14.266m fall slightly short of the minimum target of £15.4m "
                     "in the original business case.",
                     "Six years into the 10-year programme. Early tactical projects (joint education, collapsed "
                     "behind closed doors, crime prevention in safe and well visits) are reviewed every year; the "
                     "tri-service rural community prevention officer project is being expanded to Uttlesford and "
                     "the Dengie."),
        },
    },
    {
        "key": "community-safety-hubs", "title": "Local Crime Reduction Collaborations", "section": 4, "lead": "EP",
        "partners": ["ECC", "SAFER"], "business_lead": "", "stage": "in_delivery",
        "description": "Community Safety Hubs: co-located police, council, housing and health teams in each district.",
        "priorities": [1, 12],
        "ratings": {
            "2022": ("amber", "Two districts still had no co-located hub.", "Hubs were open in eight of ten districts."),
            "2023": ("amber",
                     "Thurrock and Harlow still have no co-located hub; Thurrock is on long-term hold while its "
                     "council is under a section 114 notice.",
                     "Hubs are running in eight of the ten districts. The Harlow hub is expected to open in "
                     "December 2023."),
        },
    },
    {
        "key": "mental-health", "title": "Mental Health", "section": 4, "lead": "EP",
        "partners": ["EPUT", "ECC", "EEAST"], "business_lead": "Det Supt Natalia Ross", "stage": "in_delivery",
        "description": "Multi-agency work on mental health, including Right Care, Right Person.",
        "priorities": [3, 5, 12],
        "ratings": {
            "2022": ("green", "", "Partnership boards and risk management arrangements were working well."),
            "2023": ("amber",
                     "Implementing Right Care, Right Person is challenging: cultural change inside and outside the "
                     "force needs close partnership work and investment before the benefits come.",
                     "A multi-agency strategic group and tactical group oversee Right Care, Right Person; a risk "
                     "management board and a homicide prevention plan work with health partners."),
        },
    },
    {
        "key": "ecda", "title": "Essex Centre for Data Analytics (ecda)", "section": 5, "lead": "EP",
        "partners": ["ECC", "UOE"], "business_lead": "Matt Robbins", "stage": "in_delivery",
        "description": "A joint venture of Essex Police, Essex County Council and the University of Essex in data "
        "science for public policy.",
        "priorities": [2, 3, 12],
        "ratings": {
            "2022": ("green", "", "The data ethics framework and ethics committee were established."),
            "2023": ("green", "",
                     "ecda ran a data masterclass for senior leaders, finalised the Essex Data Declaration and "
                     "reported on domestic abuse perpetrators; it is working on information sharing to tackle "
                     "violence and on risk of serious harm to children."),
        },
    },
    {
        "key": "bt-hothouse", "title": "BT Hothouse", "section": 5, "lead": "EP", "partners": ["BT"],
        "business_lead": "Jen Housego", "stage": "in_delivery",
        "description": "Cross-sector innovation series working through the force's hardest problems.",
        "priorities": [2, 4, 9, 12],
        "ratings": {
            "2022": ("green", "", "Series 2 of the Hothouse concluded."),
            "2023": ("green", "",
                     "Series 3 covers five themes chosen by chief officers and brought over 90 people together; "
                     "earlier series produced Analytics for Everyone and online-harm resources for schools."),
        },
    },
    {
        "key": "cyber-specials", "title": "Cyber Specials and Volunteers", "section": 5, "lead": "EP",
        "partners": [], "business_lead": "Sarah Wright", "stage": "business_as_usual",
        "description": "Volunteers with cyber skills supporting fraud, cyber crime and digital forensics teams.",
        "priorities": [9, 10],
        "ratings": {
            "2022": ("green", "", "18 cyber volunteers supported the force."),
            "2023": ("green", "",
                     "25 cyber volunteers, 7 more than last year; 8 work in the Prevent and Protect Fraud Team."),
        },
    },
    {
        "key": "durham-university", "title": "Durham University collaborative work", "section": 5, "lead": "EP",
        "partners": ["DUR"], "business_lead": "", "stage": "paused", "stage_changed_on": "2023-09-30",
        "stage_reason": "the next survey is several years away", "illustrative": True,
        "description": "Survey-based research with Durham University.", "priorities": [11, 12],
        "ratings": {"2022": ("green", "", "The survey work with Durham University was completed for the year.")},
    },
]  # fmt: skip

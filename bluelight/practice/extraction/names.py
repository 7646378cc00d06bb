"""Areas and organisations as the overview names them, and the abbreviations it uses.

The overview defines few of its abbreviations, and some stand for different services in different
places (HFRS is Hampshire's fire service in Hampshire and Humberside's in Humberside; CFRS is
Cornwall's, Cambridgeshire's or Cheshire's). So a name is resolved with the area it is written in.
"""

from __future__ import annotations

import re

POLICE, FIRE, AMBULANCE = "police", "fire", "ambulance"
COMMISSIONER, LOCAL_AUTHORITY, HEALTH, OTHER = "commissioner", "local_authority", "health", "other"
SERVICE_LABELS = {
    POLICE: "Police", FIRE: "Fire and rescue", AMBULANCE: "Ambulance", COMMISSIONER: "PCC / PFCC",
    LOCAL_AUTHORITY: "Local authority", HEALTH: "Health", OTHER: "Other",
}  # fmt: skip

# How the body writes an area, where the Service Information directory writes it another way.
AREA_ALIASES = {
    "Surrey/Sussex": "Surrey and Sussex",
    "North Wales": "Wales (North)",
    "South Wales": "Wales (South)",
    "Mid and West Wales": "Wales (Mid and West)",
    "South West Region": "South West",
}
# Areas the body names that the directory does not list (it lists police force areas).
EXTRA_AREAS = ["Surrey and Sussex", "South West", "England and Wales"]

# Abbreviation -> (full name, kind). (abbreviation, area) entries win over the plain ones.
ABBREVIATIONS: dict[str | tuple[str, str], tuple[str, str]] = {
    "AACE": ("Association of Ambulance Chief Executives", AMBULANCE),
    "CFOA": ("Chief Fire Officers Association", FIRE),
    "NPCC": ("National Police Chiefs' Council", POLICE),
    "LGA": ("Local Government Association", LOCAL_AUTHORITY),
    "PHE": ("Public Health England", HEALTH),
    "MPS": ("Metropolitan Police Service", POLICE),
    "LAS": ("London Ambulance Service", AMBULANCE),
    "LFB": ("London Fire Brigade", FIRE),
    "LFEPA": ("London Fire and Emergency Planning Authority", FIRE),
    "GLA": ("Greater London Authority", LOCAL_AUTHORITY),
    "NWAS": ("North West Ambulance Service", AMBULANCE),
    "GMP": ("Greater Manchester Police", POLICE),
    "GMFRS": ("Greater Manchester Fire and Rescue Service", FIRE),
    "MFRS": ("Merseyside Fire and Rescue Service", FIRE),
    "MFRA": ("Merseyside Fire and Rescue Authority", FIRE),
    "MWWFRS": ("Mid and West Wales Fire and Rescue Service", FIRE),
    "WAST": ("Welsh Ambulance Services NHS Trust", AMBULANCE),
    "WASR": ("Welsh Ambulance Services NHS Trust", AMBULANCE),
    "ECFRS": ("Essex County Fire and Rescue Service", FIRE),
    "EFRS": ("Essex County Fire and Rescue Service", FIRE),
    "EEAS": ("East of England Ambulance Service NHS Trust", AMBULANCE),
    "YAS": ("Yorkshire Ambulance Service", AMBULANCE),
    "EMAS": ("East Midlands Ambulance Service", AMBULANCE),
    "NEAS": ("North East Ambulance Service", AMBULANCE),
    "SYP": ("South Yorkshire Police", POLICE),
    "SYFR": ("South Yorkshire Fire and Rescue", FIRE),
    "SCAS": ("South Central Ambulance Service", AMBULANCE),
    "SWASFT": ("South Western Ambulance Service NHS Foundation Trust", AMBULANCE),
    "SWAAST": ("South Western Ambulance Service NHS Foundation Trust", AMBULANCE),
    "SWAS": ("South Western Ambulance Service NHS Foundation Trust", AMBULANCE),
    "SECAmb": ("South East Coast Ambulance Service", AMBULANCE),
    "SECamb": ("South East Coast Ambulance Service", AMBULANCE),
    "WMFRS": ("West Midlands Fire Service", FIRE),
    "WMP": ("West Mercia Police", POLICE),
    "CDDFRS": ("County Durham and Darlington Fire and Rescue Service", FIRE),
    "CDDFRAS": ("County Durham and Darlington Fire and Rescue Service", FIRE),
    "DSFRS": ("Devon and Somerset Fire and Rescue Service", FIRE),
    "DSFRA": ("Devon and Somerset Fire and Rescue Authority", FIRE),
    "CCCFRS": ("Cumbria County Council Fire and Rescue Service", FIRE),
    "CFRCS": ("Cornwall Fire, Rescue and Community Safety Service", FIRE),
    "NC": ("Norfolk Constabulary", POLICE),
    "NFRS": ("Norfolk Fire and Rescue Service", FIRE),
    "KFRS": ("Kent Fire and Rescue Service", FIRE),
    "KP": ("Kent Police", POLICE),
    "KCC": ("Kent County Council", LOCAL_AUTHORITY),
    "TWFRS": ("Tyne and Wear Fire and Rescue Service", FIRE),
    "NP": ("Northumbria Police", POLICE),
    "NWFRS": ("North Wales Fire and Rescue Service", FIRE),
    "NWP": ("North Wales Police", POLICE),
    "HFA": ("Humberside Fire Authority", FIRE),
    "SCC": ("Salford City Council", LOCAL_AUTHORITY),
    "TVP": ("Thames Valley Police", POLICE),
    "PCCO": ("Office of the Police and Crime Commissioner", COMMISSIONER),
    "OPCC": ("Office of the Police and Crime Commissioner", COMMISSIONER),
    "PCC": ("Police and Crime Commissioner", COMMISSIONER),
    "HFRS": ("Hampshire Fire and Rescue Service", FIRE),
    ("HFRS", "Humberside"): ("Humberside Fire and Rescue Service", FIRE),
    "DFRS": ("Derbyshire Fire and Rescue Service", FIRE),
    ("DFRS", "Dorset"): ("Dorset Fire and Rescue Service", FIRE),
    ("DFRS", "Devon and Cornwall"): ("Devon and Somerset Fire and Rescue Service", FIRE),
    "CFRS": ("Cornwall Fire and Rescue Service", FIRE),
    ("CFRS", "Cambridgeshire"): ("Cambridgeshire Fire and Rescue Service", FIRE),
    ("CFRS", "Cheshire"): ("Cheshire Fire and Rescue Service", FIRE),
    ("FRS", "Humberside"): ("Humberside Fire and Rescue Service", FIRE),
}

# Words in a written-out name that say which service it is, checked in this order.
KIND_WORDS = [
    (AMBULANCE, ("Ambulance",)),
    (FIRE, ("Fire", "FRS", "FRA", "Brigade")),
    (COMMISSIONER, ("PCC", "Commissioner")),
    (POLICE, ("Police", "Constabulary")),
    (HEALTH, ("NHS", "Health", "Clinical", "Public Health", "Medical")),
    (LOCAL_AUTHORITY, ("Council", "Local Authorit", "local authorit", "Borough", "district councils", "Housing")),
]


def kind_of(name: str) -> str:
    for kind, words in KIND_WORDS:
        if any(word in name for word in words):
            return kind
    return OTHER


def canonical_area(name: str) -> str:
    return AREA_ALIASES.get(name, name)


def resolve(abbreviation: str, area: str = "") -> tuple[str, str] | None:
    return ABBREVIATIONS.get((abbreviation, canonical_area(area))) or ABBREVIATIONS.get(abbreviation)


ABBREVIATION_WORD = re.compile(r"^[A-Z][A-Za-z]*[A-Z][A-Za-z]*$")


# Names whose own commas or "and" must not split them.
WHOLE_NAMES = [
    "Cornwall Fire, Rescue and Community Safety (CFRCS) service",
    "Fire, Police, Probation and Trading Standards",
]
# A name ends with one of these; an "and" after one starts the next name.
NAME_ENDS = re.compile(
    r"(Police|police|Constabulary|Service|Services|Trust|Trusts|FRS|FRA|FRAs|Authority|Council|Councils|Brigade|"
    r"Partnership|PCC|Agency|Group|teams|Teams|Departments|Board|\)|[A-Z]{2,}[a-z]*)$"
)


def _split(text: str) -> list[str]:
    protected = {}
    for index, whole in enumerate(WHOLE_NAMES):
        if whole in text:
            protected[f"§{index}§"] = whole
            text = text.replace(whole, f"§{index}§")
    parts = []
    for piece in re.split(r",\s*", text):
        current = ""
        for word_group in re.split(r"\s+and\s+", piece):
            if (
                current
                and NAME_ENDS.search(current)
                and (word_group[:1].isupper() or word_group.startswith(("the ", "§")))
            ):
                parts.append(current)
                current = word_group
            else:
                current = f"{current} and {word_group}" if current else word_group
        parts.append(current)
    return [protected.get(p.strip(), p.strip()) for p in parts]


def organisations(written: str, area: str = "") -> list[dict]:
    """The organisations in a line such as "Surrey Police, Surrey FRS and SECAmb".

    Names are split at commas, and at an "and" that follows the end of a name (Police, Service,
    an abbreviation...) and comes before a capital, so "Devon and Cornwall Police" and "Cheshire
    Fire and Rescue Service" stay whole. A known abbreviation is resolved; a name written out in
    full is kept as written.
    """
    text = re.sub(r"\s+", " ", written).strip().rstrip(".")
    found = []
    for part in _split(text) if text else []:
        part = re.sub(r"^(and|the|The)\s+", "", part).strip()
        if not part:
            continue
        defined = re.match(r"^(.*?)\s*\(([A-Za-z]+)\)$", part)  # "Kent Police (KP)"
        if defined and defined.group(1):
            name, abbreviation = defined.group(1), defined.group(2)
            found.append({"name": name, "abbreviation": abbreviation, "kind": kind_of(name), "written": part})
            continue
        known = resolve(part, area) if ABBREVIATION_WORD.match(part) else None
        if known:
            found.append({"name": known[0], "abbreviation": part, "kind": known[1], "written": part})
        else:
            found.append({"name": part, "abbreviation": "", "kind": kind_of(part), "written": part})
    return found

"""The organisations named in the seed documents, with the short codes the documents use."""

ORGANISATIONS = [
    # (short code, name, kind)
    ("EP", "Essex Police", "police"),
    ("KP", "Kent Police", "police"),
    ("BEDS", "Bedfordshire Police", "police"),
    ("CAMBS", "Cambridgeshire Constabulary", "police"),
    ("HERTS", "Hertfordshire Constabulary", "police"),
    ("NORF", "Norfolk Constabulary", "police"),
    ("SUFF", "Suffolk Constabulary", "police"),
    ("ECFRS", "Essex County Fire and Rescue Service", "fire"),
    ("EEAST", "East of England Ambulance Service NHS Trust", "ambulance"),
    ("PFCC", "Police, Fire and Crime Commissioner for Essex", "commissioner"),
    ("HO", "Home Office", "other"),
    ("ECC", "Essex County Council", "local_authority"),
    ("UOE", "University of Essex", "university"),
    ("DUR", "Durham University", "university"),
    ("NTU", "Nottingham Trent University", "university"),
    ("BT", "BT Group", "other"),
    ("EPUT", "Essex Partnership University NHS Foundation Trust", "health"),
    ("SAFER", "Safer Essex", "local_authority"),
]

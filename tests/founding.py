"""The founding case, once: the facts of United States v. Banuelos-Rodriguez, 215 F.3d 969,
972-73 (9th Cir. 2000) (en banc): §2L1.2 8 + 16, acceptance −3 = 21; category V; 70–87 months
under the Nov. 1, 1995 Manual. Factories, POST data and browser steps all start from these."""

import datetime

DEFENDANT = "Rogelio Banuelos-Rodriguez"

CASE_FIELDS = {
    "defendant": DEFENDANT,
    "docket_number": "CR 95-0123",
    "district": "cacd",
    "judge": "Hon. Jane Doe",
    "offense_date": datetime.date(1995, 8, 1),
    "sentencing_date": datetime.date(1996, 2, 1),
    "manual_edition": "1995-11-01",
    "acceptance": "3",
    "criminal_history_category": "V",
}

# (kind, guideline, description, levels)
OFFENSE_LINES = (
    ("base", "§2L1.2(a)", "Unlawfully entering or remaining in the United States", 8),
    ("specific", "§2L1.2(b)(2)", "Deported after a conviction for an aggravated felony", 16),
)

# (statute, statutory maximum in months)
COUNTS = (("8 U.S.C. § 1326(b)(2)", 240),)

# What the engine must make of them.
TOTAL_OFFENSE_LEVEL = 21
CATEGORY = "V"
RANGE = "70–87 months"

"""A second copy of the career offender tables, typed from the Commission's own text.

Source: §4B1.1 (Career Offender), subsections (b) and (c)(3) and its Commentary, as printed in
the Guidelines Manual, Nov. 1, 2016 (pp. 408-411) and the Guidelines Manual, Nov. 1, 2025
(pp. 373-376) -- the two tables read the same in both -- and the amendments to §4B1.1 in
Appendix C (Vol. I: Amendments 48, 266, 459, 506, 567; Vol. II: Amendment 642; Vol. III:
Amendment 758), for the dates.
"""

# §4B1.1(b)'s table (2016 Manual, p. 408; 2025 Manual, p. 373), by the offense statutory
# maximum in months (None = life), before any §3E1.1 reduction (the table's footnote):
#   (1) Life 37; (2) 25 years or more 34; (3) 20 years or more, but less than 25 years 32;
#   (4) 15 years or more, but less than 20 years 29; (5) 10 years or more, but less than
#   15 years 24; (6) 5 years or more, but less than 10 years 17; (7) More than 1 year, but
#   less than 5 years 12.
# A maximum of 12 months (1 year) or less is in no row, so it has no entry here.
LEVEL_BY_MAXIMUM_MONTHS: dict[int | None, int] = {
    13: 12,  # (7) more than 1 year
    18: 12,  # (7)
    36: 12,  # (7)
    59: 12,  # (7) less than 5 years
    60: 17,  # (6) 5 years or more
    84: 17,  # (6)
    119: 17,  # (6) less than 10 years
    120: 24,  # (5) 10 years or more
    150: 24,  # (5)
    179: 24,  # (5) less than 15 years
    180: 29,  # (4) 15 years or more
    210: 29,  # (4)
    239: 29,  # (4) less than 20 years
    240: 32,  # (3) 20 years or more
    270: 32,  # (3)
    299: 32,  # (3) less than 25 years
    300: 34,  # (2) 25 years or more
    301: 34,  # (2)
    360: 34,  # (2) e.g. 30 years, App. Note 2's enhanced § 841(b)(1)(C) maximum
    480: 34,  # (2) 40 years, App. Note 3(E)'s § 841(b)(1)(B) maximum
    960: 34,  # (2) 80 years: still "25 years or more", not life
    1200: 34,  # (2)
    None: 37,  # (1) Life
}

# §4B1.1(c)(3), "Career Offender Table for 18 U.S.C. § 924(c) or § 929(a) Offenders"
# (2016 Manual, p. 409; 2025 Manual, p. 374; as inserted by Amendment 642, Appendix C,
# Vol. II, p. 266), keyed by the §3E1.1 reduction in levels.
TABLE_C3: dict[int, tuple[int, int | None]] = {
    0: (360, None),  # "No reduction 360-life"
    2: (292, 365),  # "2-level reduction 292-365"
    3: (262, 327),  # "3-level reduction 262-327"
}

# Amendment 48 (Appendix C, Vol. I, pp. 18-19), effective January 15, 1988, deleted the
# original 1987 table (Life 37; 20 years or more 34; 10-<20 years 26; 5-<10 years 19;
# more than 1-<5 years 12; 1 year or less 4) and inserted the present rows (Life 37;
# 25+ 34; 20-<25 32; 15-<20 29; 10-<15 24; 5-<10 17; more than 1-<5 12), lettered (A)-(G).
# Amendment 758 (Nov. 1, 2011; Vol. III, p. 414) only renumbered them (1)-(7).
TABLE_B_FIRST_EFFECTIVE: str = "1988-01-15"

# Amendment 642 (Appendix C, Vol. II, pp. 265-266; effective date at p. 272), effective
# November 1, 2002, split §4B1.1 into (a) and (b) and added subsection (c).
SUBSECTION_C_FIRST_EFFECTIVE: str = "2002-11-01"

# Amendment 506 (Appendix C, Vol. I, pp. 417-418), effective November 1, 1994, made App.
# Note 2 read "not including any increase in that maximum term under a sentencing
# enhancement provision that applies because of the defendant's prior criminal record".
# Amendment 567 (Vol. I, pp. 527-528), effective November 1, 1997, responding to United
# States v. LaBonte, 520 U.S. 751, deleted the "not" (now "including any increase").
ENHANCED_MAXIMUM_EXCLUDED: tuple[str, str] = ("1994-11-01", "1997-11-01")

# (offense statutory maximum in months, offense level from the §4B1.1(b) table)
EXAMPLES: list[tuple[int | None, int]] = [
    # §4B1.1, Commentary, App. Note 3(E) (2016 Manual, p. 410; 2025 Manual, p. 375):
    # § 841(b)(1)(B) count, "40 year statutory maximum" -> "offense level 34 (because the
    # statutory maximum for the drug count is 40 years)"; the note then subtracts 3 for
    # acceptance and uses Category VI: 188-235 months.
    (480, 34),
    # App. Note 2's example (20 years raised to 30 years under § 841(b)(1)(C)) states only the
    # "Offense Statutory Maximum" (thirty years), not the resulting level, so it is not here.
]

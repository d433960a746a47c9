"""18 U.S.C. §§ 922(g), 924(c), 924(e) and 1028A: firearms and aggravated identity theft.

Sources: 18 U.S.C. § 924(a)(2) as in force in 2002 (laws in effect Jan. 24, 2002) and before the
Bipartisan Safer Communities Act, which moved § 922(g) to a new § 924(a)(8) at 15 years; Harris v.
United States, 536 U.S. 545, 554 (2002) (§ 924(c)(1)(A)'s tiers date from 1998 and set only
minimums); Abbott v. United States, 562 U.S. 8 (2010) (the § 924(c) term runs in addition to any
other); the Identity Theft Penalty Enhancement Act, Pub. L. 108-275, 118 Stat. 831 (July 15, 2004).
"""

from datetime import date

from .text import LIFE, Statute, Text, chain

ADAA_1988 = "Anti-Drug Abuse Act of 1988, Pub. L. 100-690 (Nov. 18, 1988)"
BSCA_2022 = "Bipartisan Safer Communities Act, Pub. L. 117-159, § 12004 (June 25, 2022)"
GUNS_1998 = "Pub. L. 105-386 (Nov. 13, 1998), amending 18 U.S.C. § 924(c)"
FIRST_STEP_2018 = "First Step Act of 2018, Pub. L. 115-391, § 403 (Dec. 21, 2018)"
ITPEA_2004 = "Identity Theft Penalty Enhancement Act, Pub. L. 108-275 (July 15, 2004)"
ACCA = "Armed Career Criminal Act, 18 U.S.C. § 924(e) (in force before Nov. 1, 1987)"

JUNE_25_2022 = date(2022, 6, 25)
DECEMBER_21_2018 = date(2018, 12, 21)
NOVEMBER_13_1998 = date(1998, 11, 13)

_START_UNCONFIRMED = (
    "The date this text began is not yet checked against the enacting Act; its terms are "
    "confirmed as in force in 1992 and 2002."
)
_NO_STATED_MAXIMUM = "The statute states only a minimum; no maximum below life is set."
_DAY_UNCONFIRMED = "The 1998 Act's day of enactment is not yet checked against its text."

FIREARMS: tuple[Statute, ...] = (
    # § 922(g) (prohibited person in possession): 10 years under § 924(a)(2); from June 25,
    # 2022, 15 years under § 924(a)(8) (BSCA § 12004; § 924(a)(2) no longer lists (g)).
    *chain(
        "18 U.S.C. § 922(g)",
        ("§2K2.1",),  # Appendix A (2025): § 922(a)–(p) and § 924(a) → §2K2.1
        Text(
            date(1988, 11, 18),
            ADAA_1988,
            "Possession of a firearm by a prohibited person (18 U.S.C. § 924(a)(2))",
            120,
            note=_START_UNCONFIRMED,
        ),
        Text(
            JUNE_25_2022,
            BSCA_2022,
            "Possession of a firearm by a prohibited person (18 U.S.C. § 924(a)(8))",
            180,
        ),
    ),
    # § 924(e)(1): a § 922(g) offender with three prior violent felonies or serious drug
    # offenses "shall be ... imprisoned not less than fifteen years".
    *chain(
        "18 U.S.C. § 922(g) (armed career criminal, § 924(e))",
        ("§2K2.1", "§4B1.4"),  # Appendix A (2025): "924(e) 2K2.1 (see also 4B1.4)"
        Text(
            None,
            ACCA,
            "Possession by a prohibited person with three prior violent felonies or serious "
            "drug offenses",
            LIFE,
            180,
            note=_NO_STATED_MAXIMUM,
        ),
    ),
    # § 924(c)(1)(A): in addition to the crime of violence or drug trafficking crime, not less
    # than 5 years; 7 if brandished; 10 if discharged (tiers since 1998, Harris at 554). The
    # table does not carry the pre-1998 flat 5-year text.
    *chain(
        "18 U.S.C. § 924(c)(1)(A)(i)",
        ("§2K2.4",),  # Appendix A (2025): "924(c) 2K2.4"
        Text(
            NOVEMBER_13_1998,
            GUNS_1998,
            "Using, carrying or possessing a firearm in relation to a crime of violence or drug "
            "trafficking crime",
            LIFE,
            60,
            note=f"{_NO_STATED_MAXIMUM} {_DAY_UNCONFIRMED}",
        ),
        consecutive=True,
    ),
    *chain(
        "18 U.S.C. § 924(c)(1)(A)(ii) (brandished)",
        ("§2K2.4",),
        Text(
            NOVEMBER_13_1998,
            GUNS_1998,
            "Firearm brandished in relation to a crime of violence or drug trafficking crime",
            LIFE,
            84,
            note=f"{_NO_STATED_MAXIMUM} {_DAY_UNCONFIRMED}",
        ),
        consecutive=True,
    ),
    *chain(
        "18 U.S.C. § 924(c)(1)(A)(iii) (discharged)",
        ("§2K2.4",),
        Text(
            NOVEMBER_13_1998,
            GUNS_1998,
            "Firearm discharged in relation to a crime of violence or drug trafficking crime",
            LIFE,
            120,
            note=f"{_NO_STATED_MAXIMUM} {_DAY_UNCONFIRMED}",
        ),
        consecutive=True,
    ),
    # § 924(c)(1)(C): 25 years for a "second or subsequent conviction"; from the First Step
    # Act, only after a prior § 924(c) conviction "has become final" (§ 403(a)), for every
    # sentence not yet imposed on Dec. 21, 2018 (§ 403(b)).
    *chain(
        "18 U.S.C. § 924(c)(1)(C) (second § 924(c) conviction)",
        ("§2K2.4",),
        Text(
            NOVEMBER_13_1998,
            GUNS_1998,
            "Second or subsequent § 924(c) conviction, including one in the same case",
            LIFE,
            300,
            note=f"{_NO_STATED_MAXIMUM} {_DAY_UNCONFIRMED}",
        ),
        Text(
            DECEMBER_21_2018,
            FIRST_STEP_2018,
            "§ 924(c) violation after a prior § 924(c) conviction has become final",
            LIFE,
            300,
            note=_NO_STATED_MAXIMUM,
            reaches_unsentenced=True,
        ),
        consecutive=True,
    ),
)

IDENTITY_THEFT: tuple[Statute, ...] = (
    # § 1028A(a)(1): "a term of imprisonment of 2 years" in addition to the felony's, which
    # may not run concurrently (§ 1028A(b)); (a)(2), with a terrorism felony, 5 years.
    *chain(
        "18 U.S.C. § 1028A(a)(1)",
        ("§2B1.6",),  # Appendix A (2025): "1028A 2B1.6"
        Text(date(2004, 7, 15), ITPEA_2004, "Aggravated identity theft", 24, 24),
        consecutive=True,
        created=True,
    ),
    *chain(
        "18 U.S.C. § 1028A(a)(2) (terrorism offense)",
        ("§2B1.6",),
        Text(
            date(2004, 7, 15),
            ITPEA_2004,
            "Aggravated identity theft in relation to a terrorism felony",
            60,
            60,
        ),
        consecutive=True,
        created=True,
    ),
)

"""8 U.S.C. §§ 1325(a) and 1326: improper entry and reentry, by offense date.

Sources: the Immigration and Nationality Act, June 27, 1952, ch. 477, §§ 275-276, 66 Stat. 229;
the source credit of 8 U.S.C. § 1326 (1994 ed., laws in effect Jan. 4, 1995); the amendment
notes to § 1325; the 1988-1994 text as quoted in United States v. Vieira-Candelario, Cr. No.
92-044 P (D.R.I. Jan. 28, 1993), and the 1994 text as printed in Almendarez-Torres v. United
States, 523 U.S. 224, 228 (1998); the current text of § 1326(b).
"""

from datetime import date

from .text import Statute, Text, chain

INA_1952 = "Immigration and Nationality Act, ch. 477, 66 Stat. 163 (June 27, 1952)"
ANTI_DRUG_ABUSE_1988 = "Anti-Drug Abuse Act of 1988, Pub. L. 100-690, § 7345(a) (Nov. 18, 1988)"
IMMIGRATION_ACT_1990 = "Immigration Act of 1990, Pub. L. 101-649, § 543(b) (Nov. 29, 1990)"
VIOLENT_CRIME_1994 = (
    "Violent Crime Control and Law Enforcement Act of 1994, Pub. L. 103-322, § 130001(b) "
    "(Sept. 13, 1994)"
)
AEDPA_1996 = (
    "Antiterrorism and Effective Death Penalty Act of 1996, Pub. L. 104-132 (Apr. 24, 1996)"
)
IIRIRA_1996 = (
    "Illegal Immigration Reform and Immigrant Responsibility Act of 1996, Pub. L. 104-208, "
    "div. C (Sept. 30, 1996)"
)

NOVEMBER_18_1988 = date(1988, 11, 18)
SEPTEMBER_13_1994 = date(1994, 9, 13)
_UNCONFIRMED = (
    "The date this paragraph was added is taken from the Act's enactment; it is not yet checked "
    "against the Act's text and effective-date provisions."
)

_2L1_2 = ("§2L1.2",)  # Appendix A (2025): 8 U.S.C. § 1325(a) and § 1326 → §2L1.2

IMPROPER_ENTRY: tuple[Statute, ...] = (
    # § 1325(a) (INA § 275): 6 months for the first commission, 2 years for a subsequent one,
    # unchanged since 1952; the 1990 Act restated the penalty in the same terms of imprisonment.
    *chain(
        "8 U.S.C. § 1325(a) (first offense)",
        _2L1_2,
        Text(None, INA_1952, "Improper entry by alien, first offense", 6),
        Text(date(1990, 11, 29), IMMIGRATION_ACT_1990, "Improper entry by alien, first offense", 6),
    ),
    *chain(
        "8 U.S.C. § 1325(a) (subsequent offense)",
        _2L1_2,
        Text(None, INA_1952, "Improper entry by alien, subsequent offense", 24),
        Text(
            date(1990, 11, 29),
            IMMIGRATION_ACT_1990,
            "Improper entry by alien, subsequent offense",
            24,
        ),
    ),
)

REENTRY: tuple[Statute, ...] = (
    # § 1326(a) (INA § 276): "not more than 2 years" since 1952; the 1988 Act made it subsection
    # (a), "Subject to subsection (b)".
    *chain(
        "8 U.S.C. § 1326(a)",
        _2L1_2,
        Text(None, INA_1952, "Reentry of removed alien", 24),
    ),
    # § 1326(b)(1): added in 1988 at 5 years, after "a felony (other than an aggravated
    # felony)"; from Sept. 13, 1994, 10 years, and three or more misdemeanors involving drugs,
    # crimes against the person, or both, qualify too.
    *chain(
        "8 U.S.C. § 1326(b)(1)",
        _2L1_2,
        Text(
            NOVEMBER_18_1988,
            ANTI_DRUG_ABUSE_1988,
            "Reentry after deportation following a felony (other than an aggravated felony)",
            60,
        ),
        Text(
            SEPTEMBER_13_1994,
            VIOLENT_CRIME_1994,
            "Reentry after removal following a felony (other than an aggravated felony) or three "
            "or more misdemeanors involving drugs, crimes against the person, or both",
            120,
        ),
        created=True,
    ),
    # § 1326(b)(2): added in 1988 at 15 years after an aggravated felony; 20 from Sept. 13, 1994.
    *chain(
        "8 U.S.C. § 1326(b)(2)",
        _2L1_2,
        Text(
            NOVEMBER_18_1988,
            ANTI_DRUG_ABUSE_1988,
            "Reentry after deportation following an aggravated felony",
            180,
        ),
        Text(
            SEPTEMBER_13_1994,
            VIOLENT_CRIME_1994,
            "Reentry after removal following an aggravated felony",
            240,
        ),
        created=True,
    ),
    # § 1326(b)(3): after exclusion on terrorism grounds (§ 1182(a)(3)(B)) or removal under
    # subchapter V: "imprisoned for a period of 10 years, which sentence shall not run
    # concurrently with any other sentence" - a fixed, consecutive term. Not in the 1994 text.
    *chain(
        "8 U.S.C. § 1326(b)(3)",
        _2L1_2,
        Text(
            date(1996, 4, 24),
            AEDPA_1996,
            "Reentry after exclusion on terrorism grounds or removal by the alien terrorist "
            "removal court",
            120,
            120,
            note=_UNCONFIRMED,
        ),
        consecutive=True,
        created=True,
    ),
    # § 1326(b)(4): after removal under § 1231(a)(4)(B) (removal before a prison term ends):
    # "imprisoned for not more than 10 years". Not in the 1994 text.
    *chain(
        "8 U.S.C. § 1326(b)(4)",
        _2L1_2,
        Text(
            date(1996, 9, 30),
            IIRIRA_1996,
            "Reentry after removal under 8 U.S.C. § 1231(a)(4)(B) before the end of a prison term",
            120,
            note=_UNCONFIRMED,
        ),
        created=True,
    ),
)

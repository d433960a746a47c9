"""18 U.S.C. §§ 1341, 1343, 1344 and 1349: mail, wire and bank fraud, and their conspiracies.

Source: the Sarbanes-Oxley Act of 2002, Pub. L. 107-204, 116 Stat. 745, 805 (July 30, 2002),
title IX: § 902 added § 1349 ("the same penalties as those prescribed for the offense, the
commission of which was the object of the attempt or conspiracy"); § 903 struck "five" and
inserted "20" in §§ 1341 and 1343.
"""

from datetime import date

from .text import Statute, Text, chain

SARBANES_OXLEY = "Sarbanes-Oxley Act of 2002, Pub. L. 107-204, title IX (July 30, 2002)"
BEFORE_1987 = "18 U.S.C. §§ 1341, 1343 as in force before Nov. 1, 1987"
JULY_30_2002 = date(2002, 7, 30)

_FINANCIAL_INSTITUTION = (
    "The 30-year clause for an offense affecting a financial institution is carried from "
    "July 30, 2002; its earlier history (1989-1990) is not yet in the table."
)
_BANK_FRAUD_SINCE = (
    "Carried from July 30, 2002; the 30-year maximum's enactment (1989-1990) is not yet traced."
)

_2B1_1 = ("§2B1.1", "§2C1.1")  # Appendix A (2025): §§ 1341, 1343 → 2B1.1, 2C1.1


def _mail_or_wire(section: str, what: str) -> tuple[Statute, ...]:
    return (
        # "shall be fined under this title or imprisoned not more than five years" until
        # Sarbanes-Oxley § 903, then 20 years.
        *chain(
            f"18 U.S.C. § {section}",
            _2B1_1,
            Text(None, BEFORE_1987, what, 60),
            Text(JULY_30_2002, SARBANES_OXLEY, what, 240),
        ),
        # "If the violation ... affects a financial institution ... imprisoned not more than
        # 30 years".
        *chain(
            f"18 U.S.C. § {section} (affecting a financial institution)",
            _2B1_1,
            Text(
                JULY_30_2002,
                SARBANES_OXLEY,
                f"{what} affecting a financial institution",
                360,
                note=_FINANCIAL_INSTITUTION,
            ),
        ),
    )


MAIL_AND_WIRE: tuple[Statute, ...] = (
    *_mail_or_wire("1341", "Mail fraud"),
    *_mail_or_wire("1343", "Wire fraud"),
)

BANK_FRAUD: tuple[Statute, ...] = chain(
    # § 1344: "fined not more than $1,000,000 or imprisoned not more than 30 years".
    "18 U.S.C. § 1344",
    ("§2B1.1",),  # Appendix A (2025): "1344 2B1.1"
    Text(JULY_30_2002, SARBANES_OXLEY, "Bank fraud", 360, note=_BANK_FRAUD_SINCE),
)


def _conspiracy(object_: Statute) -> Statute:
    """§ 1349: the object offense's penalties, from the day § 1349 was enacted."""
    return Statute(
        citation=f"18 U.S.C. § 1349 (object: {object_.citation.removeprefix('18 U.S.C. ')})",
        description=f"Attempt or conspiracy to commit {object_.description.lower()}",
        maximum_months=object_.maximum_months,
        minimum_months=object_.minimum_months,
        guidelines=("§2X1.1",),  # Appendix A (2025): "1349 2X1.1"
        in_force_from=max(JULY_30_2002, object_.in_force_from or JULY_30_2002),
        in_force_until=object_.in_force_until,
        enacted_by=f"{SARBANES_OXLEY}, § 902",
        created=True,
        note="§2X1.1 applies the object offense's guideline (§2B1.1).",
    )


CONSPIRACY: tuple[Statute, ...] = tuple(
    _conspiracy(s)
    for s in (*MAIL_AND_WIRE, *BANK_FRAUD)
    if s.in_force_until is None or s.in_force_until > JULY_30_2002
)

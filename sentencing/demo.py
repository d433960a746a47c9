"""Demo offices, users and cases for `make run`. Never loaded by production settings."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from offices.models import Office, StaffMember

from . import guidelines
from .guidelines import drugs, theft_fraud
from .models import Case
from .services import Row, case_save, memo_calculation_set

DEMO_LOGINS = (
    # username, password, first name, last name, office, district, time zone, role
    (
        "demo",
        "demo",
        "Dana",
        "Defender",
        "Federal Public Defender, C.D. Cal.",
        "cacd",
        "America/Los_Angeles",
        "defense",
    ),
    (
        "probation",
        "probation",
        "Pat",
        "Officer",
        "U.S. Probation Office, D. Utah",
        "utd",
        "America/Denver",
        "probation",
    ),
)


def _staff(username, password, first, last, office_name, district, zone, role) -> StaffMember:
    office, _ = Office.objects.get_or_create(
        name=office_name, defaults={"district": district, "time_zone": zone}
    )
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": first, "last_name": last}
    )
    if created:
        user.set_password(password)
        user.save()
    member, _ = StaffMember.objects.update_or_create(
        user=user, defaults={"office": office, "role": role}
    )
    return member


def _case(
    member: StaffMember,
    *,
    docket_number: str,
    lines,
    counts,
    calculation_of: Case | None = None,
    **fields,
) -> Case:
    """The sample case (or a named calculation of it), saved through the service as a user
    would save it; once."""
    existing = Case.objects.filter(
        office=member.office,
        docket_number=docket_number,
        calculation_of=calculation_of,
        calculation_name=fields.get("calculation_name", ""),
    ).first()
    if existing:
        return existing
    return case_save(
        user=member.user,
        office=member.office,
        calculation_of=calculation_of,
        fields={"docket_number": docket_number, **fields},
        offense_lines=[
            Row(
                values={
                    "kind": kind,
                    "guideline": section,
                    "description": text,
                    "levels": n,
                    "group": group[0] if group else "",
                    "count_group": group[1] if len(group) > 1 else 1,
                }
            )
            for kind, section, text, n, *group in lines
        ],
        counts=[
            Row(
                values={
                    "statute": statute,
                    "maximum_months": maximum,
                    "minimum_months": minimum[0] if minimum else 0,
                }
            )
            for statute, maximum, *minimum in counts
        ],
    )


def _rows(lines: tuple[guidelines.OffenseLine, ...], count_group: int = 1) -> list[tuple]:
    """Lines the engine's worksheets work out (§2D1.1, §2B1.1), as the demo enters them."""
    return [
        (line.kind, line.section, line.description, line.levels, line.group, count_group)
        for line in lines
    ]


@transaction.atomic
def load_demo() -> None:
    defender, probation = (_staff(*login) for login in DEMO_LOGINS)
    # The facts of United States v. Banuelos-Rodriguez, 215 F.3d 969, 972-73 (9th Cir. 2000)
    # (en banc): 1995 Manual, §2L1.2 8 + 16, acceptance −3 = 21; category V; 70–87 months.
    _case(
        defender,
        docket_number="CR 95-0000 (sample)",
        defendant="Rogelio Banuelos-Rodriguez",
        district="cacd",
        offense_date=datetime.date(1995, 8, 1),
        sentencing_date=datetime.date(1996, 2, 1),
        manual_edition="1995-11-01",
        acceptance=Case.AcceptanceChoice.THREE,
        criminal_history_category="V",
        notes=(
            "Sample case from the published opinion. The opinion says only that he was charged "
            "in August 1995 and sentenced under the Nov. 1, 1995 Manual; the dates are "
            "placeholders."
        ),
        lines=[
            ("base", "§2L1.2(a)", "Unlawfully entering or remaining in the United States", 8),
            (
                "specific",
                "§2L1.2(b)(2)",
                "Deported after a conviction for an aggravated felony",
                16,
            ),
        ],
        counts=[("8 U.S.C. § 1326(b)(2)", 240)],
    )
    _case(
        probation,
        docket_number="2:25-cr-00000 (sample)",
        defendant="Sample Defendant",
        district="utd",
        offense_date=datetime.date(2025, 3, 10),
        sentencing_date=datetime.date(2025, 12, 15),
        acceptance=Case.AcceptanceChoice.TWO,
        criminal_history_points=4,
        notes="An invented sample case for trying the form.",
        lines=[
            ("base", "§2L1.2(a)", "Unlawfully entering or remaining in the United States", 8),
            ("specific", "§2L1.2(b)(2)(D)", "Felony conviction before the first removal", 4),
        ],
        counts=[("8 U.S.C. § 1326(b)(1)", 120)],
    )
    _competing_calculations(defender)
    _several_counts(probation)
    _career_offender(probation)
    _safety_valve(defender)


def _reentry_line(edition_date: datetime.date, section: str) -> tuple[str, str, str, int, str]:
    """A §2L1.2 line as the preset picker offers it under the Manual of that date (with its
    "use the greater" group)."""
    found = next(
        line
        for line in guidelines.illegal_reentry_preset(guidelines.edition_in_effect(edition_date))
        if line.section == section
    )
    return found.kind, found.section, found.description, found.levels, found.group


def _competing_calculations(defender: StaffMember) -> None:
    """An invented case with three calculations that differ: the presentence report scores the
    prior felony under §2L1.2(b)(2)(B) (a sentence of 2 years or more); the defense says the
    sentence imposed was 18 months, (b)(2)(C); the government counts one more criminal history
    point. The memo argues from the defense's."""
    manual = datetime.date(2024, 11, 1)
    shared = {
        "docket_number": "2:25-cr-00100 (sample)",
        "defendant": "Sample Defendant (three calculations)",
        "district": "cacd",
        "offense_date": datetime.date(2024, 5, 20),
        "sentencing_date": datetime.date(2025, 3, 10),
        "counts": [("8 U.S.C. § 1326(b)(1)", 120)],
        "notes": "An invented sample case for comparing calculations.",
    }
    psr_lines = [_reentry_line(manual, "§2L1.2(a)"), _reentry_line(manual, "§2L1.2(b)(2)(B)")]
    case = _case(
        defender,
        **shared,
        calculation_name="Presentence report",
        calculation_role=Case.Role.PRESENTENCE_REPORT,
        acceptance=Case.AcceptanceChoice.THREE,
        government_motion=True,
        criminal_history_points=6,
        lines=psr_lines,
    )
    defense = _case(
        defender,
        **shared,
        calculation_of=case,
        calculation_name="Defense",
        calculation_role=Case.Role.DEFENSE,
        acceptance=Case.AcceptanceChoice.THREE,
        government_motion=True,
        criminal_history_points=6,
        lines=[_reentry_line(manual, "§2L1.2(a)"), _reentry_line(manual, "§2L1.2(b)(2)(C)")],
    )
    _case(
        defender,
        **shared,
        calculation_of=case,
        calculation_name="Government",
        calculation_role=Case.Role.GOVERNMENT,
        acceptance=Case.AcceptanceChoice.THREE,
        government_motion=True,
        criminal_history_points=7,
        lines=psr_lines,
    )
    if case.memo_calculation_id is None:
        memo_calculation_set(user=defender.user, case=case, calculation=defense)


def _several_counts(probation: StaffMember) -> None:
    """An invented case of two count groups, every level worked out by the engine's worksheets
    (2025 Manual): 5 kg of cocaine, level 30; a $1.2 million wire fraud with 10 victims and
    sophisticated means, 7 + 14 + 2 + 2 = 25. §3D1.4: 1½ Units, +1 = 31; acceptance −3 = 28;
    category I, 78–97 months, raised to the 120-month minimum of § 841(b)(1)(A)."""
    edition = guidelines.edition_by_key("2025-11-01")
    drug = drugs.worksheet(drugs.DrugFacts(quantities=(("cocaine", Decimal(5000)),)), edition)
    fraud = theft_fraud.theft_fraud_lines(
        edition, loss=1_200_000, statutory_maximum_months=240, victims=10, sophisticated_means=True
    )
    _case(
        probation,
        docket_number="2:26-cr-00200 (sample)",
        defendant="Sample Defendant (drug and fraud counts)",
        district="utd",
        offense_date=datetime.date(2025, 12, 1),
        sentencing_date=datetime.date(2026, 5, 1),
        acceptance=Case.AcceptanceChoice.THREE,
        government_motion=True,
        criminal_history_points=0,
        notes="An invented sample case: two groups of closely related counts (§3D1.2).",
        lines=_rows(drug.lines, 1) + _rows(fraud, 2),
        counts=[("21 U.S.C. § 841(b)(1)(A)", None, 120), ("18 U.S.C. § 1343", 240)],
    )


def _career_offender(probation: StaffMember) -> None:
    """An invented § 841(b)(1)(C) career offender (2025 Manual): 28 g of cocaine is level 12,
    below §4B1.1(b)(3)'s 32 for a 20-year maximum; 32 − 3 = 29, Category VI, 151–188 months."""
    edition = guidelines.edition_by_key("2025-11-01")
    drug = drugs.worksheet(drugs.DrugFacts(quantities=(("cocaine", Decimal(28)),)), edition)
    _case(
        probation,
        docket_number="2:26-cr-00300 (sample)",
        defendant="Sample Defendant (career offender)",
        district="utd",
        offense_date=datetime.date(2025, 12, 1),
        sentencing_date=datetime.date(2026, 5, 1),
        acceptance=Case.AcceptanceChoice.THREE,
        government_motion=True,
        criminal_history_points=6,
        career_offender=True,
        notes="An invented sample case: two prior controlled substance felonies (§4B1.1(a)).",
        lines=_rows(drug.lines),
        counts=[("21 U.S.C. § 841(b)(1)(C)", 240)],
    )


def _safety_valve(defender: StaffMember) -> None:
    """An invented § 841(b)(1)(A) case (2025 Manual) in which the court finds the safety valve:
    5 kg of cocaine, 30 − 2 (§2D1.1(b)(18)) − 3 = 25, category I, 57–71 months, the 120-month
    minimum lifted (§5C1.2)."""
    edition = guidelines.edition_by_key("2025-11-01")
    drug = drugs.worksheet(
        drugs.DrugFacts(quantities=(("cocaine", Decimal(5000)),), safety_valve=True), edition
    )
    _case(
        defender,
        docket_number="2:26-cr-00400 (sample)",
        defendant="Sample Defendant (safety valve)",
        district="cacd",
        offense_date=datetime.date(2025, 12, 1),
        sentencing_date=datetime.date(2026, 6, 1),
        acceptance=Case.AcceptanceChoice.THREE,
        government_motion=True,
        criminal_history_points=0,
        safety_valve=True,
        notes="An invented sample case: the criteria of 18 U.S.C. § 3553(f)(1)–(5) found met.",
        lines=_rows(drug.lines),
        counts=[("21 U.S.C. § 841(b)(1)(A)", None, 120)],
    )

"""Demo offices, users and cases for `make run`. Never loaded by production settings."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from offices.models import Office, StaffMember

from .models import Case
from .services import Row, case_save

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


def _case(member: StaffMember, *, docket_number: str, lines, counts, **fields) -> Case:
    """The sample case, saved through the service as a user would save it; once."""
    existing = Case.objects.filter(office=member.office, docket_number=docket_number).first()
    if existing:
        return existing
    return case_save(
        user=member.user,
        office=member.office,
        fields={"docket_number": docket_number, **fields},
        offense_lines=[
            Row(values={"kind": kind, "guideline": section, "description": text, "levels": n})
            for kind, section, text, n in lines
        ],
        counts=[
            Row(values={"statute": statute, "maximum_months": maximum})
            for statute, maximum in counts
        ],
    )


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

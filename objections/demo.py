"""The demo's objection: on the sample case with three calculations (sentencing/demo.py), the
defense objects to the report's §2L1.2(b)(2) line. Never loaded by production settings."""

from django.db import transaction

from sentencing.guidelines.rulings import objectionable, row_content
from sentencing.models import Case
from sentencing.results import saved_case_facts
from sentencing.selectors import calculations_of, case_queryset

from .models import Objection
from .services import objection_save, subject_of

DOCKET_NUMBER = "2:25-cr-00100 (sample)"


@transaction.atomic
def load_demo_objections() -> int:
    """Adds the objection once; the number added."""
    case = case_queryset().filter(docket_number=DOCKET_NUMBER, calculation_of=None).first()
    if case is None or Objection.objects.filter(case=case).exists():
        return 0
    worksheets = calculations_of(case)
    defense = next(w for w in worksheets if w.calculation_role == Case.Role.DEFENSE)
    report = worksheets[0]
    for ref, row in objectionable(saved_case_facts(report), saved_case_facts(defense)):
        objection_save(
            user=case.created_by,
            case=case,
            calculation=defense,
            against=report,
            ref=ref,
            subject=subject_of(row, objecting=defense.calculation_title),
            content=row_content(row),
            fields={
                "psr_paragraph": "¶ 24",
                "ground": "The sentence imposed for the prior felony was 18 months, not 2 years.",
                "argument": (
                    "The judgment of conviction imposed 18 months. Section 2L1.2(b)(2)(C) "
                    "applies, not (b)(2)(B). (An invented sample.)"
                ),
            },
        )
    return Objection.objects.filter(case=case).count()

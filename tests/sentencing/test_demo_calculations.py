"""The demo's case with three competing calculations (sentencing/demo.py)."""

import pytest
from django.urls import reverse

from objections.demo import load_demo_objections
from objections.models import Objection
from sentencing.demo import load_demo
from sentencing.models import Case
from sentencing.results import saved_case_result
from sentencing.selectors import calculations_of, case_queryset
from tests.sentencing.pages import figure

pytestmark = pytest.mark.django_db


def test_the_demo_case_has_a_report_a_defense_and_a_government_calculation_that_differ(client):
    load_demo()
    load_demo()  # once
    case = case_queryset().get(calculation_role=Case.Role.PRESENTENCE_REPORT)
    worksheets = calculations_of(case)
    # §2L1.2 (2024 Manual): 8 + 8 (b)(2)(B) − 3 = 13, 6 points: III; the defense's (b)(2)(C)
    # gives 8 + 6 − 2 = 12 (the third level needs 16 before acceptance); 7 points: IV.
    figures = [
        (w.calculation_title, c.total_offense_level, c.criminal_history_category, str(c.range))
        for w in worksheets
        for c in [saved_case_result(w).calculation]
    ]
    assert figures == [
        ("Presentence report", 13, "III", "18–24 months"),
        ("Defense", 12, "III", "15–21 months"),
        ("Government", 13, "IV", "24–30 months"),
    ]
    assert case.memo_calculation == worksheets[1]

    client.login(username="demo", password="demo")
    page = client.get(reverse("sentencing:calculation_compare", args=[case.pk])).content.decode()
    assert figure(page, "range-difference") == (
        "The Defense range has a minimum 3 months lower and a maximum 3 months lower."
    )


def test_the_demo_defense_objects_to_the_reports_prior_felony_line(client):
    load_demo()
    assert load_demo_objections() == 1
    assert load_demo_objections() == 0  # once
    objection = Objection.objects.get()
    assert objection.subject == (
        "“2L1.2(b)(2)” group: the report §2L1.2(b)(2)(B) +8, Defense §2L1.2(b)(2)(C) +6"
    )
    client.login(username="demo", password="demo")
    case = objection.case
    client.post(
        reverse("objections:objection_edit", args=[case.pk, objection.pk]),
        {
            "psr_paragraph": "¶ 24",
            "ground": objection.ground,
            "ruling": "sustained",
            "version": str(objection.version),
        },
    )
    client.post(reverse("objections:court_calculation", args=[case.pk]))
    court = case_queryset().get(calculation_of=case, calculation_role=Case.Role.COURT)
    # The report's worksheet with the defense's (b)(2)(C) line: 8 + 6 = 14, acceptance as the
    # report has it; 6 points, III.
    calc = saved_case_result(court).calculation
    assert [line.guideline for line in court.offense_lines.all()] == [
        "§2L1.2(a)",
        "§2L1.2(b)(2)(C)",
    ]
    assert (calc.criminal_history_category, calc.offense_level_before_acceptance) == ("III", 14)


def test_the_probation_offices_demo_has_two_count_groups_and_a_career_offender(client):
    load_demo()
    load_demo()  # once
    grouped = case_queryset().get(defendant="Sample Defendant (drug and fraud counts)")
    calc = saved_case_result(grouped).calculation
    # §3D1.4: 30 and 25, 1½ Units, +1 = 31; −3 = 28; I: 78–97, the 120-month minimum above it.
    assert calc.arithmetic == "30 + 1 \u2212 3 = 28"
    assert str(calc.range) == "78–97 months"
    assert str(calc.guideline_sentence) == "120 months"
    assert {line.count_group for line in grouped.offense_lines.all()} == {1, 2}

    career = case_queryset().get(defendant="Sample Defendant (career offender)")
    calc = saved_case_result(career).calculation
    assert (calc.arithmetic, calc.criminal_history_category, str(calc.range)) == (
        "32 \u2212 3 = 29",
        "VI",
        "151–188 months",
    )
    client.login(username="probation", password="probation")
    page = client.get(reverse("sentencing:case_detail", args=[career.pk])).content.decode()
    assert "151–188 months" in page


def test_the_defenders_demo_has_a_safety_valve_case():
    load_demo()
    case = case_queryset().get(defendant="Sample Defendant (safety valve)")
    calc = saved_case_result(case).calculation
    assert calc.arithmetic == "30 \u2212 2 \u2212 3 = 25"
    assert (calc.statutory_minimum_months, str(calc.guideline_sentence)) == (0, "57–71 months")

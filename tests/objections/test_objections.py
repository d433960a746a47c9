"""Objections to the presentence report's calculation, the court's rulings, and the court's
calculation that follows from them, through the pages."""

import re

import pytest
from django.urls import reverse

from objections.models import Objection
from offices.models import StaffMember
from sentencing import history, selectors, services
from sentencing.models import Case
from sentencing.results import saved_case_result
from tests import founding
from tests.factories import CaseFactory, HoldingFactory, named_calculation
from tests.sentencing.pages import text

pytestmark = pytest.mark.django_db

# The founding facts plus a +2 line: 8 + 16 + 2 − 3 = 23; V; 84–105 months. Without it, 70–87.
ENDANGERMENT = ("adjustment", "§3C1.2", "Reckless endangerment during flight", 2)


@pytest.fixture
def report(alice):
    return CaseFactory(
        by=StaffMember.objects.get(user=alice),
        calculation_name="Presentence report",
        calculation_role=Case.Role.PRESENTENCE_REPORT,
        lines=(*founding.OFFENSE_LINES, ENDANGERMENT),
    )


@pytest.fixture
def defense(alice, report):
    """The defense's copy of the report without the +2 line."""
    return named_calculation(
        report, by=alice, name="Defense", role=Case.Role.DEFENSE, lines=founding.OFFENSE_LINES
    )


def _object(client, report, defense, **fields):
    url = reverse("objections:objection_create", args=[report.pk])
    where = {"calculation": defense.pk, "kind": "offense line", "key": "§3C1.2", "occurrence": 0}
    values = {
        "psr_paragraph": "¶ 23",
        "ground": "No flight took place",
        "argument": "",
        "holding": "",
        "ruling": "pending",
        **fields,
    }
    return client.post(url, {**where, **values})


def _court_range(client, report) -> str:
    client.post(reverse("objections:court_calculation", args=[report.pk]))
    court = selectors.case_queryset().get(calculation_of=report, calculation_role="court")
    return str(saved_case_result(court).calculation.range)


def test_a_differing_row_carries_an_objection_and_the_rulings_make_the_courts_range(
    alice_client, report, defense
):
    page = text(alice_client.get(reverse("objections:objections", args=[report.pk])))
    assert re.search(r'data-ref="offense-line:§3C1.2:0".*?>Object<', page, re.S)
    assert page.count("data-ref=") == 1  # the other rows are the same

    holding = HoldingFactory()
    response = _object(alice_client, report, defense, holding=str(holding.pk))
    assert response.status_code == 302
    objection = Objection.objects.get()
    assert (objection.calculation, objection.against) == (defense, report)
    assert objection.subject == "§3C1.2: the report +2, Defense none"
    assert objection.holding == holding

    page = text(alice_client.get(response.url))
    assert re.search(r"data-ruling>Pending<.*?¶ 23: No flight took place", page, re.S)
    assert _court_range(alice_client, report) == "84–105 months"  # pending: the report stands

    edit = reverse("objections:objection_edit", args=[report.pk, objection.pk])
    values = {
        "psr_paragraph": "¶ 23",
        "ground": "No flight took place",
        "argument": "",
        "holding": str(holding.pk),
        "ruling": "sustained",
        "version": str(objection.version),  # as the form sends back the version it loaded
    }
    assert alice_client.post(edit, values).status_code == 302
    assert _court_range(alice_client, report) == "70–87 months"
    assert Case.objects.filter(calculation_of=report, calculation_role="court").count() == 1

    values |= {"ruling": "overruled", "version": str(objection.version + 1)}
    alice_client.post(edit, values)
    assert _court_range(alice_client, report) == "84–105 months"
    case_page = text(alice_client.get(reverse("sentencing:case_detail", args=[report.pk])))
    assert "Overruled</span> Defense: §3C1.2: the report +2, Defense none" in case_page


def test_the_history_records_the_objection_and_each_ruling(alice_client, report, defense):
    _object(alice_client, report, defense)
    objection = Objection.objects.get()
    edit = reverse("objections:objection_edit", args=[report.pk, objection.pk])
    alice_client.post(
        edit,
        {
            "psr_paragraph": "¶ 23",
            "ground": "No flight took place",
            "ruling": "sustained",
            "version": str(objection.version),
        },
    )
    changes = [c for entry in history.case_history(report) for c in entry.changes]
    assert any(
        c.startswith("Objection to §3C1.2: the report +2, Defense none added") for c in changes
    )
    assert "Objection to §3C1.2: the report +2, Defense none: ruling Pending → Sustained" in changes


def test_a_row_the_calculations_do_not_differ_on_takes_no_objection(alice_client, report, defense):
    url = reverse("objections:objection_create", args=[report.pk])
    where = {"calculation": defense.pk, "kind": "offense line", "key": "§2L1.2(a)", "occurrence": 0}
    assert alice_client.get(url, where).status_code == 404
    assert alice_client.post(url, {**where, "ground": "x", "ruling": "pending"}).status_code == 404
    assert not Objection.objects.exists()


def test_a_blank_ground_is_marked_and_what_was_typed_is_kept(alice_client, report, defense):
    response = _object(alice_client, report, defense, ground="", argument="Typed argument")
    assert response.status_code == 400
    page = text(response)
    assert re.search(r'id="id_ground"[^>]*is-invalid|is-invalid[^>]*id="id_ground"', page)
    assert "Typed argument" in page
    assert not Objection.objects.exists()


def test_an_objection_to_a_row_since_made_the_same_stands_apart(
    alice, alice_client, report, defense
):
    _object(alice_client, report, defense, ruling="sustained")
    assert _court_range(alice_client, report) == "70–87 months"
    # The defense concedes the line: its calculation now has the report's rows.
    defense = selectors.case_queryset().get(pk=defense.pk)
    services.case_save(
        user=alice,
        office=defense.office,
        case=defense,
        loaded_version=defense.version,
        fields={},
        offense_lines=services._rows_of(report, services.ROW_MODELS[0]),
    )
    page = text(alice_client.get(reverse("objections:objections", args=[report.pk])))
    assert re.search(r"data-stale-objections>.*?§3C1.2: the report \+2, Defense none", page, re.S)
    assert _court_range(alice_client, report) == "84–105 months"


def test_a_finding_the_calculations_differ_on_takes_an_objection_too(alice, alice_client, report):
    """The defense finds category IV, not the report's V: sustained, 23/IV gives 70–87."""
    made = services.calculation_create(user=alice, case=report, source=report, name="Defense")
    services.case_save(
        user=alice,
        office=made.office,
        case=made,
        loaded_version=made.version,
        fields={"criminal_history_category": "IV"},
    )
    page = text(alice_client.get(reverse("objections:objections", args=[report.pk])))
    assert re.search(
        r"Criminal history category, as found: <strong>V</strong>.*?"
        r"Criminal history category, as found: <strong>IV</strong>",
        page,
        re.S,
    )
    url = reverse("objections:objection_create", args=[report.pk])
    where = {
        "calculation": made.pk,
        "kind": "finding",
        "key": "criminal history category",
        "occurrence": 0,
    }
    response = alice_client.post(
        url, {**where, "ground": "The 2009 sentence is too old.", "ruling": "sustained"}
    )
    assert response.status_code == 302
    assert Objection.objects.get().subject == (
        "Criminal history category, as found: the report V, Defense IV"
    )
    assert _court_range(alice_client, report) == "70–87 months"
    court = selectors.case_queryset().get(calculation_of=report, calculation_role="court")
    assert court.criminal_history_category == "IV"
    assert [line.guideline for line in court.offense_lines.all()][-1] == "§3C1.2"


def test_the_courts_calculation_never_overwrites_the_cases_own_worksheet(
    alice, alice_client, report, defense
):
    """A case whose own worksheet is marked as the court's ruling keeps it: the court's
    calculation from the rulings is a calculation of its own."""
    services.case_save(
        user=alice,
        office=report.office,
        case=report,
        loaded_version=report.version,
        fields={"calculation_role": "court", "notes": "Kept"},
    )
    _object(alice_client, report, defense, ruling="sustained")
    alice_client.post(reverse("objections:court_calculation", args=[report.pk]))
    report.refresh_from_db()
    assert report.notes == "Kept"
    assert [line.guideline for line in report.offense_lines.all()][-1] == "§3C1.2"
    built = Case.objects.get(calculation_of=report, calculation_name="Court's ruling")
    assert built.calculation_role == "court"


def test_an_objection_does_not_move_to_a_row_added_before_its_own(alice, alice_client, report):
    """The report scores a DUI under (b), the defense under (c): sustained. When the report
    then lists another DUI first, under (a), the objection decides neither row any longer."""
    member = StaffMember.objects.get(user=alice)
    case = CaseFactory(by=member, calculation_role="psr", priors=(("DUI", "b"),))
    made = services.calculation_create(user=alice, case=case, source=case, name="Defense")
    rows = [services.Row(values={"description": "DUI", "subsection": "c"})]
    services.case_save(
        user=alice,
        office=case.office,
        case=made,
        loaded_version=made.version,
        fields={},
        prior_sentences=rows,
    )
    url = reverse("objections:objection_create", args=[case.pk])
    where = {"calculation": made.pk, "kind": "prior sentence", "key": "dui", "occurrence": 0}
    response = alice_client.post(
        url, {**where, "ground": "A 30-day sentence", "ruling": "sustained"}
    )
    assert response.status_code == 302, text(response)[-3000:]
    case = selectors.case_queryset().get(pk=case.pk)
    both = [services.Row(values={"description": "DUI", "subsection": s}) for s in ("a", "b")]
    services.case_save(
        user=alice,
        office=case.office,
        case=case,
        loaded_version=case.version,
        fields={},
        prior_sentences=both,
    )
    page = text(alice_client.get(reverse("objections:objections", args=[case.pk])))
    assert re.search(r"data-stale-objections>.*?DUI: the report §4A1.1\(b\)", page, re.S)
    alice_client.post(reverse("objections:court_calculation", args=[case.pk]))
    court = selectors.case_queryset().get(calculation_of=case, calculation_role="court")
    assert [p.subsection for p in court.prior_sentences.all()] == ["a", "b"]  # the report's


def test_two_editors_of_one_objection_never_overwrite_each_other(alice_client, report, defense):
    _object(alice_client, report, defense)
    objection = Objection.objects.get()
    edit = reverse("objections:objection_edit", args=[report.pk, objection.pk])
    loaded = {
        "psr_paragraph": "¶ 23",
        "ground": "No flight took place",
        "argument": "",
        "ruling": "pending",
        "version": str(objection.version),
    }
    assert alice_client.post(edit, {**loaded, "ruling": "sustained"}).status_code == 302
    response = alice_client.post(edit, {**loaded, "argument": "Typed while they ruled"})
    assert response.status_code == 409
    assert "Typed while they ruled" in text(response)
    objection.refresh_from_db()
    assert (objection.ruling, objection.argument) == ("sustained", "")


def test_a_second_objection_to_one_row_keeps_what_was_typed(alice_client, report, defense):
    _object(alice_client, report, defense)
    response = _object(alice_client, report, defense, argument="Typed in a second tab")
    assert response.status_code == 409
    assert "Typed in a second tab" in text(response)
    assert Objection.objects.count() == 1


def test_deleting_a_calculation_says_its_objections_go_too(alice_client, report, defense):
    _object(alice_client, report, defense)
    page = text(
        alice_client.get(reverse("sentencing:calculation_delete", args=[report.pk, defense.pk]))
    )
    assert re.search(r"data-objections-deleted>.*?1 made by this calculation", page, re.S)


def test_an_unknown_calculation_in_the_address_shows_the_cases_own_choice(
    alice_client, report, defense
):
    url = reverse("objections:objections", args=[report.pk])
    for chosen in ("999999", "x", str(report.pk)):
        page = text(alice_client.get(url, {"calculation": chosen}))
        assert 'data-ref="offense-line:§3C1.2:0"' in page, chosen
    create = reverse("objections:objection_create", args=[report.pk])
    where = {"calculation": "999999", "kind": "offense line", "key": "§3C1.2", "occurrence": 0}
    assert alice_client.get(create, where).status_code == 404


def test_a_ruling_on_the_offense_date_worksheet_reaches_the_courts_calculation(
    alice, alice_client, report, defense
):
    """§1B1.11(b)(2): where the report also scores the +2 line under the Manual at the offense
    date and the defense does not, that row takes its own objection and ruling."""
    earlier = [
        services.Row(values={"kind": k, "guideline": g, "description": d, "levels": n})
        for k, g, d, n in (*founding.OFFENSE_LINES, ENDANGERMENT)
    ]
    for worksheet, lines in ((report, earlier), (defense, earlier[:2])):
        worksheet = selectors.case_queryset().get(pk=worksheet.pk)
        services.case_save(
            user=alice,
            office=worksheet.office,
            case=worksheet,
            loaded_version=worksheet.version,
            fields={},
            offense_date_lines=lines,
        )
    page = text(alice_client.get(reverse("objections:objections", args=[report.pk])))
    assert 'data-ref="offense-date-line:§3C1.2:0"' in page
    url = reverse("objections:objection_create", args=[report.pk])
    where = {
        "calculation": defense.pk,
        "kind": "offense-date line",
        "key": "§3C1.2",
        "occurrence": 0,
    }
    alice_client.post(url, {**where, "ground": "No flight", "ruling": "sustained"})
    alice_client.post(reverse("objections:court_calculation", args=[report.pk]))
    court = selectors.case_queryset().get(calculation_of=report, calculation_role="court")
    assert [line.guideline for line in court.offense_date_lines.all()] == [
        "§2L1.2(a)",
        "§2L1.2(b)(2)",
    ]
    assert [line.guideline for line in court.offense_lines.all()][-1] == "§3C1.2"  # not ruled


def test_without_a_presentence_report_the_subject_names_the_calculation_objected_to(
    alice, alice_client
):
    case = CaseFactory(
        by=StaffMember.objects.get(user=alice),
        calculation_name="Working",
        lines=(*founding.OFFENSE_LINES, ENDANGERMENT),
    )
    made = named_calculation(case, by=alice, name="Defense", lines=founding.OFFENSE_LINES)
    url = reverse("objections:objection_create", args=[case.pk])
    where = {"calculation": made.pk, "kind": "offense line", "key": "§3C1.2", "occurrence": 0}
    alice_client.post(url, {**where, "ground": "No flight", "ruling": "pending"})
    assert Objection.objects.get().subject == "§3C1.2: Working +2, Defense none"


def test_a_sustained_career_offender_objection_and_the_count_groups_reach_the_courts_calculation(
    alice, alice_client, report
):
    """The report finds a career offender and scores two count groups; the defense objects to
    the finding. Sustained, the court's calculation has no career offender and both groups."""
    Case.objects.filter(pk=report.pk).update(career_offender=True)
    line = report.offense_lines.get(guideline="§3C1.2")
    line.count_group = 2
    line.save()
    made = services.calculation_create(user=alice, case=report, source=report, name="Defense")
    services.case_save(
        user=alice,
        office=made.office,
        case=made,
        loaded_version=made.version,
        fields={"career_offender": False},
    )
    url = reverse("objections:objection_create", args=[report.pk])
    where = {"calculation": made.pk, "kind": "finding", "key": "career offender", "occurrence": 0}
    response = alice_client.post(
        url, {**where, "ground": "One prior is not a felony.", "ruling": "sustained"}
    )
    assert response.status_code == 302
    alice_client.post(reverse("objections:court_calculation", args=[report.pk]))
    court = selectors.case_queryset().get(calculation_of=report, calculation_role="court")
    assert not court.career_offender
    assert sorted({line.count_group for line in court.offense_lines.all()}) == [1, 2]

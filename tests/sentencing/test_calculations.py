"""Named calculations of a case: the presentence report's, the defense's, the government's.
Each is a whole worksheet; the caption is the case's; the pages compare them row by row."""

import re

import pytest
from django.urls import reverse

from memos.selectors import memo_for
from offices.models import StaffMember
from sentencing import history, selectors, services
from sentencing.forms import CaseForm
from sentencing.models import CAPTION_FIELDS, WORKSHEET_FIELDS, Case
from tests import founding
from tests.factories import CaseFactory
from tests.sentencing.forms_data import edit_data
from tests.sentencing.pages import figure, text

pytestmark = pytest.mark.django_db

# The founding facts plus a +2 line the defense objects to: 8 + 16 + 2 − 3 = 23; V; 84–105.
ENDANGERMENT = ("adjustment", "§3C1.2", "Reckless endangerment during flight", 2)


@pytest.fixture
def member(alice):
    return StaffMember.objects.get(user=alice)


@pytest.fixture
def psr(member):
    return CaseFactory(
        by=member,
        calculation_name="Presentence report",
        calculation_role=Case.Role.PRESENTENCE_REPORT,
        lines=(*founding.OFFENSE_LINES, ENDANGERMENT),
        priors=(("1991 burglary, Los Angeles", "a"),),
    )


def _posted(worksheet: Case) -> dict:
    """The worksheet's edit form posted back unchanged, prior sentences too."""
    worksheet = selectors.case_queryset().get(pk=worksheet.pk)
    data = edit_data(worksheet)
    priors = list(worksheet.prior_sentences.all())
    data.update({"priors-TOTAL_FORMS": str(len(priors)), "priors-INITIAL_FORMS": str(len(priors))})
    for i, prior in enumerate(priors):
        data.update(
            {
                f"priors-{i}-id": str(prior.pk),
                f"priors-{i}-description": prior.description,
                f"priors-{i}-subsection": prior.subsection,
            }
        )
    return data


def _defense_without_the_line(client, case) -> Case:
    """The defense's copy of the report, made and edited through the pages."""
    response = client.post(
        reverse("sentencing:calculation_create", args=[case.pk]),
        {"name": "Defense", "role": "defense", "source": str(case.pk)},
    )
    defense = Case.objects.get(calculation_of=case, calculation_name="Defense")
    assert response.url == reverse("sentencing:calculation_edit", args=[case.pk, defense.pk])
    data = _posted(defense)
    data["lines-2-DELETE"] = "on"
    response = client.post(reverse("sentencing:calculation_edit", args=[case.pk, defense.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response.url == reverse("sentencing:case_detail", args=[case.pk])
    return defense


def test_the_form_holds_every_field_of_a_worksheet_once():
    names = [*CAPTION_FIELDS, *WORKSHEET_FIELDS, "calculation_name", "calculation_role"]
    assert sorted(CaseForm.Meta.fields) == sorted(names)
    assert len(set(names)) == len(names)


def test_a_new_calculation_copies_every_field_and_row(alice, psr):
    services.case_save(
        user=alice,
        office=psr.office,
        case=psr,
        loaded_version=psr.version,
        fields={"recency": True, "early_disposition_levels": 2, "notes": "As the PSR says."},
        offense_date_lines=[
            services.Row(values={"kind": "base", "guideline": "§2L1.2(a)", "levels": 8})
        ],
    )
    source = selectors.case_queryset().get(pk=psr.pk)
    copy = services.calculation_create(
        user=alice, case=source, source=source, name="Defense", role=Case.Role.DEFENSE
    )
    copy = selectors.case_queryset().get(pk=copy.pk)
    assert copy.calculation_of_id == psr.pk
    assert copy.office == psr.office
    assert (copy.calculation_title, copy.calculation_role) == ("Defense", "defense")
    for name in (*CAPTION_FIELDS, *WORKSHEET_FIELDS):
        assert getattr(copy, name) == getattr(source, name), name
    for rows in ("offense_lines", "counts", "prior_sentences", "offense_date_lines"):
        mine = [row.to_engine() for row in getattr(copy, rows).all()]
        assert mine, rows
        assert mine == [row.to_engine() for row in getattr(source, rows).all()], rows
    assert {r.pk for r in copy.offense_lines.all()}.isdisjoint(
        {r.pk for r in source.offense_lines.all()}
    )


def test_the_caption_is_the_cases_own(alice, psr):
    defense = services.calculation_create(user=alice, case=psr, source=psr, name="Defense")
    services.case_save(
        user=alice,
        office=psr.office,
        case=psr,
        loaded_version=psr.version,
        fields={
            "judge": "Hon. Ada Roe",
            "sentencing_date": founding.CASE_FIELDS["sentencing_date"].replace(month=3),
        },
    )
    defense.refresh_from_db()
    assert defense.judge == "Hon. Ada Roe"
    assert defense.sentencing_date.month == 3
    services.case_save(
        user=alice,
        office=defense.office,
        case=defense,
        loaded_version=defense.version,
        fields={"defendant": "Someone Else", "acceptance": "2"},
    )
    defense.refresh_from_db()
    assert (defense.defendant, defense.acceptance) == (founding.DEFENDANT, "2")


def test_a_defense_copy_without_the_line_shows_both_ranges(alice_client, psr):
    defense = _defense_without_the_line(alice_client, psr)
    page = text(alice_client.get(reverse("sentencing:case_detail", args=[psr.pk])))
    assert re.search(rf'data-calculation="{psr.pk}".*?84–105 months', page, re.S)
    assert re.search(rf'data-calculation="{defense.pk}".*?70–87 months', page, re.S)

    page = text(alice_client.get(reverse("sentencing:calculation_compare", args=[psr.pk])))
    assert figure(page, "range-difference") == (
        "The Defense range has a minimum 14 months lower and a maximum 18 months lower."
    )
    rows = re.findall(r'data-row="([a-z-]+)" data-status="([a-z-]+)"', page)
    assert ("offense-line", "only-left") in rows
    assert rows.count(("offense-line", "same")) == 2
    assert ("prior-sentence", "same") in rows
    assert ("count", "same") in rows
    assert "Only in Presentence report" not in page
    assert "only in Presentence report" in page


def test_the_compare_page_takes_any_two_of_the_cases_calculations(alice, alice_client, psr):
    government = services.calculation_create(user=alice, case=psr, source=psr, name="Government")
    url = reverse("sentencing:calculation_compare", args=[psr.pk])
    page = text(alice_client.get(url, {"left": government.pk, "right": psr.pk}))
    assert figure(page, "range-difference") == "The Presentence report range is the same."
    assert 'data-status="same"' in page
    assert "data-differs" not in page
    # Another case's worksheet, or no number at all: the page's own pair, not that case.
    other = CaseFactory(by=StaffMember.objects.get(user=alice), criminal_history_category="I")
    page = text(alice_client.get(url, {"left": other.pk, "right": "x"}))
    assert re.search(r'data-side="left">Presentence report<', page)
    assert re.search(r'data-side="right">Government<', page)
    assert "Criminal history category" in page
    assert ">I<" not in page


def test_the_live_result_of_a_calculation_reads_its_own_rows(alice, alice_client, psr):
    defense = services.calculation_create(user=alice, case=psr, source=psr, name="Defense")
    data = _posted(defense)
    url = reverse("sentencing:calculation_recalculate", args=[psr.pk, defense.pk])
    assert figure(text(alice_client.post(url, data)), "range") == "84–105 months"
    data["lines-2-DELETE"] = "on"
    assert figure(text(alice_client.post(url, data)), "range") == "70–87 months"
    # The report's row ids are not the defense's: the form then says what stands in the way.
    data = _posted(psr)
    assert 'data-result="range"' not in text(alice_client.post(url, data))


def test_a_calculation_is_reached_only_through_its_own_case(alice, alice_client, psr):
    defense = services.calculation_create(user=alice, case=psr, source=psr, name="Defense")
    other = CaseFactory(by=StaffMember.objects.get(user=alice))
    for name in ("calculation_edit", "calculation_recalculate"):
        wrong = reverse(f"sentencing:{name}", args=[other.pk, defense.pk])
        assert alice_client.post(wrong, {}).status_code == 404
    for name in ("case_detail", "case_edit", "case_history"):  # a calculation is not a case
        assert alice_client.get(reverse(f"sentencing:{name}", args=[defense.pk])).status_code == 404
    assert (
        alice_client.post(reverse("sentencing:case_recalculate", args=[defense.pk]), {}).status_code
        == 404
    )
    listed = text(alice_client.get(reverse("sentencing:case_list")))
    assert listed.count(founding.DEFENDANT) == 2  # psr and other, not the defense's calculation


def test_a_stale_calculation_edit_is_refused_and_kept(alice, alice_client, psr):
    defense = services.calculation_create(user=alice, case=psr, source=psr, name="Defense")
    data = _posted(defense)
    loaded = selectors.case_queryset().get(pk=defense.pk)
    services.case_save(
        user=alice,
        office=psr.office,
        case=loaded,
        loaded_version=loaded.version,
        fields={"acceptance": "2"},
    )
    data["notes"] = "Typed while someone else saved"
    url = reverse("sentencing:calculation_edit", args=[psr.pk, defense.pk])
    response = alice_client.post(url, data)
    assert response.status_code == 409
    assert "Typed while someone else saved" in text(response)
    defense.refresh_from_db()
    assert defense.notes == ""
    assert defense.acceptance == "2"


def test_a_new_calculation_needs_a_name_or_a_role(alice_client, psr):
    url = reverse("sentencing:calculation_create", args=[psr.pk])
    response = alice_client.post(url, {"name": "", "role": "", "source": str(psr.pk)})
    assert response.status_code == 400
    assert re.search(r'id="id_name"[^>]*is-invalid|is-invalid[^>]*id="id_name"', text(response))
    assert "Name the calculation, or choose its role." in text(response)
    response = alice_client.post(url, {"name": "", "role": "government", "source": str(psr.pk)})
    made = Case.objects.get(calculation_of=psr)
    assert made.calculation_title == "Government"


def test_the_memo_argues_from_the_chosen_calculation(alice, alice_client, psr):
    defense = _defense_without_the_line(alice_client, psr)
    case = selectors.case_queryset().get(pk=psr.pk)
    assert memo_for(case, user=alice).range == "84–105 months"
    url = reverse("sentencing:calculation_argued", args=[psr.pk, defense.pk])
    assert alice_client.post(url).status_code == 302
    case = selectors.case_queryset().get(pk=psr.pk)
    assert memo_for(case, user=alice).range == "70–87 months"
    page = text(alice_client.get(reverse("sentencing:case_detail", args=[psr.pk])))
    argued = rf'data-calculation="{defense.pk}"[^>]*>\s*<th[^>]*>Defense.*?data-argued'
    assert re.search(argued, page, re.S)

    url = reverse("sentencing:calculation_delete", args=[psr.pk, defense.pk])
    asked = text(alice_client.get(url))
    assert "Delete the Defense calculation of" in asked
    assert Case.objects.filter(pk=defense.pk).exists()  # asking deletes nothing
    assert alice_client.post(url).status_code == 302
    case = selectors.case_queryset().get(pk=psr.pk)
    assert case.memo_calculation is None
    assert memo_for(case, user=alice).range == "84–105 months"
    assert not Case.objects.filter(pk=defense.pk).exists()


def test_the_working_calculation_cannot_be_deleted(alice_client, psr):
    url = reverse("sentencing:calculation_delete", args=[psr.pk, psr.pk])
    alice_client.post(url)
    assert Case.objects.filter(pk=psr.pk).exists()


def test_the_history_names_each_calculations_changes(alice, alice_client, psr):
    defense = _defense_without_the_line(alice_client, psr)
    alice_client.post(reverse("sentencing:calculation_argued", args=[psr.pk, defense.pk]))
    alice_client.post(reverse("sentencing:calculation_delete", args=[psr.pk, defense.pk]))
    changes = [change for entry in history.case_history(psr) for change in entry.changes]
    assert "Calculation “Defense” added" in changes
    assert any(c.startswith("Defense: Offense line §3C1.2 removed") for c in changes), changes
    assert "The memo argues from the working calculation → Defense" in changes
    assert "Calculation “Defense” deleted" in changes
    page = text(alice_client.get(reverse("sentencing:case_history", args=[psr.pk])))
    assert "Calculation “Defense” deleted" in page


def test_the_case_page_query_count_does_not_grow_with_calculations(
    alice, alice_client, psr, django_assert_max_num_queries
):
    url = reverse("sentencing:case_detail", args=[psr.pk])
    services.calculation_create(user=alice, case=psr, source=psr, name="Defense")
    alice_client.get(url)
    with django_assert_max_num_queries(40) as one:
        alice_client.get(url)
    for name in ("Government", "Plea agreement", "Court"):
        services.calculation_create(user=alice, case=psr, source=psr, name=name)
    with django_assert_max_num_queries(len(one)):
        alice_client.get(url)

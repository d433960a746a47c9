"""The prior-sentence rows' crime-of-violence point and the §4C1.1 criteria on the case page."""

import re

import pytest
from django.urls import reverse

from sentencing.forms import PriorSentenceForm
from sentencing.models import Case, PriorSentence
from tests.sentencing.forms_data import BANUELOS, lines_data
from tests.sentencing.pages import figure, text

pytestmark = pytest.mark.django_db


def case_data(*, offense_date, sentencing_date, priors=(), lines=None, **fields):
    data = {
        **BANUELOS,
        "manual_edition": "",
        "criminal_history_category": "",
        "offense_date": offense_date,
        "sentencing_date": sentencing_date,
        "priors-TOTAL_FORMS": str(len(priors)),
        **fields,
    }
    if lines is not None:
        data.update(lines_data(lines))
    for i, (description, subsection) in enumerate(priors):
        data[f"priors-{i}-description"] = description
        data[f"priors-{i}-subsection"] = subsection
    return data


ROBBERIES = (("Robbery, 5 years", "a"), ("Robbery, 4 years, same day", "v"))


def test_a_crime_of_violence_row_is_saved_and_scored_under_the_2025_letter(alice_client):
    # §4A1.1(d), comment. (n.4) (2025 Manual): 3 points under (a), 1 under (d).
    data = case_data(offense_date="2025-11-15", sentencing_date="2026-02-01", priors=ROBBERIES)
    page = text(alice_client.post(reverse("sentencing:case_create"), data, follow=True))
    assert figure(page, "criminal-history-category") == "III"
    assert "4 points" in page
    assert "§4A1.1(d)" in page
    case = Case.objects.get()
    assert [p.subsection for p in case.prior_sentences.all()] == ["a", "v"]
    assert PriorSentence.history.filter(subsection="v").exists()


def test_the_same_rows_take_the_2016_letter(alice_client):
    data = case_data(offense_date="2017-01-10", sentencing_date="2017-06-01", priors=ROBBERIES)
    page = text(alice_client.post(reverse("sentencing:case_recalculate_new"), data))
    assert "§4A1.1(e)" in page
    assert "§4A1.1(d)" not in page


def test_the_form_offers_the_crime_of_violence_row_and_refuses_other_letters():
    choices = dict(PriorSentenceForm().fields["subsection"].choices)
    assert "Crime of violence" in choices["v"]
    form = PriorSentenceForm({"description": "prior", "subsection": "d"})
    assert not form.is_valid()
    assert "subsection" in form.errors


def criteria(page):
    return dict(re.findall(r'data-criterion="([^"]+)" data-status="([^"]+)"', page))


ROLE_CASE = (
    ("base", "§2D1.1(c)(3)", "Base offense level (cocaine)", 34),
    ("adjustment", "§3B1.1(a)", "Organizer or leader", 4),
)


def test_the_criteria_list_follows_the_edition(alice_client):
    # §4C1.1(a)(10) (2023 Manual) joins the role and the enterprise; the 2025 Manual prints
    # (a)(10) and (a)(11). United States v. Cervantes, 109 F.4th 944 (7th Cir. 2024): the
    # §3B1.1 adjustment alone fails (a)(10).
    url = reverse("sentencing:case_recalculate_new")
    fields = {"lines": ROLE_CASE, "zero_point_offender_eligible": "on", "government_motion": "on"}
    page_2023 = text(
        alice_client.post(
            url, case_data(offense_date="2024-01-10", sentencing_date="2024-06-01", **fields)
        )
    )
    page_2025 = text(
        alice_client.post(
            url, case_data(offense_date="2025-11-10", sentencing_date="2026-01-05", **fields)
        )
    )
    assert list(criteria(page_2023)) == [f"(a)({n})" for n in range(1, 11)]
    assert list(criteria(page_2025)) == [f"(a)({n})" for n in range(1, 12)]
    assert criteria(page_2023)["(a)(10)"] == criteria(page_2025)["(a)(10)"] == "not met"
    assert criteria(page_2025)["(a)(11)"] == "asserted"
    assert figure(page_2023, "total-offense-level") == "35"
    assert "§4C1.1(a)(10): the worksheet applies §3B1.1(a)" in page_2023


def test_no_criteria_list_before_2023_or_with_points(alice_client):
    url = reverse("sentencing:case_recalculate_new")
    before = case_data(offense_date="2017-01-10", sentencing_date="2017-06-01")
    assert 'data-result="zero-point-criteria"' not in text(alice_client.post(url, before))
    with_points = case_data(
        offense_date="2025-11-10", sentencing_date="2026-01-05", priors=(("Theft", "c"),)
    )
    assert 'data-result="zero-point-criteria"' not in text(alice_client.post(url, with_points))


def test_a_prior_sentence_description_is_escaped_on_the_worksheet(alice_client):
    data = case_data(
        offense_date="2025-11-15",
        sentencing_date="2026-02-01",
        priors=(("Robbery", "a"), ("<script>alert(1)</script>", "v")),
    )
    page = text(alice_client.post(reverse("sentencing:case_recalculate_new"), data))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_on_screen_worksheet_shows_each_prior_sentences_points(alice_client):
    # §4A1.1(a) 3 points, (d) 1 point (2025 Manual), as the PDF prints them.
    data = case_data(offense_date="2025-11-15", sentencing_date="2026-02-01", priors=ROBBERIES)
    page = text(alice_client.post(reverse("sentencing:case_recalculate_new"), data))
    points = re.findall(r'data-result="points">(.*?)</span>', page)
    assert points[:2] == ["3 pts", "1 pt"]

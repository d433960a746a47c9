"""Departure requests through the client: the form, its live outcome, saving and bad input."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from departures.forms import ARGUMENT_MAX_CHARACTERS, ARGUMENT_MAX_LINES, MAX_REQUESTS
from departures.models import DepartureRequest
from sentencing.history import case_history
from sentencing.models import Case
from tests.factories import StaffMemberFactory
from tests.memo.conftest import argument_at_the_cap
from tests.sentencing.forms_data import BANUELOS, with_count
from tests.sentencing.pages import figure, text

pytestmark = pytest.mark.django_db


def make_case(client, **changes) -> Case:
    data = with_count({**BANUELOS, **changes}, "8 U.S.C. § 1326(b)(2)")
    response = client.post(reverse("sentencing:case_create"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Case.objects.latest("pk")


@pytest.fixture
def banuelos_case(alice_client, casebook):
    return make_case(alice_client, sentencing_date="2001-03-01")


ARGUMENT = "Had he been prosecuted in the Southern District, he would face 30 months."
# One character too many, and one line too many, with line breaks as a browser sends them.
TOO_LONG = ARGUMENT + "\r\n\r\n" + "x" * (ARGUMENT_MAX_CHARACTERS - len(ARGUMENT) - 1)
TOO_MANY_LINES = ARGUMENT + "\r\n" + "\r\n".join(["A point."] * ARGUMENT_MAX_LINES)


def request_data(casebook, **changes) -> dict:
    return {
        "ground": str(casebook.fast_track.pk),
        "ground_text": "",
        "direction": "downward",
        "extent_levels": "4",
        "target_months": "",
        "argument": ARGUMENT,
        **changes,
    }


def authorities(page: str, kind: str) -> list[str]:
    items = re.findall(rf'<li[^>]*data-authority="{kind}"[^>]*>(.*?)</li>', page, re.S)
    return [re.search(r"<em>(.*?)</em>", item).group(1) for item in items]


def test_the_preview_shows_the_prediction_the_ranges_and_the_what_ifs(
    alice_client, casebook, banuelos_case
):
    url = reverse("departures:request_preview", args=[banuelos_case.pk])
    page = text(alice_client.post(url, request_data(casebook)))
    assert figure(page, "prediction") == (
        "Foreclosed in the Ninth Circuit: United States v. Banuelos-Rodriguez holds that a "
        "district court may not depart on this ground."
    )
    assert figure(page, "range-if-denied") == "70–87 months"
    assert figure(page, "range-if-granted") == "46–57 months"
    assert figure(page, "difference") == "24–30 months lower"
    assert authorities(page, "binding") == ["United States v. Banuelos-Rodriguez"]
    assert sorted(authorities(page, "persuasive")) == [
        "United States v. Armenta-Castro",
        "United States v. Bonnet-Grullon",
    ]
    assert "215 F.3d 969, 978 (9th Cir. 2000) (en banc)" in page
    what_ifs = re.findall(r'data-result="what-if-sentence">(.*?)<', page)
    assert what_ifs == ["24 months", "30 months"]
    assert "<html" not in page  # only the panel


def test_in_utah_armenta_castro_binds_and_its_unverified_cite_is_flagged(alice_client, casebook):
    case = make_case(alice_client, district="utd", sentencing_date="2001-03-01")
    url = reverse("departures:request_preview", args=[case.pk])
    page = text(alice_client.post(url, request_data(casebook)))
    assert authorities(page, "binding") == ["United States v. Armenta-Castro"]
    assert "unverified citation" in page
    assert figure(page, "prediction").startswith("Foreclosed in the Tenth Circuit")


def test_a_target_sentence_is_the_granted_sentence(alice_client, casebook, banuelos_case):
    url = reverse("departures:request_preview", args=[banuelos_case.pk])
    data = request_data(casebook, extent_levels="", target_months="30")
    page = text(alice_client.post(url, data))
    assert figure(page, "range-if-granted") == "30 months"
    assert figure(page, "difference") == "40–57 months lower"


def test_saving_lists_the_request_with_its_prediction_on_the_case_page(
    alice_client, casebook, banuelos_case
):
    url = reverse("departures:request_create", args=[banuelos_case.pk])
    response = alice_client.post(url, request_data(casebook))
    assert response.status_code == 302
    request = DepartureRequest.objects.get()
    assert (request.extent_levels, request.ground, request.case) == (
        4,
        casebook.fast_track,
        banuelos_case,
    )
    page = text(alice_client.get(reverse("sentencing:case_detail", args=[banuelos_case.pk])))
    assert "Foreclosed in the Ninth Circuit" in figure(page, "prediction")
    assert figure(page, "range-if-granted") == "46–57 months"


def test_editing_the_case_recomputes_the_saved_request(alice_client, casebook, banuelos_case):
    alice_client.post(
        reverse("departures:request_create", args=[banuelos_case.pk]), request_data(casebook)
    )
    Case.objects.filter(pk=banuelos_case.pk).update(criminal_history_category="IV")
    page = text(alice_client.get(reverse("sentencing:case_detail", args=[banuelos_case.pk])))
    assert figure(page, "range-if-denied") == "57–71 months"  # level 21, category IV
    assert figure(page, "range-if-granted") == "37–46 months"  # level 17, category IV


def test_a_ground_the_casebook_does_not_know_is_kept_in_words(
    alice_client, casebook, banuelos_case
):
    url = reverse("departures:request_create", args=[banuelos_case.pk])
    data = request_data(casebook, ground="", ground_text="Cultural assimilation")
    assert alice_client.post(url, data).status_code == 302
    assert DepartureRequest.objects.get().ground_name == "Cultural assimilation"
    page = text(alice_client.get(reverse("sentencing:case_detail", args=[banuelos_case.pk])))
    assert "no authority on this ground" in figure(page, "prediction")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"extent_levels": "0"}, "extent_levels", "by 1 to 42 levels"),
        ({"extent_levels": "60"}, "extent_levels", "by 1 to 42 levels"),
        ({"extent_levels": "25"}, "extent_levels", "From level 21 a departure can move at most 20"),
        ({"extent_levels": "four"}, "extent_levels", "Enter the levels as a whole number."),
        ({"extent_levels": ""}, "extent_levels", "Say how far"),
        ({"target_months": "30"}, "target_months", "not both"),
        (
            {"extent_levels": "", "target_months": "300"},
            "target_months",
            "above the statutory maximum of 240 months",
        ),
        (
            {"extent_levels": "", "target_months": "80"},
            "target_months",
            "less than the guideline sentence",
        ),
        ({"ground": ""}, "ground", "Choose a ground"),
        (
            {"argument": TOO_LONG},
            "argument",
            f"Keep the argument within {ARGUMENT_MAX_CHARACTERS:,} characters "
            f"(it has {ARGUMENT_MAX_CHARACTERS + 1:,}).",
        ),
        (
            {"argument": TOO_MANY_LINES},
            "argument",
            f"Keep the argument within {ARGUMENT_MAX_LINES} lines (it has "
            f"{ARGUMENT_MAX_LINES + 1}): a paragraph needs no line breaks of its own.",
        ),
    ],
)
def test_bad_input_gets_a_message_at_its_field_and_keeps_what_was_typed(
    alice_client, casebook, banuelos_case, changes, field, message
):
    url = reverse("departures:request_create", args=[banuelos_case.pk])
    response = alice_client.post(url, request_data(casebook, **changes))
    page = text(response)
    assert response.status_code == 200
    assert re.search(rf'id="error_\d+_id_{field}"[^>]*><strong>[^<]*{re.escape(message)}', page)
    assert "he would face 30 months." in page  # the argument is kept
    assert not DepartureRequest.objects.exists()


def test_an_argument_over_the_cap_is_kept_whole_in_its_field(alice_client, casebook, banuelos_case):
    url = reverse("departures:request_create", args=[banuelos_case.pk])
    page = text(alice_client.post(url, request_data(casebook, argument=TOO_LONG)))
    field = re.search(r'<textarea name="argument"[^>]*>(.*?)</textarea>', page, re.S)
    assert html.unescape(field.group(1)).strip() == TOO_LONG
    assert "maxlength" not in field.group(0)  # a browser would cut a pasted argument short
    assert f"Up to {ARGUMENT_MAX_CHARACTERS:,} characters in {ARGUMENT_MAX_LINES} lines" in page


def test_an_argument_at_the_cap_is_saved(alice_client, casebook, banuelos_case):
    url = reverse("departures:request_create", args=[banuelos_case.pk])
    argument = argument_at_the_cap("lines").replace("\n", "\r\n")  # as a browser sends it
    assert alice_client.post(url, request_data(casebook, argument=argument)).status_code == 302
    assert DepartureRequest.objects.get().argument == argument


def test_a_case_holds_a_few_requests_and_the_one_too_many_keeps_what_was_typed(
    alice_client, casebook, banuelos_case
):
    url = reverse("departures:request_create", args=[banuelos_case.pk])
    for levels in range(1, MAX_REQUESTS + 1):
        data = request_data(casebook, extent_levels=str(levels))
        assert alice_client.post(url, data).status_code == 302
    message = f"A case holds at most {MAX_REQUESTS} requests"
    assert re.search(rf"data-case-full>{message}", text(alice_client.get(url)))

    response = alice_client.post(url, request_data(casebook, extent_levels="6"))
    page = text(response)
    assert response.status_code == 200
    assert re.search(rf"data-form-errors><p[^>]*>{message}", page)
    assert "he would face 30 months." in page
    assert DepartureRequest.objects.count() == MAX_REQUESTS
    # The requests it holds can still be edited.
    request = DepartureRequest.objects.first()
    edit = reverse("departures:request_edit", args=[banuelos_case.pk, request.pk])
    data = request_data(casebook, extent_levels="7", version=str(request.version))
    assert alice_client.post(edit, data).status_code == 302


def test_a_downward_target_above_a_1326a_maximum_is_refused(alice_client, casebook):
    data = with_count({**BANUELOS, "sentencing_date": "2001-03-01"}, "8 U.S.C. § 1326(a)")
    alice_client.post(reverse("sentencing:case_create"), data)
    case = Case.objects.get()
    url = reverse("departures:request_create", args=[case.pk])
    page = text(
        alice_client.post(url, request_data(casebook, extent_levels="", target_months="30"))
    )
    assert "above the statutory maximum of 24 months" in page


def test_under_the_2025_manual_the_request_is_framed_as_a_variance(alice_client, casebook):
    case = make_case(
        alice_client,
        offense_date="2025-12-01",
        sentencing_date="2026-06-01",
        manual_edition="",
    )
    page = text(
        alice_client.post(
            reverse("departures:request_preview", args=[case.pk]), request_data(casebook)
        )
    )
    framing = figure(page, "framing")
    assert "no departures" in framing
    assert "18 U.S.C. § 3553(a)" in framing
    assert "§3F1.1" in framing
    said = figure(page, "prediction")
    assert not said.startswith("Foreclosed")  # a departure holding does not foreclose a variance
    assert "Banuelos-Rodriguez held a departure on this ground unavailable" in said


def test_another_office_cannot_reach_the_requests(
    bob_client, alice_client, casebook, banuelos_case
):
    alice_client.post(
        reverse("departures:request_create", args=[banuelos_case.pk]), request_data(casebook)
    )
    request = DepartureRequest.objects.get()
    args = [banuelos_case.pk]
    assert bob_client.get(reverse("departures:request_create", args=args)).status_code == 404
    assert bob_client.post(reverse("departures:request_preview", args=args), {}).status_code == 404
    for name in ("departures:request_edit", "departures:request_delete"):
        assert bob_client.post(reverse(name, args=[*args, request.pk])).status_code == 404
    assert DepartureRequest.objects.exists()


def test_the_case_page_query_count_does_not_grow_with_requests(
    alice_client, casebook, banuelos_case, django_assert_max_num_queries
):
    url = reverse("departures:request_create", args=[banuelos_case.pk])
    detail = reverse("sentencing:case_detail", args=[banuelos_case.pk])
    alice_client.post(url, request_data(casebook))
    with django_assert_max_num_queries(40) as one:
        alice_client.get(detail)
    queries_for_one = len(one.captured_queries)
    for levels in ("1", "2"):
        alice_client.post(url, request_data(casebook, extent_levels=levels))
        alice_client.post(url, request_data(casebook, ground="", ground_text=f"Other {levels}"))
    assert DepartureRequest.objects.count() == 5
    with django_assert_max_num_queries(queries_for_one):
        alice_client.get(detail)


def test_a_request_is_its_own_history_entry_with_its_author_and_ground(
    alice_client, casebook, banuelos_case
):
    carol = StaffMemberFactory(
        user__username="carol", user__first_name="Carol", office=banuelos_case.office
    ).user
    carol_client = Client()
    carol_client.force_login(carol)
    url = reverse("departures:request_create", args=[banuelos_case.pk])
    carol_client.post(url, request_data(casebook))
    [request_entry, case_entry] = case_history(banuelos_case)
    assert request_entry.who.startswith("Carol")
    assert request_entry.changes[0].startswith(
        "Departure request “Inter-district sentencing disparity"
    )
    assert "ground Inter-district sentencing disparity" in request_entry.changes[0]
    assert case_entry.who.startswith("Alice")
    assert case_entry.changes[0] == "Case opened"
    page = text(alice_client.get(reverse("sentencing:case_history", args=[banuelos_case.pk])))
    assert "Departure request “Inter-district sentencing disparity" in page


def test_the_edit_page_shows_the_saved_requests_outcome(alice_client, casebook, banuelos_case):
    alice_client.post(
        reverse("departures:request_create", args=[banuelos_case.pk]), request_data(casebook)
    )
    request = DepartureRequest.objects.get()
    page = text(
        alice_client.get(reverse("departures:request_edit", args=[banuelos_case.pk, request.pk]))
    )
    assert figure(page, "prediction").startswith("Foreclosed in the Ninth Circuit")
    assert figure(page, "range-if-granted") == "46–57 months"


def test_a_request_against_a_life_range_is_checked_without_crashing(alice_client, casebook):
    no_count = {**BANUELOS, "sentencing_date": "2001-03-01", "lines-1-levels": "40"}
    alice_client.post(reverse("sentencing:case_create"), no_count)  # 8 + 40 − 3: level 43
    case = Case.objects.get()
    url = reverse("departures:request_create", args=[case.pk])
    down = alice_client.post(url, request_data(casebook, extent_levels="", target_months="400"))
    assert down.status_code == 302  # below life: a downward target
    up = alice_client.post(
        url, request_data(casebook, direction="upward", extent_levels="", target_months="480")
    )
    assert "An upward request asks for more than the guideline sentence (life)" in text(up)
    preview = reverse("departures:request_preview", args=[case.pk])
    data = request_data(casebook, extent_levels="", target_months="300")
    assert alice_client.post(preview, data).status_code == 200


def test_a_second_editor_of_a_request_is_refused_and_keeps_what_they_typed(
    alice, casebook, banuelos_case
):
    first, second = Client(), Client()
    first.force_login(alice)
    second.force_login(alice)
    first.post(
        reverse("departures:request_create", args=[banuelos_case.pk]), request_data(casebook)
    )
    request = DepartureRequest.objects.get()
    url = reverse("departures:request_edit", args=[banuelos_case.pk, request.pk])
    loaded_by_both = request_data(casebook, version=str(request.version))

    assert first.post(url, {**loaded_by_both, "extent_levels": "2"}).status_code == 302
    response = second.post(url, {**loaded_by_both, "argument": "The second editor's argument."})
    page = text(response)
    assert response.status_code == 409
    assert "saved this departure request while you were editing" in page
    assert "2 levels" in page  # what the other person saved
    assert "The second editor&#x27;s argument." in page  # the second editor's typing is kept
    assert DepartureRequest.objects.get().extent_levels == 2
    resubmitted = {
        **loaded_by_both,
        "argument": "The second editor's argument.",
        "version": str(DepartureRequest.objects.get().version),
    }
    assert second.post(url, resubmitted).status_code == 302
    assert DepartureRequest.objects.get().argument == "The second editor's argument."


@pytest.mark.parametrize("version", ["99999999999999999999", "-1", "x"])
def test_a_version_out_of_range_is_a_conflict_not_an_error(
    alice_client, casebook, banuelos_case, version
):
    create = reverse("departures:request_create", args=[banuelos_case.pk])
    alice_client.post(create, request_data(casebook))
    request = DepartureRequest.objects.get()
    url = reverse("departures:request_edit", args=[banuelos_case.pk, request.pk])
    response = alice_client.post(url, request_data(casebook, extent_levels="2", version=version))
    assert response.status_code == 409
    assert DepartureRequest.objects.get().extent_levels == 4

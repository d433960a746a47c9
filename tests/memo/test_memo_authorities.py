"""Each holding's role in an argument: supporting, or adverse and distinguished by the author.

A filed memo discloses adverse controlling authority and distinguishes it (ABA Model Rule of
Professional Conduct 3.3(a)(2)); it never prints the government's best case as "Controlling
authority" straight after the defendant's argument."""

import dataclasses

import pytest
from django.urls import reverse

from casebook.models import Holding
from memos.forms import ArgumentForm
from memos.models import ArgumentOptions, AuthorityRole
from memos.render import MemoRenderer
from memos.sections import ADVERSE, SUPPORTS, default_role
from memos.selectors import memo_for
from tests.memo.conftest import MEMO_DATE, fast_track_sections
from tests.memo.pdf import full_text

BANUELOS = "United States v. Banuelos-Rodriguez, 215 F.3d 969, 978 (9th Cir. 2000) (en banc)"
DISTINCTION = (
    "Banuelos-Rodriguez decided a departure under the 1998 Manual; it does not decide a "
    "variance under 18 U.S.C. § 3553(a)(6)."
)


def pdf_text(case, user, sections=None):
    memo = memo_for(case, user=user, sections=sections, on=MEMO_DATE)
    return memo, full_text(MemoRenderer().render(memo).content)


def test_a_holding_that_forbids_the_request_is_adverse_by_default_one_that_permits_supports():
    assert default_role(Holding.Effect.FORBIDS) == ADVERSE
    assert default_role(Holding.Effect.PERMITS) == SUPPORTS
    assert default_role(Holding.Effect.REQUIRES_CONSIDERATION) == SUPPORTS


def test_the_seeded_fast_track_holdings_are_stated_as_adverse_authority(
    banuelos_case, alice, casebook
):
    # Banuelos-Rodriguez, Bonnet-Grullon and Armenta-Castro all forbid the departure (seed.json).
    sections = fast_track_sections(banuelos_case, casebook.fast_track)
    memo, text = pdf_text(banuelos_case, alice, sections)
    (section,) = memo.sections
    assert section.supporting == ()
    assert [a.binding for a in section.adverse] == [True, False, False]
    assert "Controlling authority" not in text
    argument_end = text.index("The Court should depart.")
    adverse = text.index("Adverse authority, distinguished")
    assert argument_end < adverse < text.index(BANUELOS)
    assert "Supporting authority" not in text


def test_the_author_marks_roles_and_writes_the_distinction_next_to_the_adverse_holding(
    alice_client, alice, banuelos_case, casebook
):
    (section,) = fast_track_sections(banuelos_case, casebook.fast_track)
    by_name = {a.case_name: a for a in section.binding + section.persuasive}
    banuelos = by_name["United States v. Banuelos-Rodriguez"]
    others = [
        by_name["United States v. Bonnet-Grullon"],
        by_name["United States v. Armenta-Castro"],
    ]
    prefix = f"argument-{section.request_id}"
    data = {
        f"{prefix}-role_{banuelos.holding_id}": ADVERSE,
        f"{prefix}-distinction_{banuelos.holding_id}": DISTINCTION,
        # Treating a holding as support is the author's call, even against its effect.
        f"{prefix}-role_{others[0].holding_id}": SUPPORTS,
        f"{prefix}-distinction_{others[0].holding_id}": "",
        f"{prefix}-role_{others[1].holding_id}": ADVERSE,
        f"{prefix}-distinction_{others[1].holding_id}": "",
    }
    response = alice_client.post(reverse("memos:edit", args=[banuelos_case.pk]), data)
    assert response.status_code == 302
    assert AuthorityRole.objects.get(holding_id=banuelos.holding_id).distinction == DISTINCTION

    memo, text = pdf_text(banuelos_case, alice)
    (printed,) = memo.sections
    assert [a.mention.name for a in printed.supporting] == ["United States v. Bonnet-Grullon"]
    assert [a.mention.name for a in printed.adverse][0] == "United States v. Banuelos-Rodriguez"
    assert text.index("Supporting authority") < text.index("Adverse authority, distinguished")
    after = text[text.index("Adverse authority, distinguished") :]
    assert after.index("Banuelos-Rodriguez") < after.index("Distinguished. " + DISTINCTION)
    # The adverse holding left undistinguished is listed for the author.
    assert [a.mention.name for a in printed.undistinguished] == ["United States v. Armenta-Castro"]
    preview = alice_client.get(reverse("memos:preview", args=[banuelos_case.pk])).content.decode()
    assert 'data-memo="undistinguished"' in preview


def test_if_denied_and_what_if_print_only_where_the_author_puts_them(
    alice_client, alice, banuelos_case, casebook
):
    (section,) = fast_track_sections(banuelos_case, casebook.fast_track)
    assert section.what_if  # the fast-track ground has computed alternatives to print
    _, text = pdf_text(banuelos_case, alice)
    assert "If granted Level 21 − 2 = 19" in text
    assert "If denied" not in text
    assert "What if" not in text
    ArgumentOptions.objects.create(
        request_id=section.request_id, show_if_denied=True, show_what_if=True
    )
    _, text = pdf_text(banuelos_case, alice)
    assert "If denied 70–87 months" in text
    assert "What if: A plea to 8 U.S.C. § 1326(a)" in text


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_memo_page_needs_a_login_and_the_case_office(
    client, bob_client, alice_client, banuelos_case, method
):
    url = reverse("memos:edit", args=[banuelos_case.pk])
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert getattr(bob_client, method)(url).status_code == 404
    assert alice_client.get(url).status_code == 200
    case_page = alice_client.get(reverse("sentencing:case_detail", args=[banuelos_case.pk]))
    assert url in case_page.content.decode()


def test_a_role_the_form_does_not_offer_is_refused_and_nothing_is_saved(
    alice_client, banuelos_case, casebook
):
    (section,) = fast_track_sections(banuelos_case, casebook.fast_track)
    held = section.binding[0].holding_id
    data = {f"argument-{section.request_id}-role_{held}": "controlling"}
    response = alice_client.post(reverse("memos:edit", args=[banuelos_case.pk]), data)
    assert response.status_code == 400
    assert 'id="error-summary" autofocus' in response.content.decode()
    assert not AuthorityRole.objects.exists()


def test_the_memo_page_saves_the_authors_parts_and_signature_block(
    alice_client, alice, banuelos_case
):
    data = {
        "draft-introduction": "",
        "draft-facts": "He came to the United States at age four.",
        "draft-factors": "See 18 U.S.C. § 3553(a)(6).",
        "draft-conclusion": "",
        "draft-sentence_asked": "46 months",
        "signer-bar_number": "123456",
        "signer-address": "321 East 2nd Street",
        "signer-phone": "(213) 555-0100",
        "signer-email": "alice@fpd.example",
    }
    url = reverse("memos:edit", args=[banuelos_case.pk])
    assert alice_client.post(url, data).status_code == 302
    memo, text = pdf_text(banuelos_case, alice, [])
    assert memo.sentence_asked == "46 months"
    assert "impose a sentence of 46 months." in text
    assert "Alice Lawyer (Bar No. 123456)" in text
    assert "18 U.S.C. § 3553(a)(6)" in [e.rest for e in memo.statutes]
    page = alice_client.get(url).content.decode()
    assert "He came to the United States at age four." in page
    assert 'value="123456"' in page
    bad = {**data, "signer-email": "not an address"}
    response = alice_client.post(url, bad)
    assert response.status_code == 400
    assert "not an address" in response.content.decode()


def test_a_variance_reminds_the_author_that_departure_holdings_did_not_decide_it(
    banuelos_case, casebook
):
    # Amendment 836 (Nov. 1, 2025) removed departures: the request is a § 3553(a) variance
    # (GLM2025, Ch. 1 Pt. A introduction).
    (section,) = fast_track_sections(banuelos_case, casebook.fast_track)
    held = section.binding[0].holding_id
    departure = ArgumentForm(section=section)
    variance = ArgumentForm(section=dataclasses.replace(section, variance=True))
    assert "variance" not in departure.fields[f"distinction_{held}"].help_text
    assert "variance under 18 U.S.C. § 3553(a)" in variance.fields[f"distinction_{held}"].help_text

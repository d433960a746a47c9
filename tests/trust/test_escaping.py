"""Text from users and from opinions is shown as text on every page, never run as markup."""

import datetime

import pytest
from django.urls import reverse

from casebook.records import CitationRecord, OpinionRecord
from casebook.services.holdings import holding_save
from casebook.services.opinions import opinion_import
from sentencing.models import Case
from sentencing.services import case_save
from tests.factories import DepartureRequestFactory, GroundFactory
from tests.sentencing.forms_data import BANUELOS, with_count
from tests.trust import urlwalk
from tests.trust.pageforms import forms_on
from tests.trust.test_access_control import url_kwarg_sets

pytestmark = pytest.mark.django_db

PAYLOAD = "<script>xss()</script>"
ESCAPED = "&lt;script&gt;xss()&lt;/script&gt;"
ATTRIBUTE_PAYLOAD = '"><img src=x onerror=xss()>'


def assert_escaped(response, where: str):
    page = response.content.decode()
    assert "<script>xss()" not in page, f"{where}: user text ran as a script"
    assert "<img src=x onerror" not in page, f"{where}: user text broke out of an attribute"


@pytest.fixture
def hostile_case(alice, alice_client):
    """A case whose every text field (and every formset row's) holds a script."""
    alice.first_name = PAYLOAD
    alice.save()
    create = reverse("sentencing:case_create")
    page = alice_client.get(create).content.decode()
    [form] = [f for f in forms_on(create, page) if f.action == create and not f.htmx]
    text_fields = {f.name for f in form.fields if f.kind in ("text", "textarea", "search")}
    data = with_count(BANUELOS, "8 U.S.C. § 1326(a)")
    data.update({"priors-TOTAL_FORMS": "1", "priors-0-subsection": "b"})
    filled = []
    for name in sorted(text_fields):
        row_name = name.replace("__prefix__", "0")
        if "__prefix__" in name and f"{row_name.split('-')[0]}-TOTAL_FORMS" not in data:
            continue
        data[row_name] = PAYLOAD
        filled.append(row_name)
    assert {"defendant", "judge", "notes", "lines-0-guideline", "counts-0-statute"} <= set(filled)
    assert "priors-0-description" in filled
    # Row 0 is the base offense level, which takes no group: the characteristic's group does.
    data["lines-1-group"] = data.pop("lines-0-group")
    response = alice_client.post(create, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    case = Case.objects.get()
    assert case.defendant == PAYLOAD
    assert case.offense_lines.first().guideline == PAYLOAD
    assert case.offense_lines.last().group == PAYLOAD
    # A second save, so that the History page shows old and new values.
    case_save(
        user=alice,
        office=case.office,
        fields={"notes": ATTRIBUTE_PAYLOAD},
        case=case,
        loaded_version=case.version,
    )
    DepartureRequestFactory(
        case=case, ground_text=PAYLOAD, argument=ATTRIBUTE_PAYLOAD, extent_levels=2
    )
    return case


@pytest.fixture
def hostile_opinion(db):
    record = OpinionRecord(
        case_name=f"United States v. {PAYLOAD}",
        court_id="ca9",
        source="text",
        source_id="hostile-1",
        date_decided=datetime.date(2000, 6, 1),
        author=PAYLOAD,
        judges=ATTRIBUTE_PAYLOAD,
        docket_number=PAYLOAD,
        text=f"Opinion. {PAYLOAD} We cite 999 F.3d 1 {ATTRIBUTE_PAYLOAD}.\n\n{PAYLOAD}",
        notes=PAYLOAD,
        citations=[CitationRecord(998, "F.3d", 1)],
    )
    opinion = opinion_import(record=record)
    ground = GroundFactory(name=PAYLOAD, slug="hostile", description=ATTRIBUTE_PAYLOAD)
    holding_save(opinion=opinion, ground=ground, effect="permits", quote="Opinion.")
    return opinion


def test_every_case_page_shows_script_text_escaped(alice, alice_client, hostile_case):
    opened = 0
    for endpoint in urlwalk.by_kind("case"):
        for kwargs in url_kwarg_sets(endpoint, hostile_case, alice):
            url = reverse(endpoint.name, kwargs=kwargs)
            response = alice_client.get(url)
            if response.status_code == 405:
                response = alice_client.post(url, {})
            if "text/html" in response.get("Content-Type", ""):
                assert_escaped(response, url)
                opened += 1
    for endpoint in urlwalk.by_kind("own-office"):
        response = alice_client.get(reverse(endpoint.name))
        assert_escaped(response, endpoint.name)
    for name in ["sentencing:case_detail", "sentencing:case_edit", "sentencing:case_history"]:
        page = alice_client.get(reverse(name, args=[hostile_case.pk])).content.decode()
        assert ESCAPED in page, f"{name} does not show the text at all"
    history = alice_client.get(reverse("sentencing:case_history", args=[hostile_case.pk]))
    assert "&quot;&gt;&lt;img src=x onerror=xss()&gt;" in history.content.decode()
    assert opened >= 4


def test_every_casebook_page_shows_opinion_text_escaped(alice_client, hostile_opinion):
    pages = [
        reverse("casebook:opinion_list"),
        reverse("casebook:opinion_list") + "?q=" + PAYLOAD,
        reverse("casebook:opinion_detail", args=[hostile_opinion.pk]),
        reverse("casebook:ground_list"),
        reverse("casebook:ground_detail", args=["hostile"]),
    ]
    unmatched = hostile_opinion.unmatched_citations.first()
    if unmatched is not None:
        pages.append(reverse("casebook:unmatched_citation", args=[unmatched.pk]))
    for url in pages:
        response = alice_client.get(url)
        assert response.status_code == 200, url
        assert_escaped(response, url)
    detail = alice_client.get(pages[2]).content.decode()
    assert detail.count(ESCAPED) >= 3  # case name, author, the text itself
